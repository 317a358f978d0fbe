package dlcourse.data;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.StringData;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads one of the course's HDF5 image files ({@code train_catvnoncat.h5}, {@code test_signs.h5}, ...) with jhdf
 * and checks it against the course's layout: {@code <split>_set_x} (m, 64, 64, 3) uint8,
 * {@code <split>_set_y} (m,) integers, {@code list_classes} (k,) strings or integers.
 */
final class Hdf5Images {

    /** Height and width of every course image, in pixels. */
    static final int IMAGE_SIZE = 64;

    /** Colour channels (RGB) of every course image. */
    static final int CHANNELS = 3;

    /** The dataset holding the class names, in every course image file. */
    static final String CLASSES = "list_classes";

    /**
     * The contents of one file.
     *
     * @param images  the images (m, 64, 64, 3) and labels (1, m)
     * @param classes the class names, indexed by label
     */
    record Contents(LabeledImages images, List<String> classes) {

        /** Copies the class list. */
        Contents {
            classes = List.copyOf(classes);
        }
    }

    private Hdf5Images() {
    }

    /**
     * Reads {@code <split>_set_x}, {@code <split>_set_y} and {@code list_classes}; the file is closed on return.
     *
     * @param file  the HDF5 file
     * @param split the dataset prefix, {@code "train"} or {@code "test"}
     * @return the images, labels and class names
     * @throws DatasetFormatException if the file cannot be read or does not have the course's layout
     */
    static Contents read(Path file, String split) {
        String xName = split + "_set_x";
        String yName = split + "_set_y";
        try (HdfFile hdf = new HdfFile(file)) {
            Dataset xs = dataset(hdf, file, xName);
            int[] dims = xs.getDimensions();
            if (dims.length != 4 || dims[1] != IMAGE_SIZE || dims[2] != IMAGE_SIZE || dims[3] != CHANNELS) {
                throw new DatasetFormatException(file, "dataset '" + xName + "' has shape " + Tensor.formatShape(dims)
                        + " but (m, " + IMAGE_SIZE + ", " + IMAGE_SIZE + ", " + CHANNELS + ") was expected");
            }
            if (!(xs.getDataType() instanceof FixedPoint pixels) || pixels.isSigned() || pixels.getSize() != 1) {
                throw new DatasetFormatException(file, "dataset '" + xName + "' has dtype " + dtype(xs.getDataType())
                        + " but uint8 pixels were expected");
            }
            int m = dims[0];
            Dataset ys = dataset(hdf, file, yName);
            int[] yDims = ys.getDimensions();
            if (yDims.length != 1) {
                throw new DatasetFormatException(file, "dataset '" + yName + "' has shape " + Tensor.formatShape(yDims)
                        + " but (m,) was expected");
            }
            if (yDims[0] != m) {
                throw new DatasetFormatException(file, "dataset '" + xName + "' holds " + m + " images but '" + yName
                        + "' holds " + yDims[0] + " labels");
            }
            requireIntegers(file, ys, "integer labels");
            List<String> classes = classes(hdf, file);

            double[] pixelValues = pixels(file, xs);
            double[] labels = labels(file, ys, classes.size());
            LabeledImages images = new LabeledImages(Tensor.of(dims, pixelValues), Matrix.of(1, m, labels));
            return new Contents(images, classes);
        } catch (DatasetFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // jhdf reports truncated or corrupt files with a variety of unchecked exceptions.
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new DatasetFormatException(file, "cannot be read as an HDF5 file (truncated or corrupt?): " + reason, e);
        }
    }

    private static Dataset dataset(HdfFile hdf, Path file, String name) {
        Node node = hdf.getChild(name);
        if (node == null) {
            throw new DatasetFormatException(file, "dataset '" + name + "' is missing (the file holds: "
                    + String.join(", ", new TreeSet<>(hdf.getChildren().keySet())) + ")");
        }
        if (!(node instanceof Dataset dataset)) {
            throw new DatasetFormatException(file, "'" + name + "' is a " + node.getType().name().toLowerCase()
                    + " but a dataset was expected");
        }
        requireWithinFile(hdf, file, dataset);
        return dataset;
    }

    /**
     * jhdf maps contiguous data without checking the file's length, so a truncated file would yield garbage for the
     * missing bytes instead of an error; this check turns that into a clear message.
     */
    private static void requireWithinFile(HdfFile hdf, Path file, Dataset dataset) {
        if (dataset instanceof ContiguousDataset contiguous && !dataset.isEmpty()) {
            long end = hdf.getUserBlockSize() + contiguous.getDataAddress() + dataset.getSizeInBytes();
            if (end > hdf.size()) {
                throw new DatasetFormatException(file, "is truncated: dataset '" + dataset.getName()
                        + "' needs bytes up to offset " + end + " but the file has only " + hdf.size() + " bytes");
            }
        }
    }

    private static List<String> classes(HdfFile hdf, Path file) {
        Dataset ds = dataset(hdf, file, CLASSES);
        if (ds.getDimensions().length != 1) {
            throw new DatasetFormatException(file, "dataset '" + CLASSES + "' has shape "
                    + Tensor.formatShape(ds.getDimensions()) + " but (k,) was expected");
        }
        List<String> names = new ArrayList<>();
        if (ds.getDataType() instanceof StringData) {
            for (String name : (String[]) ds.getDataFlat()) {
                names.add(name);
            }
        } else if (ds.getDataType() instanceof FixedPoint) {
            for (long value : integers(ds.getDataFlat())) {
                names.add(Long.toString(value));
            }
        } else {
            throw new DatasetFormatException(file, "dataset '" + CLASSES + "' has dtype " + dtype(ds.getDataType())
                    + " but strings or integers were expected");
        }
        return names;
    }

    private static double[] pixels(Path file, Dataset xs) {
        // jhdf widens unsigned 8-bit data to int, so values 128..255 arrive intact (not as negative bytes).
        if (!(xs.getDataFlat() instanceof int[] raw)) {
            throw new DatasetFormatException(file, "dataset '" + xs.getName() + "' could not be read as uint8 pixels");
        }
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            values[i] = raw[i];
        }
        return values;
    }

    private static double[] labels(Path file, Dataset ys, int classCount) {
        long[] raw = integers(ys.getDataFlat());
        double[] values = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] < 0 || raw[i] >= classCount) {
                throw new DatasetFormatException(file, "dataset '" + ys.getName() + "' holds label " + raw[i]
                        + " for example " + i + " but '" + CLASSES + "' lists " + classCount + " classes");
            }
            values[i] = raw[i];
        }
        return values;
    }

    private static void requireIntegers(Path file, Dataset ds, String what) {
        if (!(ds.getDataType() instanceof FixedPoint)) {
            throw new DatasetFormatException(file, "dataset '" + ds.getName() + "' has dtype " + dtype(ds.getDataType())
                    + " but " + what + " were expected");
        }
    }

    /** Widens any integer array jhdf returns (byte, short, int, long, or BigInteger for uint64) to long. */
    private static long[] integers(Object flat) {
        int n = Array.getLength(flat);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            Object value = Array.get(flat, i);
            values[i] = value instanceof BigInteger big ? big.longValueExact() : ((Number) value).longValue();
        }
        return values;
    }

    /** numpy's name for an HDF5 type, for error messages: {@code uint8}, {@code int64}, {@code float32}, ... */
    private static String dtype(DataType type) {
        if (type instanceof FixedPoint fixed) {
            return (fixed.isSigned() ? "int" : "uint") + fixed.getSize() * 8;
        }
        if (type instanceof FloatingPoint) {
            return "float" + type.getSize() * 8;
        }
        if (type instanceof StringData) {
            return "string";
        }
        return type.getClass().getSimpleName();
    }
}
