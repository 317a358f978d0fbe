package dlcourse.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Axis;
import dlcourse.core.Matrix;
import dlcourse.grader.report.Detail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The costs here are small hand-made test doubles: a least-squares cost {@code ½‖W·x + b − y‖²} whose gradients are
 * {@code dW = r·xᵀ} and {@code db = r} with {@code r = W·x + b − y}, and a two-feature logistic cost.
 */
class GradientCheckTest {

    private static final Pattern PASSED = Pattern.compile("(.+) agree with centred differences of your cost \\(largest"
            + " relative difference (\\d\\.\\de[-+]\\d\\d)\\)\\.");

    // ½‖W·x + b − y‖² at a point where r = (0, 0.5): dW = [[0, 0], [1, 0.5]], db = (0, 0.5)
    private static final Matrix X = Matrix.column(2, 1);
    private static final Matrix Y = Matrix.column(0.5, 2.25);
    private static final Matrix W = Matrix.of(2, 2, 0.5, -1, 0.25, 2);
    private static final Matrix B = Matrix.column(0.5, 0.25);
    private static final Matrix DW = Matrix.of(2, 2, 0, 0, 1.0, 0.5);
    private static final Matrix DB = Matrix.column(0, 0.5);

    private static final ToDoubleFunction<Map<String, Matrix>> LEAST_SQUARES = p -> {
        Matrix r = p.get("W").dot(X).add(p.get("b")).subtract(Y);
        return 0.5 * r.square().sum();
    };

    private static Map<String, Matrix> ordered(String k1, Matrix v1, String k2, Matrix v2) {
        Map<String, Matrix> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    private static Map<String, Matrix> parameters() {
        return ordered("W", W, "b", B);
    }

    private static Verdict.Failed failure(Map<String, Matrix> gradients, String hint) {
        CheckFailure failure = assertThrows(CheckFailure.class,
                () -> GradientCheck.check(parameters(), LEAST_SQUARES, gradients, hint));
        return failure.verdict();
    }

    private static double largestDifference(Verdict verdict, String names) {
        Matcher m = PASSED.matcher(assertInstanceOf(Verdict.Passed.class, verdict).message());
        assertTrue(m.matches(), verdict.message());
        assertEquals(names, m.group(1));
        return Double.parseDouble(m.group(2));
    }

    @Test
    void correct_gradients_of_a_least_squares_cost_pass_with_a_tiny_relative_difference() {
        Verdict verdict = GradientCheck.check(parameters(), LEAST_SQUARES, ordered("dW", DW, "db", DB), null);

        assertTrue(largestDifference(verdict, "dW, db") < 1e-8, verdict.message());
    }

    @Test
    void correct_gradients_of_a_logistic_cost_pass_with_a_tiny_relative_difference() {
        Matrix x = Matrix.of(2, 4, 1.0, -2.0, 0.5, 3.0, 0.25, 1.5, -1.0, 2.0);
        Matrix y = Matrix.row(1, 0, 1, 0);
        Matrix w = Matrix.column(0.3, -0.2);
        Matrix b = Matrix.scalar(0.1);
        ToDoubleFunction<Map<String, Matrix>> cost = p -> {
            Matrix a = p.get("w").transpose().dot(x).add(p.get("b").item()).sigmoid();
            return -y.multiply(a.log()).add(Matrix.subtract(1, y).multiply(Matrix.subtract(1, a).log())).mean();
        };
        Matrix dz = w.transpose().dot(x).add(b.item()).sigmoid().subtract(y);
        Matrix dw = x.dot(dz.transpose()).divide(x.cols());
        Matrix db = dz.mean(Axis.COLUMNS, true);

        Verdict verdict = GradientCheck.check(ordered("w", w, "b", b), cost, ordered("dw", dw, "db", db), null);

        assertTrue(largestDifference(verdict, "dw, db") < 1e-6, verdict.message());
    }

    @Test
    void a_gradient_twice_too_large_fails_naming_that_tensor_its_worst_entry_and_a_heat_map_of_its_shape() {
        Verdict.Failed failed = failure(ordered("dW", DW, "db", DB.multiply(2)), "Is db the sum of dZ?");

        assertEquals("db disagrees with the slope of your own cost: relative difference 3.33e-01 > 1e-06; worst at"
                + " [1, 0]: your backward pass gives 1.0, centred differences give 0.5. Is db the sum of dZ?",
                failed.message());
        Detail detail = failed.detail();
        assertEquals("db", detail.tensor());
        assertEquals("(2, 1)", detail.shape());
        assertEquals(List.of(1, 0), detail.worstIndex());
        assertEquals(2, detail.heatmapRows());
        assertEquals(1, detail.heatmapCols());
        assertEquals(2, detail.heatmap().size());
        assertEquals(0.0, detail.heatmap().get(0), "an entry where both gradients are 0 is no difference");
        assertEquals(1.0 / 3, detail.heatmap().get(1), 1e-6);
        assertEquals(0.5, detail.expected(), 1e-8);
        assertEquals(1.0, detail.got());
        assertEquals("relative difference < 1e-06", detail.tolerance());
    }

    @Test
    void one_wrong_entry_of_a_matrix_gradient_is_located_by_row_and_column() {
        Matrix wrong = Matrix.of(2, 2, 0, 0, 1.0, 1.0);

        Verdict.Failed failed = failure(ordered("dW", wrong, "db", DB), null);

        // ‖(0, 0, 0, 0.5)‖ / (‖(0, 0, 1, 1)‖ + ‖(0, 0, 1, 0.5)‖) = 0.5 / (1.41421 + 1.11803) = 0.19745
        assertEquals("dW disagrees with the slope of your own cost: relative difference 1.97e-01 > 1e-06; worst at"
                + " [1, 1]: your backward pass gives 1.0, centred differences give 0.5.", failed.message());
        assertEquals(4, failed.detail().heatmap().size());
        assertEquals(List.of(2, 2), List.of(failed.detail().heatmapRows(), failed.detail().heatmapCols()));
        assertEquals(1.0 / 3, failed.detail().heatmap().get(3), 1e-6);
    }

    @Test
    void the_worst_entry_is_the_wrong_one_not_a_correct_entry_too_small_for_centred_differences_to_resolve() {
        // given dw = s ⊙ (w ⊙ s − y) with s = (1, 1e-10): the true dw[1] (−3e-11) moves the cost by less than its
        // rounding, so centred differences read 0 there; the student's dw[1] is right, dw[0] is doubled
        Matrix s = Matrix.column(1, 1e-10);
        Matrix y = Matrix.column(0.25, 0.3);
        Matrix w = Matrix.column(0.75, 0.5);
        ToDoubleFunction<Map<String, Matrix>> cost = p -> 0.5 * p.get("w").multiply(s).subtract(y).square().sum();
        Matrix dw = s.multiply(w.multiply(s).subtract(y));
        Matrix doubledFirst = Matrix.column(2 * dw.get(0, 0), dw.get(1, 0));

        CheckFailure failure = assertThrows(CheckFailure.class,
                () -> GradientCheck.check(Map.of("w", w), cost, Map.of("dw", doubledFirst), null));

        assertEquals(List.of(0, 0), failure.verdict().detail().worstIndex(), failure.getMessage());
    }

    @Test
    void a_gradient_of_the_wrong_shape_fails_with_a_shape_message() {
        Verdict.Failed failed = failure(ordered("dW", DW, "db", DB.transpose()), null);

        assertEquals("db has shape (1, 2) but (2, 1) was expected. A gradient has the shape of its parameter.",
                failed.message());
        assertEquals("(2, 1)", failed.detail().shape());
        assertEquals("(1, 2)", failed.detail().gotShape());
    }

    @Test
    void a_missing_gradient_fails_naming_it() {
        Map<String, Matrix> gradients = ordered("dW", null, "db", DB);

        assertEquals(new Verdict.Failed("dW is missing from the gradients."), failure(gradients, null));
    }

    @Test
    void gradients_are_paired_with_parameters_by_position_so_their_counts_must_agree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientCheck.check(parameters(), LEAST_SQUARES, Map.of("dW", DW), null));

        assertEquals("one gradient per parameter expected: [W, b] vs [dW]", e.getMessage());
    }

    @Test
    void a_cost_that_returns_nan_fails_the_check_instead_of_passing() {
        Verdict.Failed failed = assertThrows(CheckFailure.class, () -> GradientCheck.check(parameters(),
                p -> Double.NaN, ordered("dW", DW, "db", DB), null)).verdict();

        assertTrue(failed.message().startsWith("dW disagrees with the slope of your own cost: relative difference "),
                failed.message());
        assertTrue(failed.message().endsWith("centred differences give nan."), failed.message());
    }

    @Test
    void each_entry_is_probed_with_one_cost_evaluation_on_each_side() {
        AtomicInteger calls = new AtomicInteger();
        ToDoubleFunction<Map<String, Matrix>> counted = p -> {
            calls.incrementAndGet();
            return LEAST_SQUARES.applyAsDouble(p);
        };

        GradientCheck.check(parameters(), counted, ordered("dW", DW, "db", DB), null);

        assertEquals(2 * (4 + 2), calls.get());
    }

    @Test
    void relative_difference_is_zero_when_both_are_zero() {
        assertEquals(0.0, GradientCheck.relativeDifference(Matrix.zeros(2, 3), Matrix.zeros(2, 3)));
    }

    @Test
    void relative_difference_is_zero_for_equal_and_one_for_zero_against_nonzero_or_opposite_gradients() {
        Matrix g = Matrix.column(3, -4);

        assertEquals(0.0, GradientCheck.relativeDifference(g, g));
        assertEquals(1.0, GradientCheck.relativeDifference(Matrix.zeros(2, 1), g));
        assertEquals(1.0, GradientCheck.relativeDifference(g, g.negate()));
        assertEquals(Math.sqrt(2) / 2, GradientCheck.relativeDifference(Matrix.column(1, 0), Matrix.column(0, 1)),
                1e-15);
    }

    @Test
    void relative_difference_is_nan_when_either_side_holds_nan() {
        Matrix nan = Matrix.column(Double.NaN, 0);

        assertTrue(Double.isNaN(GradientCheck.relativeDifference(nan, Matrix.column(1, 0))));
        assertTrue(Double.isNaN(GradientCheck.relativeDifference(Matrix.column(1, 0), nan)));
    }
}
