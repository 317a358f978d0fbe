package dlcourse.course;

/**
 * Thrown by a skeleton's untouched body. The grader reports the function as "not implemented" (never as an
 * error), so a half-done worksheet grades cleanly.
 */
public final class NotImplementedYet extends UnsupportedOperationException {

    private static final long serialVersionUID = 1L;

    private final String function;

    /**
     * @param function the course name of the function still to write, e.g. {@code "propagate"}
     */
    public NotImplementedYet(String function) {
        super(function + " is not implemented yet: replace the `throw new NotImplementedYet(...)` line with your code");
        this.function = function;
    }

    /** The course name of the function still to write. */
    public String function() {
        return function;
    }
}
