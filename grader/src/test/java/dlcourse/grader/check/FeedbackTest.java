package dlcourse.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dlcourse.core.Matrix;
import dlcourse.core.Shape;
import dlcourse.grader.report.Detail;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackTest {

    @Test
    void number_spells_nan_and_the_infinities_as_numpy_does() {
        assertEquals("nan", Feedback.number(Double.NaN));
        assertEquals("inf", Feedback.number(Double.POSITIVE_INFINITY));
        assertEquals("-inf", Feedback.number(Double.NEGATIVE_INFINITY));
    }

    @Test
    void number_shows_whole_numbers_with_one_decimal() {
        assertEquals("0.0", Feedback.number(0.0));
        assertEquals("-0.0", Feedback.number(-0.0));
        assertEquals("3.0", Feedback.number(3));
        assertEquals("-2.0", Feedback.number(-2));
        assertEquals("100000000000000.0", Feedback.number(1e14));
    }

    @Test
    void number_shows_up_to_six_significant_digits_without_trailing_zeros() {
        assertEquals("0.5", Feedback.number(0.5));
        assertEquals("-0.25", Feedback.number(-0.25));
        assertEquals("0.333333", Feedback.number(1.0 / 3));
        assertEquals("0.3", Feedback.number(0.1 + 0.2));
        assertEquals("0.00015", Feedback.number(1.5e-4));
        assertEquals("123457", Feedback.number(123456.7));
    }

    @Test
    void number_switches_to_scientific_notation_for_very_small_and_very_large_magnitudes() {
        assertEquals("1.0000e-05", Feedback.number(1e-5));
        assertEquals("-2.5000e-09", Feedback.number(-2.5e-9));
        assertEquals("1.2346e+06", Feedback.number(1234567.5));
        assertEquals("1.0000e+15", Feedback.number(1e15));
    }

    @Test
    void number_that_rounds_to_a_whole_number_at_six_digits_keeps_a_digit_after_the_point() {
        // a sigmoid saturating at 0.9999999999 is common; "1." is not a number a student should read
        assertEquals("1.0", Feedback.number(0.9999999999));
        assertEquals("2.0", Feedback.number(2.0000000001));
    }

    @Test
    void returned_null_names_the_function_and_optionally_the_output() {
        assertEquals("propagate returned null; return a value even when unsure — the grader can then tell you what is"
                + " off.", Feedback.returnedNull("propagate", null));
        assertEquals("propagate returned null for grads; return a value even when unsure — the grader can then tell"
                + " you what is off.", Feedback.returnedNull("propagate", "grads"));
    }

    @Test
    void wrong_shape_states_got_before_expected_in_numpy_spelling_and_appends_a_non_blank_hint() {
        Verdict.Failed hinted = Feedback.wrongShape("dw", Shape.of(2, 1), Shape.of(1, 2), "It looks transposed.");
        Verdict.Failed blank = Feedback.wrongShape("dw", Shape.of(2, 1), Shape.of(1, 2), "  ");

        assertEquals("dw has shape (1, 2) but (2, 1) was expected. It looks transposed.", hinted.message());
        assertEquals("dw has shape (1, 2) but (2, 1) was expected.", blank.message());
        assertNull(hinted.diagnosis());
        assertEquals(new Detail("dw", "(2, 1)", "(1, 2)", null, null, null, null, null, null, null, null, null, null,
                null), hinted.detail());
    }

    @Test
    void wrong_values_of_many_entries_say_how_many_differ_and_where_the_worst_is() {
        Verdict.Failed failed = Feedback.wrongValues("dw", "(2, 1)", List.of(1, 0), 0.4142, -0.4142, 3, 12,
                Tolerance.STRICT, "Is b added to every column?", "leaving out the 1/m averaging factor");

        assertEquals("dw differs in 3 of 12 entries; worst at [1, 0]: expected 0.4142 but was -0.4142 (|diff| 8.3e-01"
                + " > 4.2e-08). Is b added to every column?", failed.message());
        assertEquals("leaving out the 1/m averaging factor", failed.diagnosis());
        assertEquals(new Detail("dw", "(2, 1)", "(2, 1)", List.of(1, 0), 0.4142, -0.4142, 3, 12,
                "STRICT (rtol 1.0e-07, atol 1.0e-10)", null, null, null, null, null), failed.detail());
    }

    @Test
    void wrong_value_of_a_single_entry_reads_as_a_sentence_about_that_value() {
        Verdict.Failed failed = Feedback.wrongValues("cost", "()", List.of(), 0.25, 0.5, 1, 1, Tolerance.NUMPY, null,
                null);

        assertEquals("cost is 0.5 but 0.25 was expected (|diff| 2.5e-01 > 2.5e-06).", failed.message());
    }

    @Test
    void wrong_values_with_an_infinite_side_leave_out_the_meaningless_difference() {
        assertEquals("cost is 0.5 but inf was expected.", Feedback.wrongValues("cost", "()", List.of(),
                Double.POSITIVE_INFINITY, 0.5, 1, 1, Tolerance.NUMPY, null, null).message());
        assertEquals("cost is -inf but 0.5 was expected.", Feedback.wrongValues("cost", "()", List.of(), 0.5,
                Double.NEGATIVE_INFINITY, 1, 1, Tolerance.NUMPY, null, null).message());
    }

    @Test
    void a_diagnosis_is_the_mistakes_description() {
        String mistake = "leaving out the 1/m averaging factor";

        assertEquals(mistake, Feedback.diagnosis(mistake));
    }

    @Test
    void wrong_gradient_states_the_relative_difference_threshold_and_worst_entry_with_a_heat_map() {
        Matrix heatmap = Matrix.of(2, 1, 0.0, 1.0 / 3);

        Verdict.Failed failed = Feedback.wrongGradient("db", 1.0 / 3, 1e-6, List.of(1, 0), 1.0, 0.5, heatmap,
                "Is db the sum of dZ over the examples?");

        assertEquals("db disagrees with the slope of your own cost: relative difference 3.33e-01 > 1e-06; worst at"
                + " [1, 0]: your backward pass gives 1.0, centred differences give 0.5. Is db the sum of dZ over the"
                + " examples?", failed.message());
        assertEquals(new Detail("db", "(2, 1)", null, List.of(1, 0), 0.5, 1.0, null, null,
                "relative difference < 1e-06", List.of(0.0, 1.0 / 3), 2, 1, null, null), failed.detail());
    }

    @Test
    void wrong_gradient_without_a_heat_map_has_no_heat_map_detail() {
        Verdict.Failed failed = Feedback.wrongGradient("dw", 0.5, 1e-6, List.of(0, 0), 2.0, 1.0, null, null);

        assertEquals("dw disagrees with the slope of your own cost: relative difference 5.00e-01 > 1e-06; worst at"
                + " [0, 0]: your backward pass gives 2.0, centred differences give 1.0.", failed.message());
        assertNull(failed.detail().heatmap());
        assertNull(failed.detail().heatmapRows());
        assertNull(failed.detail().shape());
    }
}
