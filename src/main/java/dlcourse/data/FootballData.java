package dlcourse.data;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Sparse;

/**
 * The "football" data of the regularization assignment: positions on a football field (2 coordinates) where the
 * French goalkeeper kicked the ball, labelled 1 when a French player headed it and 0 otherwise. 211 training
 * and 200 test points, read from the MATLAB file {@value #FILE} and transposed to one column per example, as the
 * course's {@code load_2D_dataset()} does.
 *
 * @param train the training points, x (2, 211), y (1, 211) of 0/1
 * @param test  the test points, x (2, 200), y (1, 200) of 0/1
 */
public record FootballData(LabeledData train, LabeledData test) {

    /** The MAT file's name. */
    public static final String FILE = "data.mat";

    /** Coordinates per point. */
    private static final int FEATURES = 2;

    /** Checks that nothing is missing. */
    public FootballData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }

    /**
     * Loads {@value #FILE} from the {@linkplain DataDirectory#standard() standard data directory}.
     *
     * @return the training and test points
     * @throws DatasetNotFoundException if the file is in none of the searched places
     * @throws DatasetFormatException   if the file is truncated, corrupt or not laid out as the course's file
     */
    public static FootballData load() {
        return load(DataDirectory.standard());
    }

    /**
     * Loads {@value #FILE} from the given data directory: the MAT variables {@code X} (211, 2) and {@code y}
     * (211, 1) become the training set, {@code Xval} (200, 2) and {@code yval} (200, 1) the test set, each
     * transposed.
     *
     * @param directory where to look for the file
     * @return the training and test points
     * @throws DatasetNotFoundException if the file is in none of the directory's locations
     * @throws DatasetFormatException   if the file is truncated, corrupt or not laid out as the course's file
     */
    public static FootballData load(DataDirectory directory) {
        Path file = directory.find(FILE);
        try (Mat5File mat = Mat5.readFromFile(file.toFile())) {
            return new FootballData(split(mat, file, "X", "y"), split(mat, file, "Xval", "yval"));
        } catch (DatasetFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // MFL reports a short file as an IOException wrapping EOFException, a foreign file as one wrapping
            // IllegalArgumentException.
            String reason = e.getCause() != null ? e.getCause().toString() : e.toString();
            throw new DatasetFormatException(file, "cannot be read as a MATLAB 5 MAT-file (truncated or corrupt?): "
                    + reason, e);
        }
    }

    private static LabeledData split(MatFile mat, Path file, String xName, String yName) {
        us.hebi.matlab.mat.types.Matrix x = numeric(mat, file, xName);
        us.hebi.matlab.mat.types.Matrix y = numeric(mat, file, yName);
        int m = x.getNumRows();
        if (x.getNumDimensions() != 2 || x.getNumCols() != FEATURES) {
            throw new DatasetFormatException(file, "variable '" + xName + "' has shape " + shapeOf(x)
                    + " but (m, " + FEATURES + ") was expected");
        }
        if (y.getNumDimensions() != 2 || y.getNumCols() != 1) {
            throw new DatasetFormatException(file, "variable '" + yName + "' has shape " + shapeOf(y)
                    + " but (m, 1) was expected");
        }
        if (y.getNumRows() != m) {
            throw new DatasetFormatException(file, "variable '" + xName + "' holds " + m + " points but '" + yName
                    + "' holds " + y.getNumRows() + " labels");
        }
        double[] features = new double[FEATURES * m];
        double[] labels = new double[m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < FEATURES; i++) {
                features[i * m + j] = x.getDouble(j, i);
            }
            labels[j] = y.getDouble(j, 0);
            if (labels[j] != 0 && labels[j] != 1) {
                throw new DatasetFormatException(file, "variable '" + yName + "' holds " + labels[j] + " in row " + j
                        + " but labels must be 0 or 1");
            }
        }
        return new LabeledData(Matrix.of(FEATURES, m, features), Matrix.of(1, m, labels));
    }

    private static us.hebi.matlab.mat.types.Matrix numeric(MatFile mat, Path file, String name) {
        List<String> names = new ArrayList<>();
        for (MatFile.Entry entry : mat.getEntries()) {
            names.add(entry.getName());
        }
        if (!names.contains(name)) {
            throw new DatasetFormatException(file, "variable '" + name + "' is missing (the file holds: "
                    + (names.isEmpty() ? "no variables" : String.join(", ", new TreeSet<>(names))) + ")");
        }
        Array array = mat.getArray(name);
        if (!(array instanceof us.hebi.matlab.mat.types.Matrix matrix) || array instanceof Sparse
                || matrix.isComplex()) {
            throw new DatasetFormatException(file, "variable '" + name + "' is of MATLAB type " + array.getType()
                    + " but a real, dense numeric matrix was expected");
        }
        return matrix;
    }

    private static String shapeOf(Array array) {
        return Tensor.formatShape(array.getDimensions());
    }
}
