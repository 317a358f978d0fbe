package dlcourse.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Matrix} follows numpy's semantics for 2-D float arrays. Expected values were computed with numpy 2.4 and
 * are kept as literals (the numpy expression is given beside each); products are checked against a naive triple
 * loop written here.
 */
class MatrixTest {

    /** Seed of every random matrix in this class. */
    private static final long SEED = 20240611L;

    /** Unit roundoff bound used in product tolerances: a dot product of length k carries at most k+2 roundings. */
    private static final double EPS = Math.ulp(1.0);

    /** Tolerance of fused operations ({@code linear}) against their unfused spelling: they add in another order. */
    private static final double FUSED_RTOL = 1e-12;

    /**
     * Length of the matrices used for value edge cases: two full vectors of up to 8 lanes plus a tail, so every
     * special value goes through both the vector loop and the scalar tail.
     */
    private static final int EDGE_LENGTH = 17;

    /** {@code np.array([[1., 2, 3], [4, 5, 6]])}. */
    private static Matrix a23() {
        return Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
    }

    /** {@code np.array([[1., -2, 3, 0.5], [4, 5, -6, 2], [0, 7, 1, -1]])}. */
    private static Matrix m34() {
        return Matrix.of(3, 4, 1, -2, 3, 0.5, 4, 5, -6, 2, 0, 7, 1, -1);
    }

    /** {@code np.arange(12.).reshape(3, 4)}. */
    private static Matrix arange34() {
        double[] v = new double[12];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        return Matrix.of(3, 4, v);
    }

    private static Matrix random(SplittableRandom rnd, int rows, int cols) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextDouble(-1.0, 1.0);
        }
        return Matrix.of(rows, cols, v);
    }

    /** A (1, EDGE_LENGTH) row repeating {@code values} cyclically. */
    private static Matrix repeated(double... values) {
        double[] v = new double[EDGE_LENGTH];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i % values.length];
        }
        return Matrix.row(v);
    }

    private static void assertMatrix(int rows, int cols, double[] expected, Matrix actual) {
        assertEquals(Shape.of(rows, cols), actual.shape(), "shape");
        assertArrayEquals(expected, actual.toArray(), () -> "values of " + actual);
    }

    /** Every entry equals {@code expected} (bit for bit; NaN matches NaN). */
    private static void assertEveryEntry(double expected, Matrix actual) {
        for (double v : actual.toArray()) {
            assertEquals(expected, v, () -> "every entry of " + Arrays.toString(actual.toArray()));
        }
    }

    private static <T extends Throwable> void assertMessage(Class<T> type, String message,
                                                            Executable call) {
        T e = assertThrows(type, call);
        assertEquals(message, e.getMessage());
    }

    /** Naive {@code sum_p a[i,p] b[p,j]} through {@link Matrix#get}, and the bound on its rounding error. */
    private static void assertProductClose(Matrix a, Matrix b, Matrix actual) {
        assertEquals(Shape.of(a.rows(), b.cols()), actual.shape(), "shape of the product");
        int k = a.cols();
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < b.cols(); j++) {
                double sum = 0.0;
                double abs = 0.0;
                for (int p = 0; p < k; p++) {
                    sum += a.get(i, p) * b.get(p, j);
                    abs += Math.abs(a.get(i, p) * b.get(p, j));
                }
                double tol = (k + 2) * EPS * abs;
                double got = actual.get(i, j);
                if (!(Math.abs(got - sum) <= tol)) {
                    fail("entry [" + i + ", " + j + "] expected " + sum + " but was " + got + " (tolerance " + tol + ")");
                }
            }
        }
    }

    private static void assertClose(Matrix expected, Matrix actual, double rtol) {
        assertEquals(expected.shape(), actual.shape(), "shape");
        assertTrue(actual.allClose(expected, rtol, rtol), () -> "expected\n" + expected + "\nbut was\n" + actual);
    }

    // ================================================================ construction

    @Nested
    class Construction {

        @Test
        void of_lays_the_values_out_in_row_major_order() {
            Matrix m = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);

            assertEquals(Shape.of(2, 3), m.shape());
            assertEquals(2, m.rows());
            assertEquals(3, m.cols());
            assertEquals(6, m.size());
            assertEquals(3.0, m.get(0, 2));
            assertEquals(4.0, m.get(1, 0));
        }

        @Test
        void of_rejects_a_value_count_that_does_not_fit_the_shape() {
            assertMessage(ShapeException.class, "cannot reshape array of size 5 into shape (2,3)",
                    () -> Matrix.of(2, 3, 1, 2, 3, 4, 5));
            assertMessage(ShapeException.class, "cannot reshape array of size 7 into shape (2,3)",
                    () -> Matrix.of(2, 3, 1, 2, 3, 4, 5, 6, 7));
        }

        @Test
        void of_copies_its_input() {
            double[] values = {1, 2, 3, 4};
            Matrix m = Matrix.of(2, 2, values);

            values[0] = 99;

            assertEquals(1.0, m.get(0, 0));
        }

        @Test
        void fromRows_stacks_the_rows_it_is_given_and_copies_them() {
            double[][] rows = {{1, 2, 3}, {4, 5, 6}};
            Matrix m = Matrix.fromRows(rows);

            rows[1][0] = 99;

            assertEquals(a23(), m);
        }

        @Test
        void fromRows_rejects_rows_of_different_lengths() {
            assertMessage(ShapeException.class, "setting an array element with a sequence. The requested array has an"
                            + " inhomogeneous shape after 1 dimensions. Row 0 has 3 values but row 1 has 2",
                    () -> Matrix.fromRows(new double[][] {{1, 2, 3}, {4, 5}}));
        }

        @Test
        void row_is_one_by_n_and_column_is_n_by_one() {
            assertMatrix(1, 3, new double[] {1, 2, 3}, Matrix.row(1, 2, 3));
            assertMatrix(3, 1, new double[] {1, 2, 3}, Matrix.column(1, 2, 3));
            assertMatrix(1, 1, new double[] {2.5}, Matrix.scalar(2.5));
        }

        @Test
        void zeros_ones_full_and_eye_match_numpy() {
            assertMatrix(2, 3, new double[6], Matrix.zeros(2, 3));
            assertMatrix(2, 3, new double[6], Matrix.zeros(Shape.of(2, 3)));
            assertMatrix(2, 2, new double[] {1, 1, 1, 1}, Matrix.ones(2, 2));
            assertMatrix(1, 3, new double[] {-0.5, -0.5, -0.5}, Matrix.full(1, 3, -0.5));
            // np.eye(3)
            assertMatrix(3, 3, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, Matrix.eye(3));
            assertMatrix(0, 4, new double[0], Matrix.zeros(0, 4));
        }

        @Test
        void zeros_rejects_negative_dimensions() {
            assertMessage(IllegalArgumentException.class, "negative dimensions are not allowed: (-1, 2)",
                    () -> Matrix.zeros(-1, 2));
        }
    }

    // ================================================================ access

    @Nested
    class Access {

        @Test
        void get_counts_negative_indices_from_the_end() {
            Matrix m = a23();

            assertEquals(6.0, m.get(-1, -1));
            assertEquals(4.0, m.get(-1, 0));
            assertEquals(2.0, m.get(-2, -2));
        }

        @Test
        void get_rejects_a_row_out_of_range_in_numpys_words() {
            assertMessage(IndexOutOfBoundsException.class, "index 5 is out of bounds for axis 0 with size 2",
                    () -> a23().get(5, 0));
            assertMessage(IndexOutOfBoundsException.class, "index -3 is out of bounds for axis 0 with size 2",
                    () -> a23().get(-3, 0));
        }

        @Test
        void get_rejects_a_column_out_of_range_in_numpys_words() {
            assertMessage(IndexOutOfBoundsException.class, "index 3 is out of bounds for axis 1 with size 3",
                    () -> a23().get(0, 3));
            assertMessage(IndexOutOfBoundsException.class, "index -4 is out of bounds for axis 1 with size 3",
                    () -> a23().get(0, -4));
        }

        @Test
        void item_returns_the_only_value() {
            assertEquals(2.5, Matrix.scalar(2.5).item());
            assertEquals(7.0, Matrix.column(7).transpose().item());
        }

        @Test
        void item_rejects_a_matrix_with_more_than_one_value() {
            assertMessage(ShapeException.class, "can only convert an array of size 1 to a Python scalar (shape (2, 2))",
                    () -> Matrix.ones(2, 2).item());
        }

        @Test
        void toRows_returns_the_rows_in_order() {
            assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, a23().toRows());
            assertArrayEquals(new double[][] {{1, 4}, {2, 5}, {3, 6}}, a23().transpose().toRows());
        }
    }

    // ================================================================ products

    @Nested
    class Products {

        @Test
        void dot_is_the_matrix_product() {
            // np.array([[1., 2, 3], [4, 5, 6]]) @ np.array([[7., 8], [9, 10], [11, 12]])
            Matrix b = Matrix.of(3, 2, 7, 8, 9, 10, 11, 12);

            assertMatrix(2, 2, new double[] {58, 64, 139, 154}, a23().dot(b));
        }

        @Test
        void dot_reads_a_transposed_left_operand_as_numpy_does() {
            // A.T @ A
            assertMatrix(3, 3, new double[] {17, 22, 27, 22, 29, 36, 27, 36, 45}, a23().transpose().dot(a23()));
        }

        @Test
        void dot_rejects_mismatched_inner_dimensions() {
            assertMessage(ShapeException.class, "shapes (3,4) and (5,2) not aligned: 4 (dim 1) != 5 (dim 0)",
                    () -> Matrix.zeros(3, 4).dot(Matrix.zeros(5, 2)));
        }

        @Test
        void dot_with_an_empty_inner_dimension_is_all_zeros() {
            assertMatrix(2, 3, new double[6], Matrix.ones(2, 0).dot(Matrix.ones(0, 3)));
        }

        @Test
        void a_deferred_product_waits_until_read_and_then_equals_dot_bit_for_bit() {
            SplittableRandom rnd = new SplittableRandom(SEED);
            Matrix w = random(rnd, 20, 130);
            Matrix dz = random(rnd, 20, 41);

            Matrix deferred = w.transpose().dotDeferred(dz);

            assertEquals(new Shape(130, 41), deferred.shape());
            assertTrue(deferred.isPending(), "shape known, nothing computed yet");
            assertArrayEquals(w.transpose().dot(dz).toArray(), deferred.toArray());
            assertFalse(deferred.isPending(), "computed once read, then kept");
        }

        @Test
        void every_way_of_reading_a_deferred_product_computes_it() {
            Matrix b = Matrix.of(3, 2, 7, 8, 9, 10, 11, 12);
            List<Function<Matrix, Object>> reads = List.of(m -> m.get(1, 1), m -> m.sum(), m -> m.max(),
                    m -> m.min(), m -> m.norm(), m -> m.toArray()[3], m -> m.add(1.0).get(0, 0),
                    m -> m.transpose().get(1, 0), m -> m.transpose().dot(m).get(0, 0), m -> m.reshape(4, 1).get(3, 0),
                    m -> m.sum(Axis.ROWS).get(0, 1), m -> m.toString(), m -> m.hashCode(),
                    m -> m.equals(a23().dot(b)), m -> m.relu().get(1, 1), m -> m.columns(1, 2).get(1, 0));
            Matrix eager = a23().dot(b);
            for (Function<Matrix, Object> read : reads) {
                Matrix deferred = a23().dotDeferred(b);
                assertTrue(deferred.isPending());
                assertEquals(read.apply(eager), read.apply(deferred));
                assertFalse(deferred.isPending());
            }
            assertEquals(eager, a23().dotDeferred(b));
            assertEquals(eager.transpose(), a23().dotDeferred(b).transpose());
        }

        @Test
        void a_deferred_product_checks_shapes_at_once_in_numpy_words() {
            assertMessage(ShapeException.class, "shapes (3,4) and (5,2) not aligned: 4 (dim 1) != 5 (dim 0)",
                    () -> Matrix.zeros(3, 4).dotDeferred(Matrix.zeros(5, 2)));
        }

        @Test
        void a_deferred_product_read_by_many_threads_is_computed_once_and_identical() throws Exception {
            SplittableRandom rnd = new SplittableRandom(SEED + 1);
            Matrix a = random(rnd, 300, 40);
            Matrix b = random(rnd, 40, 200);
            double[] expected = a.dot(b).toArray();
            for (int round = 0; round < 20; round++) {
                Matrix deferred = a.dotDeferred(b);
                List<java.util.concurrent.Callable<double[]>> readers = java.util.Collections.nCopies(4,
                        deferred::toArray);
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
                try {
                    for (java.util.concurrent.Future<double[]> f : pool.invokeAll(readers)) {
                        assertArrayEquals(expected, f.get());
                    }
                } finally {
                    pool.shutdown();
                }
            }
        }

        /** (m, n, k): tiny (direct), above the direct limit (packed), and above the parallel limit. */
        static Stream<Arguments> productShapes() {
            return Stream.of(Arguments.of(3, 5, 4), Arguments.of(37, 29, 41), Arguments.of(60, 50, 70),
                    Arguments.of(130, 120, 110));
        }

        @ParameterizedTest(name = "({0}x{2})·({2}x{1})")
        @MethodSource("productShapes")
        void dot_agrees_with_a_naive_triple_loop_for_every_transposition(int m, int n, int k) {
            SplittableRandom rnd = new SplittableRandom(SEED + m);
            Matrix a = random(rnd, m, k);
            Matrix b = random(rnd, k, n);
            Matrix at = random(rnd, k, m).transpose();
            Matrix bt = random(rnd, n, k).transpose();

            assertProductClose(a, b, a.dot(b));
            assertProductClose(at, b, at.dot(b));
            assertProductClose(a, bt, a.dot(bt));
            assertProductClose(at, bt, at.dot(bt));
        }

        @ParameterizedTest(name = "({0}x{2})·({2}x{1})")
        @MethodSource("productShapes")
        void dotDivide_equals_dot_then_divide_bit_for_bit_for_every_transposition(int m, int n, int k) {
            SplittableRandom rnd = new SplittableRandom(SEED - m);
            Matrix a = random(rnd, m, k);
            Matrix b = random(rnd, k, n);
            Matrix at = random(rnd, k, m).transpose();
            Matrix bt = random(rnd, n, k).transpose();

            for (double divisor : new double[] {209, 0.3, -7}) {
                assertArrayEquals(a.dot(b).divide(divisor).toArray(), a.dotDivide(b, divisor).toArray());
                assertArrayEquals(at.dot(b).divide(divisor).toArray(), at.dotDivide(b, divisor).toArray());
                assertArrayEquals(a.dot(bt).divide(divisor).toArray(), a.dotDivide(bt, divisor).toArray());
                assertArrayEquals(at.dot(bt).divide(divisor).toArray(), at.dotDivide(bt, divisor).toArray());
            }
            assertEquals(new Shape(m, n), a.dotDivide(b, 2).shape());
        }

        @Test
        void dotDivide_by_zero_gives_numpys_infinities_and_nan() {
            // np.array([[1., -1], [0, 2]]) @ np.array([[1.], [0]]) / 0 -> [[inf], [nan]]
            Matrix a = Matrix.of(2, 2, 1, -1, 0, 2);
            Matrix b = Matrix.column(1, 0);

            assertMatrix(2, 1, new double[] {Double.POSITIVE_INFINITY, Double.NaN}, a.dotDivide(b, 0));
            assertMatrix(2, 1, new double[] {Double.NEGATIVE_INFINITY, Double.NaN}, a.dotDivide(b, -0.0));
        }

        @Test
        void dotDivide_rejects_mismatched_inner_dimensions_as_dot_does() {
            assertMessage(ShapeException.class, "shapes (3,4) and (5,2) not aligned: 4 (dim 1) != 5 (dim 0)",
                    () -> Matrix.zeros(3, 4).dotDivide(Matrix.zeros(5, 2), 2));
        }

        static Stream<Arguments> linearShapes() {
            // (n[l], n[l-1], m); 300 > Gemm.KC, so the bias meets a partial sum, not the whole product
            return Stream.of(Arguments.of(5, 7, 9), Arguments.of(20, 300, 50), Arguments.of(1, 7, 209));
        }

        @ParameterizedTest(name = "W ({0}x{1}), A ({1}x{2})")
        @MethodSource("linearShapes")
        void linear_equals_dot_plus_bias_with_and_without_activation(int nl, int nPrev, int m) {
            SplittableRandom rnd = new SplittableRandom(SEED + nPrev);
            Matrix w = random(rnd, nl, nPrev);
            Matrix a = random(rnd, nPrev, m);
            Matrix b = random(rnd, nl, 1);
            Matrix z = w.dot(a).add(b);

            assertClose(z, Matrix.linear(w, a, b), FUSED_RTOL);
            assertClose(z.relu(), Matrix.linearRelu(w, a, b), FUSED_RTOL);
            assertClose(z.sigmoid(), Matrix.linearSigmoid(w, a, b), FUSED_RTOL);
        }

        @Test
        void linear_reads_transposed_views_in_place() {
            SplittableRandom rnd = new SplittableRandom(SEED);
            Matrix wt = random(rnd, 7, 5).transpose();
            Matrix at = random(rnd, 9, 7).transpose();
            Matrix b = random(rnd, 5, 1);

            assertClose(wt.dot(at).add(b), Matrix.linear(wt, at, b), FUSED_RTOL);
        }

        @Test
        void linear_rejects_mismatched_inner_dimensions() {
            assertMessage(ShapeException.class, "shapes (3,4) and (5,2) not aligned: 4 (dim 1) != 5 (dim 0)",
                    () -> Matrix.linear(Matrix.zeros(3, 4), Matrix.zeros(5, 2), Matrix.zeros(3, 1)));
        }

        @Test
        void linear_rejects_a_bias_that_is_not_one_value_per_row() {
            assertMessage(ShapeException.class, "operands could not be broadcast together with shapes (3,2) (4,1)",
                    () -> Matrix.linear(Matrix.zeros(3, 4), Matrix.zeros(4, 2), Matrix.zeros(4, 1)));
        }
    }

    // ================================================================ broadcasting arithmetic

    @Nested
    class Broadcasting {

        private static final Matrix COL = Matrix.column(10, 20);
        private static final Matrix ROW = Matrix.row(1, 2, 4);
        private static final Matrix ONE_BY_ONE = Matrix.scalar(2);

        /** (description, result, expected (2, 3) values), from numpy with A, col, row, s as named here. */
        static Stream<Arguments> broadcasts() {
            Matrix a = a23();
            return Stream.of(
                    Arguments.of("A + col", a.add(COL), new double[] {11, 12, 13, 24, 25, 26}),
                    Arguments.of("col + A", COL.add(a), new double[] {11, 12, 13, 24, 25, 26}),
                    Arguments.of("A + row", a.add(ROW), new double[] {2, 4, 7, 5, 7, 10}),
                    Arguments.of("row + A", ROW.add(a), new double[] {2, 4, 7, 5, 7, 10}),
                    Arguments.of("A + s", a.add(ONE_BY_ONE), new double[] {3, 4, 5, 6, 7, 8}),
                    Arguments.of("s + A", ONE_BY_ONE.add(a), new double[] {3, 4, 5, 6, 7, 8}),
                    Arguments.of("col + row", COL.add(ROW), new double[] {11, 12, 14, 21, 22, 24}),
                    Arguments.of("row + col", ROW.add(COL), new double[] {11, 12, 14, 21, 22, 24}),
                    Arguments.of("A - col", a.subtract(COL), new double[] {-9, -8, -7, -16, -15, -14}),
                    Arguments.of("col - A", COL.subtract(a), new double[] {9, 8, 7, 16, 15, 14}),
                    Arguments.of("A - row", a.subtract(ROW), new double[] {0, 0, -1, 3, 3, 2}),
                    Arguments.of("row - A", ROW.subtract(a), new double[] {0, 0, 1, -3, -3, -2}),
                    Arguments.of("A - s", a.subtract(ONE_BY_ONE), new double[] {-1, 0, 1, 2, 3, 4}),
                    Arguments.of("s - A", ONE_BY_ONE.subtract(a), new double[] {1, 0, -1, -2, -3, -4}),
                    Arguments.of("col - row", COL.subtract(ROW), new double[] {9, 8, 6, 19, 18, 16}),
                    Arguments.of("row - col", ROW.subtract(COL), new double[] {-9, -8, -6, -19, -18, -16}),
                    Arguments.of("A * col", a.multiply(COL), new double[] {10, 20, 30, 80, 100, 120}),
                    Arguments.of("col * A", COL.multiply(a), new double[] {10, 20, 30, 80, 100, 120}),
                    Arguments.of("A * row", a.multiply(ROW), new double[] {1, 4, 12, 4, 10, 24}),
                    Arguments.of("row * A", ROW.multiply(a), new double[] {1, 4, 12, 4, 10, 24}),
                    Arguments.of("A * s", a.multiply(ONE_BY_ONE), new double[] {2, 4, 6, 8, 10, 12}),
                    Arguments.of("s * A", ONE_BY_ONE.multiply(a), new double[] {2, 4, 6, 8, 10, 12}),
                    Arguments.of("col * row", COL.multiply(ROW), new double[] {10, 20, 40, 20, 40, 80}),
                    Arguments.of("row * col", ROW.multiply(COL), new double[] {10, 20, 40, 20, 40, 80}),
                    Arguments.of("A / col", a.divide(COL), new double[] {0.1, 0.2, 0.3, 0.2, 0.25, 0.3}),
                    Arguments.of("col / A", COL.divide(a),
                            new double[] {10, 5, 3.3333333333333335, 5, 4, 3.3333333333333335}),
                    Arguments.of("A / row", a.divide(ROW), new double[] {1, 1, 0.75, 4, 2.5, 1.5}),
                    Arguments.of("row / A", ROW.divide(a),
                            new double[] {1, 1, 1.3333333333333333, 0.25, 0.4, 0.6666666666666666}),
                    Arguments.of("A / s", a.divide(ONE_BY_ONE), new double[] {0.5, 1, 1.5, 2, 2.5, 3}),
                    Arguments.of("s / A", ONE_BY_ONE.divide(a),
                            new double[] {2, 1, 0.6666666666666666, 0.5, 0.4, 0.3333333333333333}),
                    Arguments.of("col / row", COL.divide(ROW), new double[] {10, 5, 2.5, 20, 10, 5}),
                    Arguments.of("row / col", ROW.divide(COL), new double[] {0.1, 0.2, 0.4, 0.05, 0.1, 0.2}),
                    Arguments.of("A + 2", a.add(2), new double[] {3, 4, 5, 6, 7, 8}),
                    Arguments.of("A - 1", a.subtract(1), new double[] {0, 1, 2, 3, 4, 5}),
                    Arguments.of("1 - A", Matrix.subtract(1, a), new double[] {0, -1, -2, -3, -4, -5}),
                    Arguments.of("A * 2", a.multiply(2), new double[] {2, 4, 6, 8, 10, 12}),
                    Arguments.of("A / 4", a.divide(4), new double[] {0.25, 0.5, 0.75, 1, 1.25, 1.5}),
                    Arguments.of("1 / A", Matrix.divide(1, a),
                            new double[] {1, 0.5, 0.3333333333333333, 0.25, 0.2, 0.16666666666666666}),
                    Arguments.of("np.maximum(A, 3.5)", a.maximum(3.5), new double[] {3.5, 3.5, 3.5, 4, 5, 6}),
                    Arguments.of("np.minimum(A, row)", a.minimum(ROW), new double[] {1, 2, 3, 1, 2, 4}),
                    Arguments.of("np.maximum(A, col)", a.maximum(COL), new double[] {10, 10, 10, 20, 20, 20}),
                    Arguments.of("np.minimum(A, 2)", a.minimum(2), new double[] {1, 2, 2, 2, 2, 2}),
                    Arguments.of("A > 3", a.greaterThan(3), new double[] {0, 0, 0, 1, 1, 1}),
                    Arguments.of("A >= 3", a.greaterEqual(3), new double[] {0, 0, 1, 1, 1, 1}),
                    Arguments.of("A < 3", a.lessThan(3), new double[] {1, 1, 0, 0, 0, 0}),
                    Arguments.of("A <= 3", a.lessEqual(3), new double[] {1, 1, 1, 0, 0, 0}),
                    Arguments.of("A == 5", a.equalTo(5), new double[] {0, 0, 0, 0, 1, 0}),
                    Arguments.of("A > row", a.greaterThan(ROW), new double[] {0, 0, 0, 1, 1, 1}),
                    Arguments.of("A < row", a.lessThan(ROW), new double[] {0, 0, 1, 0, 0, 0}),
                    Arguments.of("A == row", a.equalTo(ROW), new double[] {1, 1, 0, 0, 0, 0}));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("broadcasts")
        void elementwise_arithmetic_broadcasts_as_numpy_does(String expression, Matrix actual, double[] expected) {
            assertMatrix(2, 3, expected, actual);
        }

        @Test
        void a_column_and_a_row_broadcast_to_their_outer_shape() {
            Matrix outer = Matrix.column(1, 2, 3, 4).multiply(Matrix.row(1, 10, 100));

            assertMatrix(4, 3, new double[] {1, 10, 100, 2, 20, 200, 3, 30, 300, 4, 40, 400}, outer);
        }

        @Test
        void a_column_broadcasts_against_a_one_by_one() {
            assertMatrix(3, 1, new double[] {3, 4, 5}, Matrix.column(1, 2, 3).add(Matrix.scalar(2)));
        }

        @Test
        void incompatible_shapes_are_rejected_in_numpys_words() {
            assertMessage(ShapeException.class, "operands could not be broadcast together with shapes (3,4) (4,1)",
                    () -> Matrix.zeros(3, 4).add(Matrix.zeros(4, 1)));
            assertMessage(ShapeException.class, "operands could not be broadcast together with shapes (4,1) (3,4)",
                    () -> Matrix.zeros(4, 1).multiply(Matrix.zeros(3, 4)));
            assertMessage(ShapeException.class, "operands could not be broadcast together with shapes (2,3) (3,2)",
                    () -> Matrix.zeros(2, 3).subtract(Matrix.zeros(3, 2)));
            assertMessage(ShapeException.class, "operands could not be broadcast together with shapes (2,3) (1,2)",
                    () -> Matrix.zeros(2, 3).divide(Matrix.zeros(1, 2)));
        }

        @Test
        void subtractScaled_equals_subtracting_the_scaled_matrix_bit_for_bit() {
            SplittableRandom rnd = new SplittableRandom(SEED);
            Matrix w = random(rnd, 20, 209);
            Matrix dw = random(rnd, 20, 209);
            Matrix dwT = random(rnd, 209, 20).transpose();

            for (double alpha : new double[] {0.0075, 1.2, 0.0, -3.0}) {
                assertArrayEquals(w.subtract(dw.multiply(alpha)).toArray(), w.subtractScaled(alpha, dw).toArray());
                assertArrayEquals(w.subtract(dwT.multiply(alpha)).toArray(),
                        w.subtractScaled(alpha, dwT).toArray(), "a transposed view as the gradient");
                assertArrayEquals(dwT.subtract(w.multiply(alpha)).toArray(),
                        dwT.subtractScaled(alpha, w).toArray(), "a transposed view as the parameter");
            }
        }

        @Test
        void subtractScaled_rounds_the_product_and_the_difference_separately() {
            // 1 - 3 * (1/3): numpy gives 0.0 (3 * 0.333... rounds to exactly 1); a fused multiply-add gives 2^-54
            Matrix ones = Matrix.of(1, 1, 1.0);
            Matrix third = Matrix.of(1, 1, 1.0 / 3);

            assertEquals(0.0, ones.subtractScaled(3, third).item());
            assertEquals(0.0, Matrix.full(3, 40, 1.0).subtractScaled(3, Matrix.full(3, 40, 1.0 / 3)).max(),
                    "the vector kernel (120 values)");
            assertEquals(0.0, Matrix.full(3, 40, 1.0).subtractScaled(3, Matrix.full(3, 40, 1.0 / 3)).min());
        }

        @Test
        void subtractScaled_broadcasts_as_subtract_does() {
            Matrix a = a23();

            assertArrayEquals(a.subtract(COL.multiply(0.5)).toArray(), a.subtractScaled(0.5, COL).toArray());
            assertArrayEquals(COL.subtract(a.multiply(0.5)).toArray(), COL.subtractScaled(0.5, a).toArray());
            assertArrayEquals(a.subtract(ROW.multiply(2)).toArray(), a.subtractScaled(2, ROW).toArray());
            assertMessage(ShapeException.class, "operands could not be broadcast together with shapes (2,3) (3,2)",
                    () -> a.subtractScaled(0.5, a.transpose()));
        }
    }

    // ================================================================ value edge cases (IEEE as numpy)

    @Nested
    class EdgeValues {

        @Test
        void log_of_zero_is_minus_infinity_and_log_of_a_negative_is_nan() {
            assertEveryEntry(Double.NEGATIVE_INFINITY, repeated(0.0).log());
            assertEveryEntry(Double.NaN, repeated(-1.0).log());
        }

        @Test
        void division_by_zero_follows_ieee() {
            assertEveryEntry(Double.NaN, repeated(0.0).divide(0.0));
            assertEveryEntry(Double.POSITIVE_INFINITY, repeated(1.0).divide(repeated(0.0)));
            assertEveryEntry(Double.NEGATIVE_INFINITY, Matrix.divide(-1, repeated(0.0)));
        }

        @Test
        void maximum_and_minimum_propagate_nan_from_either_side() {
            Matrix nan = repeated(Double.NaN);
            Matrix one = repeated(1.0);

            assertEveryEntry(Double.NaN, nan.maximum(1.0));
            assertEveryEntry(Double.NaN, nan.maximum(one));
            assertEveryEntry(Double.NaN, one.maximum(nan));
            assertEveryEntry(Double.NaN, one.maximum(Double.NaN));
            assertEveryEntry(Double.NaN, nan.minimum(0.0));
            assertEveryEntry(Double.NaN, one.minimum(nan));
        }

        @Test
        void relu_keeps_nan() {
            assertEveryEntry(Double.NaN, repeated(Double.NaN).relu());
        }

        @Test
        void comparisons_with_nan_are_false() {
            Matrix nan = repeated(Double.NaN);

            assertEveryEntry(0.0, nan.greaterThan(0.0));
            assertEveryEntry(0.0, nan.lessEqual(0.0));
            assertEveryEntry(0.0, nan.equalTo(nan));
        }

        @Test
        void sigmoid_saturates_to_exactly_zero_and_one_without_nan() {
            assertEveryEntry(0.0, repeated(-800.0).sigmoid());
            assertEveryEntry(1.0, repeated(800.0).sigmoid());
        }

        @Test
        void exp_of_infinities_is_zero_and_infinity() {
            assertEveryEntry(0.0, repeated(Double.NEGATIVE_INFINITY).exp());
            assertEveryEntry(Double.POSITIVE_INFINITY, repeated(Double.POSITIVE_INFINITY).exp());
        }

        @Test
        void sqrt_of_a_negative_is_nan_and_tanh_saturates() {
            assertEveryEntry(Double.NaN, repeated(-4.0).sqrt());
            assertEveryEntry(1.0, repeated(Double.POSITIVE_INFINITY).tanh());
            assertEveryEntry(-1.0, repeated(Double.NEGATIVE_INFINITY).tanh());
        }
    }

    // ================================================================ one-operand functions

    @Nested
    class OneOperand {

        /** {@code U = np.array([[0.5, -1.5, 2.0], [-0.25, 3.0, 0.1]])}. */
        private static Matrix u() {
            return Matrix.of(2, 3, 0.5, -1.5, 2.0, -0.25, 3.0, 0.1);
        }

        /** Java's libm and numpy's may differ in the last bit. */
        private static final double LIBM_RTOL = 4 * EPS;

        static Stream<Arguments> functions() {
            Matrix u = u();
            return Stream.of(
                    Arguments.of("np.exp(U)", u.exp(), new double[] {1.6487212707001282, 0.22313016014842982,
                            7.38905609893065, 0.7788007830714049, 20.085536923187668, 1.1051709180756477}),
                    Arguments.of("np.tanh(U)", u.tanh(), new double[] {0.46211715726000974, -0.9051482536448665,
                            0.9640275800758169, -0.24491866240370913, 0.9950547536867305, 0.09966799462495582}),
                    Arguments.of("1 / (1 + np.exp(-U))", u.sigmoid(), new double[] {0.6224593312018546,
                            0.18242552380635635, 0.8807970779778823, 0.43782349911420193, 0.9525741268224334,
                            0.52497918747894}),
                    Arguments.of("np.log(np.abs(U))", u.abs().log(), new double[] {-0.6931471805599453,
                            0.4054651081081644, 0.6931471805599453, -1.3862943611198906, 1.0986122886681098,
                            -2.3025850929940455}),
                    Arguments.of("np.sqrt(np.abs(U))", u.abs().sqrt(), new double[] {0.7071067811865476,
                            1.224744871391589, 1.4142135623730951, 0.5, 1.7320508075688772, 0.31622776601683794}),
                    Arguments.of("np.abs(U) ** 0.5", u.abs().power(0.5), new double[] {0.7071067811865476,
                            1.224744871391589, 1.4142135623730951, 0.5, 1.7320508075688772, 0.31622776601683794}),
                    Arguments.of("U ** 3", u.power(3), new double[] {0.125, -3.375, 8.0, -0.015625, 27.0,
                            0.0010000000000000002}),
                    Arguments.of("U ** 2", u.power(2), new double[] {0.25, 2.25, 4, 0.0625, 9, 0.010000000000000002}),
                    Arguments.of("np.square(U)", u.square(), new double[] {0.25, 2.25, 4, 0.0625, 9,
                            0.010000000000000002}),
                    Arguments.of("np.abs(U)", u.abs(), new double[] {0.5, 1.5, 2, 0.25, 3, 0.1}),
                    Arguments.of("-U", u.negate(), new double[] {-0.5, 1.5, -2, 0.25, -3, -0.1}),
                    Arguments.of("np.maximum(U, 0)", u.relu(), new double[] {0.5, 0, 2, 0, 3, 0.1}),
                    Arguments.of("np.vectorize(lambda x: 2 * x + 1)(U)", u.map(x -> 2 * x + 1),
                            new double[] {2, -2, 5, 0.5, 7, 1.2}));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("functions")
        void elementwise_functions_match_numpy(String expression, Matrix actual, double[] expected) {
            assertClose(Matrix.of(2, 3, expected), actual, LIBM_RTOL);
        }
    }

    // ================================================================ reductions

    @Nested
    class Reducing {

        @Test
        void sum_and_mean_of_all_entries() {
            assertEquals(14.5, m34().sum());
            assertEquals(1.2083333333333333, m34().mean());
        }

        @Test
        void sum_over_rows_leaves_one_value_per_column() {
            // M.sum(axis=0, keepdims=True)
            assertMatrix(1, 4, new double[] {5, 10, -2, 1.5}, m34().sum(Axis.ROWS));
            assertMatrix(1, 4, new double[] {5, 10, -2, 1.5}, m34().sum(Axis.ROWS, true));
            // M.sum(axis=0) is 1-D (4,), which broadcasts as a (1, 4) row
            assertMatrix(1, 4, new double[] {5, 10, -2, 1.5}, m34().sum(Axis.ROWS, false));
        }

        @Test
        void sum_over_columns_keeps_a_column_only_with_keepDims() {
            // M.sum(axis=1, keepdims=True)
            assertMatrix(3, 1, new double[] {2.5, 5, 7}, m34().sum(Axis.COLUMNS));
            assertMatrix(3, 1, new double[] {2.5, 5, 7}, m34().sum(Axis.COLUMNS, true));
            // M.sum(axis=1) is 1-D (3,): it broadcasts as a (1, 3) row
            assertMatrix(1, 3, new double[] {2.5, 5, 7}, m34().sum(Axis.COLUMNS, false));
        }

        @Test
        void a_bias_update_without_keepDims_broadcasts_to_a_square_as_in_numpy() {
            Matrix b = Matrix.column(1, 2, 3);
            Matrix dZ = m34();

            Matrix forgotKeepDims = b.subtract(dZ.sum(Axis.COLUMNS, false));
            Matrix withKeepDims = b.subtract(dZ.sum(Axis.COLUMNS, true));

            // b - dZ.sum(axis=1)
            assertMatrix(3, 3, new double[] {-1.5, -4, -6, -0.5, -3, -5, 0.5, -2, -4}, forgotKeepDims);
            // b - dZ.sum(axis=1, keepdims=True)
            assertMatrix(3, 1, new double[] {-1.5, -3, -4}, withKeepDims);
        }

        @Test
        void mean_over_an_axis_divides_by_the_count_along_it() {
            assertMatrix(1, 4, new double[] {1.6666666666666667, 3.3333333333333335, -0.6666666666666666, 0.5},
                    m34().mean(Axis.ROWS));
            assertMatrix(3, 1, new double[] {0.625, 1.25, 1.75}, m34().mean(Axis.COLUMNS));
            assertMatrix(1, 3, new double[] {0.625, 1.25, 1.75}, m34().mean(Axis.COLUMNS, false));
        }

        @Test
        void mean_of_an_empty_matrix_is_nan() {
            assertEquals(Double.NaN, Matrix.zeros(0, 3).mean());
        }

        @Test
        void max_and_min_of_all_entries() {
            assertEquals(7.0, m34().max());
            assertEquals(-6.0, m34().min());
        }

        @Test
        void max_and_min_are_nan_when_any_entry_is_nan() {
            Matrix m = Matrix.of(2, 2, 1, -2, Double.NaN, 0);

            assertEquals(Double.NaN, m.max());
            assertEquals(Double.NaN, m.min());
        }

        @Test
        void max_and_min_of_an_empty_matrix_fail_in_numpys_words() {
            assertMessage(ShapeException.class, "zero-size array to reduction operation maximum which has no identity",
                    () -> Matrix.zeros(0, 3).max());
            assertMessage(ShapeException.class, "zero-size array to reduction operation minimum which has no identity",
                    () -> Matrix.zeros(0, 3).min());
        }

        @Test
        void argmax_returns_the_first_of_tied_maxima() {
            Matrix m = Matrix.of(3, 3, 1, 3, 3, 2, 3, 0, 2, 1, 5);

            // M.argmax(axis=0), M.argmax(axis=1)
            assertMatrix(1, 3, new double[] {1, 0, 2}, m.argmax(Axis.ROWS));
            assertMatrix(1, 3, new double[] {1, 1, 2}, m.argmax(Axis.COLUMNS));
        }

        @Test
        void argmax_counts_nan_as_the_maximum() {
            // np.argmax([1, nan, 3, nan]) == 1
            assertMatrix(1, 1, new double[] {1}, Matrix.row(1, Double.NaN, 3, Double.NaN).argmax(Axis.COLUMNS));
        }

        @Test
        void argmax_of_an_empty_axis_fails_in_numpys_words() {
            assertMessage(ShapeException.class, "attempt to get argmax of an empty sequence",
                    () -> Matrix.zeros(0, 3).argmax(Axis.ROWS));
        }

        @Test
        void norm_is_the_frobenius_norm() {
            assertEquals(5.0, Matrix.row(3, 4).norm());
            assertEquals(0.0, Matrix.zeros(2, 2).norm());
            assertEquals(Math.sqrt(91.0), a23().norm(), 2 * Math.ulp(Math.sqrt(91.0)));
        }

        @Test
        void norm_neither_overflows_nor_underflows_for_extreme_entries() {
            assertEquals(1.414213562373095e200, Matrix.row(1e200, 1e200).norm(), 2 * Math.ulp(1.414213562373095e200));
            assertEquals(1.414213562373095e-200, Matrix.row(1e-200, 1e-200).norm(),
                    2 * Math.ulp(1.414213562373095e-200));
        }

        @Test
        void norm_is_nan_with_a_nan_entry_and_infinite_with_an_infinite_one() {
            assertEquals(Double.NaN, Matrix.row(1, Double.NaN).norm());
            assertEquals(Double.POSITIVE_INFINITY, Matrix.row(1, Double.NEGATIVE_INFINITY).norm());
        }
    }

    // ================================================================ shape manipulation

    @Nested
    class ShapeManipulation {

        @Test
        void transpose_swaps_rows_and_columns() {
            Matrix t = a23().transpose();

            assertMatrix(3, 2, new double[] {1, 4, 2, 5, 3, 6}, t);
            assertEquals(6.0, t.get(2, 1));
            assertEquals(a23(), t.transpose());
        }

        @Test
        void reshape_keeps_c_order_and_infers_one_dimension() {
            double[] order = arange34().toArray();

            assertMatrix(4, 3, order, arange34().reshape(4, -1));
            assertMatrix(2, 6, order, arange34().reshape(-1, 6));
            assertMatrix(12, 1, order, arange34().reshape(-1, 1));
        }

        @Test
        void reshape_of_a_transposed_view_reads_it_in_its_own_row_order() {
            // np.arange(12.).reshape(3, 4).T.reshape(2, 6)
            assertMatrix(2, 6, new double[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11},
                    arange34().transpose().reshape(2, 6));
        }

        @Test
        void reshape_then_transpose_flattens_examples_into_columns() {
            // two examples of 12 features each: X.reshape(m, -1).T puts example j in column j
            double[] v = new double[24];
            for (int i = 0; i < v.length; i++) {
                v[i] = i;
            }
            Matrix flat = Matrix.of(2, 12, v).reshape(2, -1).transpose();

            assertEquals(Shape.of(12, 2), flat.shape());
            assertArrayEquals(new double[] {0, 12, 1, 13, 2, 14}, flat.rows(0, 3).toArray());
        }

        @Test
        void reshape_rejects_a_size_that_does_not_divide_in_numpys_words() {
            assertMessage(ShapeException.class, "cannot reshape array of size 12 into shape (5,newaxis)",
                    () -> arange34().reshape(5, -1));
            assertMessage(ShapeException.class, "cannot reshape array of size 12 into shape (5,3)",
                    () -> arange34().reshape(5, 3));
            assertMessage(ShapeException.class, "cannot reshape array of size 12 into shape (0,newaxis)",
                    () -> arange34().reshape(0, -1));
        }

        @Test
        void reshape_accepts_only_one_unknown_dimension() {
            assertMessage(ShapeException.class, "can only specify one unknown dimension",
                    () -> arange34().reshape(-1, -1));
        }

        @Test
        void columns_slices_with_negative_and_clipped_bounds() {
            Matrix m = arange34();

            // M[:, 1:3]
            assertMatrix(3, 2, new double[] {1, 2, 5, 6, 9, 10}, m.columns(1, 3));
            // M[:, -2:100]
            assertMatrix(3, 2, new double[] {2, 3, 6, 7, 10, 11}, m.columns(-2, 100));
            // M[:, -100:1]
            assertMatrix(3, 1, new double[] {0, 4, 8}, m.columns(-100, 1));
            // M[:, 5:9] and M[:, 3:1] are empty
            assertMatrix(3, 0, new double[0], m.columns(5, 9));
            assertMatrix(3, 0, new double[0], m.columns(3, 1));
        }

        @Test
        void rows_slices_with_negative_and_clipped_bounds() {
            Matrix m = arange34();

            // M[1:3, :]
            assertMatrix(2, 4, new double[] {4, 5, 6, 7, 8, 9, 10, 11}, m.rows(1, 3));
            // M[-1:10, :]
            assertMatrix(1, 4, new double[] {8, 9, 10, 11}, m.rows(-1, 10));
            // M[2:1, :]
            assertMatrix(0, 4, new double[0], m.rows(2, 1));
        }

        @Test
        void selectColumns_applies_a_permutation() {
            // A[:, [2, 0, 1]] and A[:, [-1, 0]]
            assertMatrix(2, 3, new double[] {3, 1, 2, 6, 4, 5}, a23().selectColumns(2, 0, 1));
            assertMatrix(2, 2, new double[] {3, 1, 6, 4}, a23().selectColumns(-1, 0));
        }

        @Test
        void selectColumns_rejects_an_index_out_of_range_in_numpys_words() {
            assertMessage(IndexOutOfBoundsException.class, "index 3 is out of bounds for axis 1 with size 3",
                    () -> a23().selectColumns(0, 3));
        }

        @Test
        void vstack_and_hstack_concatenate() {
            assertMatrix(3, 3, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, Matrix.vstack(a23(), Matrix.row(7, 8, 9)));
            assertMatrix(2, 4, new double[] {1, 2, 3, 10, 4, 5, 6, 20}, Matrix.hstack(a23(), Matrix.column(10, 20)));
        }

        @Test
        void vstack_rejects_different_column_counts_in_numpys_words() {
            assertMessage(ShapeException.class, "all the input array dimensions except for the concatenation axis"
                            + " must match exactly, but along dimension 1, the array at index 0 has size 3 and the"
                            + " array at index 1 has size 2",
                    () -> Matrix.vstack(Matrix.zeros(2, 3), Matrix.zeros(1, 2)));
        }

        @Test
        void hstack_rejects_different_row_counts_in_numpys_words() {
            assertMessage(ShapeException.class, "all the input array dimensions except for the concatenation axis"
                            + " must match exactly, but along dimension 0, the array at index 0 has size 2 and the"
                            + " array at index 1 has size 3",
                    () -> Matrix.hstack(Matrix.zeros(2, 3), Matrix.zeros(3, 2)));
        }

        @Test
        void stacking_nothing_is_rejected() {
            assertMessage(ShapeException.class, "need at least one array to concatenate", () -> Matrix.vstack());
            assertMessage(ShapeException.class, "need at least one array to concatenate", () -> Matrix.hstack());
        }
    }

    // ================================================================ transposed views

    @Nested
    class TransposedViews {

        private static final int BASE_ROWS = 5;
        private static final int BASE_COLS = 7;

        /**
         * Multiples of 1/8 in [-1, 1] with 1 present: sums, products and the norm's scaling are exact, so a view and
         * its plain twin must agree bit for bit whatever order a kernel adds in.
         */
        private static double value(int i, int j) {
            return ((i * BASE_COLS + j) % 17 - 8) / 8.0;
        }

        /** A (7, 5) transposed view of a (5, 7) matrix. */
        private static Matrix view() {
            double[] v = new double[BASE_ROWS * BASE_COLS];
            for (int i = 0; i < BASE_ROWS; i++) {
                for (int j = 0; j < BASE_COLS; j++) {
                    v[i * BASE_COLS + j] = value(i, j);
                }
            }
            return Matrix.of(BASE_ROWS, BASE_COLS, v).transpose();
        }

        /** The same (7, 5) values in a matrix built directly, without a view. */
        private static Matrix plain() {
            double[] v = new double[BASE_ROWS * BASE_COLS];
            for (int i = 0; i < BASE_COLS; i++) {
                for (int j = 0; j < BASE_ROWS; j++) {
                    v[i * BASE_ROWS + j] = value(j, i);
                }
            }
            return Matrix.of(BASE_COLS, BASE_ROWS, v);
        }

        static Stream<Arguments> operations() {
            Matrix col = Matrix.column(1, 2, 3, 4, 5, 6, 7);
            Matrix row = Matrix.row(1, -1, 2, -2, 3);
            Matrix other = Matrix.of(5, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            List<Arguments> ops = List.of(
                    op("get(6, -1)", m -> m.get(6, -1)),
                    op("toArray", m -> Arrays.toString(m.toArray())),
                    op("toRows", m -> Arrays.deepToString(m.toRows())),
                    op("M + col", m -> m.add(col)),
                    op("M - row", m -> m.subtract(row)),
                    op("M * M", m -> m.multiply(m)),
                    op("M / 3", m -> m.divide(3)),
                    op("1 - M", m -> Matrix.subtract(1, m)),
                    op("np.exp(M)", Matrix::exp),
                    op("relu", Matrix::relu),
                    op("sigmoid", Matrix::sigmoid),
                    op("M > 0", m -> m.greaterThan(0)),
                    op("np.maximum(M, row)", m -> m.maximum(row)),
                    op("M.reshape(5, -1)", m -> m.reshape(5, -1)),
                    op("M.reshape(-1, 1)", m -> m.reshape(-1, 1)),
                    op("M[:, 1:3]", m -> m.columns(1, 3)),
                    op("M[2:5, :]", m -> m.rows(2, 5)),
                    op("M[:, [4, 0, 2]]", m -> m.selectColumns(4, 0, 2)),
                    op("M.T", Matrix::transpose),
                    op("M.T.T", m -> m.transpose().transpose()),
                    op("M @ other", m -> m.dot(other)),
                    op("M.T @ M", m -> m.transpose().dot(m)),
                    op("vstack", m -> Matrix.vstack(m, m)),
                    op("hstack", m -> Matrix.hstack(m, m)),
                    op("sum", Matrix::sum),
                    op("sum(axis=0)", m -> m.sum(Axis.ROWS)),
                    op("sum(axis=1)", m -> m.sum(Axis.COLUMNS)),
                    op("mean(axis=1)", m -> m.mean(Axis.COLUMNS, false)),
                    op("max", Matrix::max),
                    op("min", Matrix::min),
                    op("argmax(axis=0)", m -> m.argmax(Axis.ROWS)),
                    op("argmax(axis=1)", m -> m.argmax(Axis.COLUMNS)),
                    op("norm", Matrix::norm),
                    op("equals", m -> m.equals(plain())),
                    op("hashCode", Matrix::hashCode),
                    op("allClose", m -> m.allClose(plain(), 0, 0)),
                    op("toString", Matrix::toString));
            return ops.stream();
        }

        private static Arguments op(String name, Function<Matrix, Object> f) {
            return Arguments.of(name, f);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("operations")
        void a_transposed_view_behaves_like_a_plain_matrix(String name, Function<Matrix, Object> operation) {
            Matrix view = view();
            Matrix plain = plain();

            assertEquals(operation.apply(plain), operation.apply(view));
        }

        @Test
        void a_view_and_its_plain_twin_are_equal_with_equal_hash_codes() {
            assertEquals(plain(), view());
            assertEquals(plain().hashCode(), view().hashCode());
        }
    }

    // ================================================================ comparison and printing

    @Nested
    class ComparisonAndPrinting {

        @Test
        void allClose_accepts_differences_within_tolerance_only() {
            Matrix a = a23();

            assertTrue(a.allClose(a.add(1e-9), 1e-5, 1e-8));
            assertFalse(a.allClose(a.add(1e-3), 1e-5, 1e-8));
            assertTrue(a.allClose(a.multiply(1 + 1e-6), 1e-5, 0));
        }

        @Test
        void allClose_never_calls_nan_close() {
            Matrix nan = Matrix.row(1, Double.NaN);

            assertFalse(nan.allClose(nan, 1e-5, 1e-8));
            assertFalse(Matrix.row(1, 2).allClose(nan, 1e-5, 1e-8));
            assertFalse(nan.allClose(Matrix.row(1, 2), 1.0, 1.0));
        }

        @Test
        void allClose_treats_equal_infinities_as_close_and_any_other_pair_with_an_infinity_as_not() {
            Matrix inf = Matrix.row(Double.POSITIVE_INFINITY);
            Matrix one = Matrix.row(1.0);

            // np.allclose: inf ~ inf is True; inf ~ -inf, 1 ~ inf and inf ~ 1 are False
            assertTrue(inf.allClose(inf, 1e-5, 1e-8));
            assertFalse(inf.allClose(inf.negate(), 1e-5, 1e-8));
            assertFalse(one.allClose(inf, 1e-5, 1e-8));
            assertFalse(inf.allClose(one, 1e-5, 1e-8));
        }

        @Test
        void allClose_is_false_for_different_shapes() {
            assertFalse(a23().allClose(a23().reshape(3, 2), 1, 1));
        }

        @Test
        void equals_compares_shape_and_every_value() {
            Matrix a = a23();

            assertEquals(a, Matrix.fromRows(new double[][] {{1, 2, 3}, {4, 5, 6}}));
            assertEquals(a.hashCode(), Matrix.fromRows(new double[][] {{1, 2, 3}, {4, 5, 6}}).hashCode());
            assertNotEquals(a, a.reshape(3, 2));
            assertNotEquals(a, a.add(Matrix.of(2, 3, 0, 0, 0, 0, 0, 1e-12)));
            assertNotEquals(a, null);
            assertNotEquals(a, "a matrix");
        }

        @Test
        void equals_treats_nan_as_equal_to_itself() {
            assertEquals(Matrix.row(Double.NaN, 1), Matrix.row(Double.NaN, 1));
        }

        @Test
        void toString_shows_the_shape_and_every_value_of_a_small_matrix() {
            assertEquals("Matrix(2, 3)\n[[1.0 2.0 3.0]\n [4.0 5.0 6.0]]", a23().toString());
        }

        @Test
        void toString_truncates_a_large_matrix_with_an_ellipsis() {
            String text = Matrix.zeros(40, 40).toString();

            assertTrue(text.startsWith("Matrix(40, 40)\n[[0.0 0.0 0.0 ... 0.0 0.0 0.0]\n"), text);
            assertTrue(text.contains("\n  ...\n"), text);
            assertEquals(8, text.lines().count(), text);
        }
    }

    // ================================================================ immutability

    @Nested
    class Immutability {

        @Test
        void toArray_returns_a_copy() {
            Matrix m = a23();

            double[] values = m.toArray();
            values[0] = 99;

            assertEquals(1.0, m.get(0, 0));
            assertNotSame(m.toArray(), m.toArray());
        }

        @Test
        void toRows_returns_copies() {
            Matrix m = a23();

            m.toRows()[1][2] = 99;

            assertEquals(6.0, m.get(1, 2));
        }

        static Stream<Arguments> operations() {
            Stream<Arguments> ops = Stream.of(
                    opOn("dot", (a, b) -> a.dot(b.transpose())),
                    opOn("dotDivide", (a, b) -> a.dotDivide(b.transpose(), 3)),
                    opOn("subtractScaled", (a, b) -> a.subtractScaled(0.5, b)),
                    opOn("linear", (a, b) -> Matrix.linear(a.transpose(), b, a.transpose().columns(0, 1))),
                    opOn("linearRelu", (a, b) -> Matrix.linearRelu(a.transpose(), b, a.transpose().columns(0, 1))),
                    opOn("linearSigmoid", (a, b) -> Matrix.linearSigmoid(a.transpose(), b,
                            a.transpose().columns(0, 1))),
                    opOn("add", Matrix::add), opOn("subtract", Matrix::subtract),
                    opOn("multiply", Matrix::multiply), opOn("divide", Matrix::divide),
                    opOn("maximum", Matrix::maximum), opOn("minimum", Matrix::minimum),
                    opOn("greaterThan", Matrix::greaterThan), opOn("equalTo", Matrix::equalTo),
                    opOn("add column", (a, b) -> a.add(b.columns(0, 1))),
                    opOn("1 - a", (a, b) -> Matrix.subtract(1, a)), opOn("1 / a", (a, b) -> Matrix.divide(1, a)),
                    opOn("add(s)", (a, b) -> a.add(2)), opOn("exp", (a, b) -> a.exp()),
                    opOn("log", (a, b) -> a.log()), opOn("tanh", (a, b) -> a.tanh()),
                    opOn("sqrt", (a, b) -> a.sqrt()), opOn("square", (a, b) -> a.square()),
                    opOn("abs", (a, b) -> a.abs()), opOn("negate", (a, b) -> a.negate()),
                    opOn("sigmoid", (a, b) -> a.sigmoid()), opOn("relu", (a, b) -> a.relu()),
                    opOn("power", (a, b) -> a.power(3)), opOn("map", (a, b) -> a.map(x -> x + 1)),
                    opOn("sum", (a, b) -> a.sum(Axis.ROWS)), opOn("mean", (a, b) -> a.mean(Axis.COLUMNS)),
                    opOn("norm", (a, b) -> a.norm()), opOn("argmax", (a, b) -> a.argmax(Axis.ROWS)),
                    opOn("reshape", (a, b) -> a.reshape(-1, 2)), opOn("transpose", (a, b) -> a.transpose()),
                    opOn("columns", (a, b) -> a.columns(1, 2)), opOn("rows", (a, b) -> a.rows(0, 1)),
                    opOn("selectColumns", (a, b) -> a.selectColumns(2, 1, 0)),
                    opOn("vstack", Matrix::vstack), opOn("hstack", Matrix::hstack),
                    opOn("allClose", (a, b) -> a.allClose(b, 0, 0)));
            return ops;
        }

        private static Arguments opOn(String name, BiFunction<Matrix, Matrix, Object> f) {
            return Arguments.of(name, f);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("operations")
        void operations_never_modify_their_operands(String name,
                                                    BiFunction<Matrix, Matrix, Object> operation) {
            Matrix a = Matrix.of(2, 3, 0.5, -1, 2, 3, -4, 0.25);
            Matrix b = Matrix.of(2, 3, 1, 2, -3, 4, 5, 6);
            double[] aBefore = a.toArray();
            double[] bBefore = b.toArray();

            Object result = operation.apply(a, b);

            assertNotNull(result);
            assertArrayEquals(aBefore, a.toArray(), "first operand modified");
            assertArrayEquals(bBefore, b.toArray(), "second operand modified");
        }

        @Test
        void operations_on_a_view_leave_the_viewed_matrix_unchanged() {
            Matrix base = Matrix.of(2, 3, 0.5, -1, 2, 3, -4, 0.25);
            Matrix view = base.transpose();

            view.relu().negate().reshape(2, 3);
            Matrix.linearRelu(view, base, Matrix.column(1, 2, 3));
            view.add(1).sum(Axis.ROWS);

            assertEquals(Matrix.of(2, 3, 0.5, -1, 2, 3, -4, 0.25), base);
            assertEquals(Matrix.of(3, 2, 0.5, 3, -1, -4, 2, 0.25), view);
        }
    }
}
