package dlcourse.grader.check;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.grader.report.Detail;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static final String STRICT = "STRICT (rtol 1.0e-07, atol 1.0e-10)";
    private static final String NAN_HINT = "(NaN: is there a log of 0 or of a negative number, or 0/0?)";

    private static Verdict.Failed failure(String name, Object expected, Object got, Tolerance tolerance) {
        return failure(name, expected, got, tolerance, null, null);
    }

    private static Verdict.Failed failure(String name, Object expected, Object got, Tolerance tolerance, String hint,
                                          String diagnosis) {
        Optional<Verdict.Failed> failed = Comparison.compare(name, expected, got, tolerance, hint, diagnosis);
        assertTrue(failed.isPresent(), name + " should not match");
        return failed.get();
    }

    // ---------------------------------------------------------------- matrices

    @Test
    void equal_matrices_and_matrices_within_the_tolerance_match() {
        Matrix z = Matrix.of(2, 3, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);

        assertEquals(Optional.empty(), Comparison.compare("Z", z, z, Tolerance.EXACT, null, null));
        assertTrue(Comparison.matches(z, z.add(1e-12), Tolerance.STRICT));
        assertFalse(Comparison.matches(z, z.add(1e-6), Tolerance.STRICT));
    }

    @Test
    void a_transposed_result_fails_on_its_shape_and_says_it_looks_transposed() {
        Verdict.Failed failed = failure("Z", Matrix.zeros(2, 3), Matrix.zeros(3, 2), Tolerance.STRICT);

        assertEquals("Z has shape (3, 2) but (2, 3) was expected. It looks transposed.", failed.message());
        assertEquals("Z", failed.detail().tensor());
        assertEquals("(2, 3)", failed.detail().shape());
        assertEquals("(3, 2)", failed.detail().gotShape());
        assertNull(failed.detail().worstIndex());
    }

    @Test
    void a_square_result_where_a_vector_was_expected_gets_the_broadcast_hint() {
        Verdict.Failed column = failure("A", Matrix.zeros(3, 1), Matrix.zeros(3, 3), Tolerance.STRICT);
        Verdict.Failed row = failure("A", Matrix.zeros(1, 4), Matrix.zeros(4, 4), Tolerance.STRICT);

        assertEquals("A has shape (3, 3) but (3, 1) was expected. A square result often means an (n, 1) and a (1, n)"
                + " were broadcast together — check keepDims.", column.message());
        assertEquals("A has shape (4, 4) but (1, 4) was expected. A square result often means an (n, 1) and a (1, n)"
                + " were broadcast together — check keepDims.", row.message());
    }

    @Test
    void another_wrong_shape_gets_no_hint_but_keeps_the_diagnosis() {
        Verdict.Failed failed = failure("Z", Matrix.zeros(2, 3), Matrix.zeros(4, 5), Tolerance.STRICT, "unused",
                "multiplying Xᵀ·w instead of wᵀ·X");

        assertEquals("Z has shape (4, 5) but (2, 3) was expected.", failed.message());
        assertEquals("multiplying Xᵀ·w instead of wᵀ·X", failed.diagnosis());
    }

    @Test
    void wrong_values_name_the_mismatch_count_and_the_worst_entry_as_row_and_column() {
        Matrix expected = Matrix.of(2, 3, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
        Matrix got = Matrix.of(2, 3, 0.1, 0.25, 0.3, 0.4, 0.5, -0.6);

        Verdict.Failed failed = failure("Z", expected, got, Tolerance.STRICT, "Is b added to every column?",
                "forgetting b");

        assertEquals("Z differs in 2 of 6 entries; worst at [1, 2]: expected 0.6 but was -0.6 (|diff| 1.2e+00 >"
                + " 6.0e-08). Is b added to every column?", failed.message());
        assertEquals("forgetting b", failed.diagnosis());
        assertEquals(new Detail("Z", "(2, 3)", "(2, 3)", List.of(1, 2), 0.6, -0.6, 2, 6, STRICT, null, null, null,
                null, null), failed.detail());
    }

    @Test
    void a_matrix_expected_but_something_else_returned_says_which_shape_was_wanted() {
        Verdict.Failed failed = failure("Z", Matrix.zeros(2, 3), 0.5, Tolerance.STRICT);

        assertEquals("Z should be a matrix of shape (2, 3) but was 0.5", failed.message());
    }

    @Test
    void null_is_never_a_match() {
        Verdict.Failed failed = failure("Z", Matrix.zeros(2, 3), null, Tolerance.STRICT, null, "a mistake");

        assertEquals(new Verdict.Failed("Z is null; a value was expected.", "a mistake", null), failed);
        assertFalse(Comparison.matches(0.0, null, Tolerance.NUMPY));
    }

    @Test
    void nan_in_the_students_matrix_is_the_worst_entry_and_gets_the_nan_hint() {
        Matrix expected = Matrix.full(2, 2, 0.5);
        Matrix got = Matrix.of(2, 2, 0.5, Double.NaN, 9.5, 0.5);

        Verdict.Failed failed = failure("A", expected, got, Tolerance.STRICT);

        assertEquals("A differs in 2 of 4 entries; worst at [0, 1]: expected 0.5 but was nan " + NAN_HINT + ".",
                failed.message());
        assertEquals(List.of(0, 1), failed.detail().worstIndex());
        assertTrue(failed.detail().got().isNaN());
    }

    @Test
    void nan_never_matches_even_nan() {
        Matrix nan = Matrix.full(1, 2, Double.NaN);

        assertFalse(Comparison.matches(nan, nan, Tolerance.NUMPY));
    }

    @Test
    void an_expected_value_holding_nan_is_reported_as_a_mismatch_rather_than_crashing() {
        // a stored variant output may hold NaN (a wrong cost taking the log of a negative number); diagnosis
        // compares the student's output with it through matches()
        Matrix nanVariant = Matrix.full(1, 2, Double.NaN);

        assertFalse(assertDoesNotThrow(() -> Comparison.matches(nanVariant, Matrix.of(1, 2, 0.5, 0.25),
                Tolerance.NUMPY)));
        assertFalse(assertDoesNotThrow(() -> Comparison.matches(Double.NaN, 0.5, Tolerance.NUMPY)));
        Optional<Verdict.Failed> failed = assertDoesNotThrow(() -> Comparison.compare("cost", Double.NaN, 0.5,
                Tolerance.STRICT, null, null));
        assertTrue(failed.isPresent());
        assertTrue(failed.get().message().startsWith("cost is 0.5 but nan was expected"), failed.get().message());
    }

    // ---------------------------------------------------------------- numbers

    @Test
    void a_wrong_number_is_stated_without_an_index() {
        Verdict.Failed failed = failure("cost", 0.25, 0.5, Tolerance.STRICT, "Average over the m examples.", null);

        assertEquals("cost is 0.5 but 0.25 was expected (|diff| 2.5e-01 > 2.5e-08). Average over the m examples.",
                failed.message());
        assertEquals(new Detail("cost", "()", "()", List.of(), 0.25, 0.5, 1, 1, STRICT, null, null, null, null, null),
                failed.detail());
    }

    @Test
    void numbers_of_different_boxed_types_compare_by_value() {
        assertTrue(Comparison.matches(3L, 3, Tolerance.EXACT));
        assertTrue(Comparison.matches(0.5, 0.5f, Tolerance.EXACT));
        assertEquals("m_train is 4.0 but 3.0 was expected (|diff| 1.0e+00 > 0.0e+00).",
                failure("m_train", 3L, 4, Tolerance.EXACT).message());
    }

    @Test
    void a_nan_or_infinite_number_gets_no_diff_and_nan_gets_the_hint() {
        double log2 = Math.log(2);

        assertEquals("cost is nan but 0.693147 was expected " + NAN_HINT + ".",
                failure("cost", log2, Double.NaN, Tolerance.STRICT).message());
        assertEquals("cost is inf but 0.693147 was expected.",
                failure("cost", log2, Double.POSITIVE_INFINITY, Tolerance.STRICT).message());
    }

    @Test
    void a_number_expected_but_something_else_returned_says_so() {
        assertEquals("cost should be a number but was [0.5]",
                failure("cost", 0.5, List.of(0.5), Tolerance.STRICT).message());
    }

    // ---------------------------------------------------------------- lists

    @Test
    void a_list_of_the_wrong_length_states_both_lengths_and_the_hint() {
        Verdict.Failed failed = failure("costs", List.of(0.7, 0.6, 0.5), List.of(0.7, 0.6), Tolerance.NUMPY,
                "One cost every 100 iterations.", null);

        assertEquals("costs has 2 entries but 3 were expected. One cost every 100 iterations.", failed.message());
    }

    @Test
    void a_list_entry_that_is_not_a_number_is_named_by_its_index() {
        assertEquals("costs[1] is true, not a number.",
                failure("costs", List.of(0.7, 0.6, 0.5), List.of(0.7, true, 0.5), Tolerance.NUMPY).message());
        assertEquals("costs[2] is null, not a number.",
                failure("costs", List.of(0.7, 0.6, 0.5), Arrays.asList(0.7, 0.6, null), Tolerance.NUMPY).message());
    }

    @Test
    void wrong_list_values_name_the_worst_entry_by_its_single_index() {
        Verdict.Failed failed = failure("costs", List.of(0.7, 0.6, 0.5), List.of(0.7, 0.6, 0.55), Tolerance.NUMPY);

        assertEquals("costs differs in 1 of 3 entries; worst at [2]: expected 0.5 but was 0.55 (|diff| 5.0e-02 >"
                + " 5.0e-06).", failed.message());
        assertEquals("(3,)", failed.detail().shape());
        assertEquals(List.of(2), failed.detail().worstIndex());
    }

    @Test
    void a_list_expected_but_something_else_returned_says_so() {
        assertEquals("costs should be a list but was 0.5",
                failure("costs", List.of(0.5), 0.5, Tolerance.NUMPY).message());
    }

    @Test
    void equal_lists_match() {
        assertTrue(Comparison.matches(List.of(1L, 2L), List.of(1, 2), Tolerance.EXACT));
    }

    // ---------------------------------------------------------------- other values

    @Test
    void other_values_must_be_equal() {
        assertTrue(Comparison.matches(true, true, Tolerance.EXACT));
        assertEquals("converged is false but true was expected.",
                failure("converged", true, false, Tolerance.EXACT).message());
    }
}
