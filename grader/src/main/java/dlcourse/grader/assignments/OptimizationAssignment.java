package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.doubles;
import static dlcourse.grader.assignments.Catalogs.expect;
import static dlcourse.grader.assignments.Catalogs.num;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.OptimizationMethods;
import dlcourse.course.OptimizationMethods.AdamUpdate;
import dlcourse.course.OptimizationMethods.MiniBatch;
import dlcourse.course.OptimizationMethods.MomentumUpdate;
import dlcourse.course.OptimizationMethods.Optimizer;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Feedback;
import dlcourse.grader.check.Kind;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.FixtureFile;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Values;
import dlcourse.grader.report.Curve;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.ProbeChecks;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The grader's catalog for assignment 8, optimization methods (CURRICULUM §8). */
public final class OptimizationAssignment implements Assignment<OptimizationMethods> {

    /** Assignment id. */
    public static final String ID = "optimization";
    /** The graded class, the same in exercises and solutions. */
    public static final String IMPLEMENTATION = "dlcourse.optimization.Optimization";
    /** The training check's accuracy may fall this far (a fraction) below the reference's. */
    static final double ACCURACY_BAND = 0.01;
    /** The final cost may exceed the reference's by this fraction. */
    static final double FINAL_COST_BAND = 0.1;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Optimization methods";
    }

    @Override
    public Class<OptimizationMethods> contract() {
        return OptimizationMethods.class;
    }

    @Override
    public String implementationClassName() {
        return IMPLEMENTATION;
    }

    @Override
    public List<Mistake> mistakes() {
        return List.of(
                new Mistake("gd_learning_rate_sign", "update_parameters_with_gd",
                        "stepping uphill: W + α·dW instead of W − α·dW"),
                new Mistake("last_layer_not_updated", "update_parameters_with_gd",
                        "a loop over the layers that stops one layer early, so the last layer is never updated"),
                new Mistake("last_batch_dropped", "random_mini_batches",
                        "dropping the last, smaller mini-batch"),
                new Mistake("separate_permutations", "random_mini_batches",
                        "shuffling X and Y with two different permutations, which separates examples from their"
                                + " labels"),
                new Mistake("not_shuffled", "random_mini_batches", "cutting the batches without shuffling first"),
                new Mistake("momentum_without_1_minus_beta", "update_parameters_with_momentum",
                        "a velocity update without the (1 − β) factor: v ← β·v + grad"),
                new Mistake("momentum_steps_with_gradient", "update_parameters_with_momentum",
                        "updating the velocity but stepping along the raw gradient instead of it"),
                new Mistake("adam_without_bias_correction", "update_parameters_with_adam",
                        "leaving out the bias correction (v and s are not divided by 1 − β^t)"),
                new Mistake("adam_epsilon_outside_sqrt", "update_parameters_with_adam",
                        "the textbook placement sqrt(s_corrected) + ε; this course divides by sqrt(s_corrected + ε)"),
                new Mistake("adam_beta_without_power_t", "update_parameters_with_adam",
                        "correcting with 1 − β instead of 1 − β^t"),
                new Mistake("adam_s_corrected_with_beta1", "update_parameters_with_adam",
                        "correcting s with 1 − β1^t instead of 1 − β2^t"),
                new Mistake("update_lr_precedence", "update_lr",
                        "missing parentheses: α0 / 1 + decay_rate · epoch_num"),
                new Mistake("schedule_not_floored", "schedule_lr_decay",
                        "dividing the epoch by the interval without rounding down, so the rate decays every epoch"),
                new Mistake("schedule_ignores_interval", "schedule_lr_decay",
                        "ignoring the time interval (decaying by the epoch number itself)"),
                new Mistake("cost_averaged_over_batches", "model",
                        "dividing the epoch's summed cost by the number of mini-batches instead of by m"),
                new Mistake("cost_not_divided_by_m", "model", "recording the epoch's summed cost without dividing"
                        + " by m"),
                new Mistake("update_result_ignored", "model",
                        "calling the update but not keeping the parameters it returns (they are new objects)"));
    }

    @Override
    public List<Probe<OptimizationMethods>> probes() {
        return OptimizationProbes.all();
    }

    // ---------------------------------------------------------------- catalog

    @Override
    public List<Check<OptimizationMethods>> checks(FixtureStore fixtures, Set<Visibility> sets) {
        List<Check<OptimizationMethods>> checks = new ArrayList<>();
        for (Probe<OptimizationMethods> probe : probes()) {
            if (probe.function().equals(OptimizationProbes.TRAINING_FIXTURE)) {
                continue;
            }
            checks.addAll(ProbeChecks.of(ID, probe, fixtures, sets, mistakes()));
            checks.addAll(extraChecks(probe.function()));
        }
        checks.add(trainingCheck(fixtures));
        return checks;
    }

    private static List<Check<OptimizationMethods>> extraChecks(String function) {
        return switch (function) {
            case "update_parameters_with_gd" -> List.of(property(function, "learning rate 0",
                    "a learning rate of 0 returns equal parameters", ctx -> {
                        Parameters p = OptimizationProbes.randomParameters(new RandomState(5), List.of(3, 4, 2, 1));
                        Grads g = OptimizationProbes.randomLike(new RandomState(6), p, 1.0, false);
                        Parameters q = Expect.returned(ctx.fresh().updateParametersWithGd(p, g, 0.0), function, null);
                        for (String key : p.keys()) {
                            expect(key + " after a step with α = 0", p.get(key), q.has(key) ? q.get(key) : null,
                                    Tolerance.EXACT);
                        }
                        return new Verdict.Passed("with α = 0 every W and b stays as it was.");
                    }));
            case "random_mini_batches" -> List.of(pairing(), sizes());
            case "update_parameters_with_momentum" -> List.of(property(function, "beta 0 is gradient descent",
                    "with β = 0 momentum is plain gradient descent and v is the gradient", ctx -> {
                        Parameters p = OptimizationProbes.randomParameters(new RandomState(7), List.of(2, 3, 1));
                        Grads g = OptimizationProbes.randomLike(new RandomState(8), p, 1.0, false);
                        Grads v = OptimizationProbes.randomLike(new RandomState(9), p, 1.0, false);
                        MomentumUpdate u = Expect.returned(ctx.fresh().updateParametersWithMomentum(p, g, v, 0.0,
                                0.1), function, null);
                        for (String key : p.keys()) {
                            expect(key + " with β = 0", p.get(key).subtract(g.get("d" + key).multiply(0.1)),
                                    Expect.returned(u.parameters(), function, "parameters").get(key),
                                    Tolerance.STRICT);
                            expect("v[\"d" + key + "\"] with β = 0", g.get("d" + key),
                                    Expect.returned(u.v(), function, "v").get("d" + key), Tolerance.STRICT);
                        }
                        return new Verdict.Passed("β = 0 forgets the old velocity: the step is plain gradient"
                                + " descent.");
                    }));
            case "update_parameters_with_adam" -> List.of(adamFirstStep());
            case "update_lr" -> List.of(property(function, "epoch 0", "no decay at epoch 0, halved when"
                    + " decay_rate · epoch = 1", ctx -> {
                        OptimizationMethods impl = ctx.fresh();
                        expect("update_lr(0.3, 0, 5.0)", 0.3, impl.updateLr(0.3, 0, 5.0), Tolerance.STRICT);
                        expect("update_lr(0.3, 4, 0.25)", 0.15, impl.updateLr(0.3, 4, 0.25), Tolerance.STRICT);
                        return new Verdict.Passed("α0 at epoch 0, α0 / 2 once decay_rate · epoch reaches 1.");
                    }));
            case "schedule_lr_decay" -> List.of(property(function, "steps", "constant within an interval, one"
                    + " step down at each multiple of it", ctx -> {
                        OptimizationMethods impl = ctx.fresh();
                        for (int epoch = 0; epoch < 30; epoch++) {
                            expect("schedule_lr_decay(0.5, " + epoch + ", 1.0, 10)", 0.5 / (1 + epoch / 10),
                                    impl.scheduleLrDecay(0.5, epoch, 1.0, 10), Tolerance.STRICT);
                        }
                        return new Verdict.Passed("the rate stays put for 10 epochs, then drops to α0 / 2, α0 / 3.");
                    }));
            case "model" -> OptimizationModelChecks.all();
            default -> List.of();
        };
    }

    /** X row 0 holds the column index, row 1 its negative, Y the index again: each batch must keep them together. */
    private static Check<OptimizationMethods> pairing() {
        return property("random_mini_batches", "pairing", "every example keeps its label; none is lost or"
                + " repeated", ctx -> {
                    int m = 37;
                    double[] index = new double[m];
                    Arrays.setAll(index, j -> j);
                    Matrix x = Matrix.vstack(Matrix.row(index), Matrix.row(index).negate());
                    Matrix y = Matrix.row(index);
                    List<MiniBatch> batches = Expect.returned(ctx.fresh().randomMiniBatches(x, y, 8, 5),
                            "random_mini_batches", null);
                    boolean[] seen = new boolean[m];
                    for (int k = 0; k < batches.size(); k++) {
                        MiniBatch batch = Expect.returned(batches.get(k), "random_mini_batches", "mini-batch " + k);
                        if (batch.x().cols() != batch.y().cols() || batch.x().rows() != 2 || batch.y().rows() != 1) {
                            throw new CheckFailure("mini-batch " + k + " has X " + batch.x().shape() + " and Y "
                                    + batch.y().shape() + ": X should be (2, b) and Y (1, b) with the same b.");
                        }
                        for (int j = 0; j < batch.x().cols(); j++) {
                            double example = batch.x().get(0, j);
                            if (batch.y().get(0, j) != example || batch.x().get(1, j) != -example) {
                                throw new CheckFailure("In mini-batch " + k + ", column " + j + " holds example "
                                        + Feedback.number(example) + " of X but the label of example "
                                        + Feedback.number(batch.y().get(0, j)) + ": shuffle X and Y with the same"
                                        + " permutation.");
                            }
                            int e = (int) example;
                            if (seen[e]) {
                                throw new CheckFailure("Example " + e + " appears twice in the mini-batches.");
                            }
                            seen[e] = true;
                        }
                    }
                    for (int e = 0; e < m; e++) {
                        if (!seen[e]) {
                            throw new CheckFailure("Example " + e + " of 37 is in no mini-batch (batches of 8: is the"
                                    + " last, smaller batch missing?).");
                        }
                    }
                    return new Verdict.Passed("all 37 examples appear once, each with its own label.");
                });
    }

    private static Check<OptimizationMethods> sizes() {
        return property("random_mini_batches", "batch sizes", "148 examples give batches of 64, 64, 20; 128 give"
                + " 64, 64", ctx -> {
                    OptimizationMethods impl = ctx.fresh();
                    for (int m : new int[] {148, 128, 1}) {
                        Matrix x = new RandomState(m).randn(2, m);
                        Matrix y = Matrix.zeros(1, m);
                        List<MiniBatch> batches = Expect.returned(impl.randomMiniBatches(x, y, 64, 0),
                                "random_mini_batches", null);
                        List<Double> got = batches.stream().map(b -> (double) b.x().cols()).toList();
                        List<Double> expected = m == 148 ? List.of(64.0, 64.0, 20.0) : m == 128 ? List.of(64.0, 64.0)
                                : List.of(1.0);
                        expect("batch sizes for m = " + m, expected, got, Tolerance.EXACT);
                    }
                    return new Verdict.Passed("full batches first, then the remainder; no empty batch.");
                });
    }

    /**
     * Adam's first step from zero averages: the corrections undo the (1 − β) factors exactly, so v_corrected is the
     * gradient and s_corrected its square, and the step is α·g / sqrt(g² + ε) — with ε = 0.25 the textbook
     * placement α·g / (|g| + ε) is far from it.
     */
    private static Check<OptimizationMethods> adamFirstStep() {
        String function = "update_parameters_with_adam";
        return property(function, "bias correction and epsilon", "first step: v_corrected = grad, s_corrected ="
                + " grad², step α·grad / sqrt(grad² + ε)", ctx -> {
                    OptimizationMethods impl = ctx.fresh();
                    Parameters p = OptimizationProbes.randomParameters(new RandomState(10), List.of(3, 2, 1));
                    Grads g = OptimizationProbes.randomLike(new RandomState(11), p, 1.0, false);
                    OptimizationMethods.AdamState zero = Expect.returned(impl.initializeAdam(p), "initialize_adam",
                            null);
                    double eps = 0.25;
                    AdamUpdate u = Expect.returned(impl.updateParametersWithAdam(p, g, zero.v(), zero.s(), 1, 0.1,
                            0.9, 0.999, eps), function, null);
                    for (String key : p.keys()) {
                        Matrix grad = g.get("d" + key);
                        expect("v_corrected[\"d" + key + "\"] at t = 1", grad, Expect.returned(u.vCorrected(),
                                function, "v_corrected").get("d" + key), Tolerance.STRICT);
                        expect("s_corrected[\"d" + key + "\"] at t = 1", grad.square(), Expect.returned(
                                u.sCorrected(), function, "s_corrected").get("d" + key), Tolerance.STRICT);
                        Matrix got = Expect.returned(u.parameters(), function, "parameters").get(key);
                        Matrix textbook = p.get(key).subtract(grad.multiply(0.1).divide(grad.abs().add(eps)));
                        if (got.allClose(textbook, 1e-7, 1e-10)) {
                            throw new CheckFailure(key + " moved by α·v_corrected / (sqrt(s_corrected) + ε), the"
                                    + " textbook placement of ε; this course puts ε inside the root: α·v_corrected"
                                    + " / sqrt(s_corrected + ε).");
                        }
                        expect(key + " after the first step", p.get(key).subtract(grad.multiply(0.1)
                                .divide(grad.square().add(eps).sqrt())), got, Tolerance.STRICT);
                    }
                    return new Verdict.Passed("the bias correction undoes the zero start and ε sits inside the root.");
                });
    }

    /** The course's run: Adam on the moons for 10000 epochs must reach the reference's accuracy band. */
    private Check<OptimizationMethods> trainingCheck(FixtureStore fixtures) {
        FixtureFile reference = fixtures.load(ID, Visibility.PUBLIC, OptimizationProbes.TRAINING_FIXTURE)
                .orElse(null);
        return new Check<>(ProbeChecks.id(ID, "model", Kind.TRAINING, "moons-adam"), "model", Kind.TRAINING,
                Visibility.PUBLIC, "training (moons, Adam, 10000 epochs)", 4, Duration.ofSeconds(120), ctx -> {
                    if (reference == null) {
                        return new Verdict.GraderError("the reference training run is missing from the fixtures");
                    }
                    FixtureCase ref = reference.cases().get(0);
                    List<Double> refCosts = doubles((List<?>) Values.decode(ref.outputs().get("costs")));
                    double refAccuracy = num(Values.decode(ref.outputs().get("train_accuracy")));
                    OptimizationProbes.MoonsRun run = OptimizationProbes.MoonsRun.of(ctx.fresh(), Optimizer.ADAM);
                    ctx.addCurve(new Curve("model on the moons (Adam, lr 0.0007)", OptimizationMethods.COST_EVERY,
                            run.costs(), refCosts));
                    if (run.costs().isEmpty() || !Tolerance.NUMPY.accepts(refCosts.get(0), run.costs().get(0))) {
                        throw new CheckFailure("The cost of epoch 0 should be " + Feedback.number(refCosts.get(0))
                                + " but was " + (run.costs().isEmpty() ? "missing"
                                : Feedback.number(run.costs().get(0))) + ": check the seeds (11 for the first"
                                + " epoch) and the cost bookkeeping.");
                    }
                    for (int i = 0; i < run.costs().size(); i++) {
                        if (!Double.isFinite(run.costs().get(i))) {
                            throw new CheckFailure("The cost became " + Feedback.number(run.costs().get(i))
                                    + " at epoch " + i * OptimizationMethods.COST_EVERY + ".");
                        }
                    }
                    double refFinal = refCosts.get(refCosts.size() - 1);
                    double finalCost = run.costs().get(run.costs().size() - 1);
                    if (run.costs().size() != refCosts.size() || finalCost > refFinal * (1 + FINAL_COST_BAND)) {
                        throw new CheckFailure("After 10000 epochs the cost is " + Feedback.number(finalCost) + " ("
                                + run.costs().size() + " costs recorded); the course's run ends at "
                                + Feedback.number(refFinal) + " (" + refCosts.size() + " costs recorded).");
                    }
                    if (!(run.accuracy() >= refAccuracy - ACCURACY_BAND)) {
                        throw new CheckFailure(String.format(Locale.ROOT, "After 10000 epochs the model labels %.2f"
                                + " %% of the moons correctly; the course's run reaches %.2f %%.",
                                100 * run.accuracy(), 100 * refAccuracy));
                    }
                    return new Verdict.Passed(String.format(Locale.ROOT, "Trained to %.2f %% accuracy on the moons"
                            + " (course: %.2f %%).", 100 * run.accuracy(), 100 * refAccuracy));
                });
    }

    static Check<OptimizationMethods> property(String function, String slug, String title,
                                               Check.Body<OptimizationMethods> body) {
        return Catalogs.property(ID, function, slug, title, body);
    }

    static Check<OptimizationMethods> callPattern(String function, String slug, String title,
                                                  Check.Body<OptimizationMethods> body) {
        return Catalogs.callPattern(ID, function, slug, title, body);
    }
}
