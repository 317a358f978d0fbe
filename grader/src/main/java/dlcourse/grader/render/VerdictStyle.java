package dlcourse.grader.render;

import java.util.Locale;

/** How each verdict of the report is labelled and coloured on the page. */
enum VerdictStyle {
    PASSED("passed"),
    FAILED("failed"),
    NOT_IMPLEMENTED("not implemented"),
    ERRORED("errored"),
    TIMED_OUT("timed out"),
    /** Not run: the function uses an API graded code may not use. */
    REJECTED("not allowed"),
    /** The grading JVM died or was killed. */
    CRASHED("crashed"),
    /** Our bug, not the student's: the label says so in so many words. */
    GRADER_ERROR("internal grader error \u2014 not your fault");

    private final String label;

    VerdictStyle(String label) {
        this.label = label;
    }

    /** The verdict as {@code report.json} spells it ({@code not_implemented}); also the CSS class suffix. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The words shown to the student. */
    String label() {
        return label;
    }

    /** Whether this verdict passed. */
    boolean passed() {
        return this == PASSED;
    }

    /**
     * The style for a verdict of the report.
     *
     * @throws IllegalArgumentException naming the check when the verdict is not one the report defines
     */
    static VerdictStyle of(String verdict, String checkId) {
        for (VerdictStyle style : values()) {
            if (style.key().equals(verdict)) {
                return style;
            }
        }
        throw new IllegalArgumentException("check " + checkId + " has unknown verdict '" + verdict
                + "'; expected one of passed, failed, not_implemented, errored, timed_out, rejected, crashed,"
                + " grader_error");
    }
}
