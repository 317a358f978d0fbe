package dlcourse.data;

import static dlcourse.data.CourseFiles.imageFile;
import static dlcourse.data.CourseFiles.pixel;
import static dlcourse.data.CourseFiles.writeHdf5;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatImagesTest {

    private static final String[] CLASSES = {"non-cat", "cat"};

    @TempDir
    Path dir;

    private Path trainFile;

    @BeforeEach
    void writeSmallCourseFiles() {
        trainFile = writeHdf5(dir.resolve(CatImages.TRAIN_FILE), imageFile("train", 3, new long[] {0, 1, 1}, CLASSES));
        writeHdf5(dir.resolve(CatImages.TEST_FILE), imageFile("test", 2, new long[] {1, 0}, CLASSES));
    }

    private CatImages load() {
        return CatImages.load(DataDirectory.of(dir));
    }

    private DatasetFormatException loadFails() {
        return assertThrows(DatasetFormatException.class, this::load);
    }

    @Test
    void load_reads_images_labels_and_class_names() {
        CatImages cats = load();

        assertArrayEquals(new int[] {3, 64, 64, 3}, cats.train().x().shape());
        assertEquals(Matrix.of(1, 3, 0, 1, 1), cats.train().y());
        assertArrayEquals(new int[] {2, 64, 64, 3}, cats.test().x().shape());
        assertEquals(Matrix.of(1, 2, 1, 0), cats.test().y());
        assertEquals(List.of("non-cat", "cat"), cats.classes());
    }

    @Test
    void every_pixel_keeps_its_position_and_its_unsigned_value() {
        Tensor x = load().train().x();

        double[] expected = new double[3 * 64 * 64 * 3];
        int next = 0;
        for (int i = 0; i < 3; i++) {
            for (int r = 0; r < 64; r++) {
                for (int c = 0; c < 64; c++) {
                    for (int k = 0; k < 3; k++) {
                        expected[next++] = pixel(i, r, c, k);
                    }
                }
            }
        }
        assertArrayEquals(expected, x.toArray());
    }

    @Test
    void bytes_of_128_and_above_become_128_to_255_not_negative_numbers() {
        Tensor x = load().train().x();

        assertEquals(pixel(0, 0, 0, 2), x.get(0, 0, 0, 2));
        assertEquals(202.0, x.get(0, 0, 0, 2), "pixel(0, 0, 0, 2) = 2 * 101");
        assertEquals(255.0, max(x));
        assertEquals(0.0, min(x));
    }

    @Test
    void a_missing_file_names_the_file_and_where_it_was_looked_for() throws IOException {
        Files.delete(dir.resolve(CatImages.TEST_FILE));

        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, this::load);

        assertEquals(CatImages.TEST_FILE, e.fileName());
        assertEquals(List.of(dir.resolve(CatImages.TEST_FILE)), e.searched());
    }

    @Test
    void a_format_error_names_the_file_the_problem_and_the_full_path() {
        writeHdf5(trainFile, Map.of("train_set_x", CourseFiles.images(3), "list_classes", CLASSES));

        DatasetFormatException e = loadFails();

        assertEquals("dataset 'train_set_y' is missing (the file holds: list_classes, train_set_x)", e.problem());
        assertEquals("train_catvnoncat.h5: dataset 'train_set_y' is missing (the file holds: list_classes,"
                + " train_set_x) (file: " + trainFile.toAbsolutePath() + ")", e.getMessage());
        assertEquals(trainFile, e.file());
    }

    @Test
    void a_file_cut_inside_the_data_of_a_dataset_is_reported_as_truncated() throws IOException {
        Map.Entry<String, Long> last = CourseFiles.lastDataEnd(trainFile);
        CourseFiles.truncate(trainFile, last.getValue() - 8);

        DatasetFormatException e = loadFails();

        assertEquals("is truncated: dataset '" + last.getKey() + "' needs bytes up to offset " + last.getValue()
                + " but the file has only " + (last.getValue() - 8) + " bytes", e.problem());
    }

    @Test
    void a_real_file_cut_inside_the_pixels_is_reported_as_truncated_rather_than_read_as_garbage() throws IOException {
        Path real = CourseFiles.REAL_DATA.resolve(CatImages.TEST_FILE);
        assumeTrue(Files.isRegularFile(real), "the course's cat files are not in " + CourseFiles.REAL_DATA);
        Path copy = Files.copy(real, dir.resolve(CatImages.TEST_FILE), StandardCopyOption.REPLACE_EXISTING);
        CourseFiles.truncate(copy, 300_000);

        DatasetFormatException e = loadFails();

        assertEquals("is truncated: dataset 'test_set_x' needs bytes up to offset 616544 but the file has only"
                + " 300000 bytes", e.problem());
    }

    @Test
    void a_file_cut_inside_its_header_is_reported_with_the_library_error_as_cause() throws IOException {
        CourseFiles.truncate(trainFile, 100);

        DatasetFormatException e = loadFails();

        assertTrue(e.problem().startsWith("cannot be read as an HDF5 file (truncated or corrupt?): "), e.getMessage());
        assertInstanceOf(HdfException.class, e.getCause());
    }

    @Test
    void a_file_that_is_not_hdf5_at_all_is_a_format_error() throws IOException {
        Files.writeString(trainFile, "this is not an HDF5 file, it is a text file with no HDF5 signature anywhere");

        DatasetFormatException e = loadFails();

        assertEquals("cannot be read as an HDF5 file (truncated or corrupt?): No valid HDF5 signature found",
                e.problem());
    }

    @Test
    void more_images_than_labels_is_a_format_error() {
        writeHdf5(trainFile, imageFile("train", 3, new long[] {0, 1}, CLASSES));

        assertEquals("dataset 'train_set_x' holds 3 images but 'train_set_y' holds 2 labels", loadFails().problem());
    }

    @Test
    void images_without_a_channel_axis_are_a_format_error() {
        Map<String, Object> file = imageFile("train", 3, new long[] {0, 1, 1}, CLASSES);
        file.put("train_set_x", new byte[3][64][64]);
        writeHdf5(trainFile, file);

        assertEquals("dataset 'train_set_x' has shape (3, 64, 64) but (m, 64, 64, 3) was expected",
                loadFails().problem());
    }

    @Test
    void signed_pixels_are_a_format_error() {
        CourseFiles.writeHdf5Signed(trainFile, imageFile("train", 3, new long[] {0, 1, 1}, CLASSES));

        assertEquals("dataset 'train_set_x' has dtype int8 but uint8 pixels were expected", loadFails().problem());
    }

    @Test
    void non_integer_labels_are_a_format_error() {
        Map<String, Object> file = imageFile("train", 3, null, CLASSES);
        file.put("train_set_y", new double[] {0, 1, 1});
        writeHdf5(trainFile, file);

        assertEquals("dataset 'train_set_y' has dtype float64 but integer labels were expected", loadFails().problem());
    }

    @Test
    void two_dimensional_labels_are_a_format_error() {
        Map<String, Object> file = imageFile("train", 3, null, CLASSES);
        file.put("train_set_y", new long[][] {{0, 1, 1}});
        writeHdf5(trainFile, file);

        assertEquals("dataset 'train_set_y' has shape (1, 3) but (m,) was expected", loadFails().problem());
    }

    @Test
    void a_label_outside_the_class_list_is_a_format_error() {
        writeHdf5(trainFile, imageFile("train", 3, new long[] {0, 2, 1}, CLASSES));

        assertEquals("dataset 'train_set_y' holds label 2 for example 1 but 'list_classes' lists 2 classes",
                loadFails().problem());
    }

    @Test
    void the_real_files_hold_209_training_and_50_test_images_as_documented() {
        assumeTrue(Files.isRegularFile(CourseFiles.REAL_DATA.resolve(CatImages.TRAIN_FILE)),
                "the course's cat files are not in " + CourseFiles.REAL_DATA);

        CatImages cats = CatImages.load(DataDirectory.of(CourseFiles.REAL_DATA));

        assertArrayEquals(new int[] {209, 64, 64, 3}, cats.train().x().shape());
        assertEquals(72.0, cats.train().y().sum(), "cats in the training set");
        assertEquals(264_542_077.0, sum(cats.train().x()), "training pixel sum");
        assertArrayEquals(new int[] {50, 64, 64, 3}, cats.test().x().shape());
        assertEquals(33.0, cats.test().y().sum(), "cats in the test set");
        assertEquals(65_969_547.0, sum(cats.test().x()), "test pixel sum");
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1,
                0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0}, cats.test().y().toArray());
        assertEquals(List.of("non-cat", "cat"), cats.classes());
    }

    private static double sum(Tensor t) {
        double total = 0;
        for (double v : t.toArray()) {
            total += v;
        }
        return total;
    }

    private static double max(Tensor t) {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : t.toArray()) {
            best = Math.max(best, v);
        }
        return best;
    }

    private static double min(Tensor t) {
        double best = Double.POSITIVE_INFINITY;
        for (double v : t.toArray()) {
            best = Math.min(best, v);
        }
        return best;
    }
}
