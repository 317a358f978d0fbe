package dlcourse.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionCompilerTest {

    @TempDir
    Path dir;

    @Test
    void compiles_against_the_course_core() throws IOException {
        Path file = dir.resolve("src/p/Ok.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package p;\npublic class Ok {\n    dlcourse.core.Matrix m = dlcourse.core.Matrix.zeros(2, 3);"
                + "\n}\n");
        SubmissionCompiler.Result result = SubmissionCompiler.compile(dir.resolve("src"), List.of(file),
                dir.resolve("classes"));
        assertTrue(result.success(), result.messages());
        assertTrue(Files.isRegularFile(dir.resolve("classes/p/Ok.class")));
    }

    @Test
    void reports_errors_like_javac_with_paths_relative_to_the_submission() throws IOException {
        Path file = dir.resolve("src/p/Broken.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package p;\npublic class Broken {\n    int x = 1\n    int y = z;\n}\n");
        SubmissionCompiler.Result result = SubmissionCompiler.compile(dir.resolve("src"), List.of(file),
                dir.resolve("classes"));
        assertFalse(result.success());
        assertEquals("""
                p/Broken.java:3: error: ';' expected
                    int x = 1
                             ^
                1 error
                """, result.messages());
    }
}
