package dlcourse.core;

/**
 * The core's kernels with the implementation chosen explicitly, for benchmarks and diagnostics.
 *
 * <p>Course code uses {@link Matrix}, whose operations pick the vector kernels (or the scalar twins under
 * {@code -Ddlcourse.simd=false}) and the thread count by themselves. Benchmarks need to run both twins side by
 * side in one JVM and to fix the number of threads; this class gives them that and nothing else.
 */
public final class Kernels {

    /** Which twin of a kernel to run. */
    public enum Impl {
        /** The Vector API kernel (packed, register-blocked GEMM; vector elementwise loops). */
        VECTOR,
        /** The scalar twin: plain loops, the baseline the vector kernels are measured against. */
        SCALAR
    }

    private Kernels() {
    }

    /** Lanes of a double vector on this CPU (8 with AVX-512, 4 with AVX2, 2 with SSE/NEON). */
    public static int vectorLanes() {
        return Simd.LANES;
    }

    /** Whether {@link Matrix} uses the vector kernels in this JVM ({@code -Ddlcourse.simd}). */
    public static boolean simdEnabled() {
        return Simd.ENABLED;
    }

    /**
     * Whether exp, log, tanh and sigmoid run on their scalar twins so that runs are bit-reproducible
     * ({@code -Ddlcourse.reproducible=true}; the other kernels stay vectorised).
     */
    public static boolean reproducible() {
        return Simd.REPRODUCIBLE;
    }

    /** The thread count {@link Matrix#dot} may use ({@code -Ddlcourse.threads}, default: processors). */
    public static int defaultThreads() {
        return Matrix.THREADS;
    }

    /**
     * {@code a · b} with the given implementation and at most {@code threads} threads (the scalar twin is
     * single-threaded). Transposed views are read in place as in {@link Matrix#dot}.
     */
    public static Matrix dot(Matrix a, Matrix b, Impl impl, int threads) {
        if (a.cols() != b.rows()) {
            throw ShapeException.dot(a.shape(), b.shape());
        }
        double[] out = new double[a.rows() * b.cols()];
        Matrix.product(a, b, out, impl, threads, true);
        return Matrix.wrap(a.rows(), b.cols(), out);
    }

    /** The fused linear step {@code W·A + b} (see {@link Matrix#linear}) with the given implementation. */
    public static Matrix linear(Matrix w, Matrix a, Matrix b, Impl impl, int threads) {
        return Matrix.linear(w, a, b, impl, threads);
    }

    /** {@code np.exp(a)} with the given implementation. */
    public static Matrix exp(Matrix a, Impl impl) {
        return unary(a, Elementwise.Unary.EXP, impl);
    }

    /** The logistic sigmoid with the given implementation. */
    public static Matrix sigmoid(Matrix a, Impl impl) {
        return unary(a, Elementwise.Unary.SIGMOID, impl);
    }

    /** {@code np.maximum(a, 0)} with the given implementation. */
    public static Matrix relu(Matrix a, Impl impl) {
        return unary(a, Elementwise.Unary.RELU, impl);
    }

    /** {@code np.tanh(a)} with the given implementation. */
    public static Matrix tanh(Matrix a, Impl impl) {
        return unary(a, Elementwise.Unary.TANH, impl);
    }

    /** Baseline for benchmarks: a plain {@code Math.exp} loop over a {@code double[]} (not our kernels). */
    public static double[] mathExpLoop(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.exp(x[i]);
        }
        return out;
    }

    /** Baseline for benchmarks: a plain {@code 1 / (1 + Math.exp(-x))} loop. */
    public static double[] mathSigmoidLoop(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = 1.0 / (1.0 + Math.exp(-x[i]));
        }
        return out;
    }

    /** Baseline for benchmarks: a plain {@code Math.max(x, 0)} loop. */
    public static double[] mathReluLoop(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.max(x[i], 0.0);
        }
        return out;
    }

    private static Matrix unary(Matrix a, Elementwise.Unary op, Impl impl) {
        double[] src = a.contiguous();
        double[] out = new double[src.length];
        if (impl == Impl.SCALAR) {
            Elementwise.unaryScalar(op, src, out, src.length);
        } else {
            Elementwise.unaryVector(op, src, out, src.length);
        }
        return Matrix.wrap(a.rows(), a.cols(), out);
    }
}
