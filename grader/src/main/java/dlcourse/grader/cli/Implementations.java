package dlcourse.grader.cli;

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
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

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
            List<String> javaFiles = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
            if (javaFiles.isEmpty()) {
                throw new IllegalArgumentException("no .java files under " + srcRoot);
            }
            Path out = Files.createTempDirectory("dlcourse-submission");
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("--release", "17", "--add-modules", "jdk.incubator.vector",
                    "-proc:none", "-nowarn", "-cp", System.getProperty("java.class.path"), "-d", out.toString()));
            args.addAll(javaFiles);
            int status = compiler.run(null, null, null, args.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalStateException("the submission in " + srcRoot + " does not compile (see above)");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
