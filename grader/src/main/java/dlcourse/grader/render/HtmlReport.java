package dlcourse.grader.render;

import dlcourse.grader.report.Report;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a student's feedback page, {@code index.html}: scores per assignment and function, every check's verdict
 * with expected vs got, diagnosis and errors, gradient heat maps, learning curves and the provenance footer. The
 * page is self-contained (inline CSS and SVG, no scripts, nothing fetched), so it works offline and prints.
 */
public final class HtmlReport {

    /** The file written into the output folder. */
    public static final String FILE_NAME = "index.html";

    private HtmlReport() {
    }

    /**
     * Renders {@code report} to {@code outputDir/index.html}, creating the folder and replacing an older page.
     *
     * @return the page written
     * @throws UncheckedIOException naming the file when it cannot be written
     * @throws IllegalArgumentException when the report holds a verdict or heat map the page cannot show
     */
    public static Path render(Report report, Path outputDir) {
        return Templates.write("report", Map.of("report", ReportView.of(report)), outputDir.resolve(FILE_NAME));
    }

    /** The HTML id of a check's entry on the page, for links from elsewhere ({@code index.html#<id>}). */
    public static String checkAnchor(String checkId) {
        return ReportView.anchor("check", checkId);
    }
}
