package dlcourse.grader.skeleton;

import dlcourse.grader.skeleton.JavaLexer.Token;
import dlcourse.grader.skeleton.RegionScanner.Region;
import dlcourse.grader.skeleton.SourceLines.Line;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one reference-solution source into the student's skeleton.
 *
 * <p>Each {@code // BEGIN SOLUTION} … {@code // END SOLUTION} region (markers on lines of their own, directly in a
 * method body) becomes {@code throw new NotImplementedYet("<course_name>");} at the marker's indentation; further
 * regions of the same method are dropped, and code between or after them is rejected because it would be
 * unreachable. The course name comes from the contract interface the class implements, loaded by reflection, or
 * for a helper that is not in the contract from its Java name in snake_case. The {@code NotImplementedYet} import
 * is added in sorted position, imports the skeleton no longer uses are removed, and every other byte — Javadoc,
 * comments, signatures, line endings — is kept. A file without markers comes back unchanged.
 *
 * <p>Stateless apart from the class loader used to find contracts; safe to share.
 */
public final class SkeletonGenerator {

    /** The line that opens an answer region, after its indentation. */
    public static final String BEGIN_MARKER = "// BEGIN SOLUTION";
    /** The line that closes an answer region, after its indentation. */
    public static final String END_MARKER = "// END SOLUTION";

    private static final String NOT_IMPLEMENTED = "dlcourse.course.NotImplementedYet";

    private final ClassLoader contracts;

    /** A generator that loads contracts with the grader's own class loader (core is on its class path). */
    public SkeletonGenerator() {
        this(SkeletonGenerator.class.getClassLoader());
    }

    /**
     * @param contracts the class loader that can load the {@code dlcourse.course} contract interfaces
     */
    public SkeletonGenerator(ClassLoader contracts) {
        this.contracts = Objects.requireNonNull(contracts, "contracts");
    }

    /**
     * The skeleton of one solution file.
     *
     * @param file   the file as named in error messages, e.g.
     *               {@code solutions/src/main/java/dlcourse/logistic/Logistic.java}
     * @param source its text
     * @return the skeleton text; {@code source} itself when it has no markers
     * @throws SkeletonException when the markers are misplaced, unbalanced or malformed, code follows a region in
     *                           its method, or a {@code dlcourse.course} contract cannot be loaded
     */
    public String generate(String file, String source) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        List<Line> lines = SourceLines.split(source);
        List<Token> tokens = tokenize(file, source);
        List<Region> regions = RegionScanner.scan(file, tokens, lines);
        if (regions.isEmpty()) {
            return source;
        }
        CourseNames courseNames = new CourseNames(file, ImportSection.parse(tokens), contracts);
        List<Line> out = new ArrayList<>(lines);
        for (int r = regions.size() - 1; r >= 0; r--) {
            Region region = regions.get(r);
            Line begin = lines.get(region.begin());
            out.subList(region.begin(), region.end() + 1).clear();
            if (region.firstInMethod()) {
                String name = courseNames.of(region.method());
                out.add(region.begin(), new Line(begin.indent() + "throw new NotImplementedYet(\""
                        + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\");", begin.end()));
            }
        }
        String skeleton = removeUnusedImports(file, SourceLines.join(out));
        return addNotImplementedImport(file, skeleton);
    }

    private static List<Token> tokenize(String file, String source) {
        try {
            return JavaLexer.tokenize(source);
        } catch (JavaLexer.LexException e) {
            throw new SkeletonException(file, e.line + 1, e.getMessage() + "; is the file complete?");
        }
    }

    /**
     * Drops single-name imports whose simple name no code (outside comments and literals) mentions any more.
     * Wildcard imports and lines holding more than one declaration are kept.
     */
    private static String removeUnusedImports(String file, String text) {
        ImportSection section = ImportSection.parse(tokenize(file, text));
        Set<Integer> unused = new HashSet<>();
        for (ImportSection.Import imp : section.imports()) {
            if (!imp.isWildcard() && imp.aloneOnLine() && !section.usedWords().contains(imp.simpleName())) {
                unused.add(imp.line());
            }
        }
        if (unused.isEmpty()) {
            return text;
        }
        List<Line> lines = SourceLines.split(text);
        List<Line> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean removed = unused.contains(i);
            // a removed line between two blank lines would leave a double blank line: drop one of them
            boolean blankAfterGap = lines.get(i).isBlank() && !kept.isEmpty() && kept.get(kept.size() - 1).isBlank()
                    && i > 0 && unused.contains(i - 1);
            if (!removed && !blankAfterGap) {
                kept.add(lines.get(i));
            }
        }
        return SourceLines.join(kept);
    }

    /** Adds {@code import dlcourse.course.NotImplementedYet;} among the imports, in sorted position, if needed. */
    private static String addNotImplementedImport(String file, String text) {
        ImportSection section = ImportSection.parse(tokenize(file, text));
        boolean imported = section.imports().stream().anyMatch(imp -> !imp.isStatic()
                && (imp.name().equals(NOT_IMPLEMENTED) || imp.name().equals("dlcourse.course.*")));
        if (imported || section.packageName().equals("dlcourse.course")) {
            return text;
        }
        List<Line> lines = new ArrayList<>(SourceLines.split(text));
        String eol = SourceLines.lineEnding(lines);
        Line importLine = new Line("import " + NOT_IMPLEMENTED + ";", eol);
        List<ImportSection.Import> plain = section.imports().stream().filter(imp -> !imp.isStatic()).toList();
        if (!plain.isEmpty()) {
            int at = plain.get(plain.size() - 1).line() + 1;
            for (ImportSection.Import imp : plain) {
                if (imp.name().compareTo(NOT_IMPLEMENTED) > 0) {
                    at = imp.line();
                    break;
                }
            }
            lines.add(at, importLine);
        } else if (!section.imports().isEmpty()) {
            int at = section.imports().get(0).line();
            lines.add(at, new Line("", eol));
            lines.add(at, importLine);
        } else {
            int at = section.packageLine() + 1;
            if (at < lines.size() && !lines.get(at).isBlank()) {
                lines.add(at, new Line("", eol));
            }
            lines.add(at, importLine);
            if (at > 0) {
                lines.add(at, new Line("", eol));
            }
        }
        return SourceLines.join(lines);
    }
}
