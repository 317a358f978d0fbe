package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.expect;
import static dlcourse.grader.assignments.Catalogs.firstLine;
import static dlcourse.grader.assignments.Catalogs.integer;
import static dlcourse.grader.assignments.Catalogs.number;
import static dlcourse.grader.assignments.Catalogs.ordered;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.Initialization;
import dlcourse.data.PlanarDatasets;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Kind;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureFile;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.grader.render.BoundaryPlot;
import dlcourse.grader.report.Curve;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.ProbeChecks;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerNet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.mockito.InOrder;
import org.mockito.stubbing.Answer;

/** The grader's catalog for assignment 5, initialization (CURRICULUM §5). */
public final class InitializationAssignment implements Assignment<Initialization> {

    /** Assignment id. */
    public static final String ID = "initialization";
    /** The graded class, the same in exercises and solutions. */
    public static final String IMPLEMENTATION = "dlcourse.initialization.Initializers";
    /** Name of the fixture that stores the reference training run on the circles. */
    static final String TRAINING_FIXTURE = "model_on_circles";
    /** The course's run: 15000 iterations at learning rate 0.01, from He weights. */
    static final int COURSE_ITERATIONS = 15_000;
    static final double COURSE_LEARNING_RATE = 0.01;
    /** The model's recording of which initializer it called, replayed in place of the student's initializers. */
    static final String INIT_TRACE = "initializer_trace";
    /** The training check's bands around the reference run. */
    static final TrainingRuns HE_RUN = new TrainingRuns("model from He weights on the circles",
            Initialization.COST_EVERY, COURSE_ITERATIONS, 0.01, 0.03, 0.1);

    private static final String RANDOM_HINT = "Draw W1, W2, … in order from one RandomState(3), each randn(n[l],"
            + " n[l-1]) times 10.";
    private static final String HE_HINT = "Draw W1, W2, … in order from one RandomState(3), each randn(n[l], n[l-1])"
            + " times sqrt(2 / n[l-1]), where n[l-1] is the layer's number of inputs.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Initialization";
    }

    @Override
    public Class<Initialization> contract() {
        return Initialization.class;
    }

    @Override
    public String implementationClassName() {
        return IMPLEMENTATION;
    }

    @Override
    public List<Mistake> mistakes() {
        return List.of(
                new Mistake("zeros_transposed", "initialize_parameters_zeros",
                        "giving W<l> the shape (n[l-1], n[l]) instead of (n[l], n[l-1])"),
                new Mistake("random_unscaled", "initialize_parameters_random",
                        "drawing randn without multiplying by 10"),
                new Mistake("random_uniform", "initialize_parameters_random",
                        "drawing uniform numbers (rand) instead of normal ones (randn)"),
                new Mistake("he_fan_out", "initialize_parameters_he",
                        "scaling by sqrt(2 / n[l]), the layer's own size, instead of its fan-in n[l-1]"),
                new Mistake("he_without_2", "initialize_parameters_he",
                        "scaling by sqrt(1 / n[l-1]) (Xavier) instead of sqrt(2 / n[l-1])"),
                new Mistake("he_integer_division", "initialize_parameters_he",
                        "computing 2 / n[l-1] with integers, which truncates to 0 or 1"),
                new Mistake("he_reseeded_per_layer", "initialize_parameters_he",
                        "seeding the generator again for every layer, so every layer starts from the same numbers"),
                new Mistake("model_ignores_initialization", "model",
                        "always starting from He weights, whatever the initialization argument says"));
    }

    // ---------------------------------------------------------------- probes

    @Override
    public List<Probe<Initialization>> probes() {
        return List.of(
                initializer("initialize_parameters_zeros", Tolerance.EXACT, Initialization::initializeParametersZeros,
                        Map.of("W1", "W<l> has shape (n[l], n[l-1]): one row per unit of layer l.")),
                initializer("initialize_parameters_random", Tolerance.STRICT,
                        Initialization::initializeParametersRandom, weightHints(RANDOM_HINT)),
                initializer("initialize_parameters_he", Tolerance.STRICT, Initialization::initializeParametersHe,
                        weightHints(HE_HINT)),
                model(), training());
    }

    /** The same hint for W1 … W4 (the deepest fixture network has four layers). */
    private static Map<String, String> weightHints(String hint) {
        return Map.of("W1", hint, "W2", hint, "W3", hint, "W4", hint);
    }

    private static CaseSpec layers(int... dims) {
        return new CaseSpec("layers " + Arrays.toString(dims), 0, NetOutputs.dimsList(dims));
    }

    private static Probe<Initialization> initializer(String function, Tolerance tolerance,
                                                     BiFunction<Initialization, int[], Parameters> call,
                                                     Map<String, String> hints) {
        return new Probe<>(function, tolerance,
                List.of(layers(3, 2, 1), layers(2, 4, 3, 1)),
                List.of(layers(1, 1), layers(5, 7, 4, 3, 2)),
                spec -> Map.of("layers_dims", spec.sizes()),
                (impl, c) -> {
                    int[] dims = NetOutputs.dims(c.input("layers_dims"));
                    return NetOutputs.entries(call.apply(impl, dims), NetOutputs.parameterKeys(dims.length - 1),
                            function, true);
                },
                hints);
    }

    /** Inputs of the model on a small problem: X (n0, m) standard normal, Y of 0/1. */
    private static Map<String, Object> modelInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        Matrix x = random.randn(spec.size(0), spec.size(1));
        Matrix y = NetOutputs.labels(random, spec.size(1));
        return ordered("X", x, "Y", y, "learning_rate", 0.05, "num_iterations", spec.size(2),
                "initialization", spec.size(3));
    }

    private static CaseSpec modelCase(long seed, int n0, int m, int iterations, String initialization) {
        return new CaseSpec("seed " + seed + ", " + initialization + ", X (" + n0 + ", " + m + "), " + iterations
                + " iterations", seed, List.of(n0, m, iterations, Initialization.INITIALIZATIONS.indexOf(
                initialization)));
    }

    /**
     * {@code model} graded on its own: the initializer it picks is replaced by the reference's result, replayed from
     * the fixture (when it is the one the reference called, with the same layer sizes), so wrong initializers cannot
     * fail it. The given steps are the course's.
     */
    private static Probe<Initialization> model() {
        return new Probe<>("model", Tolerance.NUMPY,
                List.of(modelCase(1, 2, 7, 1001, "he"), modelCase(2, 3, 5, 3, "random")),
                List.of(modelCase(3, 2, 1, 1001, "zeros"), modelCase(4, 4, 10, 2001, "he")),
                InitializationAssignment::modelInputs,
                (impl, c) -> {
                    Initialization subject = NetOutputs.stubOnlySpy(impl);
                    boolean replay = c.replaying(INIT_TRACE);
                    List<?> trace = replay ? (List<?>) c.recording(INIT_TRACE) : null;
                    List<Object> recorded = new ArrayList<>();
                    for (int k = 0; k < Initialization.INITIALIZATIONS.size(); k++) {
                        int which = k;
                        Answer<Parameters> answer = inv -> {
                            int[] dims = inv.getArgument(0);
                            if (replay && ((Number) trace.get(0)).intValue() == which
                                    && Arrays.equals(NetOutputs.dims(trace.get(1)), dims)) {
                                return NetOutputs.parameters(trace.get(2), NetOutputs.parameterKeys(dims.length - 1));
                            }
                            Parameters real = (Parameters) inv.callRealMethod();
                            if (!replay && recorded.isEmpty()) {
                                recorded.addAll(List.of(which, NetOutputs.dimsList(dims), real));
                            }
                            return real;
                        };
                        switch (k) {
                            case 0 -> doAnswer(answer).when(subject).initializeParametersZeros(any());
                            case 1 -> doAnswer(answer).when(subject).initializeParametersRandom(any());
                            default -> doAnswer(answer).when(subject).initializeParametersHe(any());
                        }
                    }
                    String initialization = Initialization.INITIALIZATIONS.get(integer(c, "initialization"));
                    Initialization.Model model = Expect.returned(subject.model((Matrix) c.input("X"),
                            (Matrix) c.input("Y"), number(c, "learning_rate"), integer(c, "num_iterations"), false,
                            initialization), "model", null);
                    Map<String, Object> out = NetOutputs.entries(model.parameters(), NetOutputs.parameterKeys(3),
                            "model", false);
                    out.put("costs", new ArrayList<>(Expect.returned(model.costs(), "model", "costs")));
                    if (!replay) {
                        out.put(INIT_TRACE, recorded);
                    }
                    return out;
                },
                Map.of("costs", "Record the cost of iterations 0, 1000, 2000, … (computed before that iteration's"
                        + " update).", "W1", "Pick the initializer the initialization argument names."),
                List.of(INIT_TRACE));
    }

    /** The reference run of the course (15000 iterations from He weights on the circles), for the training band. */
    private static Probe<Initialization> training() {
        return new Probe<>(TRAINING_FIXTURE, Tolerance.NUMPY, List.of(CaseSpec.of(0)), List.of(),
                spec -> Map.of(),
                (impl, c) -> {
                    CircleRun run = CircleRun.of(impl, "he");
                    return ordered("costs", run.figures().costs(), "train_accuracy", run.figures().trainAccuracy(),
                            "test_accuracy", run.figures().testAccuracy());
                },
                Map.of());
    }

    /**
     * The course's run on the circles with an implementation.
     *
     * @param figures    costs and accuracies
     * @param parameters the learned parameters
     */
    record CircleRun(TrainingRuns.Figures figures, Parameters parameters) {
        static CircleRun of(Initialization impl, String initialization) {
            PlanarDatasets.TrainTest circles = PlanarDatasets.initializationCircles();
            Initialization.Model model = Expect.returned(impl.model(circles.train().x(), circles.train().y(),
                    COURSE_LEARNING_RATE, COURSE_ITERATIONS, false, initialization), "model", null);
            Parameters p = Expect.returned(model.parameters(), "model", "parameters");
            NetOutputs.entries(p, NetOutputs.parameterKeys(3), "model", false);
            return new CircleRun(new TrainingRuns.Figures(Expect.returned(model.costs(), "model", "costs"),
                    ThreeLayerNet.accuracy(ThreeLayerNet.predict(circles.train().x(), p), circles.train().y()),
                    ThreeLayerNet.accuracy(ThreeLayerNet.predict(circles.test().x(), p), circles.test().y())), p);
        }
    }

    // ---------------------------------------------------------------- catalog

    @Override
    public List<Check<Initialization>> checks(FixtureStore fixtures, Set<Visibility> sets) {
        List<Check<Initialization>> checks = new ArrayList<>();
        for (Probe<Initialization> probe : probes()) {
            if (probe.function().equals(TRAINING_FIXTURE)) {
                continue;
            }
            checks.addAll(ProbeChecks.of(ID, probe, fixtures, sets, mistakes()));
            checks.addAll(extraChecks(probe.function()));
        }
        checks.add(trainingCheck(fixtures));
        return checks;
    }

    private List<Check<Initialization>> extraChecks(String function) {
        return switch (function) {
            case "initialize_parameters_zeros" -> List.of(property(function, "all zero",
                    "every weight and bias of a 4-layer network is exactly 0", ctx -> {
                        int[] dims = {8, 6, 4, 3, 1};
                        Parameters p = ctx.fresh().initializeParametersZeros(dims);
                        Map<String, Object> entries = NetOutputs.entries(p, NetOutputs.parameterKeys(4), function,
                                true);
                        for (int l = 1; l < dims.length; l++) {
                            expect("W" + l, Matrix.zeros(dims[l], dims[l - 1]), entries.get("W" + l),
                                    Tolerance.EXACT);
                            expect("b" + l, Matrix.zeros(dims[l], 1), entries.get("b" + l), Tolerance.EXACT);
                        }
                        return new Verdict.Passed("every entry is 0, with one W and one b per layer.");
                    }));
            case "initialize_parameters_random" -> List.of(property(function, "scale 10",
                    "on a 400 × 500 layer the weights have mean ≈ 0 and standard deviation ≈ 10", ctx -> {
                        Parameters p = ctx.fresh().initializeParametersRandom(new int[] {500, 400, 3});
                        Map<String, Object> entries = NetOutputs.entries(p, NetOutputs.parameterKeys(2), function,
                                true);
                        Moments w1 = Moments.of((Matrix) entries.get("W1"), "W1", 400, 500);
                        if (Math.abs(w1.mean()) > 0.1 || Math.abs(w1.std() - 10) > 0.15) {
                            throw new CheckFailure(String.format(Locale.ROOT, "W1 (400 × 500) has mean %.4g and"
                                    + " standard deviation %.4g; randn · 10 has mean ≈ 0 and standard deviation ≈ 10.",
                                    w1.mean(), w1.std()));
                        }
                        expect("b1", Matrix.zeros(400, 1), entries.get("b1"), Tolerance.EXACT);
                        return new Verdict.Passed(String.format(Locale.ROOT,
                                "W1 has mean %.3f and standard deviation %.3f; the biases are 0.", w1.mean(),
                                w1.std()));
                    }));
            case "initialize_parameters_he" -> List.of(property(function, "variance 2 over fan-in",
                    "on layers of 500 → 400 → 300 units the weights' variance is ≈ 2 / n[l-1]", ctx -> {
                        int[] dims = {500, 400, 300};
                        Parameters p = ctx.fresh().initializeParametersHe(dims);
                        Map<String, Object> entries = NetOutputs.entries(p, NetOutputs.parameterKeys(2), function,
                                true);
                        StringBuilder seen = new StringBuilder();
                        for (int l = 1; l < dims.length; l++) {
                            Moments w = Moments.of((Matrix) entries.get("W" + l), "W" + l, dims[l], dims[l - 1]);
                            double ratio = w.variance() / (2.0 / dims[l - 1]);
                            if (Math.abs(w.mean()) > 0.01 || Math.abs(ratio - 1) > 0.03) {
                                throw new CheckFailure(String.format(Locale.ROOT, "W%d (%d × %d) has variance %.4g,"
                                                + " %.3g times 2 / n[%d] = %.4g (mean %.2g). He weights have variance"
                                                + " 2 / n[l-1], where n[l-1] = %d is the layer's number of inputs.",
                                        l, dims[l], dims[l - 1], w.variance(), ratio, l - 1, 2.0 / dims[l - 1],
                                        w.mean(), dims[l - 1]));
                            }
                            expect("b" + l, Matrix.zeros(dims[l], 1), entries.get("b" + l), Tolerance.EXACT);
                            seen.append(String.format(Locale.ROOT, "%sW%d: %.4f × 2/n[%d]", l > 1 ? ", " : "", l,
                                    ratio, l - 1));
                        }
                        return new Verdict.Passed("the variances match 2 / n[l-1] (" + seen + ").");
                    }));
            case "model" -> modelChecks();
            default -> List.of();
        };
    }

    private List<Check<Initialization>> modelChecks() {
        return List.of(callPattern("model", "initializer by name",
                "\"zeros\", \"random\" and \"he\" each call their own initializer once, with [n0, 10, 5, 1]",
                ctx -> {
                    Map<String, Object> in = modelInputs(modelCase(5, 3, 4, 2, "he"));
                    int[] dims = {3, 10, 5, 1};
                    for (String name : Initialization.INITIALIZATIONS) {
                        Initialization subject = isolated(ctx.fresh(), true);
                        subject.model((Matrix) in.get("X"), (Matrix) in.get("Y"), 0.01, 2, false, name);
                        try {
                            verify(subject, times(name.equals("zeros") ? 1 : 0)).initializeParametersZeros(dims);
                            verify(subject, times(name.equals("random") ? 1 : 0)).initializeParametersRandom(dims);
                            verify(subject, times(name.equals("he") ? 1 : 0)).initializeParametersHe(dims);
                        } catch (AssertionError e) {
                            throw new CheckFailure("With initialization \"" + name + "\", model must call the"
                                    + " matching this.initializeParameters… once, with layer sizes [n0, 10, 5, 1]: "
                                    + firstLine(e));
                        }
                    }
                    return new Verdict.Passed("each initialization name picks its own initializer.");
                }), callPattern("model", "steps each iteration",
                "every iteration calls forward_propagation, compute_loss, backward_propagation, update_parameters",
                ctx -> {
                    Initialization subject = isolated(ctx.fresh(), true);
                    Map<String, Object> in = modelInputs(modelCase(6, 2, 5, 3, "he"));
                    subject.model((Matrix) in.get("X"), (Matrix) in.get("Y"), 0.01, 3, false, "he");
                    InOrder order = inOrder(subject);
                    try {
                        for (int i = 0; i < 3; i++) {
                            order.verify(subject).forwardPropagation(any(), any());
                            order.verify(subject).computeLoss(any(), any());
                            order.verify(subject).backwardPropagation(any(), any(), any());
                            order.verify(subject).updateParameters(any(), any(), anyDouble());
                        }
                        verify(subject, times(3)).forwardPropagation(any(), any());
                        verify(subject, times(3)).updateParameters(any(), any(), anyDouble());
                    } catch (AssertionError e) {
                        throw new CheckFailure("Each of the 3 iterations asked for must call this.forwardPropagation,"
                                + " this.computeLoss, this.backwardPropagation and this.updateParameters, in that"
                                + " order: " + firstLine(e));
                    }
                    return new Verdict.Passed("each iteration runs forward, cost, backward and update, in order.");
                }), property("model", "symmetry of zeros",
                "from zeros, all units of a hidden layer stay identical after training", ctx -> {
                    Map<String, Object> in = modelInputs(modelCase(7, 2, 20, 50, "zeros"));
                    Initialization.Model model = Expect.returned(ctx.fresh().model((Matrix) in.get("X"),
                            (Matrix) in.get("Y"), 0.1, 50, false, "zeros"), "model", null);
                    Map<String, Object> p = NetOutputs.entries(model.parameters(), NetOutputs.parameterKeys(3),
                            "model", false);
                    for (String key : List.of("W1", "b1", "W2", "b2")) {
                        Matrix m = (Matrix) p.get(key);
                        Matrix first = m.rows(0, 1);
                        for (int r = 1; r < m.rows(); r++) {
                            if (!m.rows(r, r + 1).equals(first)) {
                                throw new CheckFailure("After 50 iterations from zeros, row " + r + " of " + key
                                        + " differs from row 0, but units that start equal get equal gradients and"
                                        + " must stay equal. Does \"zeros\" start from initializeParametersZeros?");
                            }
                        }
                    }
                    return new Verdict.Passed("starting from zeros, the hidden units of each layer stay identical:"
                            + " the symmetry is never broken.");
                }), property("model", "printed costs", "prints the cost of iterations 0, 1000, 2000 only when asked",
                ctx -> {
                    Map<String, Object> in = modelInputs(modelCase(8, 2, 4, 2001, "he"));
                    Initialization impl = isolated(ctx.fresh(), false);
                    String quiet = ConsoleCapture.run(() -> impl.model((Matrix) in.get("X"), (Matrix) in.get("Y"),
                            0.01, 2001, false, "he"));
                    String loud = ConsoleCapture.run(() -> impl.model((Matrix) in.get("X"), (Matrix) in.get("Y"),
                            0.01, 2001, true, "he"));
                    TrainingRuns.expectCostLines("model", quiet, loud, List.of(0, 1000, 2000));
                    return new Verdict.Passed("model prints the recorded costs only when asked to.");
                }), property("model", "unknown initialization", "an unknown initialization name is refused",
                ctx -> {
                    Map<String, Object> in = modelInputs(modelCase(9, 2, 3, 1, "he"));
                    try {
                        isolated(ctx.fresh(), false).model((Matrix) in.get("X"), (Matrix) in.get("Y"), 0.01, 1,
                                false, "xavier");
                    } catch (IllegalArgumentException expected) {
                        return new Verdict.Passed("\"xavier\" is refused with an IllegalArgumentException.");
                    }
                    throw new CheckFailure("model(…, \"xavier\") should throw an IllegalArgumentException (the"
                            + " initializations are \"zeros\", \"random\" and \"he\") but returned normally.");
                }));
    }

    private Check<Initialization> trainingCheck(FixtureStore fixtures) {
        FixtureFile reference = fixtures.load(ID, Visibility.PUBLIC, TRAINING_FIXTURE).orElse(null);
        return new Check<>(ProbeChecks.id(ID, "model", Kind.TRAINING, "circles-he"), "model", Kind.TRAINING,
                Visibility.PUBLIC, "training (circles, He, 15000 iterations)", 4, Duration.ofSeconds(90), ctx -> {
                    if (reference == null) {
                        return new Verdict.GraderError("the reference training run is missing from the fixtures");
                    }
                    TrainingRuns.Figures ref = TrainingRuns.Figures.of(reference.cases().get(0), "");
                    CircleRun run = CircleRun.of(ctx.fresh(), "he");
                    ctx.addCurve(new Curve("model from He weights on the circles (lr 0.01)",
                            Initialization.COST_EVERY, run.figures().costs(), ref.costs()));
                    PlanarDatasets.TrainTest circles = PlanarDatasets.initializationCircles();
                    ctx.addFigure(BoundaryPlot.of("Your model from He weights", circles.train().x(),
                            circles.train().y(), points -> ThreeLayerNet.predict(points, run.parameters()))
                            .figure("The regions your trained model assigns to each class, over the training"
                                    + " points: from He weights it separates the inner circle from the outer one."));
                    return HE_RUN.compare(run.figures(), ref, "He weights on the course's circles");
                });
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Mean, variance and standard deviation of a weight matrix's entries, after checking its shape.
     *
     * @param mean     the mean
     * @param variance the (population) variance
     */
    record Moments(double mean, double variance) {
        static Moments of(Matrix w, String name, int rows, int cols) {
            if (w.rows() != rows || w.cols() != cols) {
                throw new CheckFailure(name + " has shape " + w.shape() + " but (" + rows + ", " + cols + ") was"
                        + " expected.");
            }
            double mean = w.mean();
            double variance = w.subtract(mean).square().mean();
            return new Moments(mean, variance);
        }

        double std() {
            return Math.sqrt(variance);
        }
    }

    /**
     * A spy whose three initializers return the given He weights of core ({@link ThreeLayerNet#initializeHe}), so
     * that a check of {@code model} does not depend on the student's initializers; a stub-only spy
     * when the check verifies no calls (cheaper in long loops).
     */
    private static Initialization isolated(Initialization impl, boolean verifiable) {
        Initialization subject = verifiable ? spy(impl) : NetOutputs.stubOnlySpy(impl);
        Answer<Parameters> given = inv -> ThreeLayerNet.initializeHe((int[]) inv.getArgument(0));
        doAnswer(given).when(subject).initializeParametersZeros(any());
        doAnswer(given).when(subject).initializeParametersRandom(any());
        doAnswer(given).when(subject).initializeParametersHe(any());
        return subject;
    }

    private static Check<Initialization> property(String function, String slug, String title,
                                                  Check.Body<Initialization> body) {
        return Catalogs.property(ID, function, slug, title, body);
    }

    private static Check<Initialization> callPattern(String function, String slug, String title,
                                                     Check.Body<Initialization> body) {
        return Catalogs.callPattern(ID, function, slug, title, body);
    }
}
