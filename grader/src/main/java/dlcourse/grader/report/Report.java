package dlcourse.grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One student's grading result: the source of truth that {@code report.json} serialises and every view (HTML,
 * Gradescope {@code results.json}, class dashboards) is built from.
 *
 * @param subject     who or what was graded (a student name, "solutions", "exercises")
 * @param provenance  how the grade was produced
 * @param score       points earned over all assignments
 * @param maxScore    points available over all assignments
 * @param assignments one entry per graded assignment, in course order
 */
public record Report(String subject, Provenance provenance, double score,
                     @JsonProperty("max_score") double maxScore, List<AssignmentResult> assignments) {

    /** Copies the list and checks the totals add up. */
    public Report {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(provenance, "provenance");
        assignments = List.copyOf(assignments);
    }

    /** Builds a report whose totals are the sums of its assignments. */
    public static Report of(String subject, Provenance provenance, List<AssignmentResult> assignments) {
        double score = assignments.stream().mapToDouble(AssignmentResult::score).sum();
        double max = assignments.stream().mapToDouble(AssignmentResult::maxScore).sum();
        return new Report(subject, provenance, score, max, assignments);
    }
}
