package dlcourse.data;

import java.util.List;
import java.util.Objects;

/**
 * The cat / non-cat images of the logistic-regression and deep-network application assignments: 209 training and
 * 50 test pictures of 64 x 64 RGB pixels, labelled 1 (cat) or 0 (non-cat). This is the course's
 * {@code load_dataset()}.
 *
 * @param train   the training images, x (209, 64, 64, 3) with pixel values 0..255, y (1, 209)
 * @param test    the test images, x (50, 64, 64, 3), y (1, 50)
 * @param classes the class names indexed by label, {@code ["non-cat", "cat"]} (from the test file, as the course
 *                reads them)
 */
public record CatImages(LabeledImages train, LabeledImages test, List<String> classes) {

    /** The training file's name. */
    public static final String TRAIN_FILE = "train_catvnoncat.h5";

    /** The test file's name. */
    public static final String TEST_FILE = "test_catvnoncat.h5";

    /** Checks that nothing is missing and copies the class list. */
    public CatImages {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        classes = List.copyOf(classes);
    }

    /**
     * Loads both files from the {@linkplain DataDirectory#standard() standard data directory}.
     *
     * @return the training and test images
     * @throws DatasetNotFoundException if a file is in none of the searched places
     * @throws DatasetFormatException   if a file is truncated, corrupt or not laid out as the course's file
     */
    public static CatImages load() {
        return load(DataDirectory.standard());
    }

    /**
     * Loads {@value #TRAIN_FILE} (datasets {@code train_set_x}, {@code train_set_y}) and {@value #TEST_FILE}
     * ({@code test_set_x}, {@code test_set_y}, {@code list_classes}) from the given data directory.
     *
     * @param directory where to look for the files
     * @return the training and test images
     * @throws DatasetNotFoundException if a file is in none of the directory's locations
     * @throws DatasetFormatException   if a file is truncated, corrupt or not laid out as the course's file
     */
    public static CatImages load(DataDirectory directory) {
        Hdf5Images.Contents train = Hdf5Images.read(directory.find(TRAIN_FILE), "train");
        Hdf5Images.Contents test = Hdf5Images.read(directory.find(TEST_FILE), "test");
        return new CatImages(train.images(), test.images(), test.classes());
    }
}
