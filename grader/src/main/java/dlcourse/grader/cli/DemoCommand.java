package dlcourse.grader.cli;

import dlcourse.course.NotImplementedYet;
import dlcourse.data.DatasetFormatException;
import dlcourse.data.DatasetNotFoundException;
import dlcourse.grader.demo.Demo;
import dlcourse.grader.demo.DemoException;
import dlcourse.grader.demo.DemoResult;
import dlcourse.grader.demo.Demos;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dlcourse demo <id>}: trains an assignment's model as the course's notebook does and prints the course's
 * output, or with {@code --json} one JSON object with the figures of every run.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Trains an assignment's model with the course's settings (the reference solution by default)"
                + " and prints what the course's notebook prints; --json prints the figures as one JSON object."})
public final class DemoCommand implements Callable<Integer> {

    /** Exit status when the command line names no known demo. */
    static final int USAGE_ERROR = 2;

    /** Exit status when the demo could not run (missing data, unwritten function, unusable implementation). */
    static final int FAILED = 1;

    @CommandLine.Parameters(index = "0", paramLabel = "<id>", completionCandidates = DemoIds.class,
            description = "The assignment: ${COMPLETION-CANDIDATES}.")
    private String id;

    @CommandLine.Option(names = "--json", description = "Print only one JSON object with the figures of every run.")
    private boolean json;

    @CommandLine.Option(names = "--impl", defaultValue = "solutions", paramLabel = "exercises|solutions|<dir>",
            description = "Whose code to train (default: ${DEFAULT-VALUE}).")
    private String impl;

    @CommandLine.Option(names = "--figures", paramLabel = "<dir>",
            description = "Where to write figure files such as decision boundaries (default: reports/demo/<id>).")
    private Path figures;

    @CommandLine.Option(names = "--no-figures",
            description = "Write no figure files (decision boundaries, picture galleries): the printed output and"
                    + " the JSON are the same, the demo is shorter by the drawing (about 1.3 s of the shallow demo's"
                    + " 12 plots).")
    private boolean noFigures;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // Taken before System.out may be redirected below, so that the JSON still reaches the real stdout.
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Demo<?>> demo = Demos.find(id);
        if (demo.isEmpty()) {
            err.println("dlcourse demo: unknown demo '" + id + "'; the known demos are: "
                    + String.join(", ", Demos.ids()));
            for (Demo<?> known : Demos.all()) {
                err.println("  " + known.id() + ": " + known.description());
            }
            return USAGE_ERROR;
        }
        if (noFigures && figures != null) {
            err.println("dlcourse demo: --figures and --no-figures exclude each other");
            return USAGE_ERROR;
        }
        PrintStream systemOut = System.out;
        if (json) {
            // Whatever the implementation prints must not spoil the one JSON object on stdout.
            System.setOut(System.err);
        }
        try {
            Path figureDir = noFigures ? null : figures != null ? figures : Implementations.root()
                    .resolve("reports").resolve("demo").resolve(id);
            DemoResult result = runDemo(demo.get(), json ? new PrintWriter(Writer.nullWriter()) : out, figureDir);
            if (json) {
                out.println(result.toJson());
            }
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            String message = explain(e, "demo " + id, impl).orElseThrow(() -> e);
            err.println(message);
            return FAILED;
        } finally {
            System.setOut(systemOut);
        }
    }

    private <T> DemoResult runDemo(Demo<T> demo, PrintWriter courseOutput, Path figureDir) {
        URLClassLoader loader = loader(impl);
        try (loader) {
            T implementation = instantiate(loader, demo.implementationClass(), demo.contract(), impl);
            return figureDir == null ? demo.run(implementation, courseOutput)
                    : demo.run(implementation, courseOutput, figureDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader of --impl " + impl, e);
        }
    }

    /**
     * The class loader for {@code --impl}, with the loader's own complaints (not built, no such folder, does not
     * compile) turned into an {@link UnusableImplementation}.
     */
    static URLClassLoader loader(String impl) {
        try {
            return Implementations.loader(impl, false);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UnusableImplementation(e.getMessage());
        }
    }

    /**
     * A new instance of the named class, checked against the contract.
     *
     * @throws UnusableImplementation when the class is missing, does not implement the contract or cannot be
     *     created
     */
    static <T> T instantiate(ClassLoader loader, String className, Class<T> contract, String impl) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new UnusableImplementation("--impl " + impl + " has no class " + className);
        }
        if (!contract.isAssignableFrom(type)) {
            throw new UnusableImplementation(className + " in --impl " + impl + " does not implement "
                    + contract.getName());
        }
        try {
            return contract.cast(type.getDeclaredConstructor().newInstance());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new UnusableImplementation("cannot create " + className + " from --impl " + impl + ": "
                    + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new UnusableImplementation("cannot create " + className + " from --impl " + impl
                    + " (it needs a public constructor without parameters): " + e);
        }
    }

    /**
     * The one-line message for a failure the user can act on without a stack trace: an unwritten function, a
     * missing or damaged data file, an unusable implementation or unusable results.
     *
     * @param failure what was thrown
     * @param command the command as typed after {@code dlcourse}, e.g. {@code demo logistic}
     * @param impl    the {@code --impl} value
     * @return the message, or empty for any other failure (which then propagates with its stack trace, pointing
     *     at the student's own line)
     */
    static Optional<String> explain(RuntimeException failure, String command, String impl) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotImplementedYet missing) {
                return Optional.of("dlcourse " + command + ": " + missing.function() + " is not implemented yet in "
                        + impl + "; write it (this command needs every function of the assignment), then try again.");
            }
        }
        if (failure instanceof DatasetNotFoundException || failure instanceof DatasetFormatException
                || failure instanceof UnusableImplementation) {
            return Optional.of(failure.getMessage());
        }
        if (failure instanceof DemoException) {
            return Optional.of("dlcourse " + command + ": " + failure.getMessage());
        }
        return Optional.empty();
    }

    /** The implementation to run cannot be loaded or created; the message says why. */
    static final class UnusableImplementation extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnusableImplementation(String message) {
            super(message);
        }
    }

    /** The known demo ids, for the help text and shell completion. */
    static final class DemoIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Demos.ids().iterator();
        }
    }
}
