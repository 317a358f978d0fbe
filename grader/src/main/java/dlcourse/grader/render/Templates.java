package dlcourse.grader.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The grader's one Thymeleaf engine: renders the HTML templates under {@code templates/} on the class path (the
 * student's feedback page, the class dashboard) into files.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = engine();

    private Templates() {
    }

    /**
     * Renders {@code templates/<template>.html} with the given variables into {@code file}, creating its folder and
     * replacing an older file.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static Path write(String template, Map<String, Object> variables, Path file) {
        Context context = new Context(Locale.ROOT);
        context.setVariables(variables);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                ENGINE.process(template, context, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
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
