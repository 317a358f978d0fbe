package dlcourse.data;

import static dlcourse.data.CourseFiles.footballFile;
import static dlcourse.data.CourseFiles.writeMat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcourse.core.Matrix;
import dlcourse.core.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Array;

class FootballDataTest {

    private static final double[][] X = {{-0.25, 0.5}, {0.125, -0.75}, {0.375, 0.0625}};
    private static final int[] Y = {1, 0, 1};
    private static final double[][] XVAL = {{0.5, 0.25}, {-0.5, -0.25}};
    private static final int[] YVAL = {0, 1};

    @TempDir
    Path dir;

    private FootballData load() {
        return FootballData.load(DataDirectory.of(dir));
    }

    private DatasetFormatException loadFails() {
        return assertThrows(DatasetFormatException.class, this::load);
    }

    private Path write(Map<String, Array> variables) throws IOException {
        return writeMat(dir.resolve(FootballData.FILE), variables);
    }

    @Test
    void load_transposes_the_mat_arrays_to_one_column_per_point() throws IOException {
        write(footballFile(X, Y, XVAL, YVAL));

        FootballData football = load();

        assertEquals(Matrix.of(2, 3, -0.25, 0.125, 0.375, 0.5, -0.75, 0.0625), football.train().x());
        assertEquals(Matrix.of(1, 3, 1, 0, 1), football.train().y());
        assertEquals(Matrix.of(2, 2, 0.5, -0.5, 0.25, -0.25), football.test().x());
        assertEquals(Matrix.of(1, 2, 0, 1), football.test().y());
    }

    @Test
    void labels_stored_as_doubles_load_like_labels_stored_as_uint8() throws IOException {
        Map<String, Array> variables = footballFile(X, Y, XVAL, YVAL);
        variables.put("y", CourseFiles.doubles(new double[][] {{1}, {0}, {1}}));
        write(variables);

        assertEquals(Matrix.of(1, 3, 1, 0, 1), load().train().y());
    }

    @Test
    void a_missing_file_is_reported_with_the_places_searched() {
        DatasetNotFoundException e = assertThrows(DatasetNotFoundException.class, this::load);

        assertEquals("data.mat", e.fileName());
        assertEquals(List.of(dir.resolve("data.mat")), e.searched());
    }

    @Test
    void a_missing_variable_is_a_format_error_listing_what_the_file_holds() throws IOException {
        Map<String, Array> variables = footballFile(X, Y, XVAL, YVAL);
        variables.remove("Xval");
        write(variables);

        assertEquals("variable 'Xval' is missing (the file holds: X, y, yval)", loadFails().problem());
    }

    @Test
    void more_points_than_labels_is_a_format_error() throws IOException {
        write(footballFile(X, new int[] {1, 0}, XVAL, YVAL));

        assertEquals("variable 'X' holds 3 points but 'y' holds 2 labels", loadFails().problem());
    }

    @Test
    void points_with_three_coordinates_are_a_format_error() throws IOException {
        write(footballFile(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}, Y, XVAL, YVAL));

        assertEquals("variable 'X' has shape (3, 3) but (m, 2) was expected", loadFails().problem());
    }

    @Test
    void a_label_other_than_zero_or_one_is_a_format_error() throws IOException {
        write(footballFile(X, new int[] {1, 2, 1}, XVAL, YVAL));

        assertEquals("variable 'y' holds 2.0 in row 1 but labels must be 0 or 1", loadFails().problem());
    }

    @Test
    void a_text_variable_is_a_format_error() throws IOException {
        Map<String, Array> variables = footballFile(X, Y, XVAL, YVAL);
        variables.put("X", Mat5.newString("not numbers"));
        write(variables);

        assertEquals("variable 'X' is of MATLAB type char but a real, dense numeric matrix was expected",
                loadFails().problem());
    }

    @Test
    void a_truncated_file_is_a_format_error_with_the_library_error_as_cause() throws IOException {
        Path file = write(footballFile(X, Y, XVAL, YVAL));
        CourseFiles.truncate(file, CourseFiles.size(file) - 10);

        DatasetFormatException e = loadFails();

        assertEquals("cannot be read as a MATLAB 5 MAT-file (truncated or corrupt?): java.io.EOFException", e.problem());
        assertInstanceOf(IOException.class, e.getCause());
    }

    @Test
    void an_hdf5_file_renamed_to_data_mat_is_a_format_error() throws IOException {
        CourseFiles.writeHdf5(dir.resolve(FootballData.FILE), Map.of("X", new double[] {1, 2}));

        assertEquals("cannot be read as a MATLAB 5 MAT-file (truncated or corrupt?): java.lang.IllegalArgumentException:"
                + " The input is not a valid MATLAB 5.0 MAT-file.", loadFails().problem());
    }

    @Test
    void the_real_file_holds_211_training_and_200_test_points_as_documented() {
        assumeTrue(Files.isRegularFile(CourseFiles.REAL_DATA.resolve(FootballData.FILE)),
                "the course's data.mat is not in " + CourseFiles.REAL_DATA);

        FootballData football = FootballData.load(DataDirectory.of(CourseFiles.REAL_DATA));

        assertEquals(new Shape(2, 211), football.train().x().shape());
        assertEquals(106.0, football.train().y().sum(), "ones among the training labels");
        assertEquals(new Shape(2, 200), football.test().x().shape());
        assertEquals(87.0, football.test().y().sum(), "ones among the test labels");
        // Values read with scipy.io.loadmat: X[0, 0], X[0, 1], X[210, 1], Xval[0, 0], Xval[199, 1].
        assertEquals(-0.158986, football.train().x().get(0, 0));
        assertEquals(0.423977, football.train().x().get(1, 0));
        assertEquals(0.184503, football.train().x().get(1, 210));
        assertEquals(-0.3530623458334412, football.test().x().get(0, 0));
        assertEquals(-0.42941272913886863, football.test().x().get(1, 199));
    }
}
