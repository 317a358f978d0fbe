package dlcourse.grader.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcourse.grader.batch.GeneratedClass.Category;
import dlcourse.grader.batch.GeneratedClass.Expected;
import dlcourse.grader.cli.Main;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.render.HtmlReport;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Problem;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.ReportJson;
import dlcourse.grader.run.Course;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's acceptance run: a class of 30 submissions generated from the reference solution (correct, known
 * mistakes, partly done, untouched skeletons, code that throws or returns nonsense, code that does not compile, an
 * unreadable archive), in every storage format, graded in one {@code dlcourse batch} command; then the reports, the
 * dashboard's counts, grades.csv and Gradescope files are checked against what each submission is, and a re-run
 * must keep every current report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassBatchTest {

    @TempDir
    static Path dir;

    static Path classDir;
    static List<Expected> expected;
    static Map<String, Report> reports;
    static String output;
    static Document dashboard;

    @BeforeAll
    static void grade_a_class_of_30_in_one_command() throws Exception {
        String property = System.getProperty("dlcourse.root");
        assumeTrue(property != null, "dlcourse.root is not set: run this test through Maven");
        expected = GeneratedClass.write(Path.of(property), dir.resolve("submissions"), dir.resolve("scratch"));
        classDir = dir.resolve("class");
        long start = System.nanoTime();
        output = batch();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[ClassBatchTest] %d submissions graded in %.1f s: %.2f s per submission%n",
                expected.size(), seconds, seconds / expected.size());
        reports = new LinkedHashMap<>();
        for (Expected e : expected) {
            reports.put(e.student(), ReportJson.read(classDir.resolve(e.student()).resolve("report.json")));
        }
        dashboard = Jsoup.parse(classDir.resolve("index.html").toFile(), "UTF-8");
    }

    private static String batch() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("batch", dir.resolve("submissions").toString(), "--out", classDir.toString(),
                        "--assignments", "logistic");
        System.out.println(out);
        assertEquals(0, status, "batch failed:\n" + out + err);
        assertTrue(err.toString().contains("30/30"), "the progress bar reaches 30/30:\n" + err);
        return out.toString();
    }

    private static List<Expected> of(Category category) {
        return expected.stream().filter(e -> e.category() == category).toList();
    }

    private static List<CheckResult> checks(Report r, String function) {
        return r.assignments().stream().flatMap(a -> a.checks().stream())
                .filter(c -> c.function().equals(function)).toList();
    }

    private static String description(String mistakeId) {
        return Course.assignment("logistic").orElseThrow().mistakes().stream()
                .filter(m -> m.id().equals(mistakeId)).map(Mistake::description).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void every_submission_gets_its_report_page_and_gradescope_file() {
        assertEquals(30, expected.size());
        assertTrue(output.contains("30 submission(s): 30 graded now, 0 up to date, 4 could not be graded."), output);
        for (Expected e : expected) {
            Path student = classDir.resolve(e.student());
            for (String file : List.of("report.json", "index.html", "results.json")) {
                assertTrue(Files.isRegularFile(student.resolve(file)), e.student() + " has no " + file);
            }
            assertEquals(e.student(), reports.get(e.student()).subject());
        }
    }

    @Test
    @Order(1)
    void correct_submissions_get_full_marks_in_every_format() {
        for (Expected e : of(Category.CORRECT)) {
            Report r = reports.get(e.student());
            assertTrue(r.gradable(), e.student());
            assertEquals(85.0, r.maxScore(), e.student() + ": logistic is worth 85 points with hidden checks");
            assertEquals(r.maxScore(), r.score(), e.student() + " " + verdicts(r));
        }
    }

    @Test
    @Order(1)
    void each_known_mistake_is_diagnosed_in_its_function_and_costs_points() {
        for (Expected e : of(Category.MISTAKE)) {
            Report r = reports.get(e.student());
            String function = e.tampered().iterator().next();
            assertTrue(checks(r, function).stream().anyMatch(c -> description(e.mistakeId()).equals(c.diagnosis())),
                    e.student() + ": " + verdicts(r));
            assertTrue(r.score() < r.maxScore(), e.student());
        }
    }

    @Test
    @Order(1)
    void functions_left_as_stubs_are_not_implemented_and_the_rest_passes() {
        Set<String> leaves = Set.of("dataset_dimensions", "flatten_images", "sigmoid", "initialize_with_zeros");
        for (Expected e : of(Category.PARTLY)) {
            Report r = reports.get(e.student());
            for (String function : e.tampered()) {
                assertTrue(checks(r, function).stream().allMatch(c -> c.verdict().equals("not_implemented")),
                        e.student() + " " + function + ": " + verdicts(r));
            }
            for (String leaf : leaves) {
                if (!e.tampered().contains(leaf)) {
                    assertTrue(checks(r, leaf).stream().allMatch(c -> c.verdict().equals("passed")),
                            e.student() + " " + leaf + ": " + verdicts(r));
                }
            }
            assertTrue(r.score() > 0 && r.score() < r.maxScore(), e.student() + " scores " + r.score());
        }
        for (Expected e : of(Category.SKELETON)) {
            Report r = reports.get(e.student());
            assertEquals(0.0, r.score());
            assertTrue(r.assignments().get(0).checks().stream().allMatch(c -> c.verdict().equals("not_implemented")),
                    e.student() + ": " + verdicts(r));
        }
    }

    @Test
    @Order(1)
    void code_that_throws_is_located_in_the_students_file_and_nonsense_fails() {
        Report throwing = reports.get("broken-throws");
        for (CheckResult c : checks(throwing, "propagate")) {
            assertEquals("errored", c.verdict(), c.id());
            assertTrue(c.detail().exception().contains("not finished: still debugging"), c.detail().exception());
            assertTrue(c.detail().location().matches("Logistic\\.java:\\d+ \\(in propagate\\)"),
                    c.detail().location());
        }
        assertTrue(checks(reports.get("broken-null"), "sigmoid").stream().allMatch(c -> c.verdict().equals("failed")),
                verdicts(reports.get("broken-null")));
        assertTrue(checks(reports.get("broken-nan"), "initialize_with_zeros").stream()
                .anyMatch(c -> c.verdict().equals("failed")), verdicts(reports.get("broken-nan")));
        for (Report r : reports.values()) {
            assertTrue(r.assignments().stream().flatMap(a -> a.checks().stream())
                    .noneMatch(c -> c.verdict().equals("grader_error")), r.subject() + ": " + verdicts(r));
        }
    }

    @Test
    @Order(1)
    void a_compile_error_is_a_report_of_its_own_with_the_compilers_message() throws IOException {
        Map<String, String> errors = Map.of("no-compile-syntax", "error: ';' expected",
                "no-compile-type", "error: cannot find symbol",
                "no-compile-missing", "does not override abstract method predict");
        for (Expected e : of(Category.NOT_COMPILING)) {
            Report r = reports.get(e.student());
            assertFalse(r.gradable(), e.student());
            assertEquals(Problem.COMPILE, r.problem().stage());
            assertTrue(r.problem().message().contains(errors.get(e.student())), r.problem().message());
            assertTrue(r.problem().message().matches("(?s).*Logistic\\.java:\\d+: error: .*\\^.*"),
                    "javac-style file:line, source line and caret:\n" + r.problem().message());
            assertEquals(0.0, r.score());
            assertEquals(85.0, r.maxScore(), "out of what the submission could have earned");
            String json = Files.readString(classDir.resolve(e.student()).resolve("report.json"));
            assertTrue(json.contains("\"gradable\" : false"), json.substring(0, 200));
            Document page = Jsoup.parse(classDir.resolve(e.student()).resolve("index.html").toFile(), "UTF-8");
            assertTrue(page.selectFirst("[data-testid=problem-message]").text()
                    .contains(errors.get(e.student())));
            String gradescope = Files.readString(classDir.resolve(e.student()).resolve("results.json"));
            assertTrue(gradescope.contains("could not be graded (does not compile)"), gradescope);
        }
        Report unreadable = reports.get("unreadable");
        assertFalse(unreadable.gradable());
        assertEquals(Problem.UNPACK, unreadable.problem().stage());
        assertTrue(unreadable.problem().message().contains("not a readable zip"), unreadable.problem().message());
    }

    @Test
    @Order(1)
    void what_student_code_prints_stays_with_that_student() throws IOException {
        Set<String> printed = new TreeSet<>();
        for (Expected e : expected) {
            if (Files.exists(classDir.resolve(e.student()).resolve(BatchRun.CONSOLE))) {
                printed.add(e.student());
            }
        }
        assertEquals(Set.of("correct-printing"), printed, "console.txt only where student code printed outside"
                + " the checks that capture it");
        String console = Files.readString(classDir.resolve("correct-printing").resolve(BatchRun.CONSOLE));
        assertTrue(console.contains("debug: measuring the batches"), console);
        assertTrue(console.lines().allMatch(l -> l.equals("debug: measuring the batches")),
                "nothing of other submissions (their printed costs) leaks in:\n" + console);
    }

    @Test
    @Order(1)
    void the_dashboard_shows_the_right_counts() {
        assertEquals("30", text("[data-testid=students]"));
        assertEquals("26", text("[data-testid=graded]"));
        assertEquals("4", text("[data-testid=ungradable]"));
        assertEquals(String.valueOf(of(Category.CORRECT).size()), text("[data-testid=full-marks]"));
        assertEquals("0", text("[data-testid=grader-error-count]"));
        assertEquals(30, dashboard.select("[data-testid=student-row]").size());
        assertEquals(4, dashboard.select("[data-testid=ungradable-row]").size());
        assertEquals(3, dashboard.select("[data-testid=ungradable-row][data-stage=compile]").size());

        List<Report> graded = reports.values().stream().filter(Report::gradable).toList();
        for (String function : List.of("dataset_dimensions", "flatten_images", "sigmoid", "initialize_with_zeros",
                "propagate", "optimize", "predict", "model")) {
            Element row = dashboard.selectFirst("[data-testid=function-row][data-function=logistic." + function + "]");
            assertNotNull(row, function);
            long allPassed = graded.stream().filter(r -> checks(r, function).stream()
                    .allMatch(c -> c.verdict().equals("passed"))).count();
            long tampered = expected.stream().filter(e -> reports.get(e.student()).gradable()
                    && e.tampered().contains(function)).count();
            assertEquals(allPassed + " / 26", row.selectFirst("[data-testid=all-passed]").text(), function);
            // the submissions that got this function right pass it; those that did not, do not
            assertTrue(allPassed <= 26 - tampered && allPassed >= of(Category.CORRECT).size(), function);
            if (Set.of("dataset_dimensions", "flatten_images", "sigmoid", "initialize_with_zeros").contains(function)) {
                assertEquals(26 - tampered, allPassed, function + ": graded on its own, right exactly when untouched");
            }
            long missing = graded.stream().filter(r -> checks(r, function).stream()
                    .allMatch(c -> c.verdict().equals("not_implemented"))).count();
            long stubbed = of(Category.SKELETON).size() + expected.stream().filter(e -> e.category()
                    == Category.PARTLY && e.tampered().contains(function)).count();
            assertEquals(String.valueOf(missing), row.selectFirst("[data-testid=not-implemented]").text(), function);
            // a stub makes the function not implemented; so can a stubbed helper it calls
            assertTrue(missing >= stubbed, function);
        }
    }

    @Test
    @Order(1)
    void the_dashboard_lists_the_diagnosed_mistakes_with_counts_and_example_students() throws IOException {
        Map<String, Long> made = GeneratedClass.MISTAKES.stream()
                .collect(Collectors.groupingBy(m -> m, LinkedHashMap::new, Collectors.counting()));
        List<Element> rows = dashboard.select("[data-testid=mistake-row]");
        assertEquals(made.keySet(), rows.stream().map(r -> r.attr("data-mistake")).collect(Collectors.toSet()));
        List<Long> counts = rows.stream().map(r -> Long.parseLong(r.selectFirst("[data-testid=mistake-count]")
                .text())).toList();
        assertEquals(counts.stream().sorted(Comparator.reverseOrder()).toList(), counts, "most frequent first");
        for (Element row : rows) {
            String id = row.attr("data-mistake");
            assertEquals(String.valueOf(made.get(id)), row.selectFirst("[data-testid=mistake-count]").text(), id);
            assertEquals(description(id), row.selectFirst("[data-testid=mistake-diagnosis]").text());
            List<Element> links = row.select("[data-testid=mistake-examples] a");
            assertEquals(made.get(id).intValue(), links.size(), id);
            for (Element link : links) {
                assertTrue(link.text().startsWith("mistake-" + id + "-"), link.text());
                String[] target = link.attr("href").split("#", 2);
                Document page = Jsoup.parse(classDir.resolve(URLDecoder.decode(target[0], StandardCharsets.UTF_8))
                        .toFile(), "UTF-8");
                Element check = page.getElementById(target[1]);
                assertNotNull(check, "the link lands on the diagnosed check: " + link.attr("href"));
                assertTrue(check.text().contains(description(id)), check.text());
            }
        }
    }

    @Test
    @Order(1)
    void the_student_table_links_every_report_and_the_histogram_counts_every_student() {
        for (Element row : dashboard.select("[data-testid=student-row]")) {
            String student = row.attr("data-student");
            Element link = row.selectFirst("[data-testid=student-link]");
            assertEquals(student + "/" + HtmlReport.FILE_NAME, link.attr("href"));
            Report r = reports.get(student);
            assertEquals(points(r.score()) + " / 85", row.selectFirst("[data-testid=student-total]").text());
        }
        String histogram = dashboard.selectFirst("svg[data-testid=score-histogram] title").text();
        assertTrue(histogram.startsWith("Score histogram of 30 students:"), histogram);
        long zero = reports.values().stream().filter(r -> r.score() < 8.5).count();
        long top = reports.values().stream().filter(r -> r.score() >= 76.5).count();
        assertTrue(histogram.contains("0\u201310% " + zero + ","), histogram);
        assertTrue(histogram.endsWith("90\u2013100% " + top), histogram);
    }

    @Test
    @Order(1)
    void grades_csv_has_a_row_per_student_with_the_reports_points() throws IOException {
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(classDir.resolve("grades.csv"));
             CSVParser csv = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .get())) {
            assertEquals(List.of("student", "logistic", "total"), csv.getHeaderNames());
            records = csv.getRecords();
        }
        assertEquals(30, records.size());
        List<String> names = new ArrayList<>();
        for (CSVRecord record : records) {
            Report r = reports.get(record.get("student"));
            assertEquals(points(r.score()), record.get("logistic"));
            assertEquals(points(r.score()), record.get("total"));
            names.add(record.get("student"));
        }
        assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);
        assertTrue(Files.readString(classDir.resolve("grades.csv")).contains("\r\n"), "RFC 4180 line ends");
    }

    @Test
    @Order(2)
    void a_rerun_keeps_current_reports_and_regrades_only_what_changed() throws IOException {
        byte[] before = Files.readAllBytes(classDir.resolve("correct-2").resolve("report.json"));
        String again = batch();
        // the unreadable zip has no fingerprint: it is tried again, quickly
        assertTrue(again.contains("30 submission(s): 1 graded now, 29 up to date, 4 could not be graded."), again);
        assertEquals(new String(before, StandardCharsets.UTF_8),
                Files.readString(classDir.resolve("correct-2").resolve("report.json")), "kept as it was");

        Expected first = expected.get(0);
        assertEquals("correct-1", first.student());
        Path source = first.entry().resolve("exercises/src/main/java").resolve(GeneratedClass.LOGISTIC);
        Files.writeString(source, SolutionSources.replaceRegion(Files.readString(source), "model",
                "throw new dlcourse.course.NotImplementedYet(\"model\");"));
        String third = batch();
        assertTrue(third.contains("30 submission(s): 2 graded now, 28 up to date, 4 could not be graded."), third);
        Report changed = ReportJson.read(classDir.resolve("correct-1").resolve("report.json"));
        assertTrue(checks(changed, "model").stream().allMatch(c -> c.verdict().equals("not_implemented")));
        Document page = Jsoup.parse(classDir.resolve("index.html").toFile(), "UTF-8");
        assertEquals(String.valueOf(of(Category.CORRECT).size() - 1),
                page.selectFirst("[data-testid=full-marks]").text());
        assertEquals("30", page.selectFirst("[data-testid=students]").text());
    }

    private static String text(String selector) {
        Element e = dashboard.selectFirst(selector);
        assertNotNull(e, selector);
        return e.text();
    }

    private static String points(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    private static String verdicts(Report r) {
        Predicate<CheckResult> failing = c -> !c.verdict().equals("passed");
        return r.assignments().stream().flatMap(a -> a.checks().stream()).filter(failing)
                .map(c -> c.id() + "=" + c.verdict() + (c.diagnosis() == null ? "" : "[" + c.diagnosis() + "]"))
                .collect(Collectors.joining(", "));
    }
}
