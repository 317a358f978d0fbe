package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import dlcourse.data.LabeledImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The SIGNS pictures prepared as the course's notebook prepares them for assignment 9 (given code there, not an
 * exercise): flattened to one column per picture and scaled to [0, 1], labels one-hot with the classes along the
 * rows; and, since the training file is not always available, a stratified split of one set of pictures.
 */
public final class SignsData {

    /** The number of classes: hand signs 0 to 5. */
    public static final int CLASSES = 6;

    private SignsData() {
    }

    /**
     * Flattened, scaled pictures and one-hot labels.
     *
     * @param x pictures, shape (12288, m), values in [0, 1]
     * @param y one-hot labels, shape (6, m)
     */
    public record Prepared(Matrix x, Matrix y) {
        /** Checks that there is one label column per picture. */
        public Prepared {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            if (x.cols() != y.cols()) {
                throw new IllegalArgumentException(x.cols() + " pictures but " + y.cols() + " labels");
            }
        }

        /** The number of pictures m. */
        public int examples() {
            return x.cols();
        }
    }

    /**
     * A split of one set of pictures into a training and a test part.
     *
     * @param train the first pictures of each class
     * @param test  the others
     */
    public record Split(LabeledImages train, LabeledImages test) {
        /** Rejects missing parts. */
        public Split {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(test, "test");
        }
    }

    /**
     * The pictures as the model reads them.
     *
     * @param images pictures (m, 64, 64, 3) with values 0..255 and labels (1, m) with values 0..5
     * @return x (12288, m) with column i = picture i in (row, column, channel) order divided by 255, and y (6, m)
     */
    public static Prepared prepare(LabeledImages images) {
        Tensor x = images.x();
        int m = x.dim(0);
        return new Prepared(x.reshape(m, -1).transpose().toMatrix().divide(255.0), oneHot(images.y()));
    }

    /**
     * One-hot labels, the course's {@code convert_to_one_hot(Y, 6)}.
     *
     * @param labels class indices 0..5, shape (1, m)
     * @return shape (6, m) with a single 1 per column, in the row of the label
     * @throws IllegalArgumentException for a label outside 0..5
     */
    public static Matrix oneHot(Matrix labels) {
        int m = labels.cols();
        double[] values = new double[CLASSES * m];
        for (int i = 0; i < m; i++) {
            double label = labels.get(0, i);
            if (label < 0 || label >= CLASSES || label != Math.rint(label)) {
                throw new IllegalArgumentException("label " + label + " of picture " + i + " is not one of 0.."
                        + (CLASSES - 1));
            }
            values[(int) label * m + i] = 1;
        }
        return Matrix.of(CLASSES, m, values);
    }

    /**
     * A stratified split that keeps the file's order: the first {@code perClass} pictures of every class go to the
     * training part, the rest to the test part.
     *
     * @param images   pictures (m, 64, 64, 3) and labels (1, m)
     * @param perClass training pictures per class, at least 1
     * @return both parts, each in the file's order
     * @throws IllegalArgumentException when a class has no more than {@code perClass} pictures (the test part would
     *                                  lack it)
     */
    public static Split split(LabeledImages images, int perClass) {
        if (perClass < 1) {
            throw new IllegalArgumentException("at least one training picture per class, not " + perClass);
        }
        int[] seen = new int[CLASSES];
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < images.examples(); i++) {
            int label = (int) images.y().get(0, i);
            (seen[label]++ < perClass ? train : test).add(i);
        }
        for (int c = 0; c < CLASSES; c++) {
            if (seen[c] <= perClass) {
                throw new IllegalArgumentException("class " + c + " has " + seen[c] + " pictures: none would be left"
                        + " for testing after " + perClass + " for training");
            }
        }
        return new Split(select(images, train), select(images, test));
    }

    private static LabeledImages select(LabeledImages images, List<Integer> indices) {
        Tensor x = images.x();
        int[] shape = x.shape();
        int size = x.size() / shape[0];
        double[] all = x.toArray();
        double[] values = new double[indices.size() * size];
        double[] labels = new double[indices.size()];
        for (int k = 0; k < indices.size(); k++) {
            int i = indices.get(k);
            System.arraycopy(all, i * size, values, k * size, size);
            labels[k] = images.y().get(0, i);
        }
        shape[0] = indices.size();
        return new LabeledImages(Tensor.of(shape, values), Matrix.row(labels));
    }
}
