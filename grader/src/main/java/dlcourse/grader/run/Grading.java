package dlcourse.grader.run;

import dlcourse.core.Kernels;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.render.HtmlReport;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.GradescopeResults;
import dlcourse.grader.report.Provenance;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * One grading run over the whole course: grades every assignment found on a class loader and writes the report
 * files. Shared by {@code dlcourse grade} and the JUnit bridge so both produce the same report.
 */
public final class Grading {

    /** File names written into a report folder. */
    public static final String REPORT_JSON = "report.json";
    /** Gradescope's file name. */
    public static final String GRADESCOPE_JSON = "results.json";

    private Grading() {
    }

    /** Public fixtures always; hidden ones when asked for and present (instructor edition). */
    public static Set<Visibility> sets(boolean hidden) {
        return hidden ? EnumSet.allOf(Visibility.class) : EnumSet.of(Visibility.PUBLIC);
    }

    /**
     * Grades every assignment.
     *
     * @param subject        the report's subject (student name)
     * @param implementation where the classes came from, for the provenance
     * @param loader         loads the graded classes
     * @param sets           fixture sets to use
     * @param listener       told about each finished check
     */
    public static Report grade(String subject, String implementation, ClassLoader loader, Set<Visibility> sets,
                               BiConsumer<Check<?>, CheckResult> listener) {
        long start = System.nanoTime();
        Instant started = Instant.now();
        Grader grader = new Grader(new FixtureStore(), sets);
        List<AssignmentResult> results = new ArrayList<>();
        for (Assignment<?> assignment : Course.assignments()) {
            results.add(grader.grade(assignment, loader, listener));
        }
        return report(subject, implementation, sets, results, (System.nanoTime() - start) / 1_000_000, started);
    }

    /** Assembles a report with its provenance from graded assignments. */
    public static Report report(String subject, String implementation, Set<Visibility> sets,
                                List<AssignmentResult> results, long millis) {
        return report(subject, implementation, sets, results, millis, Instant.now().minusMillis(millis));
    }

    private static Report report(String subject, String implementation, Set<Visibility> sets,
                                 List<AssignmentResult> results, long millis, Instant started) {
        Provenance provenance = new Provenance(version(), gitCommit(), Runtime.version() + " ("
                + System.getProperty("java.vendor") + ")", Kernels.simdEnabled(), seeds(),
                sets.contains(Visibility.HIDDEN) ? "public+hidden" : "public", implementation, started.toString(),
                millis);
        return Report.of(subject, provenance, results);
    }

    /** Writes report.json, index.html and results.json into {@code dir}; returns the HTML page. */
    public static Path write(Report report, Path dir) {
        ReportJson.write(report, dir.resolve(REPORT_JSON));
        GradescopeResults.write(report, dir.resolve(GRADESCOPE_JSON));
        return HtmlReport.render(report, dir);
    }

    /** The grader's version, from the build. */
    public static String version() {
        try (InputStream in = Grading.class.getResourceAsStream("/dlcourse-grader.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    /** The checkout's commit, read from {@code .git} without running git; "unknown" outside a checkout. */
    public static String gitCommit() {
        Path git = Path.of(System.getProperty("dlcourse.root", ".")).resolve(".git");
        try {
            String head = Files.readString(git.resolve("HEAD")).strip();
            if (head.startsWith("ref: ")) {
                Path ref = git.resolve(head.substring(5));
                if (Files.exists(ref)) {
                    return Files.readString(ref).strip();
                }
                Path packed = git.resolve("packed-refs");
                if (Files.exists(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + head.substring(5))) {
                            return line.substring(0, line.indexOf(' '));
                        }
                    }
                }
                return "unknown";
            }
            return head;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static List<Long> seeds() {
        return Course.assignments().stream()
                .flatMap(a -> a.probes().stream())
                .flatMap(p -> java.util.stream.Stream.concat(p.publicCases().stream(), p.hiddenCases().stream()))
                .map(dlcourse.grader.fixture.Probe.CaseSpec::seed)
                .distinct().sorted().toList();
    }
}
