package dlcourse.tf;

import dlcourse.core.Matrix;
import java.util.Arrays;
import java.util.Objects;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Constant;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Conversions between {@link Matrix} (double precision, one example per column) and TensorFlow tensors, the Java
 * counterpart of how the course's Python passes numpy arrays to {@code feed_dict} and gets numpy arrays back from
 * {@code sess.run}.
 *
 * <p>Going to TensorFlow, values are rounded to float32, the type the course's networks use. Coming back, float32,
 * float64, int32 and int64 tensors of rank 0, 1 or 2 are read; a scalar becomes a (1, 1) matrix and a vector of
 * length n a (1, n) row, numpy's {@code np.atleast_2d}.
 */
public final class TfMatrices {

    private TfMatrices() {
    }

    /**
     * A new float32 tensor holding the matrix, for feeding a placeholder. The caller closes it.
     *
     * @param m any matrix, shape (r, c)
     * @return a tensor of shape (r, c); entries rounded to float32
     */
    public static TFloat32 tensorOf(Matrix m) {
        Objects.requireNonNull(m, "m");
        return TFloat32.tensorOf(Shape.of(m.rows(), m.cols()), DataBuffers.of(floats(m), true, false));
    }

    /**
     * A float32 constant holding the matrix, {@code tf.constant(m, dtype=tf.float32)}.
     *
     * @param tf the graph (or eager session) to add the constant to
     * @param m  any matrix, shape (r, c)
     * @return a constant operand of shape (r, c)
     */
    public static Constant<TFloat32> constant(Ops tf, Matrix m) {
        Objects.requireNonNull(tf, "tf");
        Objects.requireNonNull(m, "m");
        return tf.constant(Shape.of(m.rows(), m.cols()), DataBuffers.of(floats(m), true, false));
    }

    /**
     * A fetched tensor's values as a matrix. The tensor is read, not closed.
     *
     * @param t a float32, float64, int32 or int64 tensor of rank 0, 1 or 2
     * @return shape (rows, cols) for rank 2, (1, n) for rank 1, (1, 1) for a scalar
     * @throws IllegalArgumentException for a tensor of higher rank or another type
     */
    public static Matrix toMatrix(Tensor t) {
        long[] shape = t.shape().asArray();
        double[] values = values(t);
        return switch (shape.length) {
            case 0 -> Matrix.scalar(values[0]);
            case 1 -> Matrix.of(1, (int) shape[0], values);
            case 2 -> Matrix.of((int) shape[0], (int) shape[1], values);
            default -> throw new IllegalArgumentException("a matrix needs a tensor of rank 0, 1 or 2 but this one has"
                    + " shape " + t.shape());
        };
    }

    /**
     * A fetched tensor's values as an n-dimensional {@link dlcourse.core.Tensor} of the same shape (any rank). The
     * tensor is read, not closed.
     *
     * @param t a float32, float64, int32 or int64 tensor
     * @return the same shape and values, row-major
     */
    public static dlcourse.core.Tensor toTensor(Tensor t) {
        long[] shape = t.shape().asArray();
        int[] dims = Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
        return dlcourse.core.Tensor.of(dims, values(t));
    }

    /**
     * The single value of a fetched scalar (or one-element) tensor. The tensor is read, not closed.
     *
     * @param t a float32, float64, int32 or int64 tensor holding exactly one value
     * @return that value
     * @throws IllegalArgumentException when the tensor holds more or fewer than one value
     */
    public static double toDouble(Tensor t) {
        double[] values = values(t);
        if (values.length != 1) {
            throw new IllegalArgumentException("expected a tensor with one value but its shape is " + t.shape());
        }
        return values[0];
    }

    /** The row-major values of a numeric tensor, widened to double. */
    static double[] values(Tensor t) {
        Objects.requireNonNull(t, "t");
        long size = t.shape().size();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("tensor too large: " + t.shape());
        }
        double[] out = new double[(int) size];
        if (t instanceof TFloat32 f) {
            float[] raw = new float[out.length];
            f.copyTo(DataBuffers.of(raw, false, false));
            for (int i = 0; i < raw.length; i++) {
                out[i] = raw[i];
            }
        } else if (t instanceof TFloat64 d) {
            d.copyTo(DataBuffers.of(out, false, false));
        } else if (t instanceof TInt32 n) {
            int[] raw = new int[out.length];
            n.copyTo(DataBuffers.of(raw, false, false));
            for (int i = 0; i < raw.length; i++) {
                out[i] = raw[i];
            }
        } else if (t instanceof TInt64 n) {
            long[] raw = new long[out.length];
            n.copyTo(DataBuffers.of(raw, false, false));
            for (int i = 0; i < raw.length; i++) {
                out[i] = raw[i];
            }
        } else {
            throw new IllegalArgumentException("expected a float32, float64, int32 or int64 tensor but got "
                    + t.dataType());
        }
        return out;
    }

    private static float[] floats(Matrix m) {
        double[] values = m.toArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
