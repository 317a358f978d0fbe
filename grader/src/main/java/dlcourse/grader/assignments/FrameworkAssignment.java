package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.expect;
import static dlcourse.grader.assignments.Catalogs.firstLine;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.ProgrammingFrameworks;
import dlcourse.course.ProgrammingFrameworks.Placeholders;
import dlcourse.data.DataDirectory;
import dlcourse.data.DatasetNotFoundException;
import dlcourse.data.SignsImages;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Feedback;
import dlcourse.grader.check.Kind;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.demo.SignsData;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.report.Curve;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.ProbeChecks;
import dlcourse.nn.Parameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mockito.InOrder;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The grader's catalog for assignment 9, programming frameworks with TensorFlow for Java (CURRICULUM §9). Value
 * probes are in {@link FrameworkProbes}; every check loads TensorFlow through {@link TensorFlowSupport} when it
 * runs, never before.
 */
public final class FrameworkAssignment implements Assignment<ProgrammingFrameworks> {

    /** Assignment id. */
    public static final String ID = "framework";
    /** The graded class, the same in exercises and solutions. */
    public static final String IMPLEMENTATION = "dlcourse.framework.Frameworks";

    /** Training check: the first this many pictures of each class of {@code test_signs.h5} (60 pictures). */
    static final int TRAINING_PER_CLASS = 10;
    /** Training check: the course's learning rate and mini-batch size, for this many epochs. */
    static final int TRAINING_EPOCHS = 100;
    static final double TRAINING_LEARNING_RATE = 0.0001;
    static final int TRAINING_MINIBATCH = 32;
    /**
     * Training check bands. The reference goes from 1.96 to 1.47 (ratio 0.75) and classifies 53 % of its 60 training
     * pictures; chance is 1/6.
     */
    static final double TRAINING_COST_RATIO = 0.85;
    static final double TRAINING_MIN_ACCURACY = 0.35;

    /** Glorot's truncated normal is cut at two of its raw standard deviations (rescaled by this constant). */
    static final double TRUNCATED_NORMAL_STDDEV = 0.87962566103423978;

    /** A number as printed. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Programming frameworks (TensorFlow)";
    }

    @Override
    public Class<ProgrammingFrameworks> contract() {
        return ProgrammingFrameworks.class;
    }

    @Override
    public String implementationClassName() {
        return IMPLEMENTATION;
    }

    /** TensorFlow's Java API and the course's bridge to it ({@code dlcourse.tf.TfMatrices}). */
    @Override
    public List<String> extraAllowedPackages() {
        return List.of("org/tensorflow/", "dlcourse/tf/");
    }

    @Override
    public List<Mistake> mistakes() {
        return List.of(
                new Mistake("w_drawn_first", "linear_function", "drawing W before X (the order is X, then W, then b)"),
                new Mistake("sigmoid_twice", "cost", "passing σ(z) as the logits: the loss applies the sigmoid"
                        + " itself, so it is applied twice"),
                new Mistake("labels_logits_swapped", "cost", "swapping the arguments of the loss: it takes the"
                        + " labels first, then the logits"),
                new Mistake("one_hot_wrong_axis", "one_hot_matrix", "leaving the class axis last (TensorFlow's"
                        + " default), which gives (m, C) instead of (C, m)"),
                new Mistake("examples_first", "create_placeholders", "shaping the placeholders (unknown, n) instead"
                        + " of (n, unknown): one example per column"),
                new Mistake("relu_on_z3", "forward_propagation", "applying ReLU to Z3 as well: the forward pass stops"
                        + " at the last linear unit"),
                new Mistake("sum_instead_of_mean", "compute_cost", "adding up the per-example losses instead of"
                        + " averaging them"),
                new Mistake("softmax_over_examples", "compute_cost", "skipping the transposes, so that the softmax"
                        + " runs across the examples instead of across the classes"));
    }

    @Override
    public List<Probe<ProgrammingFrameworks>> probes() {
        return FrameworkProbes.all();
    }

    // ---------------------------------------------------------------- catalog

    @Override
    public List<Check<ProgrammingFrameworks>> checks(FixtureStore fixtures, Set<Visibility> sets) {
        List<Check<ProgrammingFrameworks>> checks = new ArrayList<>();
        for (Probe<ProgrammingFrameworks> probe : probes()) {
            checks.addAll(ProbeChecks.of(ID, probe, fixtures, sets, mistakes()));
            checks.addAll(extraChecks(probe.function()));
        }
        checks.addAll(modelChecks());
        checks.add(trainingCheck());
        return TensorFlowSupport.guarded(checks);
    }

    private List<Check<ProgrammingFrameworks>> extraChecks(String function) {
        return switch (function) {
            case "linear_function" -> List.of(noLeaks(function, impl -> impl.linearFunction(new RandomState(5))));
            case "sigmoid" -> List.of(noLeaks(function, impl -> impl.sigmoid(0.5)));
            case "cost" -> List.of(noLeaks(function, impl -> impl.cost(Matrix.row(0.5, -1.0), Matrix.row(1, 0))));
            case "one_hot_matrix" -> List.of(noLeaks(function, impl -> impl.oneHotMatrix(Matrix.row(0, 2, 1), 3)));
            case "ones" -> List.of(noLeaks(function, impl -> impl.ones(2, 2)));
            case "create_placeholders" -> List.of(placeholderNames());
            case "initialize_parameters" -> List.of(glorotStatistics());
            case "compute_cost" -> List.of(uniformLogits());
            default -> List.of();
        };
    }

    private static Check<ProgrammingFrameworks> noLeaks(String function, LeakCall call) {
        return property(function, "closes what it opens", "closes every session, tensor and result it opens",
                ctx -> {
                    ProgrammingFrameworks impl = ctx.fresh();
                    return TensorFlowSupport.noLeaks(function, () -> call.run(impl));
                });
    }

    /** One call of a function under the leak count. */
    @FunctionalInterface
    private interface LeakCall {
        void run(ProgrammingFrameworks impl) throws Exception;
    }

    private static Check<ProgrammingFrameworks> placeholderNames() {
        return property("create_placeholders", "names", "two placeholders named X and Y", ctx -> {
            try (Graph graph = new Graph()) {
                Placeholders p = Expect.returned(ctx.fresh().createPlaceholders(Ops.create(graph), 4, 2),
                        "create_placeholders", null);
                for (var entry : Map.of("X", p.x(), "Y", p.y()).entrySet()) {
                    var op = Expect.returned(entry.getValue(), "create_placeholders", entry.getKey()).op();
                    if (!op.type().equals("Placeholder") || !op.name().equals(entry.getKey())) {
                        throw new CheckFailure("The " + entry.getKey() + " input should be a Placeholder operation"
                                + " named \"" + entry.getKey() + "\" but is a " + op.type() + " named \"" + op.name()
                                + "\": use tf.withName(\"" + entry.getKey() + "\").placeholder(…).");
                    }
                }
            }
            return new Verdict.Passed("X and Y are placeholders named as in the course.");
        });
    }

    /**
     * Glorot weights without expected values: centred on 0, spread √(2 / (fan_in + fan_out)), and bounded by the
     * truncated normal's cut (the uniform variant's bound √(6 / (fan_in + fan_out)) is inside it), seeded.
     */
    private static Check<ProgrammingFrameworks> glorotStatistics() {
        return property("initialize_parameters", "glorot statistics",
                "weights centred on 0 with Glorot's spread and range, the same in every graph", ctx -> {
                    ProgrammingFrameworks impl = ctx.fresh();
                    Parameters first = initialValues(impl);
                    Parameters second = initialValues(impl);
                    for (int l = 1; l <= 3; l++) {
                        Matrix w = first.weights(l);
                        String name = "W" + l;
                        double n = w.size();
                        double sigma = Math.sqrt(2.0 / (w.rows() + w.cols()));
                        double mean = w.mean();
                        double std = Math.sqrt(w.subtract(mean).square().mean());
                        double bound = 2 * sigma / TRUNCATED_NORMAL_STDDEV;
                        if (Math.abs(mean) > 4 * sigma / Math.sqrt(n)) {
                            throw new CheckFailure(String.format(Locale.ROOT, "%s's entries average %s but Glorot"
                                    + " weights are centred on 0 (|mean| ≤ %s expected for %d entries).%s", name,
                                    Feedback.number(mean), Feedback.number(4 * sigma / Math.sqrt(n)), (long) n,
                                    w.min() >= 0 ? " Every weight is positive: TensorFlow Java 1.1.0's Glorot with"
                                            + " Distribution.UNIFORM draws from [0, limit) only; use"
                                            + " Distribution.TRUNCATED_NORMAL." : ""));
                        }
                        if (Math.abs(std / sigma - 1) > 4 / Math.sqrt(2 * n) + 0.01) {
                            throw new CheckFailure(String.format(Locale.ROOT, "%s's entries spread with standard"
                                    + " deviation %s, but Glorot's is √(2 / (fan_in + fan_out)) = %s for shape %s.",
                                    name, Feedback.number(std), Feedback.number(sigma), w.shape()));
                        }
                        double largest = Math.max(w.max(), -w.min());
                        if (largest > bound * (1 + 1e-6)) {
                            throw new CheckFailure(String.format(Locale.ROOT, "%s has an entry of size %s, beyond"
                                    + " Glorot's range ±%s (the truncated normal is cut at two standard deviations).",
                                    name, Feedback.number(largest), Feedback.number(bound)));
                        }
                        expect(name + " in a second graph", w, second.weights(l), Tolerance.EXACT);
                    }
                    return new Verdict.Passed("W1, W2 and W3 are centred, spread and bounded as Glorot's"
                            + " initialiser makes them, and seeded.");
                });
    }

    /** The initial values of the student's variables, read in a fresh graph. */
    private static Parameters initialValues(ProgrammingFrameworks impl) {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Map<String, Variable<TFloat32>> params = Expect.returned(impl.initializeParameters(Ops.create(graph)),
                    "initialize_parameters", null);
            TensorFlowSupport.initialize("initialize_parameters", session);
            Parameters.Builder values = Parameters.builder();
            for (String key : FrameworkProbes.KEYS) {
                values.put(key, TensorFlowSupport.fetch("initialize_parameters", session,
                        FrameworkProbes.parameter(params, key), Map.of()));
            }
            return values.build();
        }
    }

    /** With Z3 all zeros every class is equally likely: the cost is ln C whatever the labels and m. */
    private static Check<ProgrammingFrameworks> uniformLogits() {
        return property("compute_cost", "uniform logits", "Z3 of zeros costs ln C for any labels and m", ctx -> {
            ProgrammingFrameworks impl = ctx.fresh();
            for (int[] size : new int[][] {{4, 7}, {6, 3}}) {
                Matrix y = (Matrix) FrameworkProbes.costOfZ3Inputs(Probe.CaseSpec.of(9, size[0], size[1])).get("Y");
                double cost = FrameworkProbes.costOfZ3(impl, Matrix.zeros(size[0], size[1]), y).item();
                expect("cost with Z3 = 0, C = " + size[0] + ", m = " + size[1], Math.log(size[0]), cost,
                        Tolerance.FLOAT32);
            }
            return new Verdict.Passed("zero logits cost ln C: the softmax runs over the classes and the losses are"
                    + " averaged.");
        });
    }

    // ---------------------------------------------------------------- model

    /** Random pictures-sized data for the checks of {@code model} that need no real pictures. */
    private static SignsData.Prepared randomData(long seed, int m) {
        RandomState random = new RandomState(seed);
        Matrix x = random.rand(ProgrammingFrameworks.N_X, m);
        double[] labels = new double[m];
        for (int i = 0; i < m; i++) {
            labels[i] = i % SignsData.CLASSES;
        }
        return new SignsData.Prepared(x, SignsData.oneHot(Matrix.row(labels)));
    }

    private static ProgrammingFrameworks.Model train(ProgrammingFrameworks impl, SignsData.Prepared data,
                                                     int epochs, boolean printCost) {
        return Expect.returned(impl.model(data.x(), data.y(), data.x(), data.y(), 0.0001, epochs, 4, printCost),
                "model", null);
    }

    private List<Check<ProgrammingFrameworks>> modelChecks() {
        SignsData.Prepared data = randomData(21, 6);
        return List.of(
                Catalogs.callPattern(ID, "model", "graph built once", "builds the graph once: create_placeholders,"
                        + " initialize_parameters, forward_propagation, compute_cost, each called once", ctx -> {
                            ProgrammingFrameworks subject = spy(ctx.fresh());
                            train(subject, data, 2, false);
                            InOrder order = inOrder(subject);
                            try {
                                order.verify(subject).createPlaceholders(any(), eq(ProgrammingFrameworks.N_X),
                                        eq(SignsData.CLASSES));
                                order.verify(subject).initializeParameters(any());
                                order.verify(subject).forwardPropagation(any(), any(), any());
                                order.verify(subject).computeCost(any(), any(), any());
                                verify(subject, times(1)).createPlaceholders(any(), eq(ProgrammingFrameworks.N_X),
                                        eq(SignsData.CLASSES));
                                verify(subject, times(1)).initializeParameters(any());
                                verify(subject, times(1)).forwardPropagation(any(), any(), any());
                                verify(subject, times(1)).computeCost(any(), any(), any());
                            } catch (AssertionError e) {
                                throw new CheckFailure("model must build its graph once, before training: call"
                                        + " this.createPlaceholders(tf, n_x, n_y), this.initializeParameters,"
                                        + " this.forwardPropagation and this.computeCost once each, in this order"
                                        + " (2 epochs of 2 mini-batches were run): " + firstLine(e));
                            }
                            return new Verdict.Passed("model builds the graph once from its four helpers.");
                        }),
                property("model", "results", "11 epochs record 3 costs; parameters of the network's shapes", ctx -> {
                    ProgrammingFrameworks.Model model = train(ctx.fresh(), data, 11, false);
                    List<Double> costs = Expect.returned(model.costs(), "model", "costs");
                    if (costs.size() != 3 || costs.stream().anyMatch(c -> !Double.isFinite(c))) {
                        throw new CheckFailure("After 11 epochs model should have recorded the finite costs of"
                                + " epochs 0, 5 and 10 but recorded " + costs + ".");
                    }
                    int[][] shapes = {{25, 12288}, {25, 1}, {12, 25}, {12, 1}, {6, 12}, {6, 1}};
                    for (int k = 0; k < shapes.length; k++) {
                        String key = FrameworkProbes.KEYS.get(k);
                        Matrix value = FrameworkProbes.parameter(model.parameters().asMap(), key);
                        expect(key + " returned by model", Matrix.zeros(shapes[k][0], shapes[k][1]).shape(),
                                value.shape(), Tolerance.EXACT);
                    }
                    for (double accuracy : List.of(model.trainAccuracy(), model.testAccuracy())) {
                        if (!(accuracy >= 0 && accuracy <= 1)) {
                            throw new CheckFailure("model's accuracies must be fractions between 0 and 1 but one"
                                    + " is " + accuracy + ".");
                        }
                    }
                    return new Verdict.Passed("model records a cost every 5 epochs and returns the learned"
                            + " parameters.");
                }),
                property("model", "printed output", "prints costs and accuracies only when asked", ctx -> {
                    ProgrammingFrameworks impl = ctx.fresh();
                    SignsData.Prepared oneBatch = randomData(23, 4);
                    ProgrammingFrameworks.Model[] result = new ProgrammingFrameworks.Model[1];
                    String loud = ConsoleCapture.run(() -> result[0] = train(impl, oneBatch, 101, true));
                    String quiet = ConsoleCapture.run(() -> train(impl, data, 2, false));
                    if (!quiet.isBlank()) {
                        throw new CheckFailure("model printed output although printCost was false: \""
                                + ConsoleCapture.firstLine(quiet) + "\"");
                    }
                    List<String> costLines = loud.lines().filter(l -> l.contains("Cost after epoch")).toList();
                    if (costLines.size() != 2 || !costLines.get(0).startsWith("Cost after epoch 0:")
                            || !costLines.get(1).startsWith("Cost after epoch 100:")) {
                        throw new CheckFailure("With printCost, 101 epochs should print two lines, starting \"Cost"
                                + " after epoch 0:\" and \"Cost after epoch 100:\"; printed: " + costLines);
                    }
                    expectFractionAfter(loud, "Train Accuracy", result[0].trainAccuracy());
                    expectFractionAfter(loud, "Test Accuracy", result[0].testAccuracy());
                    return new Verdict.Passed("model prints the cost every 100 epochs and both accuracies when"
                            + " asked, nothing otherwise.");
                }),
                property("model", "learning rate 0", "with learning rate 0 every epoch costs what the start costs",
                        ctx -> {
                            ProgrammingFrameworks impl = ctx.fresh();
                            SignsData.Prepared twoBatches = randomData(22, 6);
                            ProgrammingFrameworks.Model model = Expect.returned(impl.model(twoBatches.x(),
                                    twoBatches.y(), twoBatches.x(), twoBatches.y(), 0.0, 6, 3, false), "model", null);
                            double start = initialCost(impl, twoBatches);
                            List<Double> costs = Expect.returned(model.costs(), "model", "costs");
                            expect("costs with learning rate 0 (2 mini-batches of 3 per epoch)", List.of(start, start),
                                    costs, Tolerance.FLOAT32);
                            return new Verdict.Passed("an epoch's cost is the mean of its mini-batch costs, and"
                                    + " nothing moves at learning rate 0.");
                        }),
                property("model", "closes what it opens", "closes every session, tensor and result it opens",
                        ctx -> {
                            ProgrammingFrameworks impl = ctx.fresh();
                            return TensorFlowSupport.noLeaks("model", () -> train(impl, data, 2, false));
                        }));
    }

    /**
     * The cost of the whole set at the student's initial parameters, computed with the student's own helpers in a
     * graph of the grader's: what every epoch costs when nothing is learned.
     */
    private static double initialCost(ProgrammingFrameworks impl, SignsData.Prepared data) {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholders inputs = Expect.returned(impl.createPlaceholders(tf, data.x().rows(), data.y().rows()),
                    "create_placeholders", null);
            Map<String, Variable<TFloat32>> params = Expect.returned(impl.initializeParameters(tf),
                    "initialize_parameters", null);
            var cost = impl.computeCost(tf, impl.forwardPropagation(tf, inputs.x(), params), inputs.y());
            TensorFlowSupport.initialize("initialize_parameters", session);
            return TensorFlowSupport.fetch("model", session, cost, Map.of(inputs.x(), data.x(), inputs.y(),
                    data.y())).item();
        }
    }

    /** A short run of the course's settings on 60 real pictures: the cost must come down and the fit rise. */
    private Check<ProgrammingFrameworks> trainingCheck() {
        return new Check<>(ProbeChecks.id(ID, "model", Kind.TRAINING, "signs"), "model", Kind.TRAINING,
                Visibility.PUBLIC, "training (60 SIGNS pictures, " + TRAINING_EPOCHS + " epochs)", 4,
                Duration.ofSeconds(120), ctx -> {
                    SignsData.Split split;
                    try {
                        split = SignsData.split(SignsImages.load(DataDirectory.standard()).test(),
                                TRAINING_PER_CLASS);
                    } catch (DatasetNotFoundException e) {
                        return new Verdict.GraderError(e.getMessage());
                    }
                    SignsData.Prepared train = SignsData.prepare(split.train());
                    SignsData.Prepared test = SignsData.prepare(split.test());
                    ProgrammingFrameworks.Model model = Expect.returned(ctx.fresh().model(train.x(), train.y(),
                            test.x(), test.y(), TRAINING_LEARNING_RATE, TRAINING_EPOCHS, TRAINING_MINIBATCH, false),
                            "model", null);
                    List<Double> costs = Expect.returned(model.costs(), "model", "costs");
                    ctx.addCurve(new Curve("model on 60 SIGNS pictures (lr 0.0001, epochs)",
                            ProgrammingFrameworks.COST_EVERY, costs, List.of()));
                    int expected = (TRAINING_EPOCHS + ProgrammingFrameworks.COST_EVERY - 1)
                            / ProgrammingFrameworks.COST_EVERY;
                    if (costs.size() != expected) {
                        throw new CheckFailure("After " + TRAINING_EPOCHS + " epochs model should have recorded "
                                + expected + " costs (every 5 epochs) but recorded " + costs.size() + ".");
                    }
                    for (int i = 0; i < costs.size(); i++) {
                        if (!Double.isFinite(costs.get(i))) {
                            throw new CheckFailure("The cost became " + Feedback.number(costs.get(i)) + " at epoch "
                                    + i * ProgrammingFrameworks.COST_EVERY + ".");
                        }
                    }
                    double first = costs.get(0);
                    double last = costs.get(costs.size() - 1);
                    if (last > TRAINING_COST_RATIO * first || model.trainAccuracy() < TRAINING_MIN_ACCURACY) {
                        throw new CheckFailure(String.format(Locale.ROOT, "After %d epochs the cost went from %s to"
                                        + " %s and the model classifies %.1f %% of its 60 training pictures; expected a"
                                        + " cost below %.0f %% of the first and at least %.0f %% (chance: 16.7 %%).",
                                TRAINING_EPOCHS, Feedback.number(first), Feedback.number(last),
                                100 * model.trainAccuracy(), 100 * TRAINING_COST_RATIO, 100 * TRAINING_MIN_ACCURACY));
                    }
                    return new Verdict.Passed(String.format(Locale.ROOT, "The cost went from %s to %s; %.1f %% of"
                                    + " the training pictures and %.1f %% of 60 unseen ones are classified right.",
                            Feedback.number(first), Feedback.number(last), 100 * model.trainAccuracy(),
                            100 * model.testAccuracy()));
                });
    }

    // ---------------------------------------------------------------- helpers

    /** Fails unless the first line mentioning {@code label} shows {@code expected} (a fraction, to 1e-6). */
    static void expectFractionAfter(String printed, String label, double expected) {
        String line = printed.lines().filter(l -> l.contains(label)).findFirst().orElseThrow(() ->
                new CheckFailure("Nothing printed mentions \"" + label + "\"; with printCost the course prints it (\""
                        + label + ": " + expected + "\")."));
        Matcher number = NUMBER.matcher(line.substring(line.indexOf(label) + label.length()));
        if (!number.find() || Math.abs(Double.parseDouble(number.group()) - expected) > 1e-6) {
            throw new CheckFailure("The line \"" + line.strip() + "\" should show " + expected + ", the accuracy model"
                    + " returned (a fraction, as the course prints it).");
        }
    }

    private static Check<ProgrammingFrameworks> property(String function, String slug, String title,
                                                         Check.Body<ProgrammingFrameworks> body) {
        return Catalogs.property(ID, function, slug, title, body);
    }
}
