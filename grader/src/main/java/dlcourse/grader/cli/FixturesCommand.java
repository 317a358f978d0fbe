package dlcourse.grader.cli;

import dlcourse.grader.fixture.FixtureFile;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Regeneration;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import java.io.PrintWriter;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dlcourse fixtures}: regenerates the value fixtures (public and hidden) from the reference solutions. */
@Command(name = "fixtures", mixinStandardHelpOptions = true,
        description = "Regenerates grader/src/main/resources/fixtures from the reference solutions and their known"
                + " mistake variants (instructor command).")
public final class FixturesCommand implements Callable<Integer> {

    @CommandLine.Option(names = "--assignment", description = "Only this assignment (default: all).")
    private String only;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path resources = Implementations.root().resolve("grader/src/main/resources");
        int changed = 0;
        int total = 0;
        try (URLClassLoader loader = Implementations.loader("solutions", true)) {
            for (Assignment<?> assignment : Course.assignments()) {
                if (only != null && !only.equals(assignment.id())) {
                    continue;
                }
                List<FixtureFile> files = Regeneration.generate(assignment, loader);
                for (FixtureFile file : files) {
                    total++;
                    if (FixtureStore.write(file, resources)) {
                        changed++;
                        out.println("  wrote " + FixtureStore.path(file.assignment(),
                                dlcourse.grader.check.Visibility.valueOf(file.set().toUpperCase(java.util.Locale.ROOT)),
                                file.function()));
                    }
                }
            }
        }
        out.printf("%d fixture files, %d changed (%s)%n", total, changed, resources);
        return 0;
    }
}
