package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DemoResult sample() {
        return new DemoResult("logistic", List.of(
                new DemoResult.Run("lr=0.005", List.of(0.6931471805599453, 0.5845083636993086), 100,
                        0.9904306220095693, 0.7),
                new DemoResult.Run("lr=0.0001", List.of(0.6931471805599453), 100, 0.6842105263157895, 0.36)));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void json_has_the_course_field_names_in_order() throws Exception {
        // given
        DemoResult result = sample();

        // when
        JsonNode json = JSON.readTree(result.toJson());

        // then
        assertEquals(List.of("assignment", "runs"), fieldNames(json));
        assertEquals("logistic", json.get("assignment").asText());
        assertEquals(2, json.get("runs").size());
        JsonNode first = json.get("runs").get(0);
        assertEquals(List.of("name", "costs", "cost_every", "train_accuracy", "test_accuracy"), fieldNames(first));
        assertEquals("lr=0.005", first.get("name").asText());
        assertEquals(0.5845083636993086, first.get("costs").get(1).asDouble());
        assertEquals(100, first.get("cost_every").asInt());
        assertEquals(0.9904306220095693, first.get("train_accuracy").asDouble());
        assertEquals(0.7, first.get("test_accuracy").asDouble());
    }

    @Test
    void json_is_one_line() {
        assertEquals(1, sample().toJson().lines().count(), sample().toJson());
    }

    @Test
    void json_reads_back_to_an_equal_result() {
        // given
        DemoResult result = sample();

        // when
        DemoResult back = DemoResult.fromJson(result.toJson());

        // then
        assertEquals(result, back);
    }

    @Test
    void run_is_found_by_name_and_a_missing_name_lists_the_runs() {
        assertEquals(0.36, sample().run("lr=0.0001").testAccuracy());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> sample().run("lr=1"));
        assertEquals("no run named 'lr=1'; the runs are [lr=0.005, lr=0.0001]", error.getMessage());
    }

    @Test
    void costs_are_copied_in() {
        // given
        List<Double> costs = new ArrayList<>(List.of(0.69));
        DemoResult.Run run = new DemoResult.Run("lr=0.005", costs, 100, 1, 1);

        // when
        costs.add(0.5);

        // then
        assertEquals(List.of(0.69), run.costs());
    }

    @Test
    void run_rejects_a_blank_name_and_a_non_positive_cost_interval() {
        assertThrows(IllegalArgumentException.class, () -> new DemoResult.Run(" ", List.of(), 100, 1, 1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new DemoResult.Run("lr=0.005", List.of(), 0, 1, 1));
        assertEquals("cost_every must be at least 1 but was 0", error.getMessage());
    }

    @Test
    void result_rejects_a_blank_assignment_and_no_runs() {
        assertThrows(IllegalArgumentException.class, () -> new DemoResult("", sample().runs()));
        assertThrows(IllegalArgumentException.class, () -> new DemoResult("logistic", List.of()));
    }

    @Test
    void text_that_is_not_a_demo_result_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> DemoResult.fromJson("{\"assignment\": 3"));
    }
}
