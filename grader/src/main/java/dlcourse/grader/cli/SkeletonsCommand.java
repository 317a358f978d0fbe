package dlcourse.grader.cli;

import dlcourse.grader.skeleton.SkeletonChanges;
import dlcourse.grader.skeleton.SkeletonException;
import dlcourse.grader.skeleton.SkeletonGenerator;
import dlcourse.grader.skeleton.SkeletonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlcourse skeletons}: regenerates {@code exercises/} from the solutions, or with {@code --check} only
 * lists the exercise files that are stale. Exit status: 0 done / up to date, 1 stale ({@code --check}),
 * 2 a solution file or the tree could not be processed (nothing is written then).
 */
@Command(name = "skeletons",
        mixinStandardHelpOptions = true,
        description = "Regenerates exercises/ from the solutions' BEGIN/END SOLUTION markers.")
public final class SkeletonsCommand implements Callable<Integer> {

    @Option(names = "--root", paramLabel = "<dir>",
            description = "Checkout root holding solutions/ and exercises/ "
                    + "(default: the launcher's checkout, else the current directory).")
    private Path root;

    @Option(names = "--check",
            description = "Write nothing: list the stale exercise files and exit with 1 if there are any.")
    private boolean check;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path checkout = root != null ? root : Path.of(System.getProperty("dlcourse.root", "."));
        SkeletonWriter writer = new SkeletonWriter(new SkeletonGenerator());
        SkeletonChanges changes;
        try {
            changes = check ? writer.check(checkout) : writer.write(checkout);
        } catch (SkeletonException e) {
            err.println("skeletons: " + e.getMessage());
            err.println("skeletons: nothing was written.");
            return 2;
        } catch (NoSuchFileException e) {
            err.println("skeletons: " + e.getFile() + ": " + (e.getReason() != null ? e.getReason() : "not found"));
            return 2;
        } catch (IOException e) {
            err.println("skeletons: " + e);
            return 2;
        }
        String writtenWord = check ? "stale" : "written";
        String deletedWord = check ? "stale" : "deleted";
        for (Path file : changes.written()) {
            out.printf("  %-8s %s%s%n", writtenWord, file, check ? " (differs from what its solution generates)" : "");
        }
        for (Path file : changes.deleted()) {
            out.printf("  %-8s %s%s%n", deletedWord, file, check ? " (has no solution any more)" : "");
        }
        if (changes.upToDate()) {
            out.printf("Skeletons are up to date (%d file(s)).%n", changes.compared());
            return 0;
        }
        if (check) {
            out.printf("%d stale exercise file(s): run ./dlcourse skeletons to regenerate them.%n",
                    changes.stale().size());
            return 1;
        }
        out.printf("Skeletons: %d written, %d deleted, %d unchanged.%n",
                changes.written().size(), changes.deleted().size(), changes.unchanged().size());
        return 0;
    }
}
