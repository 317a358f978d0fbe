package dlcourse.grader.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.grader.render.HtmlReport;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.ReportJson;
import dlcourse.grader.report.SampleReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTest {

    @TempDir
    Path dir;

    private Document write(List<ClassEntry> entries, RunInfo run) throws IOException {
        Path page = Dashboard.write("CS 101", entries, run, dir.resolve("class"));
        return Jsoup.parse(page.toFile(), "UTF-8");
    }

    @Test
    void totals_count_students_graded_ungradable_and_grader_errors() throws IOException {
        Document page = write(SampleClass.entries(), new RunInfo("/subs", "2025-11-25T13:00:00Z", 61_000, 2, 4, 0));
        assertEquals("CS 101", page.selectFirst("[data-testid=class-title]").text());
        assertEquals("4", page.selectFirst("[data-testid=students]").text());
        assertEquals("3", page.selectFirst("[data-testid=graded]").text());
        assertEquals("1", page.selectFirst("[data-testid=ungradable]").text());
        assertEquals("1", page.selectFirst("[data-testid=full-marks]").text());
        // ada and Bob 4 / 14 = 28.57 %, cy 100 %, dee 0 %: mean 39.3 %, median 28.6 %
        assertEquals("39.3%", page.selectFirst("[data-testid=mean]").text());
        assertEquals("28.6%", page.selectFirst("[data-testid=median]").text());
        assertEquals("2", page.selectFirst("[data-testid=grader-error-count]").text());
        assertEquals("1 min 1 s with 2 workers: 4 graded (15.3 s each), 0 up to date",
                page.selectFirst("[data-testid=wall-time]").text());
    }

    @Test
    void function_pass_rates_are_over_graded_students() throws IOException {
        Document page = write(SampleClass.entries(), null);
        Element sigmoid = page.selectFirst("[data-testid=function-row][data-function=logistic.sigmoid]");
        assertEquals("3 / 3", sigmoid.selectFirst("[data-testid=all-passed]").text());
        assertEquals("100%", sigmoid.selectFirst("[data-testid=pass-rate]").text());
        Element propagate = page.selectFirst("[data-testid=function-row][data-function=logistic.propagate]");
        assertEquals("0 / 2", propagate.selectFirst("[data-testid=all-passed]").text());
        Element predict = page.selectFirst("[data-testid=function-row][data-function=logistic.predict]");
        assertEquals("2", predict.selectFirst("[data-testid=not-implemented]").text());
        Element optimize = page.selectFirst("[data-testid=function-row][data-function=logistic.optimize]");
        assertEquals("2", optimize.selectFirst("[data-testid=errored]").text());
        Element assignment = page.selectFirst("[data-testid=assignment-table] tr[data-assignment=shallow]");
        assertNotNull(assignment, "assignments the course does not know are still shown");
    }

    @Test
    void mistakes_are_counted_once_per_student_with_links_to_the_check() throws IOException {
        Document page = write(SampleClass.entries(), null);
        List<Element> rows = page.select("[data-testid=mistake-row]");
        assertEquals(2, rows.size());
        Element first = rows.stream().filter(r -> r.text().contains(SampleReports.DIAGNOSIS)).findFirst()
                .orElseThrow();
        assertEquals("2", first.selectFirst("[data-testid=mistake-count]").text());
        List<Element> links = first.select("[data-testid=mistake-examples] a");
        assertEquals(List.of("ada", "Bob"), links.stream().map(Element::text).toList());
        assertEquals("ada/index.html#" + HtmlReport.checkAnchor("logistic.propagate.value.seed-1"),
                links.get(0).attr("href"));
    }

    @Test
    void grader_errors_and_ungradable_submissions_are_listed() throws IOException {
        Document page = write(SampleClass.entries(), null);
        List<Element> errors = page.select("[data-testid=grader-error-row]");
        assertEquals(2, errors.size());
        assertTrue(errors.get(0).hasClass("grader-error"));
        assertTrue(errors.get(0).text().contains(SampleReports.GRADER_ERROR_MESSAGE), errors.get(0).text());
        Element ungradable = page.selectFirst("[data-testid=ungradable-row]");
        assertEquals("compile", ungradable.attr("data-stage"));
        assertTrue(ungradable.text().contains("does not compile: dlcourse/logistic/Logistic.java:12: error: ';'"
                + " expected"), ungradable.text());
        Element dee = page.selectFirst("[data-testid=student-row][data-student=dee]");
        assertTrue(dee.hasClass("ungradable"));
        assertEquals("0 / 14", dee.selectFirst("[data-testid=student-total]").text());
        Element ada = page.selectFirst("[data-testid=student-row][data-student=ada]");
        assertTrue(ada.selectFirst("[data-testid=student-grader-errors]").hasClass("grader-error"));
    }

    @Test
    void students_are_sorted_by_name_and_grades_csv_matches() throws IOException {
        Document page = write(SampleClass.entries(), null);
        assertEquals(List.of("ada", "Bob", "cy", "dee"), page.select("[data-testid=student-row]").stream()
                .map(e -> e.attr("data-student")).toList());
        assertEquals("student,logistic,shallow,total\r\nada,3,1,4\r\nBob,3,1,4\r\ncy,4,,4\r\ndee,0,,0\r\n",
                Files.readString(dir.resolve("class/grades.csv")));
    }

    @Test
    void collected_reports_link_to_their_page_or_get_one() throws IOException {
        Path ci = dir.resolve("artifacts");
        Report ada = SampleReports.sample("ada");
        ReportJson.write(ada, ci.resolve("run 1/reports/ada/report.json"));
        HtmlReport.render(ada, ci.resolve("run 1/reports/ada"));
        ReportJson.write(SampleReports.sample("runner"), ci.resolve("run 2/report.json"));
        ReportJson.write(SampleReports.sample("runner"), ci.resolve("run 3/report.json"));
        Path out = dir.resolve("dashboard");
        List<ClassEntry> entries = ReportCollector.collect(List.of(ci), out);
        assertEquals(List.of("ada", "runner (run 2)", "runner (run 3)"), entries.stream().map(ClassEntry::student)
                .toList());
        assertEquals("../artifacts/run%201/reports/ada/index.html", entries.get(0).link());
        assertEquals("students/runner__run_2_/index.html", entries.get(1).link());
        assertTrue(Files.isRegularFile(out.resolve(entries.get(1).link())));
    }
}
