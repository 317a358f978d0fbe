package dlcourse.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcourse.grader.check.Visibility;
import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Report;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import dlcourse.grader.sandbox.ForkedGrader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-submission suite: submissions of assignment 1 that each attack the grader in one way (end the JVM,
 * hang, spawn threads, exhaust memory, reflect into the grader, read hidden fixtures or solutions, write reports,
 * run programs, open sockets, flood the console, return nonsense, keep static state, throw checked exceptions
 * sneakily, plant classes in the course's packages), graded in one batch with two ordinary submissions. Each must
 * get its verdict with a clear message, the batch must finish, every function the attack does not touch must be
 * graded in full, and the two ordinary reports must be identical to those of a batch without the hostile ones.
 *
 * <p>A second batch runs the attacks the bytecode scan stops with the scan turned off, to show that the process
 * defences (fork, watchdog, restart) hold on their own.
 */
class HostileSubmissionsTest {

    static final Path LOGISTIC = GeneratedClass.LOGISTIC;
    /** Java method → course function, for the functions the attacks use. */
    static final Map<String, String> FUNCTION = GeneratedClass.FUNCTION;
    /** Functions whose code calls each function (itself included), in the reference solution. */
    static final Map<String, Set<String>> CALLERS = Map.of(
            "dataset_dimensions", Set.of("dataset_dimensions"),
            "flatten_images", Set.of("flatten_images"),
            "predict", Set.of("predict", "model"),
            "propagate", Set.of("propagate", "optimize", "model"));

    /** The training check loads the cat pictures through the student's own dataset_dimensions and flatten_images. */
    static final Set<String> LOADERS = Set.of("dataset_dimensions", "flatten_images");

    /** Whether an attack on {@code function} can affect {@code check}. */
    static boolean touches(String function, CheckResult check) {
        return CALLERS.get(function).contains(check.function())
                || LOADERS.contains(function) && check.kind().equals("training");
    }

    /** A limit per check short enough for hanging code, long enough for the cat training check in a fresh JVM. */
    static final Duration CHECK_LIMIT = Duration.ofSeconds(15);

    /**
     * One attack.
     *
     * @param name     the submission's name
     * @param method   the Java method whose answer it replaces
     * @param body     the new answer
     * @param edits    other edits of Logistic.java (from → to), applied first
     * @param extra    extra source files (path → text)
     * @param verdict  the verdict expected on the attacked function's checks ({@code passed} when harmless)
     * @param message  a fragment every such check's message must contain
     */
    record Attack(String name, String method, String body, Map<String, String> edits, Map<String, String> extra,
                  String verdict, String message) {
        Attack(String name, String method, String body, String verdict, String message) {
            this(name, method, body, Map.of(), Map.of(), verdict, message);
        }

        String function() {
            return FUNCTION.get(method);
        }
    }

    static final String DIMENSIONS = "return new DatasetDimensions(trainImages.dim(0), testImages.dim(0),"
            + " trainImages.dim(1));";
    static final String FLATTEN = "return images.reshape(images.dim(0), -1).transpose().toMatrix().divide(255.0);";
    static final String PREDICT = "return sigmoid(w.transpose().dot(x).add(b)).greaterThan(0.5);";

    static final List<Attack> ATTACKS = List.of(
            new Attack("system-exit", "predict", "System.exit(3);\n" + PREDICT, "rejected",
                    "calls System.exit(int), which would end the grading JVM"),
            new Attack("runtime-halt", "predict", "Runtime.getRuntime().halt(4);\n" + PREDICT, "rejected",
                    "Runtime.getRuntime()"),
            new Attack("infinite-loop", "datasetDimensions", "double s = 0;\nwhile (trainImages.dim(0) > 0) {\n"
                    + "s = Math.sqrt(s + 1);\n}\n" + DIMENSIONS, "timed_out", "dataset_dimensions"),
            new Attack("loop-swallowing-interrupts", "datasetDimensions", "while (true) {\ntry {\n"
                    + "Thread.sleep(1000);\n} catch (InterruptedException e) {\n// keep going\n}\n}", "rejected",
                    "calls Thread.sleep(long)"),
            new Attack("thread-keeps-running", "predict", "new Thread(() -> {\nwhile (true) {\nMath.sqrt(2);\n}\n})"
                    + ".start();\n" + PREDICT, "rejected", "new Thread(Runnable)"),
            new Attack("fork-bomb", "predict", "for (int i = 0; i < 1_000_000; i++) {\nnew Thread(() -> {\n"
                    + "while (true) {\nMath.sqrt(2);\n}\n}).start();\n}\n" + PREDICT, "rejected", "starts or controls"
                    + " threads"),
            new Attack("thread-pool", "predict", "java.util.concurrent.Executors.newFixedThreadPool(4);\n"
                    + PREDICT, "rejected", "Executors.newFixedThreadPool(int)"),
            new Attack("out-of-memory", "datasetDimensions", "java.util.List<double[]> hog = new"
                    + " java.util.ArrayList<>();\nwhile (true) {\nhog.add(new double[1 << 24]);\n}", "errored",
                    "OutOfMemoryError"),
            new Attack("stack-overflow", "datasetDimensions", "return datasetDimensions(trainImages, testImages);",
                    "errored", "StackOverflowError"),
            new Attack("reflection-into-grader", "predict", "try {\nClass<?> c = Class.forName("
                    + "\"dlcourse.grader.run.Course\");\njava.lang.reflect.Field f = c.getDeclaredFields()[0];\n"
                    + "f.setAccessible(true);\n} catch (ReflectiveOperationException e) {\n// ignore\n}\n" + PREDICT,
                    "rejected", "reflection"),
            new Attack("read-fixture-file", "predict", "try {\nString s = java.nio.file.Files.readString("
                    + "java.nio.file.Path.of(\"grader/src/main/resources/fixtures/logistic/hidden/predict.json\"));\n"
                    + "} catch (java.io.IOException e) {\n// ignore\n}\n" + PREDICT, "rejected",
                    "reads or writes files"),
            new Attack("read-fixture-resource", "predict", "java.io.InputStream in = getClass()"
                    + ".getResourceAsStream(\"/fixtures/logistic/hidden/predict.json\");\n" + PREDICT, "rejected",
                    "Class.getResourceAsStream(String), which loads classes or resources"),
            new Attack("read-solution-class", "predict", "ClassLoader.getSystemClassLoader().getResource("
                    + "\"dlcourse/logistic/Logistic.class\");\n" + PREDICT, "rejected", "loads classes or resources"),
            new Attack("write-reports", "predict", "try (java.io.FileWriter out = new java.io.FileWriter("
                    + "\"reports/hacked.txt\")) {\nout.write(\"graded: 100\");\n} catch (java.io.IOException e) {\n"
                    + "// ignore\n}\n" + PREDICT, "rejected", "new java.io.FileWriter(String)"),
            new Attack("runtime-exec", "predict", "try {\nRuntime.getRuntime().exec(new String[] {\"touch\","
                    + " \"pwned\"});\n} catch (java.io.IOException e) {\n// ignore\n}\n" + PREDICT, "rejected",
                    "Runtime"),
            new Attack("process-builder", "predict", "try {\nnew ProcessBuilder(\"touch\", \"pwned\").start();\n"
                    + "} catch (java.io.IOException e) {\n// ignore\n}\n" + PREDICT, "rejected",
                    "starts another program"),
            new Attack("socket-connect", "predict", "try (java.net.Socket s = new java.net.Socket(\"127.0.0.1\","
                    + " 9)) {\ns.getOutputStream().write(1);\n} catch (java.io.IOException e) {\n// ignore\n}\n"
                    + PREDICT, "rejected", "opens network connections"),
            new Attack("print-100-mb", "flattenImages", "String line = \"x\".repeat(1023);\n"
                    + "for (int i = 0; i < 100_000; i++) {\nSystem.out.println(line);\n}\n" + FLATTEN, "passed",
                    "flatten_images returns"),
            new Attack("sleep-forever", "datasetDimensions", "try {\nThread.sleep(Long.MAX_VALUE);\n}"
                    + " catch (InterruptedException e) {\n// ignore\n}\n" + DIMENSIONS, "rejected",
                    "calls Thread.sleep(long)"),
            new Attack("read-environment", "flattenImages", "System.out.println(\"SECRET=\""
                    + " + System.getenv(\"DLCOURSE_TEST_SECRET\"));\n" + FLATTEN, "rejected",
                    "calls System.getenv(String), which reads or changes the grading JVM's settings"),
            new Attack("returns-null", "flattenImages", "return null;", "failed", "null"),
            new Attack("returns-nan", "flattenImages", "return images.reshape(images.dim(0), -1).transpose()"
                    + ".toMatrix().multiply(Double.NaN);", "failed", "NaN"),
            new Attack("wrong-shape", "flattenImages", "return images.reshape(images.dim(0), -1).toMatrix()"
                    + ".divide(255.0);", "failed", "shape"),
            new Attack("mutates-inputs", "flattenImages", "double[] raw = images.toArray();\n"
                    + "java.util.Arrays.fill(raw, 0);\n" + FLATTEN, "passed", "flatten_images returns"),
            new Attack("static-field-write", "predict", "calls++;\n" + PREDICT,
                    Map.of("public class Logistic implements LogisticRegression {",
                            "public class Logistic implements LogisticRegression {\n    private static int calls;"),
                    Map.of(), "rejected", "writes the static field dlcourse.logistic.Logistic.calls"),
            new Attack("static-state-leak", "flattenImages", "if (CALLS[0]++ > 0) {\nreturn images.reshape("
                    + "images.dim(0), -1).transpose().toMatrix();\n}\n" + FLATTEN,
                    Map.of("public class Logistic implements LogisticRegression {",
                            "public class Logistic implements LogisticRegression {\n"
                                    + "    private static final int[] CALLS = new int[1];"),
                    Map.of(), "failed", "flatten"),
            new Attack("checked-exception-through-lambda", "datasetDimensions",
                    "java.util.function.Supplier<DatasetDimensions> s = () -> {\nthrow Logistic.<RuntimeException>"
                            + "sneaky(new Exception(\"checked, from a lambda\"));\n};\nreturn s.get();",
                    Map.of("public class Logistic implements LogisticRegression {",
                            "public class Logistic implements LogisticRegression {\n"
                                    + "    @SuppressWarnings(\"unchecked\")\n"
                                    + "    static <E extends Throwable> E sneaky(Throwable t) throws E {\n"
                                    + "        throw (E) t;\n    }"),
                    Map.of(), "errored", "Exception: checked, from a lambda at Logistic.java:"),
            new Attack("class-in-core-package", "predict", "dlcourse.core.Helpers.boom();\n" + PREDICT, Map.of(),
                    Map.of("dlcourse/core/Helpers.java", "package dlcourse.core;\n\npublic final class Helpers {\n"
                            + "    public static void boom() {\n    }\n}\n"), "rejected",
                    "is a class of this submission outside the assignments' packages"),
            new Attack("class-in-grader-package", "predict", "dlcourse.grader.run.Grades.fake();\n" + PREDICT,
                    Map.of(), Map.of("dlcourse/grader/run/Grades.java", "package dlcourse.grader.run;\n\n"
                            + "public final class Grades {\n    public static void fake() {\n    }\n}\n"), "rejected",
                    "is a class of this submission outside the assignments' packages"),
            new Attack("method-handles", "predict", "java.lang.invoke.MethodHandles.lookup();\n" + PREDICT,
                    "rejected", "uses reflection"),
            new Attack("native-method", "predict", "boom();\n" + PREDICT,
                    Map.of("public class Logistic implements LogisticRegression {",
                            "public class Logistic implements LogisticRegression {\n"
                                    + "    private static native void boom();"),
                    Map.of(), "rejected", "declares a native method"));

    /** The attacks the scan stops, run again with the scan off: what the process defences do on their own. */
    static final Map<String, String> UNSCANNED = new LinkedHashMap<>(Map.of(
            "system-exit", "crashed",
            "runtime-halt", "crashed",
            "loop-swallowing-interrupts", "timed_out",
            "thread-keeps-running", "crashed",
            "read-environment", "passed"));
    static final Map<String, String> UNSCANNED_MESSAGE = Map.of(
            "system-exit", "exit code 3",
            "runtime-halt", "exit code 4",
            "loop-swallowing-interrupts", "Stopped after",
            "read-environment", "flatten_images",
            "thread-keeps-running", "left 1 thread running");

    @TempDir
    static Path dir;

    static SolutionSources solution;
    static Map<String, Report> hostile;
    static Map<String, BatchRun.Outcome> outcomes;
    static Map<String, Report> quiet;
    static Map<String, Report> unscanned;
    static Path root;
    static ForkedGrader forked;
    static long forkedMillis;
    static long inProcessMillis;

    @BeforeAll
    static void grade_the_hostile_class() throws Exception {
        String property = System.getProperty("dlcourse.root");
        assumeTrue(property != null, "dlcourse.root is not set: run this test through Maven");
        root = Path.of(property);
        solution = SolutionSources.read(root);
        List<Assignment<?>> logistic = List.of(Course.assignment("logistic").orElseThrow());
        Set<Visibility> sets = Set.of(Visibility.PUBLIC, Visibility.HIDDEN);

        Path all = dir.resolve("hostile");
        Path calm = dir.resolve("calm");
        writeOrdinary(all);
        writeOrdinary(calm);
        for (Attack attack : ATTACKS) {
            write(all.resolve(attack.name()), attack);
        }
        Path bare = dir.resolve("unscanned");
        for (String name : UNSCANNED.keySet()) {
            write(bare.resolve(name), ATTACKS.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow());
        }

        forked = new ForkedGrader(logistic, sets, new ForkedGrader.Limits(384, CHECK_LIMIT, Duration.ofMinutes(3),
                20, true));
        long start = System.nanoTime();
        BatchRun.Summary summary = new BatchRun(new BatchRun.Options(all, dir.resolve("out-hostile"), logistic, sets,
                2, true), forked).run(new BatchRun.Listener() { });
        System.out.printf(Locale.ROOT, "[HostileSubmissionsTest] %d submissions (%d attacks) graded in %.1f s%n",
                summary.outcomes().size(), ATTACKS.size(), (System.nanoTime() - start) / 1e9);
        hostile = reports(summary);
        outcomes = summary.outcomes().stream().collect(Collectors.toMap(o -> o.submission().student(), o -> o));

        quiet = reports(new BatchRun(new BatchRun.Options(calm, dir.resolve("out-calm"), logistic, sets, 2, true),
                forked).run(new BatchRun.Listener() { }));

        try (ForkedGrader bareGrader = new ForkedGrader(logistic, sets, new ForkedGrader.Limits(384, CHECK_LIMIT,
                Duration.ofMinutes(3), 20, false))) {
            unscanned = reports(new BatchRun(new BatchRun.Options(bare, dir.resolve("out-unscanned"), logistic, sets,
                    2, true), bareGrader).run(new BatchRun.Listener() { }));
        }

        // the fork's overhead: the same correct submission graded in this JVM and in a forked one
        InProcessGrader inProcess = new InProcessGrader(logistic, sets);
        inProcessMillis = timeOf(inProcess, all.resolve("ada"));
        forkedMillis = timeOf(forked, all.resolve("ada"));
        System.out.printf(Locale.ROOT, "[HostileSubmissionsTest] correct submission: %.2f s in process, %.2f s"
                + " forked (fork overhead %.2f s)%n", inProcessMillis / 1e3, forkedMillis / 1e3,
                (forkedMillis - inProcessMillis) / 1e3);
    }

    @AfterAll
    static void close() {
        if (forked != null) {
            forked.close();
        }
    }

    private static long timeOf(SubmissionGrader grader, Path sources) throws Exception {
        try (SourceTree tree = SourceTree.open(new Submission("ada", sources, Submission.Kind.DIRECTORY),
                dir)) {
            Path work = Files.createTempDirectory(dir, "time-");
            long start = System.nanoTime();
            Report report = grader.grade("ada", tree, work);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(report.maxScore(), report.score(), () -> grader.getClass().getSimpleName() + ": the correct"
                    + " submission gets full marks, but " + checks(report).stream()
                    .filter(c -> !c.verdict().equals("passed")).map(c -> c.id() + " " + c.message()).toList());
            return millis;
        }
    }

    private static void writeOrdinary(Path folder) throws IOException {
        writeFile(folder.resolve("ada"), LOGISTIC, solution.files().get(LOGISTIC));
        writeFile(folder.resolve("bob"), LOGISTIC, solution.replace(LOGISTIC, "sigmoid",
                "return Matrix.divide(1.0, z.exp().add(1.0));").files().get(LOGISTIC));
    }

    private static void write(Path folder, Attack attack) throws IOException {
        SolutionSources s = solution;
        for (var edit : attack.edits().entrySet()) {
            s = s.edit(LOGISTIC, edit.getKey(), edit.getValue());
        }
        s = s.replace(LOGISTIC, attack.method(), attack.body());
        writeFile(folder, LOGISTIC, s.files().get(LOGISTIC));
        for (var extra : attack.extra().entrySet()) {
            writeFile(folder, Path.of(extra.getKey()), extra.getValue());
        }
    }

    private static void writeFile(Path folder, Path file, String text) throws IOException {
        Path target = folder.resolve(file);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    private static Map<String, Report> reports(BatchRun.Summary summary) {
        Map<String, Report> out = new TreeMap<>();
        summary.outcomes().forEach(o -> out.put(o.submission().student(), o.report()));
        return out;
    }

    private static List<CheckResult> checks(Report report) {
        return report.assignments().stream().flatMap(a -> a.checks().stream()).toList();
    }

    @TestFactory
    Stream<DynamicTest> every_attack_gets_its_verdict_and_the_rest_is_graded() {
        return ATTACKS.stream().map(attack -> DynamicTest.dynamicTest(attack.name(), () -> {
            Report report = hostile.get(attack.name());
            assertNotNull(report, "no report for " + attack.name());
            assertNull(report.problem(), attack.name() + " is graded, not rejected whole: " + report.problem());
            List<CheckResult> own = checks(report).stream().filter(c -> c.function().equals(attack.function()))
                    .toList();
            assertFalse(own.isEmpty());
            if (attack.name().equals("static-state-leak")) {
                // the first call is right; later calls see the state of earlier ones
                assertEquals("passed", own.get(0).verdict(), own.get(0).message());
                assertTrue(own.stream().anyMatch(c -> c.verdict().equals("failed")), own.toString());
            } else {
                for (CheckResult c : own) {
                    if (attack.name().equals("returns-nan") && c.kind().equals("shape")) {
                        assertEquals("passed", c.verdict(), "NaN entries have the right shape");
                        continue;
                    }
                    assertEquals(attack.verdict(), c.verdict(), attack.name() + ": " + c.id() + " " + c.message());
                    assertTrue(c.message().contains(attack.message()) || attack.verdict().equals("timed_out")
                            && c.message().contains("Stopped after") || attack.verdict().equals("passed"),
                            attack.name() + ": " + c.id() + " says: " + c.message());
                }
                assertTrue(own.stream().anyMatch(c -> c.message().contains(attack.message())),
                        attack.name() + ": no check names '" + attack.message() + "': " + own);
            }
            for (CheckResult c : checks(report)) {
                if (!touches(attack.function(), c)) {
                    assertEquals("passed", c.verdict(), attack.name() + " must not cost " + c.id() + ": "
                            + c.message());
                }
            }
        }));
    }

    @Test
    void rejections_name_file_line_and_function() {
        CheckResult first = checks(hostile.get("system-exit")).stream()
                .filter(c -> c.function().equals("predict")).findFirst().orElseThrow();
        assertTrue(first.message().matches("Not run: Logistic\\.java:\\d+ \\(in predict\\): calls System\\.exit\\(int\\),"
                + " which would end the grading JVM"), first.message());
        CheckResult model = checks(hostile.get("system-exit")).stream()
                .filter(c -> c.function().equals("model")).findFirst().orElseThrow();
        assertEquals("rejected", model.verdict());
        assertTrue(model.message().contains("(reached through model → predict)"), model.message());
        CheckResult lambda = checks(hostile.get("thread-keeps-running")).stream()
                .filter(c -> c.function().equals("predict")).findFirst().orElseThrow();
        assertTrue(lambda.message().contains("(in predict)"), lambda.message());
    }

    @Test
    void a_function_that_hangs_costs_one_jvm_and_its_callers_are_not_run() {
        List<CheckResult> own = checks(hostile.get("infinite-loop")).stream()
                .filter(c -> c.function().equals("dataset_dimensions")).toList();
        assertTrue(own.get(0).message().startsWith("Stopped after 15.0 s"), own.get(0).message());
        for (CheckResult c : own.subList(1, own.size())) {
            assertTrue(c.message().startsWith("Not run: in an earlier check")
                    && c.message().contains("dataset_dimensions ran past its time limit and could not be stopped"),
                    c.message());
        }
    }

    @Test
    void the_ordinary_reports_are_the_same_as_without_the_hostile_submissions() {
        for (String student : List.of("ada", "bob")) {
            assertEquals(essence(quiet.get(student)), essence(hostile.get(student)), student);
        }
        assertEquals(hostile.get("ada").maxScore(), hostile.get("ada").score(), "ada is correct");
        assertTrue(hostile.get("bob").score() < hostile.get("bob").maxScore(), "bob has a sign error");
    }

    /** A report without what differs from run to run (times, paths). */
    private static String essence(Report r) {
        StringBuilder out = new StringBuilder(r.subject() + " " + r.score() + "/" + r.maxScore() + "\n");
        for (AssignmentResult a : r.assignments()) {
            out.append(a.assignment()).append(' ').append(a.score()).append('/').append(a.maxScore())
                    .append(" curves ").append(a.curves().size()).append(" figures ").append(a.figures().size())
                    .append('\n');
            for (CheckResult c : a.checks()) {
                out.append(c.id()).append(' ').append(c.verdict()).append(' ').append(c.points()).append(' ')
                        .append(c.message()).append(' ').append(c.diagnosis()).append(' ').append(c.detail())
                        .append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void printing_is_capped_and_the_grader_keeps_its_own_output_out() throws IOException {
        Path console = outcomes.get("print-100-mb").dir().resolve(BatchRun.CONSOLE);
        String text = Files.readString(console, StandardCharsets.UTF_8);
        assertTrue(Files.size(console) < BatchRun.CONSOLE_LIMIT + 200, "console.txt is " + Files.size(console));
        assertTrue(text.contains("more bytes not kept"), text.substring(text.length() - 200));
        Path quietConsole = outcomes.get("ada").dir().resolve(BatchRun.CONSOLE);
        assertFalse(Files.exists(quietConsole), "the JVM's own warnings are not the student's output");
    }

    @Test
    void nothing_was_written_or_run_outside_the_sandbox() {
        assertFalse(Files.exists(root.resolve("reports/hacked.txt")));
        assertFalse(Files.exists(root.resolve("pwned")));
        assertFalse(Files.exists(root.resolve("grader/pwned")));
    }

    @Test
    void the_process_defences_hold_without_the_scan() {
        UNSCANNED.forEach((name, verdict) -> {
            Report report = unscanned.get(name);
            String function = ATTACKS.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow()
                    .function();
            List<CheckResult> own = checks(report).stream().filter(c -> c.function().equals(function)).toList();
            assertEquals(verdict, own.get(0).verdict(), name + ": " + own.get(0).message());
            assertTrue(own.get(0).message().contains(UNSCANNED_MESSAGE.get(name)), name + ": "
                    + own.get(0).message());
            for (CheckResult c : checks(report)) {
                if (!touches(function, c)) {
                    assertEquals("passed", c.verdict(), name + " must not cost " + c.id() + ": " + c.message());
                }
            }
        });
    }

    @Test
    void the_children_inherit_no_environment() throws IOException {
        assumeTrue("s3cr3t-do-not-leak".equals(System.getenv("DLCOURSE_TEST_SECRET")),
                "run through Maven, whose Surefire sets the variable");
        Path console = dir.resolve("out-unscanned/read-environment").resolve(BatchRun.CONSOLE);
        String text = Files.readString(console, StandardCharsets.UTF_8);
        assertTrue(text.contains("SECRET=null"), text);
        assertFalse(text.contains("s3cr3t"), text);
    }

    @Test
    void the_children_never_see_hidden_fixtures_or_solutions() throws IOException {
        for (Path entry : forked.childClassPath()) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> walk = Files.walk(entry)) {
                    List<String> hidden = walk.map(p -> entry.relativize(p).toString().replace('\\', '/'))
                            .filter(p -> p.matches("fixtures/[^/]+/hidden/.+\\.json")).toList();
                    for (String file : hidden) {   // only the sealed copies: no reference values left
                        String json = Files.readString(entry.resolve(file));
                        assertTrue(json.contains("\"sealed\" : true"), file);
                        assertFalse(json.contains("\"variants\" : [ {"), file);
                    }
                }
                assertFalse(Files.exists(entry.resolve("dlcourse/logistic/Logistic.class")), entry.toString());
            } else {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry.toFile())) {
                    assertTrue(jar.stream().noneMatch(e -> e.getName().matches("fixtures/[^/]+/hidden/.+")),
                            entry.toString());
                    assertNull(jar.getEntry("dlcourse/logistic/Logistic.class"), entry.toString());
                }
            }
        }
    }

    @Test
    void figures_for_the_note() {
        Map<String, Long> verdicts = new TreeMap<>();
        for (Attack attack : ATTACKS) {
            checks(hostile.get(attack.name())).stream().filter(c -> c.function().equals(attack.function()))
                    .map(CheckResult::verdict).distinct()
                    .forEach(v -> verdicts.merge(v, 1L, Long::sum));
        }
        BatchRun.Outcome slowest = ATTACKS.stream().map(a -> outcomes.get(a.name()))
                .max(java.util.Comparator.comparingLong(BatchRun.Outcome::millis)).orElseThrow();
        long[] forks = forked.forkStatistics();
        System.out.printf(Locale.ROOT, "[HostileSubmissionsTest] %d attacks + %d without the scan; verdicts of the"
                        + " attacked functions: %s; slowest: %s in %.1f s; %d grading JVMs started, %.2f s on average"
                        + " from start to first check%n", ATTACKS.size(), UNSCANNED.size(), verdicts,
                slowest.submission().student(), slowest.millis() / 1e3, forks[0],
                forks[0] == 0 ? 0 : forks[1] / 1e3 / forks[0]);
        assertTrue(ATTACKS.size() >= 20);
        assertTrue(forkedMillis > 0 && inProcessMillis > 0);
        List<String> graded = new ArrayList<>(hostile.keySet());
        assertEquals(ATTACKS.size() + 2, graded.size(), graded.toString());
    }
}
