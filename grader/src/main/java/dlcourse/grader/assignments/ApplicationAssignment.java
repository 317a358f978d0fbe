package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.expect;
import static dlcourse.grader.assignments.Catalogs.firstLine;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dlcourse.core.Matrix;
import dlcourse.course.DeepApplication;
import dlcourse.course.DeepApplication.Trained;
import dlcourse.data.DatasetNotFoundException;
import dlcourse.grader.assignments.ApplicationProbes.CatRun;
import dlcourse.grader.assignments.ApplicationProbes.Cats;
import dlcourse.grader.assignments.ApplicationProbes.Reference;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckContext;
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
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.grader.render.ImageGallery;
import dlcourse.grader.report.Curve;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.ProbeChecks;
import dlcourse.nn.Activation;
import dlcourse.nn.DeepNet;
import dlcourse.nn.Parameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.mockito.InOrder;

/** The grader's catalog for assignment 4, the deep network applied to the cat pictures (CURRICULUM §4). */
public final class ApplicationAssignment implements Assignment<DeepApplication> {

    /** Assignment id. */
    public static final String ID = "application";
    /** The graded class, the same in exercises and solutions. */
    public static final String IMPLEMENTATION = "dlcourse.application.Application";
    /** Accuracy band of the training checks below the reference (fractions). */
    static final double TRAIN_BAND = 0.02;
    static final double TEST_BAND = 0.04;
    /** The final cost may exceed the reference's by this fraction. */
    static final double FINAL_COST_BAND = 0.05;
    /** Time limit of a training check: far above the few seconds a correct model needs. */
    static final Duration TRAINING_TIMEOUT = Duration.ofSeconds(120);
    /** A cost printed with six decimals is within this of the recorded one. */
    private static final double PRINTED_COST = 1e-6;
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
            "[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    /** The most mislabelled pictures the training check shows. */
    static final int GALLERY_PICTURES = 15;
    /** Iterations of the call-pattern checks. */
    private static final int PATTERN_ITERATIONS = 3;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Deep neural network application";
    }

    @Override
    public Class<DeepApplication> contract() {
        return DeepApplication.class;
    }

    @Override
    public String implementationClassName() {
        return IMPLEMENTATION;
    }

    @Override
    public List<Probe<DeepApplication>> probes() {
        return ApplicationProbes.all();
    }

    @Override
    public List<Mistake> mistakes() {
        return List.of(
                new Mistake("two_layer_hidden_sigmoid", "two_layer_model", "using SIGMOID on the hidden layer"
                        + " instead of RELU"),
                new Mistake("two_layer_dA2_sign", "two_layer_model", "starting the backward pass from dA2 with the"
                        + " wrong sign, which climbs the cost instead of descending it"),
                new Mistake("cost_every_iteration", "two_layer_model", "recording the cost of every iteration"
                        + " instead of every 100th"),
                new Mistake("L_layer_uphill", "L_layer_model", "passing −α to updateParameters (stepping uphill)"),
                new Mistake("L_layer_parameters_not_kept", "L_layer_model", "calling updateParameters without"
                        + " keeping the parameters it returns, so the model never changes"));
    }

    @Override
    public List<Check<DeepApplication>> checks(FixtureStore fixtures, Set<Visibility> sets) {
        List<Check<DeepApplication>> checks = new ArrayList<>();
        FixtureFile training = fixtures.load(ID, Visibility.PUBLIC, ApplicationProbes.TRAINING_FIXTURE).orElse(null);
        for (Probe<DeepApplication> probe : probes()) {
            if (probe.function().equals(ApplicationProbes.TRAINING_FIXTURE)) {
                continue;
            }
            checks.addAll(ProbeChecks.of(ID, probe, fixtures, sets, mistakes()));
            boolean twoLayer = probe.function().equals("two_layer_model");
            checks.add(twoLayer ? twoLayerCallPattern() : lLayerCallPattern());
            checks.addAll(properties(probe.function()));
            checks.add(trainingCheck(probe.function(), training));
        }
        return checks;
    }

    // ---------------------------------------------------------------- call patterns

    private static Check<DeepApplication> twoLayerCallPattern() {
        return Catalogs.callPattern(ID, "two_layer_model", "steps in order",
                "initialize_parameters, then per iteration: RELU and SIGMOID layers, cost, SIGMOID and RELU"
                        + " backward steps, update", ctx -> {
                    DeepApplication subject = ApplicationProbes.withGivenSteps(ctx.fresh());
                    Map<String, Object> in = ApplicationProbes.modelInputs(ApplicationProbes.modelCase(5,
                            List.of(4, 3, 1), 6, PATTERN_ITERATIONS));
                    subject.twoLayerModel((Matrix) in.get("X"), (Matrix) in.get("Y"), new int[] {4, 3, 1}, 0.1,
                            PATTERN_ITERATIONS, false);
                    InOrder order = inOrder(subject);
                    try {
                        order.verify(subject).initializeParameters(4, 3, 1);
                        for (int i = 0; i < PATTERN_ITERATIONS; i++) {
                            order.verify(subject).linearActivationForward(any(), any(), any(), eq(Activation.RELU));
                            order.verify(subject).linearActivationForward(any(), any(), any(),
                                    eq(Activation.SIGMOID));
                            order.verify(subject).computeCost(any(), any());
                            order.verify(subject).linearActivationBackward(any(), any(), eq(Activation.SIGMOID));
                            order.verify(subject).linearActivationBackward(any(), any(), eq(Activation.RELU));
                            order.verify(subject).updateParameters(any(), any(), eq(0.1));
                        }
                        verify(subject, times(PATTERN_ITERATIONS)).updateParameters(any(), any(), anyDouble());
                    } catch (AssertionError e) {
                        throw new CheckFailure("two_layer_model must call this.initializeParameters(n_x, n_h, n_y)"
                                + " once, then in each of the " + PATTERN_ITERATIONS + " iterations"
                                + " linearActivationForward (RELU), linearActivationForward (SIGMOID), computeCost,"
                                + " linearActivationBackward (SIGMOID), linearActivationBackward (RELU) and"
                                + " updateParameters(…, α): " + firstLine(e));
                    }
                    return new Verdict.Passed("every iteration runs forward, cost, backward and update, in order.");
                });
    }

    private static Check<DeepApplication> lLayerCallPattern() {
        return Catalogs.callPattern(ID, "L_layer_model", "steps in order",
                "initialize_parameters_deep, then per iteration: L_model_forward, compute_cost, L_model_backward,"
                        + " update_parameters", ctx -> {
                    DeepApplication subject = ApplicationProbes.withGivenSteps(ctx.fresh());
                    Map<String, Object> in = ApplicationProbes.modelInputs(ApplicationProbes.modelCase(6,
                            List.of(4, 3, 2, 1), 5, PATTERN_ITERATIONS));
                    subject.lLayerModel((Matrix) in.get("X"), (Matrix) in.get("Y"), new int[] {4, 3, 2, 1}, 0.1,
                            PATTERN_ITERATIONS, false);
                    InOrder order = inOrder(subject);
                    try {
                        order.verify(subject).initializeParametersDeep(any());
                        for (int i = 0; i < PATTERN_ITERATIONS; i++) {
                            order.verify(subject).lModelForward(any(), any());
                            order.verify(subject).computeCost(any(), any());
                            order.verify(subject).lModelBackward(any(), any(), any());
                            order.verify(subject).updateParameters(any(), any(), eq(0.1));
                        }
                        verify(subject, times(PATTERN_ITERATIONS)).lModelForward(any(), any());
                    } catch (AssertionError e) {
                        throw new CheckFailure("L_layer_model must call this.initializeParametersDeep(layers_dims)"
                                + " once, then in each of the " + PATTERN_ITERATIONS + " iterations lModelForward,"
                                + " computeCost, lModelBackward and updateParameters(…, α): " + firstLine(e));
                    }
                    return new Verdict.Passed("every iteration runs forward, cost, backward and update, in order.");
                });
    }

    // ---------------------------------------------------------------- properties

    /** Calls one of the two models with the given steps standing in. */
    private static BiFunction<DeepApplication, Map<String, Object>, Trained> model(String function) {
        return (impl, in) -> {
            DeepApplication subject = ApplicationProbes.withGivenSteps(impl);
            // an int[] is passed as it is (to see whether the model changes it), a list is converted
            int[] dims = in.get("layers_dims") instanceof int[] array ? array
                    : ((List<?>) in.get("layers_dims")).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
            Matrix x = (Matrix) in.get("X");
            Matrix y = (Matrix) in.get("Y");
            double rate = (Double) in.get("learning_rate");
            int iterations = (Integer) in.get("num_iterations");
            Trained trained = function.equals("two_layer_model")
                    ? subject.twoLayerModel(x, y, dims, rate, iterations, Boolean.TRUE.equals(in.get("print")))
                    : subject.lLayerModel(x, y, dims, rate, iterations, Boolean.TRUE.equals(in.get("print")));
            return Expect.returned(trained, function, null);
        };
    }

    private static List<Check<DeepApplication>> properties(String function) {
        boolean twoLayer = function.equals("two_layer_model");
        List<Integer> dims = twoLayer ? List.of(4, 3, 1) : List.of(4, 3, 2, 1);
        return List.of(Catalogs.property(ID, function, "learning rate 0",
                "with α = 0 the parameters stay at the start and every recorded cost is the same", ctx -> {
                    Map<String, Object> in = ApplicationProbes.modelInputs(ApplicationProbes.modelCase(7, dims, 5,
                            201));
                    in.put("learning_rate", 0.0);
                    Trained trained = model(function).apply(ctx.fresh(), in);
                    int[] d = dims.stream().mapToInt(Integer::intValue).toArray();
                    Parameters start = twoLayer ? DeepNet.initializeTwoLayer(d[0], d[1], d[2])
                            : DeepNet.initializeDeep(d);
                    Parameters end = Expect.returned(trained.parameters(), function, "parameters");
                    for (String key : start.keys()) {
                        if (!end.has(key)) {
                            throw new CheckFailure(function + " returned no " + key + " (keys: " + end.keys() + ").");
                        }
                        expect(key + " after 201 iterations with α = 0", start.get(key), end.get(key),
                                Tolerance.EXACT);
                    }
                    List<Double> costs = trained.costs();
                    if (costs.size() != 3 || !costs.stream().allMatch(c -> c.equals(costs.get(0)))) {
                        throw new CheckFailure("With α = 0 and 201 iterations, three equal costs (iterations 0, 100,"
                                + " 200) should be recorded, but the costs were " + costs + ".");
                    }
                    return new Verdict.Passed("α = 0 leaves the start untouched and the cost constant.");
                }), Catalogs.property(ID, function, "printed costs and inputs",
                "prints \"Cost after iteration i\" for i = 0, 100, 200 only when asked; layers_dims unchanged", ctx -> {
                    Map<String, Object> in = ApplicationProbes.modelInputs(ApplicationProbes.modelCase(8, dims, 4,
                            201));
                    DeepApplication impl = ctx.fresh();
                    String quiet = ConsoleCapture.run(() -> model(function).apply(impl, in));
                    if (!quiet.isBlank()) {
                        throw new CheckFailure(function + " printed output although printCost was false: \""
                                + ConsoleCapture.firstLine(quiet) + "\"");
                    }
                    in.put("print", true);
                    Trained[] trained = new Trained[1];
                    String loud = ConsoleCapture.run(() -> trained[0] = model(function).apply(impl, in));
                    List<String> lines = loud.lines().filter(l -> l.contains("Cost after iteration")).toList();
                    List<String> wanted = List.of("Cost after iteration 0:", "Cost after iteration 100:",
                            "Cost after iteration 200:");
                    boolean ok = lines.size() == wanted.size();
                    for (int i = 0; ok && i < wanted.size(); i++) {
                        ok = lines.get(i).startsWith(wanted.get(i));
                    }
                    if (!ok) {
                        throw new CheckFailure("With printCost, 201 iterations should print exactly three lines"
                                + " starting \"Cost after iteration 0:\", \"…100:\", \"…200:\"; printed: " + lines);
                    }
                    java.util.regex.Matcher number = NUMBER.matcher(lines.get(1).substring(wanted.get(1).length()));
                    if (!number.find() || Math.abs(Double.parseDouble(number.group()) - trained[0].costs().get(1))
                            > PRINTED_COST) {
                        throw new CheckFailure("\"" + lines.get(1).strip() + "\" should show the cost recorded for"
                                + " iteration 100, " + Feedback.number(trained[0].costs().get(1)) + ".");
                    }
                    int[] given = dims.stream().mapToInt(Integer::intValue).toArray();
                    int[] copy = given.clone();
                    model(function).apply(impl, Map.of("X", in.get("X"), "Y", in.get("Y"), "layers_dims", given,
                            "learning_rate", 0.1, "num_iterations", 1));
                    if (!Arrays.equals(given, copy)) {
                        throw new CheckFailure(function + " changed the layers_dims array it was given from "
                                + Arrays.toString(copy) + " to " + Arrays.toString(given) + ".");
                    }
                    return new Verdict.Passed("the costs are printed when asked, and only then.");
                }));
    }

    // ---------------------------------------------------------------- training

    private Check<DeepApplication> trainingCheck(String function, FixtureFile fixture) {
        int iterations = ApplicationProbes.TRAINING_ITERATIONS;
        return new Check<>(ProbeChecks.id(ID, function, Kind.TRAINING, "cats"), function, Kind.TRAINING,
                Visibility.PUBLIC, "training (cat pictures, " + iterations + " iterations)", 4, TRAINING_TIMEOUT,
                ctx -> {
                    if (fixture == null) {
                        return new Verdict.GraderError("the reference training runs are missing from the fixtures");
                    }
                    Reference reference = Reference.of(fixture.cases().get(0), function);
                    Cats cats;
                    try {
                        cats = Cats.load();
                    } catch (DatasetNotFoundException e) {
                        return new Verdict.GraderError(e.getMessage());
                    }
                    CatRun run = function.equals("two_layer_model") ? CatRun.twoLayer(ctx.fresh(), cats)
                            : CatRun.lLayer(ctx.fresh(), cats);
                    ctx.addCurve(new Curve(function + " on the cat pictures (lr " + ApplicationProbes
                            .COURSE_LEARNING_RATE + ", " + iterations + " iterations)", DeepApplication.COST_EVERY,
                            run.costs(), reference.costs()));
                    judge(function, run, reference);
                    if (function.equals("L_layer_model")) {
                        addMislabelled(ctx, cats, run);
                    }
                    return new Verdict.Passed(String.format(Locale.ROOT,
                            "Trained to %.2f %% train / %.2f %% test accuracy after %d iterations (reference: %.2f %%"
                                    + " / %.2f %%).", 100 * run.trainAccuracy(), 100 * run.testAccuracy(), iterations,
                            100 * reference.trainAccuracy(), 100 * reference.testAccuracy()));
                });
    }

    private static void judge(String function, CatRun run, Reference reference) {
        List<Double> costs = run.costs();
        List<Double> refCosts = reference.costs();
        if (costs.isEmpty() || !Tolerance.NUMPY.accepts(refCosts.get(0), costs.get(0))) {
            throw new CheckFailure("The first recorded cost should be " + Feedback.number(refCosts.get(0))
                    + " but was " + (costs.isEmpty() ? "missing" : Feedback.number(costs.get(0)))
                    + ". Start from the given initializer and record the cost before the first update.");
        }
        for (int i = 0; i < costs.size(); i++) {
            if (!Double.isFinite(costs.get(i))) {
                throw new CheckFailure("The cost became " + Feedback.number(costs.get(i)) + " at iteration "
                        + i * DeepApplication.COST_EVERY + ": is the update stepping downhill, with α?");
            }
        }
        double refFinal = refCosts.get(refCosts.size() - 1);
        double finalCost = costs.get(costs.size() - 1);
        if (costs.size() != refCosts.size() || finalCost > refFinal * (1 + FINAL_COST_BAND)) {
            throw new CheckFailure(function + "'s last recorded cost is " + Feedback.number(finalCost) + " ("
                    + costs.size() + " costs recorded); the reference's run ends at " + Feedback.number(refFinal)
                    + " (" + refCosts.size() + " costs recorded).");
        }
        if (run.trainAccuracy() < reference.trainAccuracy() - TRAIN_BAND
                || run.testAccuracy() < reference.testAccuracy() - TEST_BAND) {
            throw new CheckFailure(String.format(Locale.ROOT, "%s reaches %.2f %% train / %.2f %% test accuracy;"
                            + " the reference's run reaches %.2f %% / %.2f %% (band: −%.0f / −%.0f points).", function,
                    100 * run.trainAccuracy(), 100 * run.testAccuracy(), 100 * reference.trainAccuracy(),
                    100 * reference.testAccuracy(), 100 * TRAIN_BAND, 100 * TEST_BAND));
        }
    }

    /** The test pictures the student's L-layer model gets wrong, as a gallery under the check. */
    private static void addMislabelled(CheckContext<DeepApplication> ctx, Cats cats, CatRun run) {
        int wrong = DeepNet.mislabelled(run.testPredictions(), cats.yTest()).length;
        ImageGallery gallery = ImageGallery.mislabelled("test pictures your L-layer model labels wrongly",
                cats.images().test().x(), run.testPredictions(), cats.yTest(), cats.images().classes(),
                GALLERY_PICTURES);
        ctx.addFigure(gallery.figure(String.format(Locale.ROOT, "After %d iterations your L-layer model labels %d of"
                        + " the %d test pictures wrongly%s. Fully trained (2500 iterations), the course's model still"
                        + " misses 10: look for unusual poses, backgrounds of the cat's colour, cats that fill the"
                        + " picture.", ApplicationProbes.TRAINING_ITERATIONS, wrong, cats.yTest().cols(),
                wrong > gallery.size() ? " (the first " + gallery.size() + " are shown)" : "")));
    }
}
