package dlcourse.grader.render;

import dlcourse.core.Matrix;
import dlcourse.core.Shape;
import dlcourse.core.ShapeException;
import dlcourse.grader.report.Figure;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Align;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The decision regions of a classifier of 2-D points, with the data drawn on top: the picture the course draws for
 * its planar and football models. The regions are evaluated on a raster over the data's bounding box widened by
 * {@link #MARGIN} on every side (as the course does) and drawn as an image behind the points.
 */
public final class BoundaryPlot {

    /** How far the plotted area reaches beyond the data, in data units. */
    public static final double MARGIN = 1.0;
    /** Raster cells per side; the region image is this many pixels square. */
    static final int RASTER = 300;
    static final int WIDTH = 520;
    static final int HEIGHT = 440;
    /** The classes' colours: regions pale, points saturated (red for 0, blue for 1, as the course's colour map). */
    static final Color REGION_0 = new Color(0xfc, 0xd9, 0xd3);
    static final Color REGION_1 = new Color(0xd4, 0xe4, 0xf7);
    static final Color POINT_0 = new Color(0xd7, 0x30, 0x27);
    static final Color POINT_1 = new Color(0x31, 0x68, 0xb5);

    private final String title;
    private final JFreeChart chart;
    private final double share1;
    private final String id;

    private BoundaryPlot(String title, JFreeChart chart, double share1, String id) {
        this.title = title;
        this.chart = chart;
        this.share1 = share1;
        this.id = id;
    }

    /**
     * Evaluates the classifier over the plotted area and draws it.
     *
     * @param title   what the plot shows ({@code n_h = 4 on the flower})
     * @param x       the points, shape (2, m)
     * @param y       their labels, shape (1, m) of 0/1
     * @param predict maps a (2, k) matrix of points to (1, k) labels (values above 0.5 count as class 1)
     * @return the plot
     * @throws ShapeException when x is not (2, m), y not (1, m), or predict returns the wrong shape
     */
    public static BoundaryPlot of(String title, Matrix x, Matrix y, UnaryOperator<Matrix> predict) {
        requirePoints(x, y);
        return of(title, x, y, predict, Bounds.around(x));
    }

    /**
     * Evaluates the classifier over a chosen area and draws it (points outside the area are not shown).
     *
     * @param title   what the plot shows
     * @param x       the points, shape (2, m)
     * @param y       their labels, shape (1, m) of 0/1
     * @param predict maps a (2, k) matrix of points to (1, k) labels (values above 0.5 count as class 1)
     * @param bounds  the plotted area
     * @return the plot
     * @throws ShapeException when x is not (2, m), y not (1, m), or predict returns the wrong shape
     */
    public static BoundaryPlot of(String title, Matrix x, Matrix y, UnaryOperator<Matrix> predict, Bounds bounds) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(bounds, "bounds");
        requirePoints(x, y);
        double[] px = x.rows(0, 1).toArray();
        double[] py = x.rows(1, 2).toArray();
        double xMin = bounds.xMin();
        double xMax = bounds.xMax();
        double yMin = bounds.yMin();
        double yMax = bounds.yMax();

        int cells = RASTER * RASTER;
        Matrix labels = predict.apply(Matrix.of(2, cells, grid(xMin, xMax, yMin, yMax)));
        if (labels == null || !labels.shape().equals(new Shape(1, cells))) {
            throw new ShapeException("the classifier returned " + (labels == null ? "null" : "shape "
                    + labels.shape()) + " for " + cells + " points; expected shape (1, " + cells + ")");
        }
        double[] l = labels.toArray();
        // two colours: a 1-bit image, which the SVG embeds as a small two-colour PNG
        IndexColorModel colours = new IndexColorModel(1, 2, new byte[] {(byte) REGION_0.getRed(),
            (byte) REGION_1.getRed()}, new byte[] {(byte) REGION_0.getGreen(), (byte) REGION_1.getGreen()},
            new byte[] {(byte) REGION_0.getBlue(), (byte) REGION_1.getBlue()});
        BufferedImage image = new BufferedImage(RASTER, RASTER, BufferedImage.TYPE_BYTE_BINARY, colours);
        int ones = paint(l, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), (RASTER + 7) / 8);

        XYSeries class0 = new XYSeries("y = 0", false, true);
        XYSeries class1 = new XYSeries("y = 1", false, true);
        double[] ys = y.toArray();
        for (int i = 0; i < ys.length; i++) {
            (ys[i] > 0.5 ? class1 : class0).add(px[i], py[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(class0);
        data.addSeries(class1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        Ellipse2D dot = new Ellipse2D.Double(-3, -3, 6, 6);
        renderer.setSeriesShape(0, dot);
        renderer.setSeriesShape(1, dot);
        renderer.setSeriesPaint(0, POINT_0);
        renderer.setSeriesPaint(1, POINT_1);
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        NumberAxis xAxis = new NumberAxis("x₁");
        xAxis.setRange(xMin, xMax);
        NumberAxis yAxis = new NumberAxis("x₂");
        yAxis.setRange(yMin, yMax);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundImage(image);
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, ChartStyle.font(14), plot, true);
        ChartStyle.apply(chart);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        // derived from what is drawn, so that the same plot always gets the same id and different plots do not clash
        String id = "boundary-" + Integer.toHexString(Objects.hash(title, Arrays.hashCode(px), Arrays.hashCode(py),
                Arrays.hashCode(ys), Arrays.hashCode(l)));
        return new BoundaryPlot(title, chart, (double) ones / cells, id);
    }

    /** The raster cell centres as a (2, RASTER²) row-major array, row 0 of the image at the top (largest y). */
    private static double[] grid(double xMin, double xMax, double yMin, double yMax) {
        int cells = RASTER * RASTER;
        double[] grid = new double[2 * cells];
        for (int row = 0; row < RASTER; row++) {
            double gy = yMax - (row + 0.5) * (yMax - yMin) / RASTER;
            for (int col = 0; col < RASTER; col++) {
                grid[row * RASTER + col] = xMin + (col + 0.5) * (xMax - xMin) / RASTER;
                grid[cells + row * RASTER + col] = gy;
            }
        }
        return grid;
    }

    /**
     * Sets the bit of each pixel whose label is above 0.5 (class 1) in a 1-bit raster (RASTER² pixels, row-major,
     * the leftmost pixel in the highest bit, each row {@code stride} bytes); the raster starts all zero (class 0).
     *
     * @return how many pixels are class 1
     */
    static int paint(double[] labels, byte[] bits, int stride) {
        int ones = 0;
        for (int row = 0; row < RASTER; row++) {
            for (int col = 0; col < RASTER; col++) {
                if (labels[row * RASTER + col] > 0.5) {
                    bits[row * stride + (col >> 3)] |= (byte) (0x80 >>> (col & 7));
                    ones++;
                }
            }
        }
        return ones;
    }

    /**
     * The plotted area.
     *
     * @param xMin left edge (x₁)
     * @param xMax right edge
     * @param yMin bottom edge (x₂)
     * @param yMax top edge
     */
    public record Bounds(double xMin, double xMax, double yMin, double yMax) {
        /** Rejects empty or non-finite areas. */
        public Bounds {
            if (!(xMin < xMax) || !(yMin < yMax) || !Double.isFinite(xMax - xMin) || !Double.isFinite(yMax - yMin)) {
                throw new IllegalArgumentException("a plotted area needs xMin < xMax and yMin < yMax, finite, but got"
                        + " x " + xMin + ".." + xMax + ", y " + yMin + ".." + yMax);
            }
        }

        /** The points' bounding box widened by {@link #MARGIN} on every side, as the course plots. */
        public static Bounds around(Matrix x) {
            double[] px = x.rows(0, 1).toArray();
            double[] py = x.rows(1, 2).toArray();
            return new Bounds(min(px) - MARGIN, max(px) + MARGIN, min(py) - MARGIN, max(py) + MARGIN);
        }
    }

    private static void requirePoints(Matrix x, Matrix y) {
        if (x.rows() != 2 || !y.shape().equals(new Shape(1, x.cols())) || x.cols() == 0) {
            throw new ShapeException("a decision boundary needs points of shape (2, m) and labels of shape (1, m)"
                    + " but got " + x.shape() + " and " + y.shape());
        }
    }

    /** The share of the plotted area the classifier labels 1, from 0 to 1 (0 or 1: no boundary in view). */
    public double shareOfClass1() {
        return share1;
    }

    /** The plot as an inline {@code <svg>} element; its id is derived from the title, the data and the regions. */
    public String svg() {
        return SvgChart.draw(chart, WIDTH, HEIGHT, id, "plot plot-boundary", "decision-boundary",
                "Decision boundary: " + title);
    }

    /**
     * The plot as a report figure.
     *
     * @param caption what to look at
     */
    public Figure figure(String caption) {
        return new Figure(title, caption, svg());
    }

    /** Writes the plot as a standalone SVG file (parent folders are created). */
    public void writeSvg(Path file) throws IOException {
        createParent(file);
        String svg = svg();
        if (!svg.substring(0, svg.indexOf('>')).contains("xmlns=")) {
            svg = svg.replaceFirst("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ");
        }
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n", StandardCharsets.UTF_8);
    }

    /** Writes the plot as a PNG file (parent folders are created). */
    public void writePng(Path file) throws IOException {
        createParent(file);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH * 3 / 2, HEIGHT * 3 / 2);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] values) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
