package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.core.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyInputTest {

    /** One step of an 8-bit channel: pictures resized from flat colour areas may round to the next value. */
    private static final double ONE_LEVEL = 1 / 255.0;

    /** JPEG is lossy: a flat grey comes back within a few levels. */
    private static final double JPEG_LEVELS = 4 / 255.0;

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private Path write(BufferedImage image, String name) throws IOException {
        Path file = dir.resolve(name);
        String format = name.substring(name.lastIndexOf('.') + 1);
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return file;
    }

    private static int rgb(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }

    /** The column's value for pixel (row, col), channel k of a 64 × 64 picture. */
    private static double at(Matrix column, int row, int col, int channel) {
        return column.get((row * ClassifyInput.NUM_PX + col) * 3 + channel, 0);
    }

    private static void assertPixel(Matrix column, int row, int col, int r, int g, int b, double tolerance) {
        String where = "pixel (row " + row + ", column " + col + ")";
        assertEquals(r / 255.0, at(column, row, col, 0), tolerance, where + " red");
        assertEquals(g / 255.0, at(column, row, col, 1), tolerance, where + " green");
        assertEquals(b / 255.0, at(column, row, col, 2), tolerance, where + " blue");
    }

    @Test
    void a_64_by_64_png_is_flattened_in_row_column_channel_order_and_divided_by_255() throws IOException {
        // given a picture whose red encodes the row, green the column and blue both
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < 64; row++) {
            for (int col = 0; col < 64; col++) {
                image.setRGB(col, row, rgb(4 * row, 4 * col, (row * 64 + col) % 256));
            }
        }
        Path file = write(image, "gradient.png");

        // when
        Matrix column = ClassifyInput.column(file);

        // then every entry is exactly that pixel's channel / 255
        assertEquals(Shape.of(12288, 1), column.shape());
        for (int row = 0; row < 64; row++) {
            for (int col = 0; col < 64; col++) {
                assertPixel(column, row, col, 4 * row, 4 * col, (row * 64 + col) % 256, 0.0);
            }
        }
        // spelled out for the first entries: pixel (0, 1) follows the three channels of pixel (0, 0)
        assertEquals(4 / 255.0, column.get(4, 0));
        assertEquals(1 / 255.0, column.get(5, 0));
        // and row 1 starts after the 64 pixels of row 0
        assertEquals(4 / 255.0, column.get(64 * 3, 0));
    }

    @Test
    void a_large_picture_is_shrunk_to_64_by_64_with_its_quadrants_in_place() throws IOException {
        // given 640 x 480: red top left, green top right, blue bottom left, white bottom right
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                boolean top = y < 240;
                boolean left = x < 320;
                image.setRGB(x, y, top ? (left ? rgb(255, 0, 0) : rgb(0, 255, 0))
                        : (left ? rgb(0, 0, 255) : rgb(255, 255, 255)));
            }
        }
        Path file = write(image, "quadrants.png");

        // when
        Matrix column = ClassifyInput.column(file);

        // then away from the borders between quadrants each keeps its colour
        assertEquals(Shape.of(12288, 1), column.shape());
        for (int k = 0; k < 28; k++) {
            assertPixel(column, k, k, 255, 0, 0, ONE_LEVEL);
            assertPixel(column, k, 63 - k, 0, 255, 0, ONE_LEVEL);
            assertPixel(column, 63 - k, k, 0, 0, 255, ONE_LEVEL);
            assertPixel(column, 63 - k, 63 - k, 255, 255, 255, ONE_LEVEL);
        }
    }

    @Test
    void a_flat_colour_stays_that_colour_when_one_side_grows_and_the_other_shrinks() throws IOException {
        // given 300 wide, 20 high
        BufferedImage image = new BufferedImage(300, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 300; x++) {
                image.setRGB(x, y, rgb(10, 200, 30));
            }
        }

        // when
        Matrix column = ClassifyInput.column(write(image, "flat.png"));

        // then
        for (int row = 0; row < 64; row++) {
            for (int col = 0; col < 64; col++) {
                assertPixel(column, row, col, 10, 200, 30, ONE_LEVEL);
            }
        }
    }

    @Test
    void transparent_pixels_become_white() throws IOException {
        // given a fully transparent picture
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);

        // when
        Matrix column = ClassifyInput.column(write(image, "transparent.png"));

        // then
        assertEquals(12288, column.sum(), 1e-9);
    }

    @Test
    void a_jpeg_is_read_too() throws IOException {
        // given a flat grey JPEG
        BufferedImage image = new BufferedImage(80, 80, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 80; x++) {
                image.setRGB(x, y, rgb(128, 128, 128));
            }
        }

        // when
        Matrix column = ClassifyInput.column(write(image, "grey.jpg"));

        // then
        assertPixel(column, 32, 32, 128, 128, 128, JPEG_LEVELS);
    }

    @Test
    void a_file_that_is_not_a_picture_is_rejected_naming_the_file() throws IOException {
        // given
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a picture");

        // when
        ClassifyInput.UnreadablePictureException error = assertThrows(ClassifyInput.UnreadablePictureException.class,
                () -> ClassifyInput.column(notes));

        // then
        assertEquals("cannot read " + notes + ": it is not a JPEG or PNG picture (no image reader recognises its"
                + " contents)", error.getMessage());
        assertEquals(notes, error.file());
    }

    @Test
    void a_damaged_png_is_rejected_naming_the_file() throws IOException {
        // given the first 60 bytes of a real PNG (its header, cut inside the image data)
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        byte[] whole = Files.readAllBytes(write(image, "whole.png"));
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(whole, 60));

        // when
        ClassifyInput.UnreadablePictureException error = assertThrows(ClassifyInput.UnreadablePictureException.class,
                () -> ClassifyInput.column(cut));

        // then
        assertTrue(error.getMessage().startsWith("cannot read " + cut + ": the picture is damaged or in an"
                + " unsupported variant ("), error::getMessage);
    }

    @Test
    void a_missing_file_and_a_directory_are_rejected_naming_them() {
        Path missing = dir.resolve("missing.png");
        assertEquals("cannot read " + missing + ": no such file",
                assertThrows(ClassifyInput.UnreadablePictureException.class, () -> ClassifyInput.column(missing))
                        .getMessage());
        assertEquals("cannot read " + dir + ": it is a directory, not a picture",
                assertThrows(ClassifyInput.UnreadablePictureException.class, () -> ClassifyInput.column(dir))
                        .getMessage());
    }
}
