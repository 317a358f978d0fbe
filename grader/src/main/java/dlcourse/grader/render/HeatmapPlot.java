package dlcourse.grader.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A gradient check's heat map: one cell per entry of the worst tensor, coloured by the log of its relative difference
 * between the analytic and the numerical gradient, pale where they agree and dark red where they do not.
 */
final class HeatmapPlot {

    /** Drawing width in SVG user units; the page scales it to its column. */
    private static final int WIDTH = 520;
    /** Largest grid drawn cell by cell; bigger tensors are pooled (max) into blocks so the page stays small. */
    static final int MAX_SIDE = 48;
    /** Grids up to this many cells per side print each value inside its cell. */
    private static final int LABELLED_SIDE = 8;
    /** Colour scale bounds in log10 units: 1e-12 (exact agreement) to 1 (unrelated values). */
    private static final double LOG_FLOOR = -12;
    private static final double LOG_CEILING = 0;
    /** Cells above this log10 difference are dark enough to need white labels. */
    private static final double DARK_FROM = -2.5;

    private HeatmapPlot() {
    }

    /**
     * A grid of relative differences, possibly pooled from a bigger tensor.
     *
     * @param values    row-major, {@code rows × cols}
     * @param blockRows source rows per cell (1 when not pooled)
     * @param blockCols source columns per cell
     */
    record Grid(int rows, int cols, double[] values, int blockRows, int blockCols) {

        /** Pools {@code rows × cols} values into at most {@link #MAX_SIDE} cells per side, keeping block maxima. */
        static Grid of(List<Double> values, int rows, int cols) {
            if (rows <= 0 || cols <= 0 || values.size() != rows * cols) {
                throw new IllegalArgumentException("heat map has " + values.size() + " values for shape ("
                        + rows + ", " + cols + ")");
            }
            int blockRows = (rows + MAX_SIDE - 1) / MAX_SIDE;
            int blockCols = (cols + MAX_SIDE - 1) / MAX_SIDE;
            int outRows = (rows + blockRows - 1) / blockRows;
            int outCols = (cols + blockCols - 1) / blockCols;
            double[] out = new double[outRows * outCols];
            Arrays.fill(out, Double.NEGATIVE_INFINITY);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    Double v = values.get(r * cols + c);
                    double value = v == null ? Double.NaN : v;
                    int cell = (r / blockRows) * outCols + c / blockCols;
                    // NaN is the worst possible entry and must survive pooling.
                    out[cell] = Double.isNaN(out[cell]) || Double.isNaN(value) ? Double.NaN
                            : Math.max(out[cell], value);
                }
            }
            return new Grid(outRows, outCols, out, blockRows, blockCols);
        }

        boolean pooled() {
            return blockRows > 1 || blockCols > 1;
        }
    }

    /**
     * Draws the grid.
     *
     * @param tensor the tensor's name for the title ({@code dW1})
     * @param id     unique on the page
     */
    static String svg(Grid grid, String tensor, String id) {
        int n = grid.rows() * grid.cols();
        double[] xs = new double[n];
        double[] ys = new double[n];
        double[] zs = new double[n];
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                int i = r * grid.cols() + c;
                xs[i] = c;
                ys[i] = r;
                zs[i] = log(grid.values()[i]);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(tensor, new double[][] {xs, ys, zs});

        PaintScale scale = new RelativeDifferenceScale();
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        NumberAxis x = indexAxis(grid.pooled() ? "column block" : "column", grid.cols());
        NumberAxis y = indexAxis(grid.pooled() ? "row block" : "row", grid.rows());
        y.setInverted(true);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setDomainAxisLocation(AxisLocation.TOP_OR_LEFT);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        if (grid.rows() <= LABELLED_SIDE && grid.cols() <= LABELLED_SIDE) {
            for (int i = 0; i < n; i++) {
                XYTextAnnotation label = new XYTextAnnotation(cellText(grid.values()[i]), xs[i], ys[i]);
                label.setFont(ChartStyle.font(12));
                label.setPaint(zs[i] > DARK_FROM || Double.isNaN(zs[i]) ? Color.WHITE : ChartStyle.INK);
                plot.addAnnotation(label);
            }
        }
        int worst = worstCell(grid.values());
        if (worst >= 0) {
            Rectangle2D cell = new Rectangle2D.Double(xs[worst] - 0.5, ys[worst] - 0.5, 1, 1);
            plot.addAnnotation(new XYShapeAnnotation(cell, new BasicStroke(2.5f), ChartStyle.INK));
        }
        JFreeChart chart = new JFreeChart(null, ChartStyle.font(14), plot, false);
        ChartStyle.apply(chart);

        NumberAxis legendAxis = new NumberAxis("relative difference");
        ChartStyle.axis(legendAxis);
        legendAxis.setRange(LOG_FLOOR, LOG_CEILING);
        legendAxis.setTickUnit(new NumberTickUnit(2));
        legendAxis.setNumberFormatOverride(new PowerOfTenFormat());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(14);
        legend.setSubdivisionCount(96);
        legend.setMargin(new RectangleInsets(8, 12, 8, 0));
        legend.setBackgroundPaint(Color.WHITE);
        legend.setStripOutlineVisible(false);
        chart.addSubtitle(legend);

        // Square-ish cells: the height follows the grid's aspect ratio, within bounds that keep labels readable.
        int height = Math.max(220, Math.min(460, 60 + (int) (440.0 * grid.rows() / Math.max(grid.cols(), 1))));
        return SvgChart.draw(chart, WIDTH, height, id, "plot plot-heatmap", "gradient-heatmap",
                "Heat map of relative differences between your gradient " + tensor
                        + " and the numerical gradient, " + grid.rows() + " by " + grid.cols() + " cells");
    }

    /** The cell with the largest difference (a NaN cell counts as largest), or -1 when all are zero. */
    private static int worstCell(double[] values) {
        int worst = -1;
        double max = 0;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                return i;
            }
            if (values[i] > max) {
                max = values[i];
                worst = i;
            }
        }
        return worst;
    }

    private static NumberAxis indexAxis(String label, int size) {
        NumberAxis axis = new NumberAxis(label);
        ChartStyle.axis(axis);
        axis.setRange(-0.5, size - 0.5);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
        return axis;
    }

    /** log10 of a relative difference, clamped to the scale; NaN stays NaN. */
    private static double log(double value) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        if (value <= 0) {
            return LOG_FLOOR;
        }
        return Math.max(LOG_FLOOR, Math.min(LOG_CEILING, Math.log10(value)));
    }

    private static String cellText(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value == 0 ? "0" : String.format(Locale.ROOT, "%.0e", value);
    }

    /**
     * Pale green up to the agreement a correct backward pass reaches (about 1e-7), then yellow through orange to dark
     * red for unrelated values; NaN is black.
     */
    private static final class RelativeDifferenceScale implements PaintScale {

        /** log10 positions of the colour stops below. */
        private static final double[] AT = {LOG_FLOOR, -7, -5, -3, -1.5, LOG_CEILING};
        private static final Color[] STOPS = {
            new Color(0xf7, 0xfc, 0xf5), new Color(0xd9, 0xf0, 0xd3), new Color(0xfe, 0xe3, 0x91),
            new Color(0xfe, 0x99, 0x29), new Color(0xcc, 0x4c, 0x02), new Color(0x8c, 0x2d, 0x04),
        };

        @Override
        public double getLowerBound() {
            return LOG_FLOOR;
        }

        @Override
        public double getUpperBound() {
            return LOG_CEILING;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value)) {
                return Color.BLACK;
            }
            double v = Math.max(LOG_FLOOR, Math.min(LOG_CEILING, value));
            int i = 0;
            while (i < AT.length - 2 && v > AT[i + 1]) {
                i++;
            }
            double f = (v - AT[i]) / (AT[i + 1] - AT[i]);
            Color a = STOPS[i];
            Color b = STOPS[i + 1];
            return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                    mix(a.getBlue(), b.getBlue(), f));
        }

        private static int mix(int a, int b, double f) {
            return (int) Math.round(a + (b - a) * f);
        }
    }

    /** Labels a log10 axis with the powers of ten themselves: -8 reads {@code 1e-8}. */
    private static final class PowerOfTenFormat extends NumberFormat {

        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            long exponent = Math.round(number);
            return toAppendTo.append(exponent == 0 ? "1" : "1e" + exponent);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            throw new UnsupportedOperationException("format only");
        }
    }
}
