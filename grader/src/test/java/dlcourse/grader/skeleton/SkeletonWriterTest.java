package dlcourse.grader.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkeletonWriterTest {

    private static final String SOLUTION = """
            package dlcourse.logistic;

            import dlcourse.core.Matrix;

            public abstract class Demo {
                Matrix twice(Matrix z) {
                    // BEGIN SOLUTION
                    return z.add(z);
                    // END SOLUTION
                }
            }
            """;
    private static final String SKELETON = """
            package dlcourse.logistic;

            import dlcourse.core.Matrix;
            import dlcourse.course.NotImplementedYet;

            public abstract class Demo {
                Matrix twice(Matrix z) {
                    throw new NotImplementedYet("twice");
                }
            }
            """;
    private static final String GIVEN = "/** Given to the student as is. */\npackage dlcourse.logistic;\n";

    @TempDir
    Path root;

    private final SkeletonWriter writer = new SkeletonWriter(new SkeletonGenerator());

    @BeforeEach
    void solutions() throws IOException {
        put("solutions/src/main/java/dlcourse/logistic/Demo.java", SOLUTION);
        put("solutions/src/main/java/dlcourse/logistic/package-info.java", GIVEN);
    }

    private void put(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private String read(String file) throws IOException {
        return Files.readString(root.resolve(file));
    }

    private static List<Path> paths(String... files) {
        return java.util.Arrays.stream(files).map(Path::of).toList();
    }

    @Test
    void write_creates_each_skeleton_at_the_same_path_and_copies_files_without_markers() throws IOException {
        SkeletonChanges changes = writer.write(root);

        assertEquals(paths("exercises/src/main/java/dlcourse/logistic/Demo.java",
                "exercises/src/main/java/dlcourse/logistic/package-info.java"), changes.written());
        assertEquals(List.of(), changes.unchanged());
        assertEquals(List.of(), changes.deleted());
        assertEquals(SKELETON, read("exercises/src/main/java/dlcourse/logistic/Demo.java"));
        assertEquals(GIVEN, read("exercises/src/main/java/dlcourse/logistic/package-info.java"));
    }

    @Test
    void a_second_write_changes_nothing_and_leaves_timestamps_alone() throws IOException {
        writer.write(root);
        Path skeleton = root.resolve("exercises/src/main/java/dlcourse/logistic/Demo.java");
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(skeleton, old);

        SkeletonChanges changes = writer.write(root);

        assertTrue(changes.upToDate(), changes.toString());
        assertEquals(2, changes.unchanged().size());
        assertEquals(old, Files.getLastModifiedTime(skeleton));
    }

    @Test
    void exercise_files_without_a_solution_are_deleted_with_their_emptied_folders() throws IOException {
        put("exercises/src/main/java/dlcourse/gone/Old.java", "class Old {}\n");

        SkeletonChanges changes = writer.write(root);

        assertEquals(paths("exercises/src/main/java/dlcourse/gone/Old.java"), changes.deleted());
        assertFalse(Files.exists(root.resolve("exercises/src/main/java/dlcourse/gone")));
        assertTrue(Files.isDirectory(root.resolve("exercises/src/main/java/dlcourse")));
    }

    @Test
    void check_lists_stale_and_orphaned_files_without_writing() throws IOException {
        writer.write(root);
        put("exercises/src/main/java/dlcourse/logistic/Demo.java", SKELETON.replace("twice", "thrice"));
        put("exercises/src/main/java/dlcourse/gone/Old.java", "class Old {}\n");

        SkeletonChanges changes = writer.check(root);

        assertEquals(paths("exercises/src/main/java/dlcourse/gone/Old.java",
                "exercises/src/main/java/dlcourse/logistic/Demo.java"), changes.stale());
        assertEquals(2, changes.compared());
        assertTrue(read("exercises/src/main/java/dlcourse/logistic/Demo.java").contains("thrice"));
        assertTrue(Files.exists(root.resolve("exercises/src/main/java/dlcourse/gone/Old.java")));
    }

    @Test
    void a_broken_solution_stops_the_run_before_anything_is_written() throws IOException {
        put("solutions/src/main/java/dlcourse/logistic/Broken.java", """
                package dlcourse.logistic;
                class Broken {
                    // BEGIN SOLUTION
                }
                """);

        SkeletonException e = assertThrows(SkeletonException.class, () -> writer.write(root));

        assertEquals("solutions/src/main/java/dlcourse/logistic/Broken.java:3: BEGIN SOLUTION outside a method body "
                + "(directly in the body of Broken): markers belong inside a method; keep fields and other members "
                + "outside the markers.", e.getMessage());
        assertFalse(Files.exists(root.resolve("exercises")));
    }

    @Test
    void a_checkout_without_solutions_is_reported_as_such() throws IOException {
        Path studentEdition = Files.createDirectories(root.resolve("student"));

        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> writer.check(studentEdition));

        assertFalse(SkeletonWriter.hasSolutions(studentEdition));
        assertEquals(studentEdition.resolve(SkeletonWriter.SOLUTIONS).toString(), e.getFile());
        assertTrue(e.getReason().contains("only the instructor edition has"), e.getReason());
    }
}
