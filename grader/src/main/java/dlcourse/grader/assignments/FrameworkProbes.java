package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.integer;
import static dlcourse.grader.assignments.Catalogs.ordered;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.Tensor;
import dlcourse.course.ProgrammingFrameworks;
import dlcourse.course.ProgrammingFrameworks.Placeholders;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.tf.TfMatrices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The value probes of assignment 9 (CURRICULUM §9): how each function is called on seeded inputs and which outputs
 * its fixtures store. Functions that take an {@link Ops} are called on a fresh graph of the grader's, which the
 * grader then runs with its own session; the others run their own.
 */
final class FrameworkProbes {

    /** The inputs of {@code sigmoid}, by case seed: the course's two examples, then two more. */
    private static final Map<Long, Double> SIGMOID_INPUTS = Map.of(1L, 0.0, 2L, 12.0, 3L, -3.5, 4L, 2.25);

    /** The parameter keys, in the course's order. */
    static final List<String> KEYS = List.of("W1", "b1", "W2", "b2", "W3", "b3");

    private FrameworkProbes() {
    }

    /** Every probe, in the worksheet's order. */
    static List<Probe<ProgrammingFrameworks>> all() {
        return List.of(linearFunction(), sigmoid(), cost(), oneHotMatrix(), ones(), createPlaceholders(),
                initializeParameters(), forwardPropagation(), computeCost());
    }

    private static Probe<ProgrammingFrameworks> linearFunction() {
        return new Probe<>("linear_function", Tolerance.FLOAT32,
                List.of(CaseSpec.of(1), CaseSpec.of(2)),
                List.of(CaseSpec.of(3), CaseSpec.of(4)),
                spec -> ordered("seed", spec.seed()),
                (impl, c) -> ordered("Y", Expect.returned(impl.linearFunction(new RandomState(
                        ((Number) c.input("seed")).longValue())), "linear_function", null)),
                Map.of("Y", "Draw X (3, 1), then W (4, 3), then b (4, 1), and compute W·X + b."));
    }

    private static Probe<ProgrammingFrameworks> sigmoid() {
        return new Probe<>("sigmoid", Tolerance.FLOAT32,
                List.of(new CaseSpec("z = 0", 1, List.of()), new CaseSpec("z = 12", 2, List.of())),
                List.of(new CaseSpec("z = -3.5", 3, List.of()), new CaseSpec("z = 2.25", 4, List.of())),
                spec -> ordered("z", SIGMOID_INPUTS.get(spec.seed())),
                (impl, c) -> ordered("sigmoid", impl.sigmoid(Catalogs.number(c, "z"))),
                Map.of("sigmoid", "Feed z into a placeholder and fetch tf.math.sigmoid of it."));
    }

    /** Case 1 is the course's example: the logits are σ(0.2, 0.4, 0.7, 0.9) and the labels 0, 0, 1, 1. */
    static Map<String, Object> costInputs(CaseSpec spec) {
        if (spec.sizes().isEmpty()) {
            return ordered("logits", Matrix.row(0.2, 0.4, 0.7, 0.9).sigmoid(), "labels", Matrix.row(0, 0, 1, 1));
        }
        RandomState random = new RandomState(spec.seed());
        Matrix logits = random.randn(spec.size(0), spec.size(1)).multiply(2.0);
        Matrix labels = random.rand(spec.size(0), spec.size(1)).greaterThan(0.5);
        return ordered("logits", logits, "labels", labels);
    }

    private static Probe<ProgrammingFrameworks> cost() {
        return new Probe<>("cost", Tolerance.FLOAT32,
                List.of(new CaseSpec("the course's example", 1, List.of()), CaseSpec.of(2, 2, 3)),
                List.of(CaseSpec.of(3, 3, 1), CaseSpec.of(4, 1, 5)),
                FrameworkProbes::costInputs,
                (impl, c) -> ordered("cost", Expect.returned(impl.cost((Matrix) c.input("logits"),
                        (Matrix) c.input("labels")), "cost", null)),
                Map.of("cost", "The loss takes the labels first and the raw logits z second."));
    }

    /** Case 1 is the course's example: labels 1, 2, 3, 0, 2, 1 with C = 4. */
    static Map<String, Object> oneHotInputs(CaseSpec spec) {
        if (spec.sizes().isEmpty()) {
            return ordered("labels", Matrix.row(1, 2, 3, 0, 2, 1), "C", 4);
        }
        RandomState random = new RandomState(spec.seed());
        int m = spec.size(0);
        int c = spec.size(1);
        double[] labels = new double[m];
        for (int i = 0; i < m; i++) {
            labels[i] = random.randint(0, c);
        }
        return ordered("labels", Matrix.row(labels), "C", c);
    }

    private static Probe<ProgrammingFrameworks> oneHotMatrix() {
        return new Probe<>("one_hot_matrix", Tolerance.EXACT,
                List.of(new CaseSpec("the course's example", 1, List.of()), CaseSpec.of(2, 5, 3)),
                List.of(CaseSpec.of(3, 1, 6), CaseSpec.of(4, 8, 6)),
                FrameworkProbes::oneHotInputs,
                (impl, c) -> ordered("one_hot", Expect.returned(impl.oneHotMatrix((Matrix) c.input("labels"),
                        integer(c, "C")), "one_hot_matrix", null)),
                Map.of("one_hot", "One column per example: the classes run along axis 0."));
    }

    /** A case of {@code ones} named after its shape: {@code shape [2, 3]}. */
    private static CaseSpec shapeCase(long seed, Integer... dims) {
        return new CaseSpec("shape " + List.of(dims), seed, List.of(dims));
    }

    private static Probe<ProgrammingFrameworks> ones() {
        return new Probe<>("ones", Tolerance.EXACT,
                List.of(shapeCase(1, 3), shapeCase(2, 2, 3)),
                List.of(shapeCase(3, 4, 1, 2), shapeCase(4, 1)),
                spec -> ordered("shape", new ArrayList<>(spec.sizes())),
                (impl, c) -> {
                    int[] shape = ((List<?>) c.input("shape")).stream().mapToInt(v -> ((Number) v).intValue())
                            .toArray();
                    Tensor ones = Expect.returned(impl.ones(shape), "ones", null);
                    return ordered("ones", ones);
                },
                Map.of());
    }

    private static Probe<ProgrammingFrameworks> createPlaceholders() {
        return new Probe<>("create_placeholders", Tolerance.EXACT,
                List.of(CaseSpec.of(1, ProgrammingFrameworks.N_X, ProgrammingFrameworks.N_Y), CaseSpec.of(2, 5, 3)),
                List.of(CaseSpec.of(3, 1, 1), CaseSpec.of(4, 64, 10)),
                spec -> ordered("n_x", spec.size(0), "n_y", spec.size(1)),
                (impl, c) -> {
                    try (Graph graph = new Graph()) {
                        Placeholders p = Expect.returned(impl.createPlaceholders(Ops.create(graph),
                                integer(c, "n_x"), integer(c, "n_y")), "create_placeholders", null);
                        return ordered("X.shape", shape("create_placeholders", p.x()), "Y.shape",
                                shape("create_placeholders", p.y()));
                    }
                },
                Map.of("X.shape", "X holds one example per column: (n_x, unknown), with Shape.UNKNOWN_SIZE (−1).",
                        "Y.shape", "Y holds one one-hot label per column: (n_y, unknown)."));
    }

    /** An operand's static shape as a list ({@code [12288, -1]}); an unknown rank as an empty list. */
    static List<Long> shape(String function, Operand<?> operand) {
        Shape shape = Expect.returned(operand, function, "an operand").shape();
        List<Long> dims = new ArrayList<>();
        if (!shape.isUnknown()) {
            for (long d : shape.asArray()) {
                dims.add(d);
            }
        }
        return dims;
    }

    private static Probe<ProgrammingFrameworks> initializeParameters() {
        return new Probe<>("initialize_parameters", Tolerance.EXACT,
                List.of(new CaseSpec("the SIGNS network", 1, List.of())), List.of(),
                spec -> Map.of(),
                (impl, c) -> {
                    try (Graph graph = new Graph(); Session session = new Session(graph)) {
                        Map<String, Variable<TFloat32>> params = Expect.returned(impl.initializeParameters(
                                Ops.create(graph)), "initialize_parameters", null);
                        TensorFlowSupport.initialize("initialize_parameters", session);
                        Map<String, Object> out = new LinkedHashMap<>();
                        for (String key : KEYS) {
                            Variable<TFloat32> variable = parameter(params, key);
                            if (key.startsWith("W")) {
                                out.put(key + ".shape", shape("initialize_parameters", variable));
                            } else {
                                out.put(key, TensorFlowSupport.fetch("initialize_parameters", session, variable,
                                        Map.of()));
                            }
                        }
                        return out;
                    }
                },
                Map.of("W1.shape", "W1 maps the 12288 inputs to 25 units: (25, 12288).",
                        "b1", "b1 is a (25, 1) column of zeros."));
    }

    /** The variable under {@code key}, or a failure naming the missing key. */
    static <V> V parameter(Map<String, V> params, String key) {
        V value = params.get(key);
        if (value == null) {
            throw new CheckFailure("initialize_parameters returned no " + key + "; the keys must be " + KEYS
                    + " but were " + params.keySet() + ".");
        }
        return value;
    }

    /** X (n_x, m) and W1 … b3 drawn with sizes (n_x, m, n1, n2, n_y). */
    static Map<String, Object> forwardInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        int[] units = {spec.size(0), spec.size(2), spec.size(3), spec.size(4)};
        Map<String, Object> inputs = ordered("X", random.randn(spec.size(0), spec.size(1)));
        for (int l = 1; l < units.length; l++) {
            inputs.put("W" + l, random.randn(units[l], units[l - 1]).multiply(0.5));
            inputs.put("b" + l, random.randn(units[l], 1).multiply(0.5));
        }
        return inputs;
    }

    private static Probe<ProgrammingFrameworks> forwardPropagation() {
        return new Probe<>("forward_propagation", Tolerance.FLOAT32,
                List.of(CaseSpec.of(1, 4, 3, 5, 3, 2), CaseSpec.of(2, 6, 1, 4, 4, 3)),
                List.of(CaseSpec.of(3, 8, 5, 25, 12, 6), CaseSpec.of(4, 2, 2, 1, 1, 1)),
                FrameworkProbes::forwardInputs,
                (impl, c) -> ordered("Z3", forward(impl, c)),
                Map.of("Z3", "Z3 = W3·relu(W2·relu(W1·X + b1) + b2) + b3, with no activation on Z3."));
    }

    /** Z3 of the student's graph with X fed through a placeholder and the parameters as constants. */
    private static Matrix forward(ProgrammingFrameworks impl, FixtureCase c) {
        Matrix x = (Matrix) c.input("X");
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> input = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(x.rows(), Shape.UNKNOWN_SIZE)));
            Map<String, Operand<TFloat32>> params = new LinkedHashMap<>();
            for (String key : KEYS) {
                params.put(key, TfMatrices.constant(tf, (Matrix) c.input(key)));
            }
            Operand<TFloat32> z3 = Expect.returned(impl.forwardPropagation(tf, input, params),
                    "forward_propagation", null);
            return TensorFlowSupport.fetch("forward_propagation", session, z3, Map.of(input, x));
        }
    }

    /** Z3 (C, m) and one-hot Y (C, m) drawn with sizes (C, m). */
    static Map<String, Object> costOfZ3Inputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        int classes = spec.size(0);
        int m = spec.size(1);
        Matrix z3 = random.randn(classes, m).multiply(2.0);
        double[] y = new double[classes * m];
        for (int i = 0; i < m; i++) {
            y[(int) random.randint(0, classes) * m + i] = 1;
        }
        return ordered("Z3", z3, "Y", Matrix.of(classes, m, y));
    }

    private static Probe<ProgrammingFrameworks> computeCost() {
        return new Probe<>("compute_cost", Tolerance.FLOAT32,
                List.of(CaseSpec.of(1, 6, 4), CaseSpec.of(2, 3, 2)),
                List.of(CaseSpec.of(3, 6, 1), CaseSpec.of(4, 2, 7)),
                FrameworkProbes::costOfZ3Inputs,
                (impl, c) -> ordered("cost", costOfZ3(impl, (Matrix) c.input("Z3"), (Matrix) c.input("Y")).item()),
                Map.of("cost", "Transpose Z3 and Y to one example per row, then average the per-example losses."));
    }

    /** The student's cost with Z3 and Y fed through placeholders of unknown width, as in the model. */
    static Matrix costOfZ3(ProgrammingFrameworks impl, Matrix z3, Matrix y) {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> logits = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(z3.rows(), Shape.UNKNOWN_SIZE)));
            Placeholder<TFloat32> labels = tf.placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(y.rows(), Shape.UNKNOWN_SIZE)));
            Operand<TFloat32> cost = Expect.returned(impl.computeCost(tf, logits, labels), "compute_cost", null);
            Matrix value = TensorFlowSupport.fetch("compute_cost", session, cost, Map.of(logits, z3, labels, y));
            if (value.size() != 1) {
                throw new CheckFailure("compute_cost should be one number (a scalar) but has shape " + value.shape()
                        + " after running: average the per-example losses with tf.math.mean.");
            }
            return value;
        }
    }
}
