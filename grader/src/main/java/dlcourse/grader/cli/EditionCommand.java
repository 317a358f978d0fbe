package dlcourse.grader.cli;

import dlcourse.grader.edition.Edition;
import dlcourse.grader.edition.EditionException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dlcourse edition}: writes the student edition (no solutions, no hidden fixtures) into a new folder. */
@Command(name = "edition", mixinStandardHelpOptions = true,
        description = {"Writes the student edition into a new or empty folder: root pom without the solutions,"
                + " src/, exercises/, grader/ with the public fixtures only, reports/, a student README and CI"
                + " templates (GitHub Actions, GitLab CI) that run mvn verify and keep reports/ as an artifact.",
            "Refuses when the exercises are stale against the solutions, and checks that nothing of the solutions"
                + " got in."})
public final class EditionCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--out", required = true, paramLabel = "<dir>", description = "New or empty folder.")
    private Path out;

    @CommandLine.Option(names = "--root", paramLabel = "<dir>", description = "Instructor checkout (default: the"
            + " launcher's checkout, else the current directory).")
    private Path root;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        Path checkout = root != null ? root : Implementations.root();
        Edition.Result result;
        try {
            result = Edition.write(checkout, out);
        } catch (EditionException e) {
            spec.commandLine().getErr().println("edition: " + e.getMessage());
            return 2;
        }
        console.printf("Student edition written: %d files in %s%n", result.files().size(), result.out());
        console.println("Try it: cd " + result.out() + " && mvn -B verify   (the report: "
                + "exercises/target/grader/index.html)");
        return 0;
    }
}
