package dlcourse.data;

import static dlcourse.data.CourseFiles.imageFile;
import static dlcourse.data.CourseFiles.writeHdf5;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcourse.core.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignsImagesTest {

    private static final long[] SIX_CLASSES = {0, 1, 2, 3, 4, 5};

    @TempDir
    Path dir;

    private void writeTestFile() {
        writeHdf5(dir.resolve(SignsImages.TEST_FILE), imageFile("test", 4, new long[] {5, 0, 3, 1}, SIX_CLASSES));
    }

    @Test
    void without_the_training_file_only_the_test_images_are_loaded() {
        writeTestFile();

        SignsImages signs = SignsImages.load(DataDirectory.of(dir));

        assertFalse(signs.hasTrainingSet());
        assertTrue(signs.train().isEmpty());
        assertArrayEquals(new int[] {4, 64, 64, 3}, signs.test().x().shape());
        assertEquals(Matrix.of(1, 4, 5, 0, 3, 1), signs.test().y());
    }

    @Test
    void integer_class_list_becomes_names_indexed_by_label() {
        writeTestFile();

        assertEquals(List.of("0", "1", "2", "3", "4", "5"), SignsImages.load(DataDirectory.of(dir)).classes());
    }

    @Test
    void with_the_training_file_both_sets_are_loaded() {
        writeTestFile();
        writeHdf5(dir.resolve(SignsImages.TRAIN_FILE), imageFile("train", 3, new long[] {2, 4, 4}, SIX_CLASSES));

        SignsImages signs = SignsImages.load(DataDirectory.of(dir));

        assertTrue(signs.hasTrainingSet());
        LabeledImages train = signs.train().orElseThrow();
        assertArrayEquals(new int[] {3, 64, 64, 3}, train.x().shape());
        assertEquals(Matrix.of(1, 3, 2, 4, 4), train.y());
    }

    @Test
    void the_test_file_is_required_even_when_the_training_file_is_there() {
        writeHdf5(dir.resolve(SignsImages.TRAIN_FILE), imageFile("train", 3, new long[] {2, 4, 4}, SIX_CLASSES));

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class,
                () -> SignsImages.load(DataDirectory.of(dir)));

        assertEquals(SignsImages.TEST_FILE, e.fileName());
    }

    @Test
    void a_training_file_that_is_present_but_truncated_is_a_format_error() throws IOException {
        writeTestFile();
        Path train = writeHdf5(dir.resolve(SignsImages.TRAIN_FILE),
                imageFile("train", 3, new long[] {2, 4, 4}, SIX_CLASSES));
        CourseFiles.truncate(train, CourseFiles.size(train) / 2);

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> SignsImages.load(DataDirectory.of(dir)));

        assertEquals(train, e.file());
        assertTrue(e.getMessage().startsWith("train_signs.h5: "), e.getMessage());
    }

    @Test
    void a_test_file_holding_training_dataset_names_is_a_format_error() {
        writeHdf5(dir.resolve(SignsImages.TEST_FILE), imageFile("train", 4, new long[] {5, 0, 3, 1}, SIX_CLASSES));

        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> SignsImages.load(DataDirectory.of(dir)));

        assertEquals("dataset 'test_set_x' is missing (the file holds: list_classes, train_set_x, train_set_y)",
                e.problem());
    }

    @Test
    void the_real_test_file_holds_120_images_20_per_class_as_documented() {
        assumeTrue(Files.isRegularFile(CourseFiles.REAL_DATA.resolve(SignsImages.TEST_FILE)),
                "the course's SIGNS test file is not in " + CourseFiles.REAL_DATA);

        SignsImages signs = SignsImages.load(DataDirectory.of(CourseFiles.REAL_DATA));

        assertEquals(Files.isRegularFile(CourseFiles.REAL_DATA.resolve(SignsImages.TRAIN_FILE)),
                signs.hasTrainingSet());
        assertArrayEquals(new int[] {120, 64, 64, 3}, signs.test().x().shape());
        int[] perClass = new int[6];
        for (double label : signs.test().y().toArray()) {
            perClass[(int) label]++;
        }
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20}, perClass);
        assertEquals(0.0, signs.test().y().get(0, 0), "first label");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double pixel : signs.test().x().toArray()) {
            min = Math.min(min, pixel);
            max = Math.max(max, pixel);
        }
        assertEquals(3.0, min, "smallest pixel");
        assertEquals(241.0, max, "largest pixel");
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), signs.classes());
    }
}
