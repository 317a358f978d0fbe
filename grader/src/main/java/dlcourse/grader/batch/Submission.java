package dlcourse.grader.batch;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One student's submission found in the submissions folder.
 *
 * @param student the student's name, from the entry's name (without {@code .zip}, {@code .git}, {@code .bundle}),
 *                safe as a folder name
 * @param origin  the directory, zip or repository
 * @param kind    how to read it
 */
public record Submission(String student, Path origin, Kind kind) {

    /** How a submission is stored. */
    public enum Kind {
        /** A plain folder (possibly a git working tree): its files are read where they are. */
        DIRECTORY,
        /** A zip archive: its Java files are extracted into a scratch folder. */
        ZIP,
        /** A bare git repository or a git bundle: cloned into a scratch folder with {@code git clone}. */
        GIT
    }

    /** Rejects missing fields. */
    public Submission {
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(kind, "kind");
    }
}
