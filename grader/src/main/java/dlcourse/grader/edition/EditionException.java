package dlcourse.grader.edition;

/** The edition cannot be written (stale skeletons, a non-empty target, something that would leak a solution). */
public final class EditionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public EditionException(String message) {
        super(message);
    }
}
