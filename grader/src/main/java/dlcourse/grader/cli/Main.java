package dlcourse.grader.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dlcourse} command line: the entry point the {@code ./dlcourse} launcher runs.
 *
 * <p>Each job is a subcommand; {@code dlcourse --help} lists them, and a mistyped one gets picocli's "did you
 * mean" suggestion.
 */
@Command(name = "dlcourse",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Deep-learning course assignments in Java: exercises, reference solutions and their grader.",
        subcommands = {GradeCommand.class, DatasetsCommand.class, FixturesCommand.class, BenchCommand.class, SkeletonsCommand.class, DemoCommand.class, ClassifyCommand.class, EditionCommand.class, BatchCommand.class, DashboardCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests and for embedding. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Without a subcommand, shows the usage (the list of commands). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the version of the grader jar and the JDK. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dlcourse " + dlcourse.grader.run.Grading.version(),
                "JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
