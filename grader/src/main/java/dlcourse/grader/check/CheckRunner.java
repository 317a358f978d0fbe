package dlcourse.grader.check;

import dlcourse.course.NotImplementedYet;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs one check under a preemptive time limit and classifies whatever happens into a {@link Verdict}.
 *
 * <p>Each check runs on its own daemon thread. When the limit passes, the runner interrupts the thread and moves
 * on with a {@link Verdict.TimedOut}: a CPU-bound loop in student code cannot hang the run (the abandoned thread
 * dies with the JVM; batch grading isolates submissions in their own JVMs).
 */
public final class CheckRunner {

    /**
     * Where a check ended, with its duration.
     *
     * @param verdict     the verdict
     * @param millis      how long it ran
     * @param leftRunning whether the check's thread was still running a moment after it was interrupted (code that
     *                    ignores interrupts): the thread cannot be stopped, so a forked grading JVM ends itself
     */
    public record Outcome(Verdict verdict, long millis, boolean leftRunning) {
        /** An outcome whose thread ended. */
        public Outcome(Verdict verdict, long millis) {
            this(verdict, millis, false);
        }
    }

    /** How long a timed-out check's thread gets to end after it was interrupted. */
    static final long GRACE_MILLIS = 500;

    private final Predicate<String> studentClass;

    /**
     * @param studentClass tells student classes (whose frames locate errors) from grader and core classes
     */
    public CheckRunner(Predicate<String> studentClass) {
        this.studentClass = studentClass;
    }

    /** Runs the check against the context, never throwing. */
    public <T> Outcome run(Check<T> check, CheckContext<T> context) {
        long start = System.nanoTime();
        FutureTask<Verdict> task = new FutureTask<>(() -> check.body().run(context));
        Thread thread = new Thread(task, "check " + check.id());
        thread.setDaemon(true);
        thread.start();
        Verdict verdict;
        boolean leftRunning = false;
        try {
            verdict = task.get(check.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (verdict == null) {
                verdict = new Verdict.GraderError("check " + check.id() + " returned no verdict");
            }
        } catch (TimeoutException e) {
            thread.interrupt();
            verdict = new Verdict.TimedOut(check.timeout());
            leftRunning = !ended(thread);
        } catch (ExecutionException e) {
            verdict = classify(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            verdict = new Verdict.GraderError("grading was interrupted");
        }
        return new Outcome(verdict, Duration.ofNanos(System.nanoTime() - start).toMillis(), leftRunning);
    }

    private static boolean ended(Thread thread) {
        try {
            thread.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    /** Turns an exception that ended a check into a verdict. */
    Verdict classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CheckFailure failure) {
                return failure.verdict();
            }
            if (t instanceof NotImplementedYet missing) {
                return new Verdict.NotImplemented(missing.function());
            }
            if (t instanceof PolicyViolation violation) {
                return new Verdict.Rejected(violation.getMessage());
            }
        }
        String location = studentLocation(thrown);
        if (location != null || thrown instanceof StackOverflowError || thrown instanceof OutOfMemoryError) {
            return new Verdict.Errored(describe(thrown), location);
        }
        return new Verdict.GraderError(describe(thrown) + at(thrown));
    }

    private static String describe(Throwable t) {
        if (t instanceof StackOverflowError) {
            return "StackOverflowError (a method that keeps calling itself?)";
        }
        if (t instanceof OutOfMemoryError) {
            return "OutOfMemoryError (a matrix far larger than needed?)";
        }
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String at(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length == 0 ? "" : " (at " + trace[0] + ")";
    }

    /** The first frame of student code in the exception's stack, as {@code File.java:42}, or null. */
    String studentLocation(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (studentClass.test(frame.getClassName())) {
                    String file = frame.getFileName() == null ? frame.getClassName() : frame.getFileName();
                    return file + ":" + frame.getLineNumber() + " (in " + frame.getMethodName() + ")";
                }
            }
        }
        return null;
    }
}
