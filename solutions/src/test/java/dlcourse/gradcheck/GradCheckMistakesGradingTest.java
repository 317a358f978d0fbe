package dlcourse.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.GradientChecking;
import dlcourse.grader.assignments.GradCheckAssignment;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.run.Grader;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradcheck grader against deliberately broken submissions: every known mistake is caught by its function's
 * value checks and named, and the exact feedback headlines are pinned.
 */
class GradCheckMistakesGradingTest {

    private static final GradCheckAssignment ASSIGNMENT = new GradCheckAssignment();

    private static List<CheckResult> grade(Supplier<? extends GradientChecking> instances, String function) {
        Grader.Session<GradientChecking> session = new Grader(new FixtureStore(), EnumSet.of(Visibility.PUBLIC))
                .start(ASSIGNMENT, instances, GradCheck.class);
        return session.runWhere(c -> c.function().equals(function));
    }

    static Stream<Arguments> mistakes() {
        return ASSIGNMENT.mistakes().stream().map(m -> Arguments.of(m.id(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void every_known_mistake_fails_its_value_checks_and_is_named(String id, Mistake mistake) {
        GradCheck variant = GradCheckMistakes.variants().get(id);
        List<CheckResult> values = grade(() -> variant, mistake.function()).stream()
                .filter(r -> r.kind().equals("value")).toList();

        assertFalse(values.isEmpty());
        assertTrue(values.stream().anyMatch(r -> r.verdict().equals("failed")), () -> id + " passed: " + values);
        assertTrue(values.stream().anyMatch(r -> mistake.description().equals(r.diagnosis())),
                () -> id + " was not diagnosed: " + values);
    }

    /** The exact headline of the first value check each broken submission fails. */
    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("derivative_wrt_x",
                    "dtheta is 4.0 but 2.0 was expected (|diff| 2.0e+00 > 2.0e-07). How much does θ·x change when θ grows by 1?"),
            Map.entry("forgot_factor_2",
                    "difference is 0.333333 but 2.9193e-10 was expected (|diff| 3.3e-01 > 1.0e-10). gradapprox = (J(θ + ε) − J(θ − ε)) / (2ε); difference = |grad − gradapprox| / (|grad| + |gradapprox|)."),
            Map.entry("no_denominator",
                    "difference is 1.1677e-09 but 2.9193e-10 was expected (|diff| 8.8e-10 > 1.0e-10). gradapprox = (J(θ + ε) − J(θ − ε)) / (2ε); difference = |grad − gradapprox| / (|grad| + |gradapprox|)."),
            Map.entry("dw2_doubled",
                    "dW2 differs in 4 of 15 entries; worst at [2, 0]: expected 0.915802 but was 1.8316 (|diff| 9.2e-01 > 9.2e-08). The given backward pass has two wrong lines: compare each of its dW and db with dWl = (1/m)·dZl·A[l−1]ᵀ and dbl = (1/m)·Σ dZl."),
            Map.entry("db1_four_over_m",
                    "db1 differs in 4 of 5 entries; worst at [0, 0]: expected 0.632908 but was 2.53163 (|diff| 1.9e+00 > 6.3e-08). The given backward pass has two wrong lines: compare each of its dW and db with dWl = (1/m)·dZl·A[l−1]ᵀ and dbl = (1/m)·Σ dZl."),
            Map.entry("given_unchanged",
                    "db1 differs in 4 of 5 entries; worst at [0, 0]: expected 0.632908 but was 2.53163 (|diff| 1.9e+00 > 6.3e-08). The given backward pass has two wrong lines: compare each of its dW and db with dWl = (1/m)·dZl·A[l−1]ᵀ and dbl = (1/m)·Σ dZl."),
            Map.entry("dw3_without_1_over_m",
                    "dW3 differs in 1 of 3 entries; worst at [0, 2]: expected 2.24404 but was 6.73213 (|diff| 4.5e+00 > 2.2e-07). dW3 = (1/m)·dZ3·A2ᵀ with dZ3 = A3 − Y."),
            Map.entry("n_forgot_factor_2",
                    "difference is 0.288079 but 0.285093 was expected (|diff| 3.0e-03 > 2.9e-08). Nudge one entry of θ at a time by ±ε from a fresh copy; difference = ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) over all entries."),
            Map.entry("n_one_sided",
                    "difference is 0.285093 but 0.285093 was expected (|diff| 4.2e-08 > 2.9e-08). Nudge one entry of θ at a time by ±ε from a fresh copy; difference = ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) over all entries."),
            Map.entry("n_no_denominator",
                    "difference is 2.32254 but 0.285093 was expected (|diff| 2.0e+00 > 2.9e-08). Nudge one entry of θ at a time by ±ε from a fresh copy; difference = ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) over all entries."),
            Map.entry("n_theta_not_restored",
                    "difference is 7.0158e-08 but 1.9337e-10 was expected (|diff| 7.0e-08 > 1.0e-10). Nudge one entry of θ at a time by ±ε from a fresh copy; difference = ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) over all entries."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_broken_submission_gets_its_exact_headline(String id, Mistake mistake) {
        GradCheck variant = GradCheckMistakes.variants().get(id);
        CheckResult first = grade(() -> variant, mistake.function()).stream()
                .filter(r -> r.kind().equals("value") && r.verdict().equals("failed")).findFirst().orElseThrow();

        assertEquals(HEADLINES.get(id), first.message(), "HEADLINE " + id);
        assertEquals(mistake.description(), first.diagnosis());
    }

    @Test
    void the_headline_table_and_the_variants_cover_every_known_mistake() {
        var ids = ASSIGNMENT.mistakes().stream().map(Mistake::id).collect(Collectors.toSet());
        assertEquals(ids, HEADLINES.keySet());
        assertEquals(ids, GradCheckMistakes.variants().keySet());
    }

    @Test
    void the_given_backward_pass_is_caught_by_the_gradient_check_of_backward_propagation_n() {
        List<CheckResult> gradient = grade(() -> GradCheckMistakes.variants().get("given_unchanged"),
                "backward_propagation_n").stream().filter(r -> r.kind().equals("gradient")).toList();

        assertEquals(2, gradient.size());
        assertTrue(gradient.stream().allMatch(r -> r.verdict().equals("failed")), gradient::toString);
        assertTrue(gradient.get(0).message().startsWith("db1 disagrees with the slope of your own cost"),
                gradient.get(0).message());
    }

    @Test
    void a_gradient_check_that_ignores_the_gradients_fails_the_call_pattern_and_the_values() {
        GradCheck lazy = new GradCheck() {
            @Override
            public double gradientCheckN(Parameters parameters, Grads gradients, Matrix x, Matrix y, double epsilon,
                                         boolean printMsg) {
                return super.gradientCheckN(parameters, backwardPropagationN(x, y,
                        forwardPropagationN(x, y, parameters).cache()), x, y, epsilon, printMsg);
            }
        };
        List<CheckResult> rows = grade(() -> lazy, "gradient_check_n");

        assertTrue(rows.stream().anyMatch(r -> r.kind().equals("call_pattern") && r.verdict().equals("failed")),
                rows::toString);
        assertTrue(rows.stream().anyMatch(r -> r.kind().equals("value") && r.verdict().equals("failed")),
                rows::toString);
    }

    @Test
    void a_derivative_that_ignores_the_backward_pass_is_caught_by_a_property() {
        GradCheck noBackward = new GradCheck() {
            @Override
            public double gradientCheck(double x, double theta, double epsilon, boolean printMsg) {
                return 0.0;
            }
        };
        List<CheckResult> rows = grade(() -> noBackward, "gradient_check");

        assertTrue(rows.stream().filter(r -> r.kind().equals("property") || r.kind().equals("call_pattern"))
                .allMatch(r -> r.verdict().equals("failed")), rows::toString);
    }

    @Test
    void the_catalog_covers_every_function_with_every_fitting_kind() {
        List<Check<GradientChecking>> checks = ASSIGNMENT.checks(new FixtureStore(),
                EnumSet.allOf(Visibility.class));
        Map<String, Long> kinds = checks.stream().collect(Collectors.groupingBy(c -> c.kind().id(),
                Collectors.counting()));

        assertEquals(List.of("forward_propagation", "backward_propagation", "gradient_check",
                "backward_propagation_n", "gradient_check_n"), checks.stream().map(Check::function).distinct()
                .toList());
        assertTrue(kinds.keySet().containsAll(List.of("shape", "value", "gradient", "call_pattern", "property")),
                kinds.toString());
        assertEquals(20, kinds.get("value"), kinds.toString());
    }
}
