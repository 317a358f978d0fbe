package dlcourse.data;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import java.util.Objects;

/**
 * Images and their labels as the course's HDF5 files store them: the images stacked along the first axis
 * (flattening them to one column per example is the student's exercise), the labels one per column.
 *
 * @param x the images, shape (m, height, width, channels), e.g. (209, 64, 64, 3), pixel values 0..255
 * @param y the labels, shape (1, m), class indices as doubles
 */
public record LabeledImages(Tensor x, Matrix y) {

    /**
     * Checks that {@code x} is a 4-D batch and that there is one label per image.
     *
     * @throws IllegalArgumentException if {@code x} is not 4-D or {@code y} is not of shape (1, m)
     */
    public LabeledImages {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.ndim() != 4) {
            throw new IllegalArgumentException("images must have shape (m, height, width, channels) but x has shape "
                    + Tensor.formatShape(x.shape()));
        }
        if (y.rows() != 1 || y.cols() != x.dim(0)) {
            throw new IllegalArgumentException("x has m = " + x.dim(0) + " images but y has shape " + y.shape()
                    + "; expected (1, " + x.dim(0) + ")");
        }
    }

    /**
     * The number of images m.
     *
     * @return {@code x.dim(0)}, equal to {@code y.cols()}
     */
    public int examples() {
        return x.dim(0);
    }

    /**
     * Images {@code from} (inclusive) to {@code to} (exclusive) with their labels, numpy's
     * {@code X[from:to], Y[:, from:to]}, e.g. to split one file into training and test parts. Bounds follow
     * numpy's slicing rules (negative counts from the end, out-of-range is clipped).
     *
     * @param from first image, inclusive
     * @param to   end of the range, exclusive
     * @return x of shape (k, height, width, channels) and y of shape (1, k), k the clipped length of the range
     */
    public LabeledImages slice(int from, int to) {
        return new LabeledImages(x.slice(from, to), y.columns(from, to));
    }
}
