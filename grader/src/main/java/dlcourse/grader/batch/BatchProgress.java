package dlcourse.grader.batch;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The batch's progress bar (the {@code progressbar} library): submissions done of all, elapsed time and the ETA,
 * and the last student finished. On a terminal it redraws one line; in a log (CI, a file) it prints a line whenever
 * the count moved since the last line (at most twice a second) instead.
 */
public final class BatchProgress implements BatchRun.Listener, AutoCloseable {

    private final PrintStream terminal;
    private final Consumer<String> log;
    private final AtomicLong printed = new AtomicLong(-1);
    private volatile ProgressBar bar;

    private BatchProgress(PrintStream terminal, Consumer<String> log) {
        this.terminal = terminal;
        this.log = log;
    }

    /** A bar redrawn in place on a terminal (the real one, not a stream a submission may be diverted to). */
    public static BatchProgress onTerminal(PrintStream terminal) {
        return new BatchProgress(terminal, null);
    }

    /** A line per finished submission, for logs. */
    public static BatchProgress asLines(Consumer<String> log) {
        return new BatchProgress(null, log);
    }

    /** Whether the standard streams are a terminal. */
    public static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22+ returns a console even when redirected; it then says whether it is a terminal
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void started(int total) {
        ProgressBarBuilder builder = new ProgressBarBuilder()
                .setTaskName("grading")
                .setInitialMax(total)
                .setStyle(terminal != null ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(terminal != null ? 250 : 500)
                .setMaxRenderedLength(100);
        if (terminal != null) {
            builder.setConsumer(new ConsoleProgressBarConsumer(terminal));
        } else {
            builder.setConsumer(new DelegatingProgressBarConsumer(this::line, 100));
        }
        bar = builder.build();
    }

    /** In a log, a rendered bar is printed only when the count moved since the last line. */
    private void line(String rendered) {
        ProgressBar current = bar;
        long done = current == null ? 0 : current.getCurrent();
        if (printed.getAndSet(done) != done) {
            log.accept(rendered.strip());
        }
    }

    @Override
    public synchronized void finished(BatchRun.Outcome outcome) {
        bar.setExtraMessage(outcome.submission().student() + (outcome.reused() ? " (up to date)" : ""));
        bar.step();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
        if (terminal != null) {
            terminal.flush();
        }
    }
}
