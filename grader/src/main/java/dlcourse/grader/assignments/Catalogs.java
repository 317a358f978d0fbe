package dlcourse.grader.assignments;

import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Comparison;
import dlcourse.grader.check.Kind;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.run.ProbeChecks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every assignment catalog needs besides its probes: property and call-pattern checks with the standard ids,
 * points and titles, comparisons that fail a check, and readers for fixture inputs.
 */
final class Catalogs {

    /** Points of a property check. */
    static final int PROPERTY_POINTS = 1;
    /** Points of a call-pattern check. */
    static final int CALL_PATTERN_POINTS = 2;
    /** Points of a gradient check. */
    static final int GRADIENT_POINTS = 3;

    private Catalogs() {
    }

    /** A public property check worth {@link #PROPERTY_POINTS}. */
    static <T> Check<T> property(String assignment, String function, String slug, String title, Check.Body<T> body) {
        return new Check<>(ProbeChecks.id(assignment, function, Kind.PROPERTY, ProbeChecks.slug(slug)), function,
                Kind.PROPERTY, Visibility.PUBLIC, "property: " + title, PROPERTY_POINTS, Check.DEFAULT_TIMEOUT, body);
    }

    /** A public call-pattern check worth {@link #CALL_PATTERN_POINTS}. */
    static <T> Check<T> callPattern(String assignment, String function, String slug, String title,
                                    Check.Body<T> body) {
        return new Check<>(ProbeChecks.id(assignment, function, Kind.CALL_PATTERN, ProbeChecks.slug(slug)), function,
                Kind.CALL_PATTERN, Visibility.PUBLIC, "call pattern: " + title, CALL_PATTERN_POINTS,
                Check.DEFAULT_TIMEOUT, body);
    }

    /** A public gradient check worth {@link #GRADIENT_POINTS}. */
    static <T> Check<T> gradient(String assignment, String function, String slug, String title, Check.Body<T> body) {
        return new Check<>(ProbeChecks.id(assignment, function, Kind.GRADIENT, ProbeChecks.slug(slug)), function,
                Kind.GRADIENT, Visibility.PUBLIC, title, GRADIENT_POINTS, Check.DEFAULT_TIMEOUT, body);
    }

    /** Fails the check with the standard comparison message when {@code got} differs from {@code expected}. */
    static void expect(String what, Object expected, Object got, Tolerance tolerance) {
        Comparison.compare(what, expected, got, tolerance, null, null).ifPresent(f -> {
            throw new CheckFailure(f);
        });
    }

    /** The useful part of a Mockito verification error, on one line. */
    static String firstLine(AssertionError e) {
        String message = String.valueOf(e.getMessage()).strip();
        StringBuilder out = new StringBuilder();
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !line.startsWith("-> at")) {
                out.append(out.length() == 0 ? "" : " ").append(line.strip());
            }
            if (out.length() > 160) {
                break;
            }
        }
        return out.toString();
    }

    /** An insertion-ordered map from alternating keys and values. */
    static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A numeric input of a fixture case as a double. */
    static double number(FixtureCase c, String key) {
        return num(c.input(key));
    }

    /** A numeric input of a fixture case as an int. */
    static int integer(FixtureCase c, String key) {
        return ((Number) c.input(key)).intValue();
    }

    /** A decoded fixture number (Long or Double) as a double. */
    static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    /** Decoded fixture numbers as doubles. */
    static List<Double> doubles(List<?> values) {
        return values.stream().map(v -> ((Number) v).doubleValue()).toList();
    }
}
