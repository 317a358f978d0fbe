package dlcourse.grader.skeleton;

import dlcourse.grader.skeleton.JavaLexer.Kind;
import dlcourse.grader.skeleton.JavaLexer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The package and import declarations of a source file, and the words its code uses after them.
 *
 * @param packageName  the package, or {@code ""} for the unnamed package
 * @param packageLine  0-based line of the package declaration's semicolon, or -1
 * @param imports      the import declarations, in file order
 * @param usedWords    every identifier in the code after the imports (comments and literals excluded)
 */
record ImportSection(String packageName, int packageLine, List<Import> imports, Set<String> usedWords) {

    /**
     * One import declaration.
     *
     * @param name         the imported name, e.g. {@code java.util.List} or {@code java.util.*}
     * @param isStatic     whether it is {@code import static}
     * @param line         0-based line it starts on
     * @param aloneOnLine  whether it is the only code on its single line (only such lines are ever removed)
     */
    record Import(String name, boolean isStatic, int line, boolean aloneOnLine) {

        boolean isWildcard() {
            return name.endsWith(".*");
        }

        /** The simple name the code refers to: the class, or the member of a static import. */
        String simpleName() {
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    ImportSection {
        imports = List.copyOf(imports);
        usedWords = Set.copyOf(usedWords);
    }

    /** Reads the declarations at the top of a file (annotations on a package declaration are skipped). */
    static ImportSection parse(List<Token> tokens) {
        List<Token> code = tokens.stream().filter(t -> !t.isComment()).toList();
        String packageName = "";
        int packageLine = -1;
        List<Import> imports = new ArrayList<>();
        int i = 0;
        while (i < code.size()) {
            Token t = code.get(i);
            if (!t.is("package") && !t.is("import")) {
                break;
            }
            int end = i + 1;
            while (end < code.size() && !code.get(end).is(";")) {
                end++;
            }
            boolean isStatic = t.is("import") && i + 1 < end && code.get(i + 1).is("static");
            StringBuilder name = new StringBuilder();
            for (Token part : code.subList(i + (isStatic ? 2 : 1), end)) {
                name.append(part.text());
            }
            int lastLine = end < code.size() ? code.get(end).line() : t.line();
            if (t.is("package")) {
                packageName = name.toString();
                packageLine = lastLine;
            } else {
                boolean alone = lastLine == t.line() && (i == 0 || code.get(i - 1).line() != t.line())
                        && (end + 1 >= code.size() || code.get(end + 1).line() != lastLine);
                imports.add(new Import(name.toString(), isStatic, t.line(), alone));
            }
            i = end + 1;
        }
        Set<String> used = new HashSet<>();
        for (Token t : code.subList(Math.min(i, code.size()), code.size())) {
            if (t.kind() == Kind.WORD) {
                used.add(t.text());
            }
        }
        return new ImportSection(packageName, packageLine, imports, used);
    }
}
