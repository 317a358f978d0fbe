package dlcourse.grader.cli;

import dlcourse.grader.batch.SubmissionCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the classes to grade: the built {@code exercises/} or {@code solutions/} module, or any folder of Java
 * sources (compiled here against the core).
 */
final class Implementations {

    private Implementations() {
    }

    /** The checkout root: {@code -Ddlcourse.root} (set by the launcher), else the working directory. */
    static Path root() {
        return Path.of(System.getProperty("dlcourse.root", ".")).toAbsolutePath().normalize();
    }

    /**
     * A class loader for {@code exercises}, {@code solutions} or a folder of sources.
     *
     * @param withTests also the module's test classes (the solutions' mistake variants)
     */
    static URLClassLoader loader(String impl, boolean withTests) {
        Path root = root();
        List<Path> paths = new ArrayList<>();
        if (impl.equals("exercises") || impl.equals("solutions")) {
            Path classes = root.resolve(impl).resolve("target/classes");
            if (!Files.isDirectory(classes)) {
                throw new IllegalStateException(classes + " does not exist: build first (./dlcourse does so on its"
                        + " own; or run mvn -DskipTests package)");
            }
            paths.add(classes);
            if (withTests) {
                paths.add(root.resolve(impl).resolve("target/test-classes"));
            }
        } else {
            paths.add(compile(Path.of(impl)));
        }
        URL[] urls = paths.stream().map(Implementations::url).toArray(URL[]::new);
        return new URLClassLoader(urls, Implementations.class.getClassLoader());
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }

    /** Compiles every .java file under {@code sources} (an exercises tree or a bare folder) into a temp folder. */
    private static Path compile(Path sources) {
        if (!Files.isDirectory(sources)) {
            throw new IllegalArgumentException("--impl " + sources + ": not exercises, solutions or a folder");
        }
        Path srcRoot = Files.isDirectory(sources.resolve("src/main/java")) ? sources.resolve("src/main/java") : sources;
        try (Stream<Path> files = Files.walk(srcRoot)) {
            List<Path> javaFiles = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            if (javaFiles.isEmpty()) {
                throw new IllegalArgumentException("no .java files under " + srcRoot);
            }
            Path out = Files.createTempDirectory("dlcourse-submission");
            SubmissionCompiler.Result result = SubmissionCompiler.compile(srcRoot, javaFiles, out);
            if (!result.success()) {
                throw new IllegalStateException("the submission in " + srcRoot + " does not compile:\n"
                        + result.messages());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
