package dlcourse.grader.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A generated class of 30 submissions of assignment 1 ({@code logistic}), built from the checkout's reference
 * solution, its known-mistake variants and its skeleton, stored in every format batch grading reads (a copy of the
 * edition, a module, loose files, zips, a bare git repository, a git bundle), with what each should get.
 */
final class GeneratedClass {

    /** What a submission is, and so what its report must show. */
    enum Category { CORRECT, MISTAKE, PARTLY, SKELETON, BROKEN, NOT_COMPILING, UNREADABLE }

    /**
     * One generated submission.
     *
     * @param student   its name (the folder or file name without extension)
     * @param category  what it is
     * @param tampered  the course functions whose answer is not the reference's
     * @param mistakeId the known mistake it makes, or null
     * @param entry     its entry in the submissions folder
     */
    record Expected(String student, Category category, Set<String> tampered, String mistakeId, Path entry) {
    }

    static final Path LOGISTIC = Path.of("dlcourse/logistic/Logistic.java");

    /** The known mistakes made, in order (one submission each). */
    static final List<String> MISTAKES = List.of("reshape_without_transpose", "forgot_255", "sigmoid_sign",
            "sigmoid_sign", "row_vector", "threshold_ge", "threshold_ge");

    /** Java method → course function of assignment 1. */
    static final Map<String, String> FUNCTION = Map.of("datasetDimensions", "dataset_dimensions",
            "flattenImages", "flatten_images", "sigmoid", "sigmoid", "initializeWithZeros", "initialize_with_zeros",
            "propagate", "propagate", "optimize", "optimize", "predict", "predict", "model", "model");

    private final Path root;
    private final Path folder;
    private final Path scratch;
    private final boolean git;
    private final List<Expected> expected = new ArrayList<>();
    private int formats;

    private GeneratedClass(Path root, Path folder, Path scratch) {
        this.root = root;
        this.folder = folder;
        this.scratch = scratch;
        this.git = gitAvailable();
    }

    /** Writes the class into {@code folder} (scratch space in {@code scratch}); returns what each should get. */
    static List<Expected> write(Path root, Path folder, Path scratch) throws IOException, InterruptedException {
        GeneratedClass c = new GeneratedClass(root, folder, scratch);
        c.generate();
        return List.copyOf(c.expected);
    }

    private void generate() throws IOException, InterruptedException {
        Files.createDirectories(folder);
        SolutionSources solution = SolutionSources.read(root);
        Map<String, String[]> mistakes = SolutionSources.pastableMistakes(
                root.resolve("solutions/src/test/java/dlcourse/logistic/LogisticMistakes.java"));

        // 5 correct: four as they are, one that also prints debugging output from a function model does not call
        for (int i = 1; i <= 4; i++) {
            add("correct-" + i, Category.CORRECT, Set.of(), null, solution.files());
        }
        add("correct-printing", Category.CORRECT, Set.of(), null, solution.replace(LOGISTIC, "datasetDimensions",
                "System.out.println(\"debug: measuring the batches\");\n"
                        + "return new DatasetDimensions(trainImages.dim(0), testImages.dim(0), trainImages.dim(1));")
                .files());

        // 7 known mistakes pasted into the solution (two of them twice, so that counts of 2 show). Not
        // w_not_transposed: its (m, m) matrices time the training check out, and a timed-out check's thread keeps
        // running in process until it ends by itself, slowing down the rest of the class.
        List<String> chosen = MISTAKES;
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String id : chosen) {
            String[] mistake = mistakes.get(id);
            if (mistake == null) {
                throw new IllegalStateException("LogisticMistakes has no pastable variant " + id + "; pastable: "
                        + mistakes.keySet());
            }
            int n = seen.merge(id, 1, Integer::sum);
            add("mistake-" + id + "-" + n, Category.MISTAKE, Set.of(FUNCTION.get(mistake[0])), id,
                    solution.replace(LOGISTIC, mistake[0], mistake[1]).files());
        }

        // 8 partly done: some methods still throw NotImplementedYet
        List<List<String>> stubs = List.of(
                List.of("model"),
                List.of("model"),
                List.of("predict", "model"),
                List.of("optimize", "predict", "model"),
                List.of("propagate", "optimize", "predict", "model"),
                List.of("flattenImages", "model"),
                List.of("datasetDimensions", "model"),
                List.of("sigmoid", "initializeWithZeros", "model"));
        for (int i = 0; i < stubs.size(); i++) {
            List<String> methods = stubs.get(i);
            add("partly-" + (i + 1), Category.PARTLY, functions(methods), null,
                    solution.stub(LOGISTIC, methods.toArray(String[]::new)).files());
        }

        // 3 untouched skeletons: nothing done
        Map<Path, String> skeleton = new LinkedHashMap<>();
        Path exercises = root.resolve("exercises/src/main/java");
        try (Stream<Path> walk = Files.walk(exercises)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                skeleton.put(exercises.relativize(p), Files.readString(p));
            }
        }
        for (int i = 1; i <= 3; i++) {
            add("skeleton-" + i, Category.SKELETON, Set.copyOf(FUNCTION.values()), null, skeleton);
        }

        // 3 broken: code that throws, returns null, returns NaN
        add("broken-throws", Category.BROKEN, Set.of("propagate"), null, solution.replace(LOGISTIC, "propagate",
                "throw new IllegalStateException(\"not finished: still debugging\");").files());
        add("broken-null", Category.BROKEN, Set.of("sigmoid"), null,
                solution.replace(LOGISTIC, "sigmoid", "return null;").files());
        add("broken-nan", Category.BROKEN, Set.of("initialize_with_zeros"), null, solution.replace(LOGISTIC,
                "initializeWithZeros", "return new Parameters(Matrix.zeros(dim, 1).add(Double.NaN), Double.NaN);")
                .files());

        // 3 that do not compile: a missing semicolon, an unknown name, a method left out
        add("no-compile-syntax", Category.NOT_COMPILING, Set.of(), null, solution.replace(LOGISTIC,
                "initializeWithZeros", "return new Parameters(Matrix.zeros(dim, 1), 0.0)").files());
        add("no-compile-type", Category.NOT_COMPILING, Set.of(), null, solution.replace(LOGISTIC, "sigmoid",
                "return Matrix.divide(1.0, z.negate().exp().add(one));").files());
        add("no-compile-missing", Category.NOT_COMPILING, Set.of(), null, solution.edit(LOGISTIC,
                "    @Override\n    public Matrix predict(", "    public Matrix predictLabels(").files());

        // 1 archive that is not a zip
        Path corrupt = folder.resolve("unreadable.zip");
        Files.writeString(corrupt, "this is not a zip archive\n");
        expected.add(new Expected("unreadable", Category.UNREADABLE, Set.of(), null, corrupt));
    }

    private static Set<String> functions(List<String> methods) {
        return Set.copyOf(methods.stream().map(FUNCTION::get).toList());
    }

    /** Stores one submission in the next format, in turn. */
    private void add(String student, Category category, Set<String> tampered, String mistake, Map<Path, String> files)
            throws IOException, InterruptedException {
        int format = formats++ % (git ? 7 : 5);
        Path entry = switch (format) {
            case 0 -> tree(folder.resolve(student).resolve("exercises/src/main/java"), files, folder.resolve(student));
            case 1 -> tree(folder.resolve(student).resolve("src/main/java"), files, folder.resolve(student));
            case 2 -> loose(folder.resolve(student), files);
            case 3 -> zip(folder.resolve(student + ".zip"), student + "/src/main/java/", files);
            case 4 -> zip(folder.resolve(student + ".zip"), "", files);
            case 5 -> bare(student, files);
            default -> bundle(student, files);
        };
        expected.add(new Expected(student, category, tampered, mistake, entry));
    }

    private static Path tree(Path dir, Map<Path, String> files, Path entry) throws IOException {
        for (Map.Entry<Path, String> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
        return entry;
    }

    /** Loose files: one folder per package named after its last part ({@code logistic/Logistic.java}). */
    private static Path loose(Path dir, Map<Path, String> files) throws IOException {
        for (Map.Entry<Path, String> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey().getParent().getFileName()).resolve(e.getKey().getFileName());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static Path zip(Path file, String prefix, Map<Path, String> files) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            for (Map.Entry<Path, String> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(prefix + e.getKey().toString().replace('\\', '/')));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private Path bare(String student, Map<Path, String> files) throws IOException, InterruptedException {
        Path work = committed(student, files);
        Path repo = folder.resolve(student + ".git");
        git(scratch, "clone", "--quiet", "--bare", work.toString(), repo.toString());
        return repo;
    }

    private Path bundle(String student, Map<Path, String> files) throws IOException, InterruptedException {
        Path work = committed(student, files);
        Path bundle = folder.resolve(student + ".bundle");
        git(work, "bundle", "create", "--quiet", bundle.toString(), "HEAD", "--all");
        return bundle;
    }

    /** A working tree holding the files in src/main/java, with one commit. */
    private Path committed(String student, Map<Path, String> files) throws IOException, InterruptedException {
        Path work = scratch.resolve("git-" + student);
        tree(work.resolve("src/main/java"), files, work);
        git(work, "init", "--quiet");
        git(work, "add", "-A");
        git(work, "-c", "user.name=Student", "-c", "user.email=student@example.org", "commit", "--quiet", "-m",
                "my solution");
        return work;
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean gitAvailable() {
        try {
            Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
