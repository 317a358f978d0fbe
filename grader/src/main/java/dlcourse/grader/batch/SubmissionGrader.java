package dlcourse.grader.batch;

import dlcourse.grader.report.Problem;
import dlcourse.grader.report.Report;
import java.nio.file.Path;

/**
 * Grades one submission: the unit of work of a batch. Implementations must not throw for anything the student did
 * (a compile error, code that throws or loops): those end up in the returned report. {@link
 * dlcourse.grader.sandbox.ForkedGrader} (the batch default) scans the bytecode and grades in JVMs of the
 * submission's own; {@link InProcessGrader} grades in the batch's JVM, for trusted code.
 */
public interface SubmissionGrader {

    /**
     * Grades the sources of one submission.
     *
     * @param student the report's subject
     * @param sources the submission's Java sources
     * @param work    a scratch folder of this submission's own (class files go there), deleted afterwards
     * @return the report; {@link Report#gradable()} is false when the sources do not compile
     */
    Report grade(String student, SourceTree sources, Path work);

    /**
     * The report of a submission that could not even be opened (a broken zip, a failed clone).
     *
     * @param student the report's subject
     * @param origin  where the submission came from, for the provenance
     * @param problem what went wrong
     */
    Report ungradable(String student, String origin, Problem problem);
}
