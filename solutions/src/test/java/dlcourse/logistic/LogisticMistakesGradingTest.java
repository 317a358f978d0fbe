package dlcourse.logistic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.LogisticRegression;
import dlcourse.grader.assignments.LogisticAssignment;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.run.Grader;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grader against deliberately broken submissions: every known mistake is caught by its function's value
 * checks and named, other functions are unaffected, and the exact feedback headlines are pinned.
 */
class LogisticMistakesGradingTest {

    private static final LogisticAssignment ASSIGNMENT = new LogisticAssignment();

    private static List<CheckResult> grade(Supplier<? extends LogisticRegression> instances, String function) {
        Grader.Session<LogisticRegression> session = new Grader(new FixtureStore(), EnumSet.of(Visibility.PUBLIC))
                .start(ASSIGNMENT, instances, Logistic.class);
        return session.runWhere(c -> c.function().equals(function) && !c.kind().id().equals("training"));
    }

    static Stream<Arguments> mistakes() {
        return ASSIGNMENT.mistakes().stream().map(m -> Arguments.of(m.id(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void every_known_mistake_fails_its_value_checks_and_is_named(String id, Mistake mistake) {
        Logistic variant = LogisticMistakes.variants().get(id);
        List<CheckResult> rows = grade(() -> variant, mistake.function());

        List<CheckResult> values = rows.stream().filter(r -> r.kind().equals("value")).toList();
        assertFalse(values.isEmpty());
        assertTrue(values.stream().noneMatch(r -> r.verdict().equals("passed")), () -> id + " passed: " + values);
        assertTrue(values.stream().anyMatch(r -> r.diagnosis() != null && r.diagnosis().contains(mistake.description())),
                () -> id + " was not diagnosed: " + values);
    }

    /** The exact headline of the first value check each broken submission fails. */
    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("reshape_without_transpose",
                    "X differs in 34 of 36 entries; worst at [6, 2]: expected 0.196078 but was 0.996078 (|diff| 8.0e-01 > 2.0e-08). Column i must hold picture i; check the order of reshape and transpose."),
            Map.entry("forgot_255",
                    "X differs in 36 of 36 entries; worst at [4, 0]: expected 1.0 but was 255.0 (|diff| 2.5e+02 > 1.0e-07). Column i must hold picture i; check the order of reshape and transpose."),
            Map.entry("sigmoid_sign",
                    "s differs in 12 of 12 entries; worst at [1, 1]: expected 0.000100409 but was 0.9999 (|diff| 1.0e+00 > 1.1e-10)."),
            Map.entry("row_vector",
                    "w has shape (1, 2) but (2, 1) was expected. It looks transposed."),
            Map.entry("forgot_1_over_m",
                    "dw differs in 2 of 2 entries; worst at [0, 0]: expected -0.218913 but was -0.65674 (|diff| 4.4e-01 > 2.2e-08). dw = (1/m)·X·(A − Y)ᵀ has the shape of w."),
            Map.entry("cost_sign_flipped",
                    "cost is -0.241462 but 0.241462 was expected (|diff| 4.8e-01 > 2.4e-08). J = −(1/m)·Σ[Y·log(A) + (1 − Y)·log(1 − A)]; Remember A = σ(wᵀX + b): w is transposed before the product."),
            Map.entry("db_without_sum",
                    "db is 0.0421283 but -0.0656372 was expected (|diff| 1.1e-01 > 6.7e-09)."),
            Map.entry("w_not_transposed",
                    "dw has shape (2, 3) but (2, 1) was expected."),
            Map.entry("learning_rate_sign",
                    "w differs in 2 of 2 entries; worst at [0, 0]: expected 0.985752 but was 0.638594 (|diff| 3.5e-01 > 9.9e-08). Each step is w ← w − α·dw, with dw from this iteration's propagate."),
            Map.entry("threshold_ge",
                    "Y_prediction differs in 1 of 5 entries; worst at [0, 0]: expected 0.0 but was 1.0 (|diff| 1.0e+00 > 0.0e+00). A probability of exactly 0.5 is not above 0.5."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_broken_submission_gets_its_exact_headline(String id, Mistake mistake) {
        Logistic variant = LogisticMistakes.variants().get(id);
        CheckResult first = grade(() -> variant, mistake.function()).stream()
                .filter(r -> r.kind().equals("value")).findFirst().orElseThrow();

        assertEquals("failed", first.verdict());
        assertEquals(HEADLINES.get(id), first.message());
        assertEquals(mistake.description(), first.diagnosis());
    }

    @Test
    void the_headline_table_covers_every_known_mistake() {
        assertEquals(ASSIGNMENT.mistakes().stream().map(Mistake::id).collect(java.util.stream.Collectors.toSet()),
                HEADLINES.keySet());
    }

    @Test
    void a_step_is_graded_with_its_helpers_replayed_so_a_wrong_propagate_does_not_fail_optimize() {
        Logistic brokenPropagate = LogisticMistakes.variants().get("cost_sign_flipped");
        List<CheckResult> optimize = grade(() -> brokenPropagate, "optimize");

        assertTrue(optimize.stream().filter(r -> r.kind().equals("value"))
                .allMatch(r -> r.verdict().equals("passed")), () -> optimize.toString());
    }

    @Test
    void code_that_throws_is_errored_with_the_student_file_and_line() {
        List<CheckResult> rows = grade(() -> new Logistic() {
            @Override
            public Matrix sigmoid(Matrix z) {
                return z.dot(Matrix.ones(7, 7));
            }
        }, "sigmoid");

        CheckResult value = rows.stream().filter(r -> r.kind().equals("value")).findFirst().orElseThrow();
        assertEquals("errored", value.verdict());
        assertTrue(value.message().startsWith("Your code threw ShapeException: shapes (3,4) and (7,7) not aligned:"
                + " 4 (dim 1) != 7 (dim 0) at LogisticMistakesGradingTest.java:"), value.message());
    }

    @Test
    void a_loop_that_never_ends_times_out_and_grading_goes_on() {
        Logistic spinning = new Logistic() {
            @Override
            public Parameters initializeWithZeros(int dim) {
                long spins = 0;
                while (spins >= 0) {
                    spins = (spins + 1) % 1000;
                }
                return super.initializeWithZeros(dim);
            }
        };
        Check<LogisticRegression> quick = new Check<>("logistic.initialize_with_zeros.value.quick",
                "initialize_with_zeros", dlcourse.grader.check.Kind.VALUE, Visibility.PUBLIC, "value (quick)", 1,
                java.time.Duration.ofMillis(300), ctx -> {
                    ctx.fresh().initializeWithZeros(3);
                    return new dlcourse.grader.check.Verdict.Passed("finished");
                });
        dlcourse.grader.check.CheckRunner runner = new dlcourse.grader.check.CheckRunner(
                name -> name.startsWith("dlcourse.logistic."));

        long start = System.nanoTime();
        var outcome = runner.run(quick, new dlcourse.grader.check.CheckContext<>(() -> spinning, Logistic.class));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("timed_out", outcome.verdict().id());
        assertTrue(millis < 5_000, "the runner waited " + millis + " ms");
        assertEquals("Stopped after 0.3 s: is there a loop that never ends, or far more iterations than asked for?",
                outcome.verdict().message());
    }

    @Test
    void returning_null_fails_with_a_clear_message() {
        List<CheckResult> rows = grade(() -> new Logistic() {
            @Override
            public Matrix predict(Matrix w, double b, Matrix x) {
                return null;
            }
        }, "predict");

        assertTrue(rows.stream().allMatch(r -> r.verdict().equals("failed")), rows::toString);
        assertTrue(rows.get(0).message().startsWith("predict returned null"), rows.get(0).message());
    }

    @Test
    void the_catalog_covers_every_function_of_the_contract_with_every_fitting_kind() {
        List<Check<LogisticRegression>> checks = ASSIGNMENT.checks(new FixtureStore(), EnumSet.allOf(Visibility.class));
        Map<String, Long> kinds = checks.stream().collect(java.util.stream.Collectors.groupingBy(
                c -> c.kind().id(), java.util.stream.Collectors.counting()));

        assertEquals(8, checks.stream().map(Check::function).distinct().count());
        assertTrue(kinds.keySet().containsAll(List.of("shape", "value", "gradient", "call_pattern", "property",
                "training")), kinds.toString());
    }
}
