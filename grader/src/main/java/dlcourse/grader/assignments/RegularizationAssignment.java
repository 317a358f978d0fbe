package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.expect;

import dlcourse.core.Matrix;
import dlcourse.course.Regularization;
import dlcourse.course.Regularization.DropoutCache;
import dlcourse.data.FootballData;
import dlcourse.grader.assignments.RegularizationProbes.FootballRun;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.GradientCheck;
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
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import dlcourse.nn.ThreeLayerNet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The grader's catalog for assignment 6, regularization (CURRICULUM §6). */
public final class RegularizationAssignment implements Assignment<Regularization> {

    /** The part of the football field the course plots its decision boundaries over. */
    public static final BoundaryPlot.Bounds FIELD_VIEW = new BoundaryPlot.Bounds(-0.75, 0.40, -0.75, 0.65);

    /** Assignment id. */
    public static final String ID = "regularization";
    /** The graded class, the same in exercises and solutions. */
    public static final String IMPLEMENTATION = "dlcourse.regularization.RegularizedNet";
    /** The training checks' bands around the reference runs. */
    static final double TRAIN_BAND = 0.01;
    static final double TEST_BAND = 0.02;
    static final double FINAL_COST_BAND = 0.1;
    /** A mask must keep keep_prob of the units within this (absolute) on the large layers of the property check. */
    static final double KEEP_FRACTION_BAND = 0.02;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Regularization";
    }

    @Override
    public Class<Regularization> contract() {
        return Regularization.class;
    }

    @Override
    public String implementationClassName() {
        return IMPLEMENTATION;
    }

    @Override
    public List<Mistake> mistakes() {
        return List.of(
                new Mistake("cost_l2_without_1_over_m", "compute_cost_with_regularization",
                        "leaving out the 1/m of the L2 term (λ/2 · ΣW² instead of λ/(2m) · ΣW²)"),
                new Mistake("cost_l2_without_half", "compute_cost_with_regularization",
                        "leaving out the ½ of the L2 term (λ/m · ΣW² instead of λ/(2m) · ΣW²)"),
                new Mistake("cost_l2_with_biases", "compute_cost_with_regularization",
                        "adding the squared biases to the L2 penalty"),
                new Mistake("grad_l2_without_1_over_m", "backward_propagation_with_regularization",
                        "adding λ · W to dW instead of (λ/m) · W"),
                new Mistake("grad_l2_halved", "backward_propagation_with_regularization",
                        "adding (λ/(2m)) · W to dW: the derivative of W² is 2W, which cancels the ½"),
                new Mistake("grad_l2_on_biases", "backward_propagation_with_regularization",
                        "adding (λ/m) · b to db as well, although the biases are not penalised"),
                new Mistake("dropout_not_rescaled", "forward_propagation_with_dropout",
                        "zeroing the dropped units without dividing the activations by keep_prob"),
                new Mistake("dropout_mask_inverted", "forward_propagation_with_dropout",
                        "keeping the units whose draw is at least keep_prob (an inverted mask)"),
                new Mistake("dropout_mask_randn", "forward_propagation_with_dropout",
                        "drawing the masks from randn (normal) instead of rand (uniform on [0, 1))"),
                new Mistake("backward_fresh_mask", "backward_propagation_with_dropout",
                        "drawing new masks in the backward pass instead of reusing D1 and D2 from the cache"),
                new Mistake("backward_not_rescaled", "backward_propagation_with_dropout",
                        "masking dA without dividing it by keep_prob"),
                new Mistake("model_plain_cost_with_l2", "model",
                        "recording the plain cross-entropy cost when λ > 0 instead of the regularized one"));
    }

    @Override
    public List<Probe<Regularization>> probes() {
        return RegularizationProbes.all();
    }

    // ---------------------------------------------------------------- catalog

    @Override
    public List<Check<Regularization>> checks(FixtureStore fixtures, Set<Visibility> sets) {
        List<Check<Regularization>> checks = new ArrayList<>();
        for (Probe<Regularization> probe : probes()) {
            if (probe.function().equals(RegularizationProbes.TRAINING_FIXTURE)) {
                continue;
            }
            checks.addAll(ProbeChecks.of(ID, probe, fixtures, sets, mistakes()));
            checks.addAll(extraChecks(probe.function()));
        }
        for (FootballRun.Setting setting : FootballRun.Setting.values()) {
            checks.add(trainingCheck(fixtures, setting));
        }
        return checks;
    }

    private List<Check<Regularization>> extraChecks(String function) {
        return switch (function) {
            case "compute_cost_with_regularization" -> costChecks(function);
            case "backward_propagation_with_regularization" -> backwardL2Checks(function);
            case "forward_propagation_with_dropout" -> forwardDropoutChecks(function);
            case "backward_propagation_with_dropout" -> backwardDropoutChecks(function);
            case "model" -> RegularizationModelChecks.all();
            default -> List.of();
        };
    }

    private static List<Check<Regularization>> costChecks(String function) {
        return List.of(property(function, "lambda 0", "λ = 0 gives the plain cross-entropy cost", ctx -> {
            Map<String, Object> in = RegularizationProbes.costInputs(CaseSpec.of(11, 3, 4, 2, 6, 0));
            Matrix a3 = (Matrix) in.get("A3");
            Matrix y = (Matrix) in.get("Y");
            double cost = ctx.fresh().computeCostWithRegularization(a3, y, (Parameters) in.get("parameters"), 0.0);
            expect("cost with λ = 0", ThreeLayerNet.meanCost(a3, y), cost, Tolerance.STRICT);
            return new Verdict.Passed("with λ = 0 the penalty vanishes and the plain cost remains.");
        }), property(function, "biases free", "the penalty does not depend on the biases", ctx -> {
            Map<String, Object> in = RegularizationProbes.costInputs(CaseSpec.of(12, 3, 4, 2, 6, 7));
            Parameters p = (Parameters) in.get("parameters");
            Parameters moved = p;
            for (int l = 1; l <= 3; l++) {
                moved = moved.with("b" + l, p.bias(l).multiply(10).add(3));
            }
            Regularization impl = ctx.fresh();
            double cost = impl.computeCostWithRegularization((Matrix) in.get("A3"), (Matrix) in.get("Y"), p, 0.7);
            double other = impl.computeCostWithRegularization((Matrix) in.get("A3"), (Matrix) in.get("Y"), moved,
                    0.7);
            expect("cost with other biases (same A3, same W)", cost, other, Tolerance.STRICT);
            return new Verdict.Passed("only the weights are penalised.");
        }));
    }

    private static List<Check<Regularization>> backwardL2Checks(String function) {
        return List.of(property(function, "lambda 0", "λ = 0 gives the plain gradients", ctx -> {
            Map<String, Object> in = RegularizationProbes.backwardInputs(CaseSpec.of(13, 3, 4, 3, 6, 0));
            Matrix x = (Matrix) in.get("X");
            Matrix y = (Matrix) in.get("Y");
            ThreeLayerCache cache = ThreeLayerNet.forward(x, (Parameters) in.get("parameters"));
            Map<String, Object> got = NetOutputs.entries(ctx.fresh().backwardPropagationWithRegularization(x, y,
                    cache, 0.0), NetOutputs.GRADIENT_KEYS, function, false);
            Map<String, Object> plain = NetOutputs.entries(ThreeLayerNet.backward(x, y, cache),
                    NetOutputs.GRADIENT_KEYS, "backward_propagation", false);
            for (String key : NetOutputs.GRADIENT_KEYS) {
                expect(key + " with λ = 0", plain.get(key), got.get(key), Tolerance.STRICT);
            }
            return new Verdict.Passed("with λ = 0 the gradients are the plain backward pass's.");
        }), Catalogs.gradient(ID, function, "seed 14", "gradient (seed 14, λ 0.7)", ctx -> {
            Regularization impl = ctx.fresh();
            Map<String, Object> in = RegularizationProbes.backwardInputs(CaseSpec.of(14, 3, 4, 3, 5, 7));
            Matrix x = (Matrix) in.get("X");
            Matrix y = (Matrix) in.get("Y");
            Parameters p = (Parameters) in.get("parameters");
            Grads grads = impl.backwardPropagationWithRegularization(x, y, ThreeLayerNet.forward(x, p), 0.7);
            return gradientCheck(p, grads, function, moved -> impl.computeCostWithRegularization(
                    ThreeLayerNet.forward(x, moved).a3(), y, moved, 0.7),
                    "Each dW<l> needs the extra (λ/m)·W<l> of the penalty λ/(2m)·ΣW²; the biases need none.");
        }));
    }

    private static List<Check<Regularization>> forwardDropoutChecks(String function) {
        return List.of(property(function, "keep all", "keep_prob = 1 gives the plain forward pass", ctx -> {
            Map<String, Object> in = RegularizationProbes.dropoutInputs(CaseSpec.of(15, 3, 5, 4, 7, 100));
            Matrix x = (Matrix) in.get("X");
            Parameters p = (Parameters) in.get("parameters");
            DropoutCache cache = Expect.returned(ctx.fresh().forwardPropagationWithDropout(x, p, 1.0), function,
                    null);
            ThreeLayerCache plain = ThreeLayerNet.forward(x, p);
            expect("D1 with keep_prob = 1", Matrix.ones(5, 7), cache.d1(), Tolerance.EXACT);
            expect("D2 with keep_prob = 1", Matrix.ones(4, 7), cache.d2(), Tolerance.EXACT);
            expect("A3 with keep_prob = 1", plain.a3(), cache.a3(), Tolerance.STRICT);
            return new Verdict.Passed("with keep_prob = 1 nothing is dropped and the output is the plain one.");
        }), property(function, "mask statistics",
                "on layers of 40 and 30 units × 1000 examples the masks keep ≈ keep_prob and kept units are scaled",
                ctx -> {
                    Map<String, Object> in = RegularizationProbes.dropoutInputs(CaseSpec.of(16, 2, 40, 30, 1000,
                            70));
                    Matrix x = (Matrix) in.get("X");
                    DropoutCache cache = Expect.returned(ctx.fresh().forwardPropagationWithDropout(x,
                            (Parameters) in.get("parameters"), 0.7), function, null);
                    Matrix[][] layers = {{cache.d1(), cache.z1(), cache.a1()}, {cache.d2(), cache.z2(), cache.a2()}};
                    StringBuilder kept = new StringBuilder();
                    for (int l = 1; l <= 2; l++) {
                        Matrix d = Expect.returned(layers[l - 1][0], function, "D" + l);
                        expect("D" + l + " (0/1 entries)", d.greaterThan(0.5), d, Tolerance.EXACT);
                        double fraction = d.mean();
                        if (Math.abs(fraction - 0.7) > KEEP_FRACTION_BAND) {
                            throw new CheckFailure(String.format(Locale.ROOT, "With keep_prob = 0.7, D%d keeps %.1f %%"
                                    + " of the units; it should keep about 70 %%. A unit is kept where its uniform"
                                    + " draw is below keep_prob.", l, 100 * fraction));
                        }
                        expect("A" + l + " = relu(Z" + l + ") · D" + l + " / keep_prob",
                                layers[l - 1][1].relu().multiply(d).divide(0.7), layers[l - 1][2], Tolerance.STRICT);
                        kept.append(String.format(Locale.ROOT, "%sD%d keeps %.1f %%", l > 1 ? ", " : "", l,
                                100 * fraction));
                    }
                    return new Verdict.Passed(kept + "; the kept activations are divided by keep_prob.");
                }), property(function, "same masks", "every call drops the same units (seed 1 at every call)",
                ctx -> {
                    Map<String, Object> first = RegularizationProbes.dropoutInputs(CaseSpec.of(17, 2, 6, 4, 9, 80));
                    Map<String, Object> second = RegularizationProbes.dropoutInputs(CaseSpec.of(18, 2, 6, 4, 9, 80));
                    Regularization impl = ctx.fresh();
                    DropoutCache a = Expect.returned(impl.forwardPropagationWithDropout((Matrix) first.get("X"),
                            (Parameters) first.get("parameters"), 0.8), function, null);
                    DropoutCache b = Expect.returned(impl.forwardPropagationWithDropout((Matrix) second.get("X"),
                            (Parameters) second.get("parameters"), 0.8), function, null);
                    expect("D1 of a second call", a.d1(), b.d1(), Tolerance.EXACT);
                    expect("D2 of a second call", a.d2(), b.d2(), Tolerance.EXACT);
                    return new Verdict.Passed("the generator is seeded at every call, so the masks repeat.");
                }));
    }

    private static List<Check<Regularization>> backwardDropoutChecks(String function) {
        return List.of(property(function, "nothing dropped",
                "with keep_prob = 1 and masks of ones the gradients are the plain ones", ctx -> {
                    Map<String, Object> in = RegularizationProbes.backwardInputs(CaseSpec.of(19, 3, 5, 4, 6, 0));
                    Matrix x = (Matrix) in.get("X");
                    Matrix y = (Matrix) in.get("Y");
                    ThreeLayerCache c = ThreeLayerNet.forward(x, (Parameters) in.get("parameters"));
                    DropoutCache all = new DropoutCache(c.z1(), Matrix.ones(5, 6), c.a1(), c.w1(), c.b1(), c.z2(),
                            Matrix.ones(4, 6), c.a2(), c.w2(), c.b2(), c.z3(), c.a3(), c.w3(), c.b3());
                    Map<String, Object> got = NetOutputs.entries(ctx.fresh().backwardPropagationWithDropout(x, y,
                            all, 1.0), NetOutputs.GRADIENT_KEYS, function, false);
                    Map<String, Object> plain = NetOutputs.entries(ThreeLayerNet.backward(x, y, c),
                            NetOutputs.GRADIENT_KEYS, "backward_propagation", false);
                    for (String key : NetOutputs.GRADIENT_KEYS) {
                        expect(key + " with nothing dropped", plain.get(key), got.get(key), Tolerance.STRICT);
                    }
                    return new Verdict.Passed("with nothing dropped the gradients are the plain backward pass's.");
                }), Catalogs.gradient(ID, function, "seed 20", "gradient of the dropout network (seed 20, keep_prob"
                + " 0.8)", ctx -> {
                    Regularization impl = ctx.fresh();
                    Map<String, Object> in = RegularizationProbes.backwardInputs(CaseSpec.of(20, 2, 5, 3, 6, 0));
                    Matrix x = (Matrix) in.get("X");
                    Matrix y = (Matrix) in.get("Y");
                    Parameters p = (Parameters) in.get("parameters");
                    DropoutCache cache = Expect.returned(impl.forwardPropagationWithDropout(x, p, 0.8),
                            "forward_propagation_with_dropout", null);
                    Grads grads = impl.backwardPropagationWithDropout(x, y, cache, 0.8);
                    return gradientCheck(p, grads, function, moved -> ThreeLayerNet.meanCost(Expect.returned(
                            impl.forwardPropagationWithDropout(x, moved, 0.8), "forward_propagation_with_dropout",
                            null).a3(), y), "Your forward pass reseeds, so its masks stay fixed while the check moves"
                            + " one weight at a time; the backward pass must use exactly those masks (the cache's D1,"
                            + " D2) and the same 1/keep_prob scaling.");
                }));
    }

    /** Centred differences of {@code cost} at {@code p} against the student's dW1, db1, …, dW3, db3. */
    private static Verdict gradientCheck(Parameters p, Grads grads, String function,
                                         ToDoubleFunction<Parameters> cost, String hint) {
        Map<String, Matrix> params = new LinkedHashMap<>();
        Map<String, Matrix> analytic = new LinkedHashMap<>();
        Map<String, Object> got = NetOutputs.entries(grads, NetOutputs.GRADIENT_KEYS, function, false);
        for (String key : NetOutputs.parameterKeys(3)) {
            params.put(key, p.get(key));
            analytic.put("d" + key, (Matrix) got.get("d" + key));
        }
        return GradientCheck.check(params, moved -> cost.applyAsDouble(Parameters.of(moved)), analytic, hint);
    }

    private Check<Regularization> trainingCheck(FixtureStore fixtures, FootballRun.Setting setting) {
        FixtureFile reference = fixtures.load(ID, Visibility.PUBLIC, RegularizationProbes.TRAINING_FIXTURE)
                .orElse(null);
        String label = setting == FootballRun.Setting.L2 ? "L2, λ " + RegularizationProbes.COURSE_LAMBD
                : "dropout, keep_prob " + RegularizationProbes.COURSE_KEEP_PROB;
        TrainingRuns bands = new TrainingRuns("model with " + label, Regularization.COST_EVERY,
                RegularizationProbes.COURSE_ITERATIONS, TRAIN_BAND, TEST_BAND, FINAL_COST_BAND);
        return new Check<>(ProbeChecks.id(ID, "model", Kind.TRAINING, "football-" + setting.id()), "model",
                Kind.TRAINING, Visibility.PUBLIC, "training (football data, " + label + ", 30000 iterations)", 4,
                Duration.ofSeconds(120), ctx -> {
                    if (reference == null) {
                        return new Verdict.GraderError("the reference training run is missing from the fixtures");
                    }
                    TrainingRuns.Figures ref = TrainingRuns.Figures.of(reference.cases().get(0), setting.id() + "_");
                    FootballData data = FootballData.load();
                    FootballRun run = FootballRun.of(ctx.fresh(), data, setting);
                    ctx.addCurve(new Curve("model with " + label + " on the football data (lr 0.3)",
                            Regularization.COST_EVERY, run.figures().costs(), ref.costs()));
                    ctx.addFigure(BoundaryPlot.of("Your model with " + label, data.train().x(), data.train().y(),
                            points -> ThreeLayerNet.predict(points, run.parameters()), FIELD_VIEW).figure("The regions your"
                            + " trained model assigns to each team, over the training points. "
                            + (setting == FootballRun.Setting.L2 ? "L2 regularization keeps the boundary smooth"
                            : "Dropout keeps the boundary from fitting single points") + "; without regularization"
                            + " it bends around the noise."));
                    return bands.compare(run.figures(), ref, "the course's initial weights on the football data");
                });
    }

    static Check<Regularization> property(String function, String slug, String title,
                                          Check.Body<Regularization> body) {
        return Catalogs.property(ID, function, slug, title, body);
    }
}
