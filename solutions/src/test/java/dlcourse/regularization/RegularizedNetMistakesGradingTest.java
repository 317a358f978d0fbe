package dlcourse.regularization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.Regularization;
import dlcourse.grader.assignments.RegularizationAssignment;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.run.Grader;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
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
 * The grader against deliberately broken submissions of assignment 6: every known mistake is caught by its
 * function's value checks and named, with its exact headline; the gradient, property and call-pattern checks catch
 * the slips values cannot; wrong exercise functions do not fail {@code model}.
 */
class RegularizedNetMistakesGradingTest {

    private static final RegularizationAssignment ASSIGNMENT = new RegularizationAssignment();

    private static List<CheckResult> grade(Supplier<? extends Regularization> instances, String function,
                                           Predicate<String> kinds) {
        Grader.Session<Regularization> session = new Grader(new FixtureStore(), EnumSet.allOf(Visibility.class))
                .start(ASSIGNMENT, instances, RegularizedNet.class);
        return session.runWhere(c -> c.function().equals(function) && kinds.test(c.kind().id()));
    }

    private static List<CheckResult> values(RegularizedNet impl, String function) {
        return grade(() -> impl, function, "value"::equals);
    }

    private static CheckResult check(RegularizedNet impl, String function, String idSuffix) {
        return grade(() -> impl, function, kind -> !kind.equals("training")).stream()
                .filter(r -> r.id().endsWith(idSuffix)).findFirst().orElseThrow();
    }

    private static RegularizedNet variant(String id) {
        return RegularizedNetMistakes.variants().get(id);
    }

    static Stream<Arguments> mistakes() {
        return ASSIGNMENT.mistakes().stream().map(m -> Arguments.of(m.id(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void every_known_mistake_fails_its_value_checks_and_is_named(String id, Mistake mistake) {
        List<CheckResult> rows = values(variant(id), mistake.function());

        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().anyMatch(r -> !r.verdict().equals("passed")), () -> id + " passed: " + rows);
        assertTrue(rows.stream().anyMatch(r -> mistake.description().equals(r.diagnosis())),
                () -> id + " was not diagnosed: " + rows);
    }

    private static final String COST = "J = cross-entropy + λ/(2m)·(ΣW1² + ΣW2² + ΣW3²), with m the number of examples.";
    private static final String DW = "dW<l> = (1/m)·dZ<l>·A<l-1>ᵀ + (λ/m)·W<l>; the biases get no extra term.";
    private static final String A3 = "A<l> = relu(Z<l>) * D<l> / keep_prob on both hidden layers; none on the output.";

    /** The exact headline of the first value check each broken submission fails. */
    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("cost_l2_without_1_over_m",
                    "cost is 1.89417 but 1.11296 was expected (|diff| 7.8e-01 > 1.1e-07). " + COST),
            Map.entry("cost_l2_without_half",
                    "cost is 1.30826 but 1.11296 was expected (|diff| 2.0e-01 > 1.1e-07). " + COST),
            Map.entry("cost_l2_with_biases",
                    "cost is 1.12272 but 1.11296 was expected (|diff| 9.8e-03 > 1.1e-07). " + COST),
            Map.entry("grad_l2_without_1_over_m",
                    "dW3 differs in 2 of 2 entries; worst at [0, 0]: expected 0.168825 but was 0.803736 (|diff| 6.3e-01"
                    + " > 1.7e-08). " + DW),
            Map.entry("grad_l2_halved",
                    "dW3 differs in 2 of 2 entries; worst at [0, 0]: expected 0.168825 but was 0.089461 (|diff| 7.9e-02"
                    + " > 1.7e-08). " + DW),
            Map.entry("grad_l2_on_biases",
                    "db3 is 0.122508 but 0.134578 was expected (|diff| 1.2e-02 > 1.4e-08). db<l> = (1/m)·Σ_columns dZ<l>:"
                    + " the L2 term adds nothing to the biases."),
            Map.entry("dropout_not_rescaled",
                    "A1 differs in 11 of 20 entries; worst at [0, 1]: expected 4.85528 but was 3.88422 (|diff| 9.7e-01 >"
                    + " 4.9e-07). Zero the dropped units, then divide by keep_prob."),
            Map.entry("dropout_mask_inverted",
                    "A3 differs in 1 of 4 entries; worst at [0, 1]: expected 0.363859 but was 0.107452 (|diff| 2.6e-01 >"
                    + " 3.6e-08). " + A3),
            Map.entry("dropout_mask_randn",
                    "A3 differs in 1 of 4 entries; worst at [0, 1]: expected 0.363859 but was 0.15747 (|diff| 2.1e-01 >"
                    + " 3.6e-08). " + A3),
            Map.entry("backward_fresh_mask",
                    "dW1 differs in 3 of 12 entries; worst at [3, 2]: expected -0.0793177 but was -0.0541567 (|diff|"
                    + " 2.5e-02 > 8.0e-09). Right after dA1 = W2ᵀ·dZ2, apply the cache's D1 and divide by keep_prob."),
            Map.entry("backward_not_rescaled",
                    "dW2 differs in 6 of 12 entries; worst at [2, 2]: expected -0.0191835 but was -0.0153468 (|diff|"
                    + " 3.8e-03 > 2.0e-09). Right after dA2 = W3ᵀ·dZ3, apply the cache's D2 and divide by keep_prob."),
            Map.entry("model_plain_cost_with_l2",
                    "costs is 0.947629 but 2.41433 was expected (|diff| 1.5e+00 > 2.4e-05). Record the cost of iterations"
                    + " 0, 1000, 2000, … — the regularized cost when λ > 0."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_broken_submission_gets_its_exact_headline(String id, Mistake mistake) {
        CheckResult first = values(variant(id), mistake.function()).stream()
                .filter(r -> !r.verdict().equals("passed")).findFirst().orElseThrow();

        assertEquals("failed", first.verdict());
        assertEquals(HEADLINES.get(id), first.message());
        assertEquals(mistake.description(), first.diagnosis());
    }

    @Test
    void the_headline_table_covers_every_known_mistake() {
        assertEquals(ASSIGNMENT.mistakes().stream().map(Mistake::id).collect(Collectors.toSet()), HEADLINES.keySet());
    }

    @Test
    void model_is_graded_with_the_reference_exercise_functions_replayed() {
        RegularizedNet brokenEverywhere = new RegularizedNet() {
            @Override
            public double computeCostWithRegularization(Matrix a3, Matrix y, Parameters parameters, double lambd) {
                return -1;
            }

            @Override
            public DropoutCache forwardPropagationWithDropout(Matrix x, Parameters parameters, double keepProb) {
                return variant("dropout_not_rescaled").forwardPropagationWithDropout(x, parameters, keepProb);
            }

            @Override
            public Grads backwardPropagationWithRegularization(Matrix x, Matrix y, ThreeLayerCache cache,
                                                               double lambd) {
                return variant("grad_l2_on_biases").backwardPropagationWithRegularization(x, y, cache, lambd);
            }
        };
        List<CheckResult> model = values(brokenEverywhere, "model");

        assertTrue(model.stream().allMatch(r -> r.verdict().equals("passed")), model::toString);
    }

    @Test
    void l2_gradients_that_miss_the_penalty_fail_the_gradient_check() {
        CheckResult row = check(new RegularizedNet() {
            @Override
            public Grads backwardPropagationWithRegularization(Matrix x, Matrix y, ThreeLayerCache cache,
                                                               double lambd) {
                return super.backwardPropagationWithRegularization(x, y, cache, 0.0);
            }
        }, "backward_propagation_with_regularization", "gradient.seed-14");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("dW1 disagrees with the slope of your own cost: relative difference"
                + " 1.65e-01"), row.message());
    }

    @Test
    void a_backward_pass_with_fresh_masks_fails_the_dropout_gradient_check() {
        CheckResult row = check(variant("backward_fresh_mask"), "backward_propagation_with_dropout",
                "gradient.seed-20");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("dW1 disagrees with the slope of your own cost"), row.message());
    }

    @Test
    void a_cost_that_penalises_biases_fails_the_biases_property() {
        CheckResult row = check(variant("cost_l2_with_biases"), "compute_cost_with_regularization",
                "property.biases-free");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("cost with other biases (same A3, same W) is"), row.message());
    }

    @Test
    void masks_that_keep_the_wrong_share_fail_the_mask_statistics() {
        CheckResult row = check(variant("dropout_mask_inverted"), "forward_propagation_with_dropout",
                "property.mask-statistics");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("With keep_prob = 0.7, D1 keeps 29.9 % of the units"), row.message());
    }

    @Test
    void unscaled_activations_fail_the_mask_statistics() {
        CheckResult row = check(variant("dropout_not_rescaled"), "forward_propagation_with_dropout",
                "property.mask-statistics");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("A1 = relu(Z1) · D1 / keep_prob differs"), row.message());
    }

    @Test
    void a_generator_drawn_once_fails_the_same_masks_property() {
        CheckResult row = check(new RegularizedNet() {
            private final RandomState random = new RandomState(DROPOUT_SEED);

            @Override
            public DropoutCache forwardPropagationWithDropout(Matrix x, Parameters parameters, double keepProb) {
                DropoutCache right = super.forwardPropagationWithDropout(x, parameters, keepProb);
                Matrix d1 = random.rand(right.d1().rows(), right.d1().cols()).lessThan(keepProb);
                return new DropoutCache(right.z1(), d1, right.a1(), right.w1(), right.b1(), right.z2(), right.d2(),
                        right.a2(), right.w2(), right.b2(), right.z3(), right.a3(), right.w3(), right.b3());
            }
        }, "forward_propagation_with_dropout", "property.same-masks");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("D1 of a second call differs"), row.message());
    }

    @Test
    void a_model_with_l2_that_calls_the_plain_backward_pass_fails_its_call_pattern() {
        CheckResult row = check(new RegularizedNet() {
            @Override
            public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                               double lambd, double keepProb) {
                if (lambd == 0) {
                    return super.model(x, y, learningRate, numIterations, printCost, lambd, keepProb);
                }
                Parameters p = initializeParameters(new int[] {x.rows(), 20, 3, 1});
                for (int i = 0; i < numIterations; i++) {
                    ThreeLayerCache cache = forwardPropagation(x, p);
                    computeCostWithRegularization(cache.a3(), y, p, lambd);
                    p = updateParameters(p, backwardPropagation(x, y, cache), learningRate);
                }
                return new Model(p, List.of());
            }
        }, "model", "call_pattern.l2");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("With λ = 0.7, every iteration must call this.forwardPropagation"),
                row.message());
    }

    @Test
    void a_model_that_runs_the_forward_pass_twice_hands_backward_the_wrong_cache() {
        CheckResult row = check(new RegularizedNet() {
            @Override
            public DropoutCache forwardPropagationWithDropout(Matrix x, Parameters parameters, double keepProb) {
                DropoutCache first = super.forwardPropagationWithDropout(x, parameters, keepProb);
                super.forwardPropagationWithDropout(x, parameters, keepProb);
                return first;
            }

            @Override
            public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                               double lambd, double keepProb) {
                if (keepProb == 1) {
                    return super.model(x, y, learningRate, numIterations, printCost, lambd, keepProb);
                }
                Parameters p = initializeParameters(new int[] {x.rows(), 20, 3, 1});
                for (int i = 0; i < numIterations; i++) {
                    DropoutCache cache = forwardPropagationWithDropout(x, p, keepProb);
                    computeCost(cache.a3(), y);
                    forwardPropagationWithDropout(x, p, keepProb);
                    p = updateParameters(p, backwardPropagationWithDropout(x, y, cache, keepProb), learningRate);
                }
                return new Model(p, List.of());
            }
        }, "model", "call_pattern.dropout");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("With keep_prob = 0.86, every iteration must call"), row.message());
    }

    @Test
    void both_remedies_at_once_must_be_refused() {
        CheckResult row = check(new RegularizedNet() {
            @Override
            public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                               double lambd, double keepProb) {
                return super.model(x, y, learningRate, numIterations, printCost, keepProb < 1 ? 0 : lambd, keepProb);
            }
        }, "model", "property.one-remedy-at-a-time");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("model(…, lambd = 0.7, keepProb = 0.86) should throw"), row.message());
    }

    @Test
    void the_catalog_covers_every_function_with_every_fitting_kind() {
        List<Check<Regularization>> checks = ASSIGNMENT.checks(new FixtureStore(), EnumSet.allOf(Visibility.class));
        Map<String, Long> kinds = checks.stream().collect(Collectors.groupingBy(c -> c.kind().id(),
                Collectors.counting()));

        assertEquals(List.of("compute_cost_with_regularization", "backward_propagation_with_regularization",
                "forward_propagation_with_dropout", "backward_propagation_with_dropout", "model"),
                checks.stream().map(Check::function).distinct().toList());
        assertTrue(kinds.keySet().containsAll(List.of("shape", "value", "gradient", "call_pattern", "property",
                "training")), kinds.toString());
        assertEquals(2, kinds.get("gradient"));
        assertEquals(2, kinds.get("training"));
    }
}
