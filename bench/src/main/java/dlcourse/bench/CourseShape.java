package dlcourse.bench;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;

/**
 * The matrix products the course computes, plus 1024³ as the usual BLAS yardstick.
 *
 * <p>Each shape is the product {@code (m, k) · (k, n)} as the GEMM sees it; for the two backward-pass shapes one
 * operand is a transposed view of a stored matrix ({@link #left}, {@link #right}), read in place exactly as the
 * course's {@code dZ.dot(X.T)} and {@code W.T.dot(dZ)} are.
 */
public enum CourseShape {

    /** Forward pass of the cat classifier's first layer: W1 (20, 12288) · X (12288, 209). */
    W1_X("W1·X", 20, 12288, 209, Operand.PLAIN),
    /** Its weight gradient: dZ (20, 209) · Xᵀ, where X is stored (12288, 209) and Xᵀ is a view. */
    DZ_XT("dZ·Xᵀ", 20, 209, 12288, Operand.RIGHT_TRANSPOSED),
    /** Its input gradient: Wᵀ · dZ, where W is stored (20, 12288) and Wᵀ is a view; dZ is (20, 209). */
    WT_DZ("Wᵀ·dZ", 12288, 20, 209, Operand.LEFT_TRANSPOSED),
    /** First layer of the cat classifier's 2-layer model (n_h = 7): W1 (7, 12288) · X (12288, 209). */
    W1_X_7("W1·X (7 rows)", 7, 12288, 209, Operand.PLAIN),
    /** Its weight gradient dZ1 (7, 209) · Xᵀ, Xᵀ a view of X (12288, 209). */
    DZ_XT_7("dZ·Xᵀ (7 rows)", 7, 209, 12288, Operand.RIGHT_TRANSPOSED),
    /** Its input gradient W1ᵀ · dZ1, W1 stored (7, 12288); dZ1 is (7, 209). */
    WT_DZ_7("Wᵀ·dZ (k = 7)", 12288, 7, 209, Operand.LEFT_TRANSPOSED),
    /** Second layer of the L-layer model: W2 (7, 20) · A1 (20, 209). */
    W2_A1("W2·A1", 7, 20, 209, Operand.PLAIN),
    /** Planar-data classifier's first layer: W1 (4, 2) · X (2, 400). */
    PLANAR("planar W1·X", 4, 2, 400, Operand.PLAIN),
    /** SIGNS network's first layer: W1 (25, 12288) · X (12288, 1080). */
    SIGNS("SIGNS W1·X", 25, 12288, 1080, Operand.PLAIN),
    /** The square yardstick (1024, 1024) · (1024, 1024). */
    CUBE_1024("1024³", 1024, 1024, 1024, Operand.PLAIN);

    /** Seed of every benchmark input, so that runs compare like with like. */
    public static final long SEED = 20_240_601L;

    /** Which operand, if any, is a transposed view of its storage. */
    public enum Operand {
        /** Both operands are stored as the product reads them. */
        PLAIN,
        /** The left operand is {@code storage.transpose()}: storage shape (k, m). */
        LEFT_TRANSPOSED,
        /** The right operand is {@code storage.transpose()}: storage shape (n, k). */
        RIGHT_TRANSPOSED
    }

    private final String label;
    private final int m;
    private final int k;
    private final int n;
    private final Operand transposed;

    CourseShape(String label, int m, int k, int n, Operand transposed) {
        this.label = label;
        this.m = m;
        this.k = k;
        this.n = n;
        this.transposed = transposed;
    }

    /** The course's name for the product, e.g. {@code dZ·Xᵀ}. */
    public String label() {
        return label;
    }

    /** Rows of the product. */
    public int m() {
        return m;
    }

    /** Inner dimension. */
    public int k() {
        return k;
    }

    /** Columns of the product. */
    public int n() {
        return n;
    }

    /** Which operand is a transposed view. */
    public Operand transposed() {
        return transposed;
    }

    /** Floating-point operations of one product: {@code 2·m·n·k} (one multiply and one add per term). */
    public long flops() {
        return 2L * m * n * k;
    }

    /** The product as written, e.g. {@code (20×209)·(209×12288)}. */
    public String product() {
        return "(" + m + "×" + k + ")·(" + k + "×" + n + ")";
    }

    /** Stored left operand, uniform in [-1, 1): shape (m, k), or (k, m) when {@link Operand#LEFT_TRANSPOSED}. */
    public Matrix leftStorage(RandomState random) {
        return transposed == Operand.LEFT_TRANSPOSED ? random.uniform(-1, 1, k, m) : random.uniform(-1, 1, m, k);
    }

    /** Stored right operand, uniform in [-1, 1): shape (k, n), or (n, k) when {@link Operand#RIGHT_TRANSPOSED}. */
    public Matrix rightStorage(RandomState random) {
        return transposed == Operand.RIGHT_TRANSPOSED ? random.uniform(-1, 1, n, k) : random.uniform(-1, 1, k, n);
    }

    /** The left operand as the product reads it, shape (m, k): a view when transposed (never copied). */
    public Matrix left(Matrix leftStorage) {
        return transposed == Operand.LEFT_TRANSPOSED ? leftStorage.transpose() : leftStorage;
    }

    /** The right operand as the product reads it, shape (k, n): a view when transposed (never copied). */
    public Matrix right(Matrix rightStorage) {
        return transposed == Operand.RIGHT_TRANSPOSED ? rightStorage.transpose() : rightStorage;
    }
}
