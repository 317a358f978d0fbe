package dlcourse.grader.skeleton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkeletonGeneratorTest {

    private final SkeletonGenerator generator = new SkeletonGenerator();

    /** Lines 1–6 of every small source below; the class body starts on line 7. */
    private static final String HEAD = """
            package dlcourse.logistic;

            import dlcourse.core.Matrix;
            import dlcourse.course.LogisticRegression;

            public abstract class Demo implements LogisticRegression {
            """;

    /** {@link #HEAD} as the skeleton has it: the NotImplementedYet import added in sorted position. */
    private static final String SKELETON_HEAD = """
            package dlcourse.logistic;

            import dlcourse.core.Matrix;
            import dlcourse.course.LogisticRegression;
            import dlcourse.course.NotImplementedYet;

            public abstract class Demo implements LogisticRegression {
            """;

    private String skeleton(String source) {
        return generator.generate("Demo.java", source);
    }

    private String error(String source) {
        return assertThrows(SkeletonException.class, () -> skeleton(source)).getMessage();
    }

    // ------------------------------------------------------------------------------------------- regions

    @Test
    void a_region_becomes_a_throw_with_the_contract_course_name_at_the_marker_indentation() {
        // given a method of the contract with one region and a step comment above it
        String source = HEAD + """
                    /** Exercise sigmoid. */
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        // Step 1: the logistic function
                        // BEGIN SOLUTION
                        return Matrix.divide(1.0, z.negate().exp().add(1.0));
                        // END SOLUTION
                    }
                }
                """;

        // when
        String skeleton = skeleton(source);

        // then the answer is a throw naming "sigmoid"; the Javadoc, annotation and step comment are kept
        assertEquals(SKELETON_HEAD + """
                    /** Exercise sigmoid. */
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        // Step 1: the logistic function
                        throw new NotImplementedYet("sigmoid");
                    }
                }
                """, skeleton);
    }

    @Test
    void the_java_name_is_mapped_to_the_course_name_through_the_contract_annotation() {
        String source = HEAD + """
                    @Override
                    public Parameters initializeWithZeros(int dim) {
                      // BEGIN SOLUTION
                      return new Parameters(Matrix.zeros(dim, 1), 0.0);
                      // END SOLUTION
                    }
                }
                """;

        assertTrue(skeleton(source).contains("\n      throw new NotImplementedYet(\"initialize_with_zeros\");\n"),
                skeleton(source));
    }

    @Test
    void the_first_region_of_a_method_becomes_the_throw_and_later_ones_are_removed_keeping_comments_between() {
        // given two regions in one method, each under its step comment
        String source = HEAD + """
                    @Override
                    public Matrix predict(Matrix w, double b, Matrix x) {
                        // Step 1: probabilities A = sigmoid(w^T X + b)
                        // BEGIN SOLUTION
                        Matrix a = sigmoid(w.transpose().dot(x).add(b));
                        // END SOLUTION

                        // Step 2: threshold at 0.5
                        // BEGIN SOLUTION
                        return a.greaterThan(0.5);
                        // END SOLUTION
                    }
                }
                """;

        assertEquals(SKELETON_HEAD + """
                    @Override
                    public Matrix predict(Matrix w, double b, Matrix x) {
                        // Step 1: probabilities A = sigmoid(w^T X + b)
                        throw new NotImplementedYet("predict");

                        // Step 2: threshold at 0.5
                    }
                }
                """, skeleton(source));
    }

    @Test
    void regions_in_several_methods_each_get_their_own_course_name() {
        String source = HEAD + """
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        return z;
                        // END SOLUTION
                    }

                    @Override
                    public Matrix predict(Matrix w, double b, Matrix x) {
                        // BEGIN SOLUTION
                        return x;
                        // END SOLUTION
                    }
                }
                """;

        String skeleton = skeleton(source);

        assertTrue(skeleton.contains("throw new NotImplementedYet(\"sigmoid\");"), skeleton);
        assertTrue(skeleton.contains("throw new NotImplementedYet(\"predict\");"), skeleton);
        assertEquals(2, skeleton.split("throw new", -1).length - 1, skeleton);
    }

    @Test
    void javadoc_comments_code_before_the_region_and_other_members_are_kept_byte_for_byte() {
        // given a worksheet Javadoc, given code before the region, a field and a method without markers
        String body = """
                    /**
                     * Exercise {@code propagate}: the cost and its gradients.
                     *
                     * <p>About 6 lines.   Trailing spaces stay.\s\s
                     */
                    @Override
                    public Propagation propagate(Matrix w, double b, Matrix x, Matrix y) {
                        int m = x.cols(); /* given */
                        // BEGIN SOLUTION
                        throw new IllegalStateException("answer");
                        // END SOLUTION
                    }

                    private final double\tkept = 1.0;   // a field

                    /** Not an exercise. */
                    public Matrix sigmoid(Matrix z) {
                        return z; // given helper
                    }
                }
                """;
        String source = HEAD + body;

        String skeleton = skeleton(source);

        String expectedBody = body.replace("""
                        // BEGIN SOLUTION
                        throw new IllegalStateException("answer");
                        // END SOLUTION
                """, """
                        throw new NotImplementedYet("propagate");
                """);
        assertEquals(SKELETON_HEAD + expectedBody, skeleton);
    }

    @Test
    void windows_line_endings_are_kept_and_reused_for_the_new_lines() {
        String source = (HEAD + """
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        return z;
                        // END SOLUTION
                    }
                }
                """).replace("\n", "\r\n");

        String skeleton = skeleton(source);

        assertEquals((SKELETON_HEAD + """
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        throw new NotImplementedYet("sigmoid");
                    }
                }
                """).replace("\n", "\r\n"), skeleton);
    }

    @Test
    void a_file_without_markers_comes_back_unchanged() {
        String source = HEAD + """
                    // not a marker: BEGINNING SOLUTIONS is a different word
                    String text = "// BEGIN SOLUTION";
                    /* // BEGIN SOLUTION in a block comment is documentation */
                }
                """;

        assertSame(source, skeleton(source));
    }

    @Test
    void markers_inside_string_literals_text_blocks_and_block_comments_are_ignored() {
        String source = HEAD + """
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        String s = "} // END SOLUTION {";
                        String t = \"""
                            // END SOLUTION }
                            \""";
                        char c = '}';
                        /* } // END SOLUTION */
                        // BEGIN SOLUTION
                        return z;
                        // END SOLUTION
                    }
                }
                """;

        String skeleton = skeleton(source);

        assertTrue(skeleton.contains("char c = '}';\n        /* } // END SOLUTION */\n"
                + "        throw new NotImplementedYet(\"sigmoid\");\n    }\n}\n"), skeleton);
    }

    // -------------------------------------------------------------------------------------------- names

    @Test
    void a_helper_that_is_not_in_the_contract_uses_its_java_name_in_snake_case() {
        String source = HEAD + """
                    private Matrix computeCostL2(Matrix a) {
                        // BEGIN SOLUTION
                        return a;
                        // END SOLUTION
                    }
                }
                """;

        assertTrue(skeleton(source).contains("throw new NotImplementedYet(\"compute_cost_l2\");"), skeleton(source));
    }

    @Test
    void a_helper_with_its_own_course_name_annotation_uses_it() {
        String source = HEAD + """
                    @dlcourse.course.CourseName("layer_sizes")
                    Matrix sizes(Matrix a) {
                        // BEGIN SOLUTION
                        return a;
                        // END SOLUTION
                    }
                }
                """;

        assertTrue(skeleton(source).contains("throw new NotImplementedYet(\"layer_sizes\");"), skeleton(source));
    }

    @Test
    void snake_case_splits_words_digits_and_acronyms() {
        assertEquals("flatten_images", CourseNames.snakeCase("flattenImages"));
        assertEquals("linear_activation_forward", CourseNames.snakeCase("linearActivationForward"));
        assertEquals("compute_cost_l2", CourseNames.snakeCase("computeCostL2"));
        assertEquals("to_html_page", CourseNames.snakeCase("toHTMLPage"));
        assertEquals("sigmoid", CourseNames.snakeCase("sigmoid"));
    }

    // ------------------------------------------------------------------------------------------ imports

    @Test
    void imports_only_the_answer_used_are_removed_and_the_rest_kept() {
        // given imports used by the answer only (ArrayList, List, exp), by the signature (Matrix), only in
        // Javadoc (Arrays), and a wildcard
        String source = """
                package dlcourse.logistic;

                import static java.lang.Math.exp;

                import dlcourse.core.Matrix;
                import dlcourse.course.LogisticRegression;
                import java.util.ArrayList;
                import java.util.Arrays;
                import java.util.List;
                import java.util.function.*;

                /** See {@link Arrays}. */
                public abstract class Demo implements LogisticRegression {
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        List<Double> values = new ArrayList<>();
                        values.add(exp(1.0));
                        return z;
                        // END SOLUTION
                    }
                }
                """;

        assertEquals("""
                package dlcourse.logistic;

                import dlcourse.core.Matrix;
                import dlcourse.course.LogisticRegression;
                import dlcourse.course.NotImplementedYet;
                import java.util.function.*;

                /** See {@link Arrays}. */
                public abstract class Demo implements LogisticRegression {
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        throw new NotImplementedYet("sigmoid");
                    }
                }
                """, skeleton(source));
    }

    @Test
    void the_not_implemented_import_goes_after_the_package_when_there_are_no_imports() {
        String source = """
                package dlcourse.logistic;

                public abstract class Helper {
                    int twice(int x) {
                        // BEGIN SOLUTION
                        return 2 * x;
                        // END SOLUTION
                    }
                }
                """;

        assertEquals("""
                package dlcourse.logistic;

                import dlcourse.course.NotImplementedYet;

                public abstract class Helper {
                    int twice(int x) {
                        throw new NotImplementedYet("twice");
                    }
                }
                """, skeleton(source));
    }

    @Test
    void an_existing_not_implemented_import_is_not_duplicated() {
        String source = HEAD.replace("import dlcourse.course.LogisticRegression;\n",
                "import dlcourse.course.LogisticRegression;\nimport dlcourse.course.NotImplementedYet;\n") + """
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        return z;
                        // END SOLUTION
                    }
                }
                """;

        String skeleton = skeleton(source);

        assertTrue(skeleton.startsWith(SKELETON_HEAD), skeleton);
    }

    // ------------------------------------------------------------------------------------------- errors

    @Test
    void code_after_the_region_is_rejected_because_it_would_be_unreachable() {
        String message = error(HEAD + """
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        Matrix s = z;
                        // END SOLUTION
                        return s;
                    }
                }
                """);

        assertEquals("Demo.java:12: code after the answer region of method sigmoid (Demo) would be unreachable once "
                + "the region becomes a throw: `return s;`. Move it inside the markers (BEGIN SOLUTION at line 9), "
                + "or above BEGIN SOLUTION if the student should see it.", message);
    }

    @Test
    void code_between_two_regions_of_a_method_is_rejected() {
        String message = error(HEAD + """
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        Matrix s = z;
                        // END SOLUTION
                        // Step 2 (a comment is fine here)
                        if (s == null) {
                            s = z;
                        }
                        // BEGIN SOLUTION
                        return s;
                        // END SOLUTION
                    }
                }
                """);

        assertEquals("Demo.java:13: code after the answer region of method sigmoid (Demo) would be unreachable once "
                + "the region becomes a throw: `if (s == null) {`. Move it inside the markers (BEGIN SOLUTION at "
                + "line 9), or above BEGIN SOLUTION if the student should see it.", message);
    }

    @Test
    void end_without_begin_is_rejected() {
        String message = error(HEAD + """
                    public Matrix sigmoid(Matrix z) {
                        return z;
                        // END SOLUTION
                    }
                }
                """);

        assertEquals("Demo.java:9: END SOLUTION without a matching BEGIN SOLUTION above it: add `// BEGIN SOLUTION` "
                + "where the answer starts, or delete this marker.", message);
    }

    @Test
    void begin_without_end_is_rejected_at_the_brace_that_closes_the_method() {
        String message = error(HEAD + """
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        return z;
                    }
                }
                """);

        assertEquals("Demo.java:10: this '}' closes method sigmoid (Demo) inside the answer region opened at line 8: "
                + "add `// END SOLUTION` before it (or balance the braces in the region).", message);
    }

    @Test
    void begin_without_end_at_the_end_of_the_file_is_rejected() {
        String message = error(HEAD + """
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                """);

        assertEquals("Demo.java:8: BEGIN SOLUTION has no matching END SOLUTION: add `// END SOLUTION` where the "
                + "answer ends, inside method sigmoid (Demo).", message);
    }

    @Test
    void nested_regions_are_rejected() {
        String message = error(HEAD + """
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        // BEGIN SOLUTION
                        return z;
                        // END SOLUTION
                        // END SOLUTION
                    }
                }
                """);

        assertEquals("Demo.java:9: BEGIN SOLUTION inside the answer region opened at line 8: regions cannot nest; "
                + "close that one with `// END SOLUTION` first.", message);
    }

    @Test
    void an_unclosed_brace_inside_the_region_is_rejected_at_end_solution() {
        String message = error(HEAD + """
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        if (z != null) {
                        // END SOLUTION
                        }
                        return z;
                    }
                }
                """);

        assertEquals("Demo.java:10: END SOLUTION is not at the brace depth of its BEGIN SOLUTION (line 8): a '{' "
                + "between them (line 9) is not closed before END SOLUTION.", message);
    }

    @Test
    void a_marker_in_a_class_body_outside_any_method_is_rejected() {
        String message = error(HEAD + """
                    // BEGIN SOLUTION
                    private int answer = 42;
                    // END SOLUTION
                }
                """);

        assertEquals("Demo.java:7: BEGIN SOLUTION outside a method body (directly in the body of Demo): markers "
                + "belong inside a method; keep fields and other members outside the markers.", message);
    }

    @Test
    void a_marker_outside_any_class_is_rejected() {
        String message = error("""
                package dlcourse.logistic;
                // BEGIN SOLUTION
                // END SOLUTION
                """);

        assertEquals("Demo.java:2: BEGIN SOLUTION outside any class: markers belong inside a method body.", message);
    }

    @Test
    void a_region_in_an_initializer_block_has_no_method_name_and_is_rejected() {
        String message = error(HEAD + """
                    static {
                        // BEGIN SOLUTION
                        System.out.println();
                        // END SOLUTION
                    }
                }
                """);

        assertEquals("Demo.java:8: BEGIN SOLUTION in a block with no method name (the block opened at line 7 is an "
                + "initializer, a field initializer or a declaration the generator does not recognise): the throw "
                + "reports the method's course name, so put the markers inside a method.", message);
    }

    @Test
    void a_region_inside_a_nested_block_is_rejected() {
        String message = error(HEAD + """
                    public Matrix sigmoid(Matrix z) {
                        Matrix s = z;
                        for (int i = 0; i < 3; i++) {
                            // BEGIN SOLUTION
                            s = s.add(1.0);
                            // END SOLUTION
                        }
                        return s;
                    }
                }
                """);

        assertEquals("Demo.java:10: BEGIN SOLUTION inside a nested block (opened at line 9) of method sigmoid (Demo): "
                + "the throw that replaces the answer must sit directly in the method body, or the code after the "
                + "block would not compile; move the markers out so that they enclose the whole block.", message);
    }

    @Test
    void a_marker_after_code_on_the_same_line_is_rejected() {
        String message = error(HEAD + """
                    public Matrix sigmoid(Matrix z) {
                        Matrix s = z; // BEGIN SOLUTION
                        return s;
                        // END SOLUTION
                    }
                }
                """);

        assertEquals("Demo.java:8: a marker must be on a line of its own, not after code or another comment: move "
                + "`// BEGIN SOLUTION` to the next line.", message);
    }

    @Test
    void a_misspelt_marker_is_rejected_instead_of_leaking_the_answer() {
        String message = error(HEAD + """
                    public Matrix sigmoid(Matrix z) {
                        // BEGIN SOLUTION
                        return z;
                        // end solution
                    }
                }
                """);

        assertEquals("Demo.java:10: malformed marker `// end solution`: write exactly `// BEGIN SOLUTION` or "
                + "`// END SOLUTION` on a line of its own (line comments may not otherwise mention them).", message);
    }

    @Test
    void an_unterminated_comment_is_reported_with_its_line() {
        String message = error(HEAD + """
                    /* never closed
                }
                """);

        assertEquals("Demo.java:7: unterminated comment; is the file complete?", message);
    }

    // ---------------------------------------------------------------------------------------- compiling

    /** A solution with the shapes real ones take: generics, throws, lambdas, anonymous and nested classes. */
    private static final String REALISTIC = """
            package dlcourse.logistic;

            import static java.lang.Math.max;

            import dlcourse.core.Matrix;
            import dlcourse.course.LogisticRegression;
            import java.util.ArrayList;
            import java.util.Comparator;
            import java.util.List;
            import java.util.function.DoubleUnaryOperator;

            /**
             * Worksheet: a cat detector. Braces in Javadoc { are not code.
             */
            public abstract class Realistic implements LogisticRegression {

                private static final Comparator<String> BY_LENGTH = new Comparator<>() {
                    @Override
                    public int compare(String a, String b) {
                        return Integer.compare(a.length(), b.length());
                    }
                };

                private final int[] sizes = {1, 2, 3};

                @SuppressWarnings({"unused", "rawtypes"})
                @Override
                public Matrix sigmoid(Matrix z) {
                    // Step 1: σ(z) = 1 / (1 + e^-z)
                    // BEGIN SOLUTION
                    DoubleUnaryOperator f = v -> {
                        return 1.0 / (1.0 + Math.exp(-v));
                    };
                    return Matrix.divide(1.0, z.negate().exp().add(1.0));
                    // END SOLUTION
                }

                @Override
                public Matrix predict(Matrix w, double b, Matrix x) {
                    Runnable given = () -> { };
                    // Step 1: probabilities
                    // BEGIN SOLUTION
                    Matrix a = sigmoid(w.transpose().dot(x).add(b));
                    // END SOLUTION
                    // Step 2: threshold
                    // BEGIN SOLUTION
                    List<Double> unused = new ArrayList<>();
                    unused.add((double) max(1, 2));
                    return a.greaterThan(0.5);
                    // END SOLUTION
                }

                <T extends Comparable<T>> T largest(List<T> items) throws IllegalStateException {
                    // BEGIN SOLUTION
                    return items.stream().max(Comparator.naturalOrder()).orElseThrow();
                    // END SOLUTION
                }

                /** A record with a compact constructor: its name is the record's. */
                record Pair(int first, int second) {
                    Pair {
                        // BEGIN SOLUTION
                        if (first > second) {
                            throw new IllegalArgumentException();
                        }
                        // END SOLUTION
                    }
                }

                enum Mode {
                    FAST { @Override int speed() { return 2; } },
                    SLOW;

                    int speed() {
                        // BEGIN SOLUTION
                        return 1;
                        // END SOLUTION
                    }
                }
            }
            """;

    @Test
    void the_skeleton_of_a_realistic_solution_compiles_and_names_every_function(@TempDir Path classes)
            throws IOException {
        // given a solution that compiles
        assertEquals(List.of(), compile("dlcourse.logistic.Realistic", REALISTIC, classes.resolve("solution")));

        // when
        String skeleton = generator.generate("Realistic.java", REALISTIC);

        // then the skeleton compiles too, with one throw per method and the answer-only imports gone
        assertEquals(List.of(), compile("dlcourse.logistic.Realistic", skeleton, classes.resolve("skeleton")),
                skeleton);
        assertTrue(Files.isRegularFile(classes.resolve("skeleton/dlcourse/logistic/Realistic.class")),
                "javac wrote no class file");
        assertEquals(List.of("sigmoid", "predict", "largest", "pair", "speed"), thrownNames(skeleton));
        assertTrue(skeleton.contains("""
                import dlcourse.core.Matrix;
                import dlcourse.course.LogisticRegression;
                import dlcourse.course.NotImplementedYet;
                import java.util.Comparator;
                import java.util.List;

                /**
                """), skeleton);
        assertTrue(skeleton.contains("""
                        Runnable given = () -> { };
                        // Step 1: probabilities
                        throw new NotImplementedYet("predict");
                        // Step 2: threshold
                    }
                """), skeleton);
    }

    private static List<String> thrownNames(String skeleton) {
        return skeleton.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("throw new NotImplementedYet(\""))
                .map(line -> line.substring("throw new NotImplementedYet(\"".length(), line.indexOf("\");")))
                .collect(Collectors.toList());
    }

    /** Compiles one source against the test class path; returns the error messages (empty: it compiled). */
    private static List<String> compile(String className, String source, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Files.createDirectories(out);
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            JavaFileObject unit = new SimpleJavaFileObject(
                    URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            List<String> options = List.of("--release", "17", "--add-modules", "jdk.incubator.vector",
                    "-proc:none", "-classpath", System.getProperty("java.class.path"));
            javac.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add("line " + d.getLineNumber() + ": " + d.getMessage(null));
            }
        }
        return errors;
    }
}
