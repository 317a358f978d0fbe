package dlcourse.grader.skeleton;

import dlcourse.grader.skeleton.JavaLexer.Kind;
import dlcourse.grader.skeleton.JavaLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what a block is from the tokens in front of its opening brace: the "header" of a declaration or statement.
 * Just enough for the skeleton generator: type declarations (name, kind, {@code implements} list), method and
 * constructor names with their parameter count and own {@code @CourseName}, and anonymous class bodies.
 */
final class Declarations {

    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum");
    private static final Set<String> NOT_METHOD_NAMES = Set.of("if", "for", "while", "switch", "catch",
            "synchronized", "try", "return", "new", "super", "this");

    /**
     * A type declaration's header.
     *
     * @param name       the simple name, or {@code "(type)"} if none was found
     * @param isEnum     declared with {@code enum}
     * @param isRecord   declared with {@code record}
     * @param interfaces the names after {@code implements}, as written, generic arguments dropped
     */
    record TypeHeader(String name, boolean isEnum, boolean isRecord, List<String> interfaces) {
    }

    /**
     * A method or constructor header.
     *
     * @param name           the Java name
     * @param parameterCount number of parameters, -1 for a compact record constructor
     * @param ownCourseName  the value of a {@code @CourseName("...")} on it, or null
     */
    record MethodHeader(String name, int parameterCount, String ownCourseName) {
    }

    private Declarations() {
    }

    /** Whether the header declares a class, interface, enum, annotation type or record. */
    static boolean declaresType(List<Token> header) {
        for (int i = 0; i < header.size(); i++) {
            Token t = header.get(i);
            boolean afterDot = i > 0 && header.get(i - 1).is(".");
            if (t.kind() == Kind.WORD && TYPE_KEYWORDS.contains(t.text()) && !afterDot) {
                return true;
            }
            if (t.is("record") && !afterDot && i + 2 < header.size() && header.get(i + 1).kind() == Kind.WORD
                    && (header.get(i + 2).is("(") || header.get(i + 2).is("<"))) {
                return true;
            }
        }
        return false;
    }

    /** The type declared by a header for which {@link #declaresType} holds. */
    static TypeHeader type(List<Token> header) {
        for (int i = 0; i + 1 < header.size(); i++) {
            Token t = header.get(i);
            if (t.kind() == Kind.WORD && (TYPE_KEYWORDS.contains(t.text()) || t.is("record"))
                    && header.get(i + 1).kind() == Kind.WORD && (i == 0 || !header.get(i - 1).is("."))) {
                return new TypeHeader(header.get(i + 1).text(), t.is("enum"), t.is("record"), interfaces(header));
            }
        }
        return new TypeHeader("(type)", false, false, interfaces(header));
    }

    /**
     * The method or constructor a header in a type body declares, or null for an initializer or anything else.
     *
     * @param header     the tokens before the body's opening brace
     * @param recordName the enclosing type's name if it is a record (for compact constructors), else null
     */
    static MethodHeader method(List<Token> header, String recordName) {
        int throwsAt = indexAtDepthZero(header, "throws");
        List<Token> h = throwsAt >= 0 ? header.subList(0, throwsAt) : header;
        if (h.isEmpty()) {
            return null;
        }
        Token last = h.get(h.size() - 1);
        if (last.is(")")) {
            int open = matchBackward(h, h.size() - 1, "(", ")");
            if (open > 0 && h.get(open - 1).kind() == Kind.WORD && !NOT_METHOD_NAMES.contains(h.get(open - 1).text())) {
                return new MethodHeader(h.get(open - 1).text(), countParameters(h.subList(open + 1, h.size() - 1)),
                        ownCourseName(h));
            }
        } else if (recordName != null && last.is(recordName)) {
            return new MethodHeader(recordName, -1, ownCourseName(h));
        }
        return null;
    }

    /** Whether the {@code )} at index {@code close} of {@code code} ends {@code new Type<...>(...)}. */
    static boolean endsAnonymousClass(List<Token> code, int close) {
        int k = matchBackward(code, close, "(", ")") - 1;
        if (k >= 0 && code.get(k).is(">")) {
            k = matchBackward(code, k, "<", ">") - 1;
        }
        boolean sawName = false;
        while (k >= 0 && (code.get(k).kind() == Kind.WORD && !code.get(k).is("new") || code.get(k).is("."))) {
            sawName |= code.get(k).kind() == Kind.WORD;
            k--;
        }
        return sawName && k >= 0 && code.get(k).is("new");
    }

    /** Index of the first {@code word} outside parentheses, or -1. */
    static int indexAtDepthZero(List<Token> tokens, String word) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
            } else if (depth == 0 && t.is(word)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> interfaces(List<Token> header) {
        int at = indexAtDepthZero(header, "implements");
        if (at < 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        int angle = 0;
        for (Token t : header.subList(at + 1, header.size())) {
            if (t.is("<")) {
                angle++;
            } else if (t.is(">")) {
                angle--;
            } else if (angle == 0 && t.is(",")) {
                names.add(name.toString());
                name.setLength(0);
            } else if (angle == 0 && (t.kind() == Kind.WORD || t.is("."))) {
                name.append(t.text());
            }
        }
        if (name.length() > 0) {
            names.add(name.toString());
        }
        return List.copyOf(names);
    }

    private static int countParameters(List<Token> inside) {
        if (inside.isEmpty()) {
            return 0;
        }
        int count = 1;
        int depth = 0;
        for (Token t : inside) {
            if (t.is("(") || t.is("<")) {
                depth++;
            } else if (t.is(")") || t.is(">")) {
                depth--;
            } else if (depth == 0 && t.is(",")) {
                count++;
            }
        }
        return count;
    }

    /** The string in {@code @CourseName("...")} (or {@code @dlcourse.course.CourseName}) among the annotations. */
    private static String ownCourseName(List<Token> h) {
        for (int i = 1; i + 2 < h.size(); i++) {
            if (h.get(i).is("CourseName") && h.get(i + 1).is("(") && (h.get(i - 1).is("@") || h.get(i - 1).is("."))) {
                for (int k = i + 2; k < h.size() && !h.get(k).is(")"); k++) {
                    String text = h.get(k).text();
                    if (h.get(k).kind() == Kind.LITERAL && text.startsWith("\"") && !text.startsWith("\"\"\"")) {
                        return text.substring(1, text.length() - 1);
                    }
                }
            }
        }
        return null;
    }

    /** Index of the {@code open} token matching the {@code close} token at {@code at}, or -1. */
    private static int matchBackward(List<Token> tokens, int at, String open, String close) {
        int depth = 0;
        for (int i = at; i >= 0; i--) {
            if (tokens.get(i).is(close)) {
                depth++;
            } else if (tokens.get(i).is(open) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
