package dlcourse.grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The checks of one assignment and their total.
 *
 * @param assignment the assignment id ({@code logistic}, {@code shallow}, {@code deep}, {@code application},
 *                   {@code initialization}, {@code regularization}, {@code gradcheck}, {@code optimization},
 *                   {@code framework})
 * @param title      a human title ("Logistic regression as a neural network")
 * @param score      points earned
 * @param maxScore   points available
 * @param checks     every check run, in catalog order
 * @param curves     learning curves to plot (the student's beside the reference's); may be empty
 * @param figures    figures the checks drew (decision boundaries, picture galleries); may be empty
 */
public record AssignmentResult(String assignment, String title, double score,
                               @JsonProperty("max_score") double maxScore, List<CheckResult> checks,
                               List<Curve> curves, List<Figure> figures) {

    /** Copies the lists. */
    public AssignmentResult {
        Objects.requireNonNull(assignment, "assignment");
        checks = List.copyOf(checks);
        curves = curves == null ? List.of() : List.copyOf(curves);
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    /** A result without figures. */
    public AssignmentResult(String assignment, String title, double score, double maxScore, List<CheckResult> checks,
                            List<Curve> curves) {
        this(assignment, title, score, maxScore, checks, curves, List.of());
    }
}
