package dlcourse.grader.dashboard;

import dlcourse.grader.render.Templates;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a class's dashboard ({@code index.html}, self-contained: inline CSS and SVG, no script, nothing fetched)
 * and its {@code grades.csv} into one folder.
 */
public final class Dashboard {

    /** The dashboard's file name. */
    public static final String FILE_NAME = "index.html";

    private Dashboard() {
    }

    /**
     * Writes {@code index.html} and {@code grades.csv} into {@code dir}.
     *
     * @param title   the class's name, shown as the heading
     * @param entries one per student; links are relative to {@code dir}
     * @param run     how the reports came about
     * @return the dashboard page
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static Path write(String title, List<ClassEntry> entries, RunInfo run, Path dir) {
        Path page = Templates.write("dashboard", Map.of("d", ClassStats.of(title, entries, run)),
                dir.resolve(FILE_NAME));
        GradesCsv.write(entries, dir.resolve(GradesCsv.FILE_NAME));
        return page;
    }
}
