package dlcourse.grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A learning curve: the student's costs beside the reference's for the same training run.
 *
 * @param name       the run, e.g. {@code model (lr=0.005)}
 * @param costEvery  iterations between two recorded costs
 * @param student    the student's costs (may be shorter or empty if their run failed)
 * @param reference  the reference costs from the fixtures
 */
public record Curve(String name, @JsonProperty("cost_every") int costEvery, List<Double> student,
                    List<Double> reference) {

    /** Copies the lists. */
    public Curve {
        student = List.copyOf(student);
        reference = List.copyOf(reference);
    }
}
