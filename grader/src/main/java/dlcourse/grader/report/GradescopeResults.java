package dlcourse.grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report as Gradescope's autograder {@code results.json}: the total score, a one-line summary, and one test
 * per check with its points, {@code passed}/{@code failed} status and the check's feedback. Hidden checks become
 * visible {@code after_published}, so students see them only once the instructor releases grades.
 */
public final class GradescopeResults {

    /** What Gradescope shows for a check that broke on our side. */
    static final String GRADER_ERROR_NOTE = "Internal grader error \u2014 not your fault. "
            + "This check costs you no points; your instructor has been told.";

    private GradescopeResults() {
    }

    /** Gradescope's top-level object (only the fields we fill). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Results(double score, @JsonProperty("execution_time") double executionTime, String output,
                   String visibility, @JsonProperty("stdout_visibility") String stdoutVisibility, List<Test> tests) {
    }

    /** One Gradescope test: a check. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Test(String name, String number, double score, @JsonProperty("max_score") double maxScore, String status,
                String output, String visibility, List<String> tags) {
    }

    /**
     * Writes {@code results.json} for {@code report}, creating the folder.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Report report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ReportJson.mapper().writeValue(file.toFile(), of(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The results object for a report. */
    static Results of(Report report) {
        List<Test> tests = new ArrayList<>();
        for (int a = 0; a < report.assignments().size(); a++) {
            AssignmentResult assignment = report.assignments().get(a);
            for (int c = 0; c < assignment.checks().size(); c++) {
                CheckResult check = assignment.checks().get(c);
                String title = check.title() == null || check.title().isBlank() ? check.kind() : check.title();
                tests.add(new Test(assignment.assignment() + " \u203a " + check.function() + " \u203a " + title,
                        (a + 1) + "." + (c + 1), check.points(), check.maxPoints(),
                        "passed".equals(check.verdict()) ? "passed" : "failed", output(check),
                        "hidden".equals(check.visibility()) ? "after_published" : "visible",
                        List.of(assignment.assignment(), check.function(), check.kind(), check.verdict())));
            }
        }
        Provenance p = report.provenance();
        String summary = String.format(java.util.Locale.ROOT,
                "%s: %s of %s points. Graded by dlcourse grader %s (commit %s, %s fixtures, seeds %s).",
                report.subject(), points(report.score()), points(report.maxScore()), p.graderVersion(),
                p.gitCommit(), p.fixtureSet(),
                p.seeds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        if (!report.gradable()) {
            summary = summary + "\n\nYour submission could not be graded (" + report.problem().what() + "):\n\n"
                    + report.problem().message();
        }
        return new Results(report.score(), p.millis() / 1000.0, summary, "visible", "hidden", tests);
    }

    /** The check's feedback as plain text: grader-error note, message, diagnosis, exception and location. */
    private static String output(CheckResult check) {
        List<String> lines = new ArrayList<>();
        if ("grader_error".equals(check.verdict())) {
            lines.add(GRADER_ERROR_NOTE);
        }
        if (check.message() != null && !check.message().isBlank()) {
            lines.add(check.message());
        }
        if (check.diagnosis() != null && !check.diagnosis().isBlank()) {
            lines.add("Looks like: " + check.diagnosis());
        }
        Detail detail = check.detail();
        if (detail != null && detail.exception() != null) {
            lines.add(detail.location() == null ? detail.exception() : detail.exception() + " at " + detail.location());
        } else if (detail != null && detail.location() != null) {
            lines.add("at " + detail.location());
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static String points(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }
}
