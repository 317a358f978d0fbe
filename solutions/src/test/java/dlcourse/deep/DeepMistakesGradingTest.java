package dlcourse.deep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.DeepNetwork;
import dlcourse.grader.assignments.DeepAssignment;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.run.Grader;
import dlcourse.nn.Grads;
import dlcourse.nn.LayerCache;
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
 * The grader of assignment 3 against deliberately broken submissions: every known mistake is caught by its
 * function's value checks and named, the steps that call a broken helper are unaffected, the other check kinds catch
 * what values cannot, and the exact feedback headlines are pinned.
 */
class DeepMistakesGradingTest {

    private static final DeepAssignment ASSIGNMENT = new DeepAssignment();

    private static List<CheckResult> grade(Supplier<? extends DeepNetwork> instances, String function, String kind) {
        Grader.Session<DeepNetwork> session = new Grader(new FixtureStore(), EnumSet.of(Visibility.PUBLIC))
                .start(ASSIGNMENT, instances, Deep.class);
        return session.runWhere(c -> c.function().equals(function) && (kind == null || c.kind().id().equals(kind)));
    }

    private static Deep variant(String id) {
        return DeepMistakes.variants().get(id);
    }

    static Stream<Arguments> mistakes() {
        return ASSIGNMENT.mistakes().stream().map(m -> Arguments.of(m.id(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void every_known_mistake_fails_its_value_checks_and_is_named(String id, Mistake mistake) {
        List<CheckResult> values = grade(() -> variant(id), mistake.function(), "value");

        assertFalse(values.isEmpty());
        assertTrue(values.stream().anyMatch(r -> r.verdict().equals("failed")), () -> id + " passed: " + values);
        assertTrue(values.stream().anyMatch(r -> mistake.description().equals(r.diagnosis())),
                () -> id + " was not diagnosed: " + values);
    }

    /** The exact headline of the first value check each broken submission fails. */
    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("two_layer_unscaled",
                    "W1 differs in 6 of 6 entries; worst at [1, 2]: expected -0.0230154 but was -2.30154 (|diff| 2.3e+00 > 2.4e-09). W1 = randn(n_h, n_x) · 0.01 from a RandomState seeded with 1, drawn before W2."),
            Map.entry("deep_unscaled",
                    "W1 differs in 20 of 20 entries; worst at [0, 3]: expected -0.0186349 but was -1.86349 (|diff| 1.8e+00 > 2.0e-09). One RandomState seeded with 3, then W<l> = randn(n[l], n[l-1]) · 0.01 layer by layer."),
            Map.entry("deep_reseeded_per_layer",
                    "W2 differs in 12 of 12 entries; worst at [0, 0]: expected -0.0118505 but was 0.0178863 (|diff| 3.0e-02 > 1.3e-09). Draw every layer from the same generator, seeded once before the loop."),
            Map.entry("w_transposed",
                    "Z differs in 6 of 6 entries; worst at [1, 1]: expected 3.15282 but was -0.391635 (|diff| 3.5e+00 > 3.2e-07). Z = W·A_prev + b: W on the left, as it is (not transposed), b added to every column."),
            Map.entry("always_relu",
                    "A (sigmoid) differs in 8 of 8 entries; worst at [3, 1]: expected 0.982416 but was 4.02302 (|diff| 3.0e+00 > 9.8e-08). With SIGMOID the layer returns σ(Z); with RELU, max(0, Z)."),
            Map.entry("hidden_sigmoid",
                    "AL differs in 3 of 3 entries; worst at [0, 2]: expected 0.904815 but was 0.684977 (|diff| 2.2e-01 > 9.1e-08). L−1 LINEAR→RELU layers, then one LINEAR→SIGMOID layer: A[L] is the sigmoid layer's output."),
            Map.entry("forward_loop_one_short",
                    "AL differs in 3 of 3 entries; worst at [0, 1]: expected 0.779099 but was 0.629336 (|diff| 1.5e-01 > 7.8e-08). L−1 LINEAR→RELU layers, then one LINEAR→SIGMOID layer: A[L] is the sigmoid layer's output."),
            Map.entry("caches_reversed",
                    "caches[0].A_prev has shape (4, 3) but (5, 3) was expected."),
            Map.entry("cost_not_averaged",
                    "cost is 1.80364 but 0.601213 was expected (|diff| 1.2e+00 > 6.0e-08). J = −(1/m)·Σ[Y·log(A[L]) + (1 − Y)·log(1 − A[L])]."),
            Map.entry("cost_sign",
                    "cost is -0.601213 but 0.601213 was expected (|diff| 1.2e+00 > 6.0e-08). J = −(1/m)·Σ[Y·log(A[L]) + (1 − Y)·log(1 − A[L])]."),
            Map.entry("db_row",
                    "db has shape (1, 2) but (2, 1) was expected. It looks transposed."),
            Map.entry("dw_not_averaged",
                    "dW differs in 6 of 6 entries; worst at [1, 0]: expected -1.05957 but was -4.23827 (|diff| 3.2e+00 > 1.1e-07). dW = (1/m)·dZ·A_prevᵀ has the shape of W."),
            Map.entry("da_prev_averaged",
                    "dA_prev differs in 12 of 12 entries; worst at [2, 3]: expected -3.13923 but was -0.784807 (|diff| 2.4e+00 > 3.1e-07). dA_prev = Wᵀ·dZ, with no 1/m: it is passed on to the layer below."),
            Map.entry("relu_slope_at_zero",
                    "dA_prev (relu) differs in 3 of 9 entries; worst at [1, 0]: expected 0.0 but was -1.313 (|diff| 1.3e+00 > 1.0e-10). For RELU, dZ = dA where Z > 0 and 0 where Z ≤ 0 (Activations.reluBackward); then linear_backward."),
            Map.entry("backward_activation_swapped",
                    "dA_prev (sigmoid) differs in 9 of 9 entries; worst at [1, 1]: expected 0.0426976 but was -1.74991 (|diff| 1.8e+00 > 4.4e-09). For SIGMOID, dZ = dA·σ(Z)·(1 − σ(Z)) (Activations.sigmoidBackward); then linear_backward."),
            Map.entry("dA_keys_shifted",
                    "dA1 has shape (4, 3) but (3, 3) was expected."),
            Map.entry("backward_loop_skips_layer_1",
                    "dA0 is null; a value was expected."),
            Map.entry("dAL_sign",
                    "dA1 differs in 9 of 9 entries; worst at [0, 2]: expected 0.702753 but was -0.702753 (|diff| 1.4e+00 > 7.0e-08). Start from dA[L] = −(Y/A[L] − (1 − Y)/(1 − A[L])); layer l (caches.get(l − 1)) gives dA<l−1>, dW<l>, db<l>, so layer 1's dA_prev is dA0."),
            Map.entry("update_uphill",
                    "W1 differs in 6 of 6 entries; worst at [0, 0]: expected 1.83036 but was 1.41833 (|diff| 4.1e-01 > 1.8e-07). W ← W − α·dW and b ← b − α·db: subtract, on every layer 1 … L."),
            Map.entry("update_skips_last_layer",
                    "W2 differs in 2 of 2 entries; worst at [0, 1]: expected -0.139308 but was -0.24937 (|diff| 1.1e-01 > 1.4e-08). W ← W − α·dW and b ← b − α·db: subtract, on every layer 1 … L."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_broken_submission_gets_its_exact_headline(String id, Mistake mistake) {
        CheckResult first = grade(() -> variant(id), mistake.function(), "value").stream()
                .filter(r -> r.verdict().equals("failed")).findFirst().orElseThrow();

        assertEquals(HEADLINES.get(id), first.message());
        assertEquals(mistake.description(), first.diagnosis());
    }
    @Test
    void the_headline_table_covers_every_known_mistake() {
        assertEquals(ASSIGNMENT.mistakes().stream().map(Mistake::id).collect(Collectors.toSet()), HEADLINES.keySet());
    }

    private static void assertValuesPass(String mistake, String function) {
        List<CheckResult> values = grade(() -> variant(mistake), function, "value");
        assertFalse(values.isEmpty());
        assertTrue(values.stream().allMatch(r -> r.verdict().equals("passed")), () -> mistake + " failed "
                + function + ": " + values);
    }

    @Test
    void a_step_is_graded_with_its_helpers_standing_in_so_a_wrong_helper_costs_points_once() {
        assertValuesPass("w_transposed", "linear_activation_forward");
        assertValuesPass("always_relu", "L_model_forward");
        assertValuesPass("db_row", "linear_activation_backward");
        assertValuesPass("relu_slope_at_zero", "L_model_backward");
    }

    private static CheckResult only(Supplier<? extends DeepNetwork> instances, String function, String kind,
                                    String titlePart) {
        return grade(instances, function, kind).stream().filter(r -> r.title().contains(titlePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " check of " + function + " titled " + titlePart));
    }

    @Test
    void gradient_checks_catch_backward_steps_that_disagree_with_the_forward_steps() {
        assertEquals("passed", only(Deep::new, "linear_backward", "gradient", "gradient").verdict());
        assertEquals("failed", only(() -> variant("dw_not_averaged"), "linear_backward", "gradient", "gradient")
                .verdict());
        assertEquals("failed", only(() -> variant("da_prev_averaged"), "linear_backward", "gradient", "gradient")
                .verdict());
        assertEquals("failed", only(() -> variant("backward_activation_swapped"), "linear_activation_backward",
                "gradient", "relu").verdict());
        assertEquals("failed", only(() -> variant("backward_activation_swapped"), "linear_activation_backward",
                "gradient", "sigmoid").verdict());
        assertEquals("failed", only(() -> variant("dAL_sign"), "L_model_backward", "gradient", "gradient").verdict());
        CheckResult shifted = only(() -> variant("dA_keys_shifted"), "L_model_backward", "gradient", "gradient");
        assertEquals("failed", shifted.verdict());
        assertTrue(shifted.message().startsWith("dA0 is missing from the gradients"), shifted.message());
    }

    @Test
    void call_patterns_catch_a_sigmoid_on_the_hidden_layers_and_a_backward_pass_in_the_wrong_order() {
        CheckResult forward = only(() -> variant("hidden_sigmoid"), "L_model_forward", "call_pattern", "ReLU");
        assertEquals("failed", forward.verdict());
        assertTrue(forward.message().startsWith("For 4 layers, L_model_forward must call"), forward.message());
        CheckResult backward = only(() -> new Deep() {
            @Override
            public Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches) {
                List<LayerCache> reversed = new java.util.ArrayList<>(caches);
                java.util.Collections.reverse(reversed);
                return super.lModelBackward(al, y, reversed);
            }
        }, "L_model_backward", "call_pattern", "sigmoid");
        assertEquals("failed", backward.verdict());
        assertEquals("passed", only(Deep::new, "L_model_backward", "call_pattern", "sigmoid").verdict());
    }

    @Test
    void property_checks_catch_what_the_fixtures_cannot() {
        assertEquals("failed", only(() -> variant("relu_slope_at_zero"), "linear_activation_backward", "property",
                "ReLU").verdict());
        assertEquals("failed", only(() -> variant("cost_sign"), "compute_cost", "property", "ln 2").verdict());
        CheckResult mutated = only(() -> new Deep() {
            @Override
            public Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches) {
                java.util.Collections.reverse(caches);
                java.util.Collections.reverse(caches);
                caches.remove(caches.size() - 1);
                return Grads.builder().build();
            }
        }, "L_model_backward", "property", "caches");
        assertEquals("failed", mutated.verdict());
        assertTrue(mutated.message().startsWith("L_model_backward changed the list of caches"), mutated.message());
        CheckResult shared = only(() -> new Deep() {
            private final dlcourse.core.RandomState random = new dlcourse.core.RandomState(3);

            @Override
            public Parameters initializeParametersDeep(int[] layerDims) {
                Parameters.Builder parameters = Parameters.builder();
                for (int l = 1; l < layerDims.length; l++) {
                    parameters.put("W" + l, random.randn(layerDims[l], layerDims[l - 1]).multiply(0.01));
                    parameters.put("b" + l, Matrix.zeros(layerDims[l], 1));
                }
                return parameters.build();
            }
        }, "initialize_parameters_deep", "property", "two calls");
        assertEquals("failed", shared.verdict());
        CheckResult fixedRate = only(() -> new Deep() {
            @Override
            public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
                return super.updateParameters(parameters, grads, 0.01);
            }
        }, "update_parameters", "property", "learning rate of 0");
        assertEquals("failed", fixedRate.verdict());
    }

    @Test
    void the_catalog_covers_every_function_of_the_contract_with_every_fitting_kind() {
        List<Check<DeepNetwork>> checks = ASSIGNMENT.checks(new FixtureStore(), EnumSet.allOf(Visibility.class));
        Map<String, List<String>> kinds = checks.stream().collect(Collectors.groupingBy(Check::function,
                Collectors.mapping(c -> c.kind().id(), Collectors.toList())));

        assertEquals(DeepNetwork.class.getMethods().length, kinds.size());
        kinds.forEach((function, list) -> {
            assertTrue(list.contains("shape") && list.contains("value"), function + ": " + list);
            assertTrue(list.stream().filter("value"::equals).count() >= 4, function + ": " + list);
        });
        for (String backward : List.of("linear_backward", "linear_activation_backward", "L_model_backward")) {
            assertTrue(kinds.get(backward).contains("gradient"), backward + ": " + kinds.get(backward));
        }
        for (String composed : List.of("linear_activation_forward", "L_model_forward", "linear_activation_backward",
                "L_model_backward")) {
            assertTrue(kinds.get(composed).contains("call_pattern"), composed + ": " + kinds.get(composed));
        }
        assertEquals(2, checks.stream().filter(c -> c.function().equals("linear_activation_backward")
                && c.kind().id().equals("gradient")).count());
    }
}
