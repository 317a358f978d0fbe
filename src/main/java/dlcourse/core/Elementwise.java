package dlcourse.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementwise kernels over flat row-major arrays: a Vector API loop per operation, its scalar twin, and a
 * dispatcher that picks one according to {@link Simd#ENABLED}.
 *
 * <p>Each vector loop names its operator literally (the Vector API only compiles constant operators to
 * machine instructions) and finishes with a scalar tail instead of masked loads, which are slow on JDK 17.
 * Outputs may alias inputs. Edge cases follow numpy: log(0) = -inf, 0/0 = NaN, NaN propagates through
 * {@code maximum}/{@code minimum}, no exception is ever thrown for a value.
 */
final class Elementwise {

    private static final VectorSpecies<Double> S = Simd.SPECIES;
    private static final DoubleVector ZERO = DoubleVector.zero(S);
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

    /** Elementwise functions of one argument. */
    enum Unary { EXP, LOG, TANH, SQRT, SQUARE, ABS, NEG, SIGMOID, RELU }

    /** Elementwise functions of two arguments; comparisons produce 1.0 / 0.0 masks. */
    enum Binary { ADD, SUB, MUL, DIV, MAX, MIN, GT, GE, LT, LE, EQ }

    private Elementwise() {
    }

    /** numpy's maximum: NaN if either argument is NaN. */
    static double npMax(double x, double y) {
        return Math.max(x, y);
    }

    /** numpy's minimum: NaN if either argument is NaN. */
    static double npMin(double x, double y) {
        return Math.min(x, y);
    }

    /** {@code out[i] = op(a[i])} for {@code i < n}, vector or scalar according to {@link Simd#ENABLED}. */
    static void unary(Unary op, double[] a, double[] out, int n) {
        if (Simd.ENABLED) {
            unaryVector(op, a, out, n);
        } else {
            unaryScalar(op, a, out, n);
        }
    }

    /** {@code out[i] = op(a[i], b[i])}. */
    static void binary(Binary op, double[] a, double[] b, double[] out, int n) {
        binary(op, a, 0, b, 0, out, 0, n);
    }

    /** {@code out[oo+i] = op(a[ao+i], b[bo+i])}, vector or scalar. */
    static void binary(Binary op, double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        if (Simd.ENABLED) {
            binaryVector(op, a, ao, b, bo, out, oo, n);
        } else {
            binaryScalar(op, a, ao, b, bo, out, oo, n);
        }
    }

    /** {@code out[oo+i] = op(a[ao+i], s)}, vector or scalar. */
    static void binaryScalarRight(Binary op, double[] a, int ao, double s, double[] out, int oo, int n) {
        if (Simd.ENABLED) {
            binaryScalarRightVector(op, a, ao, s, out, oo, n);
        } else {
            binaryScalarRightScalar(op, a, ao, s, out, oo, n);
        }
    }

    /** {@code out[oo+i] = op(s, b[bo+i])}, vector or scalar. */
    static void binaryScalarLeft(Binary op, double s, double[] b, int bo, double[] out, int oo, int n) {
        if (Simd.ENABLED) {
            binaryScalarLeftVector(op, s, b, bo, out, oo, n);
        } else {
            binaryScalarLeftScalar(op, s, b, bo, out, oo, n);
        }
    }
    /** Vector implementation of {@link #unary}. */
    static void unaryVector(Unary op, double[] a, double[] out, int n) {
        switch (op) {
            case EXP -> expVector(a, out, n);
            case LOG -> logVector(a, out, n);
            case TANH -> tanhVector(a, out, n);
            case SQRT -> sqrtVector(a, out, n);
            case SQUARE -> squareVector(a, out, n);
            case ABS -> absVector(a, out, n);
            case NEG -> negVector(a, out, n);
            case SIGMOID -> sigmoidVector(a, out, n);
            case RELU -> reluVector(a, out, n);
            default -> throw new AssertionError(op);
        }
    }

    /** Scalar twin of {@link #unaryVector}. */
    static void unaryScalar(Unary op, double[] a, double[] out, int n) {
        switch (op) {
            case EXP -> expScalar(a, out, n);
            case LOG -> logScalar(a, out, n);
            case TANH -> tanhScalar(a, out, n);
            case SQRT -> sqrtScalar(a, out, n);
            case SQUARE -> squareScalar(a, out, n);
            case ABS -> absScalar(a, out, n);
            case NEG -> negScalar(a, out, n);
            case SIGMOID -> sigmoidScalar(a, out, n);
            case RELU -> reluScalar(a, out, n);
            default -> throw new AssertionError(op);
        }
    }

    /** Vector loop: e<sup>x</sup>. */
    static void expVector(double[] a, double[] out, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            (v.lanewise(VectorOperators.EXP)).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[i];
            out[i] = Math.exp(x);
        }
    }

    /** Scalar twin: e<sup>x</sup>. */
    static void expScalar(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = Math.exp(x);
        }
    }

    /** Vector loop: natural logarithm (log 0 = -inf, log of a negative = NaN). */
    static void logVector(double[] a, double[] out, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            (v.lanewise(VectorOperators.LOG)).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[i];
            out[i] = Math.log(x);
        }
    }

    /** Scalar twin: natural logarithm (log 0 = -inf, log of a negative = NaN). */
    static void logScalar(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = Math.log(x);
        }
    }

    /** Vector loop: hyperbolic tangent. */
    static void tanhVector(double[] a, double[] out, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            (v.lanewise(VectorOperators.TANH)).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[i];
            out[i] = Math.tanh(x);
        }
    }

    /** Scalar twin: hyperbolic tangent. */
    static void tanhScalar(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = Math.tanh(x);
        }
    }

    /** Vector loop: square root (NaN for negatives). */
    static void sqrtVector(double[] a, double[] out, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            (v.lanewise(VectorOperators.SQRT)).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[i];
            out[i] = Math.sqrt(x);
        }
    }

    /** Scalar twin: square root (NaN for negatives). */
    static void sqrtScalar(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = Math.sqrt(x);
        }
    }

    /** Vector loop: x<sup>2</sup>. */
    static void squareVector(double[] a, double[] out, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            (v.mul(v)).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[i];
            out[i] = x * x;
        }
    }

    /** Scalar twin: x<sup>2</sup>. */
    static void squareScalar(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = x * x;
        }
    }

    /** Vector loop: |x|. */
    static void absVector(double[] a, double[] out, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            (v.lanewise(VectorOperators.ABS)).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[i];
            out[i] = Math.abs(x);
        }
    }

    /** Scalar twin: |x|. */
    static void absScalar(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = Math.abs(x);
        }
    }

    /** Vector loop: -x. */
    static void negVector(double[] a, double[] out, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            (v.neg()).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[i];
            out[i] = -x;
        }
    }

    /** Scalar twin: -x. */
    static void negScalar(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = -x;
        }
    }

    /** Vector loop: 1 / (1 + e<sup>-x</sup>). */
    static void sigmoidVector(double[] a, double[] out, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            (ONE.div(ONE.add(v.neg().lanewise(VectorOperators.EXP)))).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[i];
            out[i] = 1.0 / (1.0 + Math.exp(-x));
        }
    }

    /** Scalar twin: 1 / (1 + e<sup>-x</sup>). */
    static void sigmoidScalar(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = 1.0 / (1.0 + Math.exp(-x));
        }
    }

    /** Vector loop: max(x, 0) (NaN stays NaN). */
    static void reluVector(double[] a, double[] out, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, a, i);
            (v.max(ZERO)).intoArray(out, i);
        }
        for (; i < n; i++) {
            double x = a[i];
            out[i] = Math.max(x, 0.0);
        }
    }

    /** Scalar twin: max(x, 0) (NaN stays NaN). */
    static void reluScalar(double[] a, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[i];
            out[i] = Math.max(x, 0.0);
        }
    }

    /** Vector implementation of {@link #binary}. */
    static void binaryVector(Binary op, double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        switch (op) {
            case ADD -> addVector(a, ao, b, bo, out, oo, n);
            case SUB -> subVector(a, ao, b, bo, out, oo, n);
            case MUL -> mulVector(a, ao, b, bo, out, oo, n);
            case DIV -> divVector(a, ao, b, bo, out, oo, n);
            case MAX -> maxVector(a, ao, b, bo, out, oo, n);
            case MIN -> minVector(a, ao, b, bo, out, oo, n);
            case GT -> gtVector(a, ao, b, bo, out, oo, n);
            case GE -> geVector(a, ao, b, bo, out, oo, n);
            case LT -> ltVector(a, ao, b, bo, out, oo, n);
            case LE -> leVector(a, ao, b, bo, out, oo, n);
            case EQ -> eqVector(a, ao, b, bo, out, oo, n);
            default -> throw new AssertionError(op);
        }
    }

    /** Scalar twin of {@link #binaryVector}. */
    static void binaryScalar(Binary op, double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case MAX -> npMax(x, y);
                case MIN -> npMin(x, y);
                case GT -> x > y ? 1.0 : 0.0;
                case GE -> x >= y ? 1.0 : 0.0;
                case LT -> x < y ? 1.0 : 0.0;
                case LE -> x <= y ? 1.0 : 0.0;
                case EQ -> x == y ? 1.0 : 0.0;
            };
        }
    }

    private static void addVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.add(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = x + y;
        }
    }

    private static void subVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.sub(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = x - y;
        }
    }

    private static void mulVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.mul(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = x * y;
        }
    }

    private static void divVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.div(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = x / y;
        }
    }

    private static void maxVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.max(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = npMax(x, y);
        }
    }

    private static void minVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.min(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = npMin(x, y);
        }
    }

    private static void gtVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.GT, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = x > y ? 1.0 : 0.0;
        }
    }

    private static void geVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.GE, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = x >= y ? 1.0 : 0.0;
        }
    }

    private static void ltVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.LT, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = x < y ? 1.0 : 0.0;
        }
    }

    private static void leVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.LE, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = x <= y ? 1.0 : 0.0;
        }
    }

    private static void eqVector(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.EQ, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            out[oo + i] = x == y ? 1.0 : 0.0;
        }
    }

    /** Vector implementation of {@link #binaryScalarRight}. */
    static void binaryScalarRightVector(Binary op, double[] a, int ao, double s, double[] out, int oo, int n) {
        switch (op) {
            case ADD -> addScalarRightVector(a, ao, s, out, oo, n);
            case SUB -> subScalarRightVector(a, ao, s, out, oo, n);
            case MUL -> mulScalarRightVector(a, ao, s, out, oo, n);
            case DIV -> divScalarRightVector(a, ao, s, out, oo, n);
            case MAX -> maxScalarRightVector(a, ao, s, out, oo, n);
            case MIN -> minScalarRightVector(a, ao, s, out, oo, n);
            case GT -> gtScalarRightVector(a, ao, s, out, oo, n);
            case GE -> geScalarRightVector(a, ao, s, out, oo, n);
            case LT -> ltScalarRightVector(a, ao, s, out, oo, n);
            case LE -> leScalarRightVector(a, ao, s, out, oo, n);
            case EQ -> eqScalarRightVector(a, ao, s, out, oo, n);
            default -> throw new AssertionError(op);
        }
    }

    /** Scalar twin of {@link #binaryScalarRightVector}. */
    static void binaryScalarRightScalar(Binary op, double[] a, int ao, double s, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case MAX -> npMax(x, y);
                case MIN -> npMin(x, y);
                case GT -> x > y ? 1.0 : 0.0;
                case GE -> x >= y ? 1.0 : 0.0;
                case LT -> x < y ? 1.0 : 0.0;
                case LE -> x <= y ? 1.0 : 0.0;
                case EQ -> x == y ? 1.0 : 0.0;
            };
        }
    }

    private static void addScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (x.add(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = x + y;
        }
    }

    private static void subScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (x.sub(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = x - y;
        }
    }

    private static void mulScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (x.mul(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = x * y;
        }
    }

    private static void divScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (x.div(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = x / y;
        }
    }

    private static void maxScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (x.max(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = npMax(x, y);
        }
    }

    private static void minScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (x.min(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = npMin(x, y);
        }
    }

    private static void gtScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (ZERO.blend(ONE, x.compare(VectorOperators.GT, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = x > y ? 1.0 : 0.0;
        }
    }

    private static void geScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (ZERO.blend(ONE, x.compare(VectorOperators.GE, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = x >= y ? 1.0 : 0.0;
        }
    }

    private static void ltScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (ZERO.blend(ONE, x.compare(VectorOperators.LT, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = x < y ? 1.0 : 0.0;
        }
    }

    private static void leScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (ZERO.blend(ONE, x.compare(VectorOperators.LE, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = x <= y ? 1.0 : 0.0;
        }
    }

    private static void eqScalarRightVector(double[] a, int ao, double s, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = sv;
            (ZERO.blend(ONE, x.compare(VectorOperators.EQ, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = a[ao + i];
            double y = s;
            out[oo + i] = x == y ? 1.0 : 0.0;
        }
    }

    /** Vector implementation of {@link #binaryScalarLeft}. */
    static void binaryScalarLeftVector(Binary op, double s, double[] b, int bo, double[] out, int oo, int n) {
        switch (op) {
            case ADD -> addScalarLeftVector(s, b, bo, out, oo, n);
            case SUB -> subScalarLeftVector(s, b, bo, out, oo, n);
            case MUL -> mulScalarLeftVector(s, b, bo, out, oo, n);
            case DIV -> divScalarLeftVector(s, b, bo, out, oo, n);
            case MAX -> maxScalarLeftVector(s, b, bo, out, oo, n);
            case MIN -> minScalarLeftVector(s, b, bo, out, oo, n);
            case GT -> gtScalarLeftVector(s, b, bo, out, oo, n);
            case GE -> geScalarLeftVector(s, b, bo, out, oo, n);
            case LT -> ltScalarLeftVector(s, b, bo, out, oo, n);
            case LE -> leScalarLeftVector(s, b, bo, out, oo, n);
            case EQ -> eqScalarLeftVector(s, b, bo, out, oo, n);
            default -> throw new AssertionError(op);
        }
    }

    /** Scalar twin of {@link #binaryScalarLeftVector}. */
    static void binaryScalarLeftScalar(Binary op, double s, double[] b, int bo, double[] out, int oo, int n) {
        for (int i = 0; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case MAX -> npMax(x, y);
                case MIN -> npMin(x, y);
                case GT -> x > y ? 1.0 : 0.0;
                case GE -> x >= y ? 1.0 : 0.0;
                case LT -> x < y ? 1.0 : 0.0;
                case LE -> x <= y ? 1.0 : 0.0;
                case EQ -> x == y ? 1.0 : 0.0;
            };
        }
    }

    private static void addScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.add(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = x + y;
        }
    }

    private static void subScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.sub(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = x - y;
        }
    }

    private static void mulScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.mul(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = x * y;
        }
    }

    private static void divScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.div(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = x / y;
        }
    }

    private static void maxScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.max(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = npMax(x, y);
        }
    }

    private static void minScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (x.min(y)).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = npMin(x, y);
        }
    }

    private static void gtScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.GT, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = x > y ? 1.0 : 0.0;
        }
    }

    private static void geScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.GE, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = x >= y ? 1.0 : 0.0;
        }
    }

    private static void ltScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.LT, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = x < y ? 1.0 : 0.0;
        }
    }

    private static void leScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.LE, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = x <= y ? 1.0 : 0.0;
        }
    }

    private static void eqScalarLeftVector(double s, double[] b, int bo, double[] out, int oo, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = sv;
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            (ZERO.blend(ONE, x.compare(VectorOperators.EQ, y))).intoArray(out, oo + i);
        }
        for (; i < n; i++) {
            double x = s;
            double y = b[bo + i];
            out[oo + i] = x == y ? 1.0 : 0.0;
        }
    }

}
