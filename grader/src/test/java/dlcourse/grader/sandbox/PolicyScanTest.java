package dlcourse.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcourse.grader.batch.SubmissionCompiler;
import dlcourse.grader.check.PolicyViolation;
import dlcourse.grader.run.Course;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytecode policy: what ordinary course code does passes; each forbidden kind of call is found with its class,
 * method, line and a reason; a function reaching a forbidden call through helpers is rejected with the path;
 * neutralised methods throw instead of running; classes outside the assignments' packages are removed.
 */
class PolicyScanTest {

    /** Snippets that must be refused, each with a fragment of the expected finding. */
    static final Map<String, String> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put("System.exit(1);", "calls System.exit(int), which would end the grading JVM");
        REFUSED.put("System.getenv(\"HOME\");", "calls System.getenv(String), which reads or changes the grading"
                + " JVM's settings");
        REFUSED.put("System.setOut(null);", "calls System.setOut(java.io.PrintStream)");
        REFUSED.put("try { Thread.sleep(1); } catch (InterruptedException e) { }", "calls Thread.sleep(long), which"
                + " starts or controls threads");
        REFUSED.put("new Thread(() -> { }).start();", "creates new Thread(Runnable)");
        REFUSED.put("java.util.concurrent.Executors.newSingleThreadExecutor();", "calls"
                + " java.util.concurrent.Executors.newSingleThreadExecutor(), which starts or controls threads");
        REFUSED.put("new java.util.Timer();", "creates new java.util.Timer(), which starts or controls threads");
        REFUSED.put("try { Class.forName(\"x\"); } catch (ClassNotFoundException e) { }", "calls"
                + " Class.forName(String), which uses reflection");
        REFUSED.put("String.class.getDeclaredMethods();", "calls Class.getDeclaredMethods(), which uses reflection");
        REFUSED.put("java.lang.reflect.Array.newInstance(int.class, 3);", "calls java.lang.reflect.Array"
                + ".newInstance(Class, int), which uses reflection");
        REFUSED.put("java.lang.invoke.MethodHandles.lookup();", "uses reflection");
        REFUSED.put("String.class.getResourceAsStream(\"/x\");", "loads classes or resources");
        REFUSED.put("ClassLoader.getSystemClassLoader();", "loads classes or resources");
        REFUSED.put("java.util.ServiceLoader.load(Runnable.class);", "loads classes or resources");
        REFUSED.put("new java.io.File(\"x\").delete();", "creates new java.io.File(String), which reads or writes"
                + " files");
        REFUSED.put("try { java.nio.file.Files.readAllBytes(null); } catch (java.io.IOException e) { }",
                "calls java.nio.file.Files.readAllBytes(java.nio.file.Path), which reads or writes files");
        REFUSED.put("try { new java.net.Socket(\"h\", 1); } catch (java.io.IOException e) { }", "opens network"
                + " connections");
        REFUSED.put("try { new ProcessBuilder(\"ls\").start(); } catch (java.io.IOException e) { }",
                "starts another program");
        REFUSED.put("Runtime.getRuntime().availableProcessors();", "calls Runtime.getRuntime()");
        REFUSED.put("Object o = sun.misc.Unsafe.class;", "uses sun.misc.Unsafe, which uses reflection (it could reach into the grader)");
        REFUSED.put("Runnable r = () -> System.exit(0);", "calls System.exit(int)");
        REFUSED.put("java.util.function.IntConsumer c = System::exit;", "calls System.exit(int)");
        REFUSED.put("dlcourse.data.CatImages.class.getName();", "belongs to the grader or the course's data loading");
        REFUSED.put("counter++;", "writes the static field dlcourse.logistic.Probe");
    }

    /** Ordinary code of every kind a student writes: nothing may be found in it. */
    static final String ORDINARY = """
            package dlcourse.logistic;

            import dlcourse.core.Matrix;
            import java.util.*;
            import java.util.function.*;
            import java.util.stream.*;

            public class Ordinary {
                enum Mode { A, B }
                record Pair(Matrix a, double b) { }
                static final Map<String, Integer> TABLE = new HashMap<>();
                static { TABLE.put("x", 1); }
                private int instanceCounter;

                static final class Resource implements AutoCloseable {
                    @Override public void close() { }
                }

                public Object run(Matrix m, Mode mode) {
                    assert m != null : "m";
                    instanceCounter++;
                    int k = switch (mode) { case A -> 1; case B -> 2; };
                    String label = "mode " + mode + " k=" + k + " " + getClass().getSimpleName();
                    System.out.println(label);
                    System.err.printf("%d%n", k);
                    Function<Matrix, Matrix> f = Matrix::exp;
                    List<Double> xs = IntStream.range(0, 5).mapToObj(i -> Math.sqrt(i)).collect(Collectors.toList());
                    double total = xs.stream().mapToDouble(Double::doubleValue).parallel().sum();
                    Optional<Pair> p = Optional.of(new Pair(f.apply(m), total));
                    try (Resource r = new Resource()) {
                        Objects.requireNonNull(r);
                    }
                    int[] copy = new int[] {1, 2}.clone();
                    StringBuilder sb = new StringBuilder().append(copy.length);
                    Object o = p;
                    if (o instanceof Optional<?> opt && opt.isPresent()) {
                        sb.append(opt.get());
                    }
                    try {
                        throw new IllegalStateException(String.format("%s", sb));
                    } catch (RuntimeException e) {
                        sb.append(e.getMessage());
                    }
                    long t = System.nanoTime();
                    return new Random(42).nextGaussian() + Integer.parseInt("3") + t * 0 + Math.max(1, 2);
                }
            }
            """;

    @TempDir
    static Path dir;
    static Path classes;
    static PolicyScan.Result result;
    static List<PolicyScan.Target> targets;
    static List<PolicyScan.Target> everyAssignment;

    @BeforeAll
    static void compile_and_scan() throws Exception {
        Path src = dir.resolve("src");
        List<Path> files = new ArrayList<>();
        targets = new ArrayList<>();
        int i = 0;
        for (String snippet : REFUSED.keySet()) {
            files.add(write(src, "dlcourse/logistic/Probe" + i + ".java", "package dlcourse.logistic;\n\n"
                    + "public class Probe" + i + " {\n    static int counter;\n\n    public Object run() {\n        "
                    + snippet + "\n        return null;\n    }\n}\n"));
            targets.add(new PolicyScan.Target("probe" + i, "dlcourse/logistic/Probe" + i, Map.of("run", "run"),
                    List.of()));
            i++;
        }
        files.add(write(src, "dlcourse/logistic/Ordinary.java", ORDINARY));
        targets.add(new PolicyScan.Target("ordinary", "dlcourse/logistic/Ordinary", Map.of("run", "run"), List.of()));
        files.add(write(src, "dlcourse/logistic/Chain.java", """
                package dlcourse.logistic;

                public class Chain {
                    public int model() { return predict() + 1; }
                    public int predict() { return helper(); }
                    public int sigmoid() { return 7; }
                    private int helper() {
                        System.exit(2);
                        return 1;
                    }
                }
                """));
        targets.add(new PolicyScan.Target("chain", "dlcourse/logistic/Chain", Map.of("model", "model", "predict",
                "predict", "sigmoid", "sigmoid"), List.of()));
        files.add(write(src, "dlcourse/logistic/Spawner.java", """
                package dlcourse.logistic;

                public class Spawner extends Thread {
                    public int go() { return 1; }
                }
                """));
        files.add(write(src, "dlcourse/core/Planted.java", """
                package dlcourse.core;

                public class Planted {
                    public static int value() { return 5; }
                }
                """));
        files.add(write(src, "dlcourse/logistic/UsesPlanted.java", """
                package dlcourse.logistic;

                public class UsesPlanted {
                    public int run() { return dlcourse.core.Planted.value(); }
                }
                """));
        targets.add(new PolicyScan.Target("planted", "dlcourse/logistic/UsesPlanted", Map.of("run", "run"),
                List.of()));
        classes = dir.resolve("classes");
        SubmissionCompiler.Result compiled = SubmissionCompiler.compile(src, files, classes);
        assertTrue(compiled.success(), compiled.messages());
        everyAssignment = Course.assignments().stream().map(PolicyScan.Target::of).toList();
        result = PolicyScan.scan(classes, targets, everyAssignment);
    }

    private static Path write(Path src, String file, String text) throws Exception {
        Path p = src.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @TestFactory
    Stream<DynamicTest> each_forbidden_use_is_found_with_file_line_method_and_reason() {
        List<String> snippets = new ArrayList<>(REFUSED.keySet());
        return snippets.stream().map(snippet -> DynamicTest.dynamicTest(snippet, () -> {
            int i = snippets.indexOf(snippet);
            String reason = result.rejected("probe" + i).get("run");
            assertTrue(reason != null, "not rejected: " + snippet);
            assertTrue(reason.contains(REFUSED.get(snippet)), reason);
            assertTrue(reason.matches("Probe" + i + "\\.java:\\d+ \\(in (run|a lambda in run)\\): .*"), reason);
        }));
    }

    @Test
    void ordinary_course_code_passes() {
        assertTrue(result.findings().stream().noneMatch(f -> f.className().endsWith("Ordinary")
                || f.className().contains("Ordinary$")), result.findings().toString());
        assertFalse(result.rejected().containsKey("ordinary"));
    }

    @Test
    void a_function_is_rejected_when_it_reaches_a_forbidden_call_through_helpers() {
        Map<String, String> chain = result.rejected("chain");
        assertEquals(Set.of("model", "predict"), chain.keySet(), "sigmoid does not reach it");
        assertTrue(chain.get("predict").startsWith("Chain.java:8 (in helper): calls System.exit(int)"),
                chain.get("predict"));
        assertTrue(chain.get("predict").endsWith("(reached through predict → helper)"), chain.get("predict"));
        assertTrue(chain.get("model").endsWith("(reached through model → predict → helper)"), chain.get("model"));
        assertEquals(Set.of("model", "predict"), result.callers("chain", "predict"));
        assertEquals(Set.of("sigmoid"), result.callers("chain", "sigmoid"));
    }

    @Test
    void extending_a_forbidden_class_is_found_in_the_declaration() {
        assertTrue(result.findings().stream().anyMatch(f -> f.className().equals("dlcourse/logistic/Spawner")
                && f.text().equals("Spawner.java (in the class declaration): extends or implements Thread, which"
                + " starts or controls threads (graded code runs on the grader's thread)")), result.findings().toString());
    }

    @Test
    void classes_outside_the_assignments_packages_are_rejected_and_removed() throws Exception {
        assertEquals(List.of("dlcourse/core/Planted"), result.misplaced());
        assertTrue(result.rejected("planted").get("run").contains("calls dlcourse.core.Planted.value(), which is a"
                + " class of this submission outside the assignments' packages"));
        Path copy = dir.resolve("neutralised");
        copyTree(classes, copy);
        PolicyScan.neutralise(copy, result);
        assertFalse(Files.exists(copy.resolve("dlcourse/core/Planted.class")));
    }

    @Test
    void neutralised_methods_throw_the_finding_and_the_rest_still_runs() throws Exception {
        Path copy = dir.resolve("neutralised-2");
        copyTree(classes, copy);
        PolicyScan.neutralise(copy, result);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {copy.toUri().toURL()},
                PolicyScanTest.class.getClassLoader())) {
            Class<?> chain = loader.loadClass("dlcourse.logistic.Chain");
            Object instance = chain.getDeclaredConstructor().newInstance();
            assertEquals(7, chain.getMethod("sigmoid").invoke(instance));
            InvocationTargetException thrown = assertThrows(InvocationTargetException.class,
                    () -> chain.getMethod("predict").invoke(instance));
            PolicyViolation violation = assertInstanceOf(PolicyViolation.class, thrown.getCause());
            assertTrue(violation.getMessage().startsWith("Chain.java:8 (in helper): calls System.exit(int)"),
                    violation.getMessage());
            Class<?> spawner = loader.loadClass("dlcourse.logistic.Spawner");
            InvocationTargetException created = assertThrows(InvocationTargetException.class,
                    () -> spawner.getDeclaredConstructor().newInstance());
            assertInstanceOf(PolicyViolation.class, created.getCause());
        }
    }

    @Test
    void the_reference_solutions_and_the_skeletons_are_clean() throws Exception {
        String property = System.getProperty("dlcourse.root");
        assumeTrue(property != null, "dlcourse.root is not set: run this test through Maven");
        for (String module : List.of("solutions", "exercises")) {
            Path sources = Path.of(property, module, "src/main/java");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(sources)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
            Path out = dir.resolve(module);
            SubmissionCompiler.Result compiled = SubmissionCompiler.compile(sources, files, out);
            assertTrue(compiled.success(), compiled.messages());
            PolicyScan.Result scan = PolicyScan.scan(out, everyAssignment, everyAssignment);
            assertTrue(scan.clean(), module + ": " + scan.findings() + " " + scan.misplaced());
            assertTrue(scan.rejected().isEmpty(), module + ": " + scan.rejected());
        }
    }

    @Test
    void tensorflow_is_allowed_only_where_an_assignment_asks_for_it() {
        Policy standard = Policy.standard();
        assertTrue(standard.refusal(Policy.Use.CALL, "org/tensorflow/Session", "run", "()V") != null);
        assertEquals(null, standard.plus(List.of("org/tensorflow/")).refusal(Policy.Use.CALL,
                "org/tensorflow/op/Ops", "create", "()V"));
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
