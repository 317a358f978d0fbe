package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.expect;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.spy;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.OptimizationMethods;
import dlcourse.course.OptimizationMethods.Decay;
import dlcourse.course.OptimizationMethods.Hyperparameters;
import dlcourse.course.OptimizationMethods.Optimizer;
import dlcourse.course.OptimizationMethods.Trained;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Feedback;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Verdict;
import dlcourse.nn.ThreeLayerNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockito.invocation.Invocation;

/**
 * The call-pattern and property checks of assignment 8's {@code model}: the order of its helper calls, the seeds,
 * Adam's counter, the decayed learning rates, the cost bookkeeping and the printed lines. They run the student's
 * own helpers on a tiny data set (10 examples, batches of 4).
 */
final class OptimizationModelChecks {

    private static final String MODEL = "model";
    private static final int[] LAYERS = {2, 3, 2, 1};
    private static final int M = 10;
    private static final int BATCH = 4;
    private static final Pattern SIX_DECIMALS = Pattern.compile(":\\s*(-?\\d+\\.\\d+)");

    /** The course names of the helpers whose calls are followed, by Java name. */
    private static final Map<String, String> FOLLOWED = Map.of(
            "randomMiniBatches", "random_mini_batches", "forwardPropagation", "forward_propagation",
            "computeCost", "compute_cost", "backwardPropagation", "backward_propagation",
            "updateParametersWithGd", "update_parameters_with_gd",
            "updateParametersWithMomentum", "update_parameters_with_momentum",
            "updateParametersWithAdam", "update_parameters_with_adam",
            "initializeVelocity", "initialize_velocity", "initializeAdam", "initialize_adam",
            "initializeParameters", "initialize_parameters");

    private OptimizationModelChecks() {
    }

    static List<Check<OptimizationMethods>> all() {
        return List.of(epochStructure(), counters(), decay(), bookkeeping(), printed());
    }

    private static Matrix x() {
        return new RandomState(21).randn(2, M);
    }

    private static Matrix y() {
        return new RandomState(22).rand(1, M).greaterThan(0.5);
    }

    private static Hyperparameters settings(double learningRate, int epochs) {
        return Hyperparameters.COURSE.withLearningRate(learningRate).withMiniBatchSize(BATCH).withNumEpochs(epochs);
    }

    /** The followed calls of a spy, in order. */
    private static List<Invocation> calls(Object spy) {
        List<Invocation> calls = new ArrayList<>();
        for (Invocation invocation : mockingDetails(spy).getInvocations()) {
            if (FOLLOWED.containsKey(invocation.getMethod().getName())) {
                calls.add(invocation);
            }
        }
        return calls;
    }

    private static List<String> names(List<Invocation> calls) {
        return calls.stream().map(c -> FOLLOWED.get(c.getMethod().getName())).toList();
    }

    private static List<Invocation> only(List<Invocation> calls, String javaName) {
        return calls.stream().filter(c -> c.getMethod().getName().equals(javaName)).toList();
    }

    private static Check<OptimizationMethods> epochStructure() {
        return OptimizationAssignment.callPattern(MODEL, "epoch structure", "per epoch one random_mini_batches"
                + " (seeds 11, 12), then per batch forward → cost → backward → update", ctx -> {
                    OptimizationMethods subject = spy(ctx.fresh());
                    subject.model(x(), y(), LAYERS.clone(), Optimizer.GD, settings(0.1, 2), false);
                    List<Invocation> calls = calls(subject);
                    List<String> expected = new ArrayList<>(List.of("initialize_parameters"));
                    for (int epoch = 0; epoch < 2; epoch++) {
                        expected.add("random_mini_batches");
                        for (int b = 0; b < 3; b++) {
                            expected.addAll(List.of("forward_propagation", "compute_cost", "backward_propagation",
                                    "update_parameters_with_gd"));
                        }
                    }
                    List<String> got = names(calls);
                    if (!got.equals(expected)) {
                        throw new CheckFailure("With gd, 2 epochs and 10 examples in batches of 4, model should call "
                                + "this.initializeParameters once, then per epoch this.randomMiniBatches once and per"
                                + " batch (3 of them) forwardPropagation → computeCost → backwardPropagation →"
                                + " updateParametersWithGd. The calls were: " + shorten(got));
                    }
                    List<Object> seeds = only(calls, "randomMiniBatches").stream().map(c -> c.getArgument(3)).toList();
                    if (!seeds.equals(List.of(11L, 12L))) {
                        throw new CheckFailure("randomMiniBatches should get the seeds 11 and 12 (the seed starts at"
                                + " 10 and grows by 1 before each epoch) but got " + seeds + ".");
                    }
                    Object size = only(calls, "randomMiniBatches").get(0).getArgument(2);
                    if (!Integer.valueOf(BATCH).equals(size)) {
                        throw new CheckFailure("randomMiniBatches should get the mini-batch size 4 but got " + size
                                + ".");
                    }
                    return new Verdict.Passed("model shuffles once per epoch with seeds 11, 12 and runs forward,"
                            + " cost, backward, update on every batch.");
                });
    }

    private static Check<OptimizationMethods> counters() {
        return OptimizationAssignment.callPattern(MODEL, "optimizer state", "each optimizer initialises its own"
                + " state once; Adam's t counts 1, 2, … across epochs", ctx -> {
                    for (Optimizer optimizer : Optimizer.values()) {
                        OptimizationMethods subject = spy(ctx.fresh());
                        subject.model(x(), y(), LAYERS.clone(), optimizer, settings(0.01, 2), false);
                        List<Invocation> calls = calls(subject);
                        int velocity = only(calls, "initializeVelocity").size();
                        int adam = only(calls, "initializeAdam").size();
                        int wantVelocity = optimizer == Optimizer.MOMENTUM ? 1 : 0;
                        int wantAdam = optimizer == Optimizer.ADAM ? 1 : 0;
                        if (velocity != wantVelocity || adam != wantAdam) {
                            throw new CheckFailure("With " + optimizer.courseName() + ", model should call"
                                    + " initializeVelocity " + wantVelocity + " and initializeAdam " + wantAdam
                                    + " time(s), but called them " + velocity + " and " + adam + " time(s).");
                        }
                        String update = switch (optimizer) {
                            case GD -> "updateParametersWithGd";
                            case MOMENTUM -> "updateParametersWithMomentum";
                            case ADAM -> "updateParametersWithAdam";
                        };
                        int updates = only(calls, update).size();
                        int others = (int) calls.stream().filter(c -> c.getMethod().getName().startsWith("update")
                                && !c.getMethod().getName().equals(update)).count();
                        if (updates != 6 || others != 0) {
                            throw new CheckFailure("With " + optimizer.courseName() + ", 2 epochs of 3 batches should"
                                    + " call " + update + " 6 times and no other update; it was called " + updates
                                    + " times, the others " + others + " times.");
                        }
                        if (optimizer == Optimizer.ADAM) {
                            List<Object> ts = only(calls, update).stream().map(c -> c.getArgument(4)).toList();
                            if (!ts.equals(List.of(1, 2, 3, 4, 5, 6))) {
                                throw new CheckFailure("Adam's t should count the updates from 1: [1, 2, 3, 4, 5, 6]"
                                        + " over 2 epochs of 3 batches, but was " + ts + ".");
                            }
                        }
                    }
                    return new Verdict.Passed("gd, momentum and Adam each start from their own state; t counts"
                            + " every Adam update.");
                });
    }

    private static Check<OptimizationMethods> decay() {
        return OptimizationAssignment.callPattern(MODEL, "learning-rate decay", "after epoch i the rate becomes"
                + " decay(α0, i, decay_rate); no decay keeps α0", ctx -> {
                    for (Decay decay : Decay.values()) {
                        OptimizationMethods subject = spy(ctx.fresh());
                        Hyperparameters settings = settings(0.2, 5).withMiniBatchSize(M).withDecay(decay)
                                .withDecayRate(0.5, 2);
                        subject.model(x(), y(), LAYERS.clone(), Optimizer.GD, settings, false);
                        List<Invocation> calls = mockingDetails(subject).getInvocations().stream()
                                .map(Invocation.class::cast).toList();
                        List<Object> rates = only(calls, "updateParametersWithGd").stream().map(c -> c.getArgument(2))
                                .toList();
                        OptimizationMethods own = ctx.fresh();
                        List<Object> expected = new ArrayList<>(List.of(0.2));
                        for (int epoch = 0; epoch < 4; epoch++) {
                            expected.add(switch (decay) {
                                case NONE -> 0.2;
                                case UPDATE_LR -> own.updateLr(0.2, epoch, 0.5);
                                case SCHEDULE_LR_DECAY -> own.scheduleLrDecay(0.2, epoch, 0.5, 2);
                            });
                        }
                        if (!rates.equals(expected)) {
                            throw new CheckFailure("With decay " + decay.name().toLowerCase(java.util.Locale.ROOT)
                                    + " (α0 = 0.2, decay_rate 0.5, interval 2, one batch per epoch), the 5 updates"
                                    + " should use the learning rates " + expected + " (after epoch i: decay(α0, i,"
                                    + " decay_rate), always from α0) but used " + rates + ".");
                        }
                    }
                    return new Verdict.Passed("the learning rate follows update_lr / schedule_lr_decay from α0, and"
                            + " stays at α0 without decay.");
                });
    }

    /** With α = 0 nothing moves, so every recorded cost is the cost of the initial parameters over all m examples. */
    private static Check<OptimizationMethods> bookkeeping() {
        return OptimizationAssignment.property(MODEL, "cost bookkeeping", "with α = 0, 201 epochs record 3 equal"
                + " costs: the summed cost over all batches divided by m", ctx -> {
                    Matrix x = x();
                    Matrix y = y();
                    Trained trained = Expect.returned(ctx.fresh().model(x, y, LAYERS.clone(), Optimizer.GD,
                            settings(0.0, 201), false), MODEL, null);
                    double cost = ThreeLayerNet.summedCost(ThreeLayerNet.forward(x, ThreeLayerNet.initializeHe(
                            LAYERS)).a3(), y) / M;
                    expect("costs (α = 0, 201 epochs)", List.of(cost, cost, cost), trained.costs(), Tolerance.STRICT);
                    return new Verdict.Passed("costs are recorded at epochs 0, 100, 200 as the epoch's total over m.");
                });
    }

    private static Check<OptimizationMethods> printed() {
        return OptimizationAssignment.property(MODEL, "printed costs", "prints the cost (and, with a decay, the rate)"
                + " every 1000 epochs, only when asked", ctx -> {
                    OptimizationMethods impl = ctx.fresh();
                    Hyperparameters settings = settings(0.05, 1001).withDecay(Decay.SCHEDULE_LR_DECAY)
                            .withDecayRate(1.0, 1000);
                    Trained[] result = new Trained[1];
                    String loud = ConsoleCapture.run(() -> result[0] = impl.model(x(), y(), LAYERS.clone(),
                            Optimizer.GD, settings, true));
                    String quiet = ConsoleCapture.run(() -> impl.model(x(), y(), LAYERS.clone(), Optimizer.GD,
                            settings.withNumEpochs(2), false));
                    String constant = ConsoleCapture.run(() -> impl.model(x(), y(), LAYERS.clone(), Optimizer.GD,
                            settings.withDecay(Decay.NONE), true));
                    List<String> withoutDecay = constant.lines().filter(l -> !l.isBlank()).map(String::strip)
                            .map(l -> l.replaceAll(":.*", ":")).toList();
                    if (!withoutDecay.equals(List.of("Cost after epoch 0:", "Cost after epoch 1000:"))) {
                        throw new CheckFailure("Without a decay, 1001 epochs should print only the two cost lines"
                                + " (no learning-rate lines); printed: " + withoutDecay);
                    }
                    if (!quiet.isBlank()) {
                        throw new CheckFailure("model printed output although printCost was false: \""
                                + ConsoleCapture.firstLine(quiet) + "\"");
                    }
                    List<Double> costs = Expect.returned(result[0], MODEL, null).costs();
                    List<String> lines = loud.lines().filter(l -> !l.isBlank()).map(String::strip).toList();
                    List<String> starts = List.of("Cost after epoch 0:", "learning rate after epoch 0:",
                            "Cost after epoch 1000:", "learning rate after epoch 1000:");
                    boolean ok = lines.size() == starts.size() && costs.size() == 11;
                    for (int i = 0; ok && i < starts.size(); i++) {
                        ok = lines.get(i).startsWith(starts.get(i));
                    }
                    if (!ok) {
                        throw new CheckFailure("With printCost, 1001 epochs with schedule_lr_decay should print"
                                + " exactly four lines starting " + starts + " (and record 11 costs); printed: "
                                + lines + " (" + costs.size() + " costs recorded).");
                    }
                    expectPrinted(lines.get(0), costs.get(0));
                    expectPrinted(lines.get(1), 0.05);
                    expectPrinted(lines.get(2), costs.get(10));
                    expectPrinted(lines.get(3), 0.025);
                    return new Verdict.Passed("model prints the cost and the learning rate every 1000 epochs.");
                });
    }

    /** The number after the colon must be the value to six decimals. */
    private static void expectPrinted(String line, double value) {
        Matcher m = SIX_DECIMALS.matcher(line);
        if (!m.find() || Math.abs(Double.parseDouble(m.group(1)) - value) > 1e-6) {
            throw new CheckFailure("The line \"" + line + "\" should show " + String.format(java.util.Locale.ROOT,
                    "%f", value) + " (six decimals, as %f prints it); the value is " + Feedback.number(value) + ".");
        }
    }

    private static String shorten(List<String> calls) {
        return calls.size() <= 20 ? calls.toString() : calls.subList(0, 20) + " … (" + calls.size() + " calls)";
    }
}
