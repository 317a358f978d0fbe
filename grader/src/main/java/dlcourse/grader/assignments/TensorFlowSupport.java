package dlcourse.grader.assignments;

import dlcourse.core.Matrix;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Verdict;
import dlcourse.tf.TfMatrices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.types.TFloat32;

/**
 * What the checks of assignment 9 need around TensorFlow: loading its native library on first use (and a grader
 * error, not a failure, on a platform without it), running a student's graph with matrices fed and fetched, and
 * counting the native objects a student's function leaves open.
 *
 * <p>Nothing here runs before a check of assignment 9 does, so grading or demonstrating any other assignment never
 * starts TensorFlow.
 */
final class TensorFlowSupport {

    /**
     * Extra time every check of assignment 9 gets: the first one to run loads TensorFlow's native library (about
     * 700 MB unpacked; the very first time it is also extracted from its jar into {@code ~/.javacpp/cache}).
     */
    static final Duration START_UP_ALLOWANCE = Duration.ofSeconds(40);

    /** How often a function is called while its native objects are counted. */
    static final int LEAK_CALLS = 3;

    /** Garbage collections before counting: until the count of native objects stops changing, at most this many. */
    private static final int SETTLE_ROUNDS = 5;
    /** Time for the JVM to hand collected references to JavaCPP's queue. */
    private static final Duration SETTLE_PAUSE = Duration.ofMillis(20);

    /** Platforms TensorFlow Java 1.1.0 publishes a native library for. */
    static final String PLATFORMS = "linux-x86_64, linux-arm64, macosx-arm64 and windows-x86_64";

    private static volatile String unavailable;
    private static volatile boolean loaded;

    private TensorFlowSupport() {
    }

    /**
     * Loads TensorFlow if needed.
     *
     * @return why TensorFlow cannot run here, or null when it runs
     */
    static synchronized String unavailable() {
        if (!loaded && unavailable == null) {
            try {
                TensorFlow.version();
                loaded = true;
            } catch (LinkageError | RuntimeException e) {
                unavailable = "TensorFlow's native library could not be loaded on " + System.getProperty("os.name")
                        + " " + System.getProperty("os.arch") + " (" + e + "); TensorFlow Java 1.1.0 runs on "
                        + PLATFORMS + ". Check that the build chose the native library of this platform"
                        + " (-Dtensorflow.native.classifier).";
            }
        }
        return unavailable;
    }

    /**
     * The check with TensorFlow loaded first (a grader error where it cannot load) and the start-up allowance added
     * to its time limit.
     */
    static <T> Check<T> guarded(Check<T> check) {
        return check.withTimeout(check.timeout().plus(START_UP_ALLOWANCE)).withBody(body -> ctx -> {
            String problem = unavailable();
            return problem != null ? new Verdict.GraderError(problem) : body.run(ctx);
        });
    }

    /** Every check guarded. */
    static <T> List<Check<T>> guarded(List<Check<T>> checks) {
        List<Check<T>> out = new ArrayList<>();
        checks.forEach(check -> out.add(guarded(check)));
        return out;
    }

    /**
     * Runs a student's graph: feeds each placeholder its matrix (as float32) and fetches one operand as a matrix.
     * A graph TensorFlow refuses to run is the student's failure, with TensorFlow's message.
     *
     * @param function the course name of the function that built the graph, for feedback
     * @param session  a session on the graph
     * @param fetch    the operand to evaluate
     * @param feeds    placeholder → value
     * @return the fetched value as a matrix (a scalar as (1, 1))
     */
    static Matrix fetch(String function, Session session, Operand<?> fetch,
                        Map<? extends Operand<TFloat32>, Matrix> feeds) {
        List<TFloat32> tensors = new ArrayList<>();
        try {
            Session.Runner runner = session.runner();
            for (var feed : feeds.entrySet()) {
                TFloat32 tensor = TfMatrices.tensorOf(feed.getValue());
                tensors.add(tensor);
                runner.feed(feed.getKey(), tensor);
            }
            try (Result result = runner.fetch(fetch).run()) {
                return TfMatrices.toMatrix(result.get(0));
            }
        } catch (TensorFlowException | IllegalArgumentException e) {
            throw new CheckFailure("TensorFlow could not run the graph " + function + " built: "
                    + firstLine(e.getMessage()));
        } finally {
            tensors.forEach(TFloat32::close);
        }
    }

    /** Initialises a session's variables; a failure is the student's (e.g. a variable without an initial value). */
    static void initialize(String function, Session session) {
        try {
            session.initialize();
        } catch (TensorFlowException | IllegalArgumentException | IllegalStateException e) {
            throw new CheckFailure("TensorFlow could not initialise the variables " + function + " created: "
                    + firstLine(e.getMessage()));
        }
    }

    /** Something to call repeatedly while counting native objects. */
    @FunctionalInterface
    interface Call {
        /** Calls the student's function once. */
        void run() throws Exception;
    }

    /**
     * Fails when every call of a function leaves native TensorFlow objects (sessions, tensors, results) open. The
     * function is called once to warm up, then, after a garbage collection, {@value #LEAK_CALLS} times while
     * JavaCPP's count of live native objects is watched; a leak shows as at least one more object per call. A graph
     * alone is not counted, and the garbage collector may free a leaked object in between, so a pass does not prove
     * there is no leak.
     *
     * @param function the course name, for feedback
     * @param call     calls the function once
     * @return a pass
     */
    static Verdict noLeaks(String function, Call call) throws Exception {
        call.run();
        settle();
        long before = Pointer.totalCount();
        for (int i = 0; i < LEAK_CALLS; i++) {
            call.run();
        }
        long left = Pointer.totalCount() - before;
        if (left >= LEAK_CALLS) {
            throw new CheckFailure(function + " left " + left + " native TensorFlow objects open after " + LEAK_CALLS
                    + " calls. Open every Session, Tensor and Result in a try-with-resources statement so that it"
                    + " is closed when the block ends.");
        }
        return new Verdict.Passed(function + " closes the sessions, tensors and results it opens.");
    }

    /**
     * Collects garbage and frees the native objects of collected Java objects now, so that this does not happen in
     * the middle of the counted calls, where freeing earlier garbage would hide a leak.
     */
    private static void settle() throws InterruptedException {
        long last = -1;
        for (int round = 0; round < SETTLE_ROUNDS; round++) {
            System.gc();
            Thread.sleep(SETTLE_PAUSE.toMillis());
            Pointer.deallocateReferences();
            long now = Pointer.totalCount();
            if (now == last) {
                return;
            }
            last = now;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
