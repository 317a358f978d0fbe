package dlcourse.grader.render;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.SimpleHistogramBin;
import org.jfree.data.statistics.SimpleHistogramDataset;

/**
 * The class dashboard's score histogram: how many students scored 0–10 %, 10–20 %, … 90–100 % (a full score lands
 * in the last bin), drawn by JFreeChart as inline SVG.
 */
public final class ScoreHistogram {

    /** Number of bins over 0–100 %. */
    public static final int BINS = 10;
    static final int WIDTH = 640;
    static final int HEIGHT = 300;

    private ScoreHistogram() {
    }

    /**
     * The count of scores in each bin, lowest first; bin {@code i} holds {@code [10 i, 10 (i + 1))}, the last one also
     * 100.
     */
    public static int[] counts(List<Double> percents) {
        int[] counts = new int[BINS];
        for (double p : percents) {
            counts[bin(p)]++;
        }
        return counts;
    }

    private static int bin(double percent) {
        double clamped = Double.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : 0;
        return Math.min(BINS - 1, (int) Math.floor(clamped / (100.0 / BINS)));
    }

    /**
     * Draws the histogram of {@code percents} (each 0–100).
     *
     * @param id unique on the page
     * @return an {@code <svg>} element with class {@code plot plot-histogram} and test id {@code score-histogram}
     */
    public static String svg(List<Double> percents, String id) {
        SimpleHistogramDataset data = new SimpleHistogramDataset("students");
        data.setAdjustForBinSize(false);
        double width = 100.0 / BINS;
        for (int i = 0; i < BINS; i++) {
            data.addBin(new SimpleHistogramBin(i * width, (i + 1) * width, true, i == BINS - 1));
        }
        // the bins are half-open, [10, 20): a score on a boundary counts in the bin it starts
        data.addObservations(percents.stream()
                .mapToDouble(p -> Double.isFinite(p) ? Math.max(0, Math.min(100, p)) : 0).toArray());
        NumberAxis x = new NumberAxis("score (%)");
        x.setRange(0, 100);
        x.setTickUnit(new NumberTickUnit(10));
        NumberAxis y = new NumberAxis("students");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setAutoRangeIncludesZero(true);
        XYBarRenderer renderer = new XYBarRenderer(0.08);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.STUDENT);
        renderer.setDrawBarOutline(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(null, ChartStyle.font(14), plot, false);
        ChartStyle.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        int[] counts = counts(percents);
        StringBuilder title = new StringBuilder("Score histogram of " + percents.size() + " students:");
        for (int i = 0; i < BINS; i++) {
            title.append(i == 0 ? " " : ", ").append(Math.round(i * width)).append('\u2013')
                    .append(Math.round((i + 1) * width)).append("% ").append(counts[i]);
        }
        return SvgChart.draw(chart, WIDTH, HEIGHT, id, "plot plot-histogram", "score-histogram", title.toString());
    }
}
