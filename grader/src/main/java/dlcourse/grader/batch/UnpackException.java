package dlcourse.grader.batch;

/** A submission's zip or repository could not be read: the submission is reported as ungradable. */
public final class UnpackException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong, for the student's report */
    public UnpackException(String message) {
        super(message);
    }

    /** @param message what went wrong, for the student's report */
    public UnpackException(String message, Throwable cause) {
        super(message, cause);
    }
}
