package dlcourse.grader.demo;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A demo's independent training runs spread over the processor's cores. Each run trains its own instance of the
 * implementation (made with its public no-argument constructor, as the demo command makes the first one), writes
 * its course output to a buffer, and the buffers are printed in the course's order as the runs finish, so the output
 * is the same as one run after the other. When no fresh instance can be made, the runs go one after the other on
 * the instance given.
 */
final class ParallelRuns {

    /** Threads the runs may use: {@code -Ddlcourse.demo.threads=N}, default the number of processors. */
    static final int THREADS = Math.max(1, Integer.getInteger("dlcourse.demo.threads",
            Runtime.getRuntime().availableProcessors()));

    private ParallelRuns() {
    }

    /**
     * Runs {@code run.apply(instance, k)} for k = 0 … count − 1 and returns the results in that order.
     *
     * @param implementation the instance to copy (or to use for every run when it cannot be copied)
     * @param count          the number of runs
     * @param courseOutput   receives each run's output, in run order
     * @param run            one run: trains with the instance, prints to the writer it is given, returns its figures
     * @param <T>            the contract
     * @param <R>            what a run returns
     * @return the runs' results, in run order
     */
    static <T, R> List<R> run(T implementation, int count, PrintWriter courseOutput, Run<T, R> run) {
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        return run(implementation, order, courseOutput, run);
    }

    /**
     * As {@link #run(Object, int, PrintWriter, Run)}, starting the runs in the order given (the longest first keeps
     * the cores busy to the end); results and output stay in run order.
     *
     * @param startOrder every run index once, in the order to start them
     */
    static <T, R> List<R> run(T implementation, int[] startOrder, PrintWriter courseOutput, Run<T, R> run) {
        int count = startOrder.length;
        List<T> instances = instances(implementation, count);
        if (instances == null || THREADS == 1 || count == 1) {
            List<R> results = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                results.add(run.apply(implementation, k, courseOutput));
                courseOutput.flush();
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, count), task -> {
            Thread thread = new Thread(task, "demo-run");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(java.util.Collections.nCopies(count, null));
            List<StringWriter> buffers = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                buffers.add(new StringWriter());
            }
            for (int index : startOrder) {
                PrintWriter out = new PrintWriter(buffers.get(index));
                T instance = instances.get(index);
                futures.set(index, pool.submit(() -> run.apply(instance, index, out)));
            }
            List<R> results = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                results.add(result(futures.get(k)));
                courseOutput.print(buffers.get(k));
                courseOutput.flush();
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One run of a demo.
     *
     * @param <T> the contract
     * @param <R> what the run returns
     */
    @FunctionalInterface
    interface Run<T, R> {
        /** Trains run {@code index} with {@code implementation}, printing the course's output to {@code out}. */
        R apply(T implementation, int index, PrintWriter out);
    }

    /** {@code count} instances, the first the one given; null when the class offers no public way to make more. */
    private static <T> List<T> instances(T implementation, int count) {
        Class<?> type = implementation.getClass();
        if (!Modifier.isPublic(type.getModifiers()) || type.isAnonymousClass()) {
            return null;
        }
        List<T> instances = new ArrayList<>(List.of(implementation));
        try {
            var constructor = type.getConstructor();
            for (int k = 1; k < count; k++) {
                @SuppressWarnings("unchecked")
                T copy = (T) constructor.newInstance();
                instances.add(copy);
            }
            return instances;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static <R> R result(Future<R> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the demo was interrupted", e);
        }
    }
}
