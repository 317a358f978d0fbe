package dlcourse.grader.render;

import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Report;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole page: header totals, one view per assignment, provenance footer. Everything is already formatted; the
 * template only places text.
 *
 * @param subject      who was graded
 * @param score        points earned, formatted ({@code 7.5})
 * @param maxScore     points available, formatted
 * @param percent      share earned, formatted ({@code 75%}) or an em dash
 * @param percentValue share earned as a number 0–100, for the bar's width
 * @param verdicts     how many checks got each verdict, in verdict order, only verdicts that occur
 * @param assignments  in report order
 * @param provenance   the footer
 * @param problem      why the submission could not be graded, or null when it was
 */
record ReportView(String subject, String score, String maxScore, String percent, double percentValue,
                  List<VerdictCount> verdicts, List<AssignmentView> assignments, ProvenanceView provenance,
                  ProblemView problem) {

    /**
     * Why nothing was graded.
     *
     * @param stage    {@code compile}, {@code unpack} or {@code grader}
     * @param headline one line
     * @param message  the full text (compiler output)
     */
    record ProblemView(String stage, String headline, String message) {
    }

    /** A verdict and how many checks got it. */
    record VerdictCount(String key, String label, int count) {
    }

    ReportView {
        verdicts = List.copyOf(verdicts);
        assignments = List.copyOf(assignments);
    }

    static ReportView of(Report report) {
        List<AssignmentView> assignments = new ArrayList<>();
        Map<VerdictStyle, Integer> counts = new EnumMap<>(VerdictStyle.class);
        for (int i = 0; i < report.assignments().size(); i++) {
            AssignmentResult result = report.assignments().get(i);
            assignments.add(AssignmentView.of(result, i + 1));
            for (CheckResult check : result.checks()) {
                counts.merge(VerdictStyle.of(check.verdict(), check.id()), 1, Integer::sum);
            }
        }
        List<VerdictCount> verdicts = counts.entrySet().stream()
                .map(e -> new VerdictCount(e.getKey().key(), e.getKey().label(), e.getValue()))
                .toList();
        return new ReportView(report.subject(), Numbers.points(report.score()), Numbers.points(report.maxScore()),
                Numbers.percentText(report.score(), report.maxScore()),
                Numbers.percent(report.score(), report.maxScore()), verdicts, assignments,
                ProvenanceView.of(report.provenance()), report.problem() == null ? null
                : new ProblemView(report.problem().stage(), report.problem().headline(), report.problem().message()));
    }

    /** An HTML id from parts: lower case letters, digits, dots, dashes and underscores only. */
    static String anchor(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (out.length() > 0) {
                out.append("--");
            }
            out.append(part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-"));
        }
        return out.toString();
    }
}
