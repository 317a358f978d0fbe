package dlcourse.grader.skeleton;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code exercises/} must be exactly what {@code ./dlcourse skeletons} generates from
 * {@code solutions/}: skeletons are never edited by hand.
 */
class ExercisesUpToDateTest {

    @Test
    void committed_exercises_match_the_skeletons_generated_from_the_solutions() throws IOException {
        // given the checkout root (Surefire sets dlcourse.root) and, in the instructor edition, its solutions
        String property = System.getProperty("dlcourse.root");
        assumeTrue(property != null, "dlcourse.root is not set: run this test through Maven");
        Path root = Path.of(property);
        assumeTrue(SkeletonWriter.hasSolutions(root), "no solutions/ in this checkout (student edition)");

        // when
        SkeletonChanges changes = new SkeletonWriter(new SkeletonGenerator()).check(root);

        // then
        assertTrue(changes.compared() > 0,
                "no solution file was compared under " + root.resolve(SkeletonWriter.SOLUTIONS));
        assertTrue(changes.upToDate(), () -> changes.stale().size() + " exercise file(s) differ from what the "
                + "solutions generate:\n"
                + changes.stale().stream().map(p -> "  " + p).collect(Collectors.joining("\n"))
                + "\nRun ./dlcourse skeletons to regenerate exercises/ (never edit skeletons by hand).");
    }
}
