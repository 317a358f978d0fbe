package dlcourse.grader.run;

import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.fixture.Probe;
import java.util.List;
import java.util.Set;

/**
 * Everything the grader knows about one assignment: its contract, where the graded class lives, the probes its
 * fixtures come from, its known mistakes and its catalog of checks. Holds no solution code.
 *
 * @param <T> the assignment's contract interface
 */
public interface Assignment<T> {

    /** The id used in reports and fixture paths ({@code logistic}). */
    String id();

    /** A human title. */
    String title();

    /** The contract interface. */
    Class<T> contract();

    /** The fully qualified name of the graded class (the same in exercises and solutions). */
    String implementationClassName();

    /** Package prefix of student code, used to locate errors in the student's own files. */
    default String studentPackage() {
        String name = implementationClassName();
        return name.substring(0, name.lastIndexOf('.') + 1);
    }

    /**
     * Packages this assignment's code may use besides the standard allow-list of
     * {@link dlcourse.grader.sandbox.Policy} (internal-name prefixes, subpackages included), e.g. a framework's API.
     */
    default List<String> extraAllowedPackages() {
        return List.of();
    }

    /** The probes whose fixtures the value checks replay. */
    List<Probe<T>> probes();

    /** The known mistakes whose outputs the fixtures store. */
    List<Mistake> mistakes();

    /**
     * The checks to run with the given fixture sets (hidden sets may be absent from the store; then their checks
     * are simply not in the catalog).
     */
    List<Check<T>> checks(FixtureStore fixtures, Set<Visibility> sets);

    /** The learning-curve name the training check records, if any (for display). */
    default List<String> functions() {
        return probes().stream().map(Probe::function).distinct().toList();
    }
}
