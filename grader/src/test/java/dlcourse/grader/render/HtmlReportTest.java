package dlcourse.grader.render;

import static dlcourse.grader.report.SampleReports.DIAGNOSIS;
import static dlcourse.grader.report.SampleReports.EXCEPTION;
import static dlcourse.grader.report.SampleReports.LOCATION;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Curve;
import dlcourse.grader.report.Detail;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.SampleReports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    static Path dir;

    private static Path page;
    private static Document doc;

    @BeforeAll
    static void render_the_sample_report() throws IOException {
        page = HtmlReport.render(SampleReports.sample(), dir.resolve("ada"));
        doc = Jsoup.parse(page.toFile(), StandardCharsets.UTF_8.name());
    }

    private static Element check(String id) {
        Element check = doc.getElementById(ReportView.anchor("check", id));
        assertNotNull(check, "no check element for " + id);
        return check;
    }

    private static Element one(Element scope, String css) {
        Element found = scope.selectFirst(css);
        assertNotNull(found, "nothing matches " + css);
        return found;
    }

    @Test
    void writes_index_html_into_the_output_folder() {
        assertEquals(dir.resolve("ada").resolve("index.html"), page);
        assertTrue(Files.isRegularFile(page));
    }

    @Test
    void header_shows_subject_total_score_and_percentage() {
        assertEquals("Ada Lovelace", one(doc, "[data-testid=subject]").text());
        // 3 of 10 in logistic, 1 of 4 in shallow.
        assertEquals("4 / 14 points", one(doc, "[data-testid=total-score]").text());
        assertEquals("28.5%", one(doc, "[data-testid=total-percent]").text());
        assertEquals("Feedback for Ada Lovelace: 4 / 14", doc.title());
    }

    @Test
    void each_assignment_shows_its_score_and_a_row_per_function() {
        Elements assignments = doc.select("[data-testid=assignment]");
        assertEquals(List.of("logistic", "shallow"), assignments.eachAttr("data-assignment"));
        Element score = one(assignments.get(0), "[data-testid=assignment-score]");
        assertEquals("3 / 10", one(score, ".pts").text());
        assertEquals("30%", one(score, ".pct").text());
        List<String> rows = new ArrayList<>();
        for (Element row : assignments.get(0).select("[data-testid=function-table] tbody tr")) {
            rows.add(String.join(" | ", row.select("td").eachText()));
        }
        assertEquals(List.of("sigmoid | 2 / 2 | 2 / 2", "propagate | 1 / 2 | 1 / 3", "optimize | 0 / 1 | 0 / 2",
                "predict | 0 / 1 | 0 / 1", "model | 0 / 2 | 0 / 2"), rows);
    }

    @Test
    void every_verdict_is_labelled_and_colour_coded() {
        assertAll(
                () -> assertVerdict("logistic.sigmoid.value.seed-1", "passed", "passed"),
                () -> assertVerdict("logistic.propagate.value.seed-1", "failed", "failed"),
                () -> assertVerdict("logistic.optimize.value.seed-1", "errored", "errored"),
                () -> assertVerdict("logistic.predict.value.seed-1", "not_implemented", "not implemented"),
                () -> assertVerdict("logistic.model.training.lr-0.005", "timed_out", "timed out"),
                () -> assertVerdict("logistic.model.call_pattern", "grader_error",
                        "internal grader error \u2014 not your fault"));
    }

    private static void assertVerdict(String id, String key, String label) {
        Element check = check(id);
        Element badge = one(check, "[data-testid=verdict]");
        assertEquals(label, badge.text(), id);
        assertTrue(badge.hasClass("v-" + key), id + " badge classes " + badge.className());
        assertTrue(check.hasClass("v-" + key), id + " classes " + check.className());
        assertEquals(key, check.attr("data-verdict"));
    }

    @Test
    void failed_value_check_shows_expected_vs_got_at_the_worst_entry_and_the_diagnosis() {
        Element check = check("logistic.propagate.value.seed-1");
        Element block = one(check, "[data-testid=expected-got]");
        assertAll(
                () -> assertEquals("0.99845601", one(block, "[data-testid=expected]").text()),
                () -> assertEquals("2.99536803", one(block, "[data-testid=got]").text()),
                () -> assertEquals("[1, 0]", one(block, "[data-testid=worst-index]").text()),
                () -> assertTrue(block.text().contains("tensor dw"), block.text()),
                () -> assertTrue(block.text().contains("expected shape (2, 1)"), block.text()),
                () -> assertTrue(block.text().contains("your shape (2, 1)"), block.text()),
                () -> assertTrue(block.text().contains("|difference| 2.0e+00"), block.text()),
                () -> assertTrue(block.text().contains("2 of 2 entries outside the tolerance"), block.text()),
                () -> assertTrue(block.text().contains("tolerance STRICT (rtol 1e-7, atol 1e-9)"), block.text()),
                () -> assertEquals("Looks like: " + DIAGNOSIS, one(check, "[data-testid=diagnosis]").text()),
                () -> assertTrue(one(check, "[data-testid=message]").text().startsWith("dw differs in 2 of 2")));
    }

    @Test
    void a_differing_shape_is_highlighted() throws IOException {
        Detail shapes = new Detail("A", "(4, 3)", "(3, 4)", null, null, null, null, null, null, null, null, null,
                null, null);
        Document single = renderOne(new CheckResult("deep.linear_forward.shape.seed-1", "linear_forward", "shape",
                "public", "shapes (seed 1)", 0, 1, "failed", "A has shape (3, 4) but should be (4, 3).", null, 1,
                shapes));
        Element gotShape = one(single, "[data-testid=got-shape]");
        assertEquals("(3, 4)", gotShape.text());
        assertTrue(gotShape.hasClass("shape-differs"));
        assertTrue(single.select("[data-testid=expected]").isEmpty(), "no values to compare, so no value boxes");
    }

    @Test
    void passed_checks_show_no_expected_vs_got() {
        assertTrue(check("logistic.sigmoid.value.seed-1").select("[data-testid=expected-got]").isEmpty());
        assertEquals(2, doc.select("[data-testid=expected-got]").size(), "one per failed check with values");
    }

    @Test
    void errored_check_shows_the_exception_and_the_students_file_and_line() {
        Element check = check("logistic.optimize.value.seed-1");
        Element error = one(check, "[data-testid=error]");
        assertEquals(EXCEPTION, one(error, "pre").text());
        assertEquals(LOCATION, one(error, "[data-testid=location]").text());
        assertEquals("in your code at " + LOCATION, one(error, ".where").text());
    }

    @Test
    void grader_error_says_it_is_not_the_students_fault_and_costs_nothing() {
        Element check = check("logistic.model.call_pattern");
        assertTrue(one(check, ".grader-note").text().contains("costs you no points"));
        assertEquals(SampleReports.GRADER_ERROR_MESSAGE, one(check, "[data-testid=message]").text());
        assertTrue(doc.select(".tally li").eachText().contains("1 internal grader error \u2014 not your fault"),
                doc.select(".tally li").eachText().toString());
    }

    @Test
    void hidden_checks_are_tagged() {
        assertTrue(check("logistic.sigmoid.value.seed-7").select(".tag").eachText().contains("hidden test"));
        assertFalse(check("logistic.sigmoid.value.seed-1").select(".tag").eachText().contains("hidden test"));
    }

    @Test
    void gradient_check_draws_a_heat_map_of_its_relative_differences() {
        Element check = check("shallow.backward_propagation.gradient.seed-2");
        Element svg = one(check, "svg.plot-heatmap[data-testid=gradient-heatmap]");
        assertTrue(one(svg, "title").text().contains("dW1"), one(svg, "title").text());
        assertEquals("img", svg.attr("role"));
        // Small grids print every cell's value: the 12 entries of the 3 x 4 tensor.
        List<String> labels = svg.select("text").eachText();
        for (String cell : List.of("3e-10", "1e-09", "4e-01", "2e-10", "5e-10", "4e-10", "1e-09", "2e-09", "6e-10",
                "5e-01", "7e-10")) {
            assertTrue(labels.contains(cell), "missing cell " + cell + " in " + labels);
        }
        assertTrue(labels.contains("relative difference"), "colour legend is labelled: " + labels);
        Element comparison = one(check, "[data-testid=expected-got]");
        assertEquals("numerical gradient", one(comparison, ".value.expected dt").text());
        assertEquals("your backward pass", one(comparison, ".value.got dt").text());
        assertEquals("0.00437", one(comparison, "[data-testid=got]").text());
    }

    @Test
    void a_large_gradient_is_pooled_into_blocks_so_the_page_stays_small() throws IOException {
        int rows = 4;
        int cols = 12288;
        List<Double> diffs = new ArrayList<>();
        for (int i = 0; i < rows * cols; i++) {
            diffs.add(i == 5000 ? 0.9 : 1e-9);
        }
        Detail detail = new Detail("dW1", "(4, 12288)", "(4, 12288)", List.of(0, 5000), 1.0, 0.1, 1, rows * cols,
                "GRADIENT", diffs, rows, cols, null, null);
        Document single = renderOne(new CheckResult("deep.backward.gradient.seed-1", "backward", "gradient", "public",
                "gradient (seed 1)", 0, 3, "failed", "Your gradients disagree.", null, 1, detail));
        Element figure = one(single, "[data-testid=heatmap-figure]");
        assertTrue(one(figure, "figcaption").text().contains("worst entry of a 1 \u00d7 256 block"),
                one(figure, "figcaption").text());
        assertTrue(figure.outerHtml().length() < 200_000, "heat map is " + figure.outerHtml().length() + " chars");
    }

    @Test
    void learning_curve_is_an_svg_plot_of_both_runs() {
        Element figure = one(doc, "[data-assignment=logistic] [data-testid=curve-figure]");
        assertEquals("model (lr=0.005)", one(figure, "h4").text());
        Element svg = one(figure, "svg.plot-curve[data-testid=learning-curve]");
        assertTrue(one(svg, "title").text().startsWith("Learning curve model (lr=0.005)"));
        List<String> texts = svg.select("text").eachText();
        assertTrue(texts.containsAll(List.of("your model", "reference", "iteration", "cost")), texts.toString());
        assertTrue(svg.select("path, polyline, line").size() > 20, "the curves are drawn as vector lines");
        assertEquals("Cost at iteration 1900: yours 0.334168, reference 0.140872.", one(figure, "figcaption").text());
    }

    @Test
    void figures_of_a_check_are_drawn_with_their_caption() {
        Element figure = one(doc, "[data-assignment=shallow] [data-testid=figure]");
        assertEquals("n_h = 4", one(figure, "h4").text());
        Element svg = one(figure, "svg.plot-boundary[data-testid=decision-boundary]");
        assertEquals("Decision boundary: n_h = 4", one(svg, "title").text());
        assertTrue(svg.select("image").attr("xlink:href").startsWith("data:image/png;base64,")
                || svg.select("image").attr("href").startsWith("data:image/png;base64,"),
                "the regions are one embedded raster image");
        assertEquals("Blue: labelled 1; red: labelled 0.", one(figure, "figcaption").text());
    }

    @Test
    void a_diverging_run_is_said_in_the_caption() throws IOException {
        Curve diverged = new Curve("model (lr=10)", 100, List.of(0.69, 3.2, Double.NaN, Double.NaN),
                List.of(0.69, 0.5, 0.4, 0.3));
        AssignmentResult assignment = new AssignmentResult("logistic", "Logistic", 0, 0, List.of(),
                List.of(diverged));
        Path out = HtmlReport.render(Report.of("s", SampleReports.provenance(), List.of(assignment)),
                dir.resolve("diverged"));
        Document single = Jsoup.parse(out.toFile(), "UTF-8");
        assertTrue(one(single, "figcaption").text().startsWith("Your cost became NaN or infinite at iteration 200"));
    }

    @Test
    void provenance_footer_says_how_the_grade_was_produced() {
        Element footer = one(doc, "footer[data-testid=provenance]");
        List<String> pairs = new ArrayList<>();
        for (Element item : footer.select("dl > div")) {
            pairs.add(one(item, "dt").text() + ": " + one(item, "dd").text());
        }
        assertEquals(List.of("Grader version: 0.1.0-SNAPSHOT", "Git commit: 1e8c1bc2f0a4",
                "JDK: 17.0.15+6-Debian-1deb12u1", "SIMD: on", "Seeds: 1, 2, 3", "Fixture set: public",
                "Implementation: exercises", "Started at: 2025-11-25T13:15:00Z", "Wall time: 4.2 s"), pairs);
    }

    @Test
    void page_is_self_contained_with_no_scripts_and_nothing_fetched() {
        assertTrue(doc.select("script, link, iframe, object, embed").isEmpty());
        for (Element e : doc.select("[src], [href]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertTrue(url.startsWith("#"), "external reference " + url + " on " + e.tagName());
        }
        String css = one(doc, "head style").data();
        assertFalse(css.contains("url("), "CSS must not load anything");
        assertFalse(css.contains("@import"), "CSS must not load anything");
    }

    @Test
    void ids_are_unique_so_each_plot_keeps_its_own_clip_paths() {
        Set<String> seen = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            assertTrue(seen.add(e.id()), "duplicate id " + e.id());
        }
        assertTrue(seen.size() > 10);
    }

    @Test
    void student_controlled_text_is_escaped() throws IOException {
        String evil = "<script>alert('x')</script>";
        Path out = HtmlReport.render(SampleReports.sample(evil), dir.resolve("evil"));
        Document page = Jsoup.parse(out.toFile(), "UTF-8");
        assertEquals(evil, one(page, "[data-testid=subject]").text());
        assertTrue(page.select("script").isEmpty());
        assertTrue(Files.readString(out).contains("&lt;script&gt;"));
    }

    @Test
    void rendering_twice_gives_the_same_page() throws IOException {
        Path again = HtmlReport.render(SampleReports.sample(), dir.resolve("again"));
        assertEquals(Files.readString(page), Files.readString(again));
    }

    @Test
    void an_unknown_verdict_is_rejected_naming_the_check() {
        CheckResult odd = new CheckResult("logistic.sigmoid.value.seed-1", "sigmoid", "value", "public", "value", 0,
                1, "maybe", "", null, 0, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> renderOne(odd));
        assertTrue(e.getMessage().startsWith("check logistic.sigmoid.value.seed-1 has unknown verdict 'maybe'"),
                e.getMessage());
    }

    private static Document renderOne(CheckResult check) throws IOException {
        AssignmentResult assignment = new AssignmentResult(check.id().substring(0, check.id().indexOf('.')), null,
                check.points(), check.maxPoints(), List.of(check), List.of());
        Path out = HtmlReport.render(Report.of("s", SampleReports.provenance(), List.of(assignment)),
                dir.resolve(check.id()));
        return Jsoup.parse(out.toFile(), "UTF-8");
    }
}
