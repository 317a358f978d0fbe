package dlcourse.grader.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * One assignment's demo: trains the assignment's model with the course's settings on the course's data, prints
 * what the course's notebook prints, and returns the figures.
 *
 * @param <T> the assignment's contract, e.g. {@link dlcourse.course.LogisticRegression}
 */
public interface Demo<T> {

    /**
     * The id on the command line, the assignment's id: {@code logistic}.
     *
     * @return a short lower-case id
     */
    String id();

    /**
     * One sentence for {@code dlcourse demo --help}: what is trained and with which settings.
     *
     * @return the description
     */
    String description();

    /**
     * The contract the implementation must satisfy.
     *
     * @return e.g. {@code LogisticRegression.class}
     */
    Class<T> contract();

    /**
     * The fully qualified name of the class to load from the exercises, the solutions or a submission; both
     * editions use the same name.
     *
     * @return e.g. {@code dlcourse.logistic.Logistic}
     */
    String implementationClass();

    /**
     * Loads the course's data and runs the demo.
     *
     * @param implementation the code under demonstration; its own functions do all the work
     * @param courseOutput   receives the notebook-style printed output (flushed after every run)
     * @return the figures of every training run, in the course's order
     * @throws dlcourse.data.DatasetNotFoundException if a data file is missing
     * @throws dlcourse.course.NotImplementedYet      if the implementation has an unwritten function
     * @throws DemoException                         if the implementation returned something unusable
     */
    DemoResult run(T implementation, PrintWriter courseOutput);

    /**
     * Runs the demo and writes its figures (decision boundaries, galleries) as files. Demos without figures
     * ignore the folder.
     *
     * @param implementation the code under demonstration
     * @param courseOutput   receives the notebook-style printed output
     * @param figureDir      where to write figure files ({@code reports/demo/<id>/} by default); created on demand
     * @return the figures of every training run
     */
    default DemoResult run(T implementation, PrintWriter courseOutput, Path figureDir) {
        return run(implementation, courseOutput);
    }
}
