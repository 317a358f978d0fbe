package dlcourse.data;

import dlcourse.core.Matrix;
import java.util.Objects;

/**
 * Examples and their labels in the course's layout: one column per example.
 *
 * @param x the inputs, shape (features, m)
 * @param y the labels, shape (1, m)
 */
public record LabeledData(Matrix x, Matrix y) {

    /**
     * Checks that there is one label per example.
     *
     * @throws IllegalArgumentException if {@code y} is not of shape (1, m) with m the columns of {@code x}
     */
    public LabeledData {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (y.rows() != 1 || y.cols() != x.cols()) {
            throw new IllegalArgumentException("labels must have shape (1, " + x.cols() + ") to match X of shape "
                    + x.shape() + ", but Y has shape " + y.shape());
        }
    }

    /** The number of examples m, the number of columns of {@code x} and {@code y}. */
    public int examples() {
        return x.cols();
    }

    /** The number of input features, the number of rows of {@code x}. */
    public int features() {
        return x.rows();
    }
}
