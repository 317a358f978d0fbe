package dlcourse.grader.check;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * Per-thread redirection of {@code System.out} and {@code System.err}, so that several submissions can be graded
 * at once in one JVM without their printing crossing: a check that captures what student code prints sees only
 * that code's output, and a batch worker keeps each submission's stray printing away from the terminal.
 *
 * <p>On first use, {@code System.out} and {@code System.err} are replaced by routers that send each write to the
 * stream chosen for the writing thread, or to the original stream when none was chosen. A choice is inherited by
 * the threads a thread starts (the per-check threads of the {@link CheckRunner}, threads student code spawns).
 */
public final class Console {

    private static final InheritableThreadLocal<OutputStream> OUT = new InheritableThreadLocal<>();
    private static final InheritableThreadLocal<OutputStream> ERR = new InheritableThreadLocal<>();

    private static PrintStream outRouter;
    private static PrintStream errRouter;

    private Console() {
    }

    /**
     * Runs {@code action} and returns what it (and the threads it starts) printed to {@code System.out}, decoded as
     * UTF-8. Output of other threads is not included.
     */
    public static String capture(Runnable action) {
        install();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        OutputStream previous = OUT.get();
        OUT.set(buffer);
        try {
            action.run();
        } finally {
            OUT.set(previous);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code work} with everything the current thread (and the threads it starts) prints to {@code System.out}
     * and {@code System.err} sent to {@code sink}.
     */
    public static <V> V divert(OutputStream sink, Callable<V> work) throws Exception {
        install();
        OutputStream previousOut = OUT.get();
        OutputStream previousErr = ERR.get();
        OUT.set(sink);
        ERR.set(sink);
        try {
            return work.call();
        } finally {
            OUT.set(previousOut);
            ERR.set(previousErr);
        }
    }

    /** Puts the routers in place (again, if someone replaced {@code System.out} or {@code System.err} since). */
    private static synchronized void install() {
        if (System.out != outRouter) {
            outRouter = router(System.out, OUT);
            System.setOut(outRouter);
        }
        if (System.err != errRouter) {
            errRouter = router(System.err, ERR);
            System.setErr(errRouter);
        }
    }

    private static PrintStream router(PrintStream original, ThreadLocal<OutputStream> choice) {
        OutputStream route = new OutputStream() {
            private OutputStream target() {
                OutputStream chosen = choice.get();
                return chosen != null ? chosen : original;
            }

            @Override
            public void write(int b) throws java.io.IOException {
                target().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                target().write(b, off, len);
            }

            @Override
            public void flush() throws java.io.IOException {
                target().flush();
            }
        };
        return new PrintStream(route, true, StandardCharsets.UTF_8);
    }

    /**
     * A sink that keeps the first {@code limit} bytes and counts the rest, for a submission's stray output.
     */
    public static final class Bounded extends OutputStream {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int limit;
        private long dropped;

        /** @param limit bytes kept at most */
        public Bounded(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (kept.size() < limit) {
                kept.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, Math.min(len, limit - kept.size()));
            kept.write(b, off, room);
            dropped += len - room;
        }

        /** What was kept, decoded as UTF-8, with a note on how much was dropped. */
        public synchronized String text() {
            String text = kept.toString(StandardCharsets.UTF_8);
            return dropped == 0 ? text : text + "\n[... " + dropped + " more bytes not kept]\n";
        }
    }
}
