package dlcourse.grader.render;

import dlcourse.grader.report.Curve;
import dlcourse.grader.report.Detail;
import java.util.List;

/**
 * A plot and the words around it.
 *
 * @param heading what it shows ({@code model (lr=0.005)})
 * @param svg     the {@code <svg>} element the plotting library drew; inserted unescaped
 * @param caption one or two sentences that say what to look at
 */
record PlotView(String heading, String svg, String caption) {

    /** The student's learning curve over the reference's. */
    static PlotView curve(Curve curve, String id) {
        return new PlotView(curve.name(), CurvePlot.svg(curve, id), curveCaption(curve));
    }

    /** A gradient check's heat map of per-entry relative differences. */
    static PlotView heatmap(Detail detail, String id) {
        HeatmapPlot.Grid grid = HeatmapPlot.Grid.of(detail.heatmap(), detail.heatmapRows(), detail.heatmapCols());
        String tensor = detail.tensor() == null ? "gradient" : detail.tensor();
        String caption = "Relative difference per entry of " + tensor + " (shape (" + detail.heatmapRows() + ", "
                + detail.heatmapCols() + ")): pale green cells agree with the numerical gradient, dark red cells"
                + " do not; the outlined cell is the worst.";
        if (grid.pooled()) {
            caption += " Each cell shows the worst entry of a " + grid.blockRows() + " \u00d7 " + grid.blockCols()
                    + " block.";
        }
        return new PlotView(tensor, HeatmapPlot.svg(grid, tensor, id), caption);
    }

    private static String curveCaption(Curve curve) {
        String reference = lastFinite(curve.reference());
        int firstBad = firstNonFinite(curve.student());
        if (curve.student().isEmpty()) {
            return "Your run recorded no costs, so only the reference is drawn.";
        }
        if (firstBad >= 0) {
            return "Your cost became NaN or infinite at iteration " + firstBad * Math.max(curve.costEvery(), 1)
                    + "; your line stops before it. Reference final cost: " + reference + ".";
        }
        int last = (curve.student().size() - 1) * Math.max(curve.costEvery(), 1);
        return "Cost at iteration " + last + ": yours " + lastFinite(curve.student()) + ", reference " + reference
                + ".";
    }

    private static String lastFinite(List<Double> costs) {
        for (int i = costs.size() - 1; i >= 0; i--) {
            double c = costs.get(i);
            if (Double.isFinite(c)) {
                return Numbers.entry(Math.round(c * 1e6) / 1e6);
            }
        }
        return "none";
    }

    private static int firstNonFinite(List<Double> costs) {
        for (int i = 0; i < costs.size(); i++) {
            if (!Double.isFinite(costs.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
