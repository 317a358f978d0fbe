package dlcourse.grader.report;

import java.util.Objects;

/**
 * A figure a check drew for the feedback page (a decision boundary, a gallery of misclassified pictures). It is
 * stored already rendered, so that {@code report.json} alone is enough to draw the page again.
 *
 * @param title   what it shows ({@code decision boundary, n_h = 4})
 * @param caption one or two sentences that say what to look at
 * @param svg     a standalone {@code <svg>} element, inserted into the page unescaped
 */
public record Figure(String title, String caption, String svg) {

    /** Rejects missing parts and markup that is not an SVG element. */
    public Figure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(svg, "svg");
        if (!svg.startsWith("<svg")) {
            throw new IllegalArgumentException("a figure must be an <svg> element but starts with \""
                    + svg.substring(0, Math.min(20, svg.length())) + "\"");
        }
    }
}
