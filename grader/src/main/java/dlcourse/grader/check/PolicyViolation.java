package dlcourse.grader.check;

/**
 * Thrown in place of a student method that the batch grader's bytecode scan rejected: the method's body is
 * replaced by a throw of this error before the submission runs, so the forbidden call can never happen. An
 * {@link Error}, so that a student's {@code catch (Exception e)} does not swallow it; the check runner turns it into
 * a {@link Verdict.Rejected}.
 */
public final class PolicyViolation extends Error {

    private static final long serialVersionUID = 1L;

    /**
     * @param reason what the scan found and where (the verdict's text)
     */
    public PolicyViolation(String reason) {
        super(reason, null, false, false);
    }
}
