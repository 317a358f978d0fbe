package dlcourse.grader.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Java sources of one submission, on disk: read in place for a folder, extracted (Java files only) from a zip,
 * or cloned from a git repository into a scratch folder that {@link #close()} deletes.
 *
 * <p>Where the sources are inside: the shallowest {@code exercises/src/main/java} (a copy of the whole student
 * edition), else the shallowest {@code src/main/java} (the exercises module alone), else every {@code .java} file
 * (loose files). Build output, version-control and macOS metadata folders are never read.
 *
 * @param root    the folder the sources are relative to
 * @param files   the {@code .java} files, sorted
 * @param digest  SHA-256 of the files' relative paths and contents: equal digests mean equal submissions
 * @param scratch the scratch folder to delete afterwards, or null
 */
public record SourceTree(Path root, List<Path> files, String digest, Path scratch) implements AutoCloseable {

    /** Folders never read. */
    private static final Set<String> IGNORED = Set.of(".git", "target", "build", "out", "__MACOSX", ".idea",
            "node_modules");
    /** A Java file larger than this is not source code a student wrote. */
    static final long MAX_FILE_BYTES = 2L << 20;
    /** Git gets this long to clone a submission. */
    private static final long GIT_TIMEOUT_SECONDS = 120;

    /** Copies the file list. */
    public SourceTree {
        files = List.copyOf(files);
    }

    /**
     * Opens a submission.
     *
     * @param scratchParent where zips are extracted and repositories cloned
     * @throws UnpackException when the zip or repository cannot be read, or it holds no Java file
     */
    public static SourceTree open(Submission submission, Path scratchParent) throws UnpackException {
        Path scratch = null;
        try {
            Path base = switch (submission.kind()) {
                case DIRECTORY -> submission.origin();
                case ZIP -> {
                    scratch = Files.createTempDirectory(scratchParent, "zip-");
                    unzip(submission.origin(), scratch);
                    yield scratch;
                }
                case GIT -> {
                    scratch = Files.createTempDirectory(scratchParent, "git-");
                    clone(submission.origin(), scratch.resolve("repo"));
                    yield scratch.resolve("repo");
                }
            };
            Path root = locate(base);
            List<Path> files = javaFiles(root);
            if (files.isEmpty()) {
                throw new UnpackException("no .java file found in " + submission.origin().getFileName());
            }
            return new SourceTree(root, files, digest(root, files), scratch);
        } catch (IOException e) {
            delete(scratch);
            throw new UnpackException("cannot read " + submission.origin().getFileName() + ": " + e, e);
        } catch (UnpackException | RuntimeException e) {
            delete(scratch);
            throw e;
        }
    }

    /** The folder the sources are taken from (see the class comment). */
    static Path locate(Path base) throws IOException {
        Path edition = shallowest(base, Path.of("exercises", "src", "main", "java"));
        if (edition != null) {
            return edition;
        }
        Path module = shallowest(base, Path.of("src", "main", "java"));
        return module != null ? module : base;
    }

    private static Path shallowest(Path base, Path suffix) throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(base) && IGNORED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (dir.endsWith(suffix)) {
                    found.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found.stream().min(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString))
                .orElse(null);
    }

    /** Every .java file under {@code root}, outside ignored folders, sorted. */
    static List<Path> javaFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && IGNORED.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && name.endsWith(".java") && !name.startsWith("._")) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(p -> root.relativize(p).toString()));
        return files;
    }

    /** SHA-256 over each file's relative path (with / separators) and bytes. */
    static String digest(Path root, List<Path> files) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Path file : files) {
            sha.update(root.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Files.readAllBytes(file));
            sha.update((byte) 0);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Extracts the zip's .java files (nothing else), refusing entries that would land outside {@code target}. */
    static void unzip(Path zip, Path target) throws IOException, UnpackException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                if (entry.isDirectory() || !entry.getName().endsWith(".java")) {
                    continue;
                }
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new UnpackException(zip.getFileName() + ": entry " + entry.getName()
                            + " points outside the archive");
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                    if (bytes.length > MAX_FILE_BYTES) {
                        throw new UnpackException(zip.getFileName() + ": " + entry.getName() + " is larger than "
                                + (MAX_FILE_BYTES >> 20) + " MiB");
                    }
                    Files.write(out, bytes);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new UnpackException(zip.getFileName() + " is not a readable zip archive: " + e.getMessage(), e);
        }
    }

    /**
     * Clones a bare repository or bundle with the {@code git} command (installed wherever student repositories are
     * collected; a missing git is reported per submission).
     */
    static void clone(Path repository, Path target) throws IOException, UnpackException {
        ProcessBuilder builder = new ProcessBuilder("git", "clone", "--quiet", "--no-hardlinks",
                repository.toAbsolutePath().toString(), target.toString()).redirectErrorStream(true);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UnpackException(repository.getFileName() + " is a git repository, but git cannot be run: "
                    + e.getMessage(), e);
        }
        process.getOutputStream().close();
        try {
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new UnpackException("git clone of " + repository.getFileName() + " did not finish in "
                        + GIT_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new UnpackException("git clone of " + repository.getFileName() + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UnpackException("interrupted while cloning " + repository.getFileName(), e);
        }
    }

    /** Deletes the scratch folder, if any. */
    @Override
    public void close() {
        delete(scratch);
    }

    /** Deletes a folder tree, quietly (scratch space). */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // scratch space: the temp folder is cleaned by the system eventually
        }
    }
}
