package dlcourse.grader.report;

import java.util.Locale;
import java.util.Objects;

/**
 * Why a submission could not be graded at all: it did not compile, its archive or repository could not be
 * unpacked, or the grader itself broke before any check ran. A report with a problem has no check rows.
 *
 * @param stage   {@code compile} (the student's code), {@code unpack} (the archive or repository), or {@code grader}
 *                (our bug: flagged to instructors like a grader error)
 * @param message what went wrong, e.g. the compiler's messages with file, line and caret
 */
public record Problem(String stage, String message) {

    /** The submission does not compile. */
    public static final String COMPILE = "compile";
    /** The submission's zip or git repository could not be read. */
    public static final String UNPACK = "unpack";
    /** The grader failed before grading (not the student's fault). */
    public static final String GRADER = "grader";

    /** Rejects missing fields. */
    public Problem {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(message, "message");
    }

    /** A one-line summary for tables: {@code does not compile: Logistic.java:12: error: ';' expected}. */
    public String headline() {
        String first = message.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return first.isEmpty() ? what() : what() + ": " + first;
    }

    /** The stage in words: {@code does not compile}, {@code cannot be unpacked}, {@code internal grader error}. */
    public String what() {
        return switch (stage.toLowerCase(Locale.ROOT)) {
            case COMPILE -> "does not compile";
            case UNPACK -> "cannot be unpacked";
            case GRADER -> "internal grader error";
            default -> stage;
        };
    }
}
