package dlcourse.grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
 * @param problem     why the submission could not be graded (then every assignment has no checks and scores 0),
 *                    or {@code null} for a graded submission
 */
@JsonPropertyOrder({"subject", "gradable", "problem", "provenance", "score", "max_score", "assignments"})
public record Report(String subject, Provenance provenance, double score,
                     @JsonProperty("max_score") double maxScore, List<AssignmentResult> assignments,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Problem problem) {

    /** Copies the list and checks the totals add up. */
    public Report {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(provenance, "provenance");
        assignments = List.copyOf(assignments);
    }

    /** A graded report. */
    public Report(String subject, Provenance provenance, double score, double maxScore,
                  List<AssignmentResult> assignments) {
        this(subject, provenance, score, maxScore, assignments, null);
    }

    /** Builds a report whose totals are the sums of its assignments. */
    public static Report of(String subject, Provenance provenance, List<AssignmentResult> assignments) {
        double score = assignments.stream().mapToDouble(AssignmentResult::score).sum();
        double max = assignments.stream().mapToDouble(AssignmentResult::maxScore).sum();
        return new Report(subject, provenance, score, max, assignments);
    }

    /**
     * The report of a submission that could not be graded: zero points, the maximum of the assignments it would
     * have been graded on (each given with no checks), and the problem.
     */
    public static Report ungradable(String subject, Provenance provenance, List<AssignmentResult> assignments,
                                    Problem problem) {
        Objects.requireNonNull(problem, "problem");
        double max = assignments.stream().mapToDouble(AssignmentResult::maxScore).sum();
        return new Report(subject, provenance, 0, max, assignments, problem);
    }

    /** Whether the submission was graded at all ({@code "gradable": false} when it did not compile). */
    @JsonProperty("gradable")
    public boolean gradable() {
        return problem == null;
    }
}
