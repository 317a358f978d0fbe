package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.doubles;
import static dlcourse.grader.assignments.Catalogs.expect;
import static dlcourse.grader.assignments.Catalogs.firstLine;
import static dlcourse.grader.assignments.Catalogs.num;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.ShallowNetwork;
import dlcourse.course.ShallowNetwork.Forward;
import dlcourse.course.ShallowNetwork.Trained;
import dlcourse.data.LabeledData;
import dlcourse.data.PlanarDatasets;
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
import dlcourse.grader.render.BoundaryPlot;
import dlcourse.grader.report.Curve;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.ProbeChecks;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mockito.InOrder;

/**
 * The grader's catalog for assignment 2, planar data classification with one hidden layer (CURRICULUM §2). The value
 * probes live in {@link ShallowProbes}; this class adds the mistakes, gradient, call-pattern, property and training
 * checks.
 */
public final class ShallowAssignment implements Assignment<ShallowNetwork> {

    /** Assignment id. */
    public static final String ID = "shallow";
    /** The graded class, the same in exercises and solutions. */
    public static final String IMPLEMENTATION = "dlcourse.shallow.Shallow";
    /**
     * The course's accuracy on the flower with n_h = 4 ("Accuracy: 90%"). A constant, not a fixture: the last
     * iterations of that run oscillate, so the exact figure (90.5 or 90.75 %) depends on rounding in exp and tanh.
     */
    static final double COURSE_ACCURACY = 0.90;
    /** The training check's accuracy may fall this far (a fraction) below the course's. */
    static final double ACCURACY_BAND = 0.02;
    /** The final cost may exceed the reference's cost at iteration 7000 by this fraction. */
    static final double FINAL_COST_BAND = 0.1;
    /** The training check runs 10000 iterations of the student's code: generous for slow but correct code. */
    static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(120);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Planar data classification with one hidden layer";
    }

    @Override
    public Class<ShallowNetwork> contract() {
        return ShallowNetwork.class;
    }

    @Override
    public String implementationClassName() {
        return IMPLEMENTATION;
    }

    @Override
    public List<Mistake> mistakes() {
        return List.of(
                new Mistake("sizes_from_columns", "layer_sizes", "counting the columns of X and Y (the examples)"
                        + " instead of their rows (the features)"),
                new Mistake("init_without_scale", "initialize_parameters", "leaving out the factor 0.01 that keeps"
                        + " the starting weights small"),
                new Mistake("w_transposed", "forward_propagation", ShallowProbes.W_TRANSPOSED),
                new Mistake("sigmoid_hidden", "forward_propagation", "using σ instead of tanh in the hidden layer"),
                new Mistake("cost_without_1_over_m", "compute_cost", "summing the losses without the 1/m averaging"
                        + " factor"),
                new Mistake("tanh_derivative_linear", "backward_propagation", "taking tanh′ as 1 − A1 instead of"
                        + " 1 − A1²"),
                new Mistake("dw_not_averaged", "backward_propagation", "leaving the 1/m factor off dW1 and dW2"),
                new Mistake("db_without_keepdims", "backward_propagation", "summing dZ along each row without keeping"
                        + " the axis, which gives db as a (1, n) row instead of an (n, 1) column"),
                new Mistake("update_sign", "update_parameters", "stepping uphill: P + α·dP instead of P − α·dP"),
                new Mistake("parameters_not_kept", "nn_model", "calling update_parameters without keeping the"
                        + " parameters it returns (they are immutable: the result must be assigned)"),
                new Mistake("threshold_ge", "predict", "labelling a probability of exactly 0.5 as 1 (≥ instead"
                        + " of >)"));
    }

    @Override
    public List<Probe<ShallowNetwork>> probes() {
        return ShallowProbes.all();
    }

    // ---------------------------------------------------------------- catalog

    @Override
    public List<Check<ShallowNetwork>> checks(FixtureStore fixtures, Set<Visibility> sets) {
        List<Check<ShallowNetwork>> checks = new ArrayList<>();
        for (Probe<ShallowNetwork> probe : probes()) {
            if (probe.function().equals(ShallowProbes.TRAINING_FIXTURE)) {
                continue;
            }
            checks.addAll(ProbeChecks.of(ID, probe, fixtures, sets, mistakes()));
            checks.addAll(extraChecks(probe.function()));
        }
        checks.add(trainingCheck(fixtures));
        return checks;
    }

    private List<Check<ShallowNetwork>> extraChecks(String function) {
        return switch (function) {
            case "initialize_parameters" -> List.of(sameStartEveryCall());
            case "forward_propagation" -> List.of(forwardReturnsItsCache());
            case "compute_cost" -> List.of(costOfKnownProbabilities());
            case "backward_propagation" -> List.of(gradientCheck());
            case "update_parameters" -> List.of(learningRateZero());
            case "nn_model" -> List.of(modelCallPattern(), printedCosts(), zeroIterations());
            case "predict" -> List.of(predictCallPattern(), thresholdExactlyOneHalf());
            default -> List.of();
        };
    }

    // ---------------------------------------------------------------- properties

    private static Check<ShallowNetwork> sameStartEveryCall() {
        return property("initialize_parameters", "same start", "every call returns the same start (seed 2 inside)",
                ctx -> {
                    ShallowNetwork impl = ctx.fresh();
                    Map<String, Object> first = ShallowProbes.flatten(impl.initializeParameters(3, 4, 1),
                            "initialize_parameters");
                    Map<String, Object> second = ShallowProbes.flatten(impl.initializeParameters(3, 4, 1),
                            "initialize_parameters");
                    for (var entry : first.entrySet()) {
                        expect(entry.getKey() + " of the second call", entry.getValue(), second.get(entry.getKey()),
                                Tolerance.EXACT);
                    }
                    return new Verdict.Passed("two calls draw the same weights: the generator is seeded in the call.");
                });
    }

    private static Check<ShallowNetwork> forwardReturnsItsCache() {
        return property("forward_propagation", "returns its cache", "the returned A2 is the cache's A2, a probability",
                ctx -> {
                    Map<String, Object> in = ShallowProbes.forwardInputs(CaseSpec.of(5, 3, 4, 1, 6));
                    Forward forward = Expect.returned(ctx.fresh().forwardPropagation((Matrix) in.get("X"),
                            (Parameters) in.get("parameters")), "forward_propagation", null);
                    Matrix a2 = Expect.returned(forward.a2(), "forward_propagation", "A2");
                    Matrix cached = Expect.returned(forward.cache(), "forward_propagation", "cache").a2();
                    expect("the cache's A2", a2, cached, Tolerance.EXACT);
                    if (!(a2.min() > 0 && a2.max() < 1)) {
                        throw new CheckFailure("A2 should hold probabilities strictly between 0 and 1 but ranges from "
                                + Feedback.number(a2.min()) + " to " + Feedback.number(a2.max()) + ".");
                    }
                    return new Verdict.Passed("A2 is returned and cached, and every entry is a probability.");
                });
    }

    private static Check<ShallowNetwork> costOfKnownProbabilities() {
        return property("compute_cost", "known costs", "A2 = 0.5 costs ln 2; 0.9 on the right label costs −ln 0.9",
                ctx -> {
                    ShallowNetwork impl = ctx.fresh();
                    Matrix y = Matrix.row(1, 0, 0, 1, 1, 0);
                    expect("the cost of A2 = 0.5 everywhere", Math.log(2), impl.computeCost(Matrix.full(1, 6, 0.5),
                            y), Tolerance.STRICT);
                    Matrix confident = y.multiply(0.8).add(0.1);
                    expect("the cost of A2 = 0.9 on every right label", -Math.log(0.9), impl.computeCost(confident, y),
                            Tolerance.STRICT);
                    return new Verdict.Passed("the cost is the mean cross-entropy: ln 2 for a coin flip.");
                });
    }

    private static Check<ShallowNetwork> learningRateZero() {
        return property("update_parameters", "learning rate 0", "a learning rate of 0 leaves every parameter as it is",
                ctx -> {
                    RandomState random = new RandomState(7);
                    Parameters parameters = ShallowProbes.randomParameters(random, 3, 4, 1);
                    Grads.Builder grads = Grads.builder();
                    parameters.asMap().forEach((k, v) -> grads.put("d" + k, random.randn(v.rows(), v.cols())));
                    Map<String, Object> after = ShallowProbes.flatten(ctx.fresh().updateParameters(parameters,
                            grads.build(), 0.0), "update_parameters");
                    for (String key : parameters.keys()) {
                        expect(key + " after a step of size 0", parameters.get(key), after.get(key), Tolerance.EXACT);
                    }
                    return new Verdict.Passed("with α = 0 every parameter stays where it was.");
                });
    }

    private static Check<ShallowNetwork> printedCosts() {
        return property("nn_model", "printed costs", "records and prints the cost of iterations 0, 1000, 2000",
                ctx -> {
                    Map<String, Object> in = ShallowProbes.modelInputs(CaseSpec.of(11, 2, 4, 2, 2001));
                    Matrix x = (Matrix) in.get("X");
                    Matrix y = (Matrix) in.get("Y");
                    ShallowNetwork impl = ctx.fresh();
                    Trained[] loud = new Trained[1];
                    String quiet = ConsoleCapture.run(() -> impl.nnModel(x, y, 2, 2001, false));
                    String printed = ConsoleCapture.run(() -> loud[0] = impl.nnModel(x, y, 2, 2001, true));
                    if (!quiet.isBlank()) {
                        throw new CheckFailure("nn_model printed output although printCost was false: \""
                                + ConsoleCapture.firstLine(quiet) + "\"");
                    }
                    List<Double> costs = Expect.returned(Expect.returned(loud[0], "nn_model", null).costs(),
                            "nn_model", "costs");
                    if (costs.size() != 3) {
                        throw new CheckFailure("After 2001 iterations nn_model should have recorded 3 costs"
                                + " (iterations 0, 1000, 2000) but recorded " + costs.size() + ".");
                    }
                    List<String> lines = printed.lines().filter(l -> l.contains("Cost after iteration")).toList();
                    List<String> wanted = List.of("Cost after iteration 0:", "Cost after iteration 1000:",
                            "Cost after iteration 2000:");
                    boolean ok = lines.size() == wanted.size();
                    for (int i = 0; ok && i < wanted.size(); i++) {
                        ok = lines.get(i).startsWith(wanted.get(i));
                    }
                    if (!ok) {
                        throw new CheckFailure("With printCost, 2001 iterations should print exactly three lines"
                                + " starting \"Cost after iteration 0:\", \"…1000:\", \"…2000:\"; printed: " + lines);
                    }
                    for (int i = 0; i < wanted.size(); i++) {
                        ConsoleCapture.expectNumberAfter(printed, wanted.get(i), costs.get(i));
                    }
                    return new Verdict.Passed("nn_model records every 1000th cost and prints them only when asked.");
                });
    }

    private static Check<ShallowNetwork> zeroIterations() {
        return property("nn_model", "zero iterations", "0 iterations return the start and no costs", ctx -> {
            Map<String, Object> in = ShallowProbes.modelInputs(CaseSpec.of(10, 3, 5, 2, 0));
            ShallowNetwork impl = ctx.fresh();
            Trained trained = Expect.returned(impl.nnModel((Matrix) in.get("X"), (Matrix) in.get("Y"), 2, 0, false),
                    "nn_model", null);
            Map<String, Object> start = ShallowProbes.flatten(impl.initializeParameters(3, 2, 1),
                    "initialize_parameters");
            Map<String, Object> got = ShallowProbes.flatten(Expect.returned(trained.parameters(), "nn_model",
                    "parameters"), "nn_model");
            for (var entry : start.entrySet()) {
                expect(entry.getKey() + " after 0 iterations", entry.getValue(), got.get(entry.getKey()),
                        Tolerance.EXACT);
            }
            expect("costs after 0 iterations", List.of(), Expect.returned(trained.costs(), "nn_model", "costs"),
                    Tolerance.EXACT);
            return new Verdict.Passed("with 0 iterations nn_model returns initialize_parameters' start and no costs.");
        });
    }

    private static Check<ShallowNetwork> thresholdExactlyOneHalf() {
        return property("predict", "threshold", "a probability of exactly 0.5 is labelled 0", ctx -> {
            RandomState random = new RandomState(12);
            Parameters parameters = ShallowProbes.randomParameters(random, 2, 3, 1)
                    .with("W2", Matrix.zeros(1, 3)).with("b2", Matrix.zeros(1, 1));
            Matrix x = random.randn(2, 5);
            Matrix predictions = Expect.returned(ctx.fresh().predict(parameters, x), "predict", null);
            expect("predictions where every A2 is 0.5", Matrix.zeros(1, 5), predictions, Tolerance.EXACT);
            return new Verdict.Passed("0.5 is not above 0.5: such points get label 0.");
        });
    }

    // ---------------------------------------------------------------- call patterns

    private static Check<ShallowNetwork> modelCallPattern() {
        return Catalogs.callPattern(ID, "nn_model", "helpers in order",
                "initialize once, then forward, cost, backward, update in every iteration, each round on the last"
                        + " update's parameters", ctx -> {
                    ShallowNetwork subject = spy(ctx.fresh());
                    Map<String, Object> in = ShallowProbes.modelInputs(CaseSpec.of(6, 2, 5, 3, 4));
                    List<Parameters> starts = new ArrayList<>();
                    List<Parameters> forwardArguments = new ArrayList<>();
                    List<Parameters> updates = new ArrayList<>();
                    List<Double> rates = new ArrayList<>();
                    doAnswer(inv -> record(starts, inv.callRealMethod()))
                            .when(subject).initializeParameters(anyInt(), anyInt(), anyInt());
                    doAnswer(inv -> {
                        forwardArguments.add(inv.getArgument(1));
                        return inv.callRealMethod();
                    }).when(subject).forwardPropagation(any(), any());
                    doAnswer(inv -> {
                        rates.add(inv.getArgument(2));
                        return record(updates, inv.callRealMethod());
                    }).when(subject).updateParameters(any(), any(), anyDouble());
                    subject.nnModel((Matrix) in.get("X"), (Matrix) in.get("Y"), 3, 4, false);
                    InOrder order = inOrder(subject);
                    try {
                        order.verify(subject).initializeParameters(2, 3, 1);
                        for (int i = 0; i < 4; i++) {
                            order.verify(subject).forwardPropagation(any(), any());
                            order.verify(subject).computeCost(any(), any());
                            order.verify(subject).backwardPropagation(any(), any(), any(), any());
                            order.verify(subject).updateParameters(any(), any(), anyDouble());
                        }
                        verify(subject, times(1)).initializeParameters(anyInt(), anyInt(), anyInt());
                        verify(subject, times(4)).forwardPropagation(any(), any());
                        verify(subject, times(4)).computeCost(any(), any());
                        verify(subject, times(4)).backwardPropagation(any(), any(), any(), any());
                        verify(subject, times(4)).updateParameters(any(), any(), anyDouble());
                    } catch (AssertionError e) {
                        throw new CheckFailure("nn_model must call this.initializeParameters(n_x, n_h, n_y) once, then"
                                + " in each of the 4 iterations asked this.forwardPropagation, this.computeCost,"
                                + " this.backwardPropagation and this.updateParameters, in this order: "
                                + firstLine(e));
                    }
                    for (int i = 0; i < forwardArguments.size(); i++) {
                        Parameters expected = i == 0 ? starts.get(0) : updates.get(i - 1);
                        if (!expected.equals(forwardArguments.get(i))) {
                            throw new CheckFailure("Iteration " + i + " ran forwardPropagation on other parameters"
                                    + " than " + (i == 0 ? "initializeParameters returned" : "the previous"
                                    + " updateParameters returned") + ": keep the updated parameters for the next"
                                    + " round.");
                        }
                    }
                    if (rates.stream().anyMatch(r -> r != ShallowNetwork.LEARNING_RATE)) {
                        throw new CheckFailure("nn_model should update with the course's learning rate "
                                + ShallowNetwork.LEARNING_RATE + " (LEARNING_RATE) but used " + rates + ".");
                    }
                    return new Verdict.Passed("nn_model initialises once and runs forward, cost, backward and update"
                            + " in every iteration, each on the previous round's parameters.");
                });
    }

    private static <V> V record(List<V> list, Object value) {
        @SuppressWarnings("unchecked")
        V typed = (V) value;
        list.add(typed);
        return typed;
    }

    private static Check<ShallowNetwork> predictCallPattern() {
        return Catalogs.callPattern(ID, "predict", "reuses forward_propagation",
                "calls forward_propagation once, on the given parameters and X", ctx -> {
                    ShallowNetwork subject = spy(ctx.fresh());
                    RandomState random = new RandomState(13);
                    Parameters parameters = ShallowProbes.randomParameters(random, 2, 3, 1);
                    Matrix x = random.randn(2, 4);
                    subject.predict(parameters, x);
                    try {
                        verify(subject, times(1)).forwardPropagation(x, parameters);
                    } catch (AssertionError e) {
                        throw new CheckFailure("predict should call this.forwardPropagation(X, parameters) exactly"
                                + " once and threshold its A2: " + firstLine(e));
                    }
                    return new Verdict.Passed("predict reuses the forward pass.");
                });
    }

    // ---------------------------------------------------------------- gradient

    private static Check<ShallowNetwork> gradientCheck() {
        return Catalogs.gradient(ID, "backward_propagation", "seed 9", "gradient (seed 9)", ctx -> {
            ShallowNetwork impl = ctx.fresh();
            Map<String, Object> in = ShallowProbes.forwardInputs(CaseSpec.of(9, 3, 4, 1, 6));
            Matrix x = (Matrix) in.get("X");
            Parameters parameters = (Parameters) in.get("parameters");
            Matrix y = ShallowProbes.labels(new RandomState(19), 1, 6);
            Forward forward = Expect.returned(impl.forwardPropagation(x, parameters), "forward_propagation", null);
            Map<String, Object> grads = ShallowProbes.flatten(impl.backwardPropagation(parameters,
                    Expect.returned(forward.cache(), "forward_propagation", "cache"), x, y), "backward_propagation");
            Map<String, Matrix> analytic = new LinkedHashMap<>();
            grads.forEach((k, v) -> analytic.put(k, (Matrix) v));
            return GradientCheck.check(new LinkedHashMap<>(parameters.asMap()), moved -> {
                Forward f = Expect.returned(impl.forwardPropagation(x, Parameters.of(moved)), "forward_propagation",
                        null);
                return impl.computeCost(Expect.returned(f.a2(), "forward_propagation", "A2"), y);
            }, analytic, "Each gradient is the slope of your own compute_cost ∘ forward_propagation (fix those first"
                    + " if their checks fail). Work backwards: dZ2 = A2 − Y, then dZ1 = (W2ᵀ·dZ2) ∗ tanh′(Z1).");
        });
    }

    // ---------------------------------------------------------------- training

    private Check<ShallowNetwork> trainingCheck(FixtureStore fixtures) {
        FixtureFile reference = fixtures.load(ID, Visibility.PUBLIC, ShallowProbes.TRAINING_FIXTURE).orElse(null);
        return new Check<>(ProbeChecks.id(ID, "nn_model", Kind.TRAINING, "flower"), "nn_model", Kind.TRAINING,
                Visibility.PUBLIC, "training (flower, n_h = 4, 10000 iterations)", 4, TRAINING_TIMEOUT, ctx -> {
                    if (reference == null) {
                        return new Verdict.GraderError("the reference training run is missing from the fixtures");
                    }
                    LabeledData flower = PlanarDatasets.flower();
                    FixtureCase ref = reference.cases().get(0);
                    List<Double> refCosts = doubles((List<?>) Values.decode(ref.outputs().get("costs")));
                    int refCount = (int) num(Values.decode(ref.outputs().get("cost_count")));
                    ShallowProbes.FlowerRun run = ShallowProbes.FlowerRun.of(ctx.fresh());
                    ctx.addCurve(new Curve("nn_model on the flower (n_h = 4)", ShallowNetwork.COST_EVERY, run.costs(),
                            refCosts));
                    ctx.addFigure(BoundaryPlot.of("Your network, n_h = 4", flower.x(), flower.y(),
                            points -> ctx.fresh().predict(run.parameters(), points)).figure(String.format(Locale.ROOT,
                            "Decision regions of your trained network on the flower (%.2f %% of the points right;"
                                    + " the course's network gets %.0f %%).", 100 * run.accuracy(),
                            100 * COURSE_ACCURACY)));
                    judgeTraining(run, refCosts, refCount);
                    return new Verdict.Passed(String.format(Locale.ROOT, "Trained to %.2f %% accuracy on the flower"
                            + " (course: %.0f %%); final cost %s.", 100 * run.accuracy(), 100 * COURSE_ACCURACY,
                            Feedback.number(run.costs().get(run.costs().size() - 1))));
                });
    }

    /**
     * Fails unless the run starts where the course's does, stays finite, records as many costs, ends below the
     * course's cost at iteration 7000 plus {@value #FINAL_COST_BAND} of it, and reaches the course's accuracy band.
     */
    static void judgeTraining(ShallowProbes.FlowerRun run, List<Double> refCosts, int refCount) {
        List<Double> costs = run.costs();
        if (costs.isEmpty() || !Tolerance.NUMPY.accepts(refCosts.get(0), costs.get(0))) {
            throw new CheckFailure("The first recorded cost should be " + Feedback.number(refCosts.get(0))
                    + " (the course's small random start) but was " + (costs.isEmpty() ? "missing"
                    : Feedback.number(costs.get(0))) + ".");
        }
        for (int i = 0; i < costs.size(); i++) {
            if (!Double.isFinite(costs.get(i))) {
                throw new CheckFailure("The cost became " + Feedback.number(costs.get(i)) + " at iteration "
                        + i * ShallowNetwork.COST_EVERY + ": the steps are far too large (are the gradients averaged"
                        + " over the m examples?) or log(0) was taken.");
            }
        }
        double refLast = refCosts.get(refCosts.size() - 1);
        double finalCost = costs.get(costs.size() - 1);
        if (costs.size() != refCount || finalCost > refLast * (1 + FINAL_COST_BAND)) {
            throw new CheckFailure("After 10000 iterations the cost is " + Feedback.number(finalCost) + " ("
                    + costs.size() + " costs recorded); the course's run is at " + Feedback.number(refLast)
                    + " by iteration " + (refCosts.size() - 1) * ShallowNetwork.COST_EVERY + " (" + refCount
                    + " costs recorded).");
        }
        if (!(run.accuracy() >= COURSE_ACCURACY - ACCURACY_BAND)) {
            throw new CheckFailure(String.format(Locale.ROOT, "After 10000 iterations the network labels %.2f %% of"
                    + " the flower correctly; the course's network reaches %.0f %% (band: −%.0f points).",
                    100 * run.accuracy(), 100 * COURSE_ACCURACY, 100 * ACCURACY_BAND));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Check<ShallowNetwork> property(String function, String slug, String title,
                                                  Check.Body<ShallowNetwork> body) {
        return Catalogs.property(ID, function, slug, title, body);
    }
}
