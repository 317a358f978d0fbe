package dlcourse.grader.render;

import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a JFreeChart into an inline {@code <svg>} element that scales with the page and can be found and read: it
 * carries a CSS class, a {@code data-testid}, {@code role="img"} and a {@code <title>} naming what it shows.
 */
final class SvgChart {

    static {
        // Charts are drawn off screen; on a server or in CI there is no display to ask for fonts.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // The workaround draws rotated labels (a y axis's title) through TextLayout, which reaches the SVG as glyph
        // outlines: unreadable to screen readers and search. Drawn directly they stay <text>.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgChart() {
    }

    /**
     * Draws {@code chart} at {@code width × height} user units.
     *
     * @param id       unique on the page; also prefixes the SVG's clip-path ids so that plots never share defs
     * @param cssClass class of the {@code <svg>} element ({@code plot plot-curve})
     * @param testId   its {@code data-testid}
     * @param title    its accessible title, plain text (escaped here)
     * @return the {@code <svg>} element, ready to be inserted into the page unescaped
     */
    static String draw(JFreeChart chart, int width, int height, String id, String cssClass, String testId,
                       String title) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        // crispEdges snaps hairlines to whole pixels of the drawing, which look uneven once the SVG is scaled.
        g2.setCheckStrokeControlHint(false);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        String svg = g2.getSVGElement(id, false, new ViewBox(0, 0, width, height),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        return decorate(svg, id, cssClass, testId, title);
    }

    /** Adds class, test id, role and title to the root element the library wrote. */
    static String decorate(String svg, String id, String cssClass, String testId, String title) {
        if (!svg.startsWith("<svg")) {
            throw new IllegalStateException("the plotting library did not return an <svg> element: "
                    + svg.substring(0, Math.min(40, svg.length())));
        }
        int end = svg.indexOf('>');
        String titleId = id + "-title";
        return svg.substring(0, end)
                + " class=\"" + escape(cssClass) + "\" data-testid=\"" + escape(testId)
                + "\" role=\"img\" aria-labelledby=\"" + escape(titleId) + "\">"
                + "<title id=\"" + escape(titleId) + "\">" + escape(title) + "</title>"
                + svg.substring(end + 1);
    }

    /** XML escaping for text and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
