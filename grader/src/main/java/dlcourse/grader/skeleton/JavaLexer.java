package dlcourse.grader.skeleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits Java source into the few token kinds the skeleton generator needs: words, literals, comments and single
 * punctuation characters, each with its 0-based line.
 *
 * <p>It is not a full Java lexer: operators come out one character at a time and numbers are read loosely. What it
 * gets exactly right is where comments, string, character and text-block literals begin and end, so that braces
 * and markers inside them are never mistaken for code.
 */
final class JavaLexer {

    /** What a token is. */
    enum Kind {
        /** An identifier or keyword. */
        WORD,
        /** A numeric literal. */
        NUMBER,
        /** A string, character or text-block literal, quotes included. */
        LITERAL,
        /** A {@code //} comment up to (not including) the end of its line. */
        LINE_COMMENT,
        /** A block comment, Javadoc included. */
        BLOCK_COMMENT,
        /** One punctuation or operator character. */
        PUNCT
    }

    /**
     * One token.
     *
     * @param kind  what it is
     * @param text  its exact source text
     * @param line  0-based line of its first character
     * @param start offset of its first character in the source
     */
    record Token(Kind kind, String text, int line, int start) {

        boolean isComment() {
            return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
        }

        boolean is(String s) {
            return (kind == Kind.PUNCT || kind == Kind.WORD) && text.equals(s);
        }
    }

    /** Thrown for an unterminated comment or literal; carries the 0-based line where it starts. */
    static final class LexException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;

        LexException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private final String src;
    private final int[] lineStarts;

    private JavaLexer(String src) {
        this.src = src;
        this.lineStarts = lineStarts(src);
    }

    /** The tokens of {@code source}, in order. */
    static List<Token> tokenize(String source) {
        return new JavaLexer(source).run();
    }

    /**
     * Offsets at which each line starts; a line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, the same
     * rule as {@link SourceLines}.
     */
    static int[] lineStarts(String s) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\n' || c == '\r') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            int start = i;
            Kind kind;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (src.startsWith("//", i)) {
                while (i < n && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
                    i++;
                }
                kind = Kind.LINE_COMMENT;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new LexException(lineOf(start), "unterminated comment");
                }
                i = end + 2;
                kind = Kind.BLOCK_COMMENT;
            } else if (src.startsWith("\"\"\"", i)) {
                i = skipQuoted(i + 3, "\"\"\"", false, start, "text block");
                kind = Kind.LITERAL;
            } else if (c == '"' || c == '\'') {
                i = skipQuoted(i + 1, String.valueOf(c), true, start, c == '"' ? "string" : "character literal");
                kind = Kind.LITERAL;
            } else if (Character.isJavaIdentifierStart(c)) {
                do {
                    i++;
                } while (i < n && Character.isJavaIdentifierPart(src.charAt(i)));
                kind = Kind.WORD;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
                do {
                    i++;
                } while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_'
                        || src.charAt(i) == '.'));
                kind = Kind.NUMBER;
            } else {
                i++;
                kind = Kind.PUNCT;
            }
            tokens.add(new Token(kind, src.substring(start, i), lineOf(start), start));
        }
        return tokens;
    }

    /** Index just past the closing {@code quote}; a backslash escapes the next character. */
    private int skipQuoted(int i, String quote, boolean singleLine, int start, String what) {
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (src.startsWith(quote, i)) {
                return i + quote.length();
            } else if (singleLine && (c == '\n' || c == '\r')) {
                break;
            } else {
                i++;
            }
        }
        throw new LexException(lineOf(start), "unterminated " + what);
    }
}
