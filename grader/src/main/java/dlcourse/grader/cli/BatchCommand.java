package dlcourse.grader.cli;

import dlcourse.grader.batch.BatchProgress;
import dlcourse.grader.batch.BatchRun;
import dlcourse.grader.batch.InProcessGrader;
import dlcourse.grader.batch.SubmissionGrader;
import dlcourse.grader.sandbox.ForkedGrader;
import java.time.Duration;
import dlcourse.grader.dashboard.GradesCsv;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import dlcourse.grader.run.Grading;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dlcourse batch}: grades a class's folder of submissions and writes every report, the dashboard and CSV. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Grades a folder of submissions (each a directory, a zip, or a bare git repository / bundle"
                + " holding an exercises/ tree or just its Java files) with the public and hidden fixtures, each"
                + " compiled and graded on its own by a pool of workers. Writes <out>/<student>/ (report.json,"
                + " index.html, results.json), the class dashboard <out>/index.html and <out>/grades.csv.",
            "Resumable: a submission whose report is current (same sources, same grader) is not graded again."})
public final class BatchCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "<submissions>", description = "Folder of submissions.")
    private Path submissions;

    @CommandLine.Option(names = "--out", paramLabel = "<dir>", description = "Class folder (default:"
            + " reports/<submissions folder name>).")
    private Path out;

    @CommandLine.Option(names = "--assignments", split = ",", paramLabel = "<id>",
            description = "Grade only these assignments (comma-separated ids, e.g. logistic,shallow; default: all).")
    private List<String> assignments;

    @CommandLine.Option(names = "--public-only", description = "Grade with the public fixtures only (default:"
            + " public and hidden).")
    private boolean publicOnly;

    @CommandLine.Option(names = "--workers", paramLabel = "<n>", description = "Submissions graded at once"
            + " (default: one per core).")
    private Integer workers;

    @CommandLine.Option(names = "--force", description = "Regrade every submission, even those whose report is"
            + " current.")
    private boolean force;

    @CommandLine.Option(names = "--isolation", paramLabel = "fork|in-process", defaultValue = "fork",
            description = "fork (default): scan each submission's bytecode against the allow-list, then grade it in"
                    + " JVMs of its own (heap cap, watchdog, empty environment, no hidden fixtures on its class"
                    + " path). in-process: grade in this JVM, for trusted code only (faster).")
    private String isolation;

    @CommandLine.Option(names = "--heap", paramLabel = "<MB>", defaultValue = "1024",
            description = "Heap of each grading JVM in MB (default: ${DEFAULT-VALUE}).")
    private int heap;

    @CommandLine.Option(names = "--check-time-limit", paramLabel = "<seconds>",
            description = "Stop any check after this many seconds (default: each check's own limit, mostly 20 s).")
    private Integer checkTimeLimit;

    @CommandLine.Option(names = "--budget", paramLabel = "<seconds>", defaultValue = "600",
            description = "Wall time one submission may use in all; checks left when it is spent are not run"
                    + " (default: ${DEFAULT-VALUE}).")
    private int budget;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Assignment<?>> selected;
        try {
            selected = select(assignments);
        } catch (IllegalArgumentException e) {
            err.println("batch: " + e.getMessage());
            return 2;
        }
        Path classDir = out != null ? out : Implementations.root().resolve("reports")
                .resolve(submissions.toAbsolutePath().normalize().getFileName().toString());
        int threads = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        BatchRun.Options options = new BatchRun.Options(submissions, classDir, selected, Grading.sets(!publicOnly),
                threads, force);
        SubmissionGrader grader;
        switch (isolation) {
            case "fork" -> grader = new ForkedGrader(selected, options.sets(), new ForkedGrader.Limits(heap,
                    checkTimeLimit == null ? null : Duration.ofSeconds(checkTimeLimit), Duration.ofSeconds(budget),
                    ForkedGrader.Limits.standard().restarts(), true));
            case "in-process" -> grader = new InProcessGrader(selected, options.sets());
            default -> {
                err.println("batch: --isolation must be fork or in-process, not " + isolation);
                return 2;
            }
        }
        console.printf("Grading %s with %d worker(s): %s, %s fixtures.%n", submissions, threads,
                selected.stream().map(Assignment::id).collect(Collectors.joining(", ")),
                publicOnly ? "public" : "public and hidden");
        console.println(isolation.equals("fork") ? "Each submission: bytecode scanned against the allow-list, then"
                + " graded in its own JVM (heap " + heap + " MB, budget " + budget + " s)."
                : "In-process grading: use it only for code you trust.");
        console.flush();
        BatchRun.Summary summary;
        PrintStream terminal = System.err;
        try (BatchProgress progress = BatchProgress.terminal() ? BatchProgress.onTerminal(terminal)
                : BatchProgress.asLines(line -> {
                    err.println(line);
                    err.flush();
                })) {
            summary = new BatchRun(options, grader).run(progress);
        } finally {
            if (grader instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        for (String ignored : summary.ignored()) {
            console.println("  ignored " + ignored + " (not a folder, zip, git repository or bundle)");
        }
        long graded = summary.graded();
        console.printf(Locale.ROOT, "%d submission(s): %d graded now, %d up to date, %d could not be graded.%n",
                summary.outcomes().size(), graded, summary.reused(), summary.ungradable());
        console.printf(Locale.ROOT, "Wall time %.1f s with %d worker(s)%s.%n", summary.wallMillis() / 1000.0, threads,
                graded == 0 ? "" : String.format(Locale.ROOT, ": %.2f s per graded submission",
                        summary.wallMillis() / 1000.0 / graded));
        console.println("Dashboard: " + summary.dashboard().toAbsolutePath().normalize());
        console.println("Grades:    " + classDir.resolve(GradesCsv.FILE_NAME).toAbsolutePath().normalize());
        return 0;
    }

    /** The assignments named, in course order; all when none is named. */
    static List<Assignment<?>> select(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return Course.assignments();
        }
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            if (Course.assignment(id.strip()).isEmpty()) {
                unknown.add(id);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown assignment(s) " + unknown + "; known: " + Course.assignments()
                    .stream().map(Assignment::id).collect(Collectors.joining(", ")));
        }
        return Course.assignments().stream().filter(a -> ids.stream().anyMatch(id -> id.strip().equals(a.id())))
                .toList();
    }
}
