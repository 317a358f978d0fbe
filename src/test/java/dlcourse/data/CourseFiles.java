package dlcourse.data;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Array;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;

/**
 * Writes small files in the course's formats for the loader tests: HDF5 with jhdf's writer, MAT v5 with MFL's.
 * Pixel values follow {@link #pixel(int, int, int, int)}, which covers 0..255 including values of 128 and above.
 */
final class CourseFiles {

    /** The real course files, present on the development machine but not in every checkout. */
    static final Path REAL_DATA = Path.of(System.getProperty("dlcourse.root", "."), "..", "shared", "datasets")
            .toAbsolutePath().normalize();

    private static final DatasetCreationOptions UNSIGNED = DatasetCreationOptions.builder().unsigned().build();

    private CourseFiles() {
    }

    /** The pixel the test images hold at image i, row r, column c, channel k: spans 0..255. */
    static int pixel(int i, int r, int c, int k) {
        return (i * 71 + r * 37 + c * 11 + k * 101) % 256;
    }

    /** {@code m} images of 64 x 64 x 3 filled with {@link #pixel}, as jhdf writes them (bytes, stored as uint8). */
    static byte[][][][] images(int m) {
        byte[][][][] x = new byte[m][64][64][3];
        for (int i = 0; i < m; i++) {
            for (int r = 0; r < 64; r++) {
                for (int c = 0; c < 64; c++) {
                    for (int k = 0; k < 3; k++) {
                        x[i][r][c][k] = (byte) pixel(i, r, c, k);
                    }
                }
            }
        }
        return x;
    }

    /** The datasets of a course image file, in insertion order; add, replace or remove entries before writing. */
    static Map<String, Object> imageFile(String split, int m, long[] labels, Object classes) {
        Map<String, Object> datasets = new LinkedHashMap<>();
        datasets.put(split + "_set_x", images(m));
        datasets.put(split + "_set_y", labels);
        datasets.put("list_classes", classes);
        return datasets;
    }

    /** Writes the datasets with jhdf; byte arrays are stored as uint8, as h5py stores the course's images. */
    static Path writeHdf5(Path file, Map<String, Object> datasets) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            datasets.forEach((name, data) -> {
                if (data instanceof byte[][][][] || data instanceof byte[][][]) {
                    hdf.putDataset(name, data, UNSIGNED);
                } else {
                    hdf.putDataset(name, data);
                }
            });
        }
        return file;
    }

    /** Writes the datasets with jhdf exactly as given (a byte array becomes signed int8). */
    static Path writeHdf5Signed(Path file, Map<String, Object> datasets) {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            datasets.forEach(hdf::putDataset);
        }
        return file;
    }

    /** A MAT file with the football layout: {@code X} (m, 2) double, {@code y} (m, 1) uint8, same for validation. */
    static Map<String, Array> footballFile(double[][] x, int[] y, double[][] xval, int[] yval) {
        Map<String, Array> variables = new LinkedHashMap<>();
        variables.put("X", doubles(x));
        variables.put("y", uint8Column(y));
        variables.put("yval", uint8Column(yval));
        variables.put("Xval", doubles(xval));
        return variables;
    }

    /** A MATLAB double matrix holding {@code rows}. */
    static Matrix doubles(double[][] rows) {
        Matrix matrix = Mat5.newMatrix(rows.length, rows.length == 0 ? 0 : rows[0].length);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                matrix.setDouble(i, j, rows[i][j]);
            }
        }
        return matrix;
    }

    /** A MATLAB uint8 column vector, as scipy reads the course's labels. */
    static Matrix uint8Column(int[] values) {
        Matrix matrix = Mat5.newMatrix(values.length, 1, MatlabType.UInt8);
        for (int i = 0; i < values.length; i++) {
            matrix.setInt(i, 0, values[i]);
        }
        return matrix;
    }

    /** Writes the variables with MFL. */
    static Path writeMat(Path file, Map<String, Array> variables) throws IOException {
        try (Mat5File mat = Mat5.newMatFile()) {
            variables.forEach(mat::addArray);
            Mat5.writeToFile(mat, file.toFile());
        }
        return file;
    }

    /** Cuts the file to {@code length} bytes, as an interrupted download would. */
    static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
        }
    }

    /**
     * The dataset whose raw data ends last in the file, and that end offset. jhdf's writer stores each dataset's
     * data after its header and may leave a few trailing bytes, so cutting the file just before this offset
     * damages data while every header stays readable.
     */
    static Map.Entry<String, Long> lastDataEnd(Path file) {
        try (HdfFile hdf = new HdfFile(file)) {
            Map.Entry<String, Long> last = Map.entry("", 0L);
            for (Node node : hdf) {
                if (node instanceof ContiguousDataset dataset) {
                    long end = dataset.getDataAddress() + dataset.getSizeInBytes();
                    if (end > last.getValue()) {
                        last = Map.entry(dataset.getName(), end);
                    }
                }
            }
            return last;
        }
    }

    /** The file's size in bytes. */
    static long size(Path file) throws IOException {
        return Files.size(file);
    }
}
