package dlcourse.grader.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * What a demo produced: one entry per training run, in the order the course runs them. {@link #toJson()} is the
 * output of {@code dlcourse demo <id> --json}, with the course's snake_case names:
 * <pre>{"assignment":"logistic","runs":[{"name":"lr=0.005","costs":[0.693147…],"cost_every":100,
 * "train_accuracy":0.9904…,"test_accuracy":0.7}, …]}</pre>
 *
 * @param assignment the assignment id, e.g. {@code logistic}
 * @param runs       the training runs, at least one (copied)
 */
@JsonPropertyOrder({"assignment", "runs"})
public record DemoResult(String assignment, List<Run> runs) {

    /** One mapper for the demo JSON: compact (one line), records, unknown fields ignored on reading. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Rejects a blank assignment id or an empty run list and copies the list. */
    public DemoResult {
        Objects.requireNonNull(assignment, "assignment");
        if (assignment.isBlank()) {
            throw new IllegalArgumentException("a demo result needs the assignment id");
        }
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a demo result needs at least one run");
        }
    }

    /**
     * One training run.
     *
     * @param name          what distinguishes the run, e.g. {@code lr=0.005}
     * @param costs         the cost recorded every {@code costEvery} iterations, starting with iteration 0 (copied;
     *                      empty for runs that do not train, such as a gradient check)
     * @param costEvery     iterations between two recorded costs, {@code >= 1}
     * @param trainAccuracy fraction of training examples labelled correctly, or {@code null} when the run has none
     * @param testAccuracy  the same on the test set, or {@code null} when the data has no test set
     * @param difference    the relative difference a gradient check reports, or {@code null} for training runs
     */
    @JsonPropertyOrder({"name", "costs", "cost_every", "train_accuracy", "test_accuracy", "difference"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(String name, List<Double> costs, @JsonProperty("cost_every") int costEvery,
                      @JsonProperty("train_accuracy") Double trainAccuracy,
                      @JsonProperty("test_accuracy") Double testAccuracy,
                      @JsonProperty("difference") Double difference) {

        /** Rejects a blank name or a non-positive cost interval and copies the costs. */
        public Run {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a run needs a name, e.g. lr=0.005");
            }
            costs = List.copyOf(costs);
            if (costEvery < 1) {
                throw new IllegalArgumentException("cost_every must be at least 1 but was " + costEvery);
            }
        }

        /** A training run with train and test accuracy. */
        public Run(String name, List<Double> costs, int costEvery, double trainAccuracy, double testAccuracy) {
            this(name, costs, costEvery, trainAccuracy, testAccuracy, null);
        }

        /** A training run on data without a test set. */
        public static Run trainOnly(String name, List<Double> costs, int costEvery, double trainAccuracy) {
            return new Run(name, costs, costEvery, trainAccuracy, null, null);
        }

        /** A gradient check's result: no costs, only the relative difference. */
        public static Run gradientCheck(String name, double difference) {
            return new Run(name, List.of(), 1, null, null, difference);
        }
    }

    /**
     * The run with this name.
     *
     * @param name e.g. {@code lr=0.01}
     * @return the run
     * @throws IllegalArgumentException naming the runs there are, when none has this name
     */
    public Run run(String name) {
        return runs.stream().filter(run -> run.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no run named '" + name + "'; the runs are "
                        + runs.stream().map(Run::name).toList()));
    }

    /**
     * This result as one line of JSON.
     *
     * @return the JSON object, snake_case field names in the documented order
     */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @param json the JSON object
     * @return the result
     * @throws IllegalArgumentException when the text is not a demo result
     */
    public static DemoResult fromJson(String json) {
        try {
            return MAPPER.readValue(json, DemoResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a demo result: " + e.getOriginalMessage(), e);
        }
    }
}
