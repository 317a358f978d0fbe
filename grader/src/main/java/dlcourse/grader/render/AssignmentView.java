package dlcourse.grader.render;

import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One assignment's section.
 *
 * @param anchor       HTML id of the section
 * @param number       position in the report, from 1
 * @param id           assignment id ({@code logistic})
 * @param title        human title, or the id when the report has none
 * @param score        points earned, formatted
 * @param maxScore     points available, formatted
 * @param percent      share earned, formatted
 * @param percentValue share earned, 0–100
 * @param functions    one row per graded function, in catalog order
 * @param curves       learning curves, possibly none
 * @param figures      figures the checks drew, possibly none
 */
record AssignmentView(String anchor, int number, String id, String title, String score, String maxScore,
                      String percent, double percentValue, List<FunctionView> functions, List<PlotView> curves,
                      List<PlotView> figures) {

    AssignmentView {
        functions = List.copyOf(functions);
        curves = List.copyOf(curves);
        figures = List.copyOf(figures);
    }

    static AssignmentView of(AssignmentResult result, int number) {
        Map<String, List<CheckResult>> byFunction = new LinkedHashMap<>();
        for (CheckResult check : result.checks()) {
            byFunction.computeIfAbsent(check.function(), f -> new ArrayList<>()).add(check);
        }
        List<FunctionView> functions = byFunction.entrySet().stream()
                .map(e -> FunctionView.of(result.assignment(), e.getKey(), e.getValue()))
                .toList();
        List<PlotView> curves = new ArrayList<>();
        for (int i = 0; i < result.curves().size(); i++) {
            curves.add(PlotView.curve(result.curves().get(i), ReportView.anchor("curve", result.assignment(),
                    String.valueOf(i + 1))));
        }
        String title = result.title() == null || result.title().isBlank() ? result.assignment() : result.title();
        return new AssignmentView(ReportView.anchor("assignment", result.assignment()), number, result.assignment(),
                title, Numbers.points(result.score()), Numbers.points(result.maxScore()),
                Numbers.percentText(result.score(), result.maxScore()),
                Numbers.percent(result.score(), result.maxScore()), functions, curves,
                result.figures().stream().map(f -> new PlotView(f.title(), f.svg(), f.caption())).toList());
    }
}
