package dlcourse.grader.batch;

import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.Problem;
import dlcourse.grader.report.Report;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Grader;
import dlcourse.grader.run.Grading;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Grades submissions in this JVM: compiles each into its own folder, loads it with its own class loader, and runs
 * the catalogs under the {@link dlcourse.grader.check.CheckRunner}'s preemptive per-check time limits. Safe to use
 * from several worker threads at once.
 */
public final class InProcessGrader implements SubmissionGrader {

    private final List<Assignment<?>> assignments;
    private final Set<Visibility> sets;
    private final FixtureStore fixtures = new FixtureStore();
    /** Per assignment, its points with no check run: the maximum an ungradable submission is out of. */
    private final List<AssignmentResult> empty;

    /**
     * @param assignments the assignments to grade, in course order
     * @param sets        the fixture sets to grade with
     */
    public InProcessGrader(List<Assignment<?>> assignments, Set<Visibility> sets) {
        this.assignments = List.copyOf(assignments);
        this.sets = Set.copyOf(sets);
        List<AssignmentResult> zero = new ArrayList<>();
        for (Assignment<?> assignment : this.assignments) {
            double max = assignment.checks(fixtures, this.sets).stream().mapToDouble(Check::points).sum();
            zero.add(new AssignmentResult(assignment.id(), assignment.title(), 0, max, List.of(), List.of()));
        }
        this.empty = List.copyOf(zero);
    }

    @Override
    public Report grade(String student, SourceTree sources, Path work) {
        long start = System.nanoTime();
        String origin = sources.root().toString();
        SubmissionCompiler.Result compiled;
        try {
            compiled = SubmissionCompiler.compile(sources.root(), sources.files(), work.resolve("classes"));
        } catch (IOException | RuntimeException e) {
            return ungradable(student, origin, new Problem(Problem.GRADER, "compiling failed on the grader's side: "
                    + e));
        }
        if (!compiled.success()) {
            return ungradable(student, origin, new Problem(Problem.COMPILE, compiled.messages()), start);
        }
        Grader grader = new Grader(fixtures, sets);
        List<AssignmentResult> results = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {url(work.resolve("classes"))},
                InProcessGrader.class.getClassLoader())) {
            for (Assignment<?> assignment : assignments) {
                results.add(grader.grade(assignment, loader, (check, row) -> { }));
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return ungradable(student, origin, new Problem(Problem.GRADER, trace.toString()), start);
        }
        return Grading.report(student, origin, sets, results, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public Report ungradable(String student, String origin, Problem problem) {
        return ungradable(student, origin, problem, System.nanoTime());
    }

    private Report ungradable(String student, String origin, Problem problem, long start) {
        Report base = Grading.report(student, origin, sets, empty, (System.nanoTime() - start) / 1_000_000);
        return Report.ungradable(student, base.provenance(), empty, problem);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
