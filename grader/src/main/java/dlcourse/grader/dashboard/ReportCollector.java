package dlcourse.grader.dashboard;

import dlcourse.grader.render.HtmlReport;
import dlcourse.grader.report.Report;
import dlcourse.grader.report.ReportJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gathers {@code report.json} files collected from elsewhere (CI artifacts of every student, a shared folder) into
 * the class: each report becomes an entry linking to the {@code index.html} beside it, or to a page rendered here
 * when there is none.
 */
public final class ReportCollector {

    /** Where pages are rendered for reports that came without one, inside the dashboard folder. */
    static final String PAGES = "students";

    private ReportCollector() {
    }

    /**
     * Reads every report named by {@code inputs}: {@code report.json} files, or folders searched for them.
     *
     * @param dashboard the folder the dashboard goes to (links are relative to it)
     * @throws UncheckedIOException naming the file when a report cannot be read
     */
    public static List<ClassEntry> collect(List<Path> inputs, Path dashboard) {
        Set<Path> files = new TreeSet<>();
        for (Path input : inputs) {
            files.addAll(reportFiles(input));
        }
        List<Report> reports = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (Path file : files) {
            reports.add(ReportJson.read(file));
            sources.add(file);
        }
        Set<String> duplicated = duplicates(reports);
        Set<String> taken = new HashSet<>();
        List<ClassEntry> entries = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            Path file = sources.get(i);
            String name = report.subject();
            if (duplicated.contains(name)) {
                Path parent = file.toAbsolutePath().getParent();
                name = name + " (" + (parent == null ? i : parent.getFileName()) + ")";
            }
            while (!taken.add(name)) {
                name = name + "'";
            }
            Path page = file.resolveSibling(HtmlReport.FILE_NAME);
            if (!Files.isRegularFile(page)) {
                page = HtmlReport.render(report, dashboard.resolve(PAGES).resolve(safe(name)));
            }
            entries.add(new ClassEntry(name, report, link(dashboard, page)));
        }
        return entries;
    }

    /** The report.json files under a folder, or the file itself. */
    static List<Path> reportFiles(Path input) {
        if (Files.isRegularFile(input)) {
            return List.of(input.toAbsolutePath().normalize());
        }
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException(input + ": no such file or folder");
        }
        try (Stream<Path> walk = Files.walk(input)) {
            return walk.filter(p -> p.getFileName().toString().equals("report.json") && Files.isRegularFile(p))
                    .map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search " + input + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> duplicates(List<Report> reports) {
        Set<String> seen = new HashSet<>();
        return reports.stream().map(Report::subject).filter(s -> !seen.add(s)).collect(Collectors.toSet());
    }

    /** A relative link from the dashboard folder to a page, each segment URL-encoded. */
    public static String link(Path dashboard, Path page) {
        Path from = dashboard.toAbsolutePath().normalize();
        Path to = page.toAbsolutePath().normalize();
        try {
            Path relative = from.relativize(to);
            List<String> segments = new ArrayList<>();
            relative.forEach(s -> segments.add(s.toString().equals("..") ? ".." : encode(s.toString())));
            return String.join("/", segments);
        } catch (IllegalArgumentException e) {
            return to.toUri().toString();
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String safe(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._@+-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s.toLowerCase(Locale.ROOT) : s;
    }
}
