package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dlcourse.grader.cli.DemoCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dlcourse demo}'s failures that need no implementation. */
class DemoCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run demo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new DemoCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void an_unknown_id_is_a_usage_error_that_lists_the_known_demos() {
        // when
        Run run = demo("planar");

        // then
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("dlcourse demo: unknown demo 'planar'; the known demos are: " + String.join(", ", Demos.ids()),
                run.err().lines().findFirst().orElseThrow());
        assertEquals("  logistic: " + new LogisticDemo().description(), run.err().lines().skip(1).findFirst()
                .orElseThrow());
    }

    @Test
    void figures_and_no_figures_together_are_a_usage_error_and_nothing_runs() {
        // when
        Run run = demo("logistic", "--no-figures", "--figures", dir.resolve("plots").toString());

        // then
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("dlcourse demo: --figures and --no-figures exclude each other" + System.lineSeparator(),
                run.err());
        assertFalse(Files.exists(dir.resolve("plots")));
    }

    @Test
    void an_impl_folder_that_does_not_exist_gets_one_line_and_exit_code_1() {
        // given
        Path nowhere = dir.resolve("nowhere");

        // when
        Run run = demo("logistic", "--json", "--impl", nowhere.toString());

        // then
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals("--impl " + nowhere + ": not exercises, solutions or a folder" + System.lineSeparator(),
                run.err());
    }
}
