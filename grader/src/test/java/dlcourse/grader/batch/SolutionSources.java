package dlcourse.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds student-like variants of the reference solutions, for tests of class grading: the solution files with
 * chosen methods' answer regions (between the BEGIN/END SOLUTION markers) replaced by another body — a stub, a
 * known mistake taken from the solutions' {@code <Impl>Mistakes} variants, code that throws, or broken syntax.
 */
final class SolutionSources {

    private static final Pattern BEGIN = Pattern.compile("^\\s*// BEGIN SOLUTION\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// END SOLUTION\\s*$");
    private static final Pattern METHOD = Pattern.compile("^\\s*public\\s+[\\w<>\\[\\], .]+?\\s+(\\w+)\\s*\\(");

    /** The checkout's solution sources: relative path → text. */
    private final Map<Path, String> files;

    private SolutionSources(Map<Path, String> files) {
        this.files = files;
    }

    /** Reads {@code solutions/src/main/java} of the checkout. */
    static SolutionSources read(Path root) throws IOException {
        Path dir = root.resolve("solutions/src/main/java");
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                files.put(dir.relativize(p), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return new SolutionSources(files);
    }

    /** A copy with the answer of {@code method} in {@code file} replaced by {@code body}. */
    SolutionSources replace(Path file, String method, String body) {
        Map<Path, String> copy = new LinkedHashMap<>(files);
        String text = copy.get(file);
        if (text == null) {
            throw new IllegalArgumentException("no solution file " + file);
        }
        copy.put(file, replaceRegion(text, method, body));
        return new SolutionSources(copy);
    }

    /** A copy with the answers of {@code methods} replaced by the skeleton's throw. */
    SolutionSources stub(Path file, String... methods) {
        SolutionSources out = this;
        for (String method : methods) {
            out = out.replace(file, method, "throw new dlcourse.course.NotImplementedYet(\"" + method + "\");");
        }
        return out;
    }

    /** A copy with a text edit anywhere in a file (which must apply). */
    SolutionSources edit(Path file, String from, String to) {
        Map<Path, String> copy = new LinkedHashMap<>(files);
        String text = copy.get(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        copy.put(file, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        return new SolutionSources(copy);
    }

    /** The files, relative path → text. */
    Map<Path, String> files() {
        return files;
    }

    /** Writes the files under {@code dir}. */
    void writeTo(Path dir) throws IOException {
        for (Map.Entry<Path, String> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Replaces the lines between the method's BEGIN and END markers (the markers go too). */
    static String replaceRegion(String text, String method, String body) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        String current = null;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = METHOD.matcher(lines.get(i));
            if (m.find()) {
                current = m.group(1);
            }
            if (BEGIN.matcher(lines.get(i)).matches() && method.equals(current)) {
                int end = i;
                while (!END.matcher(lines.get(end)).matches()) {
                    end++;
                }
                String indent = lines.get(i).substring(0, lines.get(i).indexOf("//"));
                lines.subList(i, end + 1).clear();
                List<String> replacement = body.strip().lines().map(l -> indent + l.strip()).toList();
                lines.addAll(i, replacement);
                return String.join("\n", lines) + "\n";
            }
        }
        throw new IllegalArgumentException("no answer region in method " + method);
    }

    /**
     * The known mistakes of a solutions' {@code <Impl>Mistakes.java} that override one method without calling
     * {@code super}: mistake id → (method, body). The others (wrappers around the right answer) cannot be pasted
     * into the solution as they are.
     */
    static Map<String, String[]> pastableMistakes(Path mistakesFile) throws IOException {
        String text = Files.readString(mistakesFile, StandardCharsets.UTF_8);
        Map<String, String[]> out = new LinkedHashMap<>();
        Matcher variant = Pattern.compile("\"(\\w+)\",\\s*new\\s+\\w+\\(\\)\\s*\\{").matcher(text);
        while (variant.find()) {
            String id = variant.group(1);
            String anonymous = block(text, variant.end() - 1);
            Matcher method = Pattern.compile("public\\s+[\\w<>\\[\\], .]+?\\s+(\\w+)\\s*\\([^)]*\\)\\s*\\{")
                    .matcher(anonymous);
            if (!method.find()) {
                continue;
            }
            String body = block(anonymous, method.end() - 1);
            String inner = body.substring(1, body.length() - 1);
            boolean single = !method.find();
            if (single && !inner.contains("super.")) {
                out.put(id, new String[] {methodName(anonymous), inner.strip()});
            }
        }
        return out;
    }

    private static String methodName(String anonymous) {
        Matcher m = Pattern.compile("public\\s+[\\w<>\\[\\], .]+?\\s+(\\w+)\\s*\\(").matcher(anonymous);
        return m.find() ? m.group(1) : null;
    }

    /** The brace-balanced block starting at {@code open} (which is a '{'), braces included. */
    private static String block(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(open, i + 1);
            }
        }
        throw new IllegalArgumentException("unbalanced braces after " + open);
    }
}
