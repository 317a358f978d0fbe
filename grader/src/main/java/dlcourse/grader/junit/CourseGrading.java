package dlcourse.grader.junit;

import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Report;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import dlcourse.grader.run.Grader;
import dlcourse.grader.run.Grading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit 5 bridge: {@code mvn verify} in {@code exercises/} or {@code solutions/} grades that module.
 *
 * <p>Every check becomes a dynamic test named as the course names it ({@code propagate › value (seed 1)}),
 * grouped by assignment and function, so IDEs and Surefire list them. A last test writes the report
 * ({@code target/grader/report.json}, {@code index.html}, {@code results.json}) and prints the score.
 *
 * <p>Modes: {@link StrictGrading} (solutions) fails on anything but a pass. {@link StudentGrading} (exercises)
 * fails a test per wrong check but never the build (its pom ignores test failures), reports untouched skeletons as
 * skipped, and — with {@code -Dgrader.failUnder=<percent>} — turns wrong checks into skipped tests and fails only
 * the final test when the score is below the threshold.
 */
public abstract class CourseGrading {

    /** System property: the percentage below which {@code mvn verify} in exercises fails. */
    public static final String FAIL_UNDER = "grader.failUnder";

    /** Whether anything but a pass fails the test (and so the build). */
    protected abstract boolean strict();

    /** Which fixture sets to grade with. */
    protected abstract Set<Visibility> sets();

    /** The subject written into the report. */
    protected abstract String subject();

    /** Where the report goes: {@code target/grader} of the module under test. */
    protected Path reportDirectory() {
        return Path.of("target", "grader");
    }

    /** One container per assignment, one per function, one test per check, and the final report test. */
    @TestFactory
    Stream<DynamicNode> grade() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Grader grader = new Grader(new FixtureStore(), sets());
        List<Grader.Session<?>> sessions = new ArrayList<>();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Assignment<?> assignment : Course.assignments()) {
            Grader.Session<?> session = grader.start(assignment, loader);
            sessions.add(session);
            nodes.add(container(session));
        }
        long started = System.nanoTime();
        nodes.add(DynamicTest.dynamicTest("score and report", () -> finish(sessions, started)));
        return nodes.stream();
    }

    private <T> DynamicContainer container(Grader.Session<T> session) {
        Map<String, List<DynamicNode>> byFunction = new LinkedHashMap<>();
        for (Check<T> check : session.checks()) {
            byFunction.computeIfAbsent(check.function(), f -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(check.displayName(), () -> outcome(session.run(check))));
        }
        List<DynamicNode> functions = new ArrayList<>();
        byFunction.forEach((function, tests) -> functions.add(DynamicContainer.dynamicContainer(function, tests)));
        return DynamicContainer.dynamicContainer(session.assignment().id() + " — " + session.assignment().title(),
                functions);
    }

    private void outcome(CheckResult row) {
        String text = row.message() + (row.diagnosis() == null ? "" : " " + row.diagnosis());
        switch (row.verdict()) {
            case "passed" -> {
            }
            case "not_implemented" -> {
                if (strict()) {
                    throw new AssertionFailedError(text);
                }
                throw new TestAbortedException(text);
            }
            case "grader_error" -> {
                if (strict()) {
                    throw new AssertionFailedError(text);
                }
                throw new TestAbortedException(text);
            }
            default -> {
                if (!strict() && failUnder() != null) {
                    throw new TestAbortedException(row.verdict() + ": " + text);
                }
                throw new AssertionFailedError(row.verdict() + ": " + text);
            }
        }
    }

    private void finish(List<Grader.Session<?>> sessions, long started) {
        List<AssignmentResult> results = sessions.stream().<AssignmentResult>map(Grader.Session::result).toList();
        Report graded = Grading.report(subject(), "classpath (" + subject() + ")", sets(), results,
                (System.nanoTime() - started) / 1_000_000);
        Path page = Grading.write(graded, reportDirectory());
        double percent = graded.maxScore() == 0 ? 0 : 100 * graded.score() / graded.maxScore();
        System.out.printf(Locale.ROOT, "%n[dlcourse] score %.1f / %.1f (%.1f %%) — report: %s%n", graded.score(),
                graded.maxScore(), percent, page.toAbsolutePath().toUri());
        Double threshold = failUnder();
        if (!strict() && threshold != null && percent < threshold) {
            throw new AssertionFailedError(String.format(Locale.ROOT,
                    "score %.1f %% is below -D%s=%s; see %s", percent, FAIL_UNDER, threshold, page.toAbsolutePath()));
        }
    }

    private static Double failUnder() {
        String value = System.getProperty(FAIL_UNDER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + FAIL_UNDER + " must be a percentage, e.g. 80 (was '" + value
                    + "')", e);
        }
    }
}
