package dlcourse.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UngradableReportTest {

    static final String MESSAGE = "dlcourse/logistic/Logistic.java:12: error: ';' expected\n"
            + "        return x\n                ^\n1 error\n";

    @TempDir
    Path dir;

    static Report ungradable() {
        AssignmentResult empty = new AssignmentResult("logistic", "Logistic regression", 0, 85, List.of(), List.of());
        return Report.ungradable("Grace", SampleReports.provenance(), List.of(empty),
                new Problem(Problem.COMPILE, MESSAGE));
    }

    @Test
    void a_report_that_could_not_be_graded_says_so_in_json_and_reads_back() throws IOException {
        Path file = dir.resolve("report.json");
        ReportJson.write(ungradable(), file);
        JsonNode json = ReportJson.mapper().readTree(file.toFile());
        assertFalse(json.get("gradable").asBoolean());
        assertEquals("compile", json.get("problem").get("stage").asText());
        assertEquals(MESSAGE, json.get("problem").get("message").asText());
        assertEquals(0.0, json.get("score").asDouble());
        assertEquals(85.0, json.get("max_score").asDouble());
        assertEquals(ungradable(), ReportJson.read(file));
        assertEquals("does not compile: dlcourse/logistic/Logistic.java:12: error: ';' expected",
                ungradable().problem().headline());
    }

    @Test
    void a_graded_report_is_gradable_and_has_no_problem_field() throws IOException {
        Path file = dir.resolve("report.json");
        ReportJson.write(SampleReports.sample(), file);
        JsonNode json = ReportJson.mapper().readTree(file.toFile());
        assertTrue(json.get("gradable").asBoolean());
        assertFalse(json.has("problem"));
        assertEquals(SampleReports.sample(), ReportJson.read(file));
    }

    @Test
    void reports_written_before_the_field_existed_read_as_gradable() throws IOException {
        Path file = dir.resolve("report.json");
        ReportJson.write(SampleReports.sample(), file);
        String old = Files.readString(file).replace("\"gradable\" : true,", "");
        assertFalse(old.contains("gradable"));
        Files.writeString(file, old);
        Report read = ReportJson.read(file);
        assertTrue(read.gradable());
        assertNull(read.problem());
    }

    @Test
    void gradescope_shows_the_compiler_message_and_no_tests() throws IOException {
        Path file = dir.resolve("results.json");
        GradescopeResults.write(ungradable(), file);
        JsonNode json = ReportJson.mapper().readTree(file.toFile());
        assertEquals(0.0, json.get("score").asDouble());
        assertEquals(0, json.get("tests").size());
        String output = json.get("output").asText();
        assertTrue(output.contains("Your submission could not be graded (does not compile):\n\n" + MESSAGE), output);
    }
}
