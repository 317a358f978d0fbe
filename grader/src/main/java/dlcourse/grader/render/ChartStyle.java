package dlcourse.grader.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The look every chart shares, so plots match the page's typography and palette. */
final class ChartStyle {

    static final Color INK = new Color(0x1f, 0x29, 0x37);
    static final Color MUTED = new Color(0x6b, 0x72, 0x80);
    static final Color GRID = new Color(0xe5, 0xe7, 0xeb);
    static final Color STUDENT = new Color(0x25, 0x63, 0xeb);
    static final Color REFERENCE = new Color(0x9c, 0xa3, 0xaf);

    /** The logical font; the SVG writer maps it to the browser's sans-serif. */
    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {
    }

    static Font font(float size) {
        return new Font(FONT, Font.PLAIN, Math.round(size));
    }

    /** White background, no chart title (the page's heading names the plot), light grid, quiet axes. */
    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(8, 4, 4, 12));
        chart.setTextAntiAlias(true);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        axis(plot.getDomainAxis());
        axis(plot.getRangeAxis());
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.TOP);
            legend.setItemFont(font(13));
            legend.setItemPaint(INK);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
        }
    }

    static void axis(ValueAxis axis) {
        axis.setLabelFont(font(13));
        axis.setLabelPaint(MUTED);
        axis.setTickLabelFont(font(12));
        axis.setTickLabelPaint(MUTED);
        axis.setAxisLinePaint(GRID);
        axis.setTickMarkPaint(GRID);
    }
}
