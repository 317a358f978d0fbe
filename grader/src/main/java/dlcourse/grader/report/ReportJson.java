package dlcourse.grader.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code report.json}: the one place that knows the report's JSON form. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportJson() {
    }

    /** The shared mapper (records, snake_case through annotations, pretty-printed). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes the report to {@code file}, creating its folder. */
    public static void write(Report report, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            MAPPER.writeValue(file.toFile(), report);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The report as a JSON string. */
    public static String toJson(Report report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a report written by {@link #write}.
     *
     * @throws UncheckedIOException naming the file when it is missing or not a report
     */
    public static Report read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not a readable report.json: " + e.getMessage(), e);
        }
    }
}
