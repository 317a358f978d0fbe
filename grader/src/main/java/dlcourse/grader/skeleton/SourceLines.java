package dlcourse.grader.skeleton;

import java.util.ArrayList;
import java.util.List;

/**
 * A source text as lines that keep their own line terminators, so that joining them gives back the text byte for
 * byte and a generated line can reuse the terminator of the line it replaces.
 */
final class SourceLines {

    /**
     * One line.
     *
     * @param text the line without its terminator
     * @param end  {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or {@code ""} for a last line without one
     */
    record Line(String text, String end) {

        boolean isBlank() {
            return text.isBlank();
        }

        /** The leading spaces and tabs. */
        String indent() {
            int i = 0;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            return text.substring(0, i);
        }
    }

    private SourceLines() {
    }

    /** Splits at {@code \n}, {@code \r\n} and lone {@code \r}, the same rule as {@link JavaLexer#lineStarts}. */
    static List<Line> split(String s) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                int endLength = c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 2 : 1;
                lines.add(new Line(s.substring(start, i), s.substring(i, i + endLength)));
                i += endLength - 1;
                start = i + 1;
            }
        }
        if (start < s.length() || lines.isEmpty()) {
            lines.add(new Line(s.substring(start), ""));
        }
        return lines;
    }

    /** The text the lines came from. */
    static String join(List<Line> lines) {
        StringBuilder text = new StringBuilder();
        for (Line line : lines) {
            text.append(line.text()).append(line.end());
        }
        return text.toString();
    }

    /** The terminator to use for a new line: the first one in the file, else {@code \n}. */
    static String lineEnding(List<Line> lines) {
        return lines.stream().map(Line::end).filter(e -> !e.isEmpty()).findFirst().orElse("\n");
    }
}
