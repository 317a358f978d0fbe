package dlcourse.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Unpacked GEMM kernels for products with a small side: few rows of C (a layer's {@code n[l]} = 1..25 rows of W or
 * dZ), with a short inner dimension or in the dot-product layout. Both operands are read in place, with no packing:
 * with 7 or 20 rows on the other side, transposing a (12288 × 209) operand into micro-panels costs a large share
 * of the product.
 *
 * <ul>
 *   <li>{@link #broadcast}: B's rows are contiguous ({@code bcs = 1}). A {@link #MR} × {@link #NR} tile of C is
 *       accumulated in registers over a block of {@link #KC} rows of B, read in place: each step loads
 *       {@code NV} vectors of a row of B and broadcasts {@code MR} entries of A (read in place through its strides,
 *       so {@code Wᵀ} is a view) into fused multiply-adds, then the tile goes back into C. Column panels of B are the
 *       outer loop within a group of {@link #MC} rows of C, so a panel stays in L1 while the group's row blocks
 *       pass over it. Used for few rows with a short inner dimension: the small products of the layers after
 *       the first (see {@link Gemm#streamKind}).</li>
 *   <li>{@link #dots}: the dot-product layout {@code dZ·Xᵀ} (rows of A and columns of B contiguous, Xᵀ a view of a
 *       stored X): entry (i, j) is the dot product of two contiguous rows, so a 2 × 8 block of C is 16 vector
 *       accumulators along k over 2 rows of A and 8 rows of X's storage, reduced across lanes at the end by a
 *       transposing add tree. Each block of 8 rows of X is read from memory once per product, for all rows of
 *       A; a large X is first read ahead {@link #PREFETCH_ROWS} rows at a time, in address order
 *       ({@link Gemm#prefetch}).</li>
 * </ul>
 *
 * <p>Every entry of C is computed by the same sequence of operations whatever tile it falls in (broadcast: a fused
 * multiply-add chain over p, from C or from zero, in a vector lane, a single vector or a scalar column; dots: the same
 * lane sums, add tree and scalar tail), so any split of C across threads gives identical results. The scalar twin
 * is {@link Gemm#multiplyScalar}.
 */
final class GemmStream {

    private static final VectorSpecies<Double> S = Simd.SPECIES;
    private static final int L = Simd.LANES;

    /** Rows of the broadcast tile. */
    static final int MR = 4;
    /** Vectors per row of the broadcast tile. */
    static final int NV = 3;
    /** Columns of the broadcast tile. */
    static final int NR = NV * L;
    /**
     * Rows of B per block of the broadcast kernel: a B panel (KC rows × NR columns, read in place, so up to
     * 4 cache lines per row) stays in L1 while every row block of A passes over it.
     */
    static final int KC = 256;
    /** Rows of C per group: the group's block of C (MC × n) stays in L2 while the column panels pass over it. */
    static final int MC = 96;
    /** Rows of A per block of the dot kernel. */
    static final int DR = 2;
    /** Columns of C (rows of X's storage) per block of the dot kernel. */
    static final int DC = 8;
    /**
     * Rows of X's storage read ahead at a time by {@link #dots} when X is large (a multiple of {@link #DC}):
     * measured on dZ·Xᵀ with 7 and 20 rows, 12288 × 209 X, chunks of 8 / 32 / 128 / 512 rows gave 21 / 21 / 23 / 21
     * GFLOPS (7 rows) and 27 / 31 / 30 / 25 (20 rows), against 17 and 23 without.
     */
    static final int PREFETCH_ROWS = 128;

    private GemmStream() {
    }

    // ---------------------------------------------------------------- broadcast kernel (B rows contiguous)

    /**
     * {@code C[rowFrom:rowTo, colFrom:colTo] += A·B} for a row-major B ({@code bcs = 1}), A with any strides.
     *
     * @param n columns of C (its row stride)
     * @param fromC whether each entry's chain of fused multiply-adds starts from C (the direct path's arithmetic)
     *              rather than from zero with C added at the end of each block of k
     */
    static void broadcast(int n, int k, double[] a, int ars, int acs, double[] b, int brs, double[] c,
                          int rowFrom, int rowTo, int colFrom, int colTo, boolean fromC) {
        broadcast(n, k, a, ars, acs, b, brs, c, rowFrom, rowTo, colFrom, colTo, fromC, false);
    }

    /**
     * {@link #broadcast}; {@code zeroC} says the block of C holds +0.0 everywhere, so chains from C (with
     * {@code fromC}) start from zero without reading it. A chain from +0.0 gives the same bits as one from a loaded
     * +0.0: this only saves the loads of a fresh C.
     */
    static void broadcast(int n, int k, double[] a, int ars, int acs, double[] b, int brs, double[] c,
                          int rowFrom, int rowTo, int colFrom, int colTo, boolean fromC, boolean zeroC) {
        int fullEnd = colFrom + (colTo - colFrom) / NR * NR;
        int vecEnd = fullEnd + (colTo - fullEnd) / L * L;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            // the first block's chains from a C known to hold +0.0 start from zero without reading it
            boolean loadC = fromC && !(zeroC && pc == 0);
            for (int ig = rowFrom; ig < rowTo; ig += MC) {
                int ie = Math.min(rowTo, ig + MC);
                if (colFrom < fullEnd) {
                    tiles(fromC, loadC, kc, pc, a, ars, acs, b, brs, c, n, ig, ie, colFrom, fullEnd);
                }
                if (fullEnd < vecEnd) {
                    vectors(fromC, loadC, kc, pc, a, ars, acs, b, brs, c, n, ig, ie, fullEnd, vecEnd);
                }
                if (vecEnd < colTo) {
                    columns(fromC, loadC, kc, pc, a, ars, acs, b, brs, c, n, ig, ie, vecEnd, colTo);
                }
            }
        }
    }

    /**
     * MR × NR tiles of C over rows {@code [rowFrom, rowTo)} and columns {@code [from, to)} (a multiple of NR), adding
     * A[:, pc:pc+kc]·B[pc:pc+kc, :]. Column panels outside, row blocks inside, so a panel of B stays in L1 while
     * every row block passes over it. Rows past the last of a block repeat it (computed, not stored).
     */
    private static void tiles(boolean fromC, boolean loadC, int kc, int pc, double[] a, int ars, int acs,
                              double[] b, int brs, double[] c, int n, int rowFrom, int rowTo, int from, int to) {
        for (int j = from; j < to; j += NR) {
            int bo = pc * brs + j;
            for (int i = rowFrom; i < rowTo; i += MR) {
                int rows = Math.min(MR, rowTo - i);
                int a0 = i * ars + pc * acs;
                int a1 = rows > 1 ? a0 + ars : a0;
                int a2 = rows > 2 ? a1 + ars : a1;
                int a3 = rows > 3 ? a2 + ars : a2;
                // C rows of the block (a repeated row reads the last one and is not stored)
                int r0 = i * n + j;
                int r1 = rows > 1 ? r0 + n : r0;
                int r2 = rows > 2 ? r1 + n : r1;
                int r3 = rows > 3 ? r2 + n : r2;
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
                if (loadC) {
                    c00 = DoubleVector.fromArray(S, c, r0);
                    c01 = DoubleVector.fromArray(S, c, r0 + L);
                    c02 = DoubleVector.fromArray(S, c, r0 + 2 * L);
                    c10 = DoubleVector.fromArray(S, c, r1);
                    c11 = DoubleVector.fromArray(S, c, r1 + L);
                    c12 = DoubleVector.fromArray(S, c, r1 + 2 * L);
                    c20 = DoubleVector.fromArray(S, c, r2);
                    c21 = DoubleVector.fromArray(S, c, r2 + L);
                    c22 = DoubleVector.fromArray(S, c, r2 + 2 * L);
                    c30 = DoubleVector.fromArray(S, c, r3);
                    c31 = DoubleVector.fromArray(S, c, r3 + L);
                    c32 = DoubleVector.fromArray(S, c, r3 + 2 * L);
                }
                for (int p = 0; p < kc; p++) {
                    int bp = bo + p * brs;
                    int ap = p * acs;
                    DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
                    DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
                    DoubleVector b2 = DoubleVector.fromArray(S, b, bp + 2 * L);
                    DoubleVector x = DoubleVector.broadcast(S, a[a0 + ap]);
                    c00 = b0.fma(x, c00);
                    c01 = b1.fma(x, c01);
                    c02 = b2.fma(x, c02);
                    x = DoubleVector.broadcast(S, a[a1 + ap]);
                    c10 = b0.fma(x, c10);
                    c11 = b1.fma(x, c11);
                    c12 = b2.fma(x, c12);
                    x = DoubleVector.broadcast(S, a[a2 + ap]);
                    c20 = b0.fma(x, c20);
                    c21 = b1.fma(x, c21);
                    c22 = b2.fma(x, c22);
                    x = DoubleVector.broadcast(S, a[a3 + ap]);
                    c30 = b0.fma(x, c30);
                    c31 = b1.fma(x, c31);
                    c32 = b2.fma(x, c32);
                }
                if (!fromC) {
                    c00 = c00.add(DoubleVector.fromArray(S, c, r0));
                    c01 = c01.add(DoubleVector.fromArray(S, c, r0 + L));
                    c02 = c02.add(DoubleVector.fromArray(S, c, r0 + 2 * L));
                    c10 = c10.add(DoubleVector.fromArray(S, c, r1));
                    c11 = c11.add(DoubleVector.fromArray(S, c, r1 + L));
                    c12 = c12.add(DoubleVector.fromArray(S, c, r1 + 2 * L));
                    c20 = c20.add(DoubleVector.fromArray(S, c, r2));
                    c21 = c21.add(DoubleVector.fromArray(S, c, r2 + L));
                    c22 = c22.add(DoubleVector.fromArray(S, c, r2 + 2 * L));
                    c30 = c30.add(DoubleVector.fromArray(S, c, r3));
                    c31 = c31.add(DoubleVector.fromArray(S, c, r3 + L));
                    c32 = c32.add(DoubleVector.fromArray(S, c, r3 + 2 * L));
                }
                c00.intoArray(c, r0);
                c01.intoArray(c, r0 + L);
                c02.intoArray(c, r0 + 2 * L);
                if (rows > 1) {
                    c10.intoArray(c, r1);
                    c11.intoArray(c, r1 + L);
                    c12.intoArray(c, r1 + 2 * L);
                }
                if (rows > 2) {
                    c20.intoArray(c, r2);
                    c21.intoArray(c, r2 + L);
                    c22.intoArray(c, r2 + 2 * L);
                }
                if (rows > 3) {
                    c30.intoArray(c, r3);
                    c31.intoArray(c, r3 + L);
                    c32.intoArray(c, r3 + 2 * L);
                }
            }
        }
    }

    /** MR × one vector at a time over columns {@code [from, to)}: the columns left after the full tiles. */
    private static void vectors(boolean fromC, boolean loadC, int kc, int pc, double[] a, int ars, int acs,
                                double[] b, int brs, double[] c, int n, int rowFrom, int rowTo, int from, int to) {
        for (int j = from; j < to; j += L) {
            int bo = pc * brs + j;
            for (int i = rowFrom; i < rowTo; i += MR) {
                int rows = Math.min(MR, rowTo - i);
                int a0 = i * ars + pc * acs;
                int a1 = rows > 1 ? a0 + ars : a0;
                int a2 = rows > 2 ? a1 + ars : a1;
                int a3 = rows > 3 ? a2 + ars : a2;
                int r0 = i * n + j;
                int r1 = rows > 1 ? r0 + n : r0;
                int r2 = rows > 2 ? r1 + n : r1;
                int r3 = rows > 3 ? r2 + n : r2;
                DoubleVector c0 = DoubleVector.zero(S);
                DoubleVector c1 = c0;
                DoubleVector c2 = c0;
                DoubleVector c3 = c0;
                if (loadC) {
                    c0 = DoubleVector.fromArray(S, c, r0);
                    c1 = DoubleVector.fromArray(S, c, r1);
                    c2 = DoubleVector.fromArray(S, c, r2);
                    c3 = DoubleVector.fromArray(S, c, r3);
                }
                for (int p = 0; p < kc; p++) {
                    int ap = p * acs;
                    DoubleVector bv = DoubleVector.fromArray(S, b, bo + p * brs);
                    c0 = bv.fma(DoubleVector.broadcast(S, a[a0 + ap]), c0);
                    c1 = bv.fma(DoubleVector.broadcast(S, a[a1 + ap]), c1);
                    c2 = bv.fma(DoubleVector.broadcast(S, a[a2 + ap]), c2);
                    c3 = bv.fma(DoubleVector.broadcast(S, a[a3 + ap]), c3);
                }
                if (!fromC) {
                    c0 = c0.add(DoubleVector.fromArray(S, c, r0));
                    c1 = c1.add(DoubleVector.fromArray(S, c, r1));
                    c2 = c2.add(DoubleVector.fromArray(S, c, r2));
                    c3 = c3.add(DoubleVector.fromArray(S, c, r3));
                }
                c0.intoArray(c, r0);
                if (rows > 1) {
                    c1.intoArray(c, r1);
                }
                if (rows > 2) {
                    c2.intoArray(c, r2);
                }
                if (rows > 3) {
                    c3.intoArray(c, r3);
                }
            }
        }
    }

    /** MR × one column at a time, scalar: the last {@code n mod L} columns, with the lanes' fused multiply-adds. */
    private static void columns(boolean fromC, boolean loadC, int kc, int pc, double[] a, int ars, int acs,
                                double[] b, int brs, double[] c, int n, int rowFrom, int rowTo, int from, int to) {
        for (int j = from; j < to; j++) {
            int bo = pc * brs + j;
            for (int i = rowFrom; i < rowTo; i += MR) {
                int rows = Math.min(MR, rowTo - i);
                int a0 = i * ars + pc * acs;
                int a1 = rows > 1 ? a0 + ars : a0;
                int a2 = rows > 2 ? a1 + ars : a1;
                int a3 = rows > 3 ? a2 + ars : a2;
                int r0 = i * n + j;
                int r1 = rows > 1 ? r0 + n : r0;
                int r2 = rows > 2 ? r1 + n : r1;
                int r3 = rows > 3 ? r2 + n : r2;
                double s0 = loadC ? c[r0] : 0.0;
                double s1 = loadC ? c[r1] : 0.0;
                double s2 = loadC ? c[r2] : 0.0;
                double s3 = loadC ? c[r3] : 0.0;
                for (int p = 0; p < kc; p++) {
                    int ap = p * acs;
                    double bv = b[bo + p * brs];
                    s0 = Math.fma(bv, a[a0 + ap], s0);
                    s1 = Math.fma(bv, a[a1 + ap], s1);
                    s2 = Math.fma(bv, a[a2 + ap], s2);
                    s3 = Math.fma(bv, a[a3 + ap], s3);
                }
                if (!fromC) {
                    s0 += c[r0];
                    s1 += c[r1];
                    s2 += c[r2];
                    s3 += c[r3];
                }
                c[r0] = s0;
                if (rows > 1) {
                    c[r1] = s1;
                }
                if (rows > 2) {
                    c[r2] = s2;
                }
                if (rows > 3) {
                    c[r3] = s3;
                }
            }
        }
    }

    // ---------------------------------------------------------------- dot kernel (A rows, B columns contiguous)

    /** Swaps lanes i and i^d; lane masks of the lanes with bit d set (only built for 8 lanes, see {@link #dots}). */
    private static final VectorShuffle<Double> SWAP1 =
            L == 8 ? VectorShuffle.fromValues(S, 1, 0, 3, 2, 5, 4, 7, 6) : null;
    private static final VectorShuffle<Double> SWAP2 =
            L == 8 ? VectorShuffle.fromValues(S, 2, 3, 0, 1, 6, 7, 4, 5) : null;
    private static final VectorShuffle<Double> SWAP4 =
            L == 8 ? VectorShuffle.fromValues(S, 4, 5, 6, 7, 0, 1, 2, 3) : null;
    /** {@code HEAD[r]}: lanes {@code 0 .. L-r-1} set, the lanes of the last L entries already counted when r remain. */
    private static final boolean[][] HEAD = new boolean[L][L];

    static {
        for (int r = 0; r < L; r++) {
            for (int lane = 0; lane < L - r; lane++) {
                HEAD[r][lane] = true;
            }
        }
    }

    private static final VectorMask<Double> BIT1 = VectorMask.fromLong(S, 0xAAL);
    private static final VectorMask<Double> BIT2 = VectorMask.fromLong(S, 0xCCL);
    private static final VectorMask<Double> BIT4 = VectorMask.fromLong(S, 0xF0L);

    /**
     * {@code C[rowFrom:rowTo, colFrom:colTo] += A·B} where A's rows ({@code acs = 1}) and B's columns
     * ({@code brs = 1}) are contiguous: entry (i, j) is the dot product of {@code a[i*ars ..]} and
     * {@code b[j*bcs ..]}. Blocks of {@link #DR} = 2 rows of A by {@link #DC} = 8 columns of C: 16 vector
     * accumulators along k; with 8 lanes the 8 accumulators of a row are reduced together by a transposing add tree
     * (lane t of the result is the sum of accumulator t, every lane by the same pairwise order), otherwise one by
     * one. The last {@code k mod L} terms are added to each sum in scalar, in the same order for every entry.
     */
    static void dots(int n, int k, double[] a, int ars, double[] b, int bcs, double[] c,
                     int rowFrom, int rowTo, int colFrom, int colTo) {
        if (rowTo - rowFrom > colTo - colFrom) {
            for (int i = rowFrom; i < rowTo; i += DR) {
                for (int j = colFrom; j < colTo; j += DC) {
                    dotTile(n, k, a, ars, b, bcs, c, i, Math.min(DR, rowTo - i), j, Math.min(DC, colTo - j));
                }
            }
        } else {
            // B's storage rows (X's rows, contiguous) are streamed once; when X is large they are read ahead in
            // address order, PREFETCH_ROWS at a time, just before the tiles that use them
            boolean prefetch = (long) n * bcs >= Gemm.PREFETCH_MIN_DOUBLES;
            for (int j = colFrom; j < colTo; j += DC) {
                if (prefetch && (j - colFrom) % PREFETCH_ROWS == 0) {
                    Gemm.prefetch(b, j * bcs, Math.min(colTo, j + PREFETCH_ROWS) * bcs);
                }
                for (int i = rowFrom; i < rowTo; i += DR) {
                    dotTile(n, k, a, ars, b, bcs, c, i, Math.min(DR, rowTo - i), j, Math.min(DC, colTo - j));
                }
            }
        }
    }

    /**
     * A 2 × 8 block of C at (i, j); a row past {@code rows} or columns past {@code cols} repeat the last one
     * (computed, not stored).
     */
    private static void dotTile(int n, int k, double[] a, int ars, double[] b, int bcs, double[] c,
                                int i, int rows, int j, int cols) {
        int a0 = i * ars;
        int a1 = rows > 1 ? a0 + ars : a0;
        int b0 = j * bcs;
        int b1 = cols > 1 ? b0 + bcs : b0;
        int b2 = cols > 2 ? b1 + bcs : b1;
        int b3 = cols > 3 ? b2 + bcs : b2;
        int b4 = cols > 4 ? b3 + bcs : b3;
        int b5 = cols > 5 ? b4 + bcs : b4;
        int b6 = cols > 6 ? b5 + bcs : b5;
        int b7 = cols > 7 ? b6 + bcs : b6;
        DoubleVector s00 = DoubleVector.zero(S);
        DoubleVector s01 = s00;
        DoubleVector s02 = s00;
        DoubleVector s03 = s00;
        DoubleVector s04 = s00;
        DoubleVector s05 = s00;
        DoubleVector s06 = s00;
        DoubleVector s07 = s00;
        DoubleVector s10 = s00;
        DoubleVector s11 = s00;
        DoubleVector s12 = s00;
        DoubleVector s13 = s00;
        DoubleVector s14 = s00;
        DoubleVector s15 = s00;
        DoubleVector s16 = s00;
        DoubleVector s17 = s00;
        int upper = S.loopBound(k);
        for (int p = 0; p < upper; p += L) {
            DoubleVector x0 = DoubleVector.fromArray(S, a, a0 + p);
            DoubleVector x1 = DoubleVector.fromArray(S, a, a1 + p);
            DoubleVector y = DoubleVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(y, s00);
            s10 = x1.fma(y, s10);
            y = DoubleVector.fromArray(S, b, b1 + p);
            s01 = x0.fma(y, s01);
            s11 = x1.fma(y, s11);
            y = DoubleVector.fromArray(S, b, b2 + p);
            s02 = x0.fma(y, s02);
            s12 = x1.fma(y, s12);
            y = DoubleVector.fromArray(S, b, b3 + p);
            s03 = x0.fma(y, s03);
            s13 = x1.fma(y, s13);
            y = DoubleVector.fromArray(S, b, b4 + p);
            s04 = x0.fma(y, s04);
            s14 = x1.fma(y, s14);
            y = DoubleVector.fromArray(S, b, b5 + p);
            s05 = x0.fma(y, s05);
            s15 = x1.fma(y, s15);
            y = DoubleVector.fromArray(S, b, b6 + p);
            s06 = x0.fma(y, s06);
            s16 = x1.fma(y, s16);
            y = DoubleVector.fromArray(S, b, b7 + p);
            s07 = x0.fma(y, s07);
            s17 = x1.fma(y, s17);
        }
        if (upper < k && k >= L) {
            // the last k mod L terms: the last L entries of each row, A's lanes already counted set to zero
            VectorMask<Double> counted = VectorMask.fromArray(S, HEAD[k - upper], 0);
            int p = k - L;
            DoubleVector x0 = DoubleVector.fromArray(S, a, a0 + p).blend(0.0, counted);
            DoubleVector x1 = DoubleVector.fromArray(S, a, a1 + p).blend(0.0, counted);
            DoubleVector y = DoubleVector.fromArray(S, b, b0 + p);
            s00 = x0.fma(y, s00);
            s10 = x1.fma(y, s10);
            y = DoubleVector.fromArray(S, b, b1 + p);
            s01 = x0.fma(y, s01);
            s11 = x1.fma(y, s11);
            y = DoubleVector.fromArray(S, b, b2 + p);
            s02 = x0.fma(y, s02);
            s12 = x1.fma(y, s12);
            y = DoubleVector.fromArray(S, b, b3 + p);
            s03 = x0.fma(y, s03);
            s13 = x1.fma(y, s13);
            y = DoubleVector.fromArray(S, b, b4 + p);
            s04 = x0.fma(y, s04);
            s14 = x1.fma(y, s14);
            y = DoubleVector.fromArray(S, b, b5 + p);
            s05 = x0.fma(y, s05);
            s15 = x1.fma(y, s15);
            y = DoubleVector.fromArray(S, b, b6 + p);
            s06 = x0.fma(y, s06);
            s16 = x1.fma(y, s16);
            y = DoubleVector.fromArray(S, b, b7 + p);
            s07 = x0.fma(y, s07);
            s17 = x1.fma(y, s17);
            upper = k;
        }
        // the reduced sums, for the edge blocks and the scalar tail (allocated only there)
        double[] sums;
        if (L == 8) {
            // transposing add tree: level d pairs lanes i and i^d; lane t of r0 ends as the sum of s0t's lanes
            DoubleVector u01 = s00.blend(s01, BIT1).add(s01.blend(s00, BIT1).rearrange(SWAP1));
            DoubleVector u23 = s02.blend(s03, BIT1).add(s03.blend(s02, BIT1).rearrange(SWAP1));
            DoubleVector u45 = s04.blend(s05, BIT1).add(s05.blend(s04, BIT1).rearrange(SWAP1));
            DoubleVector u67 = s06.blend(s07, BIT1).add(s07.blend(s06, BIT1).rearrange(SWAP1));
            DoubleVector u03 = u01.blend(u23, BIT2).add(u23.blend(u01, BIT2).rearrange(SWAP2));
            DoubleVector u47 = u45.blend(u67, BIT2).add(u67.blend(u45, BIT2).rearrange(SWAP2));
            DoubleVector r0 = u03.blend(u47, BIT4).add(u47.blend(u03, BIT4).rearrange(SWAP4));
            u01 = s10.blend(s11, BIT1).add(s11.blend(s10, BIT1).rearrange(SWAP1));
            u23 = s12.blend(s13, BIT1).add(s13.blend(s12, BIT1).rearrange(SWAP1));
            u45 = s14.blend(s15, BIT1).add(s15.blend(s14, BIT1).rearrange(SWAP1));
            u67 = s16.blend(s17, BIT1).add(s17.blend(s16, BIT1).rearrange(SWAP1));
            u03 = u01.blend(u23, BIT2).add(u23.blend(u01, BIT2).rearrange(SWAP2));
            u47 = u45.blend(u67, BIT2).add(u67.blend(u45, BIT2).rearrange(SWAP2));
            DoubleVector r1 = u03.blend(u47, BIT4).add(u47.blend(u03, BIT4).rearrange(SWAP4));
            int ci = i * n + j;
            if (upper == k && cols == DC) {
                DoubleVector.fromArray(S, c, ci).add(r0).intoArray(c, ci);
                if (rows > 1) {
                    DoubleVector.fromArray(S, c, ci + n).add(r1).intoArray(c, ci + n);
                }
                return;
            }
            sums = new double[2 * DC];
            r0.intoArray(sums, 0);
            r1.intoArray(sums, DC);
        } else {
            sums = new double[2 * DC];
            sums[0] = s00.reduceLanes(VectorOperators.ADD);
            sums[1] = s01.reduceLanes(VectorOperators.ADD);
            sums[2] = s02.reduceLanes(VectorOperators.ADD);
            sums[3] = s03.reduceLanes(VectorOperators.ADD);
            sums[4] = s04.reduceLanes(VectorOperators.ADD);
            sums[5] = s05.reduceLanes(VectorOperators.ADD);
            sums[6] = s06.reduceLanes(VectorOperators.ADD);
            sums[7] = s07.reduceLanes(VectorOperators.ADD);
            sums[8] = s10.reduceLanes(VectorOperators.ADD);
            sums[9] = s11.reduceLanes(VectorOperators.ADD);
            sums[10] = s12.reduceLanes(VectorOperators.ADD);
            sums[11] = s13.reduceLanes(VectorOperators.ADD);
            sums[12] = s14.reduceLanes(VectorOperators.ADD);
            sums[13] = s15.reduceLanes(VectorOperators.ADD);
            sums[14] = s16.reduceLanes(VectorOperators.ADD);
            sums[15] = s17.reduceLanes(VectorOperators.ADD);
        }
        storeDots(n, k, upper, a, a0, b, bcs, c, i * n + j, j, cols, sums, 0);
        if (rows > 1) {
            storeDots(n, k, upper, a, a1, b, bcs, c, (i + 1) * n + j, j, cols, sums, DC);
        }
    }

    /** Adds a row of reduced sums into C, each completed with the scalar tail {@code p = upper .. k-1}. */
    private static void storeDots(int n, int k, int upper, double[] a, int ar, double[] b, int bcs, double[] c,
                                  int co, int j, int cols, double[] sums, int so) {
        for (int t = 0; t < cols; t++) {
            double sum = sums[so + t];
            int bt = (j + t) * bcs;
            for (int p = upper; p < k; p++) {
                sum = Math.fma(a[ar + p], b[bt + p], sum);
            }
            c[co + t] += sum;
        }
    }
}
