package dlcourse.grader.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import dlcourse.grader.report.Figure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGalleryTest {

    /** Three 2 × 2 pictures: picture k is filled with the grey level 100·k, its top-left pixel pure red. */
    private static Tensor pictures() {
        double[] values = new double[3 * 2 * 2 * 3];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 12; i++) {
                values[k * 12 + i] = 100 * k;
            }
            values[k * 12] = 255;
            values[k * 12 + 1] = 0;
            values[k * 12 + 2] = 0;
        }
        return Tensor.of(new int[] {3, 2, 2, 3}, values);
    }

    private static List<String> pngs(String svg) {
        return java.util.Arrays.stream(svg.split("data:image/png;base64,")).skip(1)
                .map(part -> part.substring(0, part.indexOf('"'))).toList();
    }

    @Test
    void mislabelled_shows_only_the_wrong_pictures_with_the_courses_captions() throws IOException {
        ImageGallery gallery = ImageGallery.mislabelled("wrong ones", pictures(), Matrix.row(1, 0, 0),
                Matrix.row(1, 1, 0), List.of("non-cat", "cat"));

        String svg = gallery.svg();
        assertEquals(1, gallery.size());
        assertTrue(svg.startsWith("<svg "), svg);
        assertTrue(svg.contains("data-testid=\"image-gallery\""), svg);
        assertTrue(svg.contains("<title id=\"") && svg.contains(">wrong ones</title>"), svg);
        assertTrue(svg.contains(">#1 Prediction: non-cat</text>"), svg);
        assertTrue(svg.contains(">Class: cat</text>"), svg);
        List<String> pngs = pngs(svg);
        assertEquals(1, pngs.size());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(pngs.get(0))));
        assertEquals(2, image.getWidth());
        assertEquals(0xff0000, image.getRGB(0, 0) & 0xffffff);
        assertEquals(0x646464, image.getRGB(1, 1) & 0xffffff);
        assertEquals(0, ImageGallery.mislabelled("none shown", pictures(), Matrix.row(1, 0, 0), Matrix.row(1, 1, 0),
                List.of("non-cat", "cat"), 0).size());
    }

    @Test
    void a_gallery_is_a_report_figure_and_a_standalone_file(@TempDir Path dir) throws IOException {
        ImageGallery gallery = ImageGallery.of("all", List.of(new ImageGallery.Picture(pictures().index(0), "a"),
                new ImageGallery.Picture(pictures().index(2), "b & c")));

        Figure figure = gallery.figure("look");
        assertEquals("all", figure.title());
        assertEquals(2, pngs(figure.svg()).size());
        assertTrue(figure.svg().contains(">b &amp; c</text>"), figure.svg());
        Path file = dir.resolve("sub/gallery.svg");
        gallery.writeSvg(file);
        assertTrue(Files.readString(file).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    }

    @Test
    void an_empty_gallery_says_so_and_bad_inputs_are_rejected() {
        assertTrue(ImageGallery.of("none", List.of()).svg().contains(">no pictures</text>"));
        assertThrows(IllegalArgumentException.class, () -> new ImageGallery.Picture(Tensor.zeros(2, 2), "flat"));
        assertThrows(IllegalArgumentException.class, () -> ImageGallery.mislabelled("x", pictures(),
                Matrix.row(1, 0), Matrix.row(1, 0), List.of("non-cat", "cat")));
    }
}
