package dlcourse.grader.dashboard;

import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Problem;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.SampleReports;
import java.util.List;

/**
 * A small hand-made class for dashboard tests: two students with the sample report (each with one grader error and
 * the same two diagnosed mistakes), one with full marks, one whose submission does not compile.
 */
final class SampleClass {

    private SampleClass() {
    }

    static Report fullMarks(String subject) {
        CheckResult ok = new CheckResult("logistic.sigmoid.value.seed-1", "sigmoid", "value", "public",
                "value (seed 1)", 4, 4, "passed", "sigmoid matches.", null, 1, null);
        return Report.of(subject, SampleReports.provenance(), List.of(new AssignmentResult("logistic",
                "Logistic regression as a neural network", 4, 4, List.of(ok), List.of())));
    }

    static Report notCompiling(String subject) {
        AssignmentResult empty = new AssignmentResult("logistic", "Logistic regression as a neural network", 0, 14,
                List.of(), List.of());
        return Report.ungradable(subject, SampleReports.provenance(), List.of(empty), new Problem(Problem.COMPILE,
                "dlcourse/logistic/Logistic.java:12: error: ';' expected\n    return x\n            ^\n1 error\n"));
    }

    static List<ClassEntry> entries() {
        return List.of(
                new ClassEntry("ada", SampleReports.sample("ada"), "ada/index.html"),
                new ClassEntry("Bob", SampleReports.sample("Bob"), "Bob/index.html"),
                new ClassEntry("cy", fullMarks("cy"), "cy/index.html"),
                new ClassEntry("dee", notCompiling("dee"), "dee/index.html"));
    }
}
