package dlcourse.grader.cli;

import dlcourse.grader.dashboard.ClassEntry;
import dlcourse.grader.dashboard.Dashboard;
import dlcourse.grader.dashboard.GradesCsv;
import dlcourse.grader.dashboard.ReportCollector;
import dlcourse.grader.dashboard.RunInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dlcourse dashboard}: the class dashboard and grades.csv from report.json files collected elsewhere. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Builds the class dashboard (index.html) and grades.csv from students' report.json files"
                + " collected elsewhere, e.g. the CI artifacts of every student: give the files, or folders to"
                + " search for report.json."})
public final class DashboardCommand implements Callable<Integer> {

    @CommandLine.Parameters(arity = "1..*", paramLabel = "<report.json|dir>",
            description = "report.json files, or folders searched for them.")
    private List<Path> inputs;

    @CommandLine.Option(names = "--out", paramLabel = "<dir>", description = "Dashboard folder (default:"
            + " reports/dashboard).")
    private Path out;

    @CommandLine.Option(names = "--title", paramLabel = "<class>", description = "Heading (default: the"
            + " dashboard folder's name).")
    private String title;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        Path dir = out != null ? out : Implementations.root().resolve("reports").resolve("dashboard");
        List<ClassEntry> entries;
        try {
            entries = ReportCollector.collect(inputs, dir);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("dashboard: " + e.getMessage());
            return 2;
        }
        if (entries.isEmpty()) {
            spec.commandLine().getErr().println("dashboard: no report.json found in " + inputs);
            return 1;
        }
        String heading = title != null ? title : dir.toAbsolutePath().normalize().getFileName().toString();
        String source = inputs.stream().map(p -> p.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining(", "));
        Path page = Dashboard.write(heading, entries, RunInfo.collected(source, entries.size()), dir);
        long ungradable = entries.stream().filter(e -> !e.report().gradable()).count();
        console.printf("%d report(s), %d could not be graded.%n", entries.size(), ungradable);
        console.println("Dashboard: " + page.toAbsolutePath().normalize());
        console.println("Grades:    " + dir.resolve(GradesCsv.FILE_NAME).toAbsolutePath().normalize());
        return 0;
    }
}
