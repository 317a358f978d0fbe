package dlcourse.grader.sandbox;

import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckRunner;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import dlcourse.grader.run.Grader;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The entry point of a forked grading JVM: grades one submission's classes check by check and appends an event per
 * step to the events file (see {@link ChildProtocol}). Its class path holds the grader without the hidden
 * fixtures (sealed copies stand in for them), and no solution code. Functions the policy scan rejected are not
 * run. When a timed-out check's thread ignores its interrupt, the JVM ends itself with
 * {@link ChildProtocol#EXIT_STUCK}: the parent starts a fresh one for the remaining checks.
 */
public final class ChildMain {

    private ChildMain() {
    }

    /** {@code ChildMain <job.json>}. */
    public static void main(String[] args) {
        int status;
        try {
            status = run(ChildProtocol.MAPPER.readValue(Path.of(args[0]).toFile(), ChildProtocol.Job.class));
        } catch (Throwable t) {
            t.printStackTrace();
            status = ChildProtocol.EXIT_BROKEN;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);   // no waiting for threads student code may have left behind
    }

    private static int run(ChildProtocol.Job job) throws Exception {
        Set<Visibility> sets = job.sets().stream().map(s -> Visibility.valueOf(s.toUpperCase(java.util.Locale.ROOT)))
                .collect(Collectors.toSet());
        Grader grader = new Grader(new FixtureStore(), sets);
        URL classes = Path.of(job.classes()).toUri().toURL();
        try (Writer events = new OutputStreamWriter(new FileOutputStream(job.events(), true),
                StandardCharsets.UTF_8);
             URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ChildMain.class.getClassLoader())) {
            for (String id : job.assignments()) {
                Assignment<?> assignment = Course.assignment(id).orElseThrow(() ->
                        new IllegalArgumentException("unknown assignment " + id));
                if (!grade(assignment, grader, loader, job, events)) {
                    return ChildProtocol.EXIT_STUCK;
                }
            }
            emit(events, ChildProtocol.Event.done());
        }
        return 0;
    }

    /** Grades one assignment; false when a check's thread could not be stopped. */
    private static <T> boolean grade(Assignment<T> assignment, Grader grader, ClassLoader loader,
                                     ChildProtocol.Job job, Writer events) throws Exception {
        Map<String, String> rejected = job.rejected().getOrDefault(assignment.id(), Map.of());
        Grader.Session<T> session = grader.start(assignment, loader);
        int curves = 0;
        int figures = 0;
        for (Check<T> catalogued : session.checks()) {
            if (job.skip().contains(catalogued.id())) {
                continue;
            }
            Check<T> check = capped(catalogued, job.timeoutCapMillis());
            String reason = rejected.get(check.function());
            if (reason != null) {
                emit(events, ChildProtocol.Event.row(assignment.id(), session.record(check,
                        new Verdict.Rejected(reason)), null));
                continue;
            }
            emit(events, ChildProtocol.Event.start(assignment.id(), check.id()));
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            Grader.Executed executed = session.execute(check);
            int left = leftBehind(before, assignment.studentPackage());
            Map<String, com.fasterxml.jackson.databind.JsonNode> outputs =
                    executed.outcome().verdict() instanceof Verdict.Sealed sealed ? sealed.outputs() : null;
            if (left > 0 && !executed.outcome().leftRunning()) {
                CheckResult row = Grader.row(check, new CheckRunner.Outcome(new Verdict.Crashed(check.function()
                        + " left " + left + (left == 1 ? " thread" : " threads") + " running after it returned;"
                        + " graded code may not start threads, so its grading JVM was replaced."),
                        executed.row().millis()));
                emit(events, ChildProtocol.Event.row(assignment.id(), row, null));
                emit(events, new ChildProtocol.Event("threads", assignment.id(), check.id(), null, null, null, null));
                return false;
            }
            emit(events, ChildProtocol.Event.row(assignment.id(), executed.row(), outputs));
            AssignmentResult so = session.result();
            if (so.curves().size() > curves || so.figures().size() > figures) {
                emit(events, ChildProtocol.Event.extras(assignment.id(),
                        so.curves().subList(curves, so.curves().size()),
                        so.figures().subList(figures, so.figures().size())));
                curves = so.curves().size();
                figures = so.figures().size();
            }
            if (executed.outcome().leftRunning()) {
                emit(events, new ChildProtocol.Event("stuck", assignment.id(), check.id(), null, null, null, null));
                return false;
            }
        }
        return true;
    }

    /**
     * Threads started during a check that are still running student code a moment after it ended (threads the
     * JVM, Mockito or the core's thread pool start do not run student code, so they never count).
     */
    private static int leftBehind(Set<Thread> before, String studentPackage) throws InterruptedException {
        int running = 0;
        for (int attempt = 0; attempt < 50; attempt++) {
            running = 0;
            int starting = 0;
            for (var entry : Thread.getAllStackTraces().entrySet()) {
                Thread t = entry.getKey();
                if (before.contains(t) || !t.isAlive() || t.getName().startsWith("check ")) {
                    continue;
                }
                if (Arrays.stream(entry.getValue()).allMatch(f -> f.getClassName().equals(Thread.class.getName()))) {
                    starting++;          // started, not yet in its task (a busy machine): look again
                    continue;
                }
                for (StackTraceElement frame : entry.getValue()) {
                    if (frame.getClassName().startsWith(studentPackage)) {
                        running++;
                        break;
                    }
                }
            }
            if (starting == 0 && (running == 0 || attempt >= 4)) {
                return running;
            }
            Thread.sleep(20);
        }
        return running;
    }

    private static <T> Check<T> capped(Check<T> check, long capMillis) {
        return capMillis > 0 && check.timeout().toMillis() > capMillis ? check.withTimeout(Duration.ofMillis(capMillis))
                : check;
    }

    private static void emit(Writer events, ChildProtocol.Event event) throws java.io.IOException {
        events.write(event.line());
        events.write('\n');
        events.flush();
    }
}
