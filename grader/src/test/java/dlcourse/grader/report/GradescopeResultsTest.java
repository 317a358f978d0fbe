package dlcourse.grader.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradescopeResultsTest {

    @TempDir
    static Path dir;

    private static JsonNode results;
    private static Map<String, JsonNode> tests;

    @BeforeAll
    static void write_the_sample_report() throws IOException {
        Path file = dir.resolve("autograder").resolve("results.json");
        GradescopeResults.write(SampleReports.sample(), file);
        results = ReportJson.mapper().readTree(file.toFile());
        tests = new HashMap<>();
        for (JsonNode test : results.get("tests")) {
            tests.put(test.get("name").asText(), test);
        }
    }

    @Test
    void top_level_has_the_total_score_and_a_summary() {
        assertEquals(4.0, results.get("score").asDouble());
        assertEquals(4.21, results.get("execution_time").asDouble());
        assertEquals("visible", results.get("visibility").asText());
        assertEquals("hidden", results.get("stdout_visibility").asText());
        assertEquals("Ada Lovelace: 4 of 14 points. Graded by dlcourse grader 0.1.0-SNAPSHOT (commit 1e8c1bc2f0a4, "
                + "public fixtures, seeds 1, 2, 3).", results.get("output").asText());
    }

    @Test
    void only_documented_gradescope_fields_are_written() {
        Set<String> topLevel = Set.of("score", "execution_time", "output", "output_format", "test_output_format",
                "test_name_format", "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard");
        Set<String> perTest = Set.of("score", "max_score", "status", "name", "name_format", "number", "output",
                "output_format", "tags", "visibility", "extra_data");
        results.fieldNames().forEachRemaining(f -> assertTrue(topLevel.contains(f), "top-level field " + f));
        for (JsonNode test : results.get("tests")) {
            test.fieldNames().forEachRemaining(f -> assertTrue(perTest.contains(f), "test field " + f));
        }
    }

    @Test
    void one_test_per_check_in_report_order_and_scores_add_up() {
        List<String> numbers = new ArrayList<>();
        double sum = 0;
        for (JsonNode test : results.get("tests")) {
            numbers.add(test.get("number").asText());
            sum += test.get("score").asDouble();
        }
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "2.1", "2.2"), numbers);
        assertEquals(results.get("score").asDouble(), sum);
    }

    @Test
    void a_failed_check_carries_its_feedback_and_diagnosis() {
        JsonNode test = tests.get("logistic \u203a propagate \u203a value (seed 1)");
        assertEquals("failed", test.get("status").asText());
        assertEquals(0.0, test.get("score").asDouble());
        assertEquals(2.0, test.get("max_score").asDouble());
        assertEquals("visible", test.get("visibility").asText());
        assertEquals(SampleReports.failedValueCheck().message() + "\nLooks like: " + SampleReports.DIAGNOSIS,
                test.get("output").asText());
    }

    @Test
    void a_passed_check_is_passed() {
        JsonNode test = tests.get("logistic \u203a sigmoid \u203a value (seed 1)");
        assertEquals("passed", test.get("status").asText());
        assertEquals(1.0, test.get("score").asDouble());
    }

    @Test
    void hidden_checks_appear_only_after_grades_are_published() {
        assertEquals("after_published",
                tests.get("logistic \u203a sigmoid \u203a value (hidden seed 7)").get("visibility").asText());
    }

    @Test
    void an_errored_check_names_the_exception_and_the_students_line() {
        JsonNode test = tests.get("logistic \u203a optimize \u203a value (seed 1)");
        assertEquals("failed", test.get("status").asText());
        assertEquals("optimize threw IllegalArgumentException.\n" + SampleReports.EXCEPTION + " at "
                + SampleReports.LOCATION, test.get("output").asText());
    }

    @Test
    void a_grader_error_says_it_is_not_the_students_fault() {
        JsonNode test = tests.get("logistic \u203a model \u203a call pattern");
        String output = test.get("output").asText();
        assertTrue(output.startsWith("Internal grader error \u2014 not your fault."), output);
        assertTrue(output.endsWith(SampleReports.GRADER_ERROR_MESSAGE), output);
        assertFalse(output.contains("null"));
    }

    @Test
    void tags_name_assignment_function_kind_and_verdict() {
        JsonNode tags = tests.get("logistic \u203a predict \u203a value (seed 1)").get("tags");
        List<String> names = new ArrayList<>();
        tags.forEach(t -> names.add(t.asText()));
        assertEquals(List.of("logistic", "predict", "value", "not_implemented"), names);
    }
}
