package dlcourse.core;

import java.util.Arrays;

/**
 * An immutable N-dimensional array of doubles laid out in numpy's C order (row-major: the last axis varies
 * fastest), used where the course keeps data with more than two axes, chiefly image batches of shape
 * {@code (m, 64, 64, 3)}.
 *
 * <p>The operations follow numpy's semantics and error wording, so that a student's
 * {@code X.reshape(X.shape[0], -1).T / 255} reads {@code x.reshape(x.dim(0), -1).transpose().divide(255)}
 * and yields the same numbers: column {@code i} of the (12288, m) result is image {@code i} flattened in
 * (row, column, channel) order. Indices and axes may be negative and count from the end, as in numpy.
 *
 * <p>Every operation returns a new tensor; the receiver is never modified. Arrays passed in or handed out are
 * copies.
 */
public final class Tensor {

    /** Largest number of entries a tensor may hold (the JVM's practical array limit). */
    private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    /** Number of leading and trailing values {@link #toString()} shows. */
    private static final int PRINT_EDGE = 3;

    private final int[] shape;
    private final double[] data;

    /**
     * Takes both arrays without copying; their sizes must agree. Tensors never write to their data after
     * construction, which is why {@link #reshape(int...)} may share its data array with the receiver.
     */
    private Tensor(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * A tensor holding a copy of {@code rowMajor}, read in C order.
     *
     * @param shape    the dimensions, each {@code >= 0}; an empty array makes a 0-d tensor holding one value
     * @param rowMajor the values, last axis fastest; its length must equal the product of {@code shape}
     * @return a new tensor of the given shape
     * @throws IllegalArgumentException if a dimension is negative, the size overflows, or the value count differs
     */
    public static Tensor of(int[] shape, double... rowMajor) {
        int[] dims = shape.clone();
        int size = checkedSize(dims);
        if (rowMajor.length != size) {
            throw new IllegalArgumentException("shape " + formatShape(dims) + " needs " + size + " values but "
                    + rowMajor.length + " were given");
        }
        return new Tensor(dims, rowMajor.clone());
    }

    /**
     * A tensor of zeros.
     *
     * @param shape the dimensions, each {@code >= 0}
     * @return a new tensor of the given shape filled with {@code 0.0}
     * @throws IllegalArgumentException if a dimension is negative or the size overflows
     */
    public static Tensor zeros(int... shape) {
        int[] dims = shape.clone();
        return new Tensor(dims, new double[checkedSize(dims)]);
    }

    /**
     * The dimensions, e.g. {@code [209, 64, 64, 3]} for the cat training images.
     *
     * @return a copy of the shape (changing it does not change the tensor)
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * One dimension, numpy's {@code X.shape[axis]}.
     *
     * @param axis the axis, {@code -ndim() <= axis < ndim()}; negative values count from the end
     * @return the length of that axis
     * @throws ShapeException if the axis does not exist
     */
    public int dim(int axis) {
        return shape[normalizeAxis(axis)];
    }

    /**
     * Number of axes (numpy's {@code ndim}).
     *
     * @return {@code shape().length}
     */
    public int ndim() {
        return shape.length;
    }

    /**
     * Number of entries (numpy's {@code size}).
     *
     * @return the product of the dimensions ({@code 1} for a 0-d tensor)
     */
    public int size() {
        return data.length;
    }

    /**
     * One entry, numpy's {@code X[i, j, k, c]}.
     *
     * @param index one index per axis; negative indices count from the end of their axis
     * @return the entry
     * @throws ShapeException           if the number of indices is not {@link #ndim()}
     * @throws IndexOutOfBoundsException if an index is outside its axis, in numpy's words
     */
    public double get(int... index) {
        if (index.length > shape.length) {
            throw new ShapeException("too many indices for array: array is " + shape.length
                    + "-dimensional, but " + index.length + " were indexed");
        }
        if (index.length < shape.length) {
            throw new ShapeException("get needs " + shape.length + " indices for an array of shape "
                    + formatShape(shape) + " but " + index.length + " were given");
        }
        int offset = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            offset = offset * shape[axis] + normalizeIndex(index[axis], axis);
        }
        return data[offset];
    }

    /**
     * numpy's {@code reshape}: the same values in the same C order under a new shape. One dimension may be
     * {@code -1}; it is inferred from the size.
     *
     * @param dims the new dimensions, each {@code >= 0} except at most one {@code -1}
     * @return a tensor of the new shape with the same values
     * @throws ShapeException if more than one dimension is {@code -1}, a dimension is otherwise negative,
     *                        or the sizes differ ("cannot reshape array of size 12 into shape (5,newaxis)")
     */
    public Tensor reshape(int... dims) {
        int[] target = dims.clone();
        int unknown = -1;
        long known = 1;
        for (int axis = 0; axis < target.length; axis++) {
            if (target[axis] == -1) {
                if (unknown >= 0) {
                    throw new ShapeException("can only specify one unknown dimension");
                }
                unknown = axis;
            } else if (target[axis] < 0) {
                throw new ShapeException("negative dimensions are not allowed: " + formatReshapeTarget(target));
            } else {
                known *= target[axis];
            }
        }
        if (unknown >= 0) {
            if (known == 0 || data.length % known != 0) {
                throw cannotReshape(target);
            }
            target[unknown] = (int) (data.length / known);
        } else if (known != data.length) {
            throw cannotReshape(target);
        }
        return new Tensor(target, data);
    }

    /**
     * numpy's {@code .T}: all axes reversed, so shape {@code (a, b, c)} becomes {@code (c, b, a)} and entry
     * {@code [i, j, k]} moves to {@code [k, j, i]}. For a 2-D tensor this is the matrix transpose.
     *
     * @return a new tensor with the axes in reverse order
     */
    public Tensor transpose() {
        int[] axes = new int[shape.length];
        for (int axis = 0; axis < axes.length; axis++) {
            axes[axis] = shape.length - 1 - axis;
        }
        return permute(axes);
    }

    /**
     * numpy's {@code transpose(axes)}: axis {@code k} of the result is axis {@code axes[k]} of this tensor.
     *
     * @param axes a permutation of {@code 0 .. ndim()-1}; negative values count from the end
     * @return a new tensor with shape {@code (shape[axes[0]], shape[axes[1]], ...)}
     * @throws ShapeException if {@code axes} is not a permutation of this tensor's axes, in numpy's words
     */
    public Tensor transpose(int... axes) {
        if (axes.length != shape.length) {
            throw new ShapeException("axes don't match array");
        }
        int[] normalized = new int[axes.length];
        boolean[] seen = new boolean[axes.length];
        for (int k = 0; k < axes.length; k++) {
            normalized[k] = normalizeAxis(axes[k]);
            if (seen[normalized[k]]) {
                throw new ShapeException("repeated axis in transpose");
            }
            seen[normalized[k]] = true;
        }
        return permute(normalized);
    }

    /**
     * The same values as a {@link Matrix}; only for 2-D tensors.
     *
     * @return a new matrix of shape {@code (dim(0), dim(1))}
     * @throws ShapeException if this tensor is not 2-D (the message names its shape)
     */
    public Matrix toMatrix() {
        if (shape.length != 2) {
            throw new ShapeException("toMatrix needs a 2-D tensor but this one has shape "
                    + formatShape(shape) + "; reshape it first, e.g. reshape(m, -1)");
        }
        return Matrix.of(shape[0], shape[1], data);
    }

    /**
     * Elementwise division by a scalar, numpy's {@code X / divisor} (e.g. {@code divide(255)} for pixels).
     *
     * @param divisor the scalar to divide every entry by; IEEE rules apply to zero
     * @return a new tensor of the same shape
     */
    public Tensor divide(double divisor) {
        double[] out = new double[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] / divisor;
        }
        return new Tensor(shape.clone(), out);
    }

    /**
     * The sub-array {@code X[from:to]} along axis 0, e.g. a subset of images. As in numpy (and
     * {@link Matrix#columns(int, int)}), negative bounds count from the end and bounds beyond the axis are clipped,
     * so the result may be shorter than asked, or empty.
     *
     * @param from first index along axis 0, inclusive
     * @param to   end index along axis 0, exclusive
     * @return a new tensor of shape {@code (k, dim(1), ...)} where {@code k} is the clipped length of the range
     * @throws IllegalArgumentException if this tensor is 0-d
     */
    public Tensor slice(int from, int to) {
        requireAxisZero("slice");
        int n = shape[0];
        int first = Math.max(0, Math.min(n, from < 0 ? from + n : from));
        int end = Math.max(first, Math.min(n, to < 0 ? to + n : to));
        int stride = n == 0 ? 0 : data.length / n;
        int[] dims = shape.clone();
        dims[0] = end - first;
        return new Tensor(dims, Arrays.copyOfRange(data, first * stride, end * stride));
    }

    /**
     * The sub-array {@code X[i]}: one entry along axis 0, e.g. image {@code i} of shape (64, 64, 3).
     *
     * @param i the index along axis 0; negative values count from the end
     * @return a new tensor with the remaining axes, shape {@code (dim(1), dim(2), ...)}
     * @throws IllegalArgumentException  if this tensor is 0-d
     * @throws IndexOutOfBoundsException if {@code i} is outside axis 0, in numpy's words
     */
    public Tensor index(int i) {
        requireAxisZero("index");
        int row = normalizeIndex(i, 0);
        int stride = data.length / shape[0];
        return new Tensor(Arrays.copyOfRange(shape, 1, shape.length),
                Arrays.copyOfRange(data, row * stride, (row + 1) * stride));
    }

    /**
     * All entries in C order (numpy's {@code X.ravel()}).
     *
     * @return a copy of the values, length {@link #size()}
     */
    public double[] toArray() {
        return data.clone();
    }

    /**
     * Formats a shape as numpy prints it: {@code (209, 64, 64, 3)}, {@code (12,)} for one axis, {@code ()} for none.
     *
     * @param shape the dimensions
     * @return the numpy spelling of the shape
     */
    public static String formatShape(int... shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int axis = 0; axis < shape.length; axis++) {
            text.append(axis == 0 ? "" : ", ").append(shape[axis]);
        }
        return text.append(')').toString();
    }

    /** Equal when the shapes are equal and the values are equal bit for bit (as {@link Arrays#equals(double[], double[])}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor that && Arrays.equals(shape, that.shape) && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /** The shape and the first and last few values in C order, e.g. {@code Tensor(2, 3, 4) [0.0, 1.0, 2.0, ..., 23.0]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Tensor").append(formatShape(shape)).append(" [");
        for (int i = 0; i < data.length; i++) {
            if (data.length > 2 * PRINT_EDGE && i == PRINT_EDGE) {
                text.append(", ...");
                i = data.length - PRINT_EDGE;
            }
            text.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return text.append(']').toString();
    }

    private Tensor permute(int[] axes) {
        int n = shape.length;
        int[] outShape = new int[n];
        int[] sourceStrides = new int[n];
        int[] strides = stridesOf(shape);
        for (int k = 0; k < n; k++) {
            outShape[k] = shape[axes[k]];
            sourceStrides[k] = strides[axes[k]];
        }
        double[] out = new double[data.length];
        int[] counter = new int[n];
        int source = 0;
        for (int target = 0; target < out.length; target++) {
            out[target] = data[source];
            // Advance the output position like an odometer, keeping the source offset in step.
            for (int k = n - 1; k >= 0; k--) {
                if (++counter[k] < outShape[k]) {
                    source += sourceStrides[k];
                    break;
                }
                source -= (outShape[k] - 1) * sourceStrides[k];
                counter[k] = 0;
            }
        }
        return new Tensor(outShape, out);
    }

    private static int[] stridesOf(int[] dims) {
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            strides[axis] = stride;
            stride *= dims[axis];
        }
        return strides;
    }

    private int normalizeAxis(int axis) {
        int normalized = axis < 0 ? axis + shape.length : axis;
        if (normalized < 0 || normalized >= shape.length) {
            throw new ShapeException("axis " + axis + " is out of bounds for array of dimension " + shape.length);
        }
        return normalized;
    }

    private int normalizeIndex(int index, int axis) {
        int normalized = index < 0 ? index + shape[axis] : index;
        if (normalized < 0 || normalized >= shape[axis]) {
            throw ShapeException.index(index, axis, shape[axis]);
        }
        return normalized;
    }

    private void requireAxisZero(String operation) {
        if (shape.length == 0) {
            throw new IllegalArgumentException(operation + " needs at least one axis but the array is 0-dimensional");
        }
    }

    private ShapeException cannotReshape(int[] target) {
        return ShapeException.reshape(data.length, formatReshapeTarget(target));
    }

    /** numpy's spelling of a requested shape in reshape errors: no spaces, {@code -1} shown as {@code newaxis}. */
    private static String formatReshapeTarget(int[] target) {
        StringBuilder text = new StringBuilder("(");
        for (int axis = 0; axis < target.length; axis++) {
            text.append(axis == 0 ? "" : ",").append(target[axis] == -1 ? "newaxis" : String.valueOf(target[axis]));
        }
        return text.append(target.length == 1 ? ",)" : ")").toString();
    }

    private static int checkedSize(int[] dims) {
        long size = 1;
        for (int dim : dims) {
            if (dim < 0) {
                throw new IllegalArgumentException("negative dimensions are not allowed: " + formatShape(dims));
            }
            size *= dim;
            if (size > MAX_SIZE) {
                throw new IllegalArgumentException("array is too big: " + formatShape(dims));
            }
        }
        return (int) size;
    }
}
