package dlcourse.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Thrown when a dataset file exists but does not hold what the course's file holds: it is truncated or corrupt,
 * or a dataset or variable is missing or has the wrong shape, type or count. The message starts with the file's
 * name and says what was wrong, e.g. {@code train_catvnoncat.h5: dataset 'train_set_x' has shape (209, 64, 64)
 * but (m, 64, 64, 3) was expected}, and ends with the file's full path. When a library (jhdf, MFL) failed, its
 * exception is the {@linkplain #getCause() cause}.
 */
public final class DatasetFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /**
     * Creates the exception for a problem found by our own checks.
     *
     * @param file    the file that was read
     * @param problem what was wrong, without the file name, e.g. {@code dataset 'train_set_y' is missing}
     */
    public DatasetFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    /**
     * Creates the exception for a problem a library reported.
     *
     * @param file    the file that was read
     * @param problem what was wrong, without the file name
     * @param cause   the library's exception, or {@code null} if there is none
     */
    public DatasetFormatException(Path file, String problem, Throwable cause) {
        super(format(file, problem), cause);
        this.file = file;
        this.problem = problem;
    }

    /**
     * The file that was read.
     *
     * @return its path as given to the loader
     */
    public Path file() {
        return file;
    }

    /**
     * What was wrong, without the file name.
     *
     * @return the problem, e.g. {@code dataset 'train_set_y' is missing}
     */
    public String problem() {
        return problem;
    }

    private static String format(Path file, String problem) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
        return file.getFileName() + ": " + problem + " (file: " + file.toAbsolutePath() + ")";
    }
}
