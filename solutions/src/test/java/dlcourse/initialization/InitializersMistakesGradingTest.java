package dlcourse.initialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.Initialization;
import dlcourse.grader.assignments.InitializationAssignment;
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
 * The grader against deliberately broken submissions of assignment 5: every known mistake is caught by its
 * function's value checks and named, with its exact headline; the property and call-pattern checks catch what the
 * values cannot; a wrong initializer does not fail {@code model}.
 */
class InitializersMistakesGradingTest {

    private static final InitializationAssignment ASSIGNMENT = new InitializationAssignment();

    private static List<CheckResult> grade(Supplier<? extends Initialization> instances, String function,
                                           Predicate<String> kinds) {
        Grader.Session<Initialization> session = new Grader(new FixtureStore(), EnumSet.allOf(Visibility.class))
                .start(ASSIGNMENT, instances, Initializers.class);
        return session.runWhere(c -> c.function().equals(function) && kinds.test(c.kind().id()));
    }

    private static List<CheckResult> values(Initializers impl, String function) {
        return grade(() -> impl, function, "value"::equals);
    }

    private static CheckResult check(Initializers impl, String function, String idSuffix) {
        return grade(() -> impl, function, kind -> true).stream().filter(r -> r.id().endsWith(idSuffix))
                .findFirst().orElseThrow();
    }

    static Stream<Arguments> mistakes() {
        return ASSIGNMENT.mistakes().stream().map(m -> Arguments.of(m.id(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void every_known_mistake_fails_its_value_checks_and_is_named(String id, Mistake mistake) {
        List<CheckResult> rows = values(InitializersMistakes.variants().get(id), mistake.function());

        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().anyMatch(r -> !r.verdict().equals("passed")), () -> id + " passed: " + rows);
        assertTrue(rows.stream().anyMatch(r -> mistake.description().equals(r.diagnosis())),
                () -> id + " was not diagnosed: " + rows);
    }

    private static final String RANDOM = "Draw W1, W2, … in order from one RandomState(3), each randn(n[l],"
            + " n[l-1]) times 10.";
    private static final String HE = "Draw W1, W2, … in order from one RandomState(3), each randn(n[l], n[l-1])"
            + " times sqrt(2 / n[l-1]), where n[l-1] is the layer's number of inputs.";

    /** The exact headline of the first value check each broken submission fails. */
    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("zeros_transposed",
                    "W1 has shape (3, 2) but (2, 3) was expected. It looks transposed."),
            Map.entry("random_unscaled",
                    "W1 differs in 6 of 6 entries; worst at [1, 0]: expected -18.6349 but was -1.86349 (|diff| 1.7e+01 > 1.9e-06). " + RANDOM),
            Map.entry("random_uniform",
                    "W1 differs in 6 of 6 entries; worst at [1, 0]: expected -18.6349 but was 5.10828 (|diff| 2.4e+01 > 1.9e-06). " + RANDOM),
            Map.entry("he_fan_out",
                    "W1 differs in 6 of 6 entries; worst at [1, 0]: expected -1.52154 but was -1.86349 (|diff| 3.4e-01 > 1.5e-07). " + HE),
            Map.entry("he_without_2",
                    "W1 differs in 6 of 6 entries; worst at [1, 0]: expected -1.52154 but was -1.07589 (|diff| 4.5e-01 > 1.5e-07). " + HE),
            Map.entry("he_integer_division",
                    "W1 differs in 6 of 6 entries; worst at [1, 0]: expected -1.52154 but was -0.0 (|diff| 1.5e+00 > 1.5e-07). " + HE),
            Map.entry("he_reseeded_per_layer",
                    "W2 differs in 2 of 2 entries; worst at [0, 0]: expected -0.0827415 but was 1.78863 (|diff| 1.9e+00 > 8.4e-09). " + HE),
            Map.entry("model_ignores_initialization",
                    "W1 differs in 30 of 30 entries; worst at [4, 1]: expected 17.1643 but was 1.39274 (|diff| 1.6e+01 > 1.7e-04). Pick the initializer the initialization argument names."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_broken_submission_gets_its_exact_headline(String id, Mistake mistake) {
        CheckResult first = values(InitializersMistakes.variants().get(id), mistake.function()).stream()
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
    void model_is_graded_with_the_reference_initializers_so_a_wrong_he_does_not_fail_it() {
        List<CheckResult> model = values(InitializersMistakes.variants().get("he_without_2"), "model");

        assertTrue(model.stream().allMatch(r -> r.verdict().equals("passed")), model::toString);
    }

    @Test
    void he_with_the_wrong_variance_fails_the_variance_property() {
        CheckResult row = check(InitializersMistakes.variants().get("he_without_2"), "initialize_parameters_he",
                "property.variance-2-over-fan-in");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("W1 (400 × 500) has variance 0.001986, 0.497 times 2 / n[0]"),
                row.message());
    }

    @Test
    void random_weights_of_the_wrong_scale_fail_the_scale_property() {
        CheckResult row = check(InitializersMistakes.variants().get("random_unscaled"),
                "initialize_parameters_random", "property.scale-10");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("W1 (400 × 500) has mean"), row.message());
    }

    @Test
    void a_model_that_skips_the_cost_fails_the_step_order() {
        CheckResult row = check(new Initializers() {
            @Override
            public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                               String initialization) {
                Parameters p = initializeParametersHe(new int[] {x.rows(), 10, 5, 1});
                for (int i = 0; i < numIterations; i++) {
                    ThreeLayerCache cache = forwardPropagation(x, p);
                    Grads grads = backwardPropagation(x, y, cache);
                    p = updateParameters(p, grads, learningRate);
                }
                return new Model(p, List.of());
            }
        }, "model", "call_pattern.steps-each-iteration");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("Each of the 3 iterations asked for must call this.forwardPropagation,"),
                row.message());
    }

    @Test
    void a_model_that_starts_from_he_for_zeros_breaks_the_symmetry_property() {
        CheckResult row = check(InitializersMistakes.variants().get("model_ignores_initialization"), "model",
                "property.symmetry-of-zeros");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("After 50 iterations from zeros, row 1 of W1 differs from row 0"),
                row.message());
    }

    @Test
    void a_model_that_prints_every_cost_fails_the_printed_output_property() {
        CheckResult row = check(new Initializers() {
            @Override
            public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                               String initialization) {
                Model model = super.model(x, y, learningRate, numIterations, false, initialization);
                System.out.println("Cost after iteration 0: " + model.costs().get(0));
                return model;
            }
        }, "model", "property.printed-costs");

        assertEquals("failed", row.verdict());
        assertTrue(row.message().startsWith("model printed output although printCost was false"), row.message());
    }

    @Test
    void the_catalog_covers_every_function_with_every_fitting_kind() {
        List<Check<Initialization>> checks = ASSIGNMENT.checks(new FixtureStore(), EnumSet.allOf(Visibility.class));
        Map<String, Long> kinds = checks.stream().collect(Collectors.groupingBy(c -> c.kind().id(),
                Collectors.counting()));

        assertEquals(List.of("initialize_parameters_zeros", "initialize_parameters_random",
                "initialize_parameters_he", "model"), checks.stream().map(Check::function).distinct().toList());
        assertTrue(kinds.keySet().containsAll(List.of("shape", "value", "call_pattern", "property", "training")),
                kinds.toString());
        for (String function : List.of("initialize_parameters_zeros", "initialize_parameters_random",
                "initialize_parameters_he", "model")) {
            assertEquals(2, checks.stream().filter(c -> c.function().equals(function) && c.kind().id().equals("value")
                    && c.visibility() == Visibility.HIDDEN).count(), function);
        }
    }
}
