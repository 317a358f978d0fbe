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
 * The dispatchers pick the operation with a chain of {@code ==} tests, not a {@code switch}: a switch on an enum
 * reads a lookup table the JIT cannot fold, so a caller that inlines a dispatcher compiled the loop of every
 * operation seen there, while a comparison with the constant the caller passes folds to the one loop it needs.
 * Short arrays run the scalar loops (see {@link #SCALAR_BELOW}). Outputs may alias inputs. Edge cases follow
 * numpy: log(0) = -inf, 0/0 = NaN, NaN propagates through {@code maximum}/{@code minimum}, no exception is ever
 * thrown for a value.
 */
final class Elementwise {

    private static final VectorSpecies<Double> S = Simd.SPECIES;
    private static final DoubleVector ZERO = DoubleVector.zero(S);
    private static final DoubleVector ONE = DoubleVector.broadcast(S, 1.0);

    /**
     * Arrays shorter than this run the scalar loops even with the vector kernels enabled, for every operation whose
     * two twins give the same bits (all but {@link #bitExact the transcendental ones}), so results do not depend on
     * it. The course's small networks make many calls on a few to a few hundred values: there the vector loop's
     * set-up and tail weigh as much as its work, and until C2 has compiled a Vector API loop it runs boxed, about
     * 100 times slower than the plain loop (which C1 compiles well and C2 auto-vectorises). Tunable for
     * benchmarks with {@code -Ddlcourse.simd.scalarBelow=N} (0: always the vector loops).
     */
    static final int SCALAR_BELOW = Math.max(0, Integer.getInteger("dlcourse.simd.scalarBelow", 64));

    /** Elementwise functions of one argument. */
    enum Unary { EXP, LOG, TANH, SQRT, SQUARE, ABS, NEG, SIGMOID, RELU }

    /** Elementwise functions of two arguments; comparisons produce 1.0 / 0.0 masks. */
    enum Binary { ADD, SUB, MUL, DIV, MAX, MIN, GT, GE, LT, LE, EQ }

    private Elementwise() {
    }

    /**
     * Whether the vector kernel of {@code op} gives the scalar twin's bits: true for the correctly rounded
     * operations, false for exp, log, tanh and sigmoid (the Vector API's intrinsics differ from {@link Math}'s by an
     * ulp or two), which therefore never switch twins by size.
     */
    static boolean bitExact(Unary op) {
        return op != Unary.EXP && op != Unary.LOG && op != Unary.TANH && op != Unary.SIGMOID;
    }

    /**
     * Whether {@link #unary} runs the vector kernel of {@code op} on {@code n} values: never with SIMD off; for the
     * bit-exact operations from {@link #SCALAR_BELOW} values on; for the transcendental ones always (so that their
     * results never depend on an array's size), unless {@link Simd#REPRODUCIBLE reproducible} runs are asked for,
     * which keeps them on the scalar twins.
     */
    static boolean vectorFor(Unary op, int n, boolean simd, boolean reproducible) {
        if (!simd) {
            return false;
        }
        return bitExact(op) ? n >= SCALAR_BELOW : !reproducible;
    }

    /** numpy's maximum: NaN if either argument is NaN. */
    static double npMax(double x, double y) {
        return Math.max(x, y);
    }

    /** numpy's minimum: NaN if either argument is NaN. */
    static double npMin(double x, double y) {
        return Math.min(x, y);
    }

    /**
     * {@code out[i] = op(a[i])} for {@code i < n}, vector or scalar according to {@link #vectorFor}.
     */
    static void unary(Unary op, double[] a, double[] out, int n) {
        if (vectorFor(op, n, Simd.ENABLED, Simd.REPRODUCIBLE)) {
            unaryVector(op, a, out, n);
        } else {
            unaryScalar(op, a, out, n);
        }
    }

    /** {@code out[i] = op(a[i], b[i])}. */
    static void binary(Binary op, double[] a, double[] b, double[] out, int n) {
        binary(op, a, 0, b, 0, out, 0, n);
    }

    /** {@code out[oo+i] = op(a[ao+i], b[bo+i])}, vector or scalar (scalar below {@link #SCALAR_BELOW} values). */
    static void binary(Binary op, double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        if (Simd.ENABLED && n >= SCALAR_BELOW) {
            binaryVector(op, a, ao, b, bo, out, oo, n);
        } else {
            binaryScalar(op, a, ao, b, bo, out, oo, n);
        }
    }

    /** {@code out[oo+i] = op(a[ao+i], s)}, vector or scalar (scalar below {@link #SCALAR_BELOW} values). */
    static void binaryScalarRight(Binary op, double[] a, int ao, double s, double[] out, int oo, int n) {
        if (Simd.ENABLED && n >= SCALAR_BELOW) {
            binaryScalarRightVector(op, a, ao, s, out, oo, n);
        } else {
            binaryScalarRightScalar(op, a, ao, s, out, oo, n);
        }
    }

    /** {@code out[oo+i] = op(s, b[bo+i])}, vector or scalar (scalar below {@link #SCALAR_BELOW} values). */
    static void binaryScalarLeft(Binary op, double s, double[] b, int bo, double[] out, int oo, int n) {
        if (Simd.ENABLED && n >= SCALAR_BELOW) {
            binaryScalarLeftVector(op, s, b, bo, out, oo, n);
        } else {
            binaryScalarLeftScalar(op, s, b, bo, out, oo, n);
        }
    }

    /**
     * {@code out[i] = a[i] - s * b[i]}, rounded as the two operations are (the product first, then the difference;
     * never a fused multiply-add): numpy's {@code a - s * b} in one pass. Vector or scalar as the other dispatchers.
     */
    static void subtractScaled(double[] a, double s, double[] b, double[] out, int n) {
        if (Simd.ENABLED && n >= SCALAR_BELOW) {
            subtractScaledVector(a, s, b, out, n);
        } else {
            subtractScaledScalar(a, s, b, out, n);
        }
    }

    /** Vector implementation of {@link #subtractScaled}. */
    static void subtractScaledVector(double[] a, double s, double[] b, double[] out, int n) {
        DoubleVector sv = DoubleVector.broadcast(S, s);
        int upper = S.loopBound(n);
        int i = 0;
        for (; i < upper; i += S.length()) {
            DoubleVector x = DoubleVector.fromArray(S, a, i);
            DoubleVector y = DoubleVector.fromArray(S, b, i);
            x.sub(y.mul(sv)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = a[i] - s * b[i];
        }
    }

    /** Scalar twin of {@link #subtractScaledVector}. */
    static void subtractScaledScalar(double[] a, double s, double[] b, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = a[i] - s * b[i];
        }
    }

    /** Vector implementation of {@link #unary}. */
    static void unaryVector(Unary op, double[] a, double[] out, int n) {
        if (op == Unary.EXP) {
            expVector(a, out, n);
        } else if (op == Unary.LOG) {
            logVector(a, out, n);
        } else if (op == Unary.TANH) {
            tanhVector(a, out, n);
        } else if (op == Unary.SQRT) {
            sqrtVector(a, out, n);
        } else if (op == Unary.SQUARE) {
            squareVector(a, out, n);
        } else if (op == Unary.ABS) {
            absVector(a, out, n);
        } else if (op == Unary.NEG) {
            negVector(a, out, n);
        } else if (op == Unary.SIGMOID) {
            sigmoidVector(a, out, n);
        } else if (op == Unary.RELU) {
            reluVector(a, out, n);
        } else {
            throw new AssertionError(op);
        }
    }

    /** Scalar twin of {@link #unaryVector}. */
    static void unaryScalar(Unary op, double[] a, double[] out, int n) {
        if (op == Unary.EXP) {
            expScalar(a, out, n);
        } else if (op == Unary.LOG) {
            logScalar(a, out, n);
        } else if (op == Unary.TANH) {
            tanhScalar(a, out, n);
        } else if (op == Unary.SQRT) {
            sqrtScalar(a, out, n);
        } else if (op == Unary.SQUARE) {
            squareScalar(a, out, n);
        } else if (op == Unary.ABS) {
            absScalar(a, out, n);
        } else if (op == Unary.NEG) {
            negScalar(a, out, n);
        } else if (op == Unary.SIGMOID) {
            sigmoidScalar(a, out, n);
        } else if (op == Unary.RELU) {
            reluScalar(a, out, n);
        } else {
            throw new AssertionError(op);
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
        if (op == Binary.ADD) {
            addVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.SUB) {
            subVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.MUL) {
            mulVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.DIV) {
            divVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.MAX) {
            maxVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.MIN) {
            minVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.GT) {
            gtVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.GE) {
            geVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.LT) {
            ltVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.LE) {
            leVector(a, ao, b, bo, out, oo, n);
        } else if (op == Binary.EQ) {
            eqVector(a, ao, b, bo, out, oo, n);
        } else {
            throw new AssertionError(op);
        }
    }

    /** Scalar twin of {@link #binaryVector}. */
    static void binaryScalar(Binary op, double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
        if (op == Binary.ADD) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = x + y;
            }
        } else if (op == Binary.SUB) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = x - y;
            }
        } else if (op == Binary.MUL) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = x * y;
            }
        } else if (op == Binary.DIV) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = x / y;
            }
        } else if (op == Binary.MAX) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = npMax(x, y);
            }
        } else if (op == Binary.MIN) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = npMin(x, y);
            }
        } else if (op == Binary.GT) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = x > y ? 1.0 : 0.0;
            }
        } else if (op == Binary.GE) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = x >= y ? 1.0 : 0.0;
            }
        } else if (op == Binary.LT) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = x < y ? 1.0 : 0.0;
            }
        } else if (op == Binary.LE) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = x <= y ? 1.0 : 0.0;
            }
        } else if (op == Binary.EQ) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = b[bo + i];
                out[oo + i] = x == y ? 1.0 : 0.0;
            }
        } else {
            throw new AssertionError(op);
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
        if (op == Binary.ADD) {
            addScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.SUB) {
            subScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.MUL) {
            mulScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.DIV) {
            divScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.MAX) {
            maxScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.MIN) {
            minScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.GT) {
            gtScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.GE) {
            geScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.LT) {
            ltScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.LE) {
            leScalarRightVector(a, ao, s, out, oo, n);
        } else if (op == Binary.EQ) {
            eqScalarRightVector(a, ao, s, out, oo, n);
        } else {
            throw new AssertionError(op);
        }
    }

    /** Scalar twin of {@link #binaryScalarRightVector}. */
    static void binaryScalarRightScalar(Binary op, double[] a, int ao, double s, double[] out, int oo, int n) {
        if (op == Binary.ADD) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = x + y;
            }
        } else if (op == Binary.SUB) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = x - y;
            }
        } else if (op == Binary.MUL) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = x * y;
            }
        } else if (op == Binary.DIV) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = x / y;
            }
        } else if (op == Binary.MAX) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = npMax(x, y);
            }
        } else if (op == Binary.MIN) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = npMin(x, y);
            }
        } else if (op == Binary.GT) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = x > y ? 1.0 : 0.0;
            }
        } else if (op == Binary.GE) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = x >= y ? 1.0 : 0.0;
            }
        } else if (op == Binary.LT) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = x < y ? 1.0 : 0.0;
            }
        } else if (op == Binary.LE) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = x <= y ? 1.0 : 0.0;
            }
        } else if (op == Binary.EQ) {
            for (int i = 0; i < n; i++) {
                double x = a[ao + i];
                double y = s;
                out[oo + i] = x == y ? 1.0 : 0.0;
            }
        } else {
            throw new AssertionError(op);
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
        if (op == Binary.ADD) {
            addScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.SUB) {
            subScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.MUL) {
            mulScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.DIV) {
            divScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.MAX) {
            maxScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.MIN) {
            minScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.GT) {
            gtScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.GE) {
            geScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.LT) {
            ltScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.LE) {
            leScalarLeftVector(s, b, bo, out, oo, n);
        } else if (op == Binary.EQ) {
            eqScalarLeftVector(s, b, bo, out, oo, n);
        } else {
            throw new AssertionError(op);
        }
    }

    /** Scalar twin of {@link #binaryScalarLeftVector}. */
    static void binaryScalarLeftScalar(Binary op, double s, double[] b, int bo, double[] out, int oo, int n) {
        if (op == Binary.ADD) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = x + y;
            }
        } else if (op == Binary.SUB) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = x - y;
            }
        } else if (op == Binary.MUL) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = x * y;
            }
        } else if (op == Binary.DIV) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = x / y;
            }
        } else if (op == Binary.MAX) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = npMax(x, y);
            }
        } else if (op == Binary.MIN) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = npMin(x, y);
            }
        } else if (op == Binary.GT) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = x > y ? 1.0 : 0.0;
            }
        } else if (op == Binary.GE) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = x >= y ? 1.0 : 0.0;
            }
        } else if (op == Binary.LT) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = x < y ? 1.0 : 0.0;
            }
        } else if (op == Binary.LE) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = x <= y ? 1.0 : 0.0;
            }
        } else if (op == Binary.EQ) {
            for (int i = 0; i < n; i++) {
                double x = s;
                double y = b[bo + i];
                out[oo + i] = x == y ? 1.0 : 0.0;
            }
        } else {
            throw new AssertionError(op);
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
