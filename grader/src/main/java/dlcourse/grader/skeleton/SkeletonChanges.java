package dlcourse.grader.skeleton;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What regenerating the exercises did (or, in check mode, would do). Paths are relative to the checkout root,
 * e.g. {@code exercises/src/main/java/dlcourse/logistic/Logistic.java}, and sorted.
 *
 * @param written   exercise files created or rewritten because their content differs from the generated one
 * @param unchanged exercise files that already hold exactly the generated content
 * @param deleted   exercise files with no solution counterpart any more
 */
public record SkeletonChanges(List<Path> written, List<Path> unchanged, List<Path> deleted) {

    /** Copies the lists. */
    public SkeletonChanges {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        deleted = List.copyOf(deleted);
    }

    /** Written and deleted files together: in check mode, the stale ones. */
    public List<Path> stale() {
        List<Path> stale = new ArrayList<>(written);
        stale.addAll(deleted);
        stale.sort(null);
        return List.copyOf(stale);
    }

    /** Whether the exercises already matched the solutions. */
    public boolean upToDate() {
        return written.isEmpty() && deleted.isEmpty();
    }

    /** How many solution files were turned into skeletons and compared. */
    public int compared() {
        return written.size() + unchanged.size();
    }
}
