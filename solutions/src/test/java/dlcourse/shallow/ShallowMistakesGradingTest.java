package dlcourse.shallow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.ShallowNetwork;
import dlcourse.grader.assignments.ShallowAssignment;
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
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The grader against deliberately broken submissions of assignment 2: every known mistake is caught by its
 * function's value checks and named, helpers replayed from the reference keep one broken step from failing the steps
 * built on it, the other check kinds catch what they are for, and the exact feedback headlines are pinned.
 */
class ShallowMistakesGradingTest {

    private static final ShallowAssignment ASSIGNMENT = new ShallowAssignment();

    private static List<CheckResult> grade(Supplier<? extends ShallowNetwork> instances, String function,
                                           Predicate<String> kinds) {
        Grader.Session<ShallowNetwork> session = new Grader(new FixtureStore(), EnumSet.of(Visibility.PUBLIC))
                .start(ASSIGNMENT, instances, Shallow.class);
        return session.runWhere(c -> c.function().equals(function) && kinds.test(c.kind().id()));
    }

    private static List<CheckResult> grade(Supplier<? extends ShallowNetwork> instances, String function) {
        return grade(instances, function, kind -> !kind.equals("training"));
    }

    static Stream<Arguments> mistakes() {
        return ASSIGNMENT.mistakes().stream().map(m -> Arguments.of(m.id(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void every_known_mistake_fails_its_value_checks_and_is_named(String id, Mistake mistake) {
        Shallow variant = ShallowMistakes.variants().get(id);
        List<CheckResult> rows = grade(() -> variant, mistake.function());

        List<CheckResult> values = rows.stream().filter(r -> r.kind().equals("value")).toList();
        assertFalse(values.isEmpty());
        assertTrue(values.stream().noneMatch(r -> r.verdict().equals("passed")), () -> id + " passed: " + values);
        assertTrue(values.stream().allMatch(r -> mistake.description().equals(r.diagnosis())),
                () -> id + " was not diagnosed on every case: " + values);
    }

    /** The exact headline of the first value check each broken submission fails. */
    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("sizes_from_columns",
                    "n_x is 3.0 but 5.0 was expected (|diff| 2.0e+00 > 0.0e+00). n_x is the number of features: the rows of X, not its columns."),
            Map.entry("init_without_scale",
                    "W1 differs in 8 of 8 entries; worst at [1, 0]: expected -0.021362 but was -2.1362 (|diff| 2.1e+00 > 2.2e-09). Seed a new RandomState(2) in the method, draw W1 = randn(n_h, n_x) first, scale by 0.01."),
            Map.entry("w_transposed",
                    "forward_propagation threw ShapeException: shapes (2,4) and (2,3) not aligned: 4 (dim 1) != 2 (dim 0). W1 has shape (4, 2): it goes on the left as it is, W1·X."),
            Map.entry("sigmoid_hidden",
                    "A2 differs in 3 of 3 entries; worst at [0, 0]: expected 0.868432 but was 0.590382 (|diff| 2.8e-01 > 8.7e-08). A2 = σ(W2·A1 + b2)."),
            Map.entry("cost_without_1_over_m",
                    "cost is 1.81111 but 0.603704 was expected (|diff| 1.2e+00 > 6.0e-08). J = −(1/m)·Σ[Y·log(A2) + (1 − Y)·log(1 − A2)]."),
            Map.entry("tanh_derivative_linear",
                    "dW1 differs in 8 of 8 entries; worst at [3, 1]: expected 0.340872 but was 0.679272 (|diff| 3.4e-01 > 3.4e-08). dW1 = (1/m)·dZ1·Xᵀ with dZ1 = (W2ᵀ·dZ2) ∗ (1 − A1²)."),
            Map.entry("dw_not_averaged",
                    "dW1 differs in 8 of 8 entries; worst at [2, 1]: expected -0.55734 but was -1.67202 (|diff| 1.1e+00 > 5.6e-08). dW1 = (1/m)·dZ1·Xᵀ with dZ1 = (W2ᵀ·dZ2) ∗ (1 − A1²)."),
            Map.entry("db_without_keepdims",
                    "db1 has shape (1, 4) but (4, 1) was expected. It looks transposed."),
            Map.entry("update_sign",
                    "W1 differs in 8 of 8 entries; worst at [2, 0]: expected -0.508261 but was 2.23908 (|diff| 2.7e+00 > 5.1e-08). Each parameter moves against its gradient: P − α·dP. Return W1, b1, W2, b2 (in this order)."),
            Map.entry("parameters_not_kept",
                    "W1 differs in 6 of 6 entries; worst at [1, 1]: expected 0.0703217 but was 0.0164027 (|diff| 5.4e-02 > 7.1e-09). Return the parameters of the last update_parameters call (keep what it returns each round)."),
            Map.entry("threshold_ge",
                    "predictions differs in 1 of 5 entries; worst at [0, 0]: expected 0.0 but was 1.0 (|diff| 1.0e+00 > 0.0e+00). 1 where A2 is strictly above 0.5; a probability of exactly 0.5 gives 0."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_broken_submission_gets_its_exact_headline(String id, Mistake mistake) {
        Shallow variant = ShallowMistakes.variants().get(id);
        CheckResult first = grade(() -> variant, mistake.function()).stream()
                .filter(r -> r.kind().equals("value")).findFirst().orElseThrow();

        assertEquals("failed", first.verdict());
        assertEquals(HEADLINES.get(id), first.message());
        assertEquals(mistake.description(), first.diagnosis());
    }

    @Test
    void the_headline_table_covers_every_known_mistake() {
        assertEquals(ASSIGNMENT.mistakes().stream().map(Mistake::id).collect(Collectors.toSet()), HEADLINES.keySet());
    }

    @Test
    void a_transposed_w1_that_cannot_run_is_named_from_its_shape_error() {
        CheckResult first = grade(() -> ShallowMistakes.variants().get("w_transposed"), "forward_propagation")
                .stream().filter(r -> r.kind().equals("value")).findFirst().orElseThrow();

        assertTrue(first.message().startsWith("forward_propagation threw ShapeException: shapes (2,4) and (2,3) not"
                + " aligned"), first.message());
    }

    @Test
    void nn_model_is_graded_with_its_helpers_replayed_so_broken_helpers_do_not_fail_it() {
        Shallow brokenHelpers = new Shallow() {
            @Override
            public Grads backwardPropagation(Parameters parameters, Cache cache, Matrix x, Matrix y) {
                return ShallowMistakes.variants().get("tanh_derivative_linear")
                        .backwardPropagation(parameters, cache, x, y);
            }

            @Override
            public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
                return ShallowMistakes.variants().get("update_sign").updateParameters(parameters, grads, learningRate);
            }
        };

        List<CheckResult> values = grade(() -> brokenHelpers, "nn_model", kind -> kind.equals("value"));

        assertTrue(values.stream().allMatch(r -> r.verdict().equals("passed")), values::toString);
    }

    @Test
    void predict_is_graded_with_the_forward_pass_replayed() {
        List<CheckResult> values = grade(() -> ShallowMistakes.variants().get("sigmoid_hidden"), "predict",
                kind -> kind.equals("value"));

        assertTrue(values.stream().allMatch(r -> r.verdict().equals("passed")), values::toString);
    }

    @Test
    void a_wrong_tanh_derivative_fails_the_gradient_check_with_the_gradient_named() {
        CheckResult gradient = grade(() -> ShallowMistakes.variants().get("tanh_derivative_linear"),
                "backward_propagation", kind -> kind.equals("gradient")).get(0);

        assertEquals("failed", gradient.verdict());
        assertTrue(gradient.message().startsWith("dW1 "), gradient.message());
    }

    @Test
    void a_loop_that_discards_the_updates_fails_the_call_pattern() {
        CheckResult pattern = grade(() -> ShallowMistakes.variants().get("parameters_not_kept"), "nn_model",
                kind -> kind.equals("call_pattern")).get(0);

        assertEquals("failed", pattern.verdict());
        assertEquals("Iteration 1 ran forwardPropagation on other parameters than the previous updateParameters"
                + " returned: keep the updated parameters for the next round.", pattern.message());
    }

    @Test
    void an_unseeded_initialization_fails_the_same_start_property() {
        Shallow drifting = new Shallow() {
            private final dlcourse.core.RandomState random = new dlcourse.core.RandomState(INIT_SEED);

            @Override
            public Parameters initializeParameters(int nX, int nH, int nY) {
                return Parameters.builder().put("W1", random.randn(nH, nX).multiply(INIT_SCALE))
                        .put("b1", Matrix.zeros(nH, 1)).put("W2", random.randn(nY, nH).multiply(INIT_SCALE))
                        .put("b2", Matrix.zeros(nY, 1)).build();
            }
        };

        CheckResult property = grade(() -> drifting, "initialize_parameters", kind -> kind.equals("property")).get(0);

        assertEquals("failed", property.verdict());
        assertTrue(property.message().startsWith("W1 of the second call differs"), property.message());
    }

    @Test
    void a_cost_printed_every_iteration_fails_the_printing_property() {
        Shallow chatty = new Shallow() {
            @Override
            public double computeCost(Matrix a2, Matrix y) {
                double cost = super.computeCost(a2, y);
                System.out.println("Cost after iteration ?: " + cost);
                return cost;
            }
        };

        List<CheckResult> properties = grade(() -> chatty, "nn_model", kind -> kind.equals("property"));

        assertEquals("failed", properties.get(0).verdict());
        assertTrue(properties.get(0).message().startsWith("nn_model printed output although printCost was false"),
                properties.get(0).message());
    }

    @Test
    void a_model_that_does_not_learn_fails_the_training_check_on_accuracy() {
        Shallow tooSlow = new Shallow() {
            @Override
            public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
                return super.updateParameters(parameters, grads, learningRate / 1000);
            }
        };

        CheckResult training = grade(() -> tooSlow, "nn_model", kind -> kind.equals("training")).get(0);

        assertEquals("failed", training.verdict());
        assertTrue(training.message().startsWith("After 10000 iterations the cost is"), training.message());
    }

    @Test
    void the_catalog_covers_every_function_of_the_contract_with_every_fitting_kind() {
        List<Check<ShallowNetwork>> checks = ASSIGNMENT.checks(new FixtureStore(), EnumSet.allOf(Visibility.class));
        Map<String, Long> kinds = checks.stream().collect(Collectors.groupingBy(c -> c.kind().id(),
                Collectors.counting()));

        assertEquals(8, checks.stream().map(Check::function).distinct().count());
        assertTrue(kinds.keySet().containsAll(List.of("shape", "value", "gradient", "call_pattern", "property",
                "training")), kinds.toString());
        for (String function : List.of("layer_sizes", "initialize_parameters", "forward_propagation", "compute_cost",
                "backward_propagation", "update_parameters", "nn_model", "predict")) {
            assertTrue(checks.stream().filter(c -> c.function().equals(function) && c.kind().id().equals("value")
                    && c.visibility() == Visibility.HIDDEN).count() >= 2, function + " needs two hidden cases");
        }
    }
}
