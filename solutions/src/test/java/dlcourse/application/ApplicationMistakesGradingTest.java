package dlcourse.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.DeepApplication;
import dlcourse.grader.assignments.ApplicationAssignment;
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
 * The grader of assignment 4 against deliberately broken submissions: every known mistake is caught by its model's
 * value checks and named with a pinned headline; edited given steps do not change the value checks; the call
 * patterns and properties catch what values cannot.
 */
class ApplicationMistakesGradingTest {

    private static final ApplicationAssignment ASSIGNMENT = new ApplicationAssignment();

    private static List<CheckResult> grade(Supplier<? extends DeepApplication> instances, String function,
                                           String kind) {
        Grader.Session<DeepApplication> session = new Grader(new FixtureStore(), EnumSet.of(Visibility.PUBLIC))
                .start(ASSIGNMENT, instances, Application.class);
        return session.runWhere(c -> c.function().equals(function) && c.kind().id().equals(kind));
    }

    private static Application variant(String id) {
        return ApplicationMistakes.variants().get(id);
    }

    static Stream<Arguments> mistakes() {
        return ASSIGNMENT.mistakes().stream().map(m -> Arguments.of(m.id(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void every_known_mistake_fails_its_value_checks_and_is_named(String id, Mistake mistake) {
        List<CheckResult> values = grade(() -> variant(id), mistake.function(), "value");

        assertFalse(values.isEmpty());
        assertTrue(values.stream().noneMatch(r -> r.verdict().equals("passed")), () -> id + " passed: " + values);
        assertTrue(values.stream().anyMatch(r -> mistake.description().equals(r.diagnosis())),
                () -> id + " was not diagnosed: " + values);
    }

    /** The exact headline of the first value check each broken submission fails. */
    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("two_layer_hidden_sigmoid",
                    "W1 differs in 12 of 12 entries; worst at [2, 3]: expected -0.0215166 but was -0.0208884 (|diff| 6.3e-04 > 2.3e-07). Each iteration: RELU layer, SIGMOID layer, cost, the two backward steps (sigmoid first), then updateParameters; keep the parameters it returns."),
            Map.entry("two_layer_dA2_sign",
                    "W1 differs in 12 of 12 entries; worst at [2, 1]: expected -0.00349593 but was -0.00158234 (|diff| 1.9e-03 > 4.5e-08). Each iteration: RELU layer, SIGMOID layer, cost, the two backward steps (sigmoid first), then updateParameters; keep the parameters it returns."),
            Map.entry("cost_every_iteration",
                    "costs has 3 entries but 1 were expected. Record the cost of iterations 0, 100, 200, … only."),
            Map.entry("L_layer_uphill",
                    "W1 differs in 12 of 12 entries; worst at [2, 1]: expected -0.126759 but was -0.123179 (|diff| 3.6e-03 > 1.3e-06). Each iteration: lModelForward, computeCost, lModelBackward, updateParameters; keep the parameters it returns."),
            Map.entry("L_layer_parameters_not_kept",
                    "W1 differs in 12 of 12 entries; worst at [2, 1]: expected -0.126759 but was -0.124685 (|diff| 2.1e-03 > 1.3e-06). Each iteration: lModelForward, computeCost, lModelBackward, updateParameters; keep the parameters it returns."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_broken_submission_gets_its_exact_headline(String id, Mistake mistake) {
        CheckResult first = grade(() -> variant(id), mistake.function(), "value").get(0);

        assertEquals("failed", first.verdict());
        assertEquals(HEADLINES.get(id), first.message());
        assertEquals(mistake.description(), first.diagnosis());
    }

    @Test
    void the_headline_table_covers_every_known_mistake() {
        assertEquals(ASSIGNMENT.mistakes().stream().map(Mistake::id).collect(Collectors.toSet()), HEADLINES.keySet());
    }

    /** A submission whose given steps were edited: its own loop is still graded with the real steps. */
    private static final class EditedGivenSteps extends Application {
        @Override
        public double computeCost(Matrix al, Matrix y) {
            return 42.0;
        }

        @Override
        public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
            return parameters;
        }
    }

    @Test
    void the_models_are_graded_with_the_real_given_steps_whatever_the_submission_did_to_its_copies() {
        for (String model : List.of("two_layer_model", "L_layer_model")) {
            List<CheckResult> values = grade(EditedGivenSteps::new, model, "value");
            assertTrue(values.stream().allMatch(r -> r.verdict().equals("passed")), () -> model + ": " + values);
        }
    }

    private static CheckResult only(Supplier<? extends DeepApplication> instances, String function, String kind,
                                    String titlePart) {
        return grade(instances, function, kind).stream().filter(r -> r.title().contains(titlePart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " check of " + function + " titled " + titlePart));
    }

    @Test
    void call_patterns_catch_steps_out_of_order_and_steps_done_by_hand() {
        assertEquals("passed", only(Application::new, "two_layer_model", "call_pattern", "per iteration").verdict());
        assertEquals("passed", only(Application::new, "L_layer_model", "call_pattern", "per iteration").verdict());
        CheckResult swapped = only(() -> variant("two_layer_hidden_sigmoid"), "two_layer_model", "call_pattern",
                "per iteration");
        assertEquals("failed", swapped.verdict());
        assertTrue(swapped.message().startsWith("two_layer_model must call this.initializeParameters"),
                swapped.message());
        CheckResult byHand = only(() -> new Application() {
            @Override
            public Trained lLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                                       boolean printCost) {
                Parameters parameters = initializeParametersDeep(layersDims);
                java.util.List<Double> costs = new java.util.ArrayList<>();
                for (int i = 0; i < numIterations; i++) {
                    var forward = dlcourse.nn.DeepNet.modelForward(x, parameters);
                    costs.add(computeCost(forward.al(), y));
                    parameters = updateParameters(parameters, lModelBackward(forward.al(), y, forward.caches()),
                            learningRate);
                }
                return new Trained(parameters, costs);
            }
        }, "L_layer_model", "call_pattern", "per iteration");
        assertEquals("failed", byHand.verdict());
    }

    @Test
    void properties_catch_a_learning_rate_that_is_ignored_and_costs_printed_unasked() {
        CheckResult ignored = only(() -> new Application() {
            @Override
            public Trained lLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                                       boolean printCost) {
                return super.lLayerModel(x, y, layersDims, 0.0075, numIterations, printCost);
            }
        }, "L_layer_model", "property", "α = 0");
        assertEquals("failed", ignored.verdict());
        CheckResult chatty = only(() -> new Application() {
            @Override
            public Trained twoLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate,
                                         int numIterations, boolean printCost) {
                return super.twoLayerModel(x, y, layersDims, learningRate, numIterations, true);
            }
        }, "two_layer_model", "property", "prints");
        assertEquals("failed", chatty.verdict());
        assertTrue(chatty.message().startsWith("two_layer_model printed output although printCost was false"),
                chatty.message());
        CheckResult mutating = only(() -> new Application() {
            @Override
            public Trained twoLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate,
                                         int numIterations, boolean printCost) {
                layersDims[1] = layersDims[1] + 0;
                java.util.Arrays.sort(layersDims);
                return super.twoLayerModel(x, y, new int[] {layersDims[2], layersDims[1], layersDims[0]},
                        learningRate, numIterations, printCost);
            }
        }, "two_layer_model", "property", "prints");
        assertEquals("failed", mutating.verdict());
        assertTrue(mutating.message().startsWith("two_layer_model changed the layers_dims array"), mutating.message());
    }

    @Test
    void the_catalog_covers_both_models_with_every_fitting_kind() {
        List<Check<DeepApplication>> checks = ASSIGNMENT.checks(new FixtureStore(), EnumSet.allOf(Visibility.class));
        Map<String, List<String>> kinds = checks.stream().collect(Collectors.groupingBy(Check::function,
                Collectors.mapping(c -> c.kind().id(), Collectors.toList())));

        assertEquals(List.of("L_layer_model", "two_layer_model"), kinds.keySet().stream().sorted().toList());
        kinds.forEach((function, list) -> {
            for (String kind : List.of("shape", "value", "call_pattern", "property", "training")) {
                assertTrue(list.contains(kind), function + " lacks " + kind + ": " + list);
            }
            assertTrue(list.stream().filter("value"::equals).count() >= 4, function + ": " + list);
        });
    }
}
