package dlcourse.grader.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.CourseName;
import dlcourse.course.NotImplementedYet;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Kind;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureFile;
import dlcourse.grader.fixture.FixtureGenerator;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Curve;
import dlcourse.grader.report.Detail;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades a toy assignment end to end. Its contract, reference and broken implementations are test doubles written
 * here (the grader holds no solution code); its fixtures are generated into a temporary folder and read back through
 * a class loader, as the real ones are.
 */
class GraderTest {

    /** The toy contract. */
    public interface Doubler {
        @CourseName("double_it")
        Matrix doubleIt(Matrix x);

        @CourseName("halve_it")
        Matrix halveIt(Matrix x);
    }

    /** Right. */
    public static class CorrectDoubler implements Doubler {
        @Override
        public Matrix doubleIt(Matrix x) {
            return x.multiply(2);
        }

        @Override
        public Matrix halveIt(Matrix x) {
            return x.divide(2);
        }
    }

    /** The known mistake. */
    public static class UnscaledDoubler extends CorrectDoubler {
        @Override
        public Matrix doubleIt(Matrix x) {
            return x;
        }
    }

    /** Throws from its own code. */
    public static class ThrowingDoubler extends CorrectDoubler {
        @Override
        public Matrix doubleIt(Matrix x) {
            throw new ArithmeticException("overflow"); // student line: doubleIt
        }
    }

    /** An untouched skeleton. */
    public static class SkeletonDoubler extends CorrectDoubler {
        @Override
        public Matrix doubleIt(Matrix x) {
            throw new NotImplementedYet("double_it");
        }
    }

    /** Right, and counts how often the grader makes one. */
    public static class CountingDoubler extends CorrectDoubler {
        static final AtomicInteger CREATED = new AtomicInteger();

        public CountingDoubler() {
            CREATED.incrementAndGet();
        }
    }

    /** Its constructor throws. */
    public static class ThrowingConstructorDoubler extends CorrectDoubler {
        public ThrowingConstructorDoubler() {
            throw new IllegalStateException("weights file not found"); // student line: constructor
        }
    }

    /** Cannot be made without an argument. */
    public static class FactorDoubler extends CorrectDoubler {
        public FactorDoubler(double factor) {
        }
    }

    /** Does not implement the contract. */
    public static class NotADoubler {
    }

    /** Never returns until the test releases it. */
    public static class EndlessDoubler extends CorrectDoubler {
        @Override
        public Matrix doubleIt(Matrix x) {
            while (!released) {
                Thread.onSpinWait();
            }
            return x.multiply(2);
        }
    }

    private static volatile boolean released;

    private static final Probe<Doubler> DOUBLE_IT = new Probe<>("double_it", Tolerance.STRICT,
            List.of(CaseSpec.of(1, 2, 3), CaseSpec.of(2, 1, 1)), List.of(CaseSpec.of(7, 3, 2)),
            spec -> Map.of("x", new RandomState(spec.seed()).randn(spec.size(0), spec.size(1))),
            (impl, c) -> Map.of("y", impl.doubleIt((Matrix) c.input("x"))),
            Map.of());

    /** Its fixtures are never generated: its check is the grader's error, not the student's. */
    private static final Probe<Doubler> HALVE_IT = new Probe<>("halve_it", Tolerance.STRICT,
            List.of(CaseSpec.of(1, 2, 3)), List.of(), DOUBLE_IT.inputs(),
            (impl, c) -> Map.of("y", impl.halveIt((Matrix) c.input("x"))), Map.of());

    private static final List<Mistake> MISTAKES = List.of(
            new Mistake("unscaled", "double_it", "returning x unscaled"));

    private static final List<Double> REFERENCE_RUN = List.of(0.5, 0.25, 0.125);

    /** The toy assignment: the probe checks of both functions and a short "training" run. */
    static final class ToyAssignment implements Assignment<Doubler> {
        private final String implementation;

        ToyAssignment(Class<?> implementation) {
            this(implementation.getName());
        }

        ToyAssignment(String implementation) {
            this.implementation = implementation;
        }

        @Override
        public String id() {
            return "toy";
        }

        @Override
        public String title() {
            return "Toy doubling";
        }

        @Override
        public Class<Doubler> contract() {
            return Doubler.class;
        }

        @Override
        public String implementationClassName() {
            return implementation;
        }

        @Override
        public String studentPackage() {
            return GraderTest.class.getName() + "$";
        }

        @Override
        public List<Probe<Doubler>> probes() {
            return List.of(DOUBLE_IT, HALVE_IT);
        }

        @Override
        public List<Mistake> mistakes() {
            return MISTAKES;
        }

        @Override
        public List<Check<Doubler>> checks(FixtureStore fixtures, Set<Visibility> sets) {
            List<Check<Doubler>> checks = new ArrayList<>();
            checks.addAll(ProbeChecks.of(id(), DOUBLE_IT, fixtures, sets, MISTAKES));
            checks.addAll(ProbeChecks.of(id(), HALVE_IT, fixtures, sets, MISTAKES));
            checks.add(new Check<>("toy.double_it.training.toy-run", "double_it", Kind.TRAINING, Visibility.PUBLIC,
                    "training (toy run)", 1, Duration.ofMillis(300), ctx -> {
                        Doubler doubler = ctx.fresh();
                        Matrix w = Matrix.ones(1, 1);
                        List<Double> costs = new ArrayList<>();
                        for (int step = 0; step < REFERENCE_RUN.size(); step++) {
                            w = doubler.doubleIt(w).multiply(0.25);
                            costs.add(w.item());
                        }
                        ctx.addCurve(new Curve("toy run", 1, costs, REFERENCE_RUN));
                        if (!costs.equals(REFERENCE_RUN)) {
                            throw new CheckFailure("the toy run ends at " + costs.get(costs.size() - 1)
                                    + " instead of 0.125.");
                        }
                        return new Verdict.Passed("the toy run follows the reference.");
                    }));
            return checks;
        }
    }

    private static final String SHAPE_1 = "toy.double_it.shape.seed-1-sizes-2-3";
    private static final String VALUE_1 = "toy.double_it.value.seed-1-sizes-2-3";
    private static final String VALUE_2 = "toy.double_it.value.seed-2-sizes-1-1";
    private static final String HALVE_FIXTURES = "toy.halve_it.value.fixtures";
    private static final String TRAINING = "toy.double_it.training.toy-run";

    @TempDir
    static Path resources;

    private static URLClassLoader fixtureLoader;
    private static Grader grader;

    @BeforeAll
    static void fixturesOfTheToyAssignment() throws IOException {
        List<FixtureFile> files = FixtureGenerator.generate("toy", List.of(DOUBLE_IT), new CorrectDoubler(),
                Map.of("unscaled", new UnscaledDoubler()), MISTAKES);
        files.forEach(file -> FixtureStore.write(file, resources));
        fixtureLoader = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null);
        grader = new Grader(new FixtureStore(fixtureLoader), EnumSet.of(Visibility.PUBLIC));
    }

    @AfterAll
    static void closeLoader() throws IOException {
        fixtureLoader.close();
    }

    @AfterEach
    void release() {
        released = true;
    }

    private static <T extends Doubler> AssignmentResult grade(Supplier<T> instances, Class<T> type) {
        Grader.Session<Doubler> session = grader.start(new ToyAssignment(type), instances, type);
        session.checks().forEach(session::run);
        return session.result();
    }

    private static AssignmentResult gradeLoaded(String className) {
        Grader.Session<Doubler> session = grader.start(new ToyAssignment(className), GraderTest.class.getClassLoader());
        session.checks().forEach(session::run);
        return session.result();
    }

    private static <V> List<V> column(AssignmentResult result, Function<CheckResult, V> field) {
        return result.checks().stream().map(field).toList();
    }

    private static CheckResult row(AssignmentResult result, String id) {
        return result.checks().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static int line(String marker) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/dlcourse/grader/run/GraderTest.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// student line: " + marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line marked " + marker);
    }

    @Test
    void run_where_runs_only_the_matching_checks_in_catalog_order_and_records_them() {
        Grader.Session<Doubler> session = grader.start(new ToyAssignment(CorrectDoubler.class),
                CorrectDoubler::new, CorrectDoubler.class);

        List<CheckResult> rows = session.runWhere(c -> c.id().equals(VALUE_2) || c.id().equals(SHAPE_1));

        assertEquals(List.of(SHAPE_1, VALUE_2), rows.stream().map(CheckResult::id).toList());
        assertEquals(List.of(SHAPE_1, VALUE_2), column(session.result(), CheckResult::id));
    }

    @Test
    void the_catalog_has_a_shape_check_a_value_check_per_public_case_and_the_assignments_own_checks() {
        Grader.Session<Doubler> session = grader.start(new ToyAssignment(CorrectDoubler.class),
                CorrectDoubler::new, CorrectDoubler.class);

        assertEquals(List.of(SHAPE_1, VALUE_1, VALUE_2, HALVE_FIXTURES, TRAINING),
                session.checks().stream().map(Check::id).toList());
        assertEquals(List.of("double_it › shape (seed 1, sizes [2, 3])", "double_it › value (seed 1, sizes [2, 3])",
                "double_it › value (seed 2, sizes [1, 1])", "halve_it › value (fixtures)",
                "double_it › training (toy run)"),
                session.checks().stream().map(Check::displayName).toList());
    }

    @Test
    void grading_with_the_hidden_set_adds_a_hidden_value_check_per_hidden_case() {
        Grader withHidden = new Grader(new FixtureStore(fixtureLoader), EnumSet.allOf(Visibility.class));

        Grader.Session<Doubler> session = withHidden.start(new ToyAssignment(CorrectDoubler.class),
                CorrectDoubler::new, CorrectDoubler.class);
        session.checks().forEach(session::run);

        CheckResult hidden = row(session.result(), "toy.double_it.value.seed-7-sizes-3-2-hidden");
        assertEquals("value (seed 7, sizes [3, 2], hidden)", hidden.title());
        assertEquals("hidden", hidden.visibility());
        assertEquals("passed", hidden.verdict());
        assertEquals(6, session.checks().size());
    }

    @Test
    void a_correct_implementation_earns_every_point_and_a_grader_error_costs_none() {
        AssignmentResult result = grade(CorrectDoubler::new, CorrectDoubler.class);

        assertEquals(List.of("passed", "passed", "passed", "grader_error", "passed"), column(result,
                CheckResult::verdict));
        assertEquals(List.of(1.0, 2.0, 2.0, 0.0, 1.0), column(result, CheckResult::points));
        assertEquals(List.of(1.0, 2.0, 2.0, 0.0, 1.0), column(result, CheckResult::maxPoints));
        assertEquals(6.0, result.score());
        assertEquals(6.0, result.maxScore());
        assertEquals("toy", result.assignment());
        assertEquals("Toy doubling", result.title());
        assertEquals("internal grader error — not your fault: the public fixtures of toy/halve_it are missing: run"
                + " ./dlcourse fixtures", row(result, HALVE_FIXTURES).message());
    }

    @Test
    void rows_carry_the_checks_identity_and_the_verdicts_message() {
        CheckResult value = row(grade(CorrectDoubler::new, CorrectDoubler.class), VALUE_1);

        assertEquals(new CheckResult(VALUE_1, "double_it", "value", "public", "value (seed 1, sizes [2, 3])", 2, 2,
                "passed", "double_it returns the expected y on seed 1, sizes [2, 3].", null, value.millis(), null),
                value);
    }

    @Test
    void curves_recorded_by_checks_reach_the_assignment_result() {
        AssignmentResult result = grade(CorrectDoubler::new, CorrectDoubler.class);

        assertEquals(List.of(new Curve("toy run", 1, REFERENCE_RUN, REFERENCE_RUN)), result.curves());
    }

    @Test
    void a_known_mistake_fails_its_value_checks_with_the_diagnosis_and_earns_only_what_it_gets_right() {
        AssignmentResult result = grade(UnscaledDoubler::new, UnscaledDoubler.class);

        assertEquals(List.of("passed", "failed", "failed", "grader_error", "failed"), column(result,
                CheckResult::verdict));
        assertEquals(List.of(1.0, 0.0, 0.0, 0.0, 0.0), column(result, CheckResult::points));
        assertEquals(List.of(1.0, 2.0, 2.0, 0.0, 1.0), column(result, CheckResult::maxPoints));
        assertEquals(1.0, result.score());
        assertEquals(6.0, result.maxScore());
        CheckResult value = row(result, VALUE_1);
        assertEquals("returning x unscaled", value.diagnosis());
        assertNotNull(value.detail());
        assertEquals("y", value.detail().tensor());
        assertTrue(value.message().startsWith("y differs in 6 of 6 entries; worst at ["), value.message());
        assertEquals("the toy run ends at 0.015625 instead of 0.125.", row(result, TRAINING).message());
    }

    @Test
    void an_exception_from_student_code_is_errored_at_its_line_and_earns_nothing() throws IOException {
        AssignmentResult result = grade(ThrowingDoubler::new, ThrowingDoubler.class);

        String location = "GraderTest.java:" + line("doubleIt") + " (in doubleIt)";
        CheckResult value = row(result, VALUE_1);
        assertEquals("errored", value.verdict());
        assertEquals("Your code threw ArithmeticException: overflow at " + location + ".", value.message());
        assertEquals(Detail.error("ArithmeticException: overflow", location), value.detail());
        assertEquals(0.0, value.points());
        assertEquals(2.0, value.maxPoints());
        assertEquals(0.0, result.score());
        assertEquals(6.0, result.maxScore());
    }

    @Test
    void an_untouched_skeleton_is_not_implemented_and_earns_nothing() {
        AssignmentResult result = grade(SkeletonDoubler::new, SkeletonDoubler.class);

        assertEquals(List.of("not_implemented", "not_implemented", "not_implemented", "grader_error",
                "not_implemented"), column(result, CheckResult::verdict));
        assertEquals("double_it is not implemented yet.", row(result, VALUE_2).message());
        assertEquals(0.0, result.score());
        assertEquals(6.0, result.maxScore());
    }

    @Test
    void a_check_that_times_out_earns_nothing_and_the_result_covers_only_the_checks_run_so_far() {
        Grader.Session<Doubler> session = grader.start(new ToyAssignment(EndlessDoubler.class), EndlessDoubler::new,
                EndlessDoubler.class);
        released = false;
        Check<Doubler> training = session.checks().get(4);
        assertEquals(new AssignmentResult("toy", "Toy doubling", 0, 0, List.of(), List.of()), session.result());

        CheckResult row = session.run(training);

        assertEquals("timed_out", row.verdict());
        assertEquals(0.0, row.points());
        assertEquals(1.0, row.maxPoints());
        assertEquals(List.of(row), session.result().checks());
        assertEquals(1.0, session.result().maxScore());
    }

    @Test
    void an_implementation_loaded_by_name_is_graded_with_a_fresh_instance_for_every_check() {
        CountingDoubler.CREATED.set(0);

        AssignmentResult result = gradeLoaded(CountingDoubler.class.getName());

        assertEquals(6.0, result.score());
        assertEquals(4, CountingDoubler.CREATED.get(), "one instance for each check that runs student code");
    }

    @Test
    void grade_tells_the_listener_about_every_check_in_catalog_order() {
        List<String> heard = new ArrayList<>();
        List<CheckResult> rows = new ArrayList<>();

        AssignmentResult result = grader.grade(new ToyAssignment(CorrectDoubler.class),
                GraderTest.class.getClassLoader(), (check, row) -> {
                    heard.add(check.id());
                    rows.add(row);
                });

        assertEquals(List.of(SHAPE_1, VALUE_1, VALUE_2, HALVE_FIXTURES, TRAINING), heard);
        assertEquals(result.checks(), rows);
    }

    @Test
    void a_missing_class_fails_every_check_saying_so() {
        String missing = GraderTest.class.getName() + "$MissingDoubler";

        AssignmentResult result = gradeLoaded(missing);

        String message = missing + " is missing or does not implement Doubler (" + missing + ")";
        assertEquals(List.of(message, message, message, message, message), column(result, CheckResult::message));
        assertEquals(List.of("failed", "failed", "failed", "failed", "failed"), column(result, CheckResult::verdict));
        assertEquals(0.0, result.score());
        assertEquals(8.0, result.maxScore());
        assertEquals(List.of(), result.curves());
    }

    @Test
    void a_class_that_does_not_implement_the_contract_fails_every_check_saying_so() {
        AssignmentResult result = gradeLoaded(NotADoubler.class.getName());

        String message = NotADoubler.class.getName() + " is missing or does not implement Doubler (class "
                + NotADoubler.class.getName() + ")";
        assertEquals(List.of(message, message, message, message, message), column(result, CheckResult::message));
        assertEquals(0.0, result.score());
    }

    @Test
    void a_constructor_that_throws_is_errored_in_the_constructor() throws IOException {
        AssignmentResult result = gradeLoaded(ThrowingConstructorDoubler.class.getName());

        CheckResult shape = row(result, SHAPE_1);
        assertEquals("errored", shape.verdict());
        assertEquals("Your code threw IllegalStateException: weights file not found at GraderTest.java:"
                + line("constructor") + " (in <init>).", shape.message());
    }

    @Test
    void a_class_without_a_public_no_argument_constructor_is_the_students_mistake_not_a_grader_error() {
        AssignmentResult result = gradeLoaded(FactorDoubler.class.getName());

        CheckResult shape = row(result, SHAPE_1);
        assertEquals("failed", shape.verdict(), shape.message());
        assertTrue(shape.message().contains("needs a public no-argument constructor"), shape.message());
        assertEquals(1.0, shape.maxPoints());
    }
}
