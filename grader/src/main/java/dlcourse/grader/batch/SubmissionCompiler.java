package dlcourse.grader.batch;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a submission's sources against the course core with the JDK's compiler, in process, and reports the
 * compiler's errors the way {@code javac} prints them ({@code Logistic.java:12: error: ';' expected}, the line, a
 * caret), with paths relative to the submission.
 */
public final class SubmissionCompiler {

    /** At most this many errors are reported. */
    static final int MAX_ERRORS = 30;

    /**
     * The outcome of a compilation.
     *
     * @param success  whether class files were written
     * @param messages the errors as javac would print them, or an empty string
     */
    public record Result(boolean success, String messages) {
    }

    private SubmissionCompiler() {
    }

    /**
     * Compiles {@code files} (under {@code root}) into {@code classes}.
     *
     * @throws IllegalStateException when this JVM has no compiler (a JRE instead of a JDK): the grader's problem
     */
    public static Result compile(Path root, List<Path> files, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("this Java runtime has no compiler: run the grader with a JDK, not a JRE");
        }
        Files.createDirectories(classes);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "--add-modules", "jdk.incubator.vector",
                    "-proc:none", "-implicit:none", "-Xlint:none", "-nowarn", "-encoding", "UTF-8",
                    "-Xmaxerrs", String.valueOf(MAX_ERRORS), "-cp", classPath(), "-d", classes.toString());
            StringWriter compilerOutput = new StringWriter();
            boolean ok = compiler.getTask(compilerOutput, manager, diagnostics, options, null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            if (ok) {
                return new Result(true, "");
            }
            String messages = format(root, diagnostics.getDiagnostics());
            if (messages.isBlank()) {
                messages = compilerOutput.toString().strip();
            }
            return new Result(false, messages);
        }
    }

    /** The errors, javac style. */
    static String format(Path root, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        StringBuilder out = new StringBuilder();
        int errors = 0;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            errors++;
            String file = d.getSource() == null ? "" : relative(root, d.getSource());
            String where = file.isEmpty() ? "" : file + (d.getLineNumber() > 0 ? ":" + d.getLineNumber() : "") + ": ";
            out.append(where).append("error: ").append(d.getMessage(Locale.ROOT)).append('\n');
            String line = sourceLine(d);
            if (line != null) {
                out.append(line).append('\n');
                if (d.getColumnNumber() > 0) {
                    out.append(" ".repeat((int) Math.min(d.getColumnNumber() - 1, line.length()))).append("^\n");
                }
            }
        }
        if (errors > 0) {
            out.append(errors).append(errors == 1 ? " error" : " errors").append('\n');
        }
        return out.toString();
    }

    private static String relative(Path root, JavaFileObject source) {
        try {
            Path path = Path.of(source.toUri()).toAbsolutePath().normalize();
            return root.toAbsolutePath().normalize().relativize(path).toString().replace('\\', '/');
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return source.getName();
        }
    }

    private static String sourceLine(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null || d.getLineNumber() <= 0) {
            return null;
        }
        try {
            List<String> lines = d.getSource().getCharContent(true).toString().lines().toList();
            long index = d.getLineNumber() - 1;
            return index < lines.size() ? lines.get((int) index) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The class path student code compiles against: the course core (where {@code dlcourse.core} lives) and
     * whatever the grader runs with.
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        try {
            entries.add(Path.of(dlcourse.core.Matrix.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString());
        } catch (URISyntaxException | NullPointerException e) {
            // fall back on the class path alone
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, new ArrayList<>(entries));
    }
}
