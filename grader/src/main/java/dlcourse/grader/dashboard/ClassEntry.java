package dlcourse.grader.dashboard;

import dlcourse.grader.report.Report;
import java.util.Objects;

/**
 * One student of the class: the name shown, the report, and where the student's feedback page is.
 *
 * @param student the name in tables and the CSV (the report's subject, made unique within the class)
 * @param report  the student's report
 * @param link    the student's feedback page relative to the dashboard ({@code alice/index.html}), or null
 */
public record ClassEntry(String student, Report report, String link) {

    /** Rejects missing fields. */
    public ClassEntry {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(report, "report");
    }
}
