package dlcourse.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector kernel of {@link Elementwise} agrees with its scalar twin: bit for bit for arithmetic, comparisons
 * and the exact unary functions, within a stated number of ulps for the transcendental ones. Sizes straddle the
 * vector length (tails of every length) and include the course's matrix sizes; inputs mix signs, zeros of both
 * signs, large magnitudes and a few NaN / ±inf.
 */
class ElementwiseTest {

    /** Seed of the random inputs. */
    private static final long SEED = 1234L;

    /** Awkward sizes around the vector length, then course sizes: (4, 400), (20, 209), (7, 209), 64·64·3. */
    private static final int[] SIZES = {0, 1, 7, 8, 9, 31, 1025, 4 * 400, 20 * 209, 7 * 209, 12288};

    /** Magnitude of most random inputs: large enough that exp overflows nowhere but sigmoid saturates. */
    private static final double MAGNITUDE = 50.0;

    /**
     * exp and log: {@link Math#exp}/{@link Math#log} and the Vector API's intrinsics are each within 1 ulp of the
     * exact result, so they are at most 2 ulps apart. Measured on AVX-512 (C2 with the SVML stubs, 24 M inputs):
     * at most 1 ulp.
     */
    private static final long EXP_LOG_ULPS = 2;

    /** tanh: {@link Math#tanh} is only specified to 2.5 ulps, the vector one to 1; measured: at most 2 ulps. */
    private static final long TANH_ULPS = 4;

    /**
     * sigmoid {@code 1 / (1 + exp(-x))}: the two exps may differ by 2 ulps, and the add and the divide each round
     * once more in each twin, which bounds the difference by 8 ulps of the result; measured: at most 4 ulps.
     */
    private static final long SIGMOID_ULPS = 8;

    /** Right- and left-hand scalars of the broadcast forms, including the values that make IEEE corner cases. */
    private static final double[] SCALARS = {0.5, -3.0, 0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY};

    /** Allowed ulps between the vector kernel and the scalar twin of a unary function. */
    private static long ulpsAllowed(Elementwise.Unary op) {
        return switch (op) {
            case EXP, LOG -> EXP_LOG_ULPS;
            case TANH -> TANH_ULPS;
            case SIGMOID -> SIGMOID_ULPS;
            case SQRT, SQUARE, ABS, NEG, RELU -> 0;
        };
    }

    // ---------------------------------------------------------------- inputs

    /**
     * {@code n} values from {@code seed}: uniform in ±{@link #MAGNITUDE} or ±1, with exact zeros of both signs and
     * NaN, +inf and -inf at fixed positions (so short arrays get them too).
     */
    static double[] inputs(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i % 41) {
                case 3 -> 0.0;
                case 11 -> -0.0;
                case 6 -> Double.NaN;
                case 20 -> Double.POSITIVE_INFINITY;
                case 33 -> Double.NEGATIVE_INFINITY;
                default -> i % 2 == 0 ? rnd.nextDouble(-MAGNITUDE, MAGNITUDE) : rnd.nextDouble(-1.0, 1.0);
            };
        }
        return v;
    }

    /** A second operand for {@code a}: independent values, but equal to {@code a} at every fifth index. */
    static double[] secondOperand(double[] a, long seed) {
        double[] b = inputs(a.length, seed);
        for (int i = 0; i < b.length; i += 5) {
            b[i] = a[i];
        }
        return b;
    }

    // ---------------------------------------------------------------- comparison

    /** Distance in units in the last place; 0 for equal values (±0 are equal) and for two NaNs. */
    static long ulpDistance(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y) ? 0 : Long.MAX_VALUE;
        }
        if (x == y) {
            return 0;
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return Long.MAX_VALUE;
        }
        long bx = ordered(x);
        long by = ordered(y);
        return (bx >= 0) == (by >= 0) ? Math.abs(bx - by) : Long.MAX_VALUE;
    }

    private static long ordered(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return bits < 0 ? Long.MIN_VALUE - bits : bits;
    }

    /**
     * {@code vector} agrees with {@code scalar} on every index: bit for bit when {@code ulps == 0} (so 0.0 and -0.0
     * differ; NaN matches NaN), otherwise within {@code ulps}.
     */
    static void assertAgree(String what, double[] input, double[] scalar, double[] vector, long ulps) {
        assertEquals(scalar.length, vector.length, what + ": length");
        for (int i = 0; i < scalar.length; i++) {
            boolean ok = ulps == 0
                    ? Double.doubleToLongBits(scalar[i]) == Double.doubleToLongBits(vector[i])
                    : ulpDistance(scalar[i], vector[i]) <= ulps;
            if (!ok) {
                fail(what + ": index " + i + (input == null ? "" : " (input " + input[i] + ")") + ": scalar twin "
                        + scalar[i] + " but vector " + vector[i] + " (" + ulpDistance(scalar[i], vector[i])
                        + " ulps > " + ulps + ")");
            }
        }
    }

    // ---------------------------------------------------------------- parameters

    static Stream<Arguments> unaryCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Elementwise.Unary op : Elementwise.Unary.values()) {
            for (int n : SIZES) {
                cases.add(Arguments.of(op, n));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> binaryCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Elementwise.Binary op : Elementwise.Binary.values()) {
            for (int n : SIZES) {
                cases.add(Arguments.of(op, n));
            }
        }
        return cases.stream();
    }

    // ---------------------------------------------------------------- unary

    @ParameterizedTest(name = "{0} on {1} values")
    @MethodSource("unaryCases")
    void unary_vector_kernel_agrees_with_its_scalar_twin(Elementwise.Unary op, int n) {
        double[] a = inputs(n, SEED + n);
        double[] before = a.clone();
        double[] scalar = new double[n];
        double[] vector = new double[n];

        Elementwise.unaryScalar(op, a, scalar, n);
        Elementwise.unaryVector(op, a, vector, n);

        assertAgree(op + " n=" + n, a, scalar, vector, ulpsAllowed(op));
        assertArrayEquals(before, a, "input modified");
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("sizes")
    void subtract_scaled_vector_kernel_agrees_with_its_scalar_twin_and_the_two_operations(int n) {
        double[] a = inputs(n, SEED + 3 * n);
        double[] b = secondOperand(a, SEED - 3 * n);
        double[] aBefore = a.clone();
        double[] bBefore = b.clone();
        for (double s : SCALARS) {
            double[] scaled = new double[n];
            double[] twoSteps = new double[n];
            Elementwise.binaryScalarRightScalar(Elementwise.Binary.MUL, b, 0, s, scaled, 0, n);
            Elementwise.binaryScalar(Elementwise.Binary.SUB, a, 0, scaled, 0, twoSteps, 0, n);
            double[] scalar = new double[n];
            double[] vector = new double[n];

            Elementwise.subtractScaledScalar(a, s, b, scalar, n);
            Elementwise.subtractScaledVector(a, s, b, vector, n);

            assertAgree("a - s*b (s = " + s + ") scalar twin vs two operations, n=" + n, a, twoSteps, scalar, 0);
            assertAgree("a - s*b (s = " + s + ") vector vs scalar twin, n=" + n, a, scalar, vector, 0);
            double[] inPlace = a.clone();
            Elementwise.subtractScaledVector(inPlace, s, b, inPlace, n);
            assertAgree("a - s*b (s = " + s + ") written over a, n=" + n, a, scalar, inPlace, 0);
        }
        assertArrayEquals(aBefore, a, "a modified");
        assertArrayEquals(bBefore, b, "b modified");
    }

    static IntStream sizes() {
        return Arrays.stream(SIZES);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Elementwise.Unary.class)
    void unary_kernels_write_only_the_first_n_entries(Elementwise.Unary op) {
        int n = 1025;
        double[] a = inputs(n + 40, SEED);
        double[] vector = new double[n + 40];
        double[] scalar = new double[n + 40];
        Arrays.fill(vector, 42.0);
        Arrays.fill(scalar, 42.0);

        Elementwise.unaryVector(op, a, vector, n);
        Elementwise.unaryScalar(op, a, scalar, n);

        for (int i = n; i < n + 40; i++) {
            assertEquals(42.0, vector[i], "vector kernel wrote past n at " + i);
            assertEquals(42.0, scalar[i], "scalar twin wrote past n at " + i);
        }
    }

    @ParameterizedTest(name = "{0} on {1} values")
    @MethodSource("unaryAliasCases")
    void unary_vector_kernel_may_write_over_its_input(Elementwise.Unary op, int n) {
        double[] a = inputs(n, SEED - n);
        double[] expected = new double[n];
        Elementwise.unaryScalar(op, a, expected, n);

        double[] inPlace = a.clone();
        Elementwise.unaryVector(op, inPlace, inPlace, n);
        double[] inPlaceScalar = a.clone();
        Elementwise.unaryScalar(op, inPlaceScalar, inPlaceScalar, n);

        assertAgree(op + " in place n=" + n, a, expected, inPlace, ulpsAllowed(op));
        assertAgree(op + " scalar in place n=" + n, a, expected, inPlaceScalar, 0);
    }

    static Stream<Arguments> unaryAliasCases() {
        return Arrays.stream(Elementwise.Unary.values())
                .flatMap(op -> IntStream.of(7, 31, 1025).mapToObj(n -> Arguments.of(op, n)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Elementwise.Unary.class)
    void unary_dispatcher_runs_the_twin_simd_selects(Elementwise.Unary op) {
        int n = 1025;
        double[] a = inputs(n, SEED);
        double[] expected = new double[n];
        double[] actual = new double[n];
        if (Simd.ENABLED) {
            Elementwise.unaryVector(op, a, expected, n);
        } else {
            Elementwise.unaryScalar(op, a, expected, n);
        }

        Elementwise.unary(op, a, actual, n);

        assertAgree(op + " dispatch", a, expected, actual, 0);
    }

    // ---------------------------------------------------------------- binary, array op array

    @ParameterizedTest(name = "{0} on {1} values")
    @MethodSource("binaryCases")
    void binary_vector_kernel_agrees_with_its_scalar_twin(Elementwise.Binary op, int n) {
        double[] a = inputs(n, SEED + n);
        double[] b = secondOperand(a, SEED + 7 * n + 1);
        double[] aBefore = a.clone();
        double[] bBefore = b.clone();
        double[] scalar = new double[n];
        double[] vector = new double[n];

        Elementwise.binaryScalar(op, a, 0, b, 0, scalar, 0, n);
        Elementwise.binaryVector(op, a, 0, b, 0, vector, 0, n);

        assertAgree(op + " n=" + n, a, scalar, vector, 0);
        assertArrayEquals(aBefore, a, "first input modified");
        assertArrayEquals(bBefore, b, "second input modified");
    }

    @ParameterizedTest(name = "{0} on {1} values")
    @MethodSource("binaryCases")
    void scalar_right_vector_kernel_agrees_with_its_scalar_twin(Elementwise.Binary op, int n) {
        double[] a = inputs(n, SEED + n);
        for (double s : SCALARS) {
            double[] scalar = new double[n];
            double[] vector = new double[n];

            Elementwise.binaryScalarRightScalar(op, a, 0, s, scalar, 0, n);
            Elementwise.binaryScalarRightVector(op, a, 0, s, vector, 0, n);

            assertAgree(op + "(a, " + s + ") n=" + n, a, scalar, vector, 0);
        }
    }

    @ParameterizedTest(name = "{0} on {1} values")
    @MethodSource("binaryCases")
    void scalar_left_vector_kernel_agrees_with_its_scalar_twin(Elementwise.Binary op, int n) {
        double[] b = inputs(n, SEED + n);
        for (double s : SCALARS) {
            double[] scalar = new double[n];
            double[] vector = new double[n];

            Elementwise.binaryScalarLeftScalar(op, s, b, 0, scalar, 0, n);
            Elementwise.binaryScalarLeftVector(op, s, b, 0, vector, 0, n);

            assertAgree(op + "(" + s + ", b) n=" + n, b, scalar, vector, 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Elementwise.Binary.class)
    void binary_vector_kernels_may_write_over_either_input(Elementwise.Binary op) {
        for (int n : new int[] {7, 31, 1025}) {
            double[] a = inputs(n, SEED + n);
            double[] b = secondOperand(a, SEED - n);
            double[] expected = new double[n];
            Elementwise.binaryScalar(op, a, 0, b, 0, expected, 0, n);

            double[] overA = a.clone();
            Elementwise.binaryVector(op, overA, 0, b, 0, overA, 0, n);
            double[] overB = b.clone();
            Elementwise.binaryVector(op, a, 0, overB, 0, overB, 0, n);
            double[] both = a.clone();
            double[] squared = new double[n];
            Elementwise.binaryScalar(op, a, 0, a, 0, squared, 0, n);
            Elementwise.binaryVector(op, both, 0, both, 0, both, 0, n);

            assertAgree(op + " out = a, n=" + n, a, expected, overA, 0);
            assertAgree(op + " out = b, n=" + n, b, expected, overB, 0);
            assertAgree(op + " out = a = b, n=" + n, a, squared, both, 0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Elementwise.Binary.class)
    void scalar_forms_may_write_over_their_input(Elementwise.Binary op) {
        int n = 1025;
        double[] a = inputs(n, SEED);
        double s = -3.0;
        double[] right = new double[n];
        double[] left = new double[n];
        Elementwise.binaryScalarRightScalar(op, a, 0, s, right, 0, n);
        Elementwise.binaryScalarLeftScalar(op, s, a, 0, left, 0, n);

        double[] rightInPlace = a.clone();
        Elementwise.binaryScalarRightVector(op, rightInPlace, 0, s, rightInPlace, 0, n);
        double[] leftInPlace = a.clone();
        Elementwise.binaryScalarLeftVector(op, s, leftInPlace, 0, leftInPlace, 0, n);

        assertAgree(op + "(a, s) in place", a, right, rightInPlace, 0);
        assertAgree(op + "(s, a) in place", a, left, leftInPlace, 0);
    }

    // ---------------------------------------------------------------- offsets

    /** (ao, bo, oo) triples: operands and output each start somewhere else, none aligned to the vector length. */
    private static final int[][] OFFSETS = {{3, 5, 1}, {0, 9, 0}, {13, 0, 7}, {1, 1, 1}};

    @ParameterizedTest(name = "{0}")
    @EnumSource(Elementwise.Binary.class)
    void binary_kernels_honour_offsets_and_write_only_their_range(Elementwise.Binary op) {
        for (int n : new int[] {0, 1, 9, 31, 1025}) {
            for (int[] off : OFFSETS) {
                int ao = off[0];
                int bo = off[1];
                int oo = off[2];
                double[] a = inputs(ao + n, SEED + n);
                double[] b = secondOperand(inputs(bo + n, SEED + 3 * n), SEED + 5 * n);
                // the reference: the same entries, copied to offset 0
                double[] expected = new double[n];
                Elementwise.binaryScalar(op, Arrays.copyOfRange(a, ao, ao + n), 0, Arrays.copyOfRange(b, bo, bo + n),
                        0, expected, 0, n);
                String where = op + " n=" + n + " ao=" + ao + " bo=" + bo + " oo=" + oo;

                double[] vector = sentinel(oo + n + 3);
                Elementwise.binaryVector(op, a, ao, b, bo, vector, oo, n);
                double[] scalar = sentinel(oo + n + 3);
                Elementwise.binaryScalar(op, a, ao, b, bo, scalar, oo, n);

                assertWritten(where + " vector", expected, vector, oo);
                assertWritten(where + " scalar", expected, scalar, oo);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Elementwise.Binary.class)
    void scalar_forms_honour_offsets_and_write_only_their_range(Elementwise.Binary op) {
        double s = 0.5;
        for (int n : new int[] {0, 1, 9, 31, 1025}) {
            for (int[] off : OFFSETS) {
                int ao = off[0];
                int oo = off[2];
                double[] a = inputs(ao + n, SEED + n);
                double[] slice = Arrays.copyOfRange(a, ao, ao + n);
                double[] right = new double[n];
                double[] left = new double[n];
                Elementwise.binaryScalarRightScalar(op, slice, 0, s, right, 0, n);
                Elementwise.binaryScalarLeftScalar(op, s, slice, 0, left, 0, n);
                String where = op + " n=" + n + " offset=" + ao + " oo=" + oo;

                double[] rightVector = sentinel(oo + n + 3);
                Elementwise.binaryScalarRightVector(op, a, ao, s, rightVector, oo, n);
                double[] rightScalar = sentinel(oo + n + 3);
                Elementwise.binaryScalarRightScalar(op, a, ao, s, rightScalar, oo, n);
                double[] leftVector = sentinel(oo + n + 3);
                Elementwise.binaryScalarLeftVector(op, s, a, ao, leftVector, oo, n);
                double[] leftScalar = sentinel(oo + n + 3);
                Elementwise.binaryScalarLeftScalar(op, s, a, ao, leftScalar, oo, n);

                assertWritten(where + " (a, s) vector", right, rightVector, oo);
                assertWritten(where + " (a, s) scalar", right, rightScalar, oo);
                assertWritten(where + " (s, a) vector", left, leftVector, oo);
                assertWritten(where + " (s, a) scalar", left, leftScalar, oo);
            }
        }
    }

    private static final double SENTINEL = -12345.0;

    private static double[] sentinel(int length) {
        double[] out = new double[length];
        Arrays.fill(out, SENTINEL);
        return out;
    }

    /** {@code out[oo .. oo+n)} holds {@code expected} and every other entry still holds the sentinel. */
    private static void assertWritten(String what, double[] expected, double[] out, int oo) {
        assertAgree(what, null, expected, Arrays.copyOfRange(out, oo, oo + expected.length), 0);
        for (int i = 0; i < out.length; i++) {
            if (i < oo || i >= oo + expected.length) {
                assertEquals(SENTINEL, out[i], what + ": wrote outside its range at " + i);
            }
        }
    }

    // ---------------------------------------------------------------- dispatch and sanity of the twins

    @ParameterizedTest(name = "{0}")
    @EnumSource(Elementwise.Binary.class)
    void binary_dispatchers_run_the_twin_simd_selects(Elementwise.Binary op) {
        int n = 1025;
        double[] a = inputs(n, SEED);
        double[] b = secondOperand(a, SEED + 1);
        double[] expected = new double[n];
        double[] actual = new double[n];
        double[] expectedRight = new double[n];
        double[] actualRight = new double[n];
        double[] expectedLeft = new double[n];
        double[] actualLeft = new double[n];
        if (Simd.ENABLED) {
            Elementwise.binaryVector(op, a, 0, b, 0, expected, 0, n);
            Elementwise.binaryScalarRightVector(op, a, 0, 2.0, expectedRight, 0, n);
            Elementwise.binaryScalarLeftVector(op, 2.0, a, 0, expectedLeft, 0, n);
        } else {
            Elementwise.binaryScalar(op, a, 0, b, 0, expected, 0, n);
            Elementwise.binaryScalarRightScalar(op, a, 0, 2.0, expectedRight, 0, n);
            Elementwise.binaryScalarLeftScalar(op, 2.0, a, 0, expectedLeft, 0, n);
        }

        Elementwise.binary(op, a, b, actual, n);
        Elementwise.binaryScalarRight(op, a, 0, 2.0, actualRight, 0, n);
        Elementwise.binaryScalarLeft(op, 2.0, a, 0, actualLeft, 0, n);

        assertAgree(op + " dispatch", a, expected, actual, 0);
        assertAgree(op + "(a, s) dispatch", a, expectedRight, actualRight, 0);
        assertAgree(op + "(s, a) dispatch", a, expectedLeft, actualLeft, 0);
    }

    /** Sizes on both sides of the short-array threshold, and the awkward ones. */
    static IntStream dispatchSizes() {
        int t = Elementwise.SCALAR_BELOW;
        return IntStream.of(0, 1, 7, 8, 9, 31, Math.max(0, t - 1), t, t + 1, 1025).distinct();
    }

    static Stream<Arguments> unaryDispatchCases() {
        return Arrays.stream(Elementwise.Unary.values())
                .flatMap(op -> dispatchSizes().mapToObj(n -> Arguments.of(op, n)));
    }

    static Stream<Arguments> binaryDispatchCases() {
        return Arrays.stream(Elementwise.Binary.values())
                .flatMap(op -> dispatchSizes().mapToObj(n -> Arguments.of(op, n)));
    }

    @ParameterizedTest(name = "{0} on {1} values")
    @MethodSource("unaryDispatchCases")
    void unary_dispatch_by_size_changes_no_bit(Elementwise.Unary op, int n) {
        double[] a = inputs(n, SEED + n);
        double[] expected = new double[n];
        double[] actual = new double[n];
        if (Simd.ENABLED && !Elementwise.bitExact(op)) {
            Elementwise.unaryVector(op, a, expected, n); // transcendental: the vector kernel at every size
        } else {
            Elementwise.unaryScalar(op, a, expected, n); // the twins agree bit for bit, whichever runs
        }

        Elementwise.unary(op, a, actual, n);

        assertAgree(op + " dispatch on " + n, a, expected, actual, 0);
    }

    @ParameterizedTest(name = "{0} on {1} values")
    @MethodSource("binaryDispatchCases")
    void binary_dispatch_by_size_changes_no_bit(Elementwise.Binary op, int n) {
        double[] a = inputs(n, SEED + n);
        double[] b = secondOperand(a, SEED + n + 1);
        double[] expected = new double[n];
        double[] expectedRight = new double[n];
        double[] expectedLeft = new double[n];
        Elementwise.binaryScalar(op, a, 0, b, 0, expected, 0, n);
        Elementwise.binaryScalarRightScalar(op, a, 0, -3.0, expectedRight, 0, n);
        Elementwise.binaryScalarLeftScalar(op, -3.0, a, 0, expectedLeft, 0, n);
        double[] actual = new double[n];
        double[] actualRight = new double[n];
        double[] actualLeft = new double[n];

        Elementwise.binary(op, a, b, actual, n);
        Elementwise.binaryScalarRight(op, a, 0, -3.0, actualRight, 0, n);
        Elementwise.binaryScalarLeft(op, -3.0, a, 0, actualLeft, 0, n);

        assertAgree(op + " dispatch on " + n, a, expected, actual, 0);
        assertAgree(op + "(a, s) dispatch on " + n, a, expectedRight, actualRight, 0);
        assertAgree(op + "(s, a) dispatch on " + n, a, expectedLeft, actualLeft, 0);
    }

    @Test
    void only_the_transcendental_functions_are_not_bit_exact() {
        for (Elementwise.Unary op : Elementwise.Unary.values()) {
            assertEquals(ulpsAllowed(op) == 0, Elementwise.bitExact(op), op.name());
        }
    }

    @Test
    void scalar_twins_follow_numpys_edge_cases() {
        double nan = Double.NaN;
        double[] x = {0.0, -1.0, 800.0, -800.0, Double.NEGATIVE_INFINITY, nan};
        double[] log = new double[x.length];
        double[] sigmoid = new double[x.length];
        double[] exp = new double[x.length];
        double[] relu = new double[x.length];
        double[] max = new double[2];

        Elementwise.unaryScalar(Elementwise.Unary.LOG, x, log, x.length);
        Elementwise.unaryScalar(Elementwise.Unary.SIGMOID, x, sigmoid, x.length);
        Elementwise.unaryScalar(Elementwise.Unary.EXP, x, exp, x.length);
        Elementwise.unaryScalar(Elementwise.Unary.RELU, x, relu, x.length);
        Elementwise.binaryScalar(Elementwise.Binary.MAX, new double[] {nan, 1.0}, 0, new double[] {1.0, nan}, 0,
                max, 0, 2);

        assertEquals(Double.NEGATIVE_INFINITY, log[0]);
        assertEquals(nan, log[1]);
        assertArrayEquals(new double[] {1.0, 0.0}, new double[] {sigmoid[2], sigmoid[3]});
        assertEquals(0.0, exp[4]);
        assertEquals(nan, relu[5]);
        assertArrayEquals(new double[] {nan, nan}, max);
    }

    @Test
    void the_sizes_cover_a_tail_of_every_length_and_whole_vectors() {
        // the awkward sizes are only awkward relative to the vector length of this machine
        int lanes = Simd.LANES;
        boolean shorterThanOneVector = Arrays.stream(SIZES).anyMatch(n -> n > 0 && n < lanes);
        boolean exactVectors = Arrays.stream(SIZES).anyMatch(n -> n > 0 && n % lanes == 0);
        boolean vectorsPlusTail = Arrays.stream(SIZES).anyMatch(n -> n > lanes && n % lanes != 0);

        assertTrue(shorterThanOneVector && exactVectors && vectorsPlusTail, "lanes = " + lanes);
    }
}
