package dlcourse.grader.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.core.ShapeException;
import dlcourse.grader.report.Figure;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundaryPlotTest {

    private static final Matrix POINTS = Matrix.of(2, 4, -1.0, 1.0, -2.0, 2.0, 0.5, -0.5, 1.5, -1.5);
    private static final Matrix LABELS = Matrix.row(0, 1, 0, 1);

    @TempDir
    Path dir;

    @Test
    void the_regions_come_from_the_classifier_over_the_data_box_widened_by_one() {
        // x1 > 0 is class 1: the box is [-3, 3] wide, so exactly half the raster is class 1
        BoundaryPlot half = BoundaryPlot.of("half", POINTS, LABELS, grid -> grid.rows(0, 1).greaterThan(0.0));
        assertEquals(0.5, half.shareOfClass1(), 1e-12);
        // x1 > 2 covers the last sixth of [-3, 3]
        BoundaryPlot sixth = BoundaryPlot.of("sixth", POINTS, LABELS, grid -> grid.rows(0, 1).greaterThan(2.0));
        assertEquals(1.0 / 6, sixth.shareOfClass1(), 1.0 / BoundaryPlot.RASTER);
    }

    @Test
    void the_svg_is_identified_titled_and_stable_for_the_same_plot() {
        String svg = BoundaryPlot.of("n_h = 4", POINTS, LABELS, grid -> grid.rows(0, 1).greaterThan(0.0)).svg();
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains("data-testid=\"decision-boundary\""));
        assertTrue(svg.contains("<title id=\"boundary-"));
        assertTrue(svg.contains("data:image/png;base64,"), "regions are embedded as one raster image");
        assertEquals(svg, BoundaryPlot.of("n_h = 4", POINTS, LABELS, grid -> grid.rows(0, 1).greaterThan(0.0))
                .svg());
        assertNotEquals(svg, BoundaryPlot.of("n_h = 4", POINTS, LABELS, grid -> grid.rows(1, 2).greaterThan(0.0))
                .svg());
    }

    @Test
    void files_are_a_readable_png_and_well_formed_svg() throws Exception {
        BoundaryPlot plot = BoundaryPlot.of("files", POINTS, LABELS, grid -> grid.rows(0, 1).greaterThan(0.0));
        Path png = dir.resolve("a/b/plot.png");
        Path svg = dir.resolve("a/b/plot.svg");
        plot.writePng(png);
        plot.writeSvg(svg);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(BoundaryPlot.WIDTH * 3 / 2, image.getWidth());
        assertEquals("svg", DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getDocumentElement().getNodeName());
        assertTrue(Files.size(svg) < 200_000, "the SVG stays small: " + Files.size(svg));
    }

    @Test
    void each_raster_cell_gets_the_colour_of_its_label() {
        int n = BoundaryPlot.RASTER;
        double[] labels = new double[n * n];
        java.util.Random random = new java.util.Random(3);
        int expectedOnes = 0;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(3) * 0.5; // 0, 0.5 (class 0: not above 0.5) or 1
            expectedOnes += labels[i] > 0.5 ? 1 : 0;
        }
        java.awt.image.IndexColorModel colours = new java.awt.image.IndexColorModel(1, 2,
                new byte[] {(byte) BoundaryPlot.REGION_0.getRed(), (byte) BoundaryPlot.REGION_1.getRed()},
                new byte[] {(byte) BoundaryPlot.REGION_0.getGreen(), (byte) BoundaryPlot.REGION_1.getGreen()},
                new byte[] {(byte) BoundaryPlot.REGION_0.getBlue(), (byte) BoundaryPlot.REGION_1.getBlue()});
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_BYTE_BINARY, colours);
        byte[] bits = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();

        assertEquals(expectedOnes, BoundaryPlot.paint(labels, bits, (n + 7) / 8));

        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                java.awt.Color expected = labels[row * n + col] > 0.5 ? BoundaryPlot.REGION_1 : BoundaryPlot.REGION_0;
                assertEquals(expected.getRGB(), image.getRGB(col, row), "pixel " + col + ", " + row);
            }
        }
    }

    @Test
    void a_chosen_area_replaces_the_data_box() {
        // x1 > 0 over x1 in [-1, 3]: three quarters of the area is class 1
        BoundaryPlot plot = BoundaryPlot.of("area", POINTS, LABELS, grid -> grid.rows(0, 1).greaterThan(0.0),
                new BoundaryPlot.Bounds(-1, 3, -1, 1));
        assertEquals(0.75, plot.shareOfClass1(), 1e-12);
        assertEquals(new BoundaryPlot.Bounds(-3.0, 3.0, -2.5, 2.5), BoundaryPlot.Bounds.around(POINTS));
        assertThrows(IllegalArgumentException.class, () -> new BoundaryPlot.Bounds(1, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BoundaryPlot.Bounds(0, 1, Double.NaN, 1));
    }

    @Test
    void wrong_shapes_are_named() {
        ShapeException points = assertThrows(ShapeException.class,
                () -> BoundaryPlot.of("t", Matrix.ones(3, 4), LABELS, g -> g));
        assertEquals("a decision boundary needs points of shape (2, m) and labels of shape (1, m) but got (3, 4)"
                + " and (1, 4)", points.getMessage());
        ShapeException output = assertThrows(ShapeException.class,
                () -> BoundaryPlot.of("t", POINTS, LABELS, g -> Matrix.ones(2, 2)));
        assertTrue(output.getMessage().startsWith("the classifier returned shape (2, 2) for 90000 points"),
                output.getMessage());
    }

    @Test
    void a_figure_must_be_svg_markup() throws IOException {
        Figure figure = BoundaryPlot.of("f", POINTS, LABELS, g -> g.rows(0, 1).greaterThan(0.0)).figure("c");
        assertEquals("f", figure.title());
        assertThrows(IllegalArgumentException.class, () -> new Figure("t", "c", "<div>"));
    }
}
