package dlcourse.grader.dashboard;

import dlcourse.grader.dashboard.DashboardView.AssignmentRow;
import dlcourse.grader.dashboard.DashboardView.FunctionRow;
import dlcourse.grader.dashboard.DashboardView.GraderErrorRow;
import dlcourse.grader.dashboard.DashboardView.Link;
import dlcourse.grader.dashboard.DashboardView.MistakeRow;
import dlcourse.grader.dashboard.DashboardView.ProvenanceRow;
import dlcourse.grader.dashboard.DashboardView.RunView;
import dlcourse.grader.dashboard.DashboardView.StudentRow;
import dlcourse.grader.dashboard.DashboardView.Totals;
import dlcourse.grader.dashboard.DashboardView.UngradableRow;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.render.HtmlReport;
import dlcourse.grader.render.ScoreHistogram;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Problem;
import dlcourse.grader.report.Provenance;
import dlcourse.grader.report.Report;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts a class's reports into the dashboard's view. Pass rates are over the students whose submission was graded;
 * the score histogram, mean and median are over every student (a submission that could not be graded scores 0).
 */
final class ClassStats {

    /** Verdicts counted as "threw, hung or was stopped" in the per-function table. */
    private static final java.util.Set<String> BROKE_OR_HUNG = java.util.Set.of("errored", "timed_out", "rejected",
            "crashed");

    /** Students named per mistake. */
    static final int EXAMPLES = 3;

    private ClassStats() {
    }

    static DashboardView of(String title, List<ClassEntry> entries, RunInfo run) {
        List<ClassEntry> students = entries.stream()
                .sorted(Comparator.comparing((ClassEntry e) -> e.student().toLowerCase(Locale.ROOT))
                        .thenComparing(ClassEntry::student))
                .toList();
        List<ClassEntry> graded = students.stream().filter(e -> e.report().gradable()).toList();
        List<String> ids = assignmentIds(students);
        List<Double> percents = students.stream().map(e -> percent(e.report().score(), e.report().maxScore()))
                .toList();
        List<GraderErrorRow> graderErrors = graderErrors(students);
        int fullMarks = (int) graded.stream()
                .filter(e -> e.report().maxScore() > 0 && e.report().score() >= e.report().maxScore()).count();
        Totals totals = new Totals(students.size(), graded.size(), students.size() - graded.size(),
                percentText(mean(percents)), percentText(median(percents)), fullMarks, graderErrors.size());
        return new DashboardView(title, totals, ids, assignments(ids, graded), functions(ids, graded),
                mistakes(graded), ScoreHistogram.svg(percents, "histogram"), studentRows(ids, students),
                graderErrors, ungradable(students), provenance(students), runView(run));
    }

    /** Course order first, then assignments the course does not know, in order of appearance. */
    static List<String> assignmentIds(List<ClassEntry> entries) {
        Set<String> seen = new LinkedHashSet<>();
        entries.forEach(e -> e.report().assignments().forEach(a -> seen.add(a.assignment())));
        List<String> ids = new ArrayList<>();
        for (Assignment<?> a : Course.assignments()) {
            if (seen.remove(a.id())) {
                ids.add(a.id());
            }
        }
        ids.addAll(seen);
        return ids;
    }

    private static List<AssignmentRow> assignments(List<String> ids, List<ClassEntry> graded) {
        List<AssignmentRow> rows = new ArrayList<>();
        for (String id : ids) {
            List<AssignmentResult> results = graded.stream().map(e -> find(e.report(), id))
                    .filter(java.util.Objects::nonNull).toList();
            String title = results.stream().map(AssignmentResult::title).filter(t -> t != null && !t.isBlank())
                    .findFirst().orElse(id);
            double max = mode(results.stream().map(AssignmentResult::maxScore).toList());
            double mean = mean(results.stream().map(a -> percent(a.score(), a.maxScore())).toList());
            int full = (int) results.stream().filter(a -> a.maxScore() > 0 && a.score() >= a.maxScore()).count();
            long run = results.stream().mapToLong(a -> a.checks().size()).sum();
            long passed = results.stream().flatMap(a -> a.checks().stream()).filter(ClassStats::passed).count();
            rows.add(new AssignmentRow(id, title, points(max), results.size(), percentText(mean),
                    results.isEmpty() ? 0 : mean, full, share(full, results.size()), share(passed, run)));
        }
        return rows;
    }

    private static List<FunctionRow> functions(List<String> ids, List<ClassEntry> graded) {
        List<FunctionRow> rows = new ArrayList<>();
        for (String id : ids) {
            Map<String, List<List<CheckResult>>> byFunction = new LinkedHashMap<>();
            for (ClassEntry e : graded) {
                AssignmentResult a = find(e.report(), id);
                if (a == null) {
                    continue;
                }
                Map<String, List<CheckResult>> mine = a.checks().stream().collect(Collectors.groupingBy(
                        CheckResult::function, LinkedHashMap::new, Collectors.toList()));
                mine.forEach((f, checks) -> byFunction.computeIfAbsent(f, k -> new ArrayList<>()).add(checks));
            }
            byFunction.forEach((function, perStudent) -> {
                int students = perStudent.size();
                int allPassed = (int) perStudent.stream().filter(c -> c.stream().allMatch(ClassStats::passed))
                        .count();
                int missing = (int) perStudent.stream()
                        .filter(c -> c.stream().allMatch(r -> "not_implemented".equals(r.verdict()))).count();
                int errored = (int) perStudent.stream().filter(c -> c.stream()
                        .anyMatch(r -> BROKE_OR_HUNG.contains(r.verdict()))).count();
                long run = perStudent.stream().mapToLong(List::size).sum();
                long passed = perStudent.stream().flatMap(List::stream).filter(ClassStats::passed).count();
                int broke = (int) perStudent.stream().flatMap(List::stream)
                        .filter(r -> "grader_error".equals(r.verdict())).count();
                double rate = students == 0 ? 0 : 100.0 * allPassed / students;
                rows.add(new FunctionRow(id, function, students, allPassed, share(allPassed, students), rate,
                        passed + " / " + run, share(passed, run), missing, errored, broke));
            });
        }
        return rows;
    }

    private static List<MistakeRow> mistakes(List<ClassEntry> graded) {
        record Key(String assignment, String function, String diagnosis) {
        }
        Map<Key, Map<String, Link>> byKey = new LinkedHashMap<>();
        for (ClassEntry e : graded) {
            for (AssignmentResult a : e.report().assignments()) {
                for (CheckResult c : a.checks()) {
                    if (c.diagnosis() == null || c.diagnosis().isBlank()) {
                        continue;
                    }
                    Key key = new Key(a.assignment(), c.function(), c.diagnosis());
                    byKey.computeIfAbsent(key, k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                            .putIfAbsent(e.student(), new Link(e.student(), e.link() == null ? null
                                    : e.link() + "#" + HtmlReport.checkAnchor(c.id())));
                }
            }
        }
        Map<String, String> ids = mistakeIds();
        return byKey.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<Key, Map<String, Link>> en) -> -en.getValue().size())
                        .thenComparing(en -> en.getKey().assignment())
                        .thenComparing(en -> en.getKey().function())
                        .thenComparing(en -> en.getKey().diagnosis()))
                .map(en -> new MistakeRow(en.getKey().assignment(), en.getKey().function(), en.getKey().diagnosis(),
                        ids.get(en.getKey().assignment() + "\u0000" + en.getKey().diagnosis()),
                        en.getValue().size(), en.getValue().values().stream().limit(EXAMPLES).toList()))
                .toList();
    }

    /** assignment + NUL + diagnosis text → the catalog's mistake id. */
    private static Map<String, String> mistakeIds() {
        Map<String, String> ids = new HashMap<>();
        for (Assignment<?> a : Course.assignments()) {
            for (Mistake m : a.mistakes()) {
                ids.putIfAbsent(a.id() + "\u0000" + dlcourse.grader.check.Feedback.diagnosis(m.description()),
                        m.id());
            }
        }
        return ids;
    }

    private static List<StudentRow> studentRows(List<String> ids, List<ClassEntry> students) {
        List<StudentRow> rows = new ArrayList<>();
        for (ClassEntry e : students) {
            Report r = e.report();
            List<String> scores = ids.stream().map(id -> {
                AssignmentResult a = find(r, id);
                return a == null ? "\u2014" : points(a.score());
            }).toList();
            int broke = (int) checks(r).filter(c -> "grader_error".equals(c.verdict())).count()
                    + (r.problem() != null && Problem.GRADER.equals(r.problem().stage()) ? 1 : 0);
            double pct = percent(r.score(), r.maxScore());
            rows.add(new StudentRow(e.student(), e.link(), r.gradable(), scores, points(r.score()),
                    points(r.maxScore()), percentText(pct), pct, broke,
                    r.problem() == null ? null : r.problem().headline(), duration(r.provenance().millis())));
        }
        return rows;
    }

    private static List<GraderErrorRow> graderErrors(List<ClassEntry> students) {
        List<GraderErrorRow> rows = new ArrayList<>();
        for (ClassEntry e : students) {
            if (e.report().problem() != null && Problem.GRADER.equals(e.report().problem().stage())) {
                rows.add(new GraderErrorRow(e.student(), e.link(), "(whole submission)",
                        e.report().problem().headline()));
            }
            checks(e.report()).filter(c -> "grader_error".equals(c.verdict())).forEach(c -> rows.add(
                    new GraderErrorRow(e.student(), e.link() == null ? null
                            : e.link() + "#" + HtmlReport.checkAnchor(c.id()), c.id(), c.message())));
        }
        return rows;
    }

    private static List<UngradableRow> ungradable(List<ClassEntry> students) {
        return students.stream().filter(e -> !e.report().gradable())
                .map(e -> new UngradableRow(e.student(), e.link(), e.report().problem().stage(),
                        e.report().problem().headline()))
                .toList();
    }

    private static List<ProvenanceRow> provenance(List<ClassEntry> students) {
        List<Provenance> all = students.stream().map(e -> e.report().provenance()).toList();
        return List.of(
                new ProvenanceRow("Grader version", tally(all, Provenance::graderVersion)),
                new ProvenanceRow("Git commit", tally(all, Provenance::gitCommit)),
                new ProvenanceRow("JDK", tally(all, Provenance::jdk)),
                new ProvenanceRow("SIMD", tally(all, p -> p.simd() ? "on" : "off")),
                new ProvenanceRow("Fixture set", tally(all, Provenance::fixtureSet)),
                new ProvenanceRow("Graded between", students.isEmpty() ? "\u2014" : all.stream()
                        .map(Provenance::startedAt).filter(java.util.Objects::nonNull).min(String::compareTo)
                        .orElse("?") + " and " + all.stream().map(Provenance::startedAt)
                        .filter(java.util.Objects::nonNull).max(String::compareTo).orElse("?")));
    }

    /** Each distinct value with its count, most frequent first: {@code 0.1.0 (28), 0.0.9 (2)}. */
    private static String tally(List<Provenance> all, Function<Provenance, String> field) {
        Map<String, Long> counts = all.stream().map(p -> String.valueOf(field.apply(p)))
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        if (counts.isEmpty()) {
            return "\u2014";
        }
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(en -> en.getKey() + " (" + en.getValue() + ")").collect(Collectors.joining(", "));
    }

    private static RunView runView(RunInfo run) {
        if (run == null) {
            return null;
        }
        if (!run.batch()) {
            return new RunView(run.source(), null, null, 0, 0, run.reused(), null);
        }
        String per = run.graded() == 0 ? "\u2014" : duration(run.wallMillis() / run.graded());
        return new RunView(run.source(), run.startedAt(), duration(run.wallMillis()), run.workers(), run.graded(),
                run.reused(), per);
    }

    private static java.util.stream.Stream<CheckResult> checks(Report r) {
        return r.assignments().stream().flatMap(a -> a.checks().stream());
    }

    private static AssignmentResult find(Report r, String id) {
        return r.assignments().stream().filter(a -> a.assignment().equals(id)).findFirst().orElse(null);
    }

    private static boolean passed(CheckResult c) {
        return "passed".equals(c.verdict());
    }

    static double percent(double score, double max) {
        return max <= 0 ? 0 : 100 * Math.max(0, Math.min(score, max)) / max;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double mode(List<Double> values) {
        return values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<Double, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0.0);
    }

    /** {@code 87.5%}; an em dash for no data. */
    static String percentText(double percent) {
        if (Double.isNaN(percent)) {
            return "\u2014";
        }
        return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + "%";
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "\u2014" : percentText(100.0 * part / whole);
    }

    /** Points without noise: {@code 10}, {@code 7.5}. */
    static String points(double points) {
        if (!Double.isFinite(points)) {
            return String.valueOf(points);
        }
        return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
