package dlcourse.grader.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.grader.cli.SkeletonsCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SkeletonsCommandTest {

    @TempDir
    Path root;

    private record Run(int exitCode, String out, String err) {
    }

    private Run skeletons(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new SkeletonsCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private void solution(String name, String body) throws IOException {
        Path file = root.resolve("solutions/src/main/java/demo/" + name + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package demo;\n\nclass " + name + " {\n    void run() {\n" + body + "    }\n}\n");
    }

    @Test
    void check_lists_stale_files_and_exits_1_then_a_run_writes_them_and_check_passes() throws IOException {
        // given a solution whose skeleton was never generated
        solution("Demo", "        // BEGIN SOLUTION\n        System.out.println();\n        // END SOLUTION\n");

        // when / then: check reports it
        Run check = skeletons("--root", root.toString(), "--check");
        assertEquals(1, check.exitCode(), check.err());
        assertEquals("""
                  stale    exercises/src/main/java/demo/Demo.java (differs from what its solution generates)
                1 stale exercise file(s): run ./dlcourse skeletons to regenerate them.
                """, check.out());

        // when / then: a run writes it
        Run write = skeletons("--root", root.toString());
        assertEquals(0, write.exitCode(), write.err());
        assertEquals("""
                  written  exercises/src/main/java/demo/Demo.java
                Skeletons: 1 written, 0 deleted, 0 unchanged.
                """, write.out());
        assertTrue(Files.readString(root.resolve("exercises/src/main/java/demo/Demo.java"))
                .contains("throw new NotImplementedYet(\"run\");"));

        // when / then: check is now satisfied
        Run again = skeletons("--root", root.toString(), "--check");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("Skeletons are up to date (1 file(s)).\n", again.out());
    }

    @Test
    void a_broken_solution_exits_2_with_the_location_and_writes_nothing() throws IOException {
        solution("Demo", "        // END SOLUTION\n");

        Run run = skeletons("--root", root.toString());

        assertEquals(2, run.exitCode());
        assertEquals("skeletons: solutions/src/main/java/demo/Demo.java:5: END SOLUTION without a matching BEGIN "
                + "SOLUTION above it: add `// BEGIN SOLUTION` where the answer starts, or delete this marker.\n"
                + "skeletons: nothing was written.\n", run.err());
        assertTrue(Files.notExists(root.resolve("exercises")));
    }

    @Test
    void a_root_without_solutions_exits_2_and_says_why() {
        Run run = skeletons("--root", root.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("solutions/src/main/java: no solutions here"), run.err());
    }
}
