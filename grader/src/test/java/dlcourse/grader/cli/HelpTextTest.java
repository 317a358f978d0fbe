package dlcourse.grader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The help texts of every command: picocli passes each description line through {@link String#format}, and a line
 * it cannot format (a lone {@code %} before a letter, as in "70 % test") is printed raw with a warning on the
 * terminal ({@code [picocli WARN] Could not format ...}) every time the help is shown.
 */
class HelpTextTest {

    @Test
    void every_description_line_of_every_command_is_a_valid_format() {
        List<String> broken = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        visit(Main.commandLine(), broken, commands);
        assertTrue(commands.size() > 10, "expected the main command and its subcommands, found " + commands);
        assertEquals(List.of(), broken, "description lines picocli cannot format (write %% for a percent sign)");
    }

    @Test
    void the_check_finds_a_lone_percent_sign() {
        @CommandLine.Command(name = "broken", description = "reaches 70 % test accuracy")
        class Broken implements Runnable {
            @Override
            public void run() {
            }
        }
        List<String> broken = new ArrayList<>();
        visit(new CommandLine(new Broken()), broken, new ArrayList<>());
        assertFalse(broken.isEmpty(), "a description with '70 % test' must be reported");
    }

    private static void visit(CommandLine commandLine, List<String> broken, List<String> commands) {
        CommandSpec spec = commandLine.getCommandSpec();
        String name = spec.qualifiedName();
        commands.add(name);
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        lines.addAll(List.of(spec.usageMessage().header()));
        lines.addAll(List.of(spec.usageMessage().footer()));
        for (ArgSpec arg : spec.args()) {
            lines.addAll(List.of(arg.description()));
        }
        for (String line : lines) {
            try {
                String.format(line);
            } catch (IllegalFormatException e) {
                broken.add(name + ": \"" + line + "\" (" + e + ")");
            }
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            if (sub.getCommandSpec().parent() == spec) {
                visit(sub, broken, commands);
            }
        }
    }
}
