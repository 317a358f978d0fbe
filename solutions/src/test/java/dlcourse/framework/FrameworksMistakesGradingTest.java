package dlcourse.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.ProgrammingFrameworks;
import dlcourse.grader.assignments.FrameworkAssignment;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.report.CheckResult;
import dlcourse.grader.run.Grader;
import dlcourse.tf.TfMatrices;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.initializers.Glorot;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The grader against deliberately broken TensorFlow submissions: every known mistake is caught by its function's
 * value checks and named with a pinned headline; leaked native objects, non-Glorot weights and a graph rebuilt in the
 * training loop fail their own checks.
 */
class FrameworksMistakesGradingTest {

    private static final FrameworkAssignment ASSIGNMENT = new FrameworkAssignment();

    private static List<CheckResult> grade(Supplier<? extends ProgrammingFrameworks> instances,
                                           Predicate<Check<ProgrammingFrameworks>> which) {
        Grader.Session<ProgrammingFrameworks> session = new Grader(new FixtureStore(), EnumSet.of(Visibility.PUBLIC))
                .start(ASSIGNMENT, instances, Frameworks.class);
        return session.runWhere(which);
    }

    private static List<CheckResult> gradeFunction(Supplier<? extends ProgrammingFrameworks> instances,
                                                   String function) {
        return grade(instances, c -> c.function().equals(function) && !c.kind().id().equals("training"));
    }

    static Stream<Arguments> mistakes() {
        return ASSIGNMENT.mistakes().stream().map(m -> Arguments.of(m.id(), m));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void every_known_mistake_fails_its_value_checks_and_is_named(String id, Mistake mistake) {
        Frameworks variant = FrameworksMistakes.variants().get(id);
        List<CheckResult> values = gradeFunction(() -> variant, mistake.function()).stream()
                .filter(r -> r.kind().equals("value")).toList();

        assertFalse(values.isEmpty());
        assertTrue(values.stream().noneMatch(r -> r.verdict().equals("passed")), () -> id + " passed: " + values);
        assertTrue(values.stream().anyMatch(r -> mistake.description().equals(r.diagnosis())),
                () -> id + " was not diagnosed: " + values);
    }

    /** The exact headline of the first value check each broken submission fails. */
    private static final Map<String, String> HEADLINES = Map.ofEntries(
            Map.entry("w_drawn_first",
                    "Y differs in 4 of 4 entries; worst at [1, 0]: expected 2.95891 but was -2.76826 (|diff| 5.7e+00 > 3.1e-05). Draw X (3, 1), then W (4, 3), then b (4, 1), and compute W·X + b."),
            Map.entry("sigmoid_twice",
                    "cost differs in 4 of 4 entries; worst at [0, 0]: expected 1.00539 but was 1.05964 (|diff| 5.4e-02 > 1.1e-05). The loss takes the labels first and the raw logits z second."),
            Map.entry("labels_logits_swapped",
                    "cost differs in 4 of 4 entries; worst at [0, 1]: expected 1.03664 but was 0.693147 (|diff| 3.4e-01 > 1.1e-05). The loss takes the labels first and the raw logits z second."),
            Map.entry("one_hot_wrong_axis",
                    "one_hot has shape (6, 4) but (4, 6) was expected. It looks transposed."),
            Map.entry("examples_first",
                    "X.shape differs in 2 of 2 entries; worst at [0]: expected 12288.0 but was -1.0 (|diff| 1.2e+04 > 0.0e+00). X holds one example per column: (n_x, unknown), with Shape.UNKNOWN_SIZE (−1)."),
            Map.entry("relu_on_z3",
                    "Z3 differs in 2 of 6 entries; worst at [1, 2]: expected -0.382317 but was 0.0 (|diff| 3.8e-01 > 4.8e-06). Z3 = W3·relu(W2·relu(W1·X + b1) + b2) + b3, with no activation on Z3."),
            Map.entry("sum_instead_of_mean",
                    "cost is 15.6644 but 3.91609 was expected (|diff| 1.2e+01 > 4.0e-05). Transpose Z3 and Y to one example per row, then average the per-example losses."),
            Map.entry("softmax_over_examples",
                    "cost is 2.60228 but 3.91609 was expected (|diff| 1.3e+00 > 4.0e-05). Transpose Z3 and Y to one example per row, then average the per-example losses."));

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void each_broken_submission_gets_its_exact_headline(String id, Mistake mistake) {
        Frameworks variant = FrameworksMistakes.variants().get(id);
        CheckResult first = gradeFunction(() -> variant, mistake.function()).stream()
                .filter(r -> r.kind().equals("value")).findFirst().orElseThrow();

        assertEquals("failed", first.verdict());
        assertEquals(HEADLINES.get(id), first.message());
        assertEquals(mistake.description(), first.diagnosis());
    }

    @Test
    void the_headline_table_covers_every_known_mistake() {
        assertEquals(ASSIGNMENT.mistakes().stream().map(Mistake::id).collect(Collectors.toSet()), HEADLINES.keySet());
    }

    private static CheckResult only(List<CheckResult> rows, String kind, String idPart) {
        List<CheckResult> matching = rows.stream().filter(r -> r.kind().equals(kind) && r.id().contains(idPart))
                .toList();
        assertEquals(1, matching.size(), () -> "checks " + kind + "/" + idPart + ": " + rows);
        return matching.get(0);
    }

    @Test
    void a_sigmoid_that_never_closes_its_tensors_fails_the_leak_check_but_not_its_values() {
        List<CheckResult> rows = gradeFunction(() -> new Frameworks() {
            @Override
            public double sigmoid(double z) {
                try (Graph graph = new Graph(); Session session = new Session(graph)) {
                    Ops tf = Ops.create(graph);
                    Placeholder<TFloat32> x = tf.placeholder(TFloat32.class);
                    Result result = session.runner().feed(x, TFloat32.scalarOf((float) z))
                            .fetch(tf.math.sigmoid(x)).run();
                    return TfMatrices.toDouble(result.get(0));
                }
            }
        }, "sigmoid");

        assertTrue(rows.stream().filter(r -> r.kind().equals("value")).allMatch(r -> r.verdict().equals("passed")),
                rows::toString);
        CheckResult leak = only(rows, "property", "closes-what-it-opens");
        assertEquals("failed", leak.verdict());
        assertTrue(leak.message().startsWith("sigmoid left "), leak.message());
        assertTrue(leak.message().endsWith(" native TensorFlow objects open after 3 calls. Open every Session, Tensor"
                + " and Result in a try-with-resources statement so that it is closed when the block ends."),
                leak.message());
    }

    @Test
    void a_model_that_never_closes_its_batches_fails_the_leak_check() {
        List<TFloat32> neverClosed = new java.util.ArrayList<>();
        Frameworks leaky = new Frameworks() {
            @Override
            public Model model(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest, double learningRate,
                               int numEpochs, int minibatchSize, boolean printCost) {
                for (int i = 0; i < 4; i++) {
                    neverClosed.add(TfMatrices.tensorOf(xTrain.columns(0, 1)));
                }
                return super.model(xTrain, yTrain, xTest, yTest, learningRate, numEpochs, minibatchSize, printCost);
            }
        };
        CheckResult leak = only(gradeFunction(() -> leaky, "model"), "property", "closes-what-it-opens");

        assertEquals("failed", leak.verdict(), leak::message);
        neverClosed.forEach(TFloat32::close);
    }

    @Test
    void the_uniform_glorot_of_tensorflow_java_is_caught_by_the_statistics_and_explained() {
        Frameworks uniform = new Frameworks() {
            @Override
            public Map<String, Variable<TFloat32>> initializeParameters(Ops tf) {
                Glorot<TFloat32> glorot = new Glorot<>(VarianceScaling.Distribution.UNIFORM, INIT_SEED);
                int[] sizes = {N_X, N_H1, N_H2, N_Y};
                Map<String, Variable<TFloat32>> parameters = new LinkedHashMap<>();
                for (int l = 1; l < sizes.length; l++) {
                    parameters.put("W" + l, tf.withName("W" + l).variable(glorot.call(tf,
                            tf.constant(new long[] {sizes[l], sizes[l - 1]}), TFloat32.class)));
                    parameters.put("b" + l, tf.withName("b" + l).variable(tf.zeros(
                            tf.constant(new long[] {sizes[l], 1}), TFloat32.class)));
                }
                return parameters;
            }
        };
        List<CheckResult> rows = gradeFunction(() -> uniform, "initialize_parameters");

        assertTrue(rows.stream().filter(r -> r.kind().equals("value")).allMatch(r -> r.verdict().equals("passed")),
                rows::toString);
        CheckResult statistics = only(rows, "property", "glorot-statistics");
        assertEquals("failed", statistics.verdict());
        assertEquals("W1's entries average 0.0110383 but Glorot weights are centred on 0 (|mean| ≤ 9.1978e-05 expected"
                + " for 307200 entries). Every weight is positive: TensorFlow Java 1.1.0's Glorot with"
                + " Distribution.UNIFORM draws from [0, limit) only; use Distribution.TRUNCATED_NORMAL.",
                statistics.message());
    }

    @Test
    void a_model_that_builds_the_forward_pass_in_the_training_loop_fails_the_call_pattern() {
        Frameworks rebuilding = new Frameworks() {
            @Override
            public Model model(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest, double learningRate,
                               int numEpochs, int minibatchSize, boolean printCost) {
                try (Graph graph = new Graph()) {
                    Ops tf = Ops.create(graph);
                    Placeholders inputs = createPlaceholders(tf, xTrain.rows(), yTrain.rows());
                    Map<String, Variable<TFloat32>> parameters = initializeParameters(tf);
                    for (int epoch = 0; epoch < numEpochs; epoch++) {
                        Operand<TFloat32> z3 = forwardPropagation(tf, inputs.x(), parameters);
                        computeCost(tf, z3, inputs.y());
                    }
                }
                return super.model(xTrain, yTrain, xTest, yTest, learningRate, numEpochs, minibatchSize, printCost);
            }
        };
        CheckResult pattern = only(gradeFunction(() -> rebuilding, "model"), "call_pattern", "graph-built-once");

        assertEquals("failed", pattern.verdict());
        assertTrue(pattern.message().startsWith("model must build its graph once, before training: call"
                + " this.createPlaceholders(tf, n_x, n_y), this.initializeParameters, this.forwardPropagation and"
                + " this.computeCost once each, in this order (2 epochs of 2 mini-batches were run): "),
                pattern.message());
    }

    @Test
    void a_model_that_does_not_learn_fails_the_training_check() {
        Frameworks frozen = new Frameworks() {
            @Override
            public Model model(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest, double learningRate,
                               int numEpochs, int minibatchSize, boolean printCost) {
                return super.model(xTrain, yTrain, xTest, yTest, 0.0, numEpochs, minibatchSize, printCost);
            }
        };
        CheckResult training = only(grade(() -> frozen, c -> c.kind().id().equals("training")), "training", "signs");

        assertEquals("failed", training.verdict());
        assertTrue(training.message().startsWith("After 100 epochs the cost went from "), training.message());
    }

    @Test
    void the_catalog_covers_every_function_of_the_contract_with_every_fitting_kind() {
        List<Check<ProgrammingFrameworks>> checks = ASSIGNMENT.checks(new FixtureStore(),
                EnumSet.allOf(Visibility.class));
        Map<String, Long> kinds = checks.stream().collect(Collectors.groupingBy(c -> c.kind().id(),
                Collectors.counting()));

        assertEquals(10, checks.stream().map(Check::function).distinct().count());
        assertTrue(kinds.keySet().containsAll(List.of("shape", "value", "call_pattern", "property", "training")),
                kinds.toString());
    }
}
