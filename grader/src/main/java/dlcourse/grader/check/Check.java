package dlcourse.grader.check;

import java.time.Duration;
import java.util.Objects;

/**
 * One graded check of one function.
 *
 * @param id         stable id, {@code <assignment>.<function>.<kind>.<case>}
 * @param function   the course name of the graded function
 * @param kind       what it looks at
 * @param visibility public or hidden
 * @param title      display title within the function, e.g. {@code value (seed 1)}
 * @param points     points it is worth
 * @param timeout    how long it may run before it is stopped
 * @param body       the check itself
 * @param judge      for a value check, the comparison of returned outputs with the reference on its own: what a
 *                   parent process applies to the outputs a forked grading JVM sends back from a sealed hidden case
 *                   (see {@link Verdict.Sealed}); null for every other check
 * @param <T>        the assignment's contract type
 */
public record Check<T>(String id, String function, Kind kind, Visibility visibility, String title, double points,
                       Duration timeout, Body<T> body, Judge judge) {

    /** Default time limit: far above what a correct solution needs, short enough to keep grading moving. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** Validates the fields. */
    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(body, "body");
        if (!(points >= 0)) {
            throw new IllegalArgumentException("points must be >= 0: " + points);
        }
    }

    /** A check that can only run where its fixtures are (no {@link #judge}). */
    public Check(String id, String function, Kind kind, Visibility visibility, String title, double points,
                 Duration timeout, Body<T> body) {
        this(id, function, kind, visibility, title, points, timeout, body, null);
    }

    /** The same check with another time limit. */
    public Check<T> withTimeout(Duration limit) {
        return new Check<>(id, function, kind, visibility, title, points, limit, body, judge);
    }

    /**
     * The same check (id, points, limit, judge…) with its body wrapped, e.g. to load a library first: wrappers go
     * through here so that nothing of the check is lost on the way.
     */
    public Check<T> withBody(java.util.function.UnaryOperator<Body<T>> wrap) {
        return new Check<>(id, function, kind, visibility, title, points, timeout, wrap.apply(body), judge);
    }

    /** The JUnit display name: {@code propagate › value (seed 1)}. */
    public String displayName() {
        return function + " › " + title;
    }

    /**
     * The body of a check: runs student code through the context and returns a verdict, or throws
     * {@link CheckFailure} (the student's result is wrong). Any other exception is classified by the runner.
     *
     * @param <T> the contract type
     */
    @FunctionalInterface
    public interface Body<T> {
        /** Runs the check. */
        Verdict run(CheckContext<T> context) throws Exception;
    }

    /**
     * Compares outputs a function returned with the reference, as the check's body would have.
     */
    @FunctionalInterface
    public interface Judge {
        /**
         * @param got output name → the decoded value the student's function returned (null entries allowed)
         * @return the verdict; a failed comparison is returned, not thrown
         */
        Verdict judge(java.util.Map<String, Object> got);
    }
}
