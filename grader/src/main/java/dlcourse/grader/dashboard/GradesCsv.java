package dlcourse.grader.dashboard;

import dlcourse.grader.report.AssignmentResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code grades.csv} for a gradebook import: a header {@code student,<assignment ids…>,total}, then one row
 * per student (sorted by name) with the points of each assignment and the total — plain numbers with a dot, RFC 4180
 * quoting and line ends, UTF-8 without a byte-order mark, the form Canvas, Moodle and spreadsheet imports accept. A
 * submission that could not be graded scores 0; an assignment a report does not have is left empty (no grade).
 */
public final class GradesCsv {

    /** The file name. */
    public static final String FILE_NAME = "grades.csv";

    private GradesCsv() {
    }

    /**
     * Writes the class's grades to {@code file}.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(List<ClassEntry> entries, Path file) {
        List<String> ids = ClassStats.assignmentIds(entries);
        List<String> header = new ArrayList<>();
        header.add("student");
        header.addAll(ids);
        header.add("total");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(out, format)) {
                List<ClassEntry> sorted = entries.stream().sorted(Comparator.comparing(
                        (ClassEntry e) -> e.student().toLowerCase(Locale.ROOT)).thenComparing(ClassEntry::student))
                        .toList();
                for (ClassEntry e : sorted) {
                    List<String> row = new ArrayList<>();
                    row.add(e.student());
                    for (String id : ids) {
                        AssignmentResult a = e.report().assignments().stream()
                                .filter(r -> r.assignment().equals(id)).findFirst().orElse(null);
                        row.add(a == null ? "" : ClassStats.points(a.score()));
                    }
                    row.add(ClassStats.points(e.report().score()));
                    csv.printRecord(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
