package dlcourse.grader.render;

import dlcourse.grader.report.CheckResult;
import java.util.List;

/**
 * One graded function: its row in the assignment's table and its list of checks.
 *
 * @param name      the course name ({@code propagate})
 * @param anchor    HTML id of its check list
 * @param passed    checks passed
 * @param total     checks run
 * @param points    points earned, formatted
 * @param maxPoints points available, formatted
 * @param status    {@code complete} (every check passed), {@code missing} (nothing implemented) or {@code partial};
 *                  the CSS class of the row
 * @param checks    in catalog order
 */
record FunctionView(String name, String anchor, int passed, int total, String points, String maxPoints,
                    String status, List<CheckView> checks) {

    FunctionView {
        checks = List.copyOf(checks);
    }

    static FunctionView of(String assignment, String function, List<CheckResult> results) {
        List<CheckView> checks = results.stream().map(CheckView::of).toList();
        int passed = (int) checks.stream().filter(c -> c.verdict().equals(VerdictStyle.PASSED.key())).count();
        boolean nothingImplemented = checks.stream()
                .allMatch(c -> c.verdict().equals(VerdictStyle.NOT_IMPLEMENTED.key()));
        String status = passed == checks.size() ? "complete" : nothingImplemented ? "missing" : "partial";
        double points = results.stream().mapToDouble(CheckResult::points).sum();
        double maxPoints = results.stream().mapToDouble(CheckResult::maxPoints).sum();
        return new FunctionView(function, ReportView.anchor("function", assignment, function), passed, checks.size(),
                Numbers.points(points), Numbers.points(maxPoints), status, checks);
    }
}
