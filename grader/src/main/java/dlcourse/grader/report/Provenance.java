package dlcourse.grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How a report was produced, so a grade can be reproduced and questioned.
 *
 * @param graderVersion version of the grader
 * @param gitCommit     commit of the checkout the grader ran from, or "unknown"
 * @param jdk           the JDK that ran the checks
 * @param simd          whether the Vector API kernels were on
 * @param seeds         the fixture seeds the value checks used
 * @param fixtureSet    "public" or "public+hidden"
 * @param implementation where the graded classes came from (exercises, solutions or a folder)
 * @param startedAt     ISO-8601 start time
 * @param millis        wall time of the whole grading run
 */
public record Provenance(@JsonProperty("grader_version") String graderVersion,
                         @JsonProperty("git_commit") String gitCommit,
                         String jdk,
                         boolean simd,
                         List<Long> seeds,
                         @JsonProperty("fixture_set") String fixtureSet,
                         String implementation,
                         @JsonProperty("started_at") String startedAt,
                         long millis) {

    /** Copies the seed list. */
    public Provenance {
        seeds = List.copyOf(seeds);
    }
}
