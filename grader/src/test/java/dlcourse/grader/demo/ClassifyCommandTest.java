package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcourse.grader.cli.ClassifyCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dlcourse classify}'s failures that need no trained model (the picture is read before training). */
class ClassifyCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run classify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new CommandLine(new ClassifyCommand()).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void a_file_that_is_not_a_picture_gets_one_line_naming_it_and_exit_code_1() throws IOException {
        // given
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");

        // when
        Run run = classify(notes.toString());

        // then
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals("dlcourse classify: cannot read " + notes + ": it is not a JPEG or PNG picture (no image reader"
                + " recognises its contents)" + System.lineSeparator(), run.err());
    }

    @Test
    void an_unknown_model_is_a_usage_error_naming_the_two_classifiers() throws IOException {
        // given
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");

        // when
        Run run = classify(notes.toString(), "--model", "svm");

        // then
        assertEquals(2, run.exitCode());
        assertEquals("Invalid value for option '--model': expected one of [logistic, l_layer] (case-sensitive) but"
                + " was 'svm'", run.err().lines().findFirst().orElseThrow());
    }

    @Test
    void the_picture_is_read_before_the_l_layer_model_is_trained() throws IOException {
        // given
        Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");

        // when
        Run run = classify(notes.toString(), "--model", "l_layer");

        // then
        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
    }
}
