package dlcourse.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToleranceTest {

    /** Bounds that are exact in binary, so the boundary is the boundary and not a rounding accident. */
    private static final Tolerance QUARTERS = new Tolerance("QUARTERS", 0.5, 0.25);

    @Test
    void accepts_a_value_exactly_at_atol_plus_rtol_times_the_expected_magnitude() {
        // given expected 2: the bound is 0.25 + 0.5 * 2 = 1.25
        assertTrue(QUARTERS.accepts(2.0, 3.25));
        assertTrue(QUARTERS.accepts(2.0, 0.75));
        assertTrue(QUARTERS.accepts(-2.0, -3.25), "the bound uses |expected|");
    }

    @Test
    void rejects_a_value_whose_difference_is_one_ulp_beyond_the_bound() {
        assertFalse(QUARTERS.accepts(2.0, Math.nextUp(3.25)));
        assertFalse(QUARTERS.accepts(2.0, 2.0 - Math.nextUp(1.25)));
        assertFalse(QUARTERS.accepts(-2.0, Math.nextDown(-3.25)));
    }

    @Test
    void the_relative_part_scales_with_the_expected_value_not_with_the_student_value() {
        // |diff| = 1.25: within 0.25 + 0.5 * 2 but not within 0.25 + 0.5 * 0.75
        assertTrue(QUARTERS.accepts(2.0, 0.75));
        assertFalse(QUARTERS.accepts(0.75, 2.0));
    }

    @Test
    void exact_accepts_only_equal_numbers_and_treats_the_two_zeros_as_equal() {
        assertTrue(Tolerance.EXACT.accepts(0.1, 0.1));
        assertTrue(Tolerance.EXACT.accepts(0.0, -0.0));
        assertFalse(Tolerance.EXACT.accepts(0.1, Math.nextUp(0.1)));
    }

    @Test
    void nan_never_passes_on_either_side_even_against_itself_or_with_infinite_bounds() {
        Tolerance anything = new Tolerance("ANYTHING", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        for (Tolerance tolerance : List.of(Tolerance.EXACT, Tolerance.STRICT, Tolerance.NUMPY, anything)) {
            assertFalse(tolerance.accepts(1.0, Double.NaN), tolerance + ": NaN got");
            assertFalse(tolerance.accepts(Double.NaN, 1.0), tolerance + ": NaN expected");
            assertFalse(tolerance.accepts(Double.NaN, Double.NaN), tolerance + ": NaN both");
        }
    }

    @Test
    void infinities_only_equal_themselves() {
        Tolerance anything = new Tolerance("ANYTHING", Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertTrue(Tolerance.EXACT.accepts(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertTrue(Tolerance.EXACT.accepts(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertFalse(anything.accepts(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        assertFalse(anything.accepts(Double.POSITIVE_INFINITY, Double.MAX_VALUE));
        assertFalse(anything.accepts(Double.MAX_VALUE, Double.POSITIVE_INFINITY));
        assertFalse(anything.accepts(1.0, Double.NEGATIVE_INFINITY));
    }

    @Test
    void named_returns_the_same_constant_for_every_shared_tolerance() {
        for (Tolerance tolerance : List.of(Tolerance.EXACT, Tolerance.STRICT, Tolerance.NUMPY,
                Tolerance.FLOAT32)) {
            assertSame(tolerance, Tolerance.named(tolerance.name()));
        }
    }

    @Test
    void float32_accepts_single_precision_rounding_but_not_a_slip_in_the_fifth_digit() {
        double value = 0.7310585786300049;
        assertTrue(Tolerance.FLOAT32.accepts(value, (float) value));
        assertTrue(Tolerance.FLOAT32.accepts(12288.0 * value, (float) (12288.0 * value) + 0.01f));
        assertTrue(Tolerance.FLOAT32.accepts(0.0, 4e-7), "float32 noise around 0 is absolute");
        assertFalse(Tolerance.FLOAT32.accepts(value, value * (1 + 5e-5)));
        assertFalse(Tolerance.FLOAT32.accepts(0.0, 1e-5));
    }

    @Test
    void named_rejects_an_unknown_name() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tolerance.named("LOOSE"));
        assertEquals("unknown tolerance LOOSE", e.getMessage());
    }

    @Test
    void negative_or_nan_bounds_are_rejected() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new Tolerance("BAD", -1e-7, 0));
        assertEquals("tolerances must be >= 0: rtol -1.0E-7, atol 0.0", negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Tolerance("BAD", 0, Double.NaN));
    }

    @Test
    void to_string_shows_the_name_and_both_bounds_in_scientific_notation() {
        assertEquals("EXACT (rtol 0.0e+00, atol 0.0e+00)", Tolerance.EXACT.toString());
        assertEquals("STRICT (rtol 1.0e-07, atol 1.0e-10)", Tolerance.STRICT.toString());
        assertEquals("NUMPY (rtol 1.0e-05, atol 1.0e-08)", Tolerance.NUMPY.toString());
    }
}
