package dlcourse.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SIGNS images of the programming-frameworks assignment: photos of hands showing 0 to 5 fingers, 64 x 64 RGB,
 * labelled with the number shown. The test file ({@value #TEST_FILE}, 120 images, 20 per class) is always
 * required; the training file ({@value #TRAIN_FILE}, 1080 images) is optional because it is not always available,
 * so callers ask {@link #hasTrainingSet()} and may fall back to a split of the test images
 * ({@link LabeledImages#slice(int, int)}).
 *
 * @param train   the training images, x (1080, 64, 64, 3) and y (1, 1080), or empty when the file is absent
 * @param test    the test images, x (120, 64, 64, 3) with pixel values 0..255, y (1, 120) with labels 0..5
 * @param classes the class names indexed by label, {@code ["0", "1", "2", "3", "4", "5"]} (the file stores them
 *                as integers)
 */
public record SignsImages(Optional<LabeledImages> train, LabeledImages test, List<String> classes) {

    /** The training file's name (optional). */
    public static final String TRAIN_FILE = "train_signs.h5";

    /** The test file's name (required). */
    public static final String TEST_FILE = "test_signs.h5";

    /** Checks that nothing is missing and copies the class list. */
    public SignsImages {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        classes = List.copyOf(classes);
    }

    /**
     * Loads the files from the {@linkplain DataDirectory#standard() standard data directory}.
     *
     * @return the test images, and the training images when their file is present
     * @throws DatasetNotFoundException if the test file is in none of the searched places
     * @throws DatasetFormatException   if a file that is present is truncated, corrupt or not laid out as the
     *                                  course's file
     */
    public static SignsImages load() {
        return load(DataDirectory.standard());
    }

    /**
     * Loads {@value #TEST_FILE} (datasets {@code test_set_x}, {@code test_set_y}, {@code list_classes}) and, when
     * the directory has it, {@value #TRAIN_FILE} ({@code train_set_x}, {@code train_set_y}).
     *
     * @param directory where to look for the files
     * @return the test images, and the training images when their file is present
     * @throws DatasetNotFoundException if the test file is in none of the directory's locations
     * @throws DatasetFormatException   if a file that is present is truncated, corrupt or not laid out as the
     *                                  course's file
     */
    public static SignsImages load(DataDirectory directory) {
        Hdf5Images.Contents test = Hdf5Images.read(directory.find(TEST_FILE), "test");
        Optional<Path> trainFile = directory.locate(TRAIN_FILE);
        Optional<LabeledImages> train = trainFile.map(file -> Hdf5Images.read(file, "train").images());
        return new SignsImages(train, test.images(), test.classes());
    }

    /**
     * Whether the training file was found.
     *
     * @return {@code true} when {@link #train()} holds images
     */
    public boolean hasTrainingSet() {
        return train.isPresent();
    }
}
