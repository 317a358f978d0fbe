package dlcourse.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Gemm}: every path ({@code direct}, {@code packed}, {@code multiply} with one and two threads) computes
 * {@code C += A·B} for strided operands, normal or transposed views, on awkward and on course shapes, within the
 * rounding bound of the scalar twin {@link Gemm#multiplyScalar}; the parallel split is bit-for-bit deterministic.
 */
class GemmTest {

    /** Seed of the random operands. */
    private static final long SEED = 777L;

    /** Machine epsilon, 2⁻⁵². */
    private static final double EPS = Math.ulp(1.0);

    /**
     * Extra roundings beyond the k products of an entry: the initial C, the partial sums of the KC blocks and the
     * final add of the register tile into C. The tolerance of entry (i, j) is
     * {@code (k + EXTRA_ROUNDINGS) · eps · (|c0| + sum_p |a_ip b_pj|)}: each of two summation orders is within
     * {@code (k + 1) · eps/2} of the exact sum (Higham's γ bound), so the two are within twice that.
     */
    private static final int EXTRA_ROUNDINGS = 2;

    /** Sizes chosen around the register tile (MR = 4 rows, NR = 3 vectors), the vector length and the KC block. */
    private static final int[] AWKWARD = {1, 3, 4, 5, 7, 8, 9, 23, 24, 25, 31, 97, 257};

    // ---------------------------------------------------------------- operands

    /**
     * One operand, a logical (rows, cols) matrix stored either row-major (row stride cols, column stride 1) or as
     * the transposed view of a row-major (cols, rows) matrix (row stride 1, column stride rows).
     */
    record Operand(int rows, int cols, boolean transposed, double[] data) {

        static Operand random(int rows, int cols, boolean transposed, SplittableRandom rnd) {
            double[] d = new double[rows * cols];
            for (int i = 0; i < d.length; i++) {
                d[i] = rnd.nextDouble(-1.0, 1.0);
            }
            return new Operand(rows, cols, transposed, d);
        }

        int rowStride() {
            return transposed ? 1 : cols;
        }

        int colStride() {
            return transposed ? rows : 1;
        }

        double get(int i, int j) {
            return data[i * rowStride() + j * colStride()];
        }

        Operand abs() {
            double[] d = data.clone();
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.abs(d[i]);
            }
            return new Operand(rows, cols, transposed, d);
        }

        String layout() {
            return transposed ? "view of (" + cols + "x" + rows + ")ᵀ" : "row-major";
        }
    }

    /** One implementation of {@code C += A·B}. */
    @FunctionalInterface
    interface Path {
        void run(int m, int n, int k, Operand a, Operand b, double[] c);
    }

    private static final Path DIRECT = (m, n, k, a, b, c) -> Gemm.direct(m, n, k, a.data(), a.rowStride(),
            a.colStride(), b.data(), b.rowStride(), b.colStride(), c);
    private static final Path PACKED = (m, n, k, a, b, c) -> Gemm.packed(m, n, k, a.data(), a.rowStride(),
            a.colStride(), b.data(), b.rowStride(), b.colStride(), c, 0, m, 0, n);
    /** {@link GemmStream#broadcast} over the whole of C (B row-major only). */
    private static final Path BROADCAST = (m, n, k, a, b, c) -> GemmStream.broadcast(n, k, a.data(), a.rowStride(),
            a.colStride(), b.data(), b.rowStride(), c, 0, m, 0, n, false);
    /** {@link GemmStream#broadcast} with each chain starting from C (as for tiny products). */
    private static final Path BROADCAST_FROM_C = (m, n, k, a, b, c) -> GemmStream.broadcast(n, k, a.data(),
            a.rowStride(), a.colStride(), b.data(), b.rowStride(), c, 0, m, 0, n, true);
    /** {@link GemmStream#dots} over the whole of C (A row-major, B a transposed view only). */
    private static final Path DOTS = (m, n, k, a, b, c) -> GemmStream.dots(n, k, a.data(), a.rowStride(), b.data(),
            b.colStride(), c, 0, m, 0, n);
    /** {@link Gemm#streamed} with the kernel the layout allows, split over 2 threads whatever the size. */
    private static final Path STREAMED_TWO_THREADS = (m, n, k, a, b, c) -> Gemm.streamed(a.colStride() == 1
            && b.rowStride() == 1, m, n, k, a.data(), a.rowStride(), a.colStride(), b.data(), b.rowStride(),
            b.colStride(), c, 2);
    private static final Path ONE_THREAD = threads(1);
    private static final Path TWO_THREADS = threads(2);
    private static final Path SCALAR = (m, n, k, a, b, c) -> Gemm.multiplyScalar(m, n, k, a.data(), a.rowStride(),
            a.colStride(), b.data(), b.rowStride(), b.colStride(), c);

    private static Path threads(int threads) {
        return (m, n, k, a, b, c) -> Gemm.multiply(m, n, k, a.data(), a.rowStride(), a.colStride(), b.data(),
                b.rowStride(), b.colStride(), c, threads);
    }

    private static double[] initialC(int m, int n, SplittableRandom rnd) {
        double[] c = new double[m * n];
        for (int i = 0; i < c.length; i++) {
            c[i] = rnd.nextDouble(-1.0, 1.0);
        }
        return c;
    }

    /**
     * Runs {@code path} on a copy of {@code c0} and checks every entry against the scalar twin's result within the
     * rounding bound described at {@link #EXTRA_ROUNDINGS}.
     */
    private static void assertPathAgrees(String name, Path path, int m, int n, int k, Operand a, Operand b,
                                         double[] c0, double[] reference, double[] bound) {
        double[] c = c0.clone();
        path.run(m, n, k, a, b, c);
        double factor = (k + EXTRA_ROUNDINGS) * EPS;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int at = i * n + j;
                double tol = factor * bound[at];
                if (!(Math.abs(c[at] - reference[at]) <= tol)) {
                    fail(name + " (" + m + "x" + k + ")·(" + k + "x" + n + "), A " + a.layout() + ", B " + b.layout()
                            + ": entry [" + i + ", " + j + "] expected " + reference[at] + " but was " + c[at]
                            + " (|diff| " + Math.abs(c[at] - reference[at]) + " > " + tol + ")");
                }
            }
        }
    }

    /** Checks all paths for one product; {@code withDirect} false skips the path meant for tiny products. */
    private static void assertAllPathsAgree(int m, int n, int k, boolean aTransposed, boolean bTransposed,
                                            boolean withDirect) {
        SplittableRandom rnd = new SplittableRandom(SEED ^ (m * 31L + n) * 31L + k);
        Operand a = Operand.random(m, k, aTransposed, rnd);
        Operand b = Operand.random(k, n, bTransposed, rnd);
        double[] c0 = initialC(m, n, rnd);

        double[] reference = c0.clone();
        SCALAR.run(m, n, k, a, b, reference);
        double[] bound = new double[m * n];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = Math.abs(c0[i]);
        }
        SCALAR.run(m, n, k, a.abs(), b.abs(), bound);

        if (withDirect) {
            assertPathAgrees("direct", DIRECT, m, n, k, a, b, c0, reference, bound);
        }
        assertPathAgrees("packed", PACKED, m, n, k, a, b, c0, reference, bound);
        if (!bTransposed) {
            assertPathAgrees("broadcast", BROADCAST, m, n, k, a, b, c0, reference, bound);
            assertPathAgrees("broadcast from C", BROADCAST_FROM_C, m, n, k, a, b, c0, reference, bound);
        }
        if (!aTransposed && bTransposed) {
            assertPathAgrees("dots", DOTS, m, n, k, a, b, c0, reference, bound);
        }
        if (!bTransposed || !aTransposed) {
            assertPathAgrees("streamed, 2 threads", STREAMED_TWO_THREADS, m, n, k, a, b, c0, reference, bound);
        }
        assertPathAgrees("multiply, 1 thread", ONE_THREAD, m, n, k, a, b, c0, reference, bound);
        assertPathAgrees("multiply, 2 threads", TWO_THREADS, m, n, k, a, b, c0, reference, bound);
    }

    // ---------------------------------------------------------------- shapes

    /**
     * A covering set of (m, n, k): every awkward size in each position beside small partners, the small ones
     * cubed, three-way mixes around the tile sizes, and products above the direct and parallel limits.
     */
    static List<int[]> awkwardShapes() {
        Set<List<Integer>> shapes = new LinkedHashSet<>();
        for (int v : AWKWARD) {
            shapes.add(List.of(v, 5, 7));
            shapes.add(List.of(7, v, 5));
            shapes.add(List.of(5, 7, v));
            if (v <= 31) {
                shapes.add(List.of(v, v, v));
            }
        }
        shapes.add(List.of(23, 24, 25));
        shapes.add(List.of(24, 25, 23));
        shapes.add(List.of(25, 23, 24));
        shapes.add(List.of(31, 97, 8));
        shapes.add(List.of(97, 31, 9));
        shapes.add(List.of(8, 9, 257));
        shapes.add(List.of(257, 3, 4));
        shapes.add(List.of(3, 257, 4));
        shapes.add(List.of(97, 25, 257)); // packed, k > KC
        shapes.add(List.of(257, 24, 31)); // packed, m > MC
        shapes.add(List.of(5, 3001, 9)); // packed, n > NC
        shapes.add(List.of(97, 97, 257)); // parallel, split along columns
        shapes.add(List.of(257, 31, 257)); // parallel, split along rows
        for (int v : new int[] {1, 7, 8, 9, 31, 1025}) {
            shapes.add(List.of(v, 209, 20)); // broadcast (k <= STREAM_MAX_SIDE), few or many rows
            shapes.add(List.of(20, v, 209)); // dots with few rows, any number of columns
            shapes.add(List.of(v, 20, 209)); // dots with few columns
            shapes.add(List.of(7, 25, v)); // any inner length, vector tail of k included
        }
        shapes.add(List.of(2, 3, 1)); // stream kernels with fewer rows than a block
        shapes.add(List.of(3, 2, 33));
        List<int[]> out = new ArrayList<>();
        for (List<Integer> s : shapes) {
            out.add(new int[] {s.get(0), s.get(1), s.get(2)});
        }
        return out;
    }

    static Stream<Arguments> awkwardCases() {
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : awkwardShapes()) {
            for (boolean at : new boolean[] {false, true}) {
                for (boolean bt : new boolean[] {false, true}) {
                    cases.add(Arguments.of(s[0], s[1], s[2], at, bt));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "({0}x{2})·({2}x{1}), Aᵀ view {3}, Bᵀ view {4}")
    @MethodSource("awkwardCases")
    void every_path_agrees_with_the_scalar_twin_on_awkward_shapes(int m, int n, int k, boolean aTransposed,
                                                                  boolean bTransposed) {
        assertAllPathsAgree(m, n, k, aTransposed, bTransposed, true);
    }

    /** The course's products: (W, A) shapes of forward steps, and the transposed operands of backward steps. */
    static Stream<Arguments> courseCases() {
        int[][] shapes = {
            {7, 209, 20},    // (7x20)·(20x209): a hidden layer of the deep network
            {4, 400, 2},     // (4x2)·(2x400): the planar data set's hidden layer
            {1, 209, 7},     // (1x7)·(7x209): the output layer
            {1000, 209, 20}, // Wᵀ·dZ with W (20x1000)
            {20, 300, 209},  // dZ·Xᵀ with X (300x209)
        };
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : shapes) {
            for (boolean at : new boolean[] {false, true}) {
                for (boolean bt : new boolean[] {false, true}) {
                    cases.add(Arguments.of(s[0], s[1], s[2], at, bt));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "({0}x{2})·({2}x{1}), Aᵀ view {3}, Bᵀ view {4}")
    @MethodSource("courseCases")
    void every_path_agrees_with_the_scalar_twin_on_course_shapes(int m, int n, int k, boolean aTransposed,
                                                                 boolean bTransposed) {
        assertAllPathsAgree(m, n, k, aTransposed, bTransposed, true);
    }

    @Test
    void the_first_layer_of_the_cat_classifier_agrees_with_the_scalar_twin() {
        // W1 (20x12288) · X (12288x209): k spans 48 KC blocks; the direct path is not meant for this size
        assertAllPathsAgree(20, 209, 12288, false, false, false);
    }

    @Test
    void the_full_size_backward_products_agree_with_the_scalar_twin() {
        // dZ·Xᵀ with X (12288x209) and Wᵀ·dZ with W (20x12288): X, and the C of Wᵀ·dZ, are large enough to be read
        // ahead block by block (Gemm.prefetch)
        assertTrue(12288L * 209 >= Gemm.PREFETCH_MIN_DOUBLES);
        assertAllPathsAgree(20, 12288, 209, false, true, false);
        assertAllPathsAgree(12288, 209, 20, true, false, false);
        assertAllPathsAgree(7, 209, 12288, false, false, false);
    }

    @Test
    void the_first_layer_forward_product_is_split_by_k_and_only_it() {
        // W1·X of both cat models: few rows, 209 short rows of X, k = 12288
        assertTrue(Gemm.splitsK(20, 209, 12288, 1));
        assertTrue(Gemm.splitsK(7, 209, 12288, 1));
        // SIGNS (1080 columns), 1024³ (many rows), a short k, a transposed B: split by C as before
        assertTrue(!Gemm.splitsK(25, 1080, 12288, 1));
        assertTrue(!Gemm.splitsK(1024, 1024, 1024, 1));
        assertTrue(!Gemm.splitsK(20, 209, 2048, 1));
        assertTrue(!Gemm.splitsK(20, 209, 12288, 12288));
    }

    @Test
    void a_k_split_product_is_the_lower_half_into_c_plus_the_upper_half_from_zero() {
        int m = 7;
        int n = 33;
        int k = 5000;
        SplittableRandom rnd = new SplittableRandom(11);
        double[] a = new double[m * k];
        double[] b = new double[k * n];
        double[] c0 = new double[m * n];
        for (double[] x : List.of(a, b, c0)) {
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextDouble(-1, 1);
            }
        }
        int k1 = Gemm.splitPoint(k);
        assertEquals(2560, k1); // half of 5000 rounded up to a multiple of KC = 256
        double[] expected = c0.clone();
        Gemm.packed(m, n, k, a, k, 1, b, n, 1, expected, 0, m, 0, n, 0, k1);
        double[] upper = new double[m * n];
        Gemm.packed(m, n, k, a, k, 1, b, n, 1, upper, 0, m, 0, n, k1, k);
        for (int i = 0; i < expected.length; i++) {
            expected[i] += upper[i];
        }
        for (int threads = 1; threads <= 3; threads++) {
            double[] c = c0.clone();
            Gemm.multiplyVector(m, n, k, a, k, 1, b, n, 1, c, threads);
            assertArrayEquals(expected, c, threads + " thread(s)");
        }
    }

    @Test
    void prefetch_reads_only_inside_its_range() {
        for (int length = 0; length <= 40; length++) {
            double[] x = new double[length];
            for (int from = 0; from <= length; from++) {
                for (int to = from; to <= length; to++) {
                    Gemm.prefetch(x, from, to);
                }
            }
        }
        double[] grid = new double[7 * 9];
        Gemm.prefetchRows(grid, 9, 0, 7, 0, 9);
        Gemm.prefetchRows(grid, 9, 2, 5, 3, 8);
        Gemm.prefetchRows(grid, 9, 6, 7, 8, 9);
    }

    @Test
    void the_backward_products_read_their_transposed_operands_in_place() {
        // Wᵀ·dZ: W (20x1000) seen through its transpose; dZ·Xᵀ: X (300x209) seen through its transpose
        assertAllPathsAgree(1000, 209, 20, true, false, true);
        assertAllPathsAgree(20, 300, 209, false, true, true);
    }

    @ParameterizedTest(name = "Aᵀ view {0}, Bᵀ view {1}")
    @MethodSource("layouts")
    void multiplyScalar_is_the_textbook_triple_loop(boolean aTransposed, boolean bTransposed) {
        int m = 9;
        int n = 7;
        int k = 5;
        SplittableRandom rnd = new SplittableRandom(SEED);
        Operand a = Operand.random(m, k, aTransposed, rnd);
        Operand b = Operand.random(k, n, bTransposed, rnd);
        double[] c0 = initialC(m, n, rnd);
        double[] expected = c0.clone();
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    expected[i * n + j] += a.get(i, p) * b.get(p, j);
                }
            }
        }

        double[] c = c0.clone();
        SCALAR.run(m, n, k, a, b, c);

        assertArrayEquals(expected, c);
    }

    static Stream<Arguments> layouts() {
        return Stream.of(Arguments.of(false, false), Arguments.of(true, false), Arguments.of(false, true),
                Arguments.of(true, true));
    }

    // ---------------------------------------------------------------- accumulation and empty dimensions

    @Test
    void every_path_adds_into_c_rather_than_overwriting_it() {
        // A = [[1, 2], [3, 4]], B = I, C = 10: C += A·B gives A + 10
        Operand a = new Operand(2, 2, false, new double[] {1, 2, 3, 4});
        Operand b = new Operand(2, 2, false, new double[] {1, 0, 0, 1});
        double[] expected = {11, 12, 13, 14};
        for (Path path : List.of(DIRECT, PACKED, ONE_THREAD, TWO_THREADS, SCALAR)) {
            double[] c = {10, 10, 10, 10};

            path.run(2, 2, 2, a, b, c);

            assertArrayEquals(expected, c);
        }
    }

    @Test
    void an_empty_dimension_leaves_c_untouched() {
        double[] c0 = {1, 2, 3, 4, 5, 6};
        int[][] shapes = {{2, 3, 0}, {0, 3, 4}, {2, 0, 4}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            Operand a = new Operand(m, k, false, new double[m * k]);
            Operand b = new Operand(k, n, false, new double[k * n]);
            for (Path path : List.of(DIRECT, PACKED, ONE_THREAD, TWO_THREADS, SCALAR)) {
                double[] c = c0.clone();

                path.run(m, n, k, a, b, c);

                assertArrayEquals(c0, c, "m=" + m + " n=" + n + " k=" + k);
            }
        }
    }

    // ---------------------------------------------------------------- determinism of the parallel split

    /** (m, n, k) above the parallel limit: split along columns (n >= m) and along rows (m > n). */
    static Stream<Arguments> parallelCases() {
        List<Arguments> cases = new ArrayList<>();
        int[][] shapes = {
            {64, 300, 260},  // columns
            {300, 64, 260},  // rows, each part still more than MC rows
            {150, 40, 700},  // rows, each part at most MC rows (B read in place there, packed when unsplit)
            {20, 209, 1000}, // columns, few rows
            {2000, 209, 20}, // Wᵀ·dZ-like: packed (and the broadcast kernel via STREAMED_TWO_THREADS), rows
            {3001, 211, 7},  // the same, ragged
            {60, 3001, 25},  // broadcast kernel, columns
            {20, 2000, 209}, // dots kernel (with Bᵀ a view), columns (dZ·Xᵀ)
            {7, 3001, 211},  // dots kernel, columns, ragged
            {7, 209, 12288},   // W1·X of the 2-layer model: B read ahead (Gemm.prefetch)
            {20, 12288, 209},  // dZ·Xᵀ at full size: X read ahead
            {12288, 209, 7},   // Wᵀ·dZ at full size: C read ahead
        };
        for (int[] s : shapes) {
            for (boolean at : new boolean[] {false, true}) {
                for (boolean bt : new boolean[] {false, true}) {
                    cases.add(Arguments.of(s[0], s[1], s[2], at, bt));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "({0}x{2})·({2}x{1}), Aᵀ view {3}, Bᵀ view {4}")
    @MethodSource("parallelCases")
    void results_are_bit_identical_for_one_two_and_three_threads(int m, int n, int k, boolean aTransposed,
                                                                 boolean bTransposed) {
        assertTrue((long) m * n * k >= Gemm.PARALLEL_MIN_MNK, "shape too small to take the parallel path");
        int extent = n >= m ? n : m;
        int unit = n >= m ? Gemm.NR : Gemm.MR;
        assertTrue((extent + unit - 1) / unit >= 3, "too few tiles to split three ways");
        SplittableRandom rnd = new SplittableRandom(SEED + m + n + k);
        Operand a = Operand.random(m, k, aTransposed, rnd);
        Operand b = Operand.random(k, n, bTransposed, rnd);
        double[] c0 = initialC(m, n, rnd);

        // the unsplit run of the path multiply takes for this shape and layout
        int stream = Gemm.streamKind(m, n, k, a.colStride(), b.rowStride(), b.colStride());
        double[] unsplit = c0.clone();
        if (stream == Gemm.NOT_STREAMED && Gemm.splitsK(m, n, k, b.colStride())) {
            // the documented k-split (whatever the thread count): the lower half into C, the upper from zero, added
            int k1 = Gemm.splitPoint(k);
            Gemm.packed(m, n, k, a.data(), a.rowStride(), a.colStride(), b.data(), b.rowStride(), b.colStride(),
                    unsplit, 0, m, 0, n, 0, k1);
            double[] upper = new double[m * n];
            Gemm.packed(m, n, k, a.data(), a.rowStride(), a.colStride(), b.data(), b.rowStride(), b.colStride(),
                    upper, 0, m, 0, n, k1, k);
            for (int i = 0; i < upper.length; i++) {
                unsplit[i] += upper[i];
            }
        } else if (stream == Gemm.NOT_STREAMED) {
            PACKED.run(m, n, k, a, b, unsplit);
        } else {
            Gemm.streamed(stream == Gemm.STREAM_DOTS, m, n, k, a.data(), a.rowStride(), a.colStride(), b.data(),
                    b.rowStride(), b.colStride(), unsplit, 1);
        }
        double[] one = c0.clone();
        ONE_THREAD.run(m, n, k, a, b, one);
        double[] two = c0.clone();
        TWO_THREADS.run(m, n, k, a, b, two);
        double[] three = c0.clone();
        threads(3).run(m, n, k, a, b, three);

        if (Simd.ENABLED) {
            // with -Ddlcourse.simd=false, multiply runs the scalar twin instead of the packed path
            assertArrayEquals(unsplit, one, "1 thread vs the unsplit packed path");
        }
        assertArrayEquals(one, two, "1 vs 2 threads");
        if (stream != Gemm.NOT_STREAMED) {
            double[] streamedTwo = c0.clone();
            STREAMED_TWO_THREADS.run(m, n, k, a, b, streamedTwo);
            assertArrayEquals(unsplit, streamedTwo, "streamed kernel, unsplit vs 2 threads");
        }
        assertArrayEquals(one, three, "1 vs 3 threads");
    }

    @Test
    void the_tile_constants_are_consistent() {
        // the packing and the parallel split rely on these relations
        assertEquals(Gemm.NV * Simd.LANES, Gemm.NR);
        assertEquals(0, Gemm.MC % Gemm.MR);
        assertEquals(0, Gemm.NC % Gemm.NR);
        assertTrue(Gemm.DIRECT_MAX_MNK < Gemm.PARALLEL_MIN_MNK);
        assertEquals(GemmStream.NV * Simd.LANES, GemmStream.NR);
        assertEquals(0, GemmStream.MC % GemmStream.MR);
        assertTrue(GemmStream.KC >= Gemm.STREAM_MAX_SIDE, "a streamed broadcast product is one pass over k");
        assertEquals(0, GemmStream.PREFETCH_ROWS % GemmStream.DC, "dots reads ahead whole blocks of X's rows");
    }

    @ParameterizedTest(name = "({0}x{2})·({2}x{1})")
    @MethodSource("streamSplits")
    void the_stream_kernels_give_the_same_bits_for_any_block_of_c(int m, int n, int k) {
        // every entry is computed by the same operations whatever block (tile, vector, scalar column) it falls in
        SplittableRandom rnd = new SplittableRandom(SEED * 7 + m + n + k);
        Operand a = Operand.random(m, k, false, rnd);
        Operand b = Operand.random(k, n, false, rnd);
        Operand bt = Operand.random(k, n, true, rnd);
        double[] c0 = initialC(m, n, rnd);
        double[] whole = c0.clone();
        BROADCAST.run(m, n, k, a, b, whole);
        double[] wholeFromC = c0.clone();
        BROADCAST_FROM_C.run(m, n, k, a, b, wholeFromC);
        double[] wholeDots = c0.clone();
        DOTS.run(m, n, k, a, bt, wholeDots);
        for (int[] cut : new int[][] {{1, 1}, {m / 2, n / 2}, {m - 1, n - 3}, {3, 5}}) {
            int r = Math.max(0, Math.min(m, cut[0]));
            int q = Math.max(0, Math.min(n, cut[1]));
            double[] pieces = c0.clone();
            double[] piecesFromC = c0.clone();
            double[] piecesDots = c0.clone();
            int[][] blocks = {{0, r, 0, q}, {0, r, q, n}, {r, m, 0, q}, {r, m, q, n}};
            for (int[] blk : blocks) {
                GemmStream.broadcast(n, k, a.data(), a.rowStride(), a.colStride(), b.data(), b.rowStride(), pieces,
                        blk[0], blk[1], blk[2], blk[3], false);
                GemmStream.broadcast(n, k, a.data(), a.rowStride(), a.colStride(), b.data(), b.rowStride(),
                        piecesFromC, blk[0], blk[1], blk[2], blk[3], true);
                GemmStream.dots(n, k, a.data(), a.rowStride(), bt.data(), bt.colStride(), piecesDots,
                        blk[0], blk[1], blk[2], blk[3]);
            }
            assertArrayEquals(whole, pieces, "broadcast, cut at row " + r + ", column " + q);
            assertArrayEquals(wholeFromC, piecesFromC, "broadcast from C, cut at row " + r + ", column " + q);
            assertArrayEquals(wholeDots, piecesDots, "dots, cut at row " + r + ", column " + q);
        }
    }

    @ParameterizedTest(name = "Aᵀ view {0}, Bᵀ view {1}")
    @MethodSource("layouts")
    void tiny_products_give_the_direct_paths_bits_whatever_kernel_takes_them(boolean aTransposed,
                                                                            boolean bTransposed) {
        // the gradient checks' fixtures pin differences that amplify the last bit of these products
        int[][] shapes = {{5, 3, 4}, {3, 5, 5}, {1, 3, 3}, {3, 3, 3}, {4, 400, 2}, {9, 7, 31}, {20, 20, 20}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            assertTrue((long) m * n * k <= Gemm.DIRECT_MAX_MNK);
            SplittableRandom rnd = new SplittableRandom(SEED + m * 100 + n * 10 + k);
            Operand a = Operand.random(m, k, aTransposed, rnd);
            Operand b = Operand.random(k, n, bTransposed, rnd);
            double[] c0 = initialC(m, n, rnd);
            double[] direct = c0.clone();
            DIRECT.run(m, n, k, a, b, direct);
            double[] vector = c0.clone();
            Gemm.multiplyVector(m, n, k, a.data(), a.rowStride(), a.colStride(), b.data(), b.rowStride(),
                    b.colStride(), vector, 2);
            assertArrayEquals(direct, vector, "(" + m + "x" + k + ")·(" + k + "x" + n + ")");
        }
    }

    @ParameterizedTest(name = "Aᵀ view {0}, Bᵀ view {1}")
    @MethodSource("layouts")
    void a_fresh_c_gives_the_bits_of_a_zero_c_read_from_memory(boolean aTransposed, boolean bTransposed) {
        List<int[]> shapes = new ArrayList<>(awkwardShapes());
        shapes.add(new int[] {4, 400, 2});
        shapes.add(new int[] {7, 209, 20});
        shapes.add(new int[] {20, 300, 209});
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            SplittableRandom rnd = new SplittableRandom(SEED + 7 * m + 11 * n + 13 * k);
            Operand a = Operand.random(m, k, aTransposed, rnd);
            Operand b = Operand.random(k, n, bTransposed, rnd);
            // zeros of both signs, so that products of -0.0 reach the chains
            a.data()[0] = -0.0;
            b.data()[b.data().length - 1] = 0.0;
            for (int threads = 1; threads <= 2; threads++) {
                double[] read = new double[m * n];
                Gemm.multiplyVector(m, n, k, a.data(), a.rowStride(), a.colStride(), b.data(), b.rowStride(),
                        b.colStride(), read, threads, false);
                double[] fresh = new double[m * n];
                Gemm.multiplyVector(m, n, k, a.data(), a.rowStride(), a.colStride(), b.data(), b.rowStride(),
                        b.colStride(), fresh, threads, true);
                assertArrayEquals(read, fresh, "(" + m + "x" + k + ")·(" + k + "x" + n + "), " + threads
                        + " thread(s)");
            }
        }
    }

    @Test
    void the_planar_products_do_not_read_a_fresh_c() {
        // (4x2)·(2x400) and (4x2)·(2x1000) are tiny (m·n·k <= DIRECT_MAX_MNK): the broadcast kernel chains from C.
        // Told that C is fresh, it must not load it (NaN planted in C would come through) and must still give the
        // bits of a zero C
        for (int n : new int[] {400, 1000}) {
            SplittableRandom rnd = new SplittableRandom(SEED + n);
            Operand a = Operand.random(4, 2, false, rnd);
            Operand b = Operand.random(2, n, false, rnd);
            double[] zero = new double[4 * n];
            Gemm.multiply(4, n, 2, a.data(), 2, 1, b.data(), n, 1, zero, 1);
            double[] planted = new double[4 * n];
            Arrays.fill(planted, Double.NaN);
            Gemm.multiplyVector(4, n, 2, a.data(), 2, 1, b.data(), n, 1, planted, 1, true);
            assertArrayEquals(zero, planted, "(4x2)·(2x" + n + ")");
        }
    }

    static Stream<Arguments> streamSplits() {
        return Stream.of(Arguments.of(7, 209, 20), Arguments.of(20, 209, 7), Arguments.of(9, 31, 1),
                Arguments.of(31, 1025, 9), Arguments.of(8, 33, 300), Arguments.of(4, 400, 2));
    }
}
