package dlcourse.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Reductions}: the vector sum agrees with its scalar twin, and row and column sums agree with naive loops,
 * to rounding.
 */
class ReductionsTest {

    /** Seed of the random inputs. */
    private static final long SEED = 99L;

    /**
     * Relative tolerance of a sum, measured against {@code sum |a_i|} rather than the (possibly cancelling) sum
     * itself: the vector sum adds in another order (four lane-wise accumulators, then the lanes), and each order is
     * within {@code (n - 1) eps sum |a_i|} of the exact sum; random rounding errors grow like {@code sqrt(n)}, far
     * below this for the sizes here.
     */
    private static final double SUM_RTOL = 1e-13;

    /** Sizes around one vector and one 4-vector step of the sum's unrolled loop, then course sizes. */
    private static final int[] SIZES = {0, 1, 7, 8, 9, 31, 32, 33, 63, 1025, 4 * 400, 20 * 209, 7 * 209, 12288};

    private static double[] values(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 3 == 0 ? rnd.nextDouble(-50, 50) : rnd.nextDouble(-1, 1);
        }
        return v;
    }

    private static double absSum(double[] a, int off, int n) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(a[off + i]);
        }
        return s;
    }

    private static void assertSumClose(String what, double expected, double actual, double absSum) {
        double tol = SUM_RTOL * absSum;
        assertTrue(Math.abs(expected - actual) <= tol,
                () -> what + ": expected " + expected + " but was " + actual + " (tolerance " + tol + ")");
    }

    static IntStream sizes() {
        return Arrays.stream(SIZES);
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("sizes")
    void sumVector_agrees_with_sumScalar(int n) {
        double[] a = values(n, SEED + n);

        double scalar = Reductions.sumScalar(a, 0, n);
        double vector = Reductions.sumVector(a, 0, n);

        assertSumClose("n=" + n, scalar, vector, absSum(a, 0, n));
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("sizes")
    void sumVector_agrees_with_sumScalar_at_an_offset_and_reads_only_its_range(int n) {
        int off = 5;
        double[] a = values(off + n + 4, SEED - n);
        // poison outside the range: a read there would show up as NaN
        Arrays.fill(a, 0, off, Double.NaN);
        Arrays.fill(a, off + n, a.length, Double.NaN);

        double scalar = Reductions.sumScalar(a, off, n);
        double vector = Reductions.sumVector(a, off, n);

        assertSumClose("n=" + n + " off=" + off, scalar, vector, absSum(a, off, n));
    }

    @Test
    void sums_of_nothing_are_zero() {
        assertEquals(0.0, Reductions.sumVector(new double[0], 0, 0));
        assertEquals(0.0, Reductions.sumScalar(new double[0], 0, 0));
    }

    @Test
    void nan_and_infinities_propagate_through_both_sums() {
        int n = 1025;
        for (int at : new int[] {0, 17, n - 1}) {
            double[] a = values(n, SEED);
            a[at] = Double.NaN;
            double[] b = values(n, SEED);
            b[at] = Double.POSITIVE_INFINITY;
            double[] c = values(n, SEED);
            c[at] = Double.POSITIVE_INFINITY;
            c[(at + 1) % n] = Double.NEGATIVE_INFINITY;

            assertEquals(Double.NaN, Reductions.sumVector(a, 0, n), "NaN at " + at);
            assertEquals(Double.NaN, Reductions.sumScalar(a, 0, n), "NaN at " + at);
            assertEquals(Double.POSITIVE_INFINITY, Reductions.sumVector(b, 0, n), "inf at " + at);
            assertEquals(Double.POSITIVE_INFINITY, Reductions.sumScalar(b, 0, n), "inf at " + at);
            assertEquals(Double.NaN, Reductions.sumVector(c, 0, n), "inf - inf at " + at);
            assertEquals(Double.NaN, Reductions.sumScalar(c, 0, n), "inf - inf at " + at);
        }
    }

    @ParameterizedTest(name = "{0} values")
    @MethodSource("sizes")
    void sum_dispatches_to_the_twin_simd_selects(int n) {
        double[] a = values(n, SEED + 2 * n);
        double expected = Simd.ENABLED ? Reductions.sumVector(a, 0, n) : Reductions.sumScalar(a, 0, n);

        assertEquals(expected, Reductions.sum(a, 0, n));
    }

    /** (rows, cols): degenerate, awkward, and the course's layer shapes. */
    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of(0, 5), Arguments.of(5, 0), Arguments.of(1, 1), Arguments.of(1, 1025),
                Arguments.of(1025, 1), Arguments.of(7, 9), Arguments.of(9, 7), Arguments.of(31, 33),
                Arguments.of(4, 400), Arguments.of(20, 209), Arguments.of(7, 209), Arguments.of(209, 20));
    }

    @ParameterizedTest(name = "({0}, {1})")
    @MethodSource("shapes")
    void columnSums_agree_with_a_naive_loop_and_write_only_cols_entries(int rows, int cols) {
        double[] a = values(rows * cols, SEED + rows);
        double[] out = new double[cols + 3];
        Arrays.fill(out, 42.0);

        Reductions.columnSums(a, rows, cols, out);

        for (int j = 0; j < cols; j++) {
            double sum = 0.0;
            double abs = 0.0;
            for (int i = 0; i < rows; i++) {
                sum += a[i * cols + j];
                abs += Math.abs(a[i * cols + j]);
            }
            assertSumClose("column " + j, sum, out[j], abs);
        }
        for (int j = cols; j < out.length; j++) {
            assertEquals(42.0, out[j], "wrote past cols at " + j);
        }
    }

    @ParameterizedTest(name = "({0}, {1})")
    @MethodSource("shapes")
    void rowSums_agree_with_a_naive_loop_and_write_only_rows_entries(int rows, int cols) {
        double[] a = values(rows * cols, SEED + cols);
        double[] out = new double[rows + 3];
        Arrays.fill(out, 42.0);

        Reductions.rowSums(a, rows, cols, out);

        for (int i = 0; i < rows; i++) {
            double sum = 0.0;
            double abs = 0.0;
            for (int j = 0; j < cols; j++) {
                sum += a[i * cols + j];
                abs += Math.abs(a[i * cols + j]);
            }
            assertSumClose("row " + i, sum, out[i], abs);
        }
        for (int i = rows; i < out.length; i++) {
            assertEquals(42.0, out[i], "wrote past rows at " + i);
        }
    }

    @Test
    void columnSums_overwrite_rather_than_accumulate() {
        double[] out = {100, 100, 100};

        Reductions.columnSums(new double[] {1, 2, 3, 4, 5, 6}, 2, 3, out);

        assertEquals(Arrays.toString(new double[] {5, 7, 9}), Arrays.toString(out));
    }
}
