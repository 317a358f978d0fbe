package dlcourse.grader.run;

import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckContext;
import dlcourse.grader.check.CheckRunner;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Detail;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Grades implementations loaded from a class loader: builds each assignment's catalog, runs every check under the
 * {@link CheckRunner}, and turns verdicts into report rows with points.
 */
public final class Grader {

    private final FixtureStore fixtures;
    private final Set<Visibility> sets;

    /**
     * @param fixtures where the fixtures come from
     * @param sets     which fixture sets to grade with (public, or public + hidden)
     */
    public Grader(FixtureStore fixtures, Set<Visibility> sets) {
        this.fixtures = fixtures;
        this.sets = Set.copyOf(sets);
    }

    /** One graded check: the catalog entry and its result row. */
    public record Graded(Check<?> check, CheckResult result) {
    }

    /**
     * Grades one assignment.
     *
     * @param loader   loads the implementation class
     * @param listener told about every check as it finishes (for progress output and the JUnit bridge)
     */
    public <T> AssignmentResult grade(Assignment<T> assignment, ClassLoader loader, BiConsumer<Check<?>, CheckResult> listener) {
        List<Check<T>> checks = assignment.checks(fixtures, sets);
        CheckRunner runner = new CheckRunner(name -> name.startsWith(assignment.studentPackage()));
        List<CheckResult> rows = new ArrayList<>();
        CheckContext<T> context = null;
        String loadProblem = null;
        try {
            Class<? extends T> type = loader.loadClass(assignment.implementationClassName())
                    .asSubclass(assignment.contract());
            Supplier<T> instances = () -> newInstance(type);
            context = new CheckContext<>(instances, type);
        } catch (ClassNotFoundException | ClassCastException e) {
            loadProblem = assignment.implementationClassName() + " is missing or does not implement "
                    + assignment.contract().getSimpleName() + " (" + e.getMessage() + ")";
        }
        for (Check<T> check : checks) {
            CheckRunner.Outcome outcome = context == null
                    ? new CheckRunner.Outcome(new Verdict.Failed(loadProblem), 0)
                    : runner.run(check, context);
            CheckResult row = row(assignment, check, outcome);
            rows.add(row);
            listener.accept(check, row);
        }
        double score = rows.stream().mapToDouble(CheckResult::points).sum();
        double max = rows.stream().mapToDouble(CheckResult::maxPoints).sum();
        return new AssignmentResult(assignment.id(), assignment.title(), score, max, rows,
                context == null ? List.of() : context.curves());
    }

    private static <T> T newInstance(Class<? extends T> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": it needs a public no-argument"
                    + " constructor (" + e + ")", e);
        }
    }

    private static CheckResult row(Assignment<?> assignment, Check<?> check, CheckRunner.Outcome outcome) {
        Verdict verdict = outcome.verdict();
        String diagnosis = null;
        Detail detail = null;
        if (verdict instanceof Verdict.Failed failed) {
            diagnosis = failed.diagnosis();
            detail = failed.detail();
        } else if (verdict instanceof Verdict.Errored errored) {
            detail = Detail.error(errored.exception(), errored.location());
        }
        double max = verdict.countsTowardsMaximum() ? check.points() : 0;
        double points = verdict.earnsPoints() ? check.points() : 0;
        return new CheckResult(check.id(), check.function(), check.kind().id(), check.visibility().id(),
                check.title(), points, max, verdict.id(), verdict.message(), diagnosis, outcome.millis(), detail);
    }
}
