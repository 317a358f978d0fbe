package dlcourse.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * An immutable 2-D array of doubles with numpy's semantics: the course's {@code np.ndarray} for matrices.
 *
 * <p>Operations are named after numpy and return new matrices; no public operation modifies its receiver or
 * arguments. Arithmetic broadcasts as numpy does for 2-D arrays ((n, 1) and (1, m) against (n, m), (n, 1) against
 * (1, m), and scalars). Values follow IEEE rules as numpy does: {@code log(0) = -inf}, {@code 0/0 = NaN}, and no
 * operation throws because of a value. Shape errors throw {@link ShapeException} in numpy's words.
 *
 * <p>{@link #transpose()} is a view, as numpy's {@code .T} is: it costs nothing, and {@link #dot} reads the view's
 * storage in place, so {@code dZ.dot(X.transpose())} never builds {@code Xᵀ}. Storage is a row-major
 * {@code double[]}; the hot kernels (GEMM, elementwise, reductions) use the Vector API with scalar twins (see
 * {@code -Ddlcourse.simd=false}).
 */
public final class Matrix {

    /** Threads a large product may use: {@code -Ddlcourse.threads=N}, default the number of processors. */
    static final int THREADS = Math.max(1, Integer.getInteger("dlcourse.threads",
            Runtime.getRuntime().availableProcessors()));

    private static final int PRINT_THRESHOLD = 1000;
    private static final int PRINT_EDGE_ITEMS = 3;

    private final int rows;
    private final int cols;
    /**
     * Row-major storage; when {@link #transposed}, it holds the (cols, rows) matrix this one is a view of. Null for a
     * deferred product (see {@link #dotDeferred}): read it through {@link #store()}.
     */
    private final double[] data;
    /** The product behind a deferred matrix (null for every other matrix); computes the storage once. */
    private final Deferred deferred;
    private final boolean transposed;

    private Matrix(int rows, int cols, double[] data, boolean transposed) {
        this(rows, cols, data, null, transposed);
    }

    private Matrix(int rows, int cols, double[] data, Deferred deferred, boolean transposed) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.deferred = deferred;
        this.transposed = transposed;
    }

    /** The storage, computing a deferred product first if no one has read it yet. */
    private double[] store() {
        double[] d = data;
        return d != null ? d : deferred.values();
    }

    /** Wraps a row-major array without copying; the caller hands over ownership. */
    static Matrix wrap(int rows, int cols, double[] rowMajor) {
        new Shape(rows, cols);
        if (rowMajor.length != rows * cols) {
            throw ShapeException.reshape(rowMajor.length, ShapeException.compact(rows, cols));
        }
        return new Matrix(rows, cols, rowMajor, false);
    }

    // ---------------------------------------------------------------- construction

    /**
     * A (rows, cols) matrix from values in row-major order (copied).
     *
     * @throws ShapeException if the number of values is not {@code rows * cols}
     */
    public static Matrix of(int rows, int cols, double... rowMajor) {
        Objects.requireNonNull(rowMajor, "values");
        return wrap(rows, cols, rowMajor.clone());
    }

    /** A matrix from an array of equally long rows (copied), like {@code np.array([[...], [...]])}. */
    public static Matrix fromRows(double[][] rowArrays) {
        int r = rowArrays.length;
        int c = r == 0 ? 0 : rowArrays[0].length;
        double[] out = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rowArrays[i].length != c) {
                throw new ShapeException("setting an array element with a sequence. The requested array has an"
                        + " inhomogeneous shape after 1 dimensions. Row 0 has " + c + " values but row " + i
                        + " has " + rowArrays[i].length);
            }
            System.arraycopy(rowArrays[i], 0, out, i * c, c);
        }
        return new Matrix(r, c, out, false);
    }

    /** A (1, n) row vector. */
    public static Matrix row(double... values) {
        return of(1, values.length, values);
    }

    /** An (n, 1) column vector. */
    public static Matrix column(double... values) {
        return of(values.length, 1, values);
    }

    /** A (1, 1) matrix holding {@code value}. */
    public static Matrix scalar(double value) {
        return new Matrix(1, 1, new double[] {value}, false);
    }

    /** {@code np.zeros((rows, cols))}. */
    public static Matrix zeros(int rows, int cols) {
        return new Matrix(rows, cols, new double[new Shape(rows, cols).size()], false);
    }

    /** {@code np.zeros(shape)}. */
    public static Matrix zeros(Shape shape) {
        return zeros(shape.rows(), shape.cols());
    }

    /** {@code np.ones((rows, cols))}. */
    public static Matrix ones(int rows, int cols) {
        return full(rows, cols, 1.0);
    }

    /** {@code np.full((rows, cols), value)}. */
    public static Matrix full(int rows, int cols, double value) {
        double[] out = new double[new Shape(rows, cols).size()];
        Arrays.fill(out, value);
        return new Matrix(rows, cols, out, false);
    }

    /** {@code np.eye(n)}. */
    public static Matrix eye(int n) {
        double[] out = new double[new Shape(n, n).size()];
        for (int i = 0; i < n; i++) {
            out[i * n + i] = 1.0;
        }
        return new Matrix(n, n, out, false);
    }

    // ---------------------------------------------------------------- access

    /** The shape {@code (rows, cols)}. */
    public Shape shape() {
        return new Shape(rows, cols);
    }

    /** Number of rows ({@code shape[0]}). */
    public int rows() {
        return rows;
    }

    /** Number of columns ({@code shape[1]}). */
    public int cols() {
        return cols;
    }

    /** Number of entries. */
    public int size() {
        return rows * cols;
    }

    /**
     * The entry at row {@code i}, column {@code j}; negative indices count from the end as in numpy.
     *
     * @throws IndexOutOfBoundsException in numpy's words when an index is out of range
     */
    public double get(int i, int j) {
        int r = normalise(i, 0, rows);
        int c = normalise(j, 1, cols);
        double[] d = store();
        return transposed ? d[c * rows + r] : d[r * cols + c];
    }

    private static int normalise(int index, int axis, int size) {
        int k = index < 0 ? index + size : index;
        if (k < 0 || k >= size) {
            throw ShapeException.index(index, axis, size);
        }
        return k;
    }

    /**
     * The single value of a matrix of size 1 ({@code a.item()}).
     *
     * @throws ShapeException if the matrix does not hold exactly one value
     */
    public double item() {
        if (size() != 1) {
            throw new ShapeException("can only convert an array of size 1 to a Python scalar (shape "
                    + shape() + ")");
        }
        return store()[0];
    }

    /** The values in row-major order (a copy). */
    public double[] toArray() {
        return contiguous().clone();
    }

    /** The rows as arrays (copies). */
    public double[][] toRows() {
        double[] d = contiguous();
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(d, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /** Row-major storage of this matrix's logical layout; shared (not copied) unless this is a transposed view. */
    double[] contiguous() {
        double[] d = store();
        if (!transposed) {
            return d;
        }
        double[] out = new double[rows * cols];
        // this (rows, cols) is the transpose of a row-major (cols, rows) storage: copy in cache-friendly blocks
        final int block = 32;
        for (int i0 = 0; i0 < rows; i0 += block) {
            int i1 = Math.min(rows, i0 + block);
            for (int j0 = 0; j0 < cols; j0 += block) {
                int j1 = Math.min(cols, j0 + block);
                for (int j = j0; j < j1; j++) {
                    int src = j * rows;
                    for (int i = i0; i < i1; i++) {
                        out[i * cols + j] = d[src + i];
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code np.dot(this, other) / divisor} with one output array: the product is divided where it was written, so
     * no second (n, m) matrix is allocated and filled. Values are exactly those of {@code dot(other).divide(divisor)}.
     * The course's backward step forms every weight gradient this way, dW = dZ·A_prevᵀ / m; for the cat pictures'
     * first layer that is a (20, 12288) matrix every iteration.
     *
     * @throws ShapeException as {@link #dot} does
     */
    public Matrix dotDivide(Matrix other, double divisor) {
        double[] out = freshProduct(this, other);
        Elementwise.binaryScalarRight(Elementwise.Binary.DIV, out, 0, divisor, out, 0, out.length);
        return new Matrix(rows, other.cols, out, false);
    }

    /** {@code a · b} into a new array, after numpy's shape check: what {@link #dot} and its variants store. */
    private static double[] freshProduct(Matrix a, Matrix b) {
        if (a.cols != b.rows) {
            throw ShapeException.dot(a.shape(), b.shape());
        }
        double[] out = new double[a.rows * b.cols];
        product(a, b, out, null, THREADS, true);
        return out;
    }

    /** True when this matrix is a transposed view of another's storage. */
    boolean isTransposedView() {
        return transposed;
    }

    // ---------------------------------------------------------------- products

    /**
     * Matrix product {@code np.dot(this, other)}: (n, k) · (k, m) → (n, m). Transposed views are read in place.
     *
     * @throws ShapeException {@code shapes (3,4) and (5,2) not aligned: 4 (dim 1) != 5 (dim 0)}
     */
    public Matrix dot(Matrix other) {
        return new Matrix(rows, other.cols, freshProduct(this, other), false);
    }

    /**
     * {@link #dot}, computed only when its values are first needed: the shapes are checked now, the product the first
     * time anything reads the result (an entry, an operation, equality, printing) and then kept. The values are
     * exactly those {@code dot} gives. Meant for results a caller may well leave unused — the course's backward step
     * returns dA_prev = Wᵀ·dZ for every layer, and for the first layer that is the gradient with respect to the
     * input X, which training never reads: (12288, 209) for the cat pictures, as many multiply-adds as the layer's
     * forward product and 20 MB of output per iteration. Both operands are kept until then (matrices are immutable,
     * so the result cannot change); reading it from several threads computes it once.
     *
     * @throws ShapeException as {@link #dot} does, at once
     */
    public Matrix dotDeferred(Matrix other) {
        if (cols != other.rows) {
            throw ShapeException.dot(shape(), other.shape());
        }
        return new Matrix(rows, other.cols, null, new Deferred(this, other), false);
    }

    /** True while this is a deferred product whose values nobody has read yet (for tests). */
    boolean isPending() {
        return deferred != null && deferred.pending();
    }

    /** A product waiting to be computed: the operands until then, the storage after. */
    private static final class Deferred {
        private Matrix left;
        private Matrix right;
        private double[] values;

        Deferred(Matrix left, Matrix right) {
            this.left = left;
            this.right = right;
        }

        synchronized double[] values() {
            if (values == null) {
                values = freshProduct(left, right);
                left = null;
                right = null;
            }
            return values;
        }

        synchronized boolean pending() {
            return values == null;
        }
    }

    /**
     * {@code out += a · b}, reading transposed views in place through strides.
     *
     * @param impl the twin to run, or {@code null} for the one {@code -Ddlcourse.simd} selects
     */
    static void product(Matrix a, Matrix b, double[] out, Kernels.Impl impl, int threads) {
        product(a, b, out, impl, threads, false);
    }

    /**
     * {@link #product(Matrix, Matrix, double[], Kernels.Impl, int)}, told whether {@code out} is a fresh array (all
     * +0.0): the same bits, without reading the zeros where a kernel would start from them.
     */
    static void product(Matrix a, Matrix b, double[] out, Kernels.Impl impl, int threads, boolean outZero) {
        int ars = a.transposed ? 1 : a.cols;
        int acs = a.transposed ? a.rows : 1;
        int brs = b.transposed ? 1 : b.cols;
        int bcs = b.transposed ? b.rows : 1;
        if (impl == null) {
            Gemm.multiply(a.rows, b.cols, a.cols, a.store(), ars, acs, b.store(), brs, bcs, out, threads, outZero);
        } else if (impl == Kernels.Impl.SCALAR) {
            Gemm.multiplyScalar(a.rows, b.cols, a.cols, a.store(), ars, acs, b.store(), brs, bcs, out);
        } else {
            Gemm.multiplyVector(a.rows, b.cols, a.cols, a.store(), ars, acs, b.store(), brs, bcs, out, threads,
                    outZero);
        }
    }

    /**
     * The linear step {@code W·A + b} in one pass: the output starts as {@code b} repeated across the columns and
     * the product is accumulated into it (no temporary for {@code W·A}).
     *
     * @param w weights, shape (n[l], n[l-1])
     * @param a activations of the previous layer, shape (n[l-1], m)
     * @param b bias, shape (n[l], 1)
     * @return Z, shape (n[l], m)
     * @throws ShapeException if the shapes do not fit, in numpy's words
     */
    public static Matrix linear(Matrix w, Matrix a, Matrix b) {
        return linear(w, a, b, null, THREADS);
    }

    /** {@link #linear(Matrix, Matrix, Matrix)} with the twin and thread count chosen (see {@link Kernels}). */
    static Matrix linear(Matrix w, Matrix a, Matrix b, Kernels.Impl impl, int threads) {
        if (w.cols != a.rows) {
            throw ShapeException.dot(w.shape(), a.shape());
        }
        if (b.cols != 1 || b.rows != w.rows) {
            throw ShapeException.broadcast(new Shape(w.rows, a.cols), b.shape());
        }
        int m = a.cols;
        double[] out = new double[w.rows * m];
        double[] bias = b.contiguous();
        for (int i = 0; i < w.rows; i++) {
            Arrays.fill(out, i * m, (i + 1) * m, bias[i]);
        }
        product(w, a, out, impl, threads);
        return new Matrix(w.rows, m, out, false);
    }

    /** {@code relu(W·A + b)} with the activation applied in place on the fresh output. */
    public static Matrix linearRelu(Matrix w, Matrix a, Matrix b) {
        Matrix z = linear(w, a, b);
        double[] d = z.store();
        Elementwise.unary(Elementwise.Unary.RELU, d, d, d.length);
        return z;
    }

    /** {@code sigmoid(W·A + b)} with the activation applied in place on the fresh output. */
    public static Matrix linearSigmoid(Matrix w, Matrix a, Matrix b) {
        Matrix z = linear(w, a, b);
        double[] d = z.store();
        Elementwise.unary(Elementwise.Unary.SIGMOID, d, d, d.length);
        return z;
    }

    // ---------------------------------------------------------------- elementwise, one operand

    private Matrix unary(Elementwise.Unary op) {
        double[] src = contiguous();
        double[] out = new double[src.length];
        Elementwise.unary(op, src, out, src.length);
        return new Matrix(rows, cols, out, false);
    }

    /** {@code np.exp}. */
    public Matrix exp() {
        return unary(Elementwise.Unary.EXP);
    }

    /** {@code np.log}: log(0) = -inf, log of a negative number = NaN. */
    public Matrix log() {
        return unary(Elementwise.Unary.LOG);
    }

    /** {@code np.tanh}. */
    public Matrix tanh() {
        return unary(Elementwise.Unary.TANH);
    }

    /** {@code np.sqrt}: NaN for negative entries. */
    public Matrix sqrt() {
        return unary(Elementwise.Unary.SQRT);
    }

    /** {@code np.square}. */
    public Matrix square() {
        return unary(Elementwise.Unary.SQUARE);
    }

    /** {@code np.abs}. */
    public Matrix abs() {
        return unary(Elementwise.Unary.ABS);
    }

    /** {@code -a}. */
    public Matrix negate() {
        return unary(Elementwise.Unary.NEG);
    }

    /** The logistic function {@code 1 / (1 + exp(-a))}, elementwise. */
    public Matrix sigmoid() {
        return unary(Elementwise.Unary.SIGMOID);
    }

    /** {@code np.maximum(a, 0)}. */
    public Matrix relu() {
        return unary(Elementwise.Unary.RELU);
    }

    /** {@code np.power(a, exponent)} (scalar {@link Math#pow} per entry). */
    public Matrix power(double exponent) {
        if (exponent == 2.0) {
            return square();
        }
        return map(x -> Math.pow(x, exponent));
    }

    /** Applies {@code f} to every entry (scalar loop; for functions numpy would {@code np.vectorize}). */
    public Matrix map(DoubleUnaryOperator f) {
        double[] src = contiguous();
        double[] out = new double[src.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(src[i]);
        }
        return new Matrix(rows, cols, out, false);
    }

    // ---------------------------------------------------------------- elementwise, two operands

    private Matrix binary(Elementwise.Binary op, Matrix other) {
        int outRows = broadcastDim(rows, other.rows, other);
        int outCols = broadcastDim(cols, other.cols, other);
        double[] a = contiguous();
        double[] b = other.contiguous();
        double[] out = new double[outRows * outCols];
        if (rows == other.rows && cols == other.cols) {
            Elementwise.binary(op, a, b, out, out.length);
            return new Matrix(outRows, outCols, out, false);
        }
        for (int i = 0; i < outRows; i++) {
            int ai = rows == 1 ? 0 : i * cols;
            int bi = other.rows == 1 ? 0 : i * other.cols;
            int oi = i * outCols;
            if (cols == outCols && other.cols == outCols) {
                Elementwise.binary(op, a, ai, b, bi, out, oi, outCols);
            } else if (cols == outCols) {
                Elementwise.binaryScalarRight(op, a, ai, b[bi], out, oi, outCols);
            } else if (other.cols == outCols) {
                Elementwise.binaryScalarLeft(op, a[ai], b, bi, out, oi, outCols);
            } else {
                Elementwise.binaryScalarRight(op, a, ai, b[bi], out, oi, 1);
            }
        }
        return new Matrix(outRows, outCols, out, false);
    }

    private int broadcastDim(int mine, int theirs, Matrix other) {
        if (mine == theirs || theirs == 1) {
            return mine;
        }
        if (mine == 1) {
            return theirs;
        }
        throw ShapeException.broadcast(shape(), other.shape());
    }

    private Matrix scalarRight(Elementwise.Binary op, double s) {
        double[] a = contiguous();
        double[] out = new double[a.length];
        Elementwise.binaryScalarRight(op, a, 0, s, out, 0, a.length);
        return new Matrix(rows, cols, out, false);
    }

    private Matrix scalarLeft(Elementwise.Binary op, double s) {
        double[] b = contiguous();
        double[] out = new double[b.length];
        Elementwise.binaryScalarLeft(op, s, b, 0, out, 0, b.length);
        return new Matrix(rows, cols, out, false);
    }

    /** {@code a + b} with broadcasting. */
    public Matrix add(Matrix other) {
        return binary(Elementwise.Binary.ADD, other);
    }

    /** {@code a + s}. */
    public Matrix add(double s) {
        return scalarRight(Elementwise.Binary.ADD, s);
    }

    /** {@code a - b} with broadcasting. */
    public Matrix subtract(Matrix other) {
        return binary(Elementwise.Binary.SUB, other);
    }

    /** {@code a - s}. */
    public Matrix subtract(double s) {
        return scalarRight(Elementwise.Binary.SUB, s);
    }

    /** {@code s - a}, e.g. {@code 1 - Y}. */
    public static Matrix subtract(double s, Matrix a) {
        return a.scalarLeft(Elementwise.Binary.SUB, s);
    }

    /**
     * {@code this - alpha * other} in one pass, for the gradient-descent step {@code W - learning_rate * dW}: each
     * entry is rounded as numpy rounds the two operations (the product, then the difference), so the values are
     * exactly those of {@code subtract(other.multiply(alpha))}, without the intermediate matrix. Shapes broadcast as
     * {@link #subtract} does.
     *
     * @throws ShapeException if the shapes do not broadcast, in numpy's words
     */
    public Matrix subtractScaled(double alpha, Matrix other) {
        if (rows != other.rows || cols != other.cols) {
            return subtract(other.multiply(alpha));
        }
        double[] a = contiguous();
        double[] b = other.contiguous();
        double[] out = new double[a.length];
        Elementwise.subtractScaled(a, alpha, b, out, out.length);
        return new Matrix(rows, cols, out, false);
    }

    /** {@code a * b} elementwise with broadcasting (numpy's {@code *}, not the matrix product). */
    public Matrix multiply(Matrix other) {
        return binary(Elementwise.Binary.MUL, other);
    }

    /** {@code a * s}. */
    public Matrix multiply(double s) {
        return scalarRight(Elementwise.Binary.MUL, s);
    }

    /** {@code a / b} elementwise with broadcasting; x/0 = ±inf and 0/0 = NaN as in numpy. */
    public Matrix divide(Matrix other) {
        return binary(Elementwise.Binary.DIV, other);
    }

    /** {@code a / s}. */
    public Matrix divide(double s) {
        return scalarRight(Elementwise.Binary.DIV, s);
    }

    /** {@code s / a}, e.g. {@code 1 / A}. */
    public static Matrix divide(double s, Matrix a) {
        return a.scalarLeft(Elementwise.Binary.DIV, s);
    }

    /** {@code np.maximum(a, b)} with broadcasting; NaN if either entry is NaN. */
    public Matrix maximum(Matrix other) {
        return binary(Elementwise.Binary.MAX, other);
    }

    /** {@code np.maximum(a, s)}. */
    public Matrix maximum(double s) {
        return scalarRight(Elementwise.Binary.MAX, s);
    }

    /** {@code np.minimum(a, b)} with broadcasting. */
    public Matrix minimum(Matrix other) {
        return binary(Elementwise.Binary.MIN, other);
    }

    /** {@code np.minimum(a, s)}. */
    public Matrix minimum(double s) {
        return scalarRight(Elementwise.Binary.MIN, s);
    }

    /** {@code (a > s)} as a 0/1 mask. NaN compares false. */
    public Matrix greaterThan(double s) {
        return scalarRight(Elementwise.Binary.GT, s);
    }

    /** {@code (a > b)} as a 0/1 mask, with broadcasting. */
    public Matrix greaterThan(Matrix other) {
        return binary(Elementwise.Binary.GT, other);
    }

    /** {@code (a >= s)} as a 0/1 mask. */
    public Matrix greaterEqual(double s) {
        return scalarRight(Elementwise.Binary.GE, s);
    }

    /** {@code (a < s)} as a 0/1 mask. */
    public Matrix lessThan(double s) {
        return scalarRight(Elementwise.Binary.LT, s);
    }

    /** {@code (a < b)} as a 0/1 mask, with broadcasting. */
    public Matrix lessThan(Matrix other) {
        return binary(Elementwise.Binary.LT, other);
    }

    /** {@code (a <= s)} as a 0/1 mask. */
    public Matrix lessEqual(double s) {
        return scalarRight(Elementwise.Binary.LE, s);
    }

    /** {@code (a == s)} as a 0/1 mask. */
    public Matrix equalTo(double s) {
        return scalarRight(Elementwise.Binary.EQ, s);
    }

    /** {@code (a == b)} as a 0/1 mask, with broadcasting. */
    public Matrix equalTo(Matrix other) {
        return binary(Elementwise.Binary.EQ, other);
    }

    // ---------------------------------------------------------------- reductions

    /** {@code np.sum(a)}. */
    public double sum() {
        double[] d = store();
        return Reductions.sum(d, 0, d.length);
    }

    /** {@code np.sum(a, axis, keepdims=True)}: (1, cols) for {@link Axis#ROWS}, (rows, 1) for {@link Axis#COLUMNS}. */
    public Matrix sum(Axis axis) {
        return sum(axis, true);
    }

    /**
     * {@code np.sum(a, axis, keepdims)}. Without {@code keepDims} numpy returns a 1-D array, which broadcasts like
     * a row: so both axes then give a (1, k) row — the row sums of a (n, m) matrix come back as (1, n), exactly the
     * shape that makes {@code b - db} silently broadcast to (n, n) in numpy when {@code keepdims} is forgotten.
     */
    public Matrix sum(Axis axis, boolean keepDims) {
        double[] d = contiguous();
        if (axis == Axis.ROWS) {
            double[] out = new double[cols];
            Reductions.columnSums(d, rows, cols, out);
            return new Matrix(1, cols, out, false);
        }
        double[] out = new double[rows];
        Reductions.rowSums(d, rows, cols, out);
        return keepDims ? new Matrix(rows, 1, out, false) : new Matrix(1, rows, out, false);
    }

    /** {@code np.mean(a)}; NaN for an empty matrix, as numpy. */
    public double mean() {
        return sum() / size();
    }

    /** {@code np.mean(a, axis, keepdims=True)}. */
    public Matrix mean(Axis axis) {
        return mean(axis, true);
    }

    /** {@code np.mean(a, axis, keepdims)} (see {@link #sum(Axis, boolean)} for the shapes). */
    public Matrix mean(Axis axis, boolean keepDims) {
        int n = axis == Axis.ROWS ? rows : cols;
        return sum(axis, keepDims).divide(n);
    }

    /** {@code np.max(a)}; NaN if any entry is NaN. */
    public double max() {
        requireNonEmpty("maximum");
        double best = Double.NEGATIVE_INFINITY;
        for (double v : store()) {
            best = Math.max(best, v);
        }
        return best;
    }

    /** {@code np.min(a)}; NaN if any entry is NaN. */
    public double min() {
        requireNonEmpty("minimum");
        double best = Double.POSITIVE_INFINITY;
        for (double v : store()) {
            best = Math.min(best, v);
        }
        return best;
    }

    private void requireNonEmpty(String op) {
        if (size() == 0) {
            throw new ShapeException("zero-size array to reduction operation " + op + " which has no identity");
        }
    }

    /**
     * {@code np.argmax(a, axis)} as a (1, k) row of indices (first maximum wins, a NaN counts as the maximum).
     * {@link Axis#ROWS} gives, per column, the row holding its maximum — e.g. the predicted class of each
     * example in a (classes, m) matrix.
     */
    public Matrix argmax(Axis axis) {
        int outer = axis == Axis.ROWS ? cols : rows;
        int inner = axis == Axis.ROWS ? rows : cols;
        if (inner == 0) {
            throw new ShapeException("attempt to get argmax of an empty sequence");
        }
        double[] out = new double[outer];
        for (int o = 0; o < outer; o++) {
            int best = 0;
            double bestValue = axis == Axis.ROWS ? get(0, o) : get(o, 0);
            for (int i = 1; i < inner && !Double.isNaN(bestValue); i++) {
                double v = axis == Axis.ROWS ? get(i, o) : get(o, i);
                if (v > bestValue || Double.isNaN(v)) {
                    best = i;
                    bestValue = v;
                }
            }
            out[o] = best;
        }
        return new Matrix(1, outer, out, false);
    }

    /** {@code np.linalg.norm(a)}: the Frobenius norm, computed without overflow for large entries. */
    public double norm() {
        double[] d = store();
        double scale = 0.0;
        for (double v : d) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (scale == 0.0 || Double.isInfinite(scale) || Double.isNaN(scale)) {
            return scale;
        }
        double[] scaled = new double[d.length];
        Elementwise.binaryScalarRight(Elementwise.Binary.DIV, d, 0, scale, scaled, 0, d.length);
        Elementwise.unary(Elementwise.Unary.SQUARE, scaled, scaled, scaled.length);
        return scale * Math.sqrt(Reductions.sum(scaled, 0, scaled.length));
    }

    // ---------------------------------------------------------------- shape manipulation

    /** {@code a.T}: a view with rows and columns swapped (no copy). */
    public Matrix transpose() {
        return new Matrix(cols, rows, data, deferred, !transposed);
    }

    /**
     * {@code a.reshape(rows, cols)} in C order; one dimension may be {@code -1} and is then inferred.
     *
     * @throws ShapeException {@code cannot reshape array of size 12 into shape (5,3)}
     */
    public Matrix reshape(int newRows, int newCols) {
        int size = size();
        String asked = "(" + (newRows == -1 ? "newaxis" : newRows) + "," + (newCols == -1 ? "newaxis" : newCols) + ")";
        if (newRows < -1 || newCols < -1 || (newRows == -1 && newCols == -1)) {
            throw new ShapeException(newRows == -1 && newCols == -1 ? "can only specify one unknown dimension"
                    : "negative dimensions not allowed");
        }
        int r = newRows;
        int c = newCols;
        if (r == -1) {
            if (c == 0 || size % c != 0) {
                throw ShapeException.reshape(size, asked);
            }
            r = size / c;
        } else if (c == -1) {
            if (r == 0 || size % r != 0) {
                throw ShapeException.reshape(size, asked);
            }
            c = size / r;
        }
        if ((long) r * c != size) {
            throw ShapeException.reshape(size, asked);
        }
        return new Matrix(r, c, transposed ? contiguous() : store(), false);
    }

    /** {@code a[:, from:to]}: the columns {@code from} (inclusive) to {@code to} (exclusive), clipped as numpy does. */
    public Matrix columns(int from, int to) {
        int f = Math.max(0, Math.min(cols, from < 0 ? from + cols : from));
        int t = Math.max(f, Math.min(cols, to < 0 ? to + cols : to));
        int width = t - f;
        double[] d = contiguous();
        double[] out = new double[rows * width];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(d, i * cols + f, out, i * width, width);
        }
        return new Matrix(rows, width, out, false);
    }

    /** {@code a[from:to, :]}: the rows {@code from} (inclusive) to {@code to} (exclusive), clipped as numpy does. */
    public Matrix rows(int from, int to) {
        int f = Math.max(0, Math.min(rows, from < 0 ? from + rows : from));
        int t = Math.max(f, Math.min(rows, to < 0 ? to + rows : to));
        double[] d = contiguous();
        return new Matrix(t - f, cols, Arrays.copyOfRange(d, f * cols, t * cols), false);
    }

    /**
     * {@code a[:, indices]}: the columns in the given order, e.g. a permutation for shuffling examples.
     *
     * @throws IndexOutOfBoundsException in numpy's words for an index out of range
     */
    public Matrix selectColumns(int... indices) {
        int width = indices.length;
        int[] idx = new int[width];
        for (int j = 0; j < width; j++) {
            idx[j] = normalise(indices[j], 1, cols);
        }
        double[] d = contiguous();
        double[] out = new double[rows * width];
        for (int i = 0; i < rows; i++) {
            int src = i * cols;
            int dst = i * width;
            for (int j = 0; j < width; j++) {
                out[dst + j] = d[src + idx[j]];
            }
        }
        return new Matrix(rows, width, out, false);
    }

    /** {@code np.concatenate(parts, axis=0)} ({@code np.vstack}): stacks matrices with equal column counts. */
    public static Matrix vstack(Matrix... parts) {
        if (parts.length == 0) {
            throw new ShapeException("need at least one array to concatenate");
        }
        int c = parts[0].cols;
        int r = 0;
        for (int p = 0; p < parts.length; p++) {
            if (parts[p].cols != c) {
                throw ShapeException.concatenate(1, p, c, parts[p].cols);
            }
            r += parts[p].rows;
        }
        double[] out = new double[r * c];
        int at = 0;
        for (Matrix part : parts) {
            double[] d = part.contiguous();
            System.arraycopy(d, 0, out, at, d.length);
            at += d.length;
        }
        return new Matrix(r, c, out, false);
    }

    /** {@code np.concatenate(parts, axis=1)} ({@code np.hstack}): joins matrices with equal row counts. */
    public static Matrix hstack(Matrix... parts) {
        if (parts.length == 0) {
            throw new ShapeException("need at least one array to concatenate");
        }
        int r = parts[0].rows;
        int c = 0;
        for (int p = 0; p < parts.length; p++) {
            if (parts[p].rows != r) {
                throw ShapeException.concatenate(0, p, r, parts[p].rows);
            }
            c += parts[p].cols;
        }
        double[] out = new double[r * c];
        int at = 0;
        for (Matrix part : parts) {
            double[] d = part.contiguous();
            for (int i = 0; i < r; i++) {
                System.arraycopy(d, i * part.cols, out, i * c + at, part.cols);
            }
            at += part.cols;
        }
        return new Matrix(r, c, out, false);
    }

    // ---------------------------------------------------------------- comparison and printing

    /**
     * {@code np.allclose(a, b, rtol, atol)} for equal shapes: {@code |a - b| <= atol + rtol * |b|} everywhere.
     * Different shapes, or a NaN anywhere, give {@code false}.
     */
    public boolean allClose(Matrix other, double rtol, double atol) {
        if (rows != other.rows || cols != other.cols) {
            return false;
        }
        double[] a = contiguous();
        double[] b = other.contiguous();
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                continue;
            }
            if (Double.isInfinite(a[i]) || Double.isInfinite(b[i])) {
                return false;
            }
            double diff = Math.abs(a[i] - b[i]);
            if (!(diff <= atol + rtol * Math.abs(b[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Exact equality of shape and every value (NaN equals NaN, as in {@link Double#equals}). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Matrix other) || rows != other.rows || cols != other.cols) {
            return false;
        }
        return Arrays.equals(contiguous(), other.contiguous());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(contiguous());
    }

    /** The shape and a numpy-like body, truncated with {@code ...} for large matrices. */
    @Override
    public String toString() {
        return "Matrix" + shape() + "\n" + MatrixFormat.body(contiguous(), rows, cols,
                size() > PRINT_THRESHOLD ? PRINT_EDGE_ITEMS : Integer.MAX_VALUE);
    }
}
