package dlcourse.grader.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.grader.report.AssignmentResult;
import dlcourse.grader.report.Problem;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.SampleReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UngradablePageTest {

    @TempDir
    Path dir;

    private Document page(Problem problem) throws IOException {
        AssignmentResult empty = new AssignmentResult("logistic", "Logistic regression", 0, 85, List.of(), List.of());
        Report report = Report.ungradable("Grace", SampleReports.provenance(), List.of(empty), problem);
        return Jsoup.parse(HtmlReport.render(report, dir).toFile(), "UTF-8");
    }

    @Test
    void the_page_of_a_submission_that_does_not_compile_shows_the_compiler_message() throws IOException {
        String message = "Logistic.java:12: error: ';' expected\n    return x\n            ^\n1 error";
        Document page = page(new Problem(Problem.COMPILE, message));
        assertEquals("Your submission could not be graded", page.selectFirst("[data-testid=problem] h2").text());
        assertEquals(message, page.selectFirst("[data-testid=problem-message]").wholeText());
        assertEquals("0 / 85 points", page.selectFirst("[data-testid=total-score]").text());
        assertNull(page.selectFirst("[data-testid=function-table]"), "no empty table of functions");
    }

    @Test
    void a_grader_failure_is_not_blamed_on_the_student() throws IOException {
        Document page = page(new Problem(Problem.GRADER, "java.lang.IllegalStateException: boom"));
        assertTrue(page.selectFirst("[data-testid=problem] h2").text().endsWith("not your fault"));
    }

    @Test
    void a_graded_report_has_no_problem_section() throws IOException {
        Document page = Jsoup.parse(HtmlReport.render(SampleReports.sample(), dir).toFile(), "UTF-8");
        assertNull(page.selectFirst("[data-testid=problem]"));
    }
}
