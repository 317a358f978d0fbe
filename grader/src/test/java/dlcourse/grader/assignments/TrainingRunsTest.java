package dlcourse.grader.assignments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The training comparison of the course 2 catalogs: what passes, and the feedback for each way a run is off. */
class TrainingRunsTest {

    private static final TrainingRuns BANDS = new TrainingRuns("model (test)", 1000, 3000, 0.01, 0.02, 0.1);
    private static final TrainingRuns.Figures REFERENCE = new TrainingRuns.Figures(List.of(0.7, 0.4, 0.2), 0.95,
            0.9);

    private static String failure(TrainingRuns.Figures student) {
        return assertThrows(CheckFailure.class, () -> BANDS.compare(student, REFERENCE, "why")).verdict().message();
    }

    @Test
    void a_run_within_the_bands_passes_with_both_accuracies() {
        Verdict verdict = BANDS.compare(new TrainingRuns.Figures(List.of(0.7, 0.41, 0.21), 0.945, 0.885), REFERENCE,
                "why");

        assertEquals("model (test): 94.50 % train / 88.50 % test accuracy (course: 95.00 % / 90.00 %).",
                verdict.message());
    }

    @Test
    void a_different_first_cost_is_named_with_the_reason() {
        assertEquals("The first recorded cost should be 0.7 (why) but was 0.8.",
                failure(new TrainingRuns.Figures(List.of(0.8, 0.4, 0.2), 0.95, 0.9)));
        assertEquals("The first recorded cost should be 0.7 (why) but was missing.",
                failure(new TrainingRuns.Figures(List.of(), 0.95, 0.9)));
    }

    @Test
    void a_cost_that_blows_up_is_reported_with_its_iteration() {
        assertEquals("The cost became nan at iteration 2000: the steps are far too large, or log(0) was taken.",
                failure(new TrainingRuns.Figures(List.of(0.7, 0.4, Double.NaN), 0.95, 0.9)));
    }

    @Test
    void too_high_a_final_cost_or_too_few_costs_fail() {
        assertEquals("After 3000 iterations the cost is 0.23 (3 costs recorded); the course's run ends at 0.2"
                + " (3 costs recorded).", failure(new TrainingRuns.Figures(List.of(0.7, 0.4, 0.23), 0.95, 0.9)));
        assertTrue(failure(new TrainingRuns.Figures(List.of(0.7, 0.2), 0.95, 0.9)).contains("(2 costs recorded)"));
    }

    @Test
    void accuracies_below_the_bands_fail_with_both_runs_figures() {
        assertEquals("After 3000 iterations the model reaches 95.00 % train / 87.00 % test accuracy; the course's run"
                        + " reaches 95.00 % / 90.00 % (band: −1 / −2 points).",
                failure(new TrainingRuns.Figures(List.of(0.7, 0.4, 0.2), 0.95, 0.87)));
        assertTrue(failure(new TrainingRuns.Figures(List.of(0.7, 0.4, 0.2), Double.NaN, 0.9))
                .startsWith("After 3000 iterations the model reaches NaN % train"));
    }

    @Test
    void cost_lines_must_be_exactly_the_asked_iterations_and_only_when_asked() {
        TrainingRuns.expectCostLines("model", "", "Cost after iteration 0: 1\nCost after iteration 1000: 0.5\n",
                List.of(0, 1000));

        assertEquals("model printed output although printCost was false: \"hello\"",
                assertThrows(CheckFailure.class, () -> TrainingRuns.expectCostLines("model", "hello\n",
                        "Cost after iteration 0: 1\n", List.of(0))).verdict().message());
        assertEquals("With printCost, model should print exactly 2 lines \"Cost after iteration i: …\" for i = [0,"
                        + " 1000]; printed: [Cost after iteration 0: 1]",
                assertThrows(CheckFailure.class, () -> TrainingRuns.expectCostLines("model", "",
                        "Cost after iteration 0: 1\n", List.of(0, 1000))).verdict().message());
    }
}
