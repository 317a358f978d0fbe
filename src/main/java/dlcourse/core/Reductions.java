package dlcourse.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sums over flat row-major arrays: whole array, per row, per column. Vector loops with scalar twins and tails.
 *
 * <p>Vector sums add lanes in a different order from the scalar twin, so the two agree to rounding
 * (relative 1e-13 on the course's sizes), not bit for bit — as numpy's pairwise sums differ from a naive loop.
 */
final class Reductions {

    private static final VectorSpecies<Double> S = Simd.SPECIES;

    private Reductions() {
    }

    /** Sum of {@code a[off .. off+n)}. */
    static double sum(double[] a, int off, int n) {
        return Simd.ENABLED ? sumVector(a, off, n) : sumScalar(a, off, n);
    }

    /** Vector sum with four independent accumulators. */
    static double sumVector(double[] a, int off, int n) {
        int step = 4 * S.length();
        int upper4 = n - n % step;
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = s0;
        DoubleVector s2 = s0;
        DoubleVector s3 = s0;
        int i = 0;
        for (; i < upper4; i += step) {
            s0 = s0.add(DoubleVector.fromArray(S, a, off + i));
            s1 = s1.add(DoubleVector.fromArray(S, a, off + i + S.length()));
            s2 = s2.add(DoubleVector.fromArray(S, a, off + i + 2 * S.length()));
            s3 = s3.add(DoubleVector.fromArray(S, a, off + i + 3 * S.length()));
        }
        int upper = S.loopBound(n);
        for (; i < upper; i += S.length()) {
            s0 = s0.add(DoubleVector.fromArray(S, a, off + i));
        }
        double total = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            total += a[off + i];
        }
        return total;
    }

    /** Scalar twin of {@link #sumVector}. */
    static double sumScalar(double[] a, int off, int n) {
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            total += a[off + i];
        }
        return total;
    }

    /** Column sums of a row-major (rows, cols) array into {@code out[0 .. cols)} (numpy {@code axis=0}). */
    static void columnSums(double[] a, int rows, int cols, double[] out) {
        java.util.Arrays.fill(out, 0, cols, 0.0);
        for (int r = 0; r < rows; r++) {
            Elementwise.binary(Elementwise.Binary.ADD, out, 0, a, r * cols, out, 0, cols);
        }
    }

    /** Row sums of a row-major (rows, cols) array into {@code out[0 .. rows)} (numpy {@code axis=1}). */
    static void rowSums(double[] a, int rows, int cols, double[] out) {
        for (int r = 0; r < rows; r++) {
            out[r] = sum(a, r * cols, cols);
        }
    }
}
