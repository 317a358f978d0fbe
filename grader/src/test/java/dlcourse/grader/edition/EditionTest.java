package dlcourse.grader.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dlcourse.grader.cli.Main;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.ReportJson;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.Course;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the student edition from this checkout into a temp folder, proves that it holds nothing of the solutions,
 * and that {@code mvn -o verify} there passes and grades every skeleton as not implemented.
 */
class EditionTest {

    /**
     * Ready-made code the course itself hands to students, which by its nature repeats answers of an earlier
     * assignment: the application assignment's L-layer utilities (the course's own utility module for assignment 4
     * contains every step of assignment 3). Scanned for markers like every file, but not for answer text.
     */
    private static final Set<String> GIVEN_UTILITIES = Set.of("src/main/java/dlcourse/nn/DeepNet.java");

    /** The nested offline build may take this long (it compiles core and grader, then grades the exercises). */
    private static final long BUILD_MINUTES = 5;

    @TempDir
    static Path dir;

    static Path root;
    static Path edition;
    static List<Path> files;

    @BeforeAll
    static void write_the_edition() throws IOException {
        String property = System.getProperty("dlcourse.root");
        assumeTrue(property != null, "dlcourse.root is not set: run this test through Maven");
        root = Path.of(property).toAbsolutePath().normalize();
        edition = dir.resolve("student-edition");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("edition", "--out", edition.toString(), "--root", root.toString());
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().startsWith("Student edition written: "), out.toString());
        try (Stream<Path> walk = Files.walk(edition)) {
            files = walk.filter(Files::isRegularFile).map(edition::relativize).sorted().toList();
        }
    }

    @Test
    void holds_what_students_need() throws IOException {
        for (String needed : List.of("pom.xml", ".mvn/maven.config", ".gitignore", "dlcourse", "README.md",
                "reports/README.md", "src/pom.xml", "src/main/java/dlcourse/core/Matrix.java",
                "src/main/java/dlcourse/course/NotImplementedYet.java", "grader/pom.xml",
                "grader/src/main/java/dlcourse/grader/run/Grader.java", "grader/src/main/resources/templates/report.html",
                "exercises/pom.xml", "exercises/src/test/java/dlcourse/GradeExercisesTest.java",
                ".github/workflows/grade.yml", ".gitlab-ci.yml")) {
            assertTrue(Files.isRegularFile(edition.resolve(needed)), "missing " + needed);
        }
        assertTrue(Files.isExecutable(edition.resolve("dlcourse")));
        // the exercises exactly as committed, and every public fixture
        assertEquals(tree(root.resolve("exercises/src")), tree(edition.resolve("exercises/src")));
        for (Assignment<?> a : Course.assignments()) {
            Path fixtures = Path.of("grader/src/main/resources/fixtures", a.id(), "public");
            assertEquals(tree(root.resolve(fixtures)), tree(edition.resolve(fixtures)), a.id());
            assertFalse(tree(edition.resolve(fixtures)).isEmpty(), a.id());
            String file = a.implementationClassName().replace('.', '/') + ".java";
            assertTrue(Files.readString(edition.resolve("README.md")).contains("exercises/src/main/java/" + file));
        }
        String readme = Files.readString(edition.resolve("README.md"));
        assertTrue(readme.contains("mvn verify") && readme.contains("exercises/target/grader/index.html"), readme);
        assertFalse(readme.contains("{{"), "placeholders filled");
    }

    @Test
    void holds_no_solution_code() throws IOException {
        for (Path file : files) {
            String rel = file.toString().replace('\\', '/');
            assertFalse(("/" + rel + "/").contains("/solutions/"), rel);
            assertFalse(rel.endsWith("Mistakes.java"), rel);
            assertFalse(rel.matches(".*fixtures/[^/]+/hidden/.*"), rel);
        }
        Set<String> solutionFiles = new HashSet<>();
        List<String> regions = new ArrayList<>();
        Pattern region = Pattern.compile("(?ms)^\\s*// BEGIN SOLUTION\\s*$(.*?)^\\s*// END SOLUTION\\s*$");
        try (Stream<Path> walk = Files.walk(root.resolve("solutions"))) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/target/")).toList()) {
                String text = Files.readString(p);
                Matcher m = region.matcher(text);
                if (m.find()) {
                    solutionFiles.add(text); // files without answers (package-info) are the same in the exercises
                    m.reset();
                }
                while (m.find()) {
                    String body = normalize(m.group(1));
                    if (body.length() >= 12) {
                        regions.add(body);
                    }
                }
            }
        }
        assertFalse(regions.isEmpty(), "the solutions have answer regions to look for");
        Set<String> hidden = new HashSet<>();
        try (Stream<Path> walk = Files.walk(root.resolve("grader/src/main/resources/fixtures"))) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> p.toString().contains("/hidden/")).toList()) {
                hidden.add(Files.readString(p));
            }
        }
        Pattern marker = Pattern.compile("(?m)^\\s*//\\s*(BEGIN|END)[ _-]?SOLUTION");
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(edition.resolve(file), StandardCharsets.UTF_8);
            } catch (MalformedInputException e) {
                continue; // binary
            }
            assertFalse(marker.matcher(text).find(), file + " holds a solution marker");
            assertFalse(solutionFiles.contains(text), file + " is a copy of a solution file");
            assertFalse(hidden.contains(text), file + " is a copy of a hidden fixture");
            if (GIVEN_UTILITIES.contains(file.toString().replace('\\', '/'))) {
                continue;
            }
            String normalized = normalize(text);
            for (String body : regions) {
                assertFalse(normalized.contains(body), file + " holds a solution body: " + body);
            }
        }
    }

    @Test
    void build_files_do_not_refer_to_the_solutions() throws IOException {
        String pom = Files.readString(edition.resolve("pom.xml"));
        Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> listed = new ArrayList<>();
        while (modules.find()) {
            listed.add(modules.group(1));
        }
        assertEquals(List.of("src", "grader", "exercises"), listed);
        for (Path file : files) {
            String rel = file.toString();
            if (rel.endsWith("pom.xml") || rel.equals("dlcourse") || rel.endsWith(".yml")
                    || rel.endsWith("maven.config")) {
                String text = Files.readString(edition.resolve(file)).toLowerCase(java.util.Locale.ROOT);
                for (String word : List.of("solution", "pitest", "mutation", "<module>bench")) {
                    assertFalse(text.contains(word), rel + " mentions " + word);
                }
            }
        }
        assertFalse(Files.readString(edition.resolve("grader/pom.xml")).contains("selenium"),
                "test-only dependencies of modules whose tests are not shipped are dropped");
    }

    @Test
    void ci_templates_run_mvn_verify_and_keep_reports_as_an_artifact() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode github = yaml.readTree(edition.resolve(".github/workflows/grade.yml").toFile());
        boolean verifies = false;
        boolean keeps = false;
        for (JsonNode step : github.path("jobs").path("grade").path("steps")) {
            verifies |= step.path("run").asText().startsWith("mvn -B verify");
            keeps |= step.path("uses").asText().startsWith("actions/upload-artifact")
                    && step.path("with").path("path").asText().equals("reports/")
                    && step.path("if").asText().equals("always()");
        }
        assertTrue(verifies && keeps, github.toPrettyString());
        JsonNode gitlab = yaml.readTree(edition.resolve(".gitlab-ci.yml").toFile()).path("grade");
        assertTrue(gitlab.path("script").get(0).asText().startsWith("mvn -B verify"), gitlab.toPrettyString());
        assertEquals("reports/", gitlab.path("artifacts").path("paths").get(0).asText());
        assertEquals("always", gitlab.path("artifacts").path("when").asText());
    }

    @Test
    void refuses_to_write_into_a_folder_that_is_not_empty() {
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
                .execute("edition", "--out", edition.toString(), "--root", root.toString());
        assertEquals(2, status);
        assertTrue(err.toString().contains("is not empty"), err.toString());
    }

    @Test
    void builds_offline_and_grades_every_skeleton_as_not_implemented() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-q", "verify"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        Path log = dir.resolve("edition-build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(edition.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Like a student who has downloaded the course data: the training check then reaches the student's code.
        dlcourse.data.DataDirectory.standard().locate(dlcourse.data.CatImages.TRAIN_FILE).ifPresent(
                file -> builder.environment().put(dlcourse.data.DataDirectory.DATA_ENVIRONMENT_VARIABLE,
                        file.toAbsolutePath().getParent().toString()));
        Process build = builder.start();
        if (!build.waitFor(BUILD_MINUTES, TimeUnit.MINUTES)) {
            build.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail("mvn -o verify in the edition took more than " + BUILD_MINUTES + " minutes:\n" + tail(log));
        }
        assertEquals(0, build.exitValue(), "mvn -o verify in the edition failed:\n" + tail(log));

        Report report = ReportJson.read(edition.resolve("exercises/target/grader/report.json"));
        assertEquals("public", report.provenance().fixtureSet());
        assertEquals(Course.assignments().stream().map(Assignment::id).toList(),
                report.assignments().stream().map(a -> a.assignment()).toList());
        for (var assignment : report.assignments()) {
            assertFalse(assignment.checks().isEmpty(), assignment.assignment());
            for (CheckResult check : assignment.checks()) {
                assertEquals("not_implemented", check.verdict(), check.id() + ": " + check.message());
            }
        }
        assertEquals(0.0, report.score());
        assertTrue(report.maxScore() > 0);
        assertTrue(Files.isRegularFile(edition.resolve("exercises/target/grader/index.html")));
    }

    private static List<String> tree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.add(dir.relativize(p) + "\n" + Files.readString(p));
            }
        }
        return out;
    }

    private static String normalize(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
