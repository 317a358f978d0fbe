package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.doubles;
import static dlcourse.grader.assignments.Catalogs.integer;
import static dlcourse.grader.assignments.Catalogs.number;
import static dlcourse.grader.assignments.Catalogs.ordered;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.ShapeException;
import dlcourse.course.ShallowNetwork;
import dlcourse.course.ShallowNetwork.Cache;
import dlcourse.course.ShallowNetwork.Forward;
import dlcourse.course.ShallowNetwork.LayerSizes;
import dlcourse.course.ShallowNetwork.Trained;
import dlcourse.data.LabeledData;
import dlcourse.data.PlanarDatasets;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockito.stubbing.Answer;

/**
 * The value probes of assignment 2 (shallow network): the seeded inputs of every graded function, how each is called
 * and which of its helpers are replayed from the reference's recordings. The catalog is {@link ShallowAssignment}.
 */
final class ShallowProbes {

    /** Name of the fixture that stores the reference training run on the flower. */
    static final String TRAINING_FIXTURE = "nn_model_on_flower";
    /** The recording of every helper call {@code nn_model} makes, replayed when it is graded. */
    static final String MODEL_TRACE = "helper_trace";
    /** The recording of the forward pass {@code predict} makes, replayed when it is graded. */
    static final String FORWARD_TRACE = "forward_trace";
    /** Hidden units of the course's run on the flower. */
    static final int FLOWER_HIDDEN = 4;
    /**
     * The course's run on the flower is reproducible up to this iteration; later costs depend on the last bits of
     * exp, log and tanh (see {@link #training()}).
     */
    static final int STABLE_ITERATIONS = 7000;

    /** What a transposed weight matrix looks like; the catalog's mistake of the same id has this description. */
    static final String W_TRANSPOSED = "multiplying by a transposed weight matrix (Wᵀ·A instead of W·A)";

    private static final String PARAMETER_KEYS_HINT = "Return W1, b1, W2, b2 (in this order).";
    /** {@code shapes (2,4) and (2,3) not aligned…}: the shapes Matrix.dot names when they do not fit. */
    private static final Pattern NOT_ALIGNED = Pattern.compile("shapes \\((\\d+),(\\d+)\\) and \\((\\d+),(\\d+)\\)"
            + " not aligned");

    private ShallowProbes() {
    }

    /** Every probe, in the order of the worksheet, then the reference run on the flower. */
    static List<Probe<ShallowNetwork>> all() {
        return List.of(layerSizes(), initializeParameters(), forwardPropagation(), computeCost(),
                backwardPropagation(), updateParameters(), nnModel(), predict(), training());
    }

    // ---------------------------------------------------------------- inputs

    /** A named case: the sizes say what they are, e.g. {@code n_x 2, n_h 4, m 3}. */
    private static CaseSpec named(long seed, String names, Integer... sizes) {
        String[] parts = names.split(" ");
        StringBuilder name = new StringBuilder("seed " + seed);
        for (int i = 0; i < sizes.length; i++) {
            name.append(", ").append(parts[i]).append(' ').append(sizes[i]);
        }
        return new CaseSpec(name.toString(), seed, List.of(sizes));
    }

    /** Random parameters of a (n_x, n_h, n_y) network, larger than the course's start so that tanh bends. */
    static Parameters randomParameters(RandomState random, int nX, int nH, int nY) {
        return Parameters.builder()
                .put("W1", random.randn(nH, nX)).put("b1", random.randn(nH, 1).multiply(0.5))
                .put("W2", random.randn(nY, nH)).put("b2", random.randn(nY, 1).multiply(0.5))
                .build();
    }

    /** Random 0/1 labels, shape (rows, m). */
    static Matrix labels(RandomState random, int rows, int m) {
        return random.rand(rows, m).greaterThan(0.5);
    }

    /** Inputs of forward_propagation: X (n_x, m) and parameters of a (n_x, n_h, n_y) network. */
    static Map<String, Object> forwardInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        int nX = spec.size(0);
        int nH = spec.size(1);
        int nY = spec.size(2);
        int m = spec.size(3);
        Parameters parameters = randomParameters(random, nX, nH, nY);
        return ordered("X", random.randn(nX, m), "parameters", parameters);
    }

    /**
     * Inputs of backward_propagation: parameters, a cache of plausible values (A1 in (−1, 1), A2 in (0, 1); the
     * backward pass reads only those two, W2, X and Y), X and Y.
     */
    static Map<String, Object> backwardInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        int nX = spec.size(0);
        int nH = spec.size(1);
        int m = spec.size(2);
        Parameters parameters = randomParameters(random, nX, nH, 1);
        Matrix x = random.randn(nX, m);
        Matrix y = labels(random, 1, m);
        Map<String, Object> cache = ordered("Z1", random.randn(nH, m), "A1", random.rand(nH, m).multiply(2.0)
                .subtract(1.0), "Z2", random.randn(1, m), "A2", random.rand(1, m).multiply(0.98).add(0.01));
        return ordered("parameters", parameters, "cache", cache, "X", x, "Y", y);
    }

    /** Inputs of nn_model: X (n_x, m), Y (1, m), n_h and the number of iterations. */
    static Map<String, Object> modelInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        int nX = spec.size(0);
        int m = spec.size(1);
        return ordered("X", random.randn(nX, m), "Y", labels(random, 1, m), "n_h", spec.size(2), "num_iterations",
                spec.size(3));
    }

    // ---------------------------------------------------------------- decoding

    /** Fixture maps (and Parameters themselves) as Parameters, keeping the order. */
    static Parameters parameters(Object value) {
        if (value instanceof Parameters p) {
            return p;
        }
        return Parameters.of(matrices(value));
    }

    /** Fixture maps (and Grads themselves) as Grads, keeping the order. */
    static Grads grads(Object value) {
        if (value instanceof Grads g) {
            return g;
        }
        return Grads.of(matrices(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Matrix> matrices(Object value) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        ((Map<String, Object>) value).forEach((k, v) -> out.put(k, (Matrix) v));
        return out;
    }

    /** A cache from a fixture map with the course's keys. */
    @SuppressWarnings("unchecked")
    static Cache cache(Object value) {
        Map<String, Object> map = (Map<String, Object>) value;
        return new Cache((Matrix) map.get("Z1"), (Matrix) map.get("A1"), (Matrix) map.get("Z2"),
                (Matrix) map.get("A2"));
    }

    /** A cache as a fixture map with the course's keys. */
    static Map<String, Object> cacheMap(Cache cache) {
        return ordered("Z1", cache.z1(), "A1", cache.a1(), "Z2", cache.z2(), "A2", cache.a2());
    }

    /** Every entry of a parameter map as its own output, so that feedback names the one that is wrong. */
    static Map<String, Object> flatten(Parameters parameters, String function) {
        Expect.returned(parameters, function, null);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("W1", "b1", "W2", "b2")) {
            out.put(key, entry(parameters.asMap(), key, function));
        }
        return out;
    }

    /** Every gradient as its own output. */
    static Map<String, Object> flatten(Grads grads, String function) {
        Expect.returned(grads, function, null);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("dW1", "db1", "dW2", "db2")) {
            out.put(key, entry(grads.asMap(), key, function));
        }
        return out;
    }

    private static Matrix entry(Map<String, Matrix> map, String key, String function) {
        Matrix value = map.get(key);
        if (value == null) {
            throw new CheckFailure(function + " returned no \"" + key + "\"; it returned the keys " + map.keySet()
                    + ".");
        }
        return value;
    }

    // ---------------------------------------------------------------- probes

    private static Probe<ShallowNetwork> layerSizes() {
        return new Probe<>("layer_sizes", Tolerance.EXACT,
                List.of(named(1, "n_x m n_y", 5, 3, 2), named(2, "n_x m n_y", 2, 7, 1)),
                List.of(named(3, "n_x m n_y", 4, 1, 1), named(4, "n_x m n_y", 3, 6, 3)),
                spec -> {
                    RandomState random = new RandomState(spec.seed());
                    return ordered("X", random.randn(spec.size(0), spec.size(1)), "Y", labels(random, spec.size(2),
                            spec.size(1)));
                },
                (impl, c) -> {
                    LayerSizes sizes = Expect.returned(impl.layerSizes((Matrix) c.input("X"), (Matrix) c.input("Y")),
                            "layer_sizes", null);
                    return ordered("n_x", sizes.nX(), "n_h", sizes.nH(), "n_y", sizes.nY());
                },
                Map.of("n_x", "n_x is the number of features: the rows of X, not its columns.",
                        "n_h", "The hidden layer has 4 units here.",
                        "n_y", "n_y is the number of rows of Y."));
    }

    private static Probe<ShallowNetwork> initializeParameters() {
        return new Probe<>("initialize_parameters", Tolerance.STRICT,
                List.of(named(1, "n_x n_h n_y", 2, 4, 1), named(2, "n_x n_h n_y", 3, 5, 2)),
                List.of(named(3, "n_x n_h n_y", 1, 1, 1), named(4, "n_x n_h n_y", 4, 7, 1)),
                spec -> ordered("n_x", spec.size(0), "n_h", spec.size(1), "n_y", spec.size(2)),
                (impl, c) -> flatten(impl.initializeParameters(integer(c, "n_x"), integer(c, "n_h"),
                        integer(c, "n_y")), "initialize_parameters"),
                Map.of("W1", "Seed a new RandomState(2) in the method, draw W1 = randn(n_h, n_x) first, scale by"
                                + " 0.01.",
                        "W2", "W2 = randn(n_y, n_h) is drawn right after W1, from the same generator.",
                        "b1", "b1 is a (n_h, 1) column of zeros.", "b2", "b2 is a (n_y, 1) column of zeros."));
    }

    /**
     * forward_propagation. One public and one hidden case have n_h = n_x, so that a transposed W1 still runs and
     * is recognised from its output; on the others it cannot run, and the shape error is recognised instead.
     */
    private static Probe<ShallowNetwork> forwardPropagation() {
        return new Probe<>("forward_propagation", Tolerance.STRICT,
                List.of(named(1, "n_x n_h n_y m", 2, 4, 1, 3), named(2, "n_x n_h n_y m", 3, 3, 1, 5)),
                List.of(named(3, "n_x n_h n_y m", 2, 2, 1, 1), named(4, "n_x n_h n_y m", 5, 3, 2, 7)),
                ShallowProbes::forwardInputs,
                (impl, c) -> {
                    Matrix x = (Matrix) c.input("X");
                    Parameters parameters = parameters(c.input("parameters"));
                    Forward forward = Expect.returned(diagnoseTransposed(parameters, x,
                            () -> impl.forwardPropagation(x, parameters)), "forward_propagation", null);
                    Cache cache = Expect.returned(forward.cache(), "forward_propagation", "cache");
                    return ordered("A2", forward.a2(), "Z1", cache.z1(), "A1", cache.a1(), "Z2", cache.z2());
                },
                Map.of("Z1", "Z1 = W1·X + b1: W1 (n_h, n_x) on the left, b1 added to every column.",
                        "A1", "The hidden layer uses tanh.",
                        "A2", "A2 = σ(W2·A1 + b2)."));
    }

    /**
     * Runs a forward pass; a shape error whose left operand has the shape of a transposed W1 or W2 (and whose right
     * operand is X or the hidden activations) is recognised as {@link #W_TRANSPOSED}.
     */
    static <V> V diagnoseTransposed(Parameters parameters, Matrix x, java.util.concurrent.Callable<V> forward)
            throws Exception {
        try {
            return forward.call();
        } catch (ShapeException e) {
            Matcher shapes = NOT_ALIGNED.matcher(String.valueOf(e.getMessage()));
            if (shapes.find()) {
                int[] left = {Integer.parseInt(shapes.group(1)), Integer.parseInt(shapes.group(2))};
                int[] right = {Integer.parseInt(shapes.group(3)), Integer.parseInt(shapes.group(4))};
                Matrix w1 = parameters.get("W1");
                Matrix w2 = parameters.get("W2");
                boolean w1Transposed = left[0] == w1.cols() && left[1] == w1.rows() && right[0] == x.rows()
                        && right[1] == x.cols();
                boolean w2Transposed = left[0] == w2.cols() && left[1] == w2.rows() && right[0] == w1.rows()
                        && right[1] == x.cols();
                if (w1Transposed || w2Transposed) {
                    String name = w1Transposed ? "W1" : "W2";
                    Matrix w = w1Transposed ? w1 : w2;
                    throw new CheckFailure(new Verdict.Failed("forward_propagation threw ShapeException: "
                            + e.getMessage() + ". " + name + " has shape " + w.shape() + ": it goes on the left as it"
                            + " is, " + name + "·" + (w1Transposed ? "X" : "A1") + ".", W_TRANSPOSED, null));
                }
            }
            throw e;
        }
    }

    private static Probe<ShallowNetwork> computeCost() {
        return new Probe<>("compute_cost", Tolerance.STRICT,
                List.of(named(1, "m", 3), named(2, "m", 8)),
                List.of(named(3, "m", 1), named(4, "m", 13)),
                spec -> {
                    RandomState random = new RandomState(spec.seed());
                    int m = spec.size(0);
                    return ordered("A2", random.rand(1, m).multiply(0.98).add(0.01), "Y", labels(random, 1, m));
                },
                (impl, c) -> ordered("cost", impl.computeCost((Matrix) c.input("A2"), (Matrix) c.input("Y"))),
                Map.of("cost", "J = −(1/m)·Σ[Y·log(A2) + (1 − Y)·log(1 − A2)]."));
    }

    private static Probe<ShallowNetwork> backwardPropagation() {
        return new Probe<>("backward_propagation", Tolerance.STRICT,
                List.of(named(1, "n_x n_h m", 2, 4, 3), named(2, "n_x n_h m", 3, 3, 5)),
                List.of(named(3, "n_x n_h m", 2, 2, 1), named(4, "n_x n_h m", 4, 5, 9)),
                ShallowProbes::backwardInputs,
                (impl, c) -> flatten(impl.backwardPropagation(parameters(c.input("parameters")),
                        cache(c.input("cache")), (Matrix) c.input("X"), (Matrix) c.input("Y")),
                        "backward_propagation"),
                Map.of("dW1", "dW1 = (1/m)·dZ1·Xᵀ with dZ1 = (W2ᵀ·dZ2) ∗ (1 − A1²).",
                        "db1", "db1 holds the row sums of dZ1 / m as a (n_h, 1) column.",
                        "dW2", "dW2 = (1/m)·dZ2·A1ᵀ with dZ2 = A2 − Y.",
                        "db2", "db2 holds the row sums of dZ2 / m as a column."));
    }

    private static Probe<ShallowNetwork> updateParameters() {
        return new Probe<>("update_parameters", Tolerance.STRICT,
                List.of(named(1, "n_x n_h", 2, 4), named(2, "n_x n_h", 3, 2)),
                List.of(named(3, "n_x n_h", 1, 1), named(4, "n_x n_h", 5, 3)),
                spec -> {
                    RandomState random = new RandomState(spec.seed());
                    Parameters parameters = randomParameters(random, spec.size(0), spec.size(1), 1);
                    Grads.Builder grads = Grads.builder();
                    parameters.asMap().forEach((k, v) -> grads.put("d" + k, random.randn(v.rows(), v.cols())));
                    return ordered("parameters", parameters, "grads", grads.build(), "learning_rate",
                            spec.seed() % 2 == 1 ? ShallowNetwork.LEARNING_RATE : 0.05);
                },
                (impl, c) -> flatten(impl.updateParameters(parameters(c.input("parameters")), grads(c.input("grads")),
                        number(c, "learning_rate")), "update_parameters"),
                Map.of("W1", "Each parameter moves against its gradient: P − α·dP. " + PARAMETER_KEYS_HINT));
    }

    /**
     * nn_model graded on its own: initialize_parameters, forward_propagation, compute_cost, backward_propagation and
     * update_parameters are replaced by the reference's results, replayed from the fixture in call order, so only the
     * loop is judged. (The cadence of 1000 iterations between recorded costs is a property check: a trace that long
     * would not fit in a fixture.)
     */
    private static Probe<ShallowNetwork> nnModel() {
        return new Probe<>("nn_model", Tolerance.STRICT,
                List.of(named(1, "n_x m n_h iterations", 2, 4, 3, 3), named(2, "n_x m n_h iterations", 2, 6, 2, 1)),
                List.of(named(3, "n_x m n_h iterations", 3, 1, 2, 2), named(4, "n_x m n_h iterations", 2, 5, 4, 4)),
                ShallowProbes::modelInputs,
                (impl, c) -> {
                    ShallowNetwork subject = spy(impl);
                    boolean replay = c.replaying(MODEL_TRACE);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> trace = replay ? (Map<String, Object>) c.recording(MODEL_TRACE) : null;
                    Map<String, Object> recorded = ordered("initialize_parameters", new ArrayList<>(),
                            "forward_propagation", new ArrayList<>(), "compute_cost", new ArrayList<>(),
                            "backward_propagation", new ArrayList<>(), "update_parameters", new ArrayList<>());
                    doAnswer(replayed(trace, recorded, "initialize_parameters", ShallowProbes::parameters, r -> r))
                            .when(subject).initializeParameters(anyInt(), anyInt(), anyInt());
                    doAnswer(replayed(trace, recorded, "forward_propagation",
                            v -> forward(v), r -> forwardMap((Forward) r)))
                            .when(subject).forwardPropagation(any(), any());
                    doAnswer(replayed(trace, recorded, "compute_cost", Catalogs::num, r -> r))
                            .when(subject).computeCost(any(), any());
                    doAnswer(replayed(trace, recorded, "backward_propagation", ShallowProbes::grads, r -> r))
                            .when(subject).backwardPropagation(any(), any(), any(), any());
                    doAnswer(replayed(trace, recorded, "update_parameters", ShallowProbes::parameters, r -> r))
                            .when(subject).updateParameters(any(), any(), anyDouble());
                    Trained trained = Expect.returned(subject.nnModel((Matrix) c.input("X"), (Matrix) c.input("Y"),
                            integer(c, "n_h"), integer(c, "num_iterations"), false), "nn_model", null);
                    Map<String, Object> out = flatten(Expect.returned(trained.parameters(), "nn_model", "parameters"),
                            "nn_model");
                    out.put("costs", new ArrayList<>(Expect.returned(trained.costs(), "nn_model", "costs")));
                    if (!replay) {
                        out.put(MODEL_TRACE, recorded);
                    }
                    return out;
                },
                Map.of("W1", "Return the parameters of the last update_parameters call (keep what it returns each"
                                + " round).",
                        "costs", "Record the cost of iteration 0 (and every 1000th) only."),
                List.of(MODEL_TRACE));
    }

    /**
     * An answer that either replays the i-th recorded result of a helper (grading) or calls the real helper and
     * records its result (generation). Past the end of the recording, the last result is repeated.
     */
    private static Answer<Object> replayed(Map<String, Object> trace, Map<String, Object> recorded, String helper,
                                           Function<Object, Object> decode, Function<Object, Object> encode) {
        AtomicInteger calls = new AtomicInteger();
        return inv -> {
            if (trace != null) {
                List<?> results = (List<?>) trace.get(helper);
                return decode.apply(results.get(Math.min(calls.getAndIncrement(), results.size() - 1)));
            }
            Object real = inv.callRealMethod();
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) recorded.get(helper);
            list.add(encode.apply(real));
            return real;
        };
    }

    private static Map<String, Object> forwardMap(Forward forward) {
        return cacheMap(forward.cache());
    }

    private static Forward forward(Object recorded) {
        Cache cache = cache(recorded);
        return new Forward(cache.a2(), cache);
    }

    /**
     * predict graded on its own: forward_propagation is replayed from the reference. Column 0 of X is all zeros and
     * both biases are zero, so its probability is exactly 0.5, which must be labelled 0.
     */
    private static Probe<ShallowNetwork> predict() {
        return new Probe<>("predict", Tolerance.EXACT,
                List.of(named(1, "n_x n_h m", 2, 4, 5), named(2, "n_x n_h m", 3, 3, 4)),
                List.of(named(3, "n_x n_h m", 2, 2, 1), named(4, "n_x n_h m", 4, 5, 12)),
                spec -> {
                    RandomState random = new RandomState(spec.seed());
                    int nX = spec.size(0);
                    int m = spec.size(2);
                    Parameters parameters = randomParameters(random, nX, spec.size(1), 1)
                            .with("b1", Matrix.zeros(spec.size(1), 1)).with("b2", Matrix.zeros(1, 1));
                    Matrix x = Matrix.hstack(Matrix.zeros(nX, 1), random.randn(nX, m - 1).multiply(2.0));
                    return ordered("parameters", parameters, "X", m == 1 ? Matrix.zeros(nX, 1) : x);
                },
                (impl, c) -> {
                    ShallowNetwork subject = spy(impl);
                    boolean replay = c.replaying(FORWARD_TRACE);
                    Map<String, Object> trace = replay ? ordered("forward_propagation",
                            c.recording(FORWARD_TRACE)) : null;
                    Map<String, Object> recorded = ordered("forward_propagation", new ArrayList<>());
                    doAnswer(replayed(trace, recorded, "forward_propagation", v -> forward(v),
                            r -> forwardMap((Forward) r))).when(subject).forwardPropagation(any(), any());
                    Matrix predictions = Expect.returned(subject.predict(parameters(c.input("parameters")),
                            (Matrix) c.input("X")), "predict", null);
                    Map<String, Object> out = ordered("predictions", predictions);
                    if (!replay) {
                        out.put(FORWARD_TRACE, recorded.get("forward_propagation"));
                    }
                    return out;
                },
                Map.of("predictions", "1 where A2 is strictly above 0.5; a probability of exactly 0.5 gives 0."),
                List.of(FORWARD_TRACE));
    }

    /**
     * The reference run of the course (n_h = 4, 10000 iterations on the flower), for the training check's band. Only
     * the costs up to iteration {@value #STABLE_ITERATIONS} are stored: at learning rate 1.2 the run oscillates
     * after that, and differences in the last bit of exp, log or tanh (numpy builds differ; so do the JIT-compiled
     * and interpreted Vector API) move the later costs by up to 1e-4 and the final accuracy by a point or two.
     */
    private static Probe<ShallowNetwork> training() {
        return new Probe<>(TRAINING_FIXTURE, Tolerance.NUMPY, List.of(CaseSpec.of(0)), List.of(),
                spec -> Map.of(),
                (impl, c) -> {
                    FlowerRun run = FlowerRun.of(impl);
                    int stable = Math.min(run.costs().size(), STABLE_ITERATIONS / ShallowNetwork.COST_EVERY + 1);
                    return ordered("costs", new ArrayList<>(run.costs().subList(0, stable)), "cost_count",
                            run.costs().size());
                },
                Map.of());
    }

    /**
     * The course's run on the flower with an implementation: {@code nn_model} with n_h = 4 for 10000 iterations,
     * then {@code predict} on the training points.
     *
     * @param costs      the recorded costs
     * @param accuracy   the fraction of points labelled correctly
     * @param parameters the learned parameters
     */
    record FlowerRun(List<Double> costs, double accuracy, Parameters parameters) {
        static FlowerRun of(ShallowNetwork impl) {
            LabeledData flower = PlanarDatasets.flower();
            Trained trained = Expect.returned(impl.nnModel(flower.x(), flower.y(), FLOWER_HIDDEN,
                    ShallowNetwork.NUM_ITERATIONS, false), "nn_model", null);
            Parameters parameters = Expect.returned(trained.parameters(), "nn_model", "parameters");
            Matrix predictions = Expect.returned(impl.predict(parameters, flower.x()), "predict", null);
            if (!predictions.shape().equals(flower.y().shape())) {
                throw new CheckFailure("predict returned shape " + predictions.shape() + " on the flower but "
                        + flower.y().shape() + " was expected.");
            }
            return new FlowerRun(doubles(new ArrayList<>(Expect.returned(trained.costs(), "nn_model", "costs"))),
                    predictions.equalTo(flower.y()).mean(), parameters);
        }
    }
}
