package dlcourse.grader.check;

import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Values;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The value and shape checks of a fixture case: run the student's function on the stored inputs and compare every
 * named output with the reference, diagnosing known mistakes from their stored outputs.
 */
public final class ValueCheck {

    private ValueCheck() {
    }

    /**
     * Compares all outputs; on the first difference, fails with the recognised mistake if the student's outputs
     * equal a variant's.
     *
     * @param mistakes mistake id → description
     */
    public static <T> Verdict values(Probe<T> probe, FixtureCase fixture, T implementation,
                                     Map<String, String> mistakes) throws Exception {
        Map<String, Object> got = call(probe, fixture, implementation);
        if (fixture.sealed()) {
            return sealed(got);
        }
        Verdict verdict = judge(probe, fixture, got, mistakes);
        if (verdict instanceof Verdict.Failed failed) {
            throw new CheckFailure(failed);
        }
        return verdict;
    }

    /**
     * The comparison half of {@link #values}: every output of {@code got} against the case's reference, the first
     * difference diagnosed from the known mistakes' outputs.
     *
     * @return {@link Verdict.Passed} or {@link Verdict.Failed}
     */
    public static <T> Verdict judge(Probe<T> probe, FixtureCase fixture, Map<String, Object> got,
                                    Map<String, String> mistakes) {
        if (fixture.sealed()) {
            throw new IllegalStateException("the reference outputs of " + fixture.name() + " were sealed away");
        }
        Tolerance tolerance = Tolerance.named(fixture.tolerance());
        for (var output : fixture.outputs().entrySet()) {
            Object expected = Values.decode(output.getValue());
            Optional<Verdict.Failed> failure = Comparison.compare(output.getKey(), expected, got.get(output.getKey()),
                    tolerance, probe.hints().get(output.getKey()), null);
            if (failure.isPresent()) {
                String diagnosis = diagnose(fixture, got, tolerance, mistakes);
                Verdict.Failed f = failure.get();
                return new Verdict.Failed(f.message(), diagnosis, f.detail());
            }
        }
        return new Verdict.Passed(probe.function() + " returns the expected " + String.join(", ",
                fixture.outputs().keySet()) + " on " + fixture.name() + ".");
    }

    /**
     * What a sealed case hands back: everything the function returned, encoded (not only the outputs the case
     * names: a known mistake may be recognised by an entry the reference does not have, such as a shifted key).
     */
    private static Verdict sealed(Map<String, Object> got) {
        Map<String, JsonNode> outputs = new LinkedHashMap<>();
        got.forEach((name, value) -> outputs.put(name, Values.encodeAnything(value)));
        return new Verdict.Sealed(outputs);
    }

    /** Compares only the shapes of the matrix outputs (and the presence of the others). */
    public static <T> Verdict shapes(Probe<T> probe, FixtureCase fixture, T implementation) throws Exception {
        Map<String, Object> got = call(probe, fixture, implementation);
        for (var output : fixture.outputs().entrySet()) {
            Object expected = Values.decode(output.getValue());
            Object value = got.get(output.getKey());
            if (value == null) {
                throw new CheckFailure(Feedback.returnedNull(probe.function(), output.getKey()));
            }
            if (expected instanceof dlcourse.core.Matrix e) {
                if (!(value instanceof dlcourse.core.Matrix g)) {
                    throw new CheckFailure(output.getKey() + " should be a matrix but was " + value);
                }
                if (!e.shape().equals(g.shape())) {
                    Optional<Verdict.Failed> f = Comparison.compare(output.getKey(), e, g, Tolerance.EXACT, null,
                            null);
                    throw new CheckFailure(f.orElseThrow());
                }
            }
        }
        return new Verdict.Passed("every output of " + probe.function() + " has the expected shape.");
    }

    private static <T> Map<String, Object> call(Probe<T> probe, FixtureCase fixture, T implementation)
            throws Exception {
        Map<String, Object> got = probe.call().apply(implementation, fixture);
        if (got == null) {
            throw new CheckFailure(Feedback.returnedNull(probe.function(), null));
        }
        return got;
    }

    private static String diagnose(FixtureCase fixture, Map<String, Object> got, Tolerance tolerance,
                                   Map<String, String> mistakes) {
        for (FixtureCase.VariantOutput variant : fixture.variants()) {
            boolean all = !variant.outputs().isEmpty();
            for (var output : variant.outputs().entrySet()) {
                if (!Comparison.matches(Values.decode(output.getValue()), got.get(output.getKey()), tolerance)) {
                    all = false;
                    break;
                }
            }
            if (all && mistakes.containsKey(variant.id())) {
                return Feedback.diagnosis(mistakes.get(variant.id()));
            }
        }
        return null;
    }
}
