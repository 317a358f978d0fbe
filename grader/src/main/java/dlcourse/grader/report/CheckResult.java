package dlcourse.grader.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The outcome of one check.
 *
 * @param id         stable id, {@code <assignment>.<function>.<kind>.<case>}, e.g. {@code logistic.propagate.value.seed-1}
 * @param function   the course name of the graded function ({@code propagate})
 * @param kind       {@code shape} | {@code value} | {@code gradient} | {@code call_pattern} | {@code property} |
 *                   {@code training}
 * @param visibility {@code public} or {@code hidden}
 * @param title      what the check looks at, for display ("value (seed 1)")
 * @param points     points earned
 * @param maxPoints  points available
 * @param verdict    {@code passed} | {@code failed} | {@code not_implemented} | {@code errored} | {@code timed_out}
 *                   | {@code rejected} | {@code crashed}
 *                   | {@code grader_error}
 * @param message    the feedback sentence(s)
 * @param diagnosis  the known mistake the output looks like, or {@code null}
 * @param millis     time the check took
 * @param detail     expected-vs-got, gradient or location details for the page, or {@code null}
 */
public record CheckResult(String id, String function, String kind, String visibility, String title,
                          double points, @JsonProperty("max_points") double maxPoints, String verdict,
                          String message, @JsonInclude(JsonInclude.Include.ALWAYS) String diagnosis, long millis,
                          Detail detail) {

    /** Rejects missing identifiers. */
    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verdict, "verdict");
    }
}
