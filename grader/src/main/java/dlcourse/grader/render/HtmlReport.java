package dlcourse.grader.render;

import dlcourse.grader.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes a student's feedback page, {@code index.html}: scores per assignment and function, every check's verdict
 * with expected vs got, diagnosis and errors, gradient heat maps, learning curves and the provenance footer. The
 * page is self-contained (inline CSS and SVG, no scripts, nothing fetched), so it works offline and prints.
 */
public final class HtmlReport {

    /** The file written into the output folder. */
    public static final String FILE_NAME = "index.html";

    private static final TemplateEngine ENGINE = engine();

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
        ReportView view = ReportView.of(report);
        Context context = new Context(Locale.ROOT);
        context.setVariable("report", view);
        Path file = outputDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(outputDir);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                ENGINE.process("report", context, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(HtmlReport.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
