package dlcourse.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Thrown when a dataset file is in none of the places a {@link DataDirectory} searches. The message names the
 * file, every place searched (in order, with the rule that put it on the list), and how to make the file
 * available.
 */
public final class DatasetNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final transient List<Path> searched;

    /**
     * Creates the exception; {@link DataDirectory} formats the message.
     *
     * @param fileName the file that was looked for, e.g. {@code train_catvnoncat.h5}
     * @param searched the full paths tried, in order (copied)
     * @param message  the complete message
     */
    DatasetNotFoundException(String fileName, List<Path> searched, String message) {
        super(message);
        this.fileName = fileName;
        this.searched = List.copyOf(searched);
    }

    /**
     * The file that was looked for.
     *
     * @return its name, e.g. {@code train_catvnoncat.h5}
     */
    public String fileName() {
        return fileName;
    }

    /**
     * Every path that was tried, in search order.
     *
     * @return an unmodifiable list of absolute paths (directory + file name)
     */
    public List<Path> searched() {
        return searched;
    }
}
