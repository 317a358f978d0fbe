package dlcourse.grader.sandbox;

import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.FixtureFile;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.run.Assignment;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every forked grading JVM of a batch runs with, prepared once: a class path made from this JVM's, with the
 * hidden fixtures taken out of the grader's entry (a filtered copy replaces it), sealed copies of the hidden
 * fixtures the catalogs use (inputs only, see {@link FixtureCase#sealedCopy()}), and no entry that holds
 * solution or exercise classes (they would shadow the student's). Also the parent's side of the catalogs, built
 * with the real fixtures, which judge what the children send back.
 */
final class ChildRuntime {

    /** {@code fixtures/<assignment>/hidden/...}. */
    private static final Pattern HIDDEN = Pattern.compile("^" + FixtureStore.ROOT + "/[^/]+/"
            + Visibility.HIDDEN.id() + "(/.*)?$");

    private final List<Path> classPath;
    private final Map<String, Map<String, Check<?>>> catalogs;

    private ChildRuntime(List<Path> classPath, Map<String, Map<String, Check<?>>> catalogs) {
        this.classPath = List.copyOf(classPath);
        this.catalogs = catalogs;
    }

    /**
     * Prepares the runtime in {@code dir}.
     *
     * @param assignments the assignments graded
     * @param sets        the fixture sets graded with
     */
    static ChildRuntime prepare(Path dir, List<Assignment<?>> assignments, Set<Visibility> sets) throws IOException {
        Files.createDirectories(dir);
        Path sealed = dir.resolve("sealed");
        List<FixtureFile> hidden = new ArrayList<>();
        FixtureStore recording = new FixtureStore(FixtureStore.class.getClassLoader(), file -> {
            if (file.set().equals(Visibility.HIDDEN.id())) {
                hidden.add(file);
            }
        });
        Map<String, Map<String, Check<?>>> catalogs = new LinkedHashMap<>();
        for (Assignment<?> assignment : assignments) {
            Map<String, Check<?>> byId = new LinkedHashMap<>();
            for (Check<?> check : assignment.checks(recording, sets)) {
                byId.put(check.id(), check);
            }
            catalogs.put(assignment.id(), byId);
        }
        for (FixtureFile file : hidden) {
            FixtureStore.write(new FixtureFile(file.assignment(), file.function(), file.set(),
                    file.cases().stream().map(FixtureCase::sealedCopy).toList()), sealed);
        }
        Set<String> implementations = new LinkedHashSet<>();
        for (Assignment<?> a : dlcourse.grader.run.Course.assignments()) {
            implementations.add(a.implementationClassName().replace('.', '/') + ".class");
        }
        List<Path> path = new ArrayList<>();
        path.add(sealed);
        int n = 0;
        for (Path entry : currentClassPath()) {
            if (holdsAny(entry, implementations)) {
                continue;
            }
            if (holdsHidden(entry)) {
                Path copy = dir.resolve("cp-" + n++ + (Files.isDirectory(entry) ? "" : ".jar"));
                filteredCopy(entry, copy);
                path.add(copy);
            } else {
                path.add(entry);
            }
        }
        return new ChildRuntime(path, catalogs);
    }

    /** The class path, as {@code -cp} wants it. */
    String classPath() {
        return String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
    }

    /** The class path entries. */
    List<Path> entries() {
        return classPath;
    }

    /** The parent's catalog of an assignment, by check id, in catalog order. */
    Map<String, Check<?>> catalog(String assignment) {
        return catalogs.getOrDefault(assignment, Map.of());
    }

    /**
     * This JVM's class path entries, with the {@code Class-Path} of manifest-only jars (Surefire's booter jar, for
     * one) expanded in their place.
     */
    static List<Path> currentClassPath() throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        for (String item : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!item.isBlank()) {
                add(Path.of(item).toAbsolutePath().normalize(), out);
            }
        }
        return new ArrayList<>(out);
    }

    private static void add(Path entry, Set<Path> out) throws IOException {
        if (!Files.exists(entry) || out.contains(entry)) {
            return;
        }
        out.add(entry);
        if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                Manifest manifest = jar.getManifest();
                String classPath = manifest == null ? null : manifest.getMainAttributes()
                        .getValue(Attributes.Name.CLASS_PATH);
                if (classPath != null) {
                    for (String ref : classPath.trim().split("\\s+")) {
                        if (!ref.isEmpty()) {
                            URI uri = entry.toUri().resolve(ref);
                            add(Path.of(uri).toAbsolutePath().normalize(), out);
                        }
                    }
                }
            }
        }
    }

    private static boolean holdsAny(Path entry, Collection<String> resources) throws IOException {
        if (Files.isDirectory(entry)) {
            return resources.stream().anyMatch(r -> Files.exists(entry.resolve(r)));
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return resources.stream().anyMatch(r -> jar.getEntry(r) != null);
        }
    }

    private static boolean holdsHidden(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            Path fixtures = entry.resolve(FixtureStore.ROOT);
            if (!Files.isDirectory(fixtures)) {
                return false;
            }
            try (Stream<Path> walk = Files.walk(fixtures, 2)) {
                return walk.anyMatch(p -> HIDDEN.matcher(relative(entry, p)).matches());
            }
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().anyMatch(e -> HIDDEN.matcher(e.getName()).matches());
        }
    }

    private static void filteredCopy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    String rel = relative(from, p);
                    if (HIDDEN.matcher(rel).matches()) {
                        continue;
                    }
                    Path target = to.resolve(rel);
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            return;
        }
        try (JarInputStream in = new JarInputStream(Files.newInputStream(from));
             OutputStream file = Files.newOutputStream(to);
             JarOutputStream out = in.getManifest() == null ? new JarOutputStream(file)
                     : new JarOutputStream(file, in.getManifest())) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (HIDDEN.matcher(e.getName()).matches()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
