package dlcourse.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.OptimizationMethods;
import dlcourse.grader.assignments.OptimizationAssignment;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimization grader against deliberately broken submissions: every known mistake is caught by its function's
 * value checks and named, the exact feedback headlines are pinned, and the property and call-pattern checks catch
 * what values cannot see.
 */
class OptimizationMistakesGradingTest {

    private static final OptimizationAssignment ASSIGNMENT = new OptimizationAssignment();

    private static List<CheckResult> grade(Supplier<? extends OptimizationMethods> instances, String function) {
        Grader.Session<OptimizationMethods> session = new Grader(new FixtureStore(), EnumSet.of(Visibility.PUBLIC))
                .start(ASSIGNMENT, instances, Optimization.class);
        return session.runWhere(c -> c.function().equals(function) && !c.kind().id().equals("training"));
    }

    private static CheckResult only(List<CheckResult> rows, String kind, String titleStart) {
        return rows.stream().filter(r -> r.kind().equals(kind) && r.title().startsWith(titleStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " check titled " + titleStart + " in " + rows));
    }

    static Stream<Arguments> mistakes() {
        return ASSIGNMENT.mistakes().stream().map(m -> Arguments.of(m.id(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void every_known_mistake_fails_its_value_checks_and_is_named(String id, Mistake mistake) {
        Optimization variant = OptimizationMistakes.variants().get(id);
        List<CheckResult> values = grade(() -> variant, mistake.function()).stream()
                .filter(r -> r.kind().equals("value")).toList();

        assertFalse(values.isEmpty());
        assertTrue(values.stream().anyMatch(r -> r.verdict().equals("failed")), () -> id + " passed: " + values);
        assertTrue(values.stream().anyMatch(r -> mistake.description().equals(r.diagnosis())),
                () -> id + " was not diagnosed: " + values);
    }

    /** The exact headline of the first value check each broken submission fails. */
    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("gd_learning_rate_sign",
                    "W1 differs in 6 of 6 entries; worst at [0, 0]: expected 1.64495 but was 1.60374 (|diff| 4.1e-02 > 1.6e-07). Each layer: W ← W − α·dW and b ← b − α·db, for l = 1 … L."),
            Map.entry("last_layer_not_updated",
                    "W2 differs in 2 of 2 entries; worst at [0, 1]: expected -0.238364 but was -0.24937 (|diff| 1.1e-02 > 2.4e-08). Each layer: W ← W − α·dW and b ← b − α·db, for l = 1 … L."),
            Map.entry("last_batch_dropped",
                    "len(mini_batches) is 2.0 but 3.0 was expected (|diff| 1.0e+00 > 0.0e+00). ⌊m / size⌋ full batches, then one smaller batch if m is not a multiple of the size."),
            Map.entry("separate_permutations",
                    "mini_batches[0][1] differs in 3 of 4 entries; worst at [0, 1]: expected 0.0 but was 1.0 (|diff| 1.0e+00 > 0.0e+00). Y must be shuffled with the same permutation as X."),
            Map.entry("not_shuffled",
                    "mini_batches[0][0] differs in 8 of 8 entries; worst at [1, 1]: expected 1.2718 but was -0.806116 (|diff| 2.1e+00 > 0.0e+00). Shuffle with new RandomState(seed).permutation(m), the same permutation for X and Y."),
            Map.entry("momentum_without_1_minus_beta",
                    "W1 differs in 6 of 6 entries; worst at [0, 0]: expected 1.62559 but was 1.64414 (|diff| 1.9e-02 > 1.6e-07). Step along the new velocity: W ← W − α·v_dW."),
            Map.entry("momentum_steps_with_gradient",
                    "W1 differs in 6 of 6 entries; worst at [0, 0]: expected 1.62559 but was 1.64495 (|diff| 1.9e-02 > 1.6e-07). Step along the new velocity: W ← W − α·v_dW."),
            Map.entry("adam_without_bias_correction",
                    "W1 differs in 6 of 6 entries; worst at [1, 2]: expected -2.28539 but was -2.29029 (|diff| 4.9e-03 > 2.3e-07). W ← W − α·v_corrected / sqrt(s_corrected + ε): in this course ε sits inside the root."),
            Map.entry("adam_epsilon_outside_sqrt",
                    "W1 differs in 6 of 6 entries; worst at [1, 2]: expected -2.28539 but was -2.28523 (|diff| 1.5e-04 > 2.3e-07). W ← W − α·v_corrected / sqrt(s_corrected + ε): in this course ε sits inside the root."),
            Map.entry("adam_beta_without_power_t",
                    "W1 differs in 6 of 6 entries; worst at [1, 2]: expected -2.28539 but was -2.28002 (|diff| 5.4e-03 > 2.3e-07). W ← W − α·v_corrected / sqrt(s_corrected + ε): in this course ε sits inside the root."),
            Map.entry("adam_s_corrected_with_beta1",
                    "W1 differs in 6 of 6 entries; worst at [1, 1]: expected 0.881206 but was 0.885911 (|diff| 4.7e-03 > 8.8e-08). W ← W − α·v_corrected / sqrt(s_corrected + ε): in this course ε sits inside the root."),
            Map.entry("update_lr_precedence",
                    "learning_rate is 2.55767 but 0.170037 was expected (|diff| 2.4e+00 > 1.7e-08). α = α0 / (1 + decay_rate · epoch_num): mind the parentheses."),
            Map.entry("schedule_not_floored",
                    "learning_rate is 0.227222 but 0.25591 was expected (|diff| 2.9e-02 > 2.6e-08). α = α0 / (1 + decay_rate · ⌊epoch_num / time_interval⌋): the rate only changes once per interval."),
            Map.entry("schedule_ignores_interval",
                    "learning_rate is 0.000405061 but 0.25591 was expected (|diff| 2.6e-01 > 2.6e-08). α = α0 / (1 + decay_rate · ⌊epoch_num / time_interval⌋): the rate only changes once per interval."),
            Map.entry("cost_averaged_over_batches",
                    "costs is 2.30252 but 0.690756 was expected (|diff| 1.6e+00 > 6.9e-08). An epoch's cost is the sum of compute_cost over its mini-batches divided by m; record it when the epoch number is a multiple of 100."),
            Map.entry("cost_not_divided_by_m",
                    "costs is 6.90756 but 0.690756 was expected (|diff| 6.2e+00 > 6.9e-08). An epoch's cost is the sum of compute_cost over its mini-batches divided by m; record it when the epoch number is a multiple of 100."),
            Map.entry("update_result_ignored",
                    "costs is 0.693147 but 0.690756 was expected (|diff| 2.4e-03 > 6.9e-08). An epoch's cost is the sum of compute_cost over its mini-batches divided by m; record it when the epoch number is a multiple of 100."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_broken_submission_gets_its_exact_headline(String id, Mistake mistake) {
        Optimization variant = OptimizationMistakes.variants().get(id);
        CheckResult first = grade(() -> variant, mistake.function()).stream()
                .filter(r -> r.kind().equals("value") && r.verdict().equals("failed")).findFirst().orElseThrow();

        assertEquals(HEADLINES.get(id), first.message(), "HEADLINE " + id);
        assertEquals(mistake.description(), first.diagnosis());
    }

    @Test
    void the_headline_table_and_the_variants_cover_every_known_mistake() {
        var ids = ASSIGNMENT.mistakes().stream().map(Mistake::id).collect(Collectors.toSet());
        assertEquals(ids, HEADLINES.keySet());
        assertEquals(ids, OptimizationMistakes.variants().keySet());
    }

    @Test
    void model_is_graded_with_its_helpers_replayed_so_a_wrong_update_does_not_fail_its_values() {
        List<CheckResult> model = grade(() -> OptimizationMistakes.variants().get("adam_epsilon_outside_sqrt"),
                "model");

        assertTrue(model.stream().filter(r -> r.kind().equals("value")).allMatch(r -> r.verdict().equals("passed")),
                model::toString);
    }

    @Test
    void a_model_that_ignores_the_optimizer_argument_is_told_which_update_it_should_not_call() {
        Optimization alwaysGd = new Optimization() {
            @Override
            public Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer, Hyperparameters h,
                                 boolean printCost) {
                return super.model(x, y, layersDims, Optimizer.GD, h, printCost);
            }
        };
        List<CheckResult> values = grade(() -> alwaysGd, "model").stream().filter(r -> r.kind().equals("value"))
                .toList();

        assertEquals("passed", values.get(0).verdict(), values::toString);
        assertEquals("failed", values.get(1).verdict(), values::toString);
        assertEquals("model called update_parameters_with_gd, which the reference run with this optimizer never"
                + " calls: use the update that belongs to the optimizer argument.", values.get(1).message());
    }

    @Test
    void the_textbook_epsilon_is_named_by_the_first_step_property() {
        CheckResult property = only(grade(() -> OptimizationMistakes.variants().get("adam_epsilon_outside_sqrt"),
                "update_parameters_with_adam"), "property", "property: first step");

        assertEquals("failed", property.verdict());
        assertEquals("W1 moved by α·v_corrected / (sqrt(s_corrected) + ε), the textbook placement of ε; this course"
                + " puts ε inside the root: α·v_corrected / sqrt(s_corrected + ε).", property.message());
    }

    @Test
    void adam_without_bias_correction_fails_the_first_step_property() {
        CheckResult property = only(grade(() -> OptimizationMistakes.variants().get("adam_without_bias_correction"),
                "update_parameters_with_adam"), "property", "property: first step");

        assertEquals("failed", property.verdict());
        assertTrue(property.message().startsWith("v_corrected[\"dW1\"] at t = 1 differs"), property.message());
    }

    @Test
    void momentum_that_steps_with_the_gradient_still_passes_beta_0_where_the_two_agree() {
        CheckResult property = only(grade(() -> OptimizationMistakes.variants().get("momentum_steps_with_gradient"),
                "update_parameters_with_momentum"), "property", "property: with β = 0");

        assertEquals("passed", property.verdict());
    }

    @Test
    void separate_permutations_fail_the_pairing_property_and_a_dropped_batch_loses_examples() {
        CheckResult pairing = only(grade(() -> OptimizationMistakes.variants().get("separate_permutations"),
                "random_mini_batches"), "property", "property: every example");
        CheckResult dropped = only(grade(() -> OptimizationMistakes.variants().get("last_batch_dropped"),
                "random_mini_batches"), "property", "property: every example");

        assertEquals("failed", pairing.verdict());
        assertTrue(pairing.message().contains("shuffle X and Y with the same permutation"), pairing.message());
        assertEquals("Example " + firstMissing() + " of 37 is in no mini-batch (batches of 8: is the last, smaller"
                + " batch missing?).", dropped.message());
    }

    /** The first example of 37 that the full-batch cut at seed 5 leaves for the dropped last batch. */
    private static int firstMissing() {
        double[] index = new double[37];
        java.util.Arrays.setAll(index, j -> j);
        Matrix y = Matrix.row(index);
        List<OptimizationMethods.MiniBatch> all = new Optimization().randomMiniBatches(Matrix.vstack(y, y.negate()),
                y, 8, 5);
        Matrix last = all.get(all.size() - 1).y();
        int smallest = 37;
        for (int j = 0; j < last.cols(); j++) {
            smallest = Math.min(smallest, (int) last.get(0, j));
        }
        return smallest;
    }

    @Test
    void a_model_that_reuses_one_seed_fails_the_epoch_structure() {
        CheckResult structure = only(grade(() -> OptimizationMistakes.modelWith(
                OptimizationMistakes.ModelSlip.SEED_NOT_INCREMENTED), "model"), "call_pattern", "call pattern: per epoch");

        assertEquals("failed", structure.verdict());
        assertEquals("randomMiniBatches should get the seeds 11 and 12 (the seed starts at 10 and grows by 1 before"
                + " each epoch) but got [10, 10].", structure.message());
    }

    @Test
    void a_model_whose_adam_counter_restarts_each_epoch_fails_the_optimizer_state_check() {
        CheckResult state = only(grade(() -> OptimizationMistakes.modelWith(
                OptimizationMistakes.ModelSlip.T_RESTARTS_EACH_EPOCH), "model"), "call_pattern",
                "call pattern: each optimizer");

        assertEquals("failed", state.verdict());
        assertEquals("Adam's t should count the updates from 1: [1, 2, 3, 4, 5, 6] over 2 epochs of 3 batches, but"
                + " was [1, 2, 3, 1, 2, 3].", state.message());
    }

    @Test
    void a_decay_applied_to_the_current_rate_fails_the_decay_check_and_the_reference_passes_all() {
        CheckResult compounded = only(grade(() -> OptimizationMistakes.modelWith(
                OptimizationMistakes.ModelSlip.DECAY_COMPOUNDED), "model"), "call_pattern",
                "call pattern: after epoch i");
        List<CheckResult> reference = grade(() -> OptimizationMistakes.modelWith(
                OptimizationMistakes.ModelSlip.SEED_NOT_INCREMENTED), "model");

        assertEquals("failed", compounded.verdict());
        assertTrue(compounded.message().startsWith("With decay update_lr (α0 = 0.2, decay_rate 0.5, interval 2, one"
                + " batch per epoch), the 5 updates should use the learning rates [0.2, 0.2, 0.13333333333333333,"), 
                compounded.message());
        assertEquals("passed", only(reference, "call_pattern", "call pattern: after epoch i").verdict());
    }

    @Test
    void the_catalog_covers_every_function_with_every_fitting_kind() {
        List<Check<OptimizationMethods>> checks = ASSIGNMENT.checks(new FixtureStore(),
                EnumSet.allOf(Visibility.class));
        Map<String, Long> kinds = checks.stream().collect(Collectors.groupingBy(c -> c.kind().id(),
                Collectors.counting()));

        assertEquals(List.of("update_parameters_with_gd", "random_mini_batches", "initialize_velocity",
                "update_parameters_with_momentum", "initialize_adam", "update_parameters_with_adam", "update_lr",
                "schedule_lr_decay", "model"), checks.stream().map(Check::function).distinct().toList());
        assertTrue(kinds.keySet().containsAll(List.of("shape", "value", "call_pattern", "property", "training")),
                kinds.toString());
        assertEquals(36, kinds.get("value"), kinds.toString());
    }
}
