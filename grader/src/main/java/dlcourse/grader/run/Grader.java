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

    /**
     * Grades one assignment, check after check.
     *
     * @param loader   loads the implementation class
     * @param listener told about every check as it finishes (for progress output)
     */
    public <T> AssignmentResult grade(Assignment<T> assignment, ClassLoader loader,
                                      BiConsumer<Check<?>, CheckResult> listener) {
        Session<T> session = start(assignment, loader);
        for (Check<T> check : session.checks()) {
            listener.accept(check, session.run(check));
        }
        return session.result();
    }

    /** Prepares the grading of one assignment: loads the class and builds the catalog, runs nothing yet. */
    public <T> Session<T> start(Assignment<T> assignment, ClassLoader loader) {
        CheckContext<T> context = null;
        String problem = null;
        try {
            Class<? extends T> type = loader.loadClass(assignment.implementationClassName())
                    .asSubclass(assignment.contract());
            context = new CheckContext<>(() -> newInstance(type), type);
        } catch (ClassNotFoundException | ClassCastException e) {
            problem = assignment.implementationClassName() + " is missing or does not implement "
                    + assignment.contract().getSimpleName() + " (" + e.getMessage() + ")";
        }
        return new Session<>(assignment, assignment.checks(fixtures, sets), context, problem);
    }

    /** Prepares the grading of given instances (tests of the grader grade deliberately broken variants). */
    public <T> Session<T> start(Assignment<T> assignment, Supplier<? extends T> instances, Class<? extends T> type) {
        return new Session<>(assignment, assignment.checks(fixtures, sets), new CheckContext<>(instances, type), null);
    }

    /**
     * The grading of one assignment in progress: its catalog, and the rows of the checks run so far. Used
     * directly by the JUnit bridge, which runs each check inside its own dynamic test.
     *
     * @param <T> the contract type
     */
    public static final class Session<T> {
        private final Assignment<T> assignment;
        private final List<Check<T>> checks;
        private final CheckRunner runner;
        private final List<CheckResult> rows = new ArrayList<>();
        private final CheckContext<T> context;
        private final String loadProblem;

        Session(Assignment<T> assignment, List<Check<T>> checks, CheckContext<T> context, String loadProblem) {
            this.assignment = assignment;
            this.checks = List.copyOf(checks);
            this.runner = new CheckRunner(name -> name.startsWith(assignment.studentPackage()));
            this.context = context;
            this.loadProblem = loadProblem;
        }

        /** The assignment being graded. */
        public Assignment<T> assignment() {
            return assignment;
        }

        /** The catalog, in order. */
        public List<Check<T>> checks() {
            return checks;
        }

        /** Runs one check of the catalog and records its row. */
        public CheckResult run(Check<T> check) {
            return execute(check).row();
        }

        /**
         * Runs one check of the catalog, records its row and returns the runner's outcome beside it (a forked
         * grading JVM needs the verdict itself: a sealed one carries outputs, a thread left running ends the JVM).
         */
        public synchronized Executed execute(Check<T> check) {
            CheckRunner.Outcome outcome = context == null
                    ? new CheckRunner.Outcome(new Verdict.Failed(loadProblem), 0)
                    : runner.run(check, context);
            CheckResult row = row(check, outcome);
            rows.add(row);
            return new Executed(outcome, row);
        }

        /** Records a row for a check that was not run here (e.g. rejected by the code policy). */
        public synchronized CheckResult record(Check<T> check, Verdict verdict) {
            CheckResult row = row(check, new CheckRunner.Outcome(verdict, 0));
            rows.add(row);
            return row;
        }

        /**
         * Runs every check of the catalog that matches, in catalog order, and records their rows.
         *
         * @param which e.g. the checks of one function: {@code c -> c.function().equals("propagate")}
         * @return the rows of the checks run
         */
        public List<CheckResult> runWhere(java.util.function.Predicate<? super Check<T>> which) {
            return checks.stream().filter(which).map(this::run).toList();
        }

        /** The assignment's result over the checks run so far. */
        public synchronized AssignmentResult result() {
            double score = rows.stream().mapToDouble(CheckResult::points).sum();
            double max = rows.stream().mapToDouble(CheckResult::maxPoints).sum();
            return new AssignmentResult(assignment.id(), assignment.title(), score, max, rows,
                    context == null ? List.of() : context.curves(), context == null ? List.of() : context.figures());
        }
    }

    /**
     * A check run by {@link Session#execute}.
     *
     * @param outcome the runner's outcome
     * @param row     the report row recorded for it
     */
    public record Executed(CheckRunner.Outcome outcome, CheckResult row) {
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
            throw new dlcourse.grader.check.CheckFailure("cannot create " + type.getName() + ": it needs a public"
                    + " no-argument constructor (" + e + ")");
        }
    }

    /** The report row of a check's outcome: points earned and available follow from the verdict. */
    public static CheckResult row(Check<?> check, CheckRunner.Outcome outcome) {
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
