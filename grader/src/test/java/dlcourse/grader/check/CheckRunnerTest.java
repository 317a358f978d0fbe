package dlcourse.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.NotImplementedYet;
import dlcourse.grader.report.Detail;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {

    private static final Duration LIMIT = Duration.ofMillis(200);
    /** Generous: the runner must give up after about {@link #LIMIT}, far sooner than this. */
    private static final long RETURNS_WITHIN_MILLIS = 3_000;
    private static final String ID = "toy.forward.value.seed-1";
    private static final Path SOURCE = Path.of("src/test/java/dlcourse/grader/check/CheckRunnerTest.java");

    /** Lets the endless loops of {@link Student} end after each test, so no thread keeps burning CPU. */
    private static volatile boolean released;

    private final CheckRunner runner = new CheckRunner(name -> name.startsWith(Student.class.getName()));
    private final CheckContext<Student> context = new CheckContext<>(Student::new, Student.class);

    /** Stands in for a student's class: the runner is told its frames are student code. */
    static final class Student {

        Matrix forward(Matrix w, Matrix x) {
            return w.dot(x); // student line: forward
        }

        int depth(int n) {
            return depth(n + 1) + 1; // student line: depth
        }

        double learningRate(double alpha) {
            throw new IllegalArgumentException("learning rate must be positive: " + alpha); // student line: rate
        }

        Matrix sigmoid(Matrix z) {
            throw new NotImplementedYet("sigmoid");
        }

        long spin() {
            long n = 0;
            while (!released) {
                n++;
            }
            return n;
        }

        void napThroughInterrupts() {
            while (!released) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException ignored) {
                    // the mistake under test: the interrupt is swallowed and the loop goes on
                }
            }
        }
    }

    @BeforeEach
    void hold() {
        released = false;
    }

    @AfterEach
    void release() {
        released = true;
        Thread.interrupted();
    }

    private static Check<Student> check(Duration timeout, Check.Body<Student> body) {
        return new Check<>(ID, "forward", Kind.VALUE, Visibility.PUBLIC, "value (seed 1)", 2, timeout, body);
    }

    private CheckRunner.Outcome run(Check.Body<Student> body) {
        return runner.run(check(Check.DEFAULT_TIMEOUT, body), context);
    }

    /** The 1-based line of this file that ends with {@code // <marker>}, e.g. {@code // student line: rate}. */
    private static int line(String marker) throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        String tag = "// " + (marker.contains(":") ? marker : "student line: " + marker);
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(tag)) {
                assertEquals(-1, found, "marker " + marker + " is not unique");
                found = i + 1;
            }
        }
        assertTrue(found > 0, "marker " + marker + " not found in " + SOURCE);
        return found;
    }

    @Test
    void a_verdict_returned_by_the_body_is_reported_as_it_is() {
        Verdict.Passed passed = new Verdict.Passed("forward returns the expected Z on seed 1.");

        CheckRunner.Outcome outcome = run(ctx -> passed);

        assertSame(passed, outcome.verdict());
        assertTrue(outcome.millis() >= 0 && outcome.millis() < RETURNS_WITHIN_MILLIS, "millis " + outcome.millis());
    }

    @Test
    void the_body_runs_on_its_own_daemon_thread_named_after_the_check() {
        CheckRunner.Outcome outcome = run(ctx -> new Verdict.Passed(Thread.currentThread().getName()
                + (Thread.currentThread().isDaemon() ? " (daemon)" : "")));

        assertEquals("check " + ID + " (daemon)", outcome.verdict().message());
    }

    @Test
    void a_check_failure_ends_the_check_with_its_own_failed_verdict() {
        Detail detail = new Detail("Z", "(1, 3)", "(1, 3)", List.of(0, 2), 0.25, 0.5, 1, 3, "STRICT", null, null, null,
                null, null);
        Verdict.Failed failed = new Verdict.Failed("Z is wrong.", "leaving out the 1/m averaging factor", detail);

        CheckRunner.Outcome outcome = run(ctx -> {
            throw new CheckFailure(failed);
        });

        assertSame(failed, outcome.verdict());
    }

    @Test
    void a_check_failure_with_a_plain_message_becomes_failed_with_that_message() {
        CheckRunner.Outcome outcome = run(ctx -> {
            throw new CheckFailure("cost is 0.5 but 0.25 was expected.");
        });

        assertEquals(new Verdict.Failed("cost is 0.5 but 0.25 was expected.", null, null), outcome.verdict());
        assertEquals("failed", outcome.verdict().id());
    }

    @Test
    void a_check_failure_wrapped_in_another_exception_is_still_a_failure() {
        CheckRunner.Outcome outcome = run(ctx -> {
            throw new IllegalStateException("spy", new CheckFailure("sigmoid was never called."));
        });

        assertEquals(new Verdict.Failed("sigmoid was never called."), outcome.verdict());
    }

    @Test
    void not_implemented_yet_from_the_skeleton_is_reported_as_not_implemented() {
        CheckRunner.Outcome outcome = run(ctx -> {
            ctx.fresh().sigmoid(Matrix.zeros(1, 1));
            return new Verdict.Passed("unreachable");
        });

        assertEquals(new Verdict.NotImplemented("sigmoid"), outcome.verdict());
        assertEquals("sigmoid is not implemented yet.", outcome.verdict().message());
        assertEquals("not_implemented", outcome.verdict().id());
    }

    @Test
    void not_implemented_yet_anywhere_in_the_cause_chain_is_reported_as_not_implemented() {
        CheckRunner.Outcome outcome = run(ctx -> {
            throw new IllegalStateException("reflective call failed",
                    new InvocationTargetException(new NotImplementedYet("propagate")));
        });

        assertEquals(new Verdict.NotImplemented("propagate"), outcome.verdict());
    }

    @Test
    void an_exception_thrown_by_student_code_is_errored_at_the_students_file_line_and_method() throws IOException {
        CheckRunner.Outcome outcome = run(ctx -> {
            ctx.fresh().learningRate(-0.5);
            return new Verdict.Passed("unreachable");
        });

        String location = "CheckRunnerTest.java:" + line("rate") + " (in learningRate)";
        assertEquals(new Verdict.Errored("IllegalArgumentException: learning rate must be positive: -0.5", location),
                outcome.verdict());
        assertEquals("Your code threw IllegalArgumentException: learning rate must be positive: -0.5 at " + location
                + ".", outcome.verdict().message());
        assertEquals("errored", outcome.verdict().id());
    }

    @Test
    void an_exception_thrown_inside_core_is_located_at_the_student_line_that_made_the_call() throws IOException {
        Matrix w = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);

        CheckRunner.Outcome outcome = run(ctx -> {
            ctx.fresh().forward(w, w);
            return new Verdict.Passed("unreachable");
        });

        assertEquals(new Verdict.Errored("ShapeException: shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)",
                "CheckRunnerTest.java:" + line("forward") + " (in forward)"), outcome.verdict());
    }

    @Test
    void a_stack_overflow_in_student_code_is_errored_with_the_recursion_hint() throws IOException {
        CheckRunner.Outcome outcome = run(ctx -> new Verdict.Passed("depth " + ctx.fresh().depth(0)));

        Verdict.Errored expected = new Verdict.Errored("StackOverflowError (a method that keeps calling itself?)",
                "CheckRunnerTest.java:" + line("depth") + " (in depth)");
        assertEquals(expected, outcome.verdict());
        assertEquals("Your code threw StackOverflowError (a method that keeps calling itself?) at CheckRunnerTest.java:"
                + line("depth") + " (in depth).", outcome.verdict().message());
    }

    @Test
    void a_stack_overflow_or_out_of_memory_without_a_student_frame_is_still_errored_without_a_location() {
        CheckRunner.Outcome overflow = run(ctx -> {
            throw new StackOverflowError();
        });
        CheckRunner.Outcome memory = run(ctx -> {
            throw new OutOfMemoryError("Java heap space");
        });

        assertEquals(new Verdict.Errored("StackOverflowError (a method that keeps calling itself?)", null),
                overflow.verdict());
        assertEquals("Your code threw OutOfMemoryError (a matrix far larger than needed?).",
                memory.verdict().message());
    }

    @Test
    void an_exception_with_no_student_frame_is_a_grader_error_naming_where_it_happened() throws IOException {
        CheckRunner.Outcome outcome = run(ctx -> {
            throw new IllegalStateException("fixture case 'seed 1' has no input 'x'"); // grader line: fixture
        });

        Verdict.GraderError error = assertInstanceOf(Verdict.GraderError.class, outcome.verdict());
        assertTrue(error.message().startsWith("internal grader error — not your fault: IllegalStateException: fixture"
                + " case 'seed 1' has no input 'x' (at dlcourse.grader.check.CheckRunnerTest."), error.message());
        assertTrue(error.message().endsWith("(CheckRunnerTest.java:" + line("grader line: fixture") + "))"),
                error.message());
        assertEquals("grader_error", error.id());
        assertFalse(error.earnsPoints());
        assertFalse(error.countsTowardsMaximum(), "a grader error never costs points");
    }

    @Test
    void a_grader_error_without_a_stack_trace_is_just_the_exception() {
        IllegalStateException traceless = new IllegalStateException("the public fixtures are missing");
        traceless.setStackTrace(new StackTraceElement[0]);

        CheckRunner.Outcome outcome = run(ctx -> {
            throw traceless;
        });

        assertEquals(new Verdict.GraderError("IllegalStateException: the public fixtures are missing"),
                outcome.verdict());
        assertEquals("internal grader error — not your fault: IllegalStateException: the public fixtures are missing",
                outcome.verdict().message());
    }

    @Test
    void a_body_that_returns_no_verdict_is_a_grader_error() {
        CheckRunner.Outcome outcome = run(ctx -> null);

        assertEquals(new Verdict.GraderError("check " + ID + " returned no verdict"), outcome.verdict());
        assertEquals("internal grader error — not your fault: check " + ID + " returned no verdict",
                outcome.verdict().message());
    }

    @Test
    void a_cpu_bound_endless_loop_times_out_after_about_the_limit() {
        long start = System.nanoTime();

        CheckRunner.Outcome outcome = runner.run(check(LIMIT, ctx -> new Verdict.Passed("spun " + ctx.fresh().spin())),
                context);

        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(new Verdict.TimedOut(LIMIT), outcome.verdict());
        assertEquals("Stopped after 0.2 s: is there a loop that never ends, or far more iterations than asked for?",
                outcome.verdict().message());
        assertEquals("timed_out", outcome.verdict().id());
        assertTrue(outcome.millis() >= LIMIT.toMillis(), "outcome millis " + outcome.millis());
        assertTrue(elapsed < RETURNS_WITHIN_MILLIS, "returned after " + elapsed + " ms");
    }

    @Test
    void a_loop_that_swallows_interrupts_still_times_out_after_about_the_limit() {
        long start = System.nanoTime();

        CheckRunner.Outcome outcome = runner.run(check(LIMIT, ctx -> {
            ctx.fresh().napThroughInterrupts();
            return new Verdict.Passed("woke up");
        }), context);

        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(new Verdict.TimedOut(LIMIT), outcome.verdict());
        assertTrue(elapsed < RETURNS_WITHIN_MILLIS, "returned after " + elapsed + " ms");
    }

    @Test
    void a_timed_out_check_is_interrupted_so_that_code_which_listens_can_stop() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);

        CheckRunner.Outcome outcome = runner.run(check(LIMIT, ctx -> {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait();
            }
            stopped.countDown();
            return new Verdict.Passed("interrupted");
        }), context);

        assertEquals(new Verdict.TimedOut(LIMIT), outcome.verdict());
        assertTrue(stopped.await(RETURNS_WITHIN_MILLIS, TimeUnit.MILLISECONDS), "the check thread was not interrupted");
    }

    @Test
    void interrupting_the_grading_thread_ends_the_check_with_a_grader_error_and_keeps_the_interrupt() {
        Thread.currentThread().interrupt();

        CheckRunner.Outcome outcome = run(ctx -> {
            ctx.fresh().napThroughInterrupts();
            return new Verdict.Passed("woke up");
        });

        assertEquals(new Verdict.GraderError("grading was interrupted"), outcome.verdict());
        assertTrue(Thread.interrupted(), "the caller's interrupt flag is restored");
    }
}
