package dlcourse.grader.render;

import dlcourse.grader.report.Curve;
import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A learning curve: the student's cost per iteration drawn over the reference's, on the same axes. */
final class CurvePlot {

    static final int WIDTH = 500;
    static final int HEIGHT = 310;

    private CurvePlot() {
    }

    /**
     * Draws the curve. A diverging run's line stops before its first NaN or infinite cost; the caption says so.
     *
     * @param id unique on the page
     */
    static String svg(Curve curve, String id) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("your model", curve.student(), curve.costEvery()));
        data.addSeries(series("reference", curve.reference(), curve.costEvery()));

        NumberAxis x = new NumberAxis("iteration");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("cost");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, ChartStyle.STUDENT);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesPaint(1, ChartStyle.REFERENCE);
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {6f, 5f}, 0f));
        renderer.setDrawSeriesLineAsPath(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(null, ChartStyle.font(14), plot, true);
        ChartStyle.apply(chart);
        return SvgChart.draw(chart, WIDTH, HEIGHT, id, "plot plot-curve", "learning-curve",
                "Learning curve " + curve.name() + ": your cost per iteration beside the reference's");
    }

    private static XYSeries series(String name, List<Double> costs, int every) {
        XYSeries series = new XYSeries(name, false, true);
        for (int i = 0; i < costs.size(); i++) {
            double cost = costs.get(i);
            if (!Double.isFinite(cost)) {
                break;
            }
            series.add((double) i * Math.max(every, 1), cost);
        }
        return series;
    }
}
