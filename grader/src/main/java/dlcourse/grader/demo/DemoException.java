package dlcourse.grader.demo;

/**
 * Thrown when the implementation under demonstration returned something the demo cannot use, e.g. predictions of
 * the wrong shape. The message says what was returned and what was expected; it is shown as is.
 */
public final class DemoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was returned and what was expected
     */
    public DemoException(String message) {
        super(message);
    }
}
