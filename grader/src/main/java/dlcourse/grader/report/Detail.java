package dlcourse.grader.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What the feedback page shows under a check beyond its message. Every field is optional (null when not
 * applicable).
 *
 * @param tensor      the returned value that was compared ({@code dw}, {@code cost}, {@code Z})
 * @param shape       its expected shape, numpy style ({@code (2, 1)})
 * @param gotShape    the shape the student's code returned
 * @param worstIndex  index of the worst entry, e.g. {@code [1, 0]}
 * @param expected    expected value at the worst entry
 * @param got         the student's value at the worst entry
 * @param mismatches  entries outside the tolerance
 * @param entries     entries compared
 * @param tolerance   the named tolerance and its bounds, e.g. {@code STRICT (rtol 1e-7, atol 1e-9)}
 * @param heatmap     for gradient checks: per-entry relative differences of the worst tensor (row-major), else null
 * @param heatmapRows rows of {@link #heatmap}
 * @param heatmapCols columns of {@link #heatmap}
 * @param location    for errors: the student's file:line, else null
 * @param exception   for errors: the exception's class and message, else null
 */
public record Detail(String tensor, String shape, @JsonProperty("got_shape") String gotShape,
                     @JsonProperty("worst_index") List<Integer> worstIndex, Double expected, Double got,
                     Integer mismatches, Integer entries, String tolerance, List<Double> heatmap,
                     @JsonProperty("heatmap_rows") Integer heatmapRows, @JsonProperty("heatmap_cols") Integer heatmapCols,
                     String location, String exception) {

    /** Copies the lists. */
    public Detail {
        worstIndex = worstIndex == null ? null : List.copyOf(worstIndex);
        heatmap = heatmap == null ? null : List.copyOf(heatmap);
    }

    /** A detail that only says where student code failed. */
    public static Detail error(String exception, String location) {
        return new Detail(null, null, null, null, null, null, null, null, null, null, null, null, location, exception);
    }
}
