package dlcourse.grader.batch;

import dlcourse.grader.check.Console;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.dashboard.ClassEntry;
import dlcourse.grader.dashboard.Dashboard;
import dlcourse.grader.dashboard.RunInfo;
import dlcourse.grader.render.HtmlReport;
import dlcourse.grader.report.Problem;
import dlcourse.grader.report.Provenance;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.ReportJson;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Grading;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades a folder of submissions: each submission is opened, fingerprinted and, unless its report is current,
 * graded by the {@link SubmissionGrader} on one of {@code workers} threads; each gets {@code <out>/<student>/}
 * ({@code report.json}, {@code index.html}, Gradescope {@code results.json}, and {@code console.txt} when its code
 * printed). At the end the class dashboard and {@code grades.csv} are written into {@code <out>}.
 *
 * <p>Resumable: a student's folder also gets {@value #FINGERPRINT}, the digest of the sources together with the
 * grader build, fixture sets and assignments. A later run that finds the same fingerprint keeps the report.
 */
public final class BatchRun {

    /** The file that makes a report current. */
    public static final String FINGERPRINT = "fingerprint.txt";
    /** What student code printed while graded, when it printed anything. */
    public static final String CONSOLE = "console.txt";
    /** Bytes of a submission's printing kept. */
    static final int CONSOLE_LIMIT = 64 * 1024;

    /**
     * What to grade and how.
     *
     * @param submissions the folder of submissions
     * @param out         the class folder for reports and the dashboard
     * @param assignments the assignments to grade, in course order
     * @param sets        fixture sets
     * @param workers     worker threads
     * @param force       regrade even submissions whose report is current
     */
    public record Options(Path submissions, Path out, List<Assignment<?>> assignments, Set<Visibility> sets,
                          int workers, boolean force) {
        /** Copies and checks. */
        public Options {
            assignments = List.copyOf(assignments);
            sets = Set.copyOf(sets);
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1: " + workers);
            }
            if (assignments.isEmpty()) {
                throw new IllegalArgumentException("no assignment to grade");
            }
        }
    }

    /**
     * What became of one submission.
     *
     * @param submission the submission
     * @param report     its report (read back when it was current)
     * @param dir        its report folder
     * @param reused     whether the existing report was current and kept
     * @param millis     wall time spent on it (opening, compiling, grading, writing)
     */
    public record Outcome(Submission submission, Report report, Path dir, boolean reused, long millis) {
    }

    /**
     * A finished batch.
     *
     * @param outcomes  one per submission, by student name
     * @param ignored   entries of the submissions folder that are not submissions
     * @param wallMillis wall time of the whole run
     * @param dashboard the dashboard page
     */
    public record Summary(List<Outcome> outcomes, List<String> ignored, long wallMillis, Path dashboard) {

        /** Submissions graded by this run. */
        public long graded() {
            return outcomes.stream().filter(o -> !o.reused()).count();
        }

        /** Submissions whose report was current. */
        public long reused() {
            return outcomes.stream().filter(Outcome::reused).count();
        }

        /** Submissions that could not be graded (compile errors, unreadable archives). */
        public long ungradable() {
            return outcomes.stream().filter(o -> !o.report().gradable()).count();
        }
    }

    /** Told about the run's progress; called from worker threads. */
    public interface Listener {
        /** The run found {@code total} submissions. */
        default void started(int total) {
        }

        /** One submission is done. */
        default void finished(Outcome outcome) {
        }
    }

    private final Options options;
    private final SubmissionGrader grader;
    private final String gradingKey;

    /**
     * @param options what to grade
     * @param grader  grades one submission
     */
    public BatchRun(Options options, SubmissionGrader grader) {
        this.options = options;
        this.grader = grader;
        this.gradingKey = "grader " + Grading.version() + " " + Grading.gitCommit() + " " + GraderBuild.stamp()
                + "\nsets " + options.sets().stream().map(Visibility::id).sorted().collect(Collectors.joining(","))
                + "\nassignments " + options.assignments().stream().map(Assignment::id)
                .collect(Collectors.joining(","));
    }

    /** Grades every submission, then writes the dashboard and grades.csv. */
    public Summary run(Listener listener) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Instant started = Instant.now();
        List<String> ignored = new ArrayList<>();
        Path out = options.out().toAbsolutePath().normalize();
        List<Submission> submissions = Submissions.scan(options.submissions(), ignored).stream()
                .filter(s -> !s.origin().toAbsolutePath().normalize().equals(out)) // --out inside the folder
                .toList();
        Files.createDirectories(options.out());
        Path scratch = Files.createTempDirectory("dlcourse-batch-");
        listener.started(submissions.size());
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.workers(), r -> {
            Thread t = new Thread(r, "batch-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Submission submission : submissions) {
                futures.add(pool.submit(() -> {
                    Outcome outcome = one(submission, scratch);
                    listener.finished(outcome);
                    return outcome;
                }));
            }
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch grading failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            SourceTree.delete(scratch);
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        List<ClassEntry> entries = outcomes.stream().map(o -> new ClassEntry(o.submission().student(), o.report(),
                o.submission().student() + "/" + HtmlReport.FILE_NAME)).toList();
        int graded = (int) outcomes.stream().filter(o -> !o.reused()).count();
        RunInfo run = new RunInfo(options.submissions().toAbsolutePath().normalize().toString(), started.toString(),
                wall, options.workers(), graded, outcomes.size() - graded);
        String title = options.out().toAbsolutePath().normalize().getFileName().toString();
        Path page = Dashboard.write(title, entries, run, options.out());
        return new Summary(outcomes, ignored, wall, page);
    }

    /** Opens, fingerprints and grades (or keeps) one submission; never throws for the student's sake. */
    private Outcome one(Submission submission, Path scratch) {
        long start = System.nanoTime();
        Path dir = options.out().resolve(submission.student());
        String origin = submission.origin().toAbsolutePath().normalize().toString();
        Report report;
        try (SourceTree sources = SourceTree.open(submission, scratch)) {
            String fingerprint = gradingKey + "\nsources " + sources.digest() + "\n";
            if (!options.force() && current(dir, fingerprint)) {
                return new Outcome(submission, ReportJson.read(dir.resolve(Grading.REPORT_JSON)), dir, true,
                        millis(start));
            }
            Path work = Files.createTempDirectory(scratch, "work-");
            Console.Bounded console = new Console.Bounded(CONSOLE_LIMIT);
            try {
                report = Console.divert(console, () -> grader.grade(submission.student(), sources, work));
            } finally {
                SourceTree.delete(work);
            }
            report = withImplementation(report, origin);
            write(report, dir, console.text());
            Files.writeString(dir.resolve(FINGERPRINT), fingerprint, StandardCharsets.UTF_8);
        } catch (UnpackException e) {
            report = grader.ungradable(submission.student(), origin, new Problem(Problem.UNPACK, e.getMessage()));
            write(report, dir, "");
        } catch (Exception e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            report = grader.ungradable(submission.student(), origin, new Problem(Problem.GRADER, trace.toString()));
            write(report, dir, "");
        }
        return new Outcome(submission, report, dir, false, millis(start));
    }

    /** Names the submission as it sits in the submissions folder (not the scratch copy) in the provenance. */
    private static Report withImplementation(Report report, String origin) {
        Provenance p = report.provenance();
        Provenance provenance = new Provenance(p.graderVersion(), p.gitCommit(), p.jdk(), p.simd(), p.seeds(),
                p.fixtureSet(), origin, p.startedAt(), p.millis());
        return new Report(report.subject(), provenance, report.score(), report.maxScore(), report.assignments(),
                report.problem());
    }

    private static boolean current(Path dir, String fingerprint) {
        Path file = dir.resolve(FINGERPRINT);
        try {
            return Files.isRegularFile(dir.resolve(Grading.REPORT_JSON)) && Files.isRegularFile(file)
                    && Files.readString(file, StandardCharsets.UTF_8).equals(fingerprint);
        } catch (IOException e) {
            return false;
        }
    }

    private static void write(Report report, Path dir, String console) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(FINGERPRINT));
            Files.deleteIfExists(dir.resolve(CONSOLE));
            Grading.write(report, dir);
            if (!console.isEmpty()) {
                Files.writeString(dir.resolve(CONSOLE), console, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report of " + report.subject() + " into " + dir, e);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Identifies the grader's build, so that a rebuilt grader regrades: the newest class file and the count. */
    static final class GraderBuild {
        private static final String STAMP = compute();

        private GraderBuild() {
        }

        static String stamp() {
            return STAMP;
        }

        private static String compute() {
            try {
                Path location = Path.of(BatchRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isRegularFile(location)) {
                    return location.getFileName() + "@" + Files.size(location) + "/"
                            + Files.getLastModifiedTime(location).toMillis();
                }
                try (Stream<Path> walk = Files.walk(location)) {
                    long[] stats = walk.filter(Files::isRegularFile).mapToLong(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toMillis();
                        } catch (IOException e) {
                            return 0;
                        }
                    }).collect(() -> new long[2], (a, t) -> {
                        a[0]++;
                        a[1] = Math.max(a[1], t);
                    }, (a, b) -> {
                        a[0] += b[0];
                        a[1] = Math.max(a[1], b[1]);
                    });
                    return "classes " + stats[0] + "/" + stats[1];
                }
            } catch (Exception e) {
                return "unknown build";
            }
        }
    }
}
