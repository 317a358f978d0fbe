package dlcourse.grader.sandbox;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.report.Curve;
import dlcourse.grader.report.Figure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a forked grading JVM ({@link ChildMain}) is told and what it tells back. The job is a JSON file; the
 * answers are JSON lines appended to an events file, each flushed as it happens, so that whatever the child
 * managed before it died is known to the parent. The child never sees the hidden reference outputs: its hidden
 * value checks send back what the student's function returned ({@link Event#outputs}).
 */
final class ChildProtocol {

    /** Exit status of a child that stopped itself because a timed-out check's thread would not end. */
    static final int EXIT_STUCK = 75;
    /** Exit status of a child whose own set-up failed (the grader's problem). */
    static final int EXIT_BROKEN = 76;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ChildProtocol() {
    }

    /**
     * What to grade.
     *
     * @param student        the report's subject (for messages only)
     * @param classes        the submission's neutralised class files
     * @param assignments    assignment ids, in course order
     * @param sets           fixture set ids ({@code public}, {@code hidden})
     * @param rejected       assignment id → function → why it is not run
     * @param skip           ids of checks already decided (by an earlier child of the same submission)
     * @param timeoutCapMillis no check may run longer than this (0: the catalog's own limits)
     * @param events         the file to append events to
     */
    record Job(String student, String classes, List<String> assignments, List<String> sets,
               Map<String, Map<String, String>> rejected, Set<String> skip, long timeoutCapMillis, String events) {
    }

    /**
     * One line of the events file.
     *
     * @param type       {@code start} (a check begins), {@code row} (a check ended), {@code extras} (curves and
     *                   figures a check added), {@code stuck} (the check's thread would not stop: the child
     *                   ends), {@code threads} (the check left threads running: the child ends), {@code done} (every check ran)
     * @param assignment the assignment id
     * @param check      the check id ({@code start})
     * @param row        the check's row ({@code row})
     * @param outputs    for a sealed hidden case, what the function returned ({@code row}), else null
     * @param curves     new learning curves ({@code extras})
     * @param figures    new figures ({@code extras})
     */
    record Event(String type, String assignment, String check, CheckResult row, Map<String, JsonNode> outputs,
                 List<Curve> curves, List<Figure> figures) {

        static Event start(String assignment, String check) {
            return new Event("start", assignment, check, null, null, null, null);
        }

        static Event row(String assignment, CheckResult row, Map<String, JsonNode> outputs) {
            return new Event("row", assignment, row.id(), row, outputs, null, null);
        }

        static Event extras(String assignment, List<Curve> curves, List<Figure> figures) {
            return new Event("extras", assignment, null, null, null, curves, figures);
        }

        static Event done() {
            return new Event("done", null, null, null, null, null, null);
        }

        /** One JSON line. */
        String line() {
            try {
                return MAPPER.writeValueAsString(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Event parse(String line) {
            try {
                return MAPPER.readValue(line, Event.class);
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable event: " + e.getMessage(), e);
            }
        }
    }
}
