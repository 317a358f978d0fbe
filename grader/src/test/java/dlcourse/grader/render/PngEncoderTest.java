package dlcourse.grader.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PngEncoderTest {

    /** Encodes, decodes with ImageIO and compares every pixel. */
    private static void roundTrip(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PngEncoder.write(image, bytes);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(image.getWidth(), back.getWidth());
        assertEquals(image.getHeight(), back.getHeight());
        int w = image.getWidth();
        int h = image.getHeight();
        assertArrayEquals(image.getRGB(0, 0, w, h, null, 0, w), back.getRGB(0, 0, w, h, null, 0, w));
    }

    private static void fill(BufferedImage image, long seed, boolean opaque) {
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = random.nextInt();
                image.setRGB(x, y, opaque ? argb | 0xff000000 : argb);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "7, 3", "8, 9", "31, 2", "780, 660"})
    void argb_images_come_back_pixel_for_pixel_with_or_without_transparency(int width, int height)
            throws IOException {
        BufferedImage translucent = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        fill(translucent, width * 31L + height, false);
        roundTrip(translucent);
        BufferedImage opaque = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        fill(opaque, width * 17L + height, true);
        roundTrip(opaque);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "9, 4", "300, 300"})
    void rgb_and_indexed_images_come_back_pixel_for_pixel(int width, int height) throws IOException {
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        fill(rgb, width + 7L * height, true);
        roundTrip(rgb);
        IndexColorModel two = new IndexColorModel(1, 2, new byte[] {10, (byte) 200}, new byte[] {20, 30},
                new byte[] {(byte) 250, 40});
        BufferedImage binary = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, two);
        fill(binary, width + 3L * height, true);
        roundTrip(binary);
    }
}
