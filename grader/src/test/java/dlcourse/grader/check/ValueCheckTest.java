package dlcourse.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.core.Matrix;
import dlcourse.course.CourseName;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.FixtureGenerator;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Value and shape checks against fixtures generated, as the grader does, from a toy reference and its known wrong
 * variants (test doubles written here).
 */
class ValueCheckTest {

    /** The toy contract. */
    interface Doubler {
        @CourseName("double_it")
        Matrix doubleIt(Matrix x);
    }

    /** x with entries 1/8, 2/8, ... in row-major order, so the worst entry of x versus 2x is the last one. */
    private static Matrix eighths(int rows, int cols) {
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i + 1) / 8.0;
        }
        return Matrix.of(rows, cols, data);
    }

    private static final String HINT = "Multiply every entry by 2.";

    private static final Probe<Doubler> PROBE = new Probe<>("double_it", Tolerance.STRICT,
            List.of(CaseSpec.of(1, 2, 3)), List.of(),
            spec -> Map.of("x", eighths(spec.size(0), spec.size(1))),
            (impl, c) -> Collections.singletonMap("y", impl.doubleIt((Matrix) c.input("x"))),
            Map.of("y", HINT));

    private static final Doubler REFERENCE = x -> x.multiply(2);
    private static final Doubler UNSCALED = x -> x;

    private static final List<Mistake> MISTAKES = List.of(
            new Mistake("nan_everywhere", "double_it", "taking the square root of a negative number"),
            new Mistake("unscaled", "double_it", "returning x unscaled"),
            new Mistake("squared", "double_it", "squaring x instead of doubling it"));

    private static final Map<String, Doubler> VARIANTS = Map.of(
            "nan_everywhere", x -> Matrix.full(x.rows(), x.cols(), Double.NaN),
            "unscaled", UNSCALED,
            "squared", x -> x.square());

    private static final Map<String, String> DESCRIPTIONS = MISTAKES.stream()
            .collect(Collectors.toMap(Mistake::id, Mistake::description));

    private static FixtureCase fixture(List<Mistake> mistakes) {
        return FixtureGenerator.generate("toy", List.of(PROBE), REFERENCE, VARIANTS, mistakes).get(0).cases().get(0);
    }

    private static final String UNSCALED_MESSAGE = "y differs in 6 of 6 entries; worst at [1, 2]: expected 1.5 but was"
            + " 0.75 (|diff| 7.5e-01 > 1.5e-07). " + HINT;

    private static Verdict.Failed failedValues(FixtureCase fixture, Doubler student, Map<String, String> mistakes) {
        return assertThrows(CheckFailure.class, () -> ValueCheck.values(PROBE, fixture, student, mistakes)).verdict();
    }

    @Test
    void the_right_values_pass_naming_the_outputs_and_the_case() throws Exception {
        Verdict verdict = ValueCheck.values(PROBE, fixture(MISTAKES.subList(1, 3)), x -> x.add(x), DESCRIPTIONS);

        assertEquals(new Verdict.Passed("double_it returns the expected y on seed 1, sizes [2, 3]."), verdict);
    }

    @Test
    void a_wrong_output_equal_to_a_stored_variant_is_diagnosed_as_that_mistake() {
        Verdict.Failed failed = failedValues(fixture(MISTAKES.subList(1, 3)), UNSCALED, DESCRIPTIONS);

        assertEquals(UNSCALED_MESSAGE, failed.message());
        assertEquals("returning x unscaled", failed.diagnosis());
        assertEquals("y", failed.detail().tensor());
    }

    @Test
    void a_wrong_output_that_matches_no_variant_gets_no_diagnosis() {
        Verdict.Failed failed = failedValues(fixture(MISTAKES.subList(1, 3)), x -> x.multiply(3), DESCRIPTIONS);

        assertEquals("y differs in 6 of 6 entries; worst at [1, 2]: expected 1.5 but was 2.25 (|diff| 7.5e-01 >"
                + " 1.5e-07). " + HINT, failed.message());
        assertNull(failed.diagnosis());
    }

    @Test
    void a_stored_variant_whose_mistake_the_check_was_not_told_about_names_nothing() {
        Verdict.Failed failed = failedValues(fixture(MISTAKES.subList(1, 3)), UNSCALED, Map.of());

        assertNull(failed.diagnosis());
    }

    @Test
    void a_stored_variant_holding_nan_does_not_stop_another_variant_from_being_recognised() {
        // given fixtures that also store a variant whose output is all NaN, listed first
        FixtureCase withNanVariant = fixture(MISTAKES);
        assertEquals("nan_everywhere", withNanVariant.variants().get(0).id());

        Verdict.Failed failed = failedValues(withNanVariant, UNSCALED, DESCRIPTIONS);

        assertEquals(UNSCALED_MESSAGE, failed.message());
        assertEquals("returning x unscaled", failed.diagnosis());
    }

    @Test
    void a_function_that_returns_null_for_an_output_fails_saying_the_value_is_null() {
        Verdict.Failed failed = failedValues(fixture(List.of()), x -> null, DESCRIPTIONS);

        assertEquals(new Verdict.Failed("y is null; a value was expected."), failed);
    }

    @Test
    void a_probe_call_that_gets_nothing_back_fails_saying_the_function_returned_null() {
        Probe<Doubler> nullProbe = new Probe<>("double_it", Tolerance.STRICT, PROBE.publicCases(), List.of(),
                PROBE.inputs(), (impl, c) -> null, Map.of());

        CheckFailure failure = assertThrows(CheckFailure.class,
                () -> ValueCheck.values(nullProbe, fixture(List.of()), REFERENCE, DESCRIPTIONS));

        assertEquals("double_it returned null; return a value even when unsure — the grader can then tell you what is"
                + " off.", failure.getMessage());
    }

    @Test
    void shapes_pass_on_the_right_shape_even_with_wrong_values() throws Exception {
        Verdict verdict = ValueCheck.shapes(PROBE, fixture(List.of()), x -> x.multiply(3));

        assertEquals(new Verdict.Passed("every output of double_it has the expected shape."), verdict);
    }

    @Test
    void shapes_fail_on_a_wrong_shape_with_the_shape_hint() {
        CheckFailure failure = assertThrows(CheckFailure.class,
                () -> ValueCheck.shapes(PROBE, fixture(List.of()), x -> x.multiply(2).transpose()));

        assertEquals("y has shape (3, 2) but (2, 3) was expected. It looks transposed.", failure.getMessage());
        assertEquals("(3, 2)", failure.verdict().detail().gotShape());
    }

    @Test
    void shapes_fail_on_a_missing_output_saying_the_function_returned_null_for_it() {
        CheckFailure failure = assertThrows(CheckFailure.class,
                () -> ValueCheck.shapes(PROBE, fixture(List.of()), x -> null));

        assertEquals("double_it returned null for y; return a value even when unsure — the grader can then tell you"
                + " what is off.", failure.getMessage());
    }

    @Test
    void shapes_fail_when_a_matrix_output_is_something_else() {
        Probe<Doubler> numberProbe = new Probe<>("double_it", Tolerance.STRICT, PROBE.publicCases(), List.of(),
                PROBE.inputs(), (impl, c) -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("y", impl.doubleIt((Matrix) c.input("x")).sum());
                    return out;
                }, Map.of());

        CheckFailure failure = assertThrows(CheckFailure.class,
                () -> ValueCheck.shapes(numberProbe, fixture(List.of()), REFERENCE));

        assertEquals("y should be a matrix but was 5.25", failure.getMessage());
    }
}
