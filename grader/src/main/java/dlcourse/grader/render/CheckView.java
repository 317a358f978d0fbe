package dlcourse.grader.render;

import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Detail;

/**
 * One check as the student reads it.
 *
 * @param anchor       HTML id
 * @param title        what the check looks at ({@code value (seed 1)}); the kind when the report has no title
 * @param kind         {@code value}, {@code gradient}, ...
 * @param hidden       whether it is a hidden check
 * @param verdict      the report's verdict key ({@code not_implemented}); the CSS class suffix
 * @param verdictLabel the verdict in words
 * @param points       points earned, formatted
 * @param maxPoints    points available, formatted
 * @param message      the feedback, may be null
 * @param diagnosis    the mistake the output looks like, or null
 * @param time         how long the check ran, formatted
 * @param comparison   expected vs got, for failed checks whose detail has values or shapes; else null
 * @param error        what the student's code threw or where it was stopped; else null
 * @param heatmap      gradient heat map; else null
 */
record CheckView(String anchor, String title, String kind, boolean hidden, String verdict, String verdictLabel,
                 String points, String maxPoints, String message, String diagnosis, String time,
                 ComparisonView comparison, ErrorView error, PlotView heatmap) {

    static CheckView of(CheckResult check) {
        VerdictStyle verdict = VerdictStyle.of(check.verdict(), check.id());
        Detail detail = check.detail();
        String anchor = ReportView.anchor("check", check.id());
        ComparisonView comparison = detail != null && verdict == VerdictStyle.FAILED
                ? ComparisonView.of(detail, check.kind()) : null;
        ErrorView error = detail != null ? ErrorView.of(detail) : null;
        PlotView heatmap = detail != null && detail.heatmap() != null && detail.heatmapRows() != null
                && detail.heatmapCols() != null ? PlotView.heatmap(detail, "heatmap-" + anchor) : null;
        String title = check.title() == null || check.title().isBlank() ? check.kind() : check.title();
        String diagnosis = check.diagnosis() == null || check.diagnosis().isBlank() ? null : check.diagnosis();
        return new CheckView(anchor, title, check.kind(), "hidden".equals(check.visibility()), verdict.key(),
                verdict.label(), Numbers.points(check.points()), Numbers.points(check.maxPoints()), check.message(),
                diagnosis, Numbers.duration(check.millis()), comparison, error, heatmap);
    }
}
