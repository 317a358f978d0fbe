package dlcourse.grader.skeleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Regenerates the whole exercises tree from the solutions: every {@code .java} file under
 * {@code solutions/src/main/java} becomes its skeleton at the same relative path under
 * {@code exercises/src/main/java} (files without markers, such as given helpers and {@code package-info.java},
 * are copied unchanged), and exercise {@code .java} files without a solution counterpart are deleted.
 *
 * <p>Every skeleton is generated before anything is written, so a {@link SkeletonException} in one file leaves
 * the tree untouched. Files whose content is already right are not rewritten (their timestamps stay).
 */
public final class SkeletonWriter {

    /** Where the reference solutions' sources are, relative to the checkout root. */
    public static final Path SOLUTIONS = Path.of("solutions", "src", "main", "java");
    /** Where the student skeletons' sources are, relative to the checkout root. */
    public static final Path EXERCISES = Path.of("exercises", "src", "main", "java");

    private final SkeletonGenerator generator;

    /**
     * @param generator turns each solution file into its skeleton
     */
    public SkeletonWriter(SkeletonGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /** Whether {@code root} holds the solutions (the instructor edition); the student edition does not. */
    public static boolean hasSolutions(Path root) {
        return Files.isDirectory(root.resolve(SOLUTIONS));
    }

    /**
     * Compares the exercises with what the solutions generate, writing nothing.
     *
     * @param root the checkout root
     * @return the files that would be written or deleted, and those already up to date
     * @throws NoSuchFileException when {@code root} has no solutions
     * @throws SkeletonException   when a solution file cannot be turned into a skeleton
     */
    public SkeletonChanges check(Path root) throws IOException {
        return plan(root).changes();
    }

    /**
     * Writes the skeletons that differ and deletes orphaned exercise files.
     *
     * @param root the checkout root
     * @return what was written, left unchanged and deleted
     * @throws NoSuchFileException when {@code root} has no solutions
     * @throws SkeletonException   when a solution file cannot be turned into a skeleton (nothing is written then)
     */
    public SkeletonChanges write(Path root) throws IOException {
        Plan plan = plan(root);
        SkeletonChanges changes = plan.changes();
        for (Path file : changes.written()) {
            Path target = root.resolve(file);
            Files.createDirectories(target.getParent());
            Files.writeString(target, plan.contents().get(file), StandardCharsets.UTF_8);
        }
        Path exercises = root.resolve(EXERCISES);
        for (Path file : changes.deleted()) {
            Path target = root.resolve(file);
            Files.delete(target);
            deleteEmptyParents(target.getParent(), exercises);
        }
        return changes;
    }

    private record Plan(SkeletonChanges changes, Map<Path, String> contents) {
    }

    private Plan plan(Path root) throws IOException {
        Path solutions = root.resolve(SOLUTIONS);
        Path exercises = root.resolve(EXERCISES);
        if (!Files.isDirectory(solutions)) {
            throw new NoSuchFileException(solutions.toString(), null,
                    "no solutions here: skeletons are generated from the reference solutions, which only the "
                            + "instructor edition has");
        }
        Map<Path, String> contents = new LinkedHashMap<>();
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        for (Path relative : javaFiles(solutions)) {
            Path solution = solutions.resolve(relative);
            String skeleton = generator.generate(root.relativize(solution).toString(),
                    Files.readString(solution, StandardCharsets.UTF_8));
            Path exercise = exercises.resolve(relative);
            Path shown = root.relativize(exercise);
            contents.put(shown, skeleton);
            boolean same = Files.isRegularFile(exercise)
                    && Files.readString(exercise, StandardCharsets.UTF_8).equals(skeleton);
            (same ? unchanged : written).add(shown);
        }
        List<Path> deleted = new ArrayList<>();
        if (Files.isDirectory(exercises)) {
            for (Path relative : javaFiles(exercises)) {
                if (!Files.exists(solutions.resolve(relative))) {
                    deleted.add(root.relativize(exercises.resolve(relative)));
                }
            }
        }
        return new Plan(new SkeletonChanges(written, unchanged, deleted), contents);
    }

    /** The {@code .java} files under {@code dir}, relative to it, sorted. */
    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".java"))
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Removes directories left empty by a deletion, up to (not including) {@code stop}. */
    private static void deleteEmptyParents(Path dir, Path stop) throws IOException {
        Path current = dir;
        while (current != null && !current.equals(stop) && current.startsWith(stop)) {
            try (Stream<Path> entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
            current = current.getParent();
        }
    }
}
