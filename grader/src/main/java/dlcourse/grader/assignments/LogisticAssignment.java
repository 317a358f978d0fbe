package dlcourse.grader.assignments;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static dlcourse.grader.assignments.Catalogs.doubles;
import static dlcourse.grader.assignments.Catalogs.expect;
import static dlcourse.grader.assignments.Catalogs.firstLine;
import static dlcourse.grader.assignments.Catalogs.integer;
import static dlcourse.grader.assignments.Catalogs.num;
import static dlcourse.grader.assignments.Catalogs.number;
import static dlcourse.grader.assignments.Catalogs.ordered;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.Tensor;
import dlcourse.course.LogisticRegression;
import dlcourse.course.LogisticRegression.Gradients;
import dlcourse.course.LogisticRegression.Optimization;
import dlcourse.course.LogisticRegression.Parameters;
import dlcourse.course.LogisticRegression.Propagation;
import dlcourse.data.CatImages;
import dlcourse.data.DataDirectory;
import dlcourse.data.DatasetNotFoundException;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Feedback;
import dlcourse.grader.check.GradientCheck;
import dlcourse.grader.check.Kind;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.FixtureFile;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.grader.fixture.Values;
import dlcourse.grader.report.Curve;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.ProbeChecks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.mockito.InOrder;

/** The grader's catalog for assignment 1, logistic regression (CURRICULUM §1). */
public final class LogisticAssignment implements Assignment<LogisticRegression> {

    /** Assignment id. */
    public static final String ID = "logistic";
    /** The graded class, the same in exercises and solutions. */
    public static final String IMPLEMENTATION = "dlcourse.logistic.Logistic";
    /** Name of the fixture that stores the reference training run on the cat pictures. */
    static final String TRAINING_FIXTURE = "model_on_cats";
    /** The course's run: 2000 iterations at learning rate 0.005. */
    static final int COURSE_ITERATIONS = 2000;
    static final double COURSE_LEARNING_RATE = 0.005;
    /** Accuracy band of the training check around the reference (fractions). */
    static final double TRAIN_BAND = 0.01;
    static final double TEST_BAND = 0.04;
    /** The final cost may exceed the reference's by this fraction. */
    static final double FINAL_COST_BAND = 0.1;

    private static final String W_HINT = "Remember A = σ(wᵀX + b): w is transposed before the product.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Logistic regression as a neural network";
    }

    @Override
    public Class<LogisticRegression> contract() {
        return LogisticRegression.class;
    }

    @Override
    public String implementationClassName() {
        return IMPLEMENTATION;
    }

    @Override
    public List<Mistake> mistakes() {
        return List.of(
                new Mistake("reshape_without_transpose", "flatten_images",
                        "reshaping the batch to (-1, m) instead of (m, -1) followed by a transpose"),
                new Mistake("forgot_255", "flatten_images", "leaving the pixel values in 0..255 (no division by 255)"),
                new Mistake("sigmoid_sign", "sigmoid", "computing 1 / (1 + e^z), without the minus sign"),
                new Mistake("row_vector", "initialize_with_zeros", "returning w as a (1, dim) row instead of a column"),
                new Mistake("forgot_1_over_m", "propagate", "leaving out the 1/m averaging factor"),
                new Mistake("cost_sign_flipped", "propagate", "a cost with the wrong sign (the minus in front of"
                        + " the sum is missing)"),
                new Mistake("db_without_sum", "propagate", "taking db from one example instead of summing dZ over"
                        + " all of them"),
                new Mistake("w_not_transposed", "propagate", "multiplying Xᵀ·w instead of wᵀ·X, which broadcasts"
                        + " A into an (m, m) matrix"),
                new Mistake("learning_rate_sign", "optimize", "stepping uphill: w + α·dw instead of w − α·dw"),
                new Mistake("threshold_ge", "predict", "labelling a probability of exactly 0.5 as 1 (≥ instead"
                        + " of >)"));
    }

    // ---------------------------------------------------------------- probes

    @Override
    public List<Probe<LogisticRegression>> probes() {
        return List.of(datasetDimensions(), flattenImages(), sigmoid(), initializeWithZeros(), propagate(),
                optimize(), predict(), model(), training());
    }

    private static Probe<LogisticRegression> datasetDimensions() {
        return new Probe<>("dataset_dimensions", Tolerance.EXACT,
                List.of(CaseSpec.of(1, 7, 3, 4), CaseSpec.of(2, 5, 2, 6)),
                List.of(CaseSpec.of(3, 11, 1, 3), CaseSpec.of(4, 2, 9, 1)),
                spec -> ordered("train_images", Tensor.zeros(spec.size(0), spec.size(2), spec.size(2), 3),
                        "test_images", Tensor.zeros(spec.size(1), spec.size(2), spec.size(2), 3)),
                (impl, c) -> {
                    LogisticRegression.DatasetDimensions d = Expect.returned(impl.datasetDimensions(
                            (Tensor) c.input("train_images"), (Tensor) c.input("test_images")),
                            "dataset_dimensions", null);
                    return ordered("m_train", d.mTrain(), "m_test", d.mTest(), "num_px", d.numPx());
                },
                Map.of("num_px", "num_px is the side of one picture: the length of axis 1 (or 2)."));
    }

    private static Probe<LogisticRegression> flattenImages() {
        return new Probe<>("flatten_images", Tolerance.STRICT,
                List.of(CaseSpec.of(1, 3, 2), CaseSpec.of(2, 4, 3)),
                List.of(CaseSpec.of(3, 1, 4), CaseSpec.of(4, 6, 1)),
                spec -> {
                    RandomState random = new RandomState(spec.seed());
                    int m = spec.size(0);
                    int px = spec.size(1);
                    double[] pixels = new double[m * px * px * 3];
                    for (int i = 0; i < pixels.length; i++) {
                        pixels[i] = random.randint(0, 256);
                    }
                    return Map.of("images", Tensor.of(new int[] {m, px, px, 3}, pixels));
                },
                (impl, c) -> ordered("X", Expect.returned(impl.flattenImages((Tensor) c.input("images")),
                        "flatten_images", null)),
                Map.of("X", "Column i must hold picture i; check the order of reshape and transpose."));
    }

    private static Probe<LogisticRegression> sigmoid() {
        return new Probe<>("sigmoid", Tolerance.STRICT,
                List.of(CaseSpec.of(1, 3, 4), CaseSpec.of(2, 1, 5)),
                List.of(CaseSpec.of(3, 1, 1), CaseSpec.of(4, 6, 2)),
                spec -> Map.of("z", new RandomState(spec.seed()).randn(spec.size(0), spec.size(1)).multiply(4.0)),
                (impl, c) -> ordered("s", Expect.returned(impl.sigmoid((Matrix) c.input("z")), "sigmoid", null)),
                Map.of());
    }

    private static Probe<LogisticRegression> initializeWithZeros() {
        return new Probe<>("initialize_with_zeros", Tolerance.EXACT,
                List.of(CaseSpec.of(1, 2), CaseSpec.of(2, 5)),
                List.of(CaseSpec.of(3, 1), CaseSpec.of(4, 12288)),
                spec -> Map.of("dim", spec.size(0)),
                (impl, c) -> {
                    Parameters p = Expect.returned(impl.initializeWithZeros(((Number) c.input("dim")).intValue()),
                            "initialize_with_zeros", null);
                    return ordered("w", p.w(), "b", p.b());
                },
                Map.of("w", "w is a column: shape (dim, 1)."));
    }

    private static Map<String, Object> propagateInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        int n = spec.size(0);
        int m = spec.size(1);
        Matrix w = random.randn(n, 1).multiply(0.5);
        double b = random.randn(1)[0];
        Matrix x = random.randn(n, m);
        Matrix y = random.rand(1, m).greaterThan(0.5);
        return ordered("w", w, "b", b, "X", x, "Y", y);
    }

    private static Probe<LogisticRegression> propagate() {
        return new Probe<>("propagate", Tolerance.STRICT,
                List.of(CaseSpec.of(1, 2, 3), CaseSpec.of(2, 4, 5)),
                List.of(CaseSpec.of(3, 3, 1), CaseSpec.of(4, 6, 9)),
                LogisticAssignment::propagateInputs,
                (impl, c) -> {
                    Propagation p = Expect.returned(impl.propagate((Matrix) c.input("w"), number(c, "b"),
                            (Matrix) c.input("X"), (Matrix) c.input("Y")), "propagate", null);
                    Gradients g = Expect.returned(p.grads(), "propagate", "grads");
                    return ordered("dw", g.dw(), "db", g.db(), "cost", p.cost());
                },
                Map.of("dw", "dw = (1/m)·X·(A − Y)ᵀ has the shape of w.", "cost",
                        "J = −(1/m)·Σ[Y·log(A) + (1 − Y)·log(1 − A)]; " + W_HINT));
    }

    private static Map<String, Object> optimizeInputs(CaseSpec spec) {
        Map<String, Object> inputs = new LinkedHashMap<>(propagateInputs(spec));
        inputs.put("num_iterations", spec.size(2));
        inputs.put("learning_rate", 0.009);
        return inputs;
    }

    /**
     * {@code optimize} graded on its own: {@code propagate} is replaced by the reference's results, replayed from
     * the fixture in call order, so a wrong {@code propagate} cannot fail {@code optimize}.
     */
    private static Probe<LogisticRegression> optimize() {
        return new Probe<>("optimize", Tolerance.STRICT,
                List.of(CaseSpec.of(1, 2, 3, 101), CaseSpec.of(2, 3, 4, 3)),
                List.of(CaseSpec.of(3, 1, 1, 5), CaseSpec.of(4, 4, 6, 201)),
                LogisticAssignment::optimizeInputs,
                (impl, c) -> {
                    LogisticRegression subject = spy(impl);
                    boolean replay = c.replaying("propagate_trace");
                    List<?> replayed = replay ? (List<?>) c.recording("propagate_trace") : null;
                    List<Object> recorded = new ArrayList<>();
                    AtomicInteger calls = new AtomicInteger();
                    doAnswer(inv -> {
                        if (replay) {
                            List<?> entry = (List<?>) replayed.get(Math.min(calls.getAndIncrement(),
                                    replayed.size() - 1));
                            return new Propagation(new Gradients((Matrix) entry.get(0), num(entry.get(1))),
                                    num(entry.get(2)));
                        }
                        Propagation real = (Propagation) inv.callRealMethod();
                        recorded.add(List.of(real.grads().dw(), real.grads().db(), real.cost()));
                        return real;
                    }).when(subject).propagate(any(), anyDouble(), any(), any());
                    Optimization o = Expect.returned(subject.optimize((Matrix) c.input("w"), number(c, "b"),
                            (Matrix) c.input("X"), (Matrix) c.input("Y"), integer(c, "num_iterations"),
                            number(c, "learning_rate"), false), "optimize", null);
                    Parameters p = Expect.returned(o.params(), "optimize", "params");
                    Gradients g = Expect.returned(o.grads(), "optimize", "grads");
                    Map<String, Object> out = ordered("w", p.w(), "b", p.b(), "dw", g.dw(), "db", g.db(),
                            "costs", new ArrayList<>(o.costs()));
                    if (!replay) {
                        out.put("propagate_trace", recorded);
                    }
                    return out;
                },
                Map.of("w", "Each step is w ← w − α·dw, with dw from this iteration's propagate.",
                        "costs", "Record the cost of iterations 0, 100, 200, … only."), List.of("propagate_trace"));
    }

    private static Probe<LogisticRegression> predict() {
        return new Probe<>("predict", Tolerance.EXACT,
                List.of(CaseSpec.of(1, 2, 5), CaseSpec.of(2, 3, 4)),
                List.of(CaseSpec.of(3, 1, 1), CaseSpec.of(4, 5, 12)),
                spec -> {
                    RandomState random = new RandomState(spec.seed());
                    int n = spec.size(0);
                    int m = spec.size(1);
                    Matrix w = random.randn(n, 1);
                    // column 0 is all zeros and b = 0, so its probability is exactly 0.5: it must be labelled 0
                    Matrix x = Matrix.hstack(Matrix.zeros(n, 1), random.randn(n, m - 1).multiply(2.0));
                    return ordered("w", w, "b", 0.0, "X", m == 1 ? Matrix.zeros(n, 1) : x);
                },
                (impl, c) -> ordered("Y_prediction", Expect.returned(impl.predict((Matrix) c.input("w"),
                        number(c, "b"), (Matrix) c.input("X")), "predict", null)),
                Map.of("Y_prediction", "A probability of exactly 0.5 is not above 0.5."));
    }

    /**
     * {@code model} graded on its own: its three helpers are replaced by the reference's results replayed from the
     * fixture, so only the wiring is judged.
     */
    private static Probe<LogisticRegression> model() {
        return new Probe<>("model", Tolerance.STRICT,
                List.of(CaseSpec.of(1, 2, 4, 3)),
                List.of(CaseSpec.of(2, 3, 6, 5)),
                spec -> {
                    Map<String, Object> train = propagateInputs(spec);
                    Map<String, Object> test = propagateInputs(CaseSpec.of(spec.seed() + 100, spec.size(0),
                            spec.size(2)));
                    return ordered("X_train", train.get("X"), "Y_train", train.get("Y"), "X_test", test.get("X"),
                            "Y_test", test.get("Y"), "num_iterations", 150, "learning_rate", 0.05);
                },
                (impl, c) -> {
                    LogisticRegression subject = spy(impl);
                    boolean replay = c.replaying("helper_trace");
                    List<?> trace = replay ? (List<?>) c.recording("helper_trace") : null;
                    List<Object> recorded = new ArrayList<>(List.of(List.of(), List.of()));
                    doAnswer(inv -> {
                        if (replay) {
                            List<?> init = (List<?>) trace.get(0);
                            return new Parameters((Matrix) init.get(0), num(init.get(1)));
                        }
                        Parameters real = (Parameters) inv.callRealMethod();
                        recorded.set(0, List.of(real.w(), real.b()));
                        return real;
                    }).when(subject).initializeWithZeros(anyInt());
                    doAnswer(inv -> {
                        if (replay) {
                            List<?> opt = (List<?>) trace.get(1);
                            return new Optimization(new Parameters((Matrix) opt.get(0), num(opt.get(1))),
                                    new Gradients((Matrix) opt.get(2), num(opt.get(3))), doubles((List<?>) opt.get(4)));
                        }
                        Optimization real = (Optimization) inv.callRealMethod();
                        recorded.set(1, List.of(real.params().w(), real.params().b(), real.grads().dw(),
                                real.grads().db(), new ArrayList<>(real.costs())));
                        return real;
                    }).when(subject).optimize(any(), anyDouble(), any(), any(), anyInt(), anyDouble(), anyBoolean());
                    Matrix xTest = (Matrix) c.input("X_test");
                    recorded.add(List.of());
                    recorded.add(List.of());
                    doAnswer(inv -> {
                        // replayed by argument, so the order of the two predictions does not matter
                        int slot = xTest.equals(inv.getArgument(2)) ? 2 : 3;
                        if (replay) {
                            return (Matrix) trace.get(slot);
                        }
                        Matrix real = (Matrix) inv.callRealMethod();
                        recorded.set(slot, real);
                        return real;
                    }).when(subject).predict(any(), anyDouble(), any());
                    LogisticRegression.Model model = Expect.returned(subject.model((Matrix) c.input("X_train"),
                            (Matrix) c.input("Y_train"), (Matrix) c.input("X_test"), (Matrix) c.input("Y_test"),
                            integer(c, "num_iterations"), number(c, "learning_rate"), false), "model", null);
                    Parameters p = Expect.returned(model.params(), "model", "params");
                    Map<String, Object> out = ordered("costs", new ArrayList<>(model.costs()),
                            "Y_prediction_test", model.yPredictionTest(), "Y_prediction_train",
                            model.yPredictionTrain(), "w", p.w(), "b", p.b());
                    if (!replay) {
                        out.put("helper_trace", recorded);
                    }
                    return out;
                },
                Map.of("Y_prediction_test", "Predict the test set with the learned parameters.",
                        "Y_prediction_train", "Predict the training set with the learned parameters."),
                List.of("helper_trace"));
    }

    /** The reference run of the course (2000 iterations on the cat pictures), for the training check's band. */
    private static Probe<LogisticRegression> training() {
        return new Probe<>(TRAINING_FIXTURE, Tolerance.NUMPY, List.of(CaseSpec.of(0)), List.of(),
                spec -> Map.of(),
                (impl, c) -> {
                    CatRun run = CatRun.of(impl);
                    return ordered("costs", run.costs(), "train_accuracy", run.trainAccuracy(), "test_accuracy",
                            run.testAccuracy());
                },
                Map.of());
    }

    /** Train and test accuracy of the course's run with an implementation. */
    record CatRun(List<Double> costs, double trainAccuracy, double testAccuracy) {
        static CatRun of(LogisticRegression impl) {
            CatImages cats = CatImages.load(DataDirectory.standard());
            Matrix xTrain = impl.flattenImages(cats.train().x());
            Matrix xTest = impl.flattenImages(cats.test().x());
            LogisticRegression.Model model = Expect.returned(impl.model(xTrain, cats.train().y(), xTest,
                    cats.test().y(), COURSE_ITERATIONS, COURSE_LEARNING_RATE, false), "model", null);
            return new CatRun(new ArrayList<>(model.costs()), accuracy(model.yPredictionTrain(), cats.train().y()),
                    accuracy(model.yPredictionTest(), cats.test().y()));
        }

        private static double accuracy(Matrix predictions, Matrix labels) {
            if (predictions == null || !predictions.shape().equals(labels.shape())) {
                throw new CheckFailure("model's predictions have shape " + (predictions == null ? "null"
                        : predictions.shape()) + " but " + labels.shape() + " was expected.");
            }
            return 1.0 - predictions.subtract(labels).abs().mean();
        }
    }

    // ---------------------------------------------------------------- catalog

    @Override
    public List<Check<LogisticRegression>> checks(FixtureStore fixtures, Set<Visibility> sets) {
        List<Check<LogisticRegression>> checks = new ArrayList<>();
        for (Probe<LogisticRegression> probe : probes()) {
            if (probe.function().equals(TRAINING_FIXTURE)) {
                continue;
            }
            checks.addAll(ProbeChecks.of(ID, probe, fixtures, sets, mistakes()));
            checks.addAll(extraChecks(probe.function(), fixtures));
        }
        checks.add(trainingCheck(fixtures));
        return checks;
    }

    private List<Check<LogisticRegression>> extraChecks(String function, FixtureStore fixtures) {
        return switch (function) {
            case "sigmoid" -> List.of(property("sigmoid", "symmetry", "σ(0) = 0.5 and σ(−z) = 1 − σ(z); no NaN at ±800",
                    ctx -> {
                        LogisticRegression impl = ctx.fresh();
                        Matrix z = Matrix.row(0.0, -3.0, 3.0, 800.0, -800.0);
                        Matrix s = Expect.returned(impl.sigmoid(z), "sigmoid", null);
                        Matrix mirrored = Expect.returned(impl.sigmoid(z.negate()), "sigmoid", null);
                        expect("σ([0, −3, 3, 800, −800])", Matrix.row(0.5, 0.04742587317756678, 0.9525741268224334,
                                1.0, 0.0), s, Tolerance.STRICT);
                        expect("σ(−z)", Matrix.subtract(1.0, s), mirrored, Tolerance.STRICT);
                        return new Verdict.Passed("σ(0) = 0.5, σ(−z) = 1 − σ(z) and extreme inputs give 0 or 1.");
                    }));
            case "propagate" -> List.of(gradientCheck(), property("propagate", "inputs unchanged",
                    "propagate does not modify w, X or Y", ctx -> {
                        Map<String, Object> in = propagateInputs(CaseSpec.of(5, 3, 4));
                        Matrix w = (Matrix) in.get("w");
                        Matrix x = (Matrix) in.get("X");
                        Matrix y = (Matrix) in.get("Y");
                        Matrix w0 = Matrix.of(w.rows(), w.cols(), w.toArray());
                        Matrix x0 = Matrix.of(x.rows(), x.cols(), x.toArray());
                        Matrix y0 = Matrix.of(y.rows(), y.cols(), y.toArray());
                        ctx.fresh().propagate(w, (Double) in.get("b"), x, y);
                        expect("w after propagate", w0, w, Tolerance.EXACT);
                        expect("X after propagate", x0, x, Tolerance.EXACT);
                        expect("Y after propagate", y0, y, Tolerance.EXACT);
                        return new Verdict.Passed("propagate leaves its inputs as they were.");
                    }));
            case "optimize" -> List.of(callPattern("optimize", "propagate once per iteration",
                    ctx -> {
                        LogisticRegression subject = spy(ctx.fresh());
                        Map<String, Object> in = optimizeInputs(CaseSpec.of(6, 2, 3, 7));
                        subject.optimize((Matrix) in.get("w"), (Double) in.get("b"), (Matrix) in.get("X"),
                                (Matrix) in.get("Y"), 7, 0.01, false);
                        try {
                            verify(subject, times(7)).propagate(any(), anyDouble(), any(), any());
                        } catch (AssertionError e) {
                            throw new CheckFailure("optimize must call this.propagate exactly once per iteration"
                                    + " (7 iterations asked): " + firstLine(e));
                        }
                        return new Verdict.Passed("optimize calls propagate once per iteration.");
                    }), property("optimize", "learning rate 0", "a learning rate of 0 leaves w and b unchanged",
                    ctx -> {
                        Map<String, Object> in = optimizeInputs(CaseSpec.of(7, 3, 5, 4));
                        Matrix w = (Matrix) in.get("w");
                        double b = (Double) in.get("b");
                        Optimization o = Expect.returned(ctx.fresh().optimize(w, b, (Matrix) in.get("X"),
                                (Matrix) in.get("Y"), 4, 0.0, false), "optimize", null);
                        Parameters p = Expect.returned(o.params(), "optimize", "params");
                        expect("w", w, p.w(), Tolerance.EXACT);
                        expect("b", b, p.b(), Tolerance.EXACT);
                        return new Verdict.Passed("with α = 0 the parameters stay where they started.");
                    }), property("optimize", "zero iterations", "0 iterations return the start and its gradients",
                    ctx -> {
                        Map<String, Object> in = optimizeInputs(CaseSpec.of(10, 3, 4, 0));
                        LogisticRegression impl = ctx.fresh();
                        Matrix w = (Matrix) in.get("w");
                        double b = (Double) in.get("b");
                        Optimization o = Expect.returned(impl.optimize(w, b, (Matrix) in.get("X"),
                                (Matrix) in.get("Y"), 0, 0.5, false), "optimize", null);
                        Gradients start = Expect.returned(impl.propagate(w, b, (Matrix) in.get("X"),
                                (Matrix) in.get("Y")), "propagate", null).grads();
                        Parameters p = Expect.returned(o.params(), "optimize", "params");
                        Gradients g = Expect.returned(o.grads(), "optimize", "grads");
                        expect("w after 0 iterations", w, p.w(), Tolerance.EXACT);
                        expect("b after 0 iterations", b, p.b(), Tolerance.EXACT);
                        expect("costs after 0 iterations", List.of(), o.costs(), Tolerance.EXACT);
                        expect("dw after 0 iterations", start.dw(), g.dw(), Tolerance.STRICT);
                        return new Verdict.Passed("with 0 iterations optimize returns its start, no costs, and the"
                                + " gradients there.");
                    }), property("optimize", "printed costs", "prints the cost of iterations 0, 100, 200 when asked",
                    ctx -> {
                        Map<String, Object> in = optimizeInputs(CaseSpec.of(11, 2, 5, 201));
                        LogisticRegression impl = ctx.fresh();
                        String quiet = ConsoleCapture.run(() -> impl.optimize((Matrix) in.get("w"),
                                (Double) in.get("b"), (Matrix) in.get("X"), (Matrix) in.get("Y"), 201, 0.01, false));
                        String loud = ConsoleCapture.run(() -> impl.optimize((Matrix) in.get("w"),
                                (Double) in.get("b"), (Matrix) in.get("X"), (Matrix) in.get("Y"), 201, 0.01, true));
                        if (!quiet.isBlank()) {
                            throw new CheckFailure("optimize printed output although printCost was false: \""
                                    + ConsoleCapture.firstLine(quiet) + "\"");
                        }
                        List<String> lines = loud.lines().filter(l -> l.contains("Cost after iteration")).toList();
                        List<String> wanted = List.of("Cost after iteration 0:", "Cost after iteration 100:",
                                "Cost after iteration 200:");
                        boolean ok = lines.size() == wanted.size();
                        for (int i = 0; ok && i < wanted.size(); i++) {
                            ok = lines.get(i).startsWith(wanted.get(i));
                        }
                        if (!ok) {
                            throw new CheckFailure("With printCost, 201 iterations should print exactly three lines"
                                    + " starting \"Cost after iteration 0:\", \"…100:\", \"…200:\"; printed: "
                                    + lines);
                        }
                        return new Verdict.Passed("optimize prints the recorded costs only when asked to.");
                    }));
            case "model" -> List.of(callPattern("model", "helpers in order",
                    "initialize_with_zeros, then optimize, then predict (test and train)", ctx -> {
                        LogisticRegression subject = spy(ctx.fresh());
                        Map<String, Object> in = propagateInputs(CaseSpec.of(8, 2, 6));
                        Matrix x = (Matrix) in.get("X");
                        Matrix y = (Matrix) in.get("Y");
                        subject.model(x, y, x, y, 3, 0.1, false);
                        InOrder order = inOrder(subject);
                        try {
                            order.verify(subject).initializeWithZeros(2);
                            order.verify(subject).optimize(any(), anyDouble(), any(), any(), anyInt(), anyDouble(),
                                    anyBoolean());
                            order.verify(subject, times(2)).predict(any(), anyDouble(), any());
                        } catch (AssertionError e) {
                            throw new CheckFailure("model must call this.initializeWithZeros(n_x), then"
                                    + " this.optimize, then this.predict for the test and the training set: "
                                    + firstLine(e));
                        }
                        return new Verdict.Passed("model initialises, optimises and predicts, in that order.");
                    }), property("model", "printed accuracy", "prints train and test accuracy in percent only when asked",
                    ctx -> {
                        Map<String, Object> train = propagateInputs(CaseSpec.of(12, 2, 8));
                        Map<String, Object> test = propagateInputs(CaseSpec.of(13, 2, 5));
                        LogisticRegression impl = ctx.fresh();
                        LogisticRegression.Model[] result = new LogisticRegression.Model[1];
                        String printed = ConsoleCapture.run(() -> result[0] = impl.model((Matrix) train.get("X"),
                                (Matrix) train.get("Y"), (Matrix) test.get("X"), (Matrix) test.get("Y"), 30, 0.1,
                                true));
                        LogisticRegression.Model model = Expect.returned(result[0], "model", null);
                        double trainPercent = 100 * (1 - Expect.returned(model.yPredictionTrain(), "model",
                                "Y_prediction_train").subtract((Matrix) train.get("Y")).abs().mean());
                        double testPercent = 100 * (1 - Expect.returned(model.yPredictionTest(), "model",
                                "Y_prediction_test").subtract((Matrix) test.get("Y")).abs().mean());
                        ConsoleCapture.expectNumberAfter(printed, "train accuracy", trainPercent);
                        ConsoleCapture.expectNumberAfter(printed, "test accuracy", testPercent);
                        String quiet = ConsoleCapture.run(() -> impl.model((Matrix) train.get("X"),
                                (Matrix) train.get("Y"), (Matrix) test.get("X"), (Matrix) test.get("Y"), 30, 0.1,
                                false));
                        if (!quiet.isBlank()) {
                            throw new CheckFailure("model printed output although printCost was false: \""
                                    + ConsoleCapture.firstLine(quiet) + "\"");
                        }
                        return new Verdict.Passed("model prints the accuracies it achieved.");
                    }));
            default -> List.of();
        };
    }

    private static Check<LogisticRegression> gradientCheck() {
        return Catalogs.gradient(ID, "propagate", "seed 9", "gradient (seed 9)", ctx -> {
                    LogisticRegression impl = ctx.fresh();
                    Map<String, Object> in = propagateInputs(CaseSpec.of(9, 4, 6));
                    Matrix x = (Matrix) in.get("X");
                    Matrix y = (Matrix) in.get("Y");
                    Map<String, Matrix> params = new LinkedHashMap<>();
                    params.put("w", (Matrix) in.get("w"));
                    params.put("b", Matrix.scalar((Double) in.get("b")));
                    Propagation p = Expect.returned(impl.propagate(params.get("w"), params.get("b").item(), x, y),
                            "propagate", null);
                    Gradients g = Expect.returned(p.grads(), "propagate", "grads");
                    Map<String, Matrix> grads = new LinkedHashMap<>();
                    grads.put("dw", Expect.returned(g.dw(), "propagate", "dw"));
                    grads.put("db", Matrix.scalar(g.db()));
                    return GradientCheck.check(params, moved -> {
                        Propagation q = Expect.returned(impl.propagate(moved.get("w"), moved.get("b").item(), x, y),
                                "propagate", null);
                        return q.cost();
                    }, grads, "Derive dw and db from the same cost you return: dZ = A − Y.");
                });
    }

    private Check<LogisticRegression> trainingCheck(FixtureStore fixtures) {
        FixtureFile reference = fixtures.load(ID, Visibility.PUBLIC, TRAINING_FIXTURE).orElse(null);
        return new Check<>(ProbeChecks.id(ID, "model", Kind.TRAINING, "cats"), "model", Kind.TRAINING,
                Visibility.PUBLIC, "training (cat pictures, 2000 iterations)", 4, Duration.ofSeconds(90), ctx -> {
                    if (reference == null) {
                        return new Verdict.GraderError("the reference training run is missing from the fixtures");
                    }
                    FixtureCase ref = reference.cases().get(0);
                    @SuppressWarnings("unchecked")
                    List<Double> refCosts = doubles((List<?>) Values.decode(ref.outputs().get("costs")));
                    double refTrain = num(Values.decode(ref.outputs().get("train_accuracy")));
                    double refTest = num(Values.decode(ref.outputs().get("test_accuracy")));
                    CatRun run;
                    try {
                        run = CatRun.of(ctx.fresh());
                    } catch (DatasetNotFoundException e) {
                        return new Verdict.GraderError(e.getMessage());
                    }
                    ctx.addCurve(new Curve("model on the cat pictures (lr 0.005)", LogisticRegression.COST_EVERY,
                            run.costs(), refCosts));
                    if (run.costs().isEmpty() || !Tolerance.NUMPY.accepts(refCosts.get(0), run.costs().get(0))) {
                        throw new CheckFailure("The first recorded cost should be " + Feedback.number(refCosts.get(0))
                                + " (ln 2, all-zero start) but was " + (run.costs().isEmpty() ? "missing"
                                : Feedback.number(run.costs().get(0))) + ".");
                    }
                    for (int i = 0; i < run.costs().size(); i++) {
                        if (!Double.isFinite(run.costs().get(i))) {
                            throw new CheckFailure("The cost became " + Feedback.number(run.costs().get(i))
                                    + " at iteration " + i * LogisticRegression.COST_EVERY + ": the steps are far"
                                    + " too large (is dw averaged over the m examples?) or log(0) was taken.");
                        }
                    }
                    double refFinal = refCosts.get(refCosts.size() - 1);
                    double finalCost = run.costs().get(run.costs().size() - 1);
                    if (run.costs().size() != refCosts.size() || finalCost > refFinal * (1 + FINAL_COST_BAND)) {
                        throw new CheckFailure("After 2000 iterations the cost is " + Feedback.number(finalCost)
                                + " (" + run.costs().size() + " costs recorded); the course's run ends at "
                                + Feedback.number(refFinal) + " (" + refCosts.size() + " costs recorded).");
                    }
                    if (run.trainAccuracy() < refTrain - TRAIN_BAND || run.testAccuracy() < refTest - TEST_BAND
                            || Double.isNaN(run.trainAccuracy())) {
                        throw new CheckFailure(String.format(java.util.Locale.ROOT,
                                "After 2000 iterations the model reaches %.2f %% train / %.2f %% test accuracy; the"
                                        + " course's run reaches %.2f %% / %.2f %% (band: −%.0f / −%.0f points).",
                                100 * run.trainAccuracy(), 100 * run.testAccuracy(), 100 * refTrain, 100 * refTest,
                                100 * TRAIN_BAND, 100 * TEST_BAND));
                    }
                    return new Verdict.Passed(String.format(java.util.Locale.ROOT,
                            "Trained to %.2f %% train / %.2f %% test accuracy (course: %.2f %% / %.2f %%).",
                            100 * run.trainAccuracy(), 100 * run.testAccuracy(), 100 * refTrain, 100 * refTest));
                });
    }

    // ---------------------------------------------------------------- helpers

    private static Check<LogisticRegression> property(String function, String slug, String title,
                                                      Check.Body<LogisticRegression> body) {
        return Catalogs.property(ID, function, slug, title, body);
    }

    private static Check<LogisticRegression> callPattern(String function, String slug, String title,
                                                         Check.Body<LogisticRegression> body) {
        return Catalogs.callPattern(ID, function, slug, title, body);
    }

    private static Check<LogisticRegression> callPattern(String function, String title,
                                                         Check.Body<LogisticRegression> body) {
        return Catalogs.callPattern(ID, function, title, title, body);
    }
}
