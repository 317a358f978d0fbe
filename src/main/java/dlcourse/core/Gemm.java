package dlcourse.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Matrix multiplication {@code C += op(A) · op(B)} over strided operands.
 *
 * <p>Operands are described by an array and two strides, so a transposed view ({@code Xᵀ} in {@code dZ·Xᵀ},
 * {@code Wᵀ} in {@code Wᵀ·dZ}) is read in place while packing and never copied into a transposed matrix.
 * {@code C} is always a fresh row-major (m, n) array.
 *
 * <p>Four paths, chosen by shape and operand layout only (so a given product always takes the same path and gives
 * the same bits):
 * <ul>
 *   <li>streamed ({@link #streamKind}): products with a small side that packing would not pay for — few rows and a
 *       short inner dimension (the small layer products) or the few-row dot-product layout ({@code dZ·Xᵀ} with Xᵀ
 *       a view) — run the unpacked {@link GemmStream} kernels, which read both operands in place; above
 *       {@link #PARALLEL_MIN_MNK} they split C like the parallel packed path;</li>
 *   <li>direct: tiny products ({@code m·n·k <= }{@link #DIRECT_MAX_MNK}), matrix-vector products (m = 1 or
 *       n = 1) and, below the parallel size, the skinny products a register tile would mostly pad (see
 *       {@link #skinny}) run unpacked vector loops with no allocation and no threads;</li>
 *   <li>packed: the BLIS-style loop nest — blocks of {@link #KC} × {@link #NC} of B and {@link #MC} × {@link #KC} of
 *       A are copied into contiguous micro-panels (zero-padded), and a register-blocked micro-kernel computes an
 *       {@link #MR} × {@link #NR} tile of C with {@code MR·NR/lanes} vector accumulators;</li>
 *   <li>parallel packed: above {@link #PARALLEL_MIN_MNK}, C is split into disjoint column (or row) ranges aligned to
 *       the tile size; the caller computes the first range and the common pool the others. Every entry of C is
 *       computed by the same sequence of operations whatever the split, so results are identical for any thread
 *       count.</li>
 * </ul>
 * Operands too large for the last-level cache (the course's 20 MB X, the 20 MB C of {@code Wᵀ·dZ}) are read ahead
 * in address order a block at a time just before the kernels walk the block ({@link #prefetch}): the kernels' own
 * access order (a few cache lines of each of hundreds of rows) leaves the hardware prefetchers idle and waits for
 * memory at every row, which made these products memory-bound at half their in-cache speed.
 * {@link #multiplyScalar} is the scalar twin used when SIMD is off and as the benchmarks' baseline.
 */
final class Gemm {

    private static final VectorSpecies<Double> S = Simd.SPECIES;
    private static final int L = Simd.LANES;

    /** Rows of the register tile. */
    static final int MR = 4;
    /** Vectors per row of the register tile. */
    static final int NV = 3;
    /** Columns of the register tile: {@code NV} vectors. */
    static final int NR = NV * L;
    /** Depth of a packed block: a B micro-panel (KC × NR) stays in L1. */
    static final int KC = 256;
    /** Rows of a packed A block (multiple of MR): the A block (MC × KC) stays in L2. */
    static final int MC = 96;
    /** Columns of a packed B block (multiple of NR): the B block (KC × NC) stays in L2. */
    static final int NC = 120 * NR;

    /**
     * Largest {@code m·n·k} handled by the direct path. Measured on this 2-core AVX-512 machine (best of 20 000,
     * single thread): 8³ direct 0.11 µs vs packed 0.23 µs, 16³ 0.47 vs 0.71 µs, 24³ 1.47 vs 0.72 µs — the
     * crossover lies between 16³ and 24³. Tiny products that {@link #streamKind} sends to the broadcast kernel
     * ((4×2)·(2×400) = 3 200) keep the direct path's arithmetic there: each entry's chain starts from C.
     */
    static final long DIRECT_MAX_MNK = 8_192;

    /**
     * Inner dimensions up to this length accumulate C in registers in the direct path; longer ones (matrix-vector
     * products such as wᵀ·X with k = 12288) stream B's rows once instead, since re-reading B per column block would
     * miss the caches.
     */
    static final int REGISTER_ACCUMULATE_MAX_K = 256;

    /**
     * Smallest {@code m·n·k} worth splitting across cores. Measured (packed, 1 thread vs split over 2 threads with
     * the caller taking a share): 128³ = 2.1 M 95 µs vs 103 µs (split loses), 160³ = 4.1 M 172 vs 167 µs (even),
     * 200³ = 8 M 333 vs 242 µs (split wins). The course's layer products (tens of millions) are far above it.
     */
    static final long PARALLEL_MIN_MNK = 4_000_000L;

    /**
     * Products with at most this inner length (B row-major), or at most this many rows or columns of C in the
     * dot-product layout, take the unpacked {@link GemmStream} kernels instead of the packed loop nest (see
     * {@link #streamKind}). The course's layer sizes are 1..25.
     */
    static final int STREAM_MAX_SIDE = 32;

    /**
     * Operands of at least this many doubles (8 MB) are read ahead in address order, a block at a time, just before
     * the kernels walk the block (see {@link #prefetch}). Measured on this machine (single thread, CPU time, W·X with
     * B read in place and dZ·Xᵀ, 7 and 20 rows): B or X of 6.8 MB (k or n = 4096) gain nothing and lose 0–10 %
     * (they stay in the last-level cache), 13.7 MB (8192) gain 20–60 % and the course's 20.5 MB X 25–65 %; a
     * 20.5 MB C written by {@code Wᵀ·dZ} gains 80–100 %.
     */
    static final long PREFETCH_MIN_DOUBLES = 1L << 20;

    /** Keeps the loads of {@link #prefetch} alive (never read for a result). */
    @SuppressWarnings("unused")
    private static double prefetchSink;

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private Gemm() {
    }

    /** Per-thread packing buffers, reused across calls. */
    private static final class Buffers {
        final double[] packA = new double[MC * KC];
        final double[] packB = new double[KC * NC];
        final double[] tile = new double[MR * NR];
    }

    /**
     * {@code C += A·B} with the path chosen by size and {@link Simd#ENABLED}.
     *
     * @param m rows of A and C
     * @param n columns of B and C
     * @param k columns of A, rows of B
     * @param a storage of A; entry (i, p) is {@code a[i*ars + p*acs]}
     * @param b storage of B; entry (p, j) is {@code b[p*brs + j*bcs]}
     * @param c row-major (m, n) output, accumulated into
     * @param threads how many threads may share the work (1 = caller only)
     */
    static void multiply(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs,
                         double[] c, int threads) {
        multiply(m, n, k, a, ars, acs, b, brs, bcs, c, threads, false);
    }

    /**
     * {@link #multiply}, told whether C is a fresh array (every entry +0.0). A product is then computed exactly as
     * into any C that holds +0.0 (same bits), but the paths whose chains of fused multiply-adds start from C (the
     * tiny products) start them from zero without reading it: for {@code (4×2)·(2×400)} that is 1600 loads of a
     * just-zeroed C saved.
     *
     * @param cZero true only when every entry of {@code c} is +0.0
     */
    static void multiply(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs,
                         double[] c, int threads, boolean cZero) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        if (Simd.ENABLED) {
            multiplyVector(m, n, k, a, ars, acs, b, brs, bcs, c, threads, cZero);
        } else {
            multiplyScalar(m, n, k, a, ars, acs, b, brs, bcs, c);
        }
    }

    /** The vector implementation of {@link #multiply}, whatever {@link Simd#ENABLED} says. */
    static void multiplyVector(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs,
                               double[] c, int threads) {
        multiplyVector(m, n, k, a, ars, acs, b, brs, bcs, c, threads, false);
    }

    /** {@link #multiplyVector}, told whether C is all +0.0 (as the {@code cZero} form of {@link #multiply}). */
    static void multiplyVector(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs,
                               double[] c, int threads, boolean cZero) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        long mnk = (long) m * n * k;
        int stream = streamKind(m, n, k, acs, brs, bcs);
        if (stream == STREAM_DOTS && mnk <= DIRECT_MAX_MNK) {
            // tiny dot-layout products stay on the direct path (and keep its bits: the gradient checks' fixtures
            // pin differences that amplify the last bit of a product)
            stream = NOT_STREAMED;
        }
        if (stream != NOT_STREAMED) {
            streamed(stream == STREAM_DOTS, m, n, k, a, ars, acs, b, brs, bcs, c,
                    threads > 1 && mnk >= PARALLEL_MIN_MNK ? threads : 1, cZero);
        } else if (mnk <= DIRECT_MAX_MNK || m == 1 || n == 1) {
            // tiny products, and matrix-vector products (wᵀ·X, X·dZᵀ in logistic regression), which a register
            // tile of MR × NR would mostly pad with zeros: stream the operands once instead
            direct(m, n, k, a, ars, acs, b, brs, bcs, c, cZero);
        } else if (splitsK(m, n, k, bcs)) {
            splitK(m, n, k, a, ars, acs, b, brs, bcs, c, threads);
        } else if (threads > 1 && mnk >= PARALLEL_MIN_MNK) {
            parallel(m, n, k, a, ars, acs, b, brs, bcs, c, threads);
        } else if (skinny(m, n, acs, brs, bcs)) {
            direct(m, n, k, a, ars, acs, b, brs, bcs, c, cZero);
        } else {
            packed(m, n, k, a, ars, acs, b, brs, bcs, c, 0, m, 0, n);
        }
    }

    /**
     * Whether the {@link #MR} × {@link #NR} register tile would mostly compute padding while the direct path has a
     * vector loop for the layout: fewer than MR rows of C (with B's rows contiguous, or the dot-product layout), or
     * fewer than NR columns of C taken from a transposed B (the dot-product layout {@code dZ·Aᵀ}, where packing B
     * also has to gather it). Measured on this machine for the course 2 layer products (µs, direct vs packed):
     * (3×211)·(211×20)ᵀ-view 5.2 vs 15.4, (20×211)·(211×2)ᵀ-view 3.4 vs 24.8, (3×20)·(20×211) 5.1 vs 13.8,
     * (5×300)·(300×10)ᵀ-view 4.9 vs 20.6; products with at least MR rows and a row-major B stay packed.
     */
    static boolean skinny(int m, int n, int acs, int brs, int bcs) {
        boolean dotLayout = acs == 1 && brs == 1;
        return (m < MR && (bcs == 1 || dotLayout)) || (n < NR && dotLayout);
    }

    /** Scalar twin: the plain i-p-j loop with the same strides. */
    static void multiplyScalar(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs,
                               double[] c) {
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                double aip = a[i * ars + p * acs];
                int bp = p * brs;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j * bcs];
                }
            }
        }
    }

    /** Unpacked vector loops for tiny products: no allocation, no threads. */
    static void direct(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs, double[] c) {
        direct(m, n, k, a, ars, acs, b, brs, bcs, c, false);
    }

    /** {@link #direct}; with {@code cZero} (C all +0.0) the register chains start from zero without reading C. */
    static void direct(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs, double[] c,
                       boolean cZero) {
        if (bcs == 1 && k > REGISTER_ACCUMULATE_MAX_K) {
            // a long inner dimension (wᵀ·X: 1 × 12288 · 12288 × 209): stream B's rows once, C[i, :] += A[i, p]·B[p, :]
            int upper = S.loopBound(n);
            for (int i = 0; i < m; i++) {
                int ci = i * n;
                for (int p = 0; p < k; p++) {
                    double aip = a[i * ars + p * acs];
                    DoubleVector av = DoubleVector.broadcast(S, aip);
                    int bp = p * brs;
                    int j = 0;
                    for (; j < upper; j += L) {
                        DoubleVector.fromArray(S, b, bp + j).fma(av, DoubleVector.fromArray(S, c, ci + j))
                                .intoArray(c, ci + j);
                    }
                    for (; j < n; j++) {
                        c[ci + j] = Math.fma(aip, b[bp + j], c[ci + j]);
                    }
                }
            }
        } else if (bcs == 1) {
            // rows of B are contiguous: C[i, j:j+2L] accumulates Σ_p A[i, p]·B[p, j:j+2L] in registers
            int upper2 = n - n % (2 * L);
            int upper = S.loopBound(n);
            for (int i = 0; i < m; i++) {
                int ci = i * n;
                int ai = i * ars;
                int j = 0;
                for (; j < upper2; j += 2 * L) {
                    DoubleVector acc0 = cZero ? DoubleVector.zero(S) : DoubleVector.fromArray(S, c, ci + j);
                    DoubleVector acc1 = cZero ? DoubleVector.zero(S) : DoubleVector.fromArray(S, c, ci + j + L);
                    for (int p = 0; p < k; p++) {
                        DoubleVector av = DoubleVector.broadcast(S, a[ai + p * acs]);
                        int bp = p * brs + j;
                        acc0 = DoubleVector.fromArray(S, b, bp).fma(av, acc0);
                        acc1 = DoubleVector.fromArray(S, b, bp + L).fma(av, acc1);
                    }
                    acc0.intoArray(c, ci + j);
                    acc1.intoArray(c, ci + j + L);
                }
                for (; j < upper; j += L) {
                    DoubleVector acc = cZero ? DoubleVector.zero(S) : DoubleVector.fromArray(S, c, ci + j);
                    for (int p = 0; p < k; p++) {
                        acc = DoubleVector.fromArray(S, b, p * brs + j)
                                .fma(DoubleVector.broadcast(S, a[ai + p * acs]), acc);
                    }
                    acc.intoArray(c, ci + j);
                }
                for (; j < n; j++) {
                    double sum = c[ci + j];
                    for (int p = 0; p < k; p++) {
                        sum = Math.fma(a[ai + p * acs], b[p * brs + j], sum);
                    }
                    c[ci + j] = sum;
                }
            }
        } else if (acs == 1 && brs == 1) {
            // B is a transposed row-major matrix: C[i, j] = row i of A · row j of B's storage
            int upper = S.loopBound(k);
            for (int i = 0; i < m; i++) {
                int ai = i * ars;
                for (int j = 0; j < n; j++) {
                    int bj = j * bcs;
                    DoubleVector acc = DoubleVector.zero(S);
                    int p = 0;
                    for (; p < upper; p += L) {
                        acc = DoubleVector.fromArray(S, a, ai + p).fma(DoubleVector.fromArray(S, b, bj + p), acc);
                    }
                    double sum = acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
                    for (; p < k; p++) {
                        sum += a[ai + p] * b[bj + p];
                    }
                    c[i * n + j] += sum;
                }
            }
        } else {
            multiplyScalar(m, n, k, a, ars, acs, b, brs, bcs, c);
        }
    }

    /** {@link #streamKind}: the product takes another path. */
    static final int NOT_STREAMED = 0;
    /** {@link #streamKind}: {@link GemmStream#broadcast}. */
    static final int STREAM_BROADCAST = 1;
    /** {@link #streamKind}: {@link GemmStream#dots}. */
    static final int STREAM_DOTS = 2;

    /**
     * Which {@link GemmStream} kernel, if any, the vector path uses for a product of this shape and layout (matrix
     * products only; matrix-vector products stay on the direct path):
     * <ul>
     *   <li>broadcast, when B's rows are contiguous, the inner dimension is at most {@link #STREAM_MAX_SIDE} and C
     *       has at most {@link GemmStream#MC} rows (the small layer products such as (7×20)·(20×209)): the whole of
     *       k fits one register pass, so packing would only add a copy. For tiny products its arithmetic (each entry
     *       a fused multiply-add chain over p that starts from C) is the direct path's, so they keep their bits.
     *       {@code Wᵀ·dZ} (12288 rows, k = 7 or 20) stays packed: there the packed kernel measured 5–10 % faster
     *       (the B panel, packed once, is reused by 3072 row blocks) and both are bound by writing the 20 MB C;</li>
     *   <li>dots, in the dot-product layout ({@code dZ·Xᵀ}: A's rows and B's columns contiguous) with at most
     *       {@link #STREAM_MAX_SIDE} rows or columns of C: the long operand is read once, in place, instead of being
     *       transposed into micro-panels for a handful of rows on the other side ({@link #multiplyVector} leaves
     *       the tiny ones, {@code m·n·k <=} {@link #DIRECT_MAX_MNK}, on the direct path).</li>
     * </ul>
     * Products with few rows and a long k in the plain layout ({@code W·X}) stay packed: the packed loop nest reads
     * B in place there too, and measured as fast as a broadcast kernel or faster (the broadcast kernel with k blocks
     * of 32–256 and B read in place: 39–44 GFLOPS against 45–47 on (20×1024)·(1024×209) in cache).
     */
    static int streamKind(int m, int n, int k, int acs, int brs, int bcs) {
        if (m == 1 || n == 1) {
            return NOT_STREAMED;
        }
        if (bcs == 1 && k <= STREAM_MAX_SIDE && m <= GemmStream.MC) {
            return STREAM_BROADCAST;
        }
        if (acs == 1 && brs == 1 && (m <= STREAM_MAX_SIDE || n <= STREAM_MAX_SIDE)) {
            return STREAM_DOTS;
        }
        return NOT_STREAMED;
    }

    /**
     * The {@link GemmStream} kernels ({@code dots}: the dot-product layout; otherwise broadcast), on up to
     * {@code threads} threads: C is split along its longer side into ranges aligned to the kernel's tile, the caller
     * computes the first range and the common pool the others.
     */
    static void streamed(boolean dots, int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs,
                         int bcs, double[] c, int threads) {
        streamed(dots, m, n, k, a, ars, acs, b, brs, bcs, c, threads, false);
    }

    /** {@link #streamed}, told whether C is all +0.0 (the broadcast kernel's chains from C then skip reading it). */
    static void streamed(boolean dots, int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs,
                         int bcs, double[] c, int threads, boolean cZero) {
        boolean splitColumns = n >= m;
        int extent = splitColumns ? n : m;
        int unit = dots ? (splitColumns ? GemmStream.DC : GemmStream.DR) : splitColumns ? L : GemmStream.MR;
        int units = (extent + unit - 1) / unit;
        int parts = Math.min(threads, units);
        if (parts < 2) {
            streamedBlock(dots, m, n, k, a, ars, acs, b, brs, bcs, c, 0, m, 0, n, cZero);
            return;
        }
        int[] bounds = new int[parts + 1];
        for (int t = 0; t <= parts; t++) {
            bounds[t] = Math.min(extent, (int) ((long) units * t / parts) * unit);
        }
        List<ForkJoinTask<?>> forked = new ArrayList<>(parts - 1);
        for (int t = 1; t < parts; t++) {
            int from = bounds[t];
            int to = bounds[t + 1];
            Runnable part = splitColumns
                    ? () -> streamedBlock(dots, m, n, k, a, ars, acs, b, brs, bcs, c, 0, m, from, to, cZero)
                    : () -> streamedBlock(dots, m, n, k, a, ars, acs, b, brs, bcs, c, from, to, 0, n, cZero);
            forked.add(ForkJoinPool.commonPool().submit(part));
        }
        if (splitColumns) {
            streamedBlock(dots, m, n, k, a, ars, acs, b, brs, bcs, c, 0, m, 0, bounds[1], cZero);
        } else {
            streamedBlock(dots, m, n, k, a, ars, acs, b, brs, bcs, c, 0, bounds[1], 0, n, cZero);
        }
        for (ForkJoinTask<?> task : forked) {
            task.join();
        }
    }

    private static void streamedBlock(boolean dots, int m, int n, int k, double[] a, int ars, int acs, double[] b,
                                      int brs, int bcs, double[] c, int rowFrom, int rowTo, int colFrom, int colTo,
                                      boolean cZero) {
        if (dots) {
            GemmStream.dots(n, k, a, ars, b, bcs, c, rowFrom, rowTo, colFrom, colTo);
        } else {
            // tiny products chain from C as the direct path does, and keep its bits; larger ones add C at the end,
            // which leaves the loads of C off the start of each tile's chain
            boolean fromC = (long) m * n * k <= DIRECT_MAX_MNK;
            GemmStream.broadcast(n, k, a, ars, acs, b, brs, c, rowFrom, rowTo, colFrom, colTo, fromC,
                    fromC && cZero);
        }
    }

    /** Smallest inner dimension for which {@link #splitsK} may split a product's k range. */
    static final int SPLIT_K_MIN = 4096;

    /** Longest rows of B (columns of C) for which {@link #splitsK} splits k rather than C's columns. */
    static final int SPLIT_K_MAX_N = 512;

    /**
     * Whether a product is computed as two halves of its inner dimension: few rows of C ({@code m <=} {@link #MC}),
     * short rows of a row-major B ({@code n <=} {@link #SPLIT_K_MAX_N}) and a long k ({@code >=}
     * {@link #SPLIT_K_MIN}) — the course's first-layer forward product {@code W1·X}, (7 or 20 × 12288)·(12288 × 209).
     * Split by C's columns, each of two threads would read a few cache lines of every one of X's 12288 rows (or,
     * reading whole rows, all of the 20 MB X each); split by k, each reads its own contiguous half of X once. The
     * choice depends on the shape only, never on the thread count, so the result is the same on any number of
     * threads: {@code C += A[:, :k1]·B[:k1, :]}, then {@code C += P} with {@code P = A[:, k1:]·B[k1:, :]} computed
     * from zero (k1 = half of k rounded up to a multiple of {@link #KC}, so the blocks of k are those of the unsplit
     * loop). This is the documented k-split of the issue: its sums differ from the unsplit order in the last bits.
     */
    static boolean splitsK(int m, int n, int k, int bcs) {
        return bcs == 1 && m <= MC && n <= SPLIT_K_MAX_N && k >= SPLIT_K_MIN;
    }

    /** Where {@link #splitsK} splits k: half of it rounded up to a multiple of {@link #KC}. */
    static int splitPoint(int k) {
        return ((k / 2 + KC - 1) / KC) * KC;
    }

    /** {@link #splitsK}: the two halves of k, on two threads when allowed, then added in a fixed order. */
    static void splitK(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs, double[] c,
                       int threads) {
        int k1 = splitPoint(k);
        double[] upper = new double[m * n];
        if (threads > 1) {
            ForkJoinTask<?> second = ForkJoinPool.commonPool().submit(
                    () -> packed(m, n, k, a, ars, acs, b, brs, bcs, upper, 0, m, 0, n, k1, k));
            packed(m, n, k, a, ars, acs, b, brs, bcs, c, 0, m, 0, n, 0, k1);
            second.join();
        } else {
            packed(m, n, k, a, ars, acs, b, brs, bcs, c, 0, m, 0, n, 0, k1);
            packed(m, n, k, a, ars, acs, b, brs, bcs, upper, 0, m, 0, n, k1, k);
        }
        int size = m * n;
        int upperBound = S.loopBound(size);
        int i = 0;
        for (; i < upperBound; i += L) {
            DoubleVector.fromArray(S, c, i).add(DoubleVector.fromArray(S, upper, i)).intoArray(c, i);
        }
        for (; i < size; i++) {
            c[i] += upper[i];
        }
    }

    private static void parallel(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs,
                                 double[] c, int threads) {
        boolean splitColumns = n >= m;
        int extent = splitColumns ? n : m;
        int unit = splitColumns ? NR : MR;
        int units = (extent + unit - 1) / unit;
        int parts = Math.min(threads, units);
        if (parts < 2) {
            packed(m, n, k, a, ars, acs, b, brs, bcs, c, 0, m, 0, n);
            return;
        }
        List<ForkJoinTask<?>> forked = new ArrayList<>(parts - 1);
        int[] bounds = new int[parts + 1];
        for (int t = 0; t <= parts; t++) {
            bounds[t] = Math.min(extent, (int) ((long) units * t / parts) * unit);
        }
        for (int t = 1; t < parts; t++) {
            int from = bounds[t];
            int to = bounds[t + 1];
            Runnable part = splitColumns
                    ? () -> packed(m, n, k, a, ars, acs, b, brs, bcs, c, 0, m, from, to)
                    : () -> packed(m, n, k, a, ars, acs, b, brs, bcs, c, from, to, 0, n);
            forked.add(ForkJoinPool.commonPool().submit(part));
        }
        if (splitColumns) {
            packed(m, n, k, a, ars, acs, b, brs, bcs, c, 0, m, 0, bounds[1]);
        } else {
            packed(m, n, k, a, ars, acs, b, brs, bcs, c, 0, bounds[1], 0, n);
        }
        for (ForkJoinTask<?> task : forked) {
            task.join();
        }
    }

    /**
     * Reads one double per cache line of {@code x[from, to)}, in address order. Walking a large operand that is
     * not in the cache panel by panel (a few lines of each of hundreds of rows) or writing a large C tile by tile
     * leaves the hardware prefetchers idle and waits for memory at every row; streaming the block through in
     * address order first runs at the memory's sequential bandwidth and leaves it in L2 for the kernels. It
     * changes no arithmetic.
     */
    static void prefetch(double[] x, int from, int to) {
        double s0 = 0.0;
        double s1 = 0.0;
        int i = from;
        for (; i + 8 < to; i += 16) {
            s0 += x[i];
            s1 += x[i + 8];
        }
        if (i < to) {
            s0 += x[i];
        }
        prefetchSink = s0 + s1;
    }

    /** {@link #prefetch} of the rows {@code [rowFrom, rowTo)}, columns {@code [colFrom, colTo)}, of a row-major x. */
    static void prefetchRows(double[] x, int rowStride, int rowFrom, int rowTo, int colFrom, int colTo) {
        for (int r = rowFrom; r < rowTo; r++) {
            prefetch(x, r * rowStride + colFrom, r * rowStride + colTo);
        }
    }

    /** The packed loop nest over the block {@code [rowFrom, rowTo) × [colFrom, colTo)} of C. */
    static void packed(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs, double[] c,
                       int rowFrom, int rowTo, int colFrom, int colTo) {
        packed(m, n, k, a, ars, acs, b, brs, bcs, c, rowFrom, rowTo, colFrom, colTo, 0, k);
    }

    /**
     * The packed loop nest over the block {@code [rowFrom, rowTo) × [colFrom, colTo)} of C and the part
     * {@code [kFrom, kTo)} of the inner dimension ({@code kFrom} a multiple of {@link #KC}).
     */
    static void packed(int m, int n, int k, double[] a, int ars, int acs, double[] b, int brs, int bcs, double[] c,
                       int rowFrom, int rowTo, int colFrom, int colTo, int kFrom, int kTo) {
        Buffers buf = BUFFERS.get();
        // large operands are read ahead block by block (by the product's shape, not the thread's share of it)
        boolean prefetchC = (long) m * n >= PREFETCH_MIN_DOUBLES;
        boolean prefetchB = (long) k * n >= PREFETCH_MIN_DOUBLES;
        for (int jc = colFrom; jc < colTo; jc += NC) {
            int nc = Math.min(NC, colTo - jc);
            for (int pc = kFrom; pc < kTo; pc += KC) {
                int kc = Math.min(KC, kTo - pc);
                // With few rows of C (a layer's n[l] is 1..25) each B panel is used by only a handful of
                // micro-kernel calls, so copying it costs more than it saves: row-major B is then read in place
                // and only the ragged last panel (or a transposed B) is packed. Many rows: pack as usual.
                boolean inPlace = bcs == 1 && rowTo - rowFrom <= MC;
                int fullCols = inPlace ? nc - nc % NR : 0;
                if (inPlace && prefetchB) {
                    // whole rows when they fit one column block: split across threads by columns, each thread
                    // reading only its part of every row (a few lines, then a jump) measured 10-20 % slower on
                    // W1·X and SIGNS than each thread reading whole rows, which keeps the reads in address order
                    if (n <= NC) {
                        prefetchRows(b, brs, pc, pc + kc, 0, n);
                    } else {
                        prefetchRows(b, brs, pc, pc + kc, jc, jc + nc);
                    }
                }
                packB(b, brs, bcs, pc, kc, jc + fullCols, nc - fullCols, buf.packB);
                for (int ic = rowFrom; ic < rowTo; ic += MC) {
                    int mc = Math.min(MC, rowTo - ic);
                    packA(a, ars, acs, ic, mc, pc, kc, buf.packA);
                    if (prefetchC) {
                        prefetchRows(c, n, ic, ic + mc, jc, jc + nc);
                    }
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        double[] pb;
                        int pbo;
                        int ldb;
                        if (jr < fullCols) {
                            pb = b;
                            pbo = pc * brs + jc + jr;
                            ldb = brs;
                        } else {
                            pb = buf.packB;
                            pbo = ((jr - fullCols) / NR) * NR * kc;
                            ldb = NR;
                        }
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            kernel(kc, buf.packA, (ir / MR) * MR * kc, pb, pbo, ldb,
                                    c, (ic + ir) * n + jc + jr, n, mr, nr, buf.tile);
                        }
                    }
                }
            }
        }
    }

    /** Packs A[i0 : i0+mc, p0 : p0+kc] into MR-row micro-panels, each stored p-major, zero-padded. */
    static void packA(double[] a, int ars, int acs, int i0, int mc, int p0, int kc, double[] dst) {
        int d = 0;
        for (int ir = 0; ir < mc; ir += MR) {
            int mr = Math.min(MR, mc - ir);
            if (acs == 1 && mr == MR) {
                int r0 = (i0 + ir) * ars + p0;
                int r1 = r0 + ars;
                int r2 = r1 + ars;
                int r3 = r2 + ars;
                for (int p = 0; p < kc; p++) {
                    dst[d] = a[r0 + p];
                    dst[d + 1] = a[r1 + p];
                    dst[d + 2] = a[r2 + p];
                    dst[d + 3] = a[r3 + p];
                    d += MR;
                }
            } else if (ars == 1 && mr == MR) {
                // A is a transposed view: the MR values of one p are contiguous in storage
                for (int p = 0; p < kc; p++) {
                    System.arraycopy(a, (p0 + p) * acs + i0 + ir, dst, d, MR);
                    d += MR;
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    for (int r = 0; r < MR; r++) {
                        dst[d++] = r < mr ? a[(i0 + ir + r) * ars + (p0 + p) * acs] : 0.0;
                    }
                }
            }
        }
    }

    /** Packs B[p0 : p0+kc, j0 : j0+nc] into NR-column micro-panels, each stored p-major, zero-padded. */
    static void packB(double[] b, int brs, int bcs, int p0, int kc, int j0, int nc, double[] dst) {
        if (bcs == 1) {
            // row by row, so that B is read in address order (panel by panel it would be a few lines of each of
            // kc rows at a time); each row is scattered over the panels
            for (int p = 0; p < kc; p++) {
                int src = (p0 + p) * brs + j0;
                for (int jr = 0; jr < nc; jr += NR) {
                    int nr = Math.min(NR, nc - jr);
                    int d = jr * kc + p * NR;
                    System.arraycopy(b, src + jr, dst, d, nr);
                    for (int j = nr; j < NR; j++) {
                        dst[d + j] = 0.0;
                    }
                }
            }
            return;
        }
        // B is a transposed view: walk each storage row contiguously, scatter into the panel
        int d = 0;
        for (int jr = 0; jr < nc; jr += NR) {
            int nr = Math.min(NR, nc - jr);
            for (int j = 0; j < NR; j++) {
                if (j < nr) {
                    int src = (j0 + jr + j) * bcs + p0 * brs;
                    for (int p = 0; p < kc; p++) {
                        dst[d + p * NR + j] = b[src + p * brs];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        dst[d + p * NR + j] = 0.0;
                    }
                }
            }
            d += kc * NR;
        }
    }

    /**
     * The register-blocked micro-kernel: C tile (mr × nr at {@code co}) += packed A panel · B panel, where row p of
     * the B panel starts at {@code pbo + p*ldb} (ldb = NR for a packed panel, B's row stride when read in place).
     */
    static void kernel(int kc, double[] pa, int pao, double[] pb, int pbo, int ldb, double[] c, int co, int ldc,
                       int mr, int nr, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S);
        DoubleVector c01 = c00;
        DoubleVector c02 = c00;
        DoubleVector c10 = c00;
        DoubleVector c11 = c00;
        DoubleVector c12 = c00;
        DoubleVector c20 = c00;
        DoubleVector c21 = c00;
        DoubleVector c22 = c00;
        DoubleVector c30 = c00;
        DoubleVector c31 = c00;
        DoubleVector c32 = c00;
        int ao = pao;
        int bo = pbo;
        for (int p = 0; p < kc; p++) {
            DoubleVector b0 = DoubleVector.fromArray(S, pb, bo);
            DoubleVector b1 = DoubleVector.fromArray(S, pb, bo + L);
            DoubleVector b2 = DoubleVector.fromArray(S, pb, bo + 2 * L);
            DoubleVector a0 = DoubleVector.broadcast(S, pa[ao]);
            c00 = b0.fma(a0, c00);
            c01 = b1.fma(a0, c01);
            c02 = b2.fma(a0, c02);
            DoubleVector a1 = DoubleVector.broadcast(S, pa[ao + 1]);
            c10 = b0.fma(a1, c10);
            c11 = b1.fma(a1, c11);
            c12 = b2.fma(a1, c12);
            DoubleVector a2 = DoubleVector.broadcast(S, pa[ao + 2]);
            c20 = b0.fma(a2, c20);
            c21 = b1.fma(a2, c21);
            c22 = b2.fma(a2, c22);
            DoubleVector a3 = DoubleVector.broadcast(S, pa[ao + 3]);
            c30 = b0.fma(a3, c30);
            c31 = b1.fma(a3, c31);
            c32 = b2.fma(a3, c32);
            ao += MR;
            bo += ldb;
        }
        if (mr == MR && nr == NR) {
            addRow(c, co, c00, c01, c02);
            addRow(c, co + ldc, c10, c11, c12);
            addRow(c, co + 2 * ldc, c20, c21, c22);
            addRow(c, co + 3 * ldc, c30, c31, c32);
        } else {
            c00.intoArray(tile, 0);
            c01.intoArray(tile, L);
            c02.intoArray(tile, 2 * L);
            c10.intoArray(tile, NR);
            c11.intoArray(tile, NR + L);
            c12.intoArray(tile, NR + 2 * L);
            c20.intoArray(tile, 2 * NR);
            c21.intoArray(tile, 2 * NR + L);
            c22.intoArray(tile, 2 * NR + 2 * L);
            c30.intoArray(tile, 3 * NR);
            c31.intoArray(tile, 3 * NR + L);
            c32.intoArray(tile, 3 * NR + 2 * L);
            for (int r = 0; r < mr; r++) {
                int cr = co + r * ldc;
                int tr = r * NR;
                for (int j = 0; j < nr; j++) {
                    c[cr + j] += tile[tr + j];
                }
            }
        }
    }

    private static void addRow(double[] c, int off, DoubleVector v0, DoubleVector v1, DoubleVector v2) {
        DoubleVector.fromArray(S, c, off).add(v0).intoArray(c, off);
        DoubleVector.fromArray(S, c, off + L).add(v1).intoArray(c, off + L);
        DoubleVector.fromArray(S, c, off + 2 * L).add(v2).intoArray(c, off + 2 * L);
    }
}
