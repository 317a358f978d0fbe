package dlcourse.grader.skeleton;

/**
 * A solution source the skeleton generator cannot turn into a skeleton: misplaced or unbalanced markers, code
 * that would become unreachable, a contract that cannot be loaded. The message starts with {@code file:line:}
 * and ends with what to change.
 */
public final class SkeletonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file    the solution file as shown to the reader, e.g.
     *                {@code solutions/src/main/java/dlcourse/logistic/Logistic.java}
     * @param line    1-based line of the problem
     * @param problem what is wrong and what to do, without the location
     */
    public SkeletonException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The solution file, as given to the generator. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }
}
