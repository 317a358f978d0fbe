package dlcourse.grader.edition;

import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import dlcourse.grader.skeleton.SkeletonChanges;
import dlcourse.grader.skeleton.SkeletonGenerator;
import dlcourse.grader.skeleton.SkeletonWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the student edition of a checkout into an empty folder.
 *
 * <p>What it holds: the root pom (modules {@code src}, {@code grader}, {@code exercises}; no bench profile), the
 * core's pom and main sources, the grader's pom (without its test dependencies) and main sources and resources with
 * the <em>public</em> fixtures only, the whole {@code exercises/} module (skeletons and the test that grades them),
 * {@code .mvn/}, {@code .gitignore}, the launcher, {@code reports/README.md}, a student {@code README.md}, and CI
 * templates for GitHub Actions and GitLab CI. Tests of the core and grader are not shipped: students run only the
 * grading. Before writing, the skeletons must be up to date with the solutions; after writing, the edition is scanned
 * for anything of the solutions and the command fails if it finds one.
 */
public final class Edition {

    /** The modules the edition builds. */
    static final Set<String> MODULES = Set.of("src", "grader", "exercises");

    /** A solution region marker on a line of its own, as the skeleton generator reads it. */
    static final Pattern MARKER_LINE = Pattern.compile("(?m)^\\s*//\\s*(BEGIN|END) SOLUTION\\s*$");

    /** Where the edition's own files (README, CI templates) are on the class path. */
    private static final String RESOURCES = "edition/";

    /** Files written from the class path: resource → path in the edition. */
    private static final Map<String, String> GENERATED = Map.of(
            "README.md", "README.md",
            "github-workflow.yml", ".github/workflows/grade.yml",
            "gitlab-ci.yml", ".gitlab-ci.yml");

    private Edition() {
    }

    /**
     * What was written.
     *
     * @param out   the edition's folder
     * @param files the files written, relative, sorted
     */
    public record Result(Path out, List<String> files) {
    }

    /**
     * Writes the student edition of the checkout at {@code root} into {@code out}.
     *
     * @throws EditionException when the skeletons are stale, {@code out} is not empty, or the written edition holds
     *                          anything of the solutions
     */
    public static Result write(Path root, Path out) throws IOException {
        Path checkout = root.toAbsolutePath().normalize();
        Path target = out.toAbsolutePath().normalize();
        for (String needed : List.of("pom.xml", "src/pom.xml", "grader/pom.xml", "exercises/pom.xml")) {
            if (!Files.isRegularFile(checkout.resolve(needed))) {
                throw new EditionException(checkout + " is not a dlcourse checkout: " + needed + " is missing");
            }
        }
        requireCurrentSkeletons(checkout);
        if (Files.exists(target)) {
            try (Stream<Path> list = Files.list(target)) {
                if (list.findAny().isPresent()) {
                    throw new EditionException(target + " is not empty: give a new or empty folder");
                }
            }
        }
        if (target.startsWith(checkout.resolve("solutions"))) {
            throw new EditionException("the edition cannot be written inside solutions/");
        }
        List<String> written = new ArrayList<>();
        copyFile(checkout, target, ".gitignore", written);
        copyTree(checkout, target, ".mvn", written);
        copyFile(checkout, target, "reports/README.md", written);
        copyTree(checkout, target, "src/main", written);
        copyTree(checkout, target, "grader/src/main", written);
        copyTree(checkout, target, "exercises/src", written);
        pom(checkout, target, "pom.xml", p -> p.keepModules(MODULES).forgetSolutions(
                "Deep-learning course assignments as Java exercises, with their auto-grader (student edition)."),
                written);
        pom(checkout, target, "src/pom.xml", p -> p.dropTestDependencies().forgetSolutions(
                "SIMD matrix core, numpy-compatible RandomState, course datasets, course contracts."), written);
        pom(checkout, target, "grader/pom.xml", p -> p.dropTestDependencies().forgetSolutions(
                "Checks, public fixtures, report and the dlcourse command line."), written);
        pom(checkout, target, "exercises/pom.xml", p -> p.forgetSolutions(
                "Your exercises: fill in each method; mvn verify grades them."), written);
        launcher(checkout, target, written);
        for (Map.Entry<String, String> generated : GENERATED.entrySet()) {
            Path file = target.resolve(generated.getValue());
            Files.createDirectories(file.getParent());
            Files.writeString(file, resource(generated.getKey()), StandardCharsets.UTF_8);
            written.add(generated.getValue());
        }
        List<String> leaks = leaks(target);
        if (!leaks.isEmpty()) {
            throw new EditionException("the edition in " + target + " would give away solutions; delete it. Found:\n  "
                    + String.join("\n  ", leaks));
        }
        written.sort(String::compareTo);
        return new Result(target, List.copyOf(written));
    }

    /** The exercises must be what the solutions generate now, or students would get old skeletons. */
    private static void requireCurrentSkeletons(Path checkout) throws IOException {
        if (!SkeletonWriter.hasSolutions(checkout)) {
            return;
        }
        SkeletonChanges changes = new SkeletonWriter(new SkeletonGenerator()).check(checkout);
        if (!changes.upToDate()) {
            throw new EditionException("the exercises are stale (" + changes.stale().stream().map(Path::toString)
                    .collect(Collectors.joining(", ")) + "): run ./dlcourse skeletons first");
        }
    }

    /**
     * What in a folder belongs to the solutions: files under a {@code solutions} folder, known-mistake variants,
     * hidden fixtures, solution markers, and build files or the launcher naming the solutions.
     */
    static List<String> leaks(Path edition) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(edition)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = edition.relativize(file).toString().replace('\\', '/');
                if (("/" + rel).contains("/solutions/")) {
                    found.add(rel + ": under a solutions folder");
                }
                if (rel.endsWith("Mistakes.java")) {
                    found.add(rel + ": known-mistake variants of a solution");
                }
                if (rel.matches(".*/fixtures/[^/]+/hidden/.*")) {
                    found.add(rel + ": a hidden fixture");
                }
                if (rel.endsWith(".java") && MARKER_LINE.matcher(Files.readString(file)).find()) {
                    found.add(rel + ": holds a BEGIN/END SOLUTION marker line");
                }
                boolean build = rel.endsWith("pom.xml") || rel.equals("dlcourse") || rel.endsWith(".yml");
                if (build && PomEditor.mentionsInstructorOnly(Files.readString(file))) {
                    found.add(rel + ": mentions the solutions or their mutation testing");
                }
            }
        }
        return found;
    }

    private interface PomEdit {
        PomEditor apply(PomEditor pom);
    }

    private static void pom(Path checkout, Path target, String rel, PomEdit edit, List<String> written)
            throws IOException {
        String edited = edit.apply(PomEditor.parse(Files.readString(checkout.resolve(rel)))).write();
        Path file = target.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        written.add(rel);
    }

    /** The launcher, without the solutions folder in the list of sources it watches. */
    private static void launcher(Path checkout, Path target, List<String> written) throws IOException {
        String text = Files.readString(checkout.resolve("dlcourse"));
        String edited = text.replace(" \"$root/solutions\"", "");
        if (PomEditor.mentionsSolutions(edited)) {
            throw new EditionException("the launcher ./dlcourse mentions the solutions in a way the edition does not"
                    + " know how to remove; update dlcourse.grader.edition.Edition");
        }
        Path file = target.resolve("dlcourse");
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            file.toFile().setExecutable(true);
        }
        written.add("dlcourse");
    }

    private static void copyFile(Path checkout, Path target, String rel, List<String> written) throws IOException {
        Path from = checkout.resolve(rel);
        if (!Files.isRegularFile(from)) {
            return;
        }
        Path to = target.resolve(rel);
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
        written.add(rel);
    }

    /** Copies a tree, leaving out build output, IDE files, hidden fixtures and anything of the solutions. */
    private static void copyTree(Path checkout, Path target, String rel, List<String> written) throws IOException {
        Path from = checkout.resolve(rel);
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName().toString();
                String path = checkout.relativize(dir).toString().replace('\\', '/');
                boolean hidden = path.matches(".*/fixtures/[^/]+/hidden");
                boolean skip = name.equals("target") || name.equals(".idea") || name.equals("solutions") || hidden;
                return skip && !dir.equals(from) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") || name.endsWith(".iml") || name.equals(".DS_Store")
                        || name.endsWith("Mistakes.java")) {
                    return FileVisitResult.CONTINUE;
                }
                String path = checkout.relativize(file).toString().replace('\\', '/');
                Path to = target.resolve(path);
                Files.createDirectories(to.getParent());
                Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                written.add(path);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A file of the edition from the class path, with the course's assignments filled into the README. */
    static String resource(String name) {
        try (InputStream in = Edition.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCES + name + " is missing from the grader");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("{{assignments}}", assignmentTable());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row per assignment: number, id, title and the file to open. */
    static String assignmentTable() {
        StringBuilder out = new StringBuilder("| # | assignment | title | your file |\n|---|---|---|---|\n");
        int n = 1;
        for (Assignment<?> a : Course.assignments()) {
            String file = "exercises/src/main/java/" + a.implementationClassName().replace('.', '/') + ".java";
            out.append("| ").append(n++).append(" | `").append(a.id()).append("` | ").append(a.title())
                    .append(" | `").append(file).append("` |\n");
        }
        return out.toString().stripTrailing();
    }
}
