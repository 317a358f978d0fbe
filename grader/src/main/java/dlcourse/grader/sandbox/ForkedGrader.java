package dlcourse.grader.sandbox;

import dlcourse.data.DataDirectory;
import dlcourse.grader.batch.SourceTree;
import dlcourse.grader.batch.SubmissionCompiler;
import dlcourse.grader.batch.SubmissionGrader;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckRunner;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.Values;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Curve;
import dlcourse.grader.report.Figure;
import dlcourse.grader.report.Problem;
import dlcourse.grader.report.Report;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Grader;
import dlcourse.grader.run.Grading;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Grades each submission in JVMs of its own, as untrusted code must be: compiles it here, scans its bytecode
 * against the {@link Policy} ({@link PolicyScan}; functions that reach a refused call score 0, the offending
 * methods are neutralised), then forks a grading JVM ({@link ChildMain}) with a heap cap, an empty environment, a
 * class path without hidden fixtures or solutions, and per-check time limits. A watchdog here kills the child's
 * whole process tree when a check overruns its limit or the submission its time budget; what the child printed is
 * drained and kept up to a cap. A child that dies is replaced by a fresh one that continues after the check it died
 * in, so one hostile function costs that function its points and leaves the rest graded. This JVM writes the
 * report whatever happened.
 */
public final class ForkedGrader implements SubmissionGrader, AutoCloseable {

    /**
     * Limits for each submission.
     *
     * @param heapMegabytes    the child JVM's {@code -Xmx}
     * @param checkTimeoutCap  no check runs longer than this in a child (null: the catalog's own limits)
     * @param budget           wall time a submission's children may use in all; the checks left when it is spent
     *                         are not run
     * @param restarts         children started again after one died, per submission
     * @param scan             whether the bytecode policy scan runs (tests turn it off to exercise the process
     *                         defences on their own)
     */
    public record Limits(int heapMegabytes, Duration checkTimeoutCap, Duration budget, int restarts, boolean scan) {

        /** The defaults of {@code dlcourse batch}. */
        public static Limits standard() {
            return new Limits(1024, null, Duration.ofMinutes(10), 20, true);
        }

        /** Validates. */
        public Limits {
            if (heapMegabytes < 64) {
                throw new IllegalArgumentException("a grading JVM needs at least 64 MB of heap: " + heapMegabytes);
            }
            if (budget == null || budget.isNegative() || budget.isZero()) {
                throw new IllegalArgumentException("the time budget must be positive: " + budget);
            }
            if (restarts < 0) {
                throw new IllegalArgumentException("restarts must be >= 0: " + restarts);
            }
        }
    }

    /** Time a check gets beyond its own limit before the watchdog kills the child (JVM start, class loading). */
    static final Duration WATCHDOG_SLACK = Duration.ofSeconds(10);
    /** Time a child may take to start before the first check. */
    static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final List<Assignment<?>> assignments;
    private final Set<Visibility> sets;
    private final Limits limits;
    private final List<PolicyScan.Target> targets;
    private final List<PolicyScan.Target> everyAssignment;
    private final Path home;
    private ChildRuntime runtime;
    private final List<AssignmentResult> empty;
    private final AtomicLong forks = new AtomicLong();
    private final AtomicLong forkMillis = new AtomicLong();

    /**
     * @param assignments the assignments to grade, in course order
     * @param sets        the fixture sets to grade with
     * @param limits      per-submission limits
     */
    public ForkedGrader(List<Assignment<?>> assignments, Set<Visibility> sets, Limits limits) throws IOException {
        this.assignments = List.copyOf(assignments);
        this.sets = Set.copyOf(sets);
        this.limits = limits;
        this.targets = this.assignments.stream().map(PolicyScan.Target::of).toList();
        this.everyAssignment = dlcourse.grader.run.Course.assignments().stream().map(PolicyScan.Target::of).toList();
        this.home = Files.createTempDirectory("dlcourse-forked-");
        List<AssignmentResult> zero = new ArrayList<>();
        for (Assignment<?> assignment : this.assignments) {
            zero.add(new AssignmentResult(assignment.id(), assignment.title(), 0, 0, List.of(), List.of()));
        }
        this.empty = zero;
    }

    private synchronized ChildRuntime runtime() throws IOException {
        if (runtime == null) {
            runtime = ChildRuntime.prepare(home.resolve("runtime"), assignments, sets);
        }
        return runtime;
    }

    /** The class path the children get (for tests: no hidden fixture, no solution). */
    public List<Path> childClassPath() throws IOException {
        return runtime().entries();
    }

    /** Children started so far, and the wall time from start to their first event, summed (for the note). */
    public long[] forkStatistics() {
        return new long[] {forks.get(), forkMillis.get()};
    }

    @Override
    public Report grade(String student, SourceTree sources, Path work) {
        long start = System.nanoTime();
        String origin = sources.root().toString();
        try {
            Path classes = work.resolve("classes");
            SubmissionCompiler.Result compiled = SubmissionCompiler.compile(sources.root(), sources.files(), classes);
            if (!compiled.success()) {
                return ungradable(student, origin, new Problem(Problem.COMPILE, compiled.messages()), start);
            }
            PolicyScan.Result scan = limits.scan()
                    ? PolicyScan.scan(classes, targets, everyAssignment)
                    : PolicyScan.Result.none();
            PolicyScan.neutralise(classes, scan);
            List<AssignmentResult> results = run(student, classes, scan, work);
            return Grading.report(student, origin, sets, results, millis(start));
        } catch (IOException | RuntimeException e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            return ungradable(student, origin, new Problem(Problem.GRADER, trace.toString()), start);
        }
    }

    @Override
    public Report ungradable(String student, String origin, Problem problem) {
        return ungradable(student, origin, problem, System.nanoTime());
    }

    private Report ungradable(String student, String origin, Problem problem, long start) {
        List<AssignmentResult> none = new ArrayList<>();
        try {
            for (Assignment<?> a : assignments) {
                double max = runtime().catalog(a.id()).values().stream().mapToDouble(Check::points).sum();
                none.add(new AssignmentResult(a.id(), a.title(), 0, max, List.of(), List.of()));
            }
        } catch (IOException e) {
            none = empty;
        }
        Report base = Grading.report(student, origin, sets, none, millis(start));
        return Report.ungradable(student, base.provenance(), none, problem);
    }

    // ------------------------------------------------------------------------------------------ the children

    /** What the children of one submission told, merged. */
    private static final class Collected {
        final Map<String, CheckResult> rows = new HashMap<>();
        final Map<String, Map<String, com.fasterxml.jackson.databind.JsonNode>> sealed = new HashMap<>();
        final Map<String, List<Curve>> curves = new HashMap<>();
        final Map<String, List<Figure>> figures = new HashMap<>();
        /** Checks whose function broke a grading JVM (hung, ended it, left threads behind) → what it did. */
        final Map<String, String> broken = new LinkedHashMap<>();
        boolean done;
    }

    private List<AssignmentResult> run(String student, Path classes, PolicyScan.Result scan, Path work)
            throws IOException {
        ChildRuntime rt = runtime();
        Collected got = new Collected();
        long deadline = System.nanoTime() + limits.budget().toNanos();
        int deaths = 0;
        String lastDeath = null;
        boolean outOfTime = false;
        for (int child = 0; !got.done; child++) {
            if (System.nanoTime() > deadline) {
                outOfTime = true;
                break;
            }
            Death death = fork(student, classes, scan, work, child, got, deadline);
            if (death == null) {
                break;
            }
            if (death.noProgress) {
                throw new IllegalStateException("the grading JVM ended before grading anything (exit code "
                        + death.exitCode + "):\n" + death.output);
            }
            deaths++;
            lastDeath = death.what;
            skipHanging(rt, scan, got);
            if (death.budgetSpent) {
                outOfTime = true;
                break;
            }
            if (deaths > limits.restarts()) {
                break;
            }
        }
        List<AssignmentResult> results = new ArrayList<>();
        for (Assignment<?> assignment : assignments) {
            List<CheckResult> rows = new ArrayList<>();
            for (Check<?> check : rt.catalog(assignment.id()).values()) {
                CheckResult row = got.rows.get(check.id());
                if (row == null) {
                    String why = outOfTime ? "Not run: this submission used up its time budget of "
                            + seconds(limits.budget()) + " (checks that ran before it took too long)."
                            : "Not run: the grading JVM died " + deaths + " times (last: " + lastDeath
                            + "), so the remaining checks were not run.";
                    row = Grader.row(check, new CheckRunner.Outcome(new Verdict.Crashed(why), 0));
                } else {
                    row = settle(check, row, got.sealed.get(check.id()));
                }
                rows.add(row);
            }
            double score = rows.stream().mapToDouble(CheckResult::points).sum();
            double max = rows.stream().mapToDouble(CheckResult::maxPoints).sum();
            results.add(new AssignmentResult(assignment.id(), assignment.title(), score, max, rows,
                    got.curves.getOrDefault(assignment.id(), List.of()),
                    got.figures.getOrDefault(assignment.id(), List.of())));
        }
        return results;
    }

    /**
     * After a function hung (a check ran past its limit and could not be stopped), its remaining checks and those
     * of every function whose code calls it are not run: each would hang again and cost a JVM.
     */
    private void skipHanging(ChildRuntime rt, PolicyScan.Result scan, Collected got) {
        for (var broke : got.broken.entrySet()) {
            Check<?> culprit = find(rt, broke.getKey());
            if (culprit == null) {
                continue;
            }
            String assignment = broke.getKey().substring(0, broke.getKey().indexOf('.'));
            Set<String> affected = scan.callers(assignment, culprit.function());
            for (Check<?> check : rt.catalog(assignment).values()) {
                if (got.rows.containsKey(check.id()) || !affected.contains(check.function())) {
                    continue;
                }
                String note = "Not run: in an earlier check (" + culprit.title() + "), " + culprit.function() + " "
                        + broke.getValue() + (check.function().equals(culprit.function()) ? "."
                        : "; " + check.function() + " calls it.");
                Verdict verdict = broke.getValue().startsWith("ran past")
                        ? new Verdict.TimedOut(limitOf(rt, check.id()), note) : new Verdict.Crashed(note);
                got.rows.put(check.id(), Grader.row(check, new CheckRunner.Outcome(verdict, 0)));
            }
        }
    }

    /**
     * The final row of a check as the child reported it: a sealed hidden case judged here against the real
     * reference; the points recomputed from this JVM's catalog (never taken from the child).
     */
    private static CheckResult settle(Check<?> check, CheckResult row,
                                      Map<String, com.fasterxml.jackson.databind.JsonNode> outputs) {
        if ("sealed".equals(row.verdict())) {
            Verdict verdict;
            if (check.judge() == null || outputs == null) {
                verdict = new Verdict.GraderError("check " + check.id() + " came back sealed but cannot be judged");
            } else {
                Map<String, Object> decoded = new LinkedHashMap<>();
                outputs.forEach((k, v) -> decoded.put(k, Values.decode(v)));
                verdict = check.judge().judge(decoded);
            }
            return Grader.row(check, new CheckRunner.Outcome(verdict, row.millis()));
        }
        boolean passed = "passed".equals(row.verdict());
        double max = "grader_error".equals(row.verdict()) ? 0 : check.points();
        return new CheckResult(check.id(), check.function(), check.kind().id(), check.visibility().id(),
                check.title(), passed ? check.points() : 0, max, row.verdict(), row.message(), row.diagnosis(),
                row.millis(), row.detail());
    }

    /** How a child ended when it did not finish. */
    private record Death(String what, int exitCode, boolean noProgress, boolean budgetSpent, String output) {
    }

    /** Runs one child until it finishes (null) or dies. */
    private Death fork(String student, Path classes, PolicyScan.Result scan, Path work, int n, Collected got,
                       long deadline) throws IOException {
        ChildRuntime rt = runtime();
        Path events = work.resolve("events-" + n + ".jsonl");
        Path job = work.resolve("job-" + n + ".json");
        Path tmp = Files.createDirectories(work.resolve("tmp"));
        ChildProtocol.MAPPER.writeValue(job.toFile(), new ChildProtocol.Job(student, classes.toString(),
                assignments.stream().map(Assignment::id).toList(), sets.stream().map(Visibility::id).sorted().toList(),
                scan.rejected(), new LinkedHashSet<>(got.rows.keySet()),
                limits.checkTimeoutCap() == null ? 0 : limits.checkTimeoutCap().toMillis(), events.toString()));
        Files.writeString(events, "");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.add("-Xmx" + limits.heapMegabytes() + "m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:-UsePerfData");
        if (Runtime.version().feature() >= 21) {
            command.add("-XX:+EnableDynamicAgentLoading");   // Mockito's inline mock maker
        }
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Dfile.encoding=UTF-8");
        for (String property : List.of("dlcourse.root", "dlcourse.simd")) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        for (DataDirectory.Location location : DataDirectory.standard().locations()) {
            if (Files.isDirectory(location.directory())) {
                command.add("-D" + DataDirectory.DATA_PROPERTY + "=" + location.directory().toAbsolutePath());
                break;
            }
        }
        command.add("-cp");
        command.add(rt.classPath());
        command.add(ChildMain.class.getName());
        command.add(job.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();                                  // no inherited secrets
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("TF_CPP_MIN_LOG_LEVEL", "2");

        long started = System.nanoTime();
        Process process = builder.start();
        forks.incrementAndGet();
        Drain drain = new Drain(process.getInputStream(), System.out);
        drain.start();
        Tail tail = new Tail(events);
        String running = null;
        long runningSince = started;
        Duration runningLimit = START_LIMIT;
        boolean progress = false;
        boolean firstEvent = true;
        String killedFor = null;
        boolean budgetSpent = false;
        try {
            while (true) {
                boolean exited = process.waitFor(100, TimeUnit.MILLISECONDS);
                for (String line : tail.lines()) {
                    ChildProtocol.Event e = ChildProtocol.Event.parse(line);
                    if (firstEvent) {
                        forkMillis.addAndGet(millis(started));
                        firstEvent = false;
                    }
                    switch (e.type()) {
                        case "start" -> {
                            running = e.check();
                            runningSince = System.nanoTime();
                            runningLimit = limitOf(rt, e.check()).plus(WATCHDOG_SLACK);
                        }
                        case "row" -> {
                            got.rows.put(e.check(), e.row());
                            if (e.outputs() != null) {
                                got.sealed.put(e.check(), e.outputs());
                            }
                            running = null;
                            runningSince = System.nanoTime();
                            runningLimit = START_LIMIT;
                            progress = true;
                        }
                        case "extras" -> {
                            got.curves.computeIfAbsent(e.assignment(), k -> new ArrayList<>()).addAll(e.curves());
                            got.figures.computeIfAbsent(e.assignment(), k -> new ArrayList<>()).addAll(e.figures());
                        }
                        case "stuck" -> got.broken.put(e.check(), "ran past its time limit and could not be"
                                + " stopped");
                        case "threads" -> got.broken.put(e.check(), "left threads running");
                        case "done" -> got.done = true;
                        default -> throw new IllegalStateException("unknown event " + e.type());
                    }
                }
                if (exited) {
                    break;
                }
                long now = System.nanoTime();
                if (now > deadline) {
                    killedFor = "it used up the submission's time budget of " + seconds(limits.budget());
                    budgetSpent = true;
                } else if (now - runningSince > runningLimit.toNanos()) {
                    killedFor = running == null ? "it did not answer for " + seconds(runningLimit)
                            : "the check ran " + seconds(runningLimit) + " beyond its time limit and ignored being"
                            + " interrupted";
                }
                if (killedFor != null) {
                    kill(process);
                    process.waitFor(10, TimeUnit.SECONDS);
                    for (String line : tail.lines()) {   // whatever it wrote last
                        ChildProtocol.Event e = ChildProtocol.Event.parse(line);
                        if (e.type().equals("row")) {
                            got.rows.put(e.check(), e.row());
                            running = null;
                        }
                    }
                    break;
                }
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("grading was interrupted");
        } finally {
            drain.finish();
        }
        if (got.done && killedFor == null) {
            return null;
        }
        int exit = process.isAlive() ? -1 : process.exitValue();
        if (exit == ChildProtocol.EXIT_BROKEN && !progress) {
            return new Death("set-up failed", exit, true, false, drain.text());
        }
        String what;
        if (killedFor != null) {
            what = "stopped because " + killedFor;
        } else if (exit == ChildProtocol.EXIT_STUCK) {
            what = "a timed-out check's thread would not stop, so its JVM ended itself";
        } else {
            what = exitInWords(exit, drain.text());
        }
        if (running != null) {
            Check<?> check = find(rt, running);
            Verdict verdict = killedFor != null && !budgetSpent
                    ? new Verdict.TimedOut(limitOf(rt, running))
                    : new Verdict.Crashed("The grading JVM " + (killedFor != null ? "was " : "") + what
                    + " while this check ran.");
            if (check != null) {
                got.rows.put(running, Grader.row(check, new CheckRunner.Outcome(verdict, millis(runningSince))));
                got.broken.put(running, verdict instanceof Verdict.TimedOut
                        ? "ran past its time limit and could not be stopped" : "ended the grading JVM");
            }
        } else if (!progress && killedFor == null) {
            return new Death(what, exit, true, false, drain.text());
        }
        return new Death(what, exit, false, budgetSpent, drain.text());
    }

    private static String exitInWords(int exit, String output) {
        if (output.contains("java.lang.OutOfMemoryError")) {
            return "ran out of memory (exit code " + exit + ")";
        }
        if (exit == 137 || exit == 9) {
            return "was killed (exit code " + exit + ": out of memory?)";
        }
        return "ended with exit code " + exit + " (does the code call System.exit or Runtime.halt?)";
    }

    private Duration limitOf(ChildRuntime rt, String checkId) {
        Check<?> check = find(rt, checkId);
        Duration limit = check == null ? Check.DEFAULT_TIMEOUT : check.timeout();
        Duration cap = limits.checkTimeoutCap();
        return cap != null && limit.compareTo(cap) > 0 ? cap : limit;
    }

    private Check<?> find(ChildRuntime rt, String checkId) {
        for (Assignment<?> a : assignments) {
            Check<?> c = rt.catalog(a.id()).get(checkId);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** Kills the child and everything it started. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.0f s", d.toMillis() / 1000.0);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Override
    public void close() {
        SourceTree.delete(home);
    }

    /** Reads the lines appended to the events file since the last call. */
    private static final class Tail {
        private final Path file;
        private long offset;
        private final StringBuilder partial = new StringBuilder();

        Tail(Path file) {
            this.file = file;
        }

        List<String> lines() throws IOException {
            List<String> out = new ArrayList<>();
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                long length = in.length();
                if (length <= offset) {
                    return out;
                }
                byte[] bytes = new byte[(int) (length - offset)];
                in.seek(offset);
                in.readFully(bytes);
                offset = length;
                partial.append(new String(bytes, StandardCharsets.UTF_8));
            }
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                String line = partial.substring(0, nl);
                partial.delete(0, nl + 1);
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
            return out;
        }
    }

    /**
     * Drains the child's output (stdout and stderr) so that it never blocks on a full pipe, passing it on line by
     * line to {@code sink} (the batch's per-submission console, which keeps only the first bytes) without the JVM's
     * own start-up warnings, and keeping the last few kilobytes for messages.
     */
    private static final class Drain extends Thread {
        /** Lines the JVM itself prints (the Vector API incubator, class sharing off once Mockito's agent loads). */
        private static final List<String> JVM_NOISE = List.of("WARNING: Using incubator modules:",
                "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes");
        private static final int LONGEST_LINE = 1 << 16;

        private final InputStream in;
        private final PrintStream sink;
        private final byte[] last = new byte[4096];
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        private long total;

        Drain(InputStream in, PrintStream sink) {
            super("child-output");
            setDaemon(true);
            this.in = in;
            this.sink = sink;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    int from = 0;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            line.write(buffer, from, i + 1 - from);
                            from = i + 1;
                            pass();
                        }
                    }
                    line.write(buffer, from, n - from);
                    if (line.size() > LONGEST_LINE) {
                        pass();
                    }
                    synchronized (this) {
                        keep(buffer, n);
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
            pass();
            sink.flush();
        }

        private void pass() {
            if (line.size() == 0) {
                return;
            }
            String text = line.size() < 200 ? line.toString(StandardCharsets.UTF_8) : "";
            if (JVM_NOISE.stream().noneMatch(text::startsWith)) {
                sink.write(line.toByteArray(), 0, line.size());
            }
            line.reset();
        }

        private void keep(byte[] buffer, int n) {
            if (n >= last.length) {
                System.arraycopy(buffer, n - last.length, last, 0, last.length);
            } else {
                System.arraycopy(last, n, last, 0, last.length - n);
                System.arraycopy(buffer, 0, last, last.length - n, n);
            }
            total += n;
        }

        void finish() {
            try {
                join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        synchronized String text() {
            int size = (int) Math.min(total, last.length);
            return new String(last, last.length - size, size, StandardCharsets.UTF_8);
        }
    }
}
