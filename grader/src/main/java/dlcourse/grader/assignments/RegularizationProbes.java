package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.integer;
import static dlcourse.grader.assignments.Catalogs.number;
import static dlcourse.grader.assignments.Catalogs.ordered;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.Regularization;
import dlcourse.course.Regularization.DropoutCache;
import dlcourse.data.FootballData;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mockito.stubbing.Answer;

/**
 * The value probes of assignment 6 (regularization): how each function's inputs are drawn, how it is called and
 * which outputs are compared, plus the reference training runs on the football data.
 */
final class RegularizationProbes {

    /** Name of the fixture that stores the reference training runs on the football data. */
    static final String TRAINING_FIXTURE = "model_on_football";
    /** The course's runs: 30000 iterations at learning rate 0.3. */
    static final int COURSE_ITERATIONS = 30_000;
    static final double COURSE_LEARNING_RATE = 0.3;
    /** The course's settings of the two regularized runs. */
    static final double COURSE_LAMBD = 0.7;
    static final double COURSE_KEEP_PROB = 0.86;
    /** The model's recordings of the exercise functions it called, replayed in place of the student's. */
    static final String MODEL_TRACE = "exercise_trace";
    /** The keys of a dropout cache, in the course's tuple order. */
    static final List<String> CACHE_KEYS = List.of("Z1", "D1", "A1", "W1", "b1", "Z2", "D2", "A2", "W2", "b2", "Z3",
            "A3", "W3", "b3");

    private static final String DW_HINT = "dW<l> = (1/m)·dZ<l>·A<l-1>ᵀ + (λ/m)·W<l>; the biases get no extra term.";
    private static final String MASK_HINT = "Seed a new RandomState(1) at the start, and draw D1 = rand(n1, m) <"
            + " keep_prob right after the first ReLU, then D2 likewise.";

    private RegularizationProbes() {
    }

    static List<Probe<Regularization>> all() {
        return List.of(costWithRegularization(), backwardWithRegularization(), forwardWithDropout(),
                backwardWithDropout(), model(), training());
    }

    // ---------------------------------------------------------------- inputs

    /** A random three-layer net [n0, n1, n2, 1] with non-zero biases. */
    static Parameters net(RandomState random, int n0, int n1, int n2) {
        return NetOutputs.randomNet(random, new int[] {n0, n1, n2, 1}, 1.0, 0.5);
    }

    /** Sizes (n0, n1, n2, m, λ in tenths): output probabilities A3, labels, a random net, λ. */
    static Map<String, Object> costInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        Parameters parameters = net(random, spec.size(0), spec.size(1), spec.size(2));
        Matrix a3 = random.randn(1, spec.size(3)).sigmoid();
        Matrix y = NetOutputs.labels(random, spec.size(3));
        return ordered("A3", a3, "Y", y, "parameters", parameters, "lambd", spec.size(4) / 10.0);
    }

    /** Sizes (n0, n1, n2, m, λ in tenths): X, labels, a random net, λ. */
    static Map<String, Object> backwardInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        Parameters parameters = net(random, spec.size(0), spec.size(1), spec.size(2));
        Matrix x = random.randn(spec.size(0), spec.size(3));
        Matrix y = NetOutputs.labels(random, spec.size(3));
        return ordered("X", x, "Y", y, "parameters", parameters, "lambd", spec.size(4) / 10.0);
    }

    /** Sizes (n0, n1, n2, m, keep_prob in percent): X, a random net, keep_prob. */
    static Map<String, Object> dropoutInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        Parameters parameters = net(random, spec.size(0), spec.size(1), spec.size(2));
        Matrix x = random.randn(spec.size(0), spec.size(3));
        return ordered("X", x, "parameters", parameters, "keep_prob", spec.size(4) / 100.0);
    }

    /**
     * Sizes (n0, n1, n2, m, keep_prob in percent): X, labels, a drawn dropout cache and keep_prob. The cache's
     * entries are drawn independently (masks of 0/1 with about keep_prob ones, activations ≥ 0 and zero where
     * dropped): the backward pass only reads them.
     */
    static Map<String, Object> dropoutBackwardInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        int n0 = spec.size(0);
        int n1 = spec.size(1);
        int n2 = spec.size(2);
        int m = spec.size(3);
        double keepProb = spec.size(4) / 100.0;
        Parameters p = net(random, n0, n1, n2);
        Matrix x = random.randn(n0, m);
        Matrix y = NetOutputs.labels(random, m);
        Matrix d1 = random.rand(n1, m).lessThan(keepProb);
        Matrix d2 = random.rand(n2, m).lessThan(keepProb);
        Matrix z1 = random.randn(n1, m);
        Matrix z2 = random.randn(n2, m);
        Matrix z3 = random.randn(1, m);
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("Z1", z1);
        cache.put("D1", d1);
        cache.put("A1", z1.relu().multiply(d1));
        cache.put("W1", p.weights(1));
        cache.put("b1", p.bias(1));
        cache.put("Z2", z2);
        cache.put("D2", d2);
        cache.put("A2", z2.relu().multiply(d2));
        cache.put("W2", p.weights(2));
        cache.put("b2", p.bias(2));
        cache.put("Z3", z3);
        cache.put("A3", z3.sigmoid());
        cache.put("W3", p.weights(3));
        cache.put("b3", p.bias(3));
        return ordered("X", x, "Y", y, "cache", cache, "keep_prob", keepProb);
    }

    /** Sizes (m, iterations, λ in tenths, keep_prob in percent): X (2, m), labels and the model's settings. */
    static Map<String, Object> modelInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        Matrix x = random.randn(2, spec.size(0));
        Matrix y = NetOutputs.labels(random, spec.size(0));
        return ordered("X", x, "Y", y, "learning_rate", COURSE_LEARNING_RATE, "num_iterations", spec.size(1),
                "lambd", spec.size(2) / 10.0, "keep_prob", spec.size(3) / 100.0);
    }

    static Parameters parameters(FixtureCase c) {
        return NetOutputs.parameters(c.input("parameters"), NetOutputs.parameterKeys(3));
    }

    /** A dropout cache as an ordered map keyed like the course's tuple. */
    static Map<String, Object> cacheMap(DropoutCache c) {
        List<Matrix> parts = List.of(c.z1(), c.d1(), c.a1(), c.w1(), c.b1(), c.z2(), c.d2(), c.a2(), c.w2(), c.b2(),
                c.z3(), c.a3(), c.w3(), c.b3());
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < CACHE_KEYS.size(); i++) {
            map.put(CACHE_KEYS.get(i), parts.get(i));
        }
        return map;
    }

    /** The dropout cache stored as a map. */
    static DropoutCache cache(Object decoded) {
        Map<?, ?> map = (Map<?, ?>) decoded;
        Function<String, Matrix> part = key -> (Matrix) map.get(key);
        return new DropoutCache(part.apply("Z1"), part.apply("D1"), part.apply("A1"), part.apply("W1"),
                part.apply("b1"), part.apply("Z2"), part.apply("D2"), part.apply("A2"), part.apply("W2"),
                part.apply("b2"), part.apply("Z3"), part.apply("A3"), part.apply("W3"), part.apply("b3"));
    }

    // ---------------------------------------------------------------- probes

    private static Probe<Regularization> costWithRegularization() {
        return new Probe<>("compute_cost_with_regularization", Tolerance.STRICT,
                List.of(CaseSpec.of(1, 3, 2, 2, 5, 1), CaseSpec.of(2, 2, 4, 3, 7, 7)),
                List.of(CaseSpec.of(3, 2, 3, 2, 1, 5), CaseSpec.of(4, 5, 6, 4, 10, 12)),
                RegularizationProbes::costInputs,
                (impl, c) -> ordered("cost", impl.computeCostWithRegularization((Matrix) c.input("A3"),
                        (Matrix) c.input("Y"), parameters(c), number(c, "lambd"))),
                Map.of("cost", "J = cross-entropy + λ/(2m)·(ΣW1² + ΣW2² + ΣW3²), with m the number of examples."));
    }

    private static Probe<Regularization> backwardWithRegularization() {
        return new Probe<>("backward_propagation_with_regularization", Tolerance.STRICT,
                List.of(CaseSpec.of(1, 3, 2, 2, 5, 7), CaseSpec.of(2, 2, 4, 3, 6, 3)),
                List.of(CaseSpec.of(3, 2, 3, 2, 1, 5), CaseSpec.of(4, 4, 5, 3, 9, 12)),
                RegularizationProbes::backwardInputs,
                (impl, c) -> {
                    Matrix x = (Matrix) c.input("X");
                    Grads grads = impl.backwardPropagationWithRegularization(x, (Matrix) c.input("Y"),
                            ThreeLayerNet.forward(x, parameters(c)), number(c, "lambd"));
                    return NetOutputs.entries(grads, NetOutputs.GRADIENT_KEYS,
                            "backward_propagation_with_regularization", false);
                },
                Map.of("dW3", DW_HINT, "dW2", DW_HINT, "dW1", DW_HINT,
                        "db3", "db<l> = (1/m)·Σ_columns dZ<l>: the L2 term adds nothing to the biases."));
    }

    private static Probe<Regularization> forwardWithDropout() {
        return new Probe<>("forward_propagation_with_dropout", Tolerance.STRICT,
                List.of(CaseSpec.of(1, 2, 5, 3, 4, 80), CaseSpec.of(2, 3, 4, 2, 6, 86)),
                List.of(CaseSpec.of(3, 2, 3, 3, 1, 50), CaseSpec.of(4, 4, 6, 3, 9, 70)),
                RegularizationProbes::dropoutInputs,
                (impl, c) -> {
                    DropoutCache cache = Expect.returned(impl.forwardPropagationWithDropout((Matrix) c.input("X"),
                            parameters(c), number(c, "keep_prob")), "forward_propagation_with_dropout", null);
                    return ordered("A3", cache.a3(), "D1", cache.d1(), "D2", cache.d2(), "A1", cache.a1(), "A2",
                            cache.a2());
                },
                Map.of("A3", "A<l> = relu(Z<l>) * D<l> / keep_prob on both hidden layers; none on the output.",
                        "D1", MASK_HINT, "D2", MASK_HINT,
                        "A1", "Zero the dropped units, then divide by keep_prob."));
    }

    private static Probe<Regularization> backwardWithDropout() {
        return new Probe<>("backward_propagation_with_dropout", Tolerance.STRICT,
                List.of(CaseSpec.of(1, 3, 4, 3, 5, 80), CaseSpec.of(2, 2, 5, 2, 7, 60)),
                List.of(CaseSpec.of(3, 2, 3, 2, 1, 86), CaseSpec.of(4, 4, 6, 3, 8, 70)),
                RegularizationProbes::dropoutBackwardInputs,
                (impl, c) -> {
                    Grads grads = impl.backwardPropagationWithDropout((Matrix) c.input("X"), (Matrix) c.input("Y"),
                            cache(c.input("cache")), number(c, "keep_prob"));
                    return NetOutputs.entries(grads, NetOutputs.GRADIENT_KEYS, "backward_propagation_with_dropout",
                            false);
                },
                Map.of("dW2", "Right after dA2 = W3ᵀ·dZ3, apply the cache's D2 and divide by keep_prob.",
                        "dW1", "Right after dA1 = W2ᵀ·dZ2, apply the cache's D1 and divide by keep_prob."));
    }

    private static CaseSpec modelCase(long seed, int m, int iterations, int lambdTenths, int keepPercent) {
        String setting = lambdTenths > 0 ? "lambd " + lambdTenths / 10.0 : keepPercent < 100 ? "keep_prob "
                + keepPercent / 100.0 : "no regularization";
        return new CaseSpec("seed " + seed + ", " + setting + ", X (2, " + m + "), " + iterations + " iterations",
                seed, List.of(m, iterations, lambdTenths, keepPercent));
    }

    /**
     * {@code model} graded on its own: the four exercise functions it calls are replaced by the reference's results,
     * replayed in call order, so wrong helpers cannot fail it. The given steps are the course's.
     */
    private static Probe<Regularization> model() {
        return new Probe<>("model", Tolerance.NUMPY,
                List.of(modelCase(1, 8, 2001, 0, 100), modelCase(2, 6, 4, 7, 100), modelCase(3, 5, 3, 0, 86)),
                List.of(modelCase(4, 1, 3, 0, 70), modelCase(5, 9, 4, 5, 100)),
                RegularizationProbes::modelInputs,
                (impl, c) -> {
                    boolean replay = c.replaying(MODEL_TRACE);
                    Recorder recorder = new Recorder(replay ? (Map<?, ?>) c.recording(MODEL_TRACE) : null);
                    Regularization subject = NetOutputs.stubOnlySpy(impl);
                    doAnswer(recorder.answer("cost", v -> v, v -> v)).when(subject)
                            .computeCostWithRegularization(any(), any(), any(), anyDouble());
                    doAnswer(recorder.answer("backward_l2", v -> v, NetOutputs::grads)).when(subject)
                            .backwardPropagationWithRegularization(any(), any(), any(), anyDouble());
                    doAnswer(recorder.answer("forward_dropout", v -> cacheMap((DropoutCache) v),
                            RegularizationProbes::cache)).when(subject)
                            .forwardPropagationWithDropout(any(), any(), anyDouble());
                    doAnswer(recorder.answer("backward_dropout", v -> v, NetOutputs::grads)).when(subject)
                            .backwardPropagationWithDropout(any(), any(), any(), anyDouble());
                    Regularization.Model model = Expect.returned(subject.model((Matrix) c.input("X"),
                            (Matrix) c.input("Y"), number(c, "learning_rate"), integer(c, "num_iterations"), false,
                            number(c, "lambd"), number(c, "keep_prob")), "model", null);
                    Map<String, Object> out = NetOutputs.entries(model.parameters(), NetOutputs.parameterKeys(3),
                            "model", false);
                    out.put("costs", new ArrayList<>(Expect.returned(model.costs(), "model", "costs")));
                    if (!replay) {
                        out.put(MODEL_TRACE, recorder.recorded());
                    }
                    return out;
                },
                Map.of("costs", "Record the cost of iterations 0, 1000, 2000, … — the regularized cost when λ > 0.",
                        "W1", "Pick forward, cost and backward by the settings: dropout when keep_prob < 1, L2 when"
                                + " λ > 0, else the given plain steps."),
                List.of(MODEL_TRACE));
    }

    /**
     * Records each exercise function's results in call order (generation), or replays them in call order
     * (grading); a call beyond the recorded ones gets the last recording.
     */
    private static final class Recorder {
        private final Map<?, ?> replayed;
        private final Map<String, List<Object>> recorded = new LinkedHashMap<>();
        private final Map<String, Integer> calls = new LinkedHashMap<>();

        Recorder(Map<?, ?> replayed) {
            this.replayed = replayed;
        }

        <R> Answer<Object> answer(String name, Function<Object, Object> store, Function<Object, R> restore) {
            recorded.put(name, new ArrayList<>());
            return inv -> {
                if (replayed != null) {
                    List<?> results = (List<?>) replayed.get(name);
                    int k = calls.merge(name, 1, Integer::sum) - 1;
                    if (results != null && !results.isEmpty()) {
                        return restore.apply(results.get(Math.min(k, results.size() - 1)));
                    }
                }
                Object real = inv.callRealMethod();
                if (replayed == null) {
                    recorded.get(name).add(store.apply(real));
                }
                return real;
            };
        }

        Map<String, Object> recorded() {
            return new LinkedHashMap<>(recorded);
        }
    }

    /** The reference runs of the course on the football data (L2 and dropout), for the training checks' bands. */
    private static Probe<Regularization> training() {
        return new Probe<>(TRAINING_FIXTURE, Tolerance.NUMPY, List.of(CaseSpec.of(0)), List.of(),
                spec -> Map.of(),
                (impl, c) -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (FootballRun.Setting setting : FootballRun.Setting.values()) {
                        FootballRun run = FootballRun.of(impl, FootballData.load(), setting);
                        out.put(setting.id() + "_costs", run.figures().costs());
                        out.put(setting.id() + "_train_accuracy", run.figures().trainAccuracy());
                        out.put(setting.id() + "_test_accuracy", run.figures().testAccuracy());
                    }
                    return out;
                },
                Map.of());
    }

    /**
     * The course's run on the football data with an implementation.
     *
     * @param figures    costs and accuracies
     * @param parameters the learned parameters
     */
    record FootballRun(TrainingRuns.Figures figures, Parameters parameters) {

        /** The course's regularized runs. */
        enum Setting {
            L2("l2", COURSE_LAMBD, 1.0), DROPOUT("dropout", 0.0, COURSE_KEEP_PROB);

            private final String id;
            private final double lambd;
            private final double keepProb;

            Setting(String id, double lambd, double keepProb) {
                this.id = id;
                this.lambd = lambd;
                this.keepProb = keepProb;
            }

            String id() {
                return id;
            }

            double lambd() {
                return lambd;
            }

            double keepProb() {
                return keepProb;
            }
        }

        static FootballRun of(Regularization impl, FootballData data, Setting setting) {
            Regularization.Model model = Expect.returned(impl.model(data.train().x(), data.train().y(),
                    COURSE_LEARNING_RATE, COURSE_ITERATIONS, false, setting.lambd(), setting.keepProb()), "model",
                    null);
            Parameters p = Expect.returned(model.parameters(), "model", "parameters");
            NetOutputs.entries(p, NetOutputs.parameterKeys(3), "model", false);
            return new FootballRun(new TrainingRuns.Figures(Expect.returned(model.costs(), "model", "costs"),
                    ThreeLayerNet.accuracy(ThreeLayerNet.predict(data.train().x(), p), data.train().y()),
                    ThreeLayerNet.accuracy(ThreeLayerNet.predict(data.test().x(), p), data.test().y())), p);
        }
    }
}
