package dlcourse.grader.cli;

import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Report;
import dlcourse.grader.run.Grading;
import java.io.PrintWriter;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dlcourse grade}: the main job — grade the exercises (or another implementation) and write the report. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {"Grades the exercises (default), the solutions or a folder of Java sources, prints a table per"
                + " function and writes report.json, index.html and Gradescope's results.json."})
public final class GradeCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--impl", defaultValue = "exercises", paramLabel = "exercises|solutions|<dir>",
            description = "What to grade (default: ${DEFAULT-VALUE}).")
    private String impl;

    @CommandLine.Option(names = "--name", paramLabel = "<student>", description = "Report subject and folder name"
            + " (default: the --impl value).")
    private String name;

    @CommandLine.Option(names = "--out", paramLabel = "<dir>", description = "Report folder (default:"
            + " reports/<name>).")
    private Path out;

    @CommandLine.Option(names = "--hidden", description = "Also run the hidden fixtures (instructor edition).")
    private boolean hidden;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        String subject = name != null ? name : Path.of(impl).getFileName().toString();
        Path dir = out != null ? out : Implementations.root().resolve("reports").resolve(subject);
        Report report;
        try (URLClassLoader loader = Implementations.loader(impl, false)) {
            report = Grading.grade(subject, impl, loader, Grading.sets(hidden), (check, row) -> { });
        }
        Path page = Grading.write(report, dir);
        printTable(report, console);
        console.printf(Locale.ROOT, "%nScore: %s / %s (%.1f %%) in %.1f s%n", fmt(report.score()),
                fmt(report.maxScore()), report.maxScore() == 0 ? 0 : 100 * report.score() / report.maxScore(),
                report.provenance().millis() / 1000.0);
        console.println("Report: " + page.toAbsolutePath().normalize());
        return 0;
    }

    static void printTable(Report report, PrintWriter console) {
        console.printf("%-16s %-24s %-8s %-9s %s%n", "assignment", "function", "checks", "points", "verdicts");
        for (AssignmentResult assignment : report.assignments()) {
            Map<String, int[]> passed = new LinkedHashMap<>();
            Map<String, double[]> points = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> verdicts = new LinkedHashMap<>();
            for (CheckResult check : assignment.checks()) {
                int[] p = passed.computeIfAbsent(check.function(), f -> new int[2]);
                p[1]++;
                if (check.verdict().equals("passed")) {
                    p[0]++;
                }
                double[] pts = points.computeIfAbsent(check.function(), f -> new double[2]);
                pts[0] += check.points();
                pts[1] += check.maxPoints();
                verdicts.computeIfAbsent(check.function(), f -> new LinkedHashMap<>())
                        .merge(check.verdict(), 1, Integer::sum);
            }
            for (String function : passed.keySet()) {
                int[] p = passed.get(function);
                double[] pts = points.get(function);
                console.printf("%-16s %-24s %-8s %-9s %s%n", assignment.assignment(), function, p[0] + "/" + p[1],
                        fmt(pts[0]) + "/" + fmt(pts[1]), verdicts.get(function).toString().replaceAll("[{}]", ""));
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
