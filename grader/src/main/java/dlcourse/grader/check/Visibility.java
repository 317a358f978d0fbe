package dlcourse.grader.check;

import java.util.Locale;

/** Whether a check ships to students (public fixtures) or stays with the instructor (hidden fixtures). */
public enum Visibility {
    /** Runs in the student edition too. */
    PUBLIC,
    /** Runs only where the hidden fixtures are (instructor grading). */
    HIDDEN;

    /** The report's spelling: {@code public} or {@code hidden}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
