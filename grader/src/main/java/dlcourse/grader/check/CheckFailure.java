package dlcourse.grader.check;

import java.util.Objects;

/**
 * Thrown inside a check body to end it with a {@link Verdict.Failed}: the student's result is wrong. The runner
 * turns it into the verdict; it never escapes the grader.
 */
public final class CheckFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Verdict.Failed verdict;

    /** Ends the check with this verdict. */
    public CheckFailure(Verdict.Failed verdict) {
        super(verdict.message(), null, false, false);
        this.verdict = Objects.requireNonNull(verdict);
    }

    /** Ends the check with a plain failure message. */
    public CheckFailure(String message) {
        this(new Verdict.Failed(message));
    }

    /** The verdict to report. */
    public Verdict.Failed verdict() {
        return verdict;
    }
}
