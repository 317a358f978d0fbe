package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.expect;
import static dlcourse.grader.assignments.Catalogs.firstLine;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dlcourse.core.Matrix;
import dlcourse.course.DeepNetwork;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.GradientCheck;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.check.Verdict;
import dlcourse.grader.check.Visibility;
import dlcourse.grader.fixture.FixtureStore;
import dlcourse.grader.fixture.Mistake;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.grader.run.Assignment;
import dlcourse.grader.run.ProbeChecks;
import dlcourse.nn.Activation;
import dlcourse.nn.ActivationCache;
import dlcourse.nn.DeepNet;
import dlcourse.nn.ForwardPass;
import dlcourse.nn.Grads;
import dlcourse.nn.LayerCache;
import dlcourse.nn.LinearCache;
import dlcourse.nn.LinearGradients;
import dlcourse.nn.Parameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mockito.InOrder;

/** The grader's catalog for assignment 3, a deep neural network step by step (CURRICULUM §3). */
public final class DeepAssignment implements Assignment<DeepNetwork> {

    /** Assignment id. */
    public static final String ID = "deep";
    /** The graded class, the same in exercises and solutions. */
    public static final String IMPLEMENTATION = "dlcourse.deep.Deep";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Deep neural network, step by step";
    }

    @Override
    public Class<DeepNetwork> contract() {
        return DeepNetwork.class;
    }

    @Override
    public String implementationClassName() {
        return IMPLEMENTATION;
    }

    @Override
    public List<Probe<DeepNetwork>> probes() {
        return DeepProbes.all();
    }

    @Override
    public List<Mistake> mistakes() {
        return List.of(
                new Mistake("two_layer_unscaled", "initialize_parameters", "leaving out the · 0.01 that keeps the"
                        + " starting weights small"),
                new Mistake("deep_unscaled", "initialize_parameters_deep", "leaving out the · 0.01 that keeps the"
                        + " starting weights small"),
                new Mistake("deep_reseeded_per_layer", "initialize_parameters_deep", "seeding a new RandomState(3)"
                        + " for every layer instead of once before the loop"),
                new Mistake("w_transposed", "linear_forward", "multiplying by Wᵀ instead of W (Wᵀ·A_prev + b)"),
                new Mistake("always_relu", "linear_activation_forward", "applying ReLU whatever activation is"
                        + " asked for"),
                new Mistake("hidden_sigmoid", "L_model_forward", "using the sigmoid on the hidden layers too"
                        + " instead of ReLU"),
                new Mistake("forward_loop_one_short", "L_model_forward", "a ReLU loop that stops one layer early"
                        + " (L−2 hidden layers instead of L−1)"),
                new Mistake("caches_reversed", "L_model_forward", "returning the caches in reverse order (the"
                        + " output layer's first)"),
                new Mistake("cost_not_averaged", "compute_cost", "summing the losses without dividing by m"),
                new Mistake("cost_sign", "compute_cost", "leaving out the minus sign in front of the sum"),
                new Mistake("db_row", "linear_backward", "summing dZ without keepDims, which makes db a (1, n[l])"
                        + " row"),
                new Mistake("dw_not_averaged", "linear_backward", "leaving out the 1/m in dW"),
                new Mistake("da_prev_averaged", "linear_backward", "dividing dA_prev by m as well (only dW and db"
                        + " are averaged)"),
                new Mistake("relu_slope_at_zero", "linear_activation_backward", "taking ReLU's slope at Z = 0 as 1"
                        + " (Z ≥ 0 instead of Z > 0)"),
                new Mistake("backward_activation_swapped", "linear_activation_backward", "using sigmoid's"
                        + " backward step for ReLU and ReLU's for sigmoid"),
                new Mistake("dA_keys_shifted", "L_model_backward", "storing layer l's dA_prev under \"dA\" + l"
                        + " instead of \"dA\" + (l − 1)"),
                new Mistake("backward_loop_skips_layer_1", "L_model_backward", "a backward loop that stops before"
                        + " layer 1 (no dW1, db1, dA0)"),
                new Mistake("dAL_sign", "L_model_backward", "starting from dA[L] with the wrong sign"
                        + " (Y/A − (1 − Y)/(1 − A) without the minus)"),
                new Mistake("update_uphill", "update_parameters", "stepping uphill: W + α·dW instead of W − α·dW"),
                new Mistake("update_skips_last_layer", "update_parameters", "a loop that updates layers 1 … L−1"
                        + " and leaves layer L as it was"));
    }

    // ---------------------------------------------------------------- catalog

    @Override
    public List<Check<DeepNetwork>> checks(FixtureStore fixtures, Set<Visibility> sets) {
        List<Check<DeepNetwork>> checks = new ArrayList<>();
        for (Probe<DeepNetwork> probe : probes()) {
            checks.addAll(ProbeChecks.of(ID, probe, fixtures, sets, mistakes()));
            checks.addAll(extraChecks(probe.function()));
        }
        return checks;
    }

    private static List<Check<DeepNetwork>> extraChecks(String function) {
        return switch (function) {
            case "initialize_parameters" -> List.of(property(function, "seeded inside",
                    "two calls return the same parameters (the generator is seeded inside)", ctx -> {
                        DeepNetwork impl = ctx.fresh();
                        Parameters first = Expect.returned(impl.initializeParameters(4, 3, 2), function, null);
                        Parameters second = Expect.returned(impl.initializeParameters(4, 3, 2), function, null);
                        expectSame("the second call's", first, second);
                        return new Verdict.Passed("every call starts from RandomState(1).");
                    }));
            case "initialize_parameters_deep" -> List.of(property(function, "seeded inside, input unchanged",
                    "two calls agree and layer_dims is left as it was", ctx -> {
                        DeepNetwork impl = ctx.fresh();
                        int[] dims = {5, 4, 3, 1};
                        Parameters first = Expect.returned(impl.initializeParametersDeep(dims), function, null);
                        if (!Arrays.equals(dims, new int[] {5, 4, 3, 1})) {
                            throw new CheckFailure("initialize_parameters_deep changed layer_dims from [5, 4, 3, 1]"
                                    + " to " + Arrays.toString(dims) + "; leave the caller's array alone.");
                        }
                        Parameters second = Expect.returned(impl.initializeParametersDeep(dims), function, null);
                        expectSame("the second call's", first, second);
                        return new Verdict.Passed("layer_dims is untouched and every call starts from"
                                + " RandomState(3).");
                    }));
            case "linear_activation_forward" -> List.of(callPattern(function, "linear_forward once",
                    "calls this.linearForward once per layer, for either activation", ctx -> {
                        DeepNetwork subject = DeepProbes.withReferenceLinearForward(ctx.fresh());
                        Map<String, Object> in = DeepProbes.linearInputs(CaseSpec.of(6, 3, 2, 4));
                        Matrix aPrev = (Matrix) in.get("A_prev");
                        Matrix w = (Matrix) in.get("W");
                        Matrix b = (Matrix) in.get("b");
                        subject.linearActivationForward(aPrev, w, b, Activation.RELU);
                        subject.linearActivationForward(aPrev, w, b, Activation.SIGMOID);
                        try {
                            verify(subject, times(2)).linearForward(eq(aPrev), eq(w), eq(b));
                        } catch (AssertionError e) {
                            throw new CheckFailure("linear_activation_forward must get Z from"
                                    + " this.linearForward(A_prev, W, b), once per call: " + firstLine(e));
                        }
                        return new Verdict.Passed("each layer's Z comes from one call of linearForward.");
                    }));
            case "L_model_forward" -> List.of(forwardCallPattern());
            case "compute_cost" -> List.of(property(function, "ln 2 at one half",
                    "predicting 0.5 everywhere costs ln 2, whatever the labels", ctx -> {
                        double cost = ctx.fresh().computeCost(Matrix.full(1, 4, 0.5), Matrix.row(1, 0, 0, 1));
                        expect("cost of A = [0.5, 0.5, 0.5, 0.5]", Math.log(2), cost, Tolerance.STRICT);
                        return new Verdict.Passed("J(0.5) = ln 2 ≈ 0.693147.");
                    }));
            case "linear_backward" -> List.of(linearGradientCheck());
            case "linear_activation_backward" -> List.of(layerGradientCheck(Activation.RELU),
                    layerGradientCheck(Activation.SIGMOID), callPattern(function, "linear_backward once",
                            "calls this.linearBackward once, with dZ and the linear cache", ctx -> {
                                DeepNetwork subject = spy(ctx.fresh());
                                doAnswer(inv -> DeepNet.linearBackward(inv.getArgument(0), inv.getArgument(1)))
                                        .when(subject).linearBackward(any(), any());
                                LayerCache cache = layerCache(7, 3, 2, 4);
                                Matrix dA = Matrix.ones(2, 4);
                                subject.linearActivationBackward(dA, cache, Activation.SIGMOID);
                                try {
                                    verify(subject).linearBackward(any(), eq(cache.linear()));
                                } catch (AssertionError e) {
                                    throw new CheckFailure("linear_activation_backward must finish with"
                                            + " this.linearBackward(dZ, cache.linear()), once: " + firstLine(e));
                                }
                                return new Verdict.Passed("the linear part of the layer is undone by linearBackward.");
                            }), property(function, "relu blocks Z <= 0",
                            "with ReLU, no gradient flows where Z ≤ 0 (including Z = 0)", ctx -> {
                                DeepNetwork subject = spy(ctx.fresh());
                                doAnswer(inv -> DeepNet.linearBackward(inv.getArgument(0), inv.getArgument(1)))
                                        .when(subject).linearBackward(any(), any());
                                Map<String, Object> in = DeepProbes.layerBackwardInputs(CaseSpec.of(8, 3, 3, 5));
                                Matrix z = (Matrix) in.get("Z");
                                Matrix dA = (Matrix) in.get("dA");
                                // with W = I, dA_prev = dZ: the ReLU mask itself
                                LayerCache cache = new LayerCache(new LinearCache((Matrix) in.get("A_prev"),
                                        Matrix.eye(3), (Matrix) in.get("b")), new ActivationCache(z));
                                LinearGradients g = Expect.returned(subject.linearActivationBackward(dA, cache,
                                        Activation.RELU), function, null);
                                expect("dA_prev with W = I (that is, dZ)", dA.multiply(z.greaterThan(0.0)),
                                        g.dAPrev(), Tolerance.EXACT);
                                return new Verdict.Passed("dZ = dA where Z > 0 and exactly 0 where Z ≤ 0.");
                            }));
            case "L_model_backward" -> List.of(modelGradientCheck(), backwardCallPattern(), property(function,
                    "caches unchanged", "the list of caches is left as it was", ctx -> {
                        Map<String, Object> in = DeepProbes.modelBackwardInputs(model(9, 4, 3, 2, 1, 3));
                        ForwardPass forward = forwardOf(in);
                        List<LayerCache> caches = new ArrayList<>(forward.caches());
                        ctx.fresh().lModelBackward(forward.al(), (Matrix) in.get("Y"), caches);
                        if (!caches.equals(forward.caches())) {
                            throw new CheckFailure("L_model_backward changed the list of caches it was given"
                                    + " (now " + caches.size() + " entries, " + forward.caches().size() + " before,"
                                    + " or in another order); read them with caches.get(l − 1) instead.");
                        }
                        return new Verdict.Passed("the caches are read, not rearranged.");
                    }));
            case "update_parameters" -> List.of(property(function, "learning rate 0",
                    "a learning rate of 0 returns the same parameters", ctx -> {
                        Map<String, Object> in = DeepProbes.modelInputs(model(10, 3, 2, 1, 2));
                        Parameters parameters = (Parameters) in.get("parameters");
                        Grads.Builder grads = Grads.builder();
                        parameters.asMap().forEach((key, value) -> grads.put("d" + key, Matrix.ones(value.rows(),
                                value.cols())));
                        Parameters updated = Expect.returned(ctx.fresh().updateParameters(parameters, grads.build(),
                                0.0), function, null);
                        expectSame("the parameters after a step with α = 0", parameters, updated);
                        return new Verdict.Passed("with α = 0 every W and b stays where it was.");
                    }));
            default -> List.of();
        };
    }

    // ---------------------------------------------------------------- call patterns

    private static Check<DeepNetwork> forwardCallPattern() {
        return callPattern("L_model_forward", "relu layers then sigmoid",
                "L−1 ReLU steps on layers 1 … L−1 in order, then one sigmoid step on layer L", ctx -> {
                    DeepNetwork subject = spy(ctx.fresh());
                    doAnswer(inv -> DeepNet.linearActivationForward(inv.getArgument(0), inv.getArgument(1),
                            inv.getArgument(2), inv.getArgument(3))).when(subject)
                            .linearActivationForward(any(), any(), any(), any());
                    Map<String, Object> in = DeepProbes.modelInputs(model(11, 4, 3, 3, 2, 1, 3));
                    Parameters parameters = (Parameters) in.get("parameters");
                    subject.lModelForward((Matrix) in.get("X"), parameters);
                    InOrder order = inOrder(subject);
                    try {
                        for (int l = 1; l <= 4; l++) {
                            order.verify(subject).linearActivationForward(any(), eq(parameters.weights(l)),
                                    eq(parameters.bias(l)), eq(l < 4 ? Activation.RELU : Activation.SIGMOID));
                        }
                        verify(subject, times(4)).linearActivationForward(any(), any(), any(), any());
                    } catch (AssertionError e) {
                        throw new CheckFailure("For 4 layers, L_model_forward must call this.linearActivationForward"
                                + " with (W1, b1, RELU), (W2, b2, RELU), (W3, b3, RELU), then (W4, b4, SIGMOID), and"
                                + " nothing else: " + firstLine(e));
                    }
                    return new Verdict.Passed("three ReLU layers in order, then the sigmoid layer.");
                });
    }

    private static Check<DeepNetwork> backwardCallPattern() {
        return callPattern("L_model_backward", "sigmoid step then relu steps",
                "one sigmoid step on the last cache, then ReLU steps on caches L−1 … 1", ctx -> {
                    DeepNetwork subject = spy(ctx.fresh());
                    // zero gradients of the right shapes: whatever cache comes in, only the calls are judged here
                    doAnswer(inv -> {
                        LinearCache linear = ((LayerCache) inv.getArgument(1)).linear();
                        return new LinearGradients(Matrix.zeros(linear.aPrev().rows(), linear.aPrev().cols()),
                                Matrix.zeros(linear.w().rows(), linear.w().cols()), Matrix.zeros(linear.b().rows(), 1));
                    }).when(subject).linearActivationBackward(any(), any(), any());
                    Map<String, Object> in = DeepProbes.modelBackwardInputs(model(12, 4, 3, 3, 2, 1, 3));
                    ForwardPass forward = forwardOf(in);
                    List<LayerCache> caches = forward.caches();
                    subject.lModelBackward(forward.al(), (Matrix) in.get("Y"), new ArrayList<>(caches));
                    InOrder order = inOrder(subject);
                    try {
                        for (int l = 4; l >= 1; l--) {
                            order.verify(subject).linearActivationBackward(any(), eq(caches.get(l - 1)),
                                    eq(l == 4 ? Activation.SIGMOID : Activation.RELU));
                        }
                        verify(subject, times(4)).linearActivationBackward(any(), any(), any());
                    } catch (AssertionError e) {
                        throw new CheckFailure("For 4 layers, L_model_backward must call"
                                + " this.linearActivationBackward with (caches[3], SIGMOID), then (caches[2], RELU),"
                                + " (caches[1], RELU), (caches[0], RELU), and nothing else: " + firstLine(e));
                    }
                    return new Verdict.Passed("the sigmoid layer first, then the ReLU layers from last to first.");
                });
    }

    // ---------------------------------------------------------------- gradient checks

    private static Check<DeepNetwork> linearGradientCheck() {
        return Catalogs.gradient(ID, "linear_backward", "seed 13", "gradient (seed 13)", ctx -> {
            DeepNetwork impl = ctx.fresh();
            Map<String, Object> in = DeepProbes.linearBackwardInputs(CaseSpec.of(13, 3, 4, 5));
            Matrix g = (Matrix) in.get("dZ");
            Matrix aPrev = (Matrix) in.get("A_prev");
            Matrix w = (Matrix) in.get("W");
            Matrix b = (Matrix) in.get("b");
            LinearGradients grads = Expect.returned(impl.linearBackward(g, new LinearCache(aPrev, w, b)),
                    "linear_backward", null);
            int m = aPrev.cols();
            // J = (1/m)·Σ Z⊙G has dJ/dZ = G/m: its slopes are dW and db; Σ Z⊙G (without 1/m) has slope dA_prev
            GradientCheck.check(ordered2("W", w, "b", b), p -> dotAll(Expect.returned(impl.linearForward(aPrev,
                            p.get("W"), p.get("b")), "linear_forward", null).z(), g) / m,
                    ordered2("dW", grads.dW(), "db", grads.db()), "With J = (1/m)·Σ Z⊙dZ, dW = (1/m)·dZ·A_prevᵀ and"
                            + " db = (1/m)·Σ dZ over the examples.");
            Verdict last = GradientCheck.check(ordered2("A_prev", aPrev), p -> dotAll(Expect.returned(
                    impl.linearForward(p.get("A_prev"), w, b), "linear_forward", null).z(), g),
                    ordered2("dA_prev", grads.dAPrev()), "dA_prev = Wᵀ·dZ, not averaged.");
            return new Verdict.Passed("dW, db and dA_prev agree with centred differences of your linear_forward; "
                    + ((Verdict.Passed) last).message());
        });
    }

    private static Check<DeepNetwork> layerGradientCheck(Activation activation) {
        String name = activation.courseName();
        return Catalogs.gradient(ID, "linear_activation_backward", name, "gradient (" + name + ")", ctx -> {
            DeepNetwork impl = ctx.fresh();
            Map<String, Object> in = DeepProbes.linearBackwardInputs(CaseSpec.of(14, 4, 3, 5));
            Matrix g = (Matrix) in.get("dZ");
            Matrix aPrev = (Matrix) in.get("A_prev");
            Matrix w = (Matrix) in.get("W");
            Matrix b = (Matrix) in.get("b");
            var forward = Expect.returned(impl.linearActivationForward(aPrev, w, b, activation),
                    "linear_activation_forward", null);
            LinearGradients grads = Expect.returned(impl.linearActivationBackward(g, forward.cache(), activation),
                    "linear_activation_backward", null);
            int m = aPrev.cols();
            String hint = "dZ = dA·g′(Z) from the given " + name + " backward step, then dW = (1/m)·dZ·A_prevᵀ,"
                    + " db = (1/m)·Σ dZ, dA_prev = Wᵀ·dZ.";
            GradientCheck.check(ordered2("W", w, "b", b), p -> dotAll(Expect.returned(impl.linearActivationForward(
                            aPrev, p.get("W"), p.get("b"), activation), "linear_activation_forward", null).a(), g) / m,
                    ordered2("dW", grads.dW(), "db", grads.db()), hint);
            GradientCheck.check(ordered2("A_prev", aPrev), p -> dotAll(Expect.returned(impl.linearActivationForward(
                            p.get("A_prev"), w, b, activation), "linear_activation_forward", null).a(), g),
                    ordered2("dA_prev", grads.dAPrev()), hint);
            return new Verdict.Passed("dW, db and dA_prev of the " + name + " layer agree with centred differences"
                    + " of your forward step.");
        });
    }

    private static Check<DeepNetwork> modelGradientCheck() {
        return Catalogs.gradient(ID, "L_model_backward", "seed 15", "gradient (seed 15, layer_dims [4, 3, 2, 1])",
                ctx -> {
                    DeepNetwork impl = ctx.fresh();
                    Map<String, Object> in = DeepProbes.modelInputs(model(15, 4, 3, 2, 1, 5));
                    Matrix x = (Matrix) in.get("X");
                    Parameters parameters = (Parameters) in.get("parameters");
                    Matrix y = Matrix.row(1, 0, 1, 1, 0);
                    ForwardPass forward = Expect.returned(impl.lModelForward(x, parameters), "L_model_forward",
                            null);
                    Grads grads = Expect.returned(impl.lModelBackward(forward.al(), y, forward.caches()),
                            "L_model_backward", null);
                    Map<String, Matrix> analytic = new LinkedHashMap<>();
                    for (String key : parameters.keys()) {
                        analytic.put("d" + key, required(grads, "d" + key));
                    }
                    String hint = "Each layer's dW, db come from linearActivationBackward on that layer's cache, with"
                            + " the sigmoid step first and dA[L] = −(Y/A[L] − (1 − Y)/(1 − A[L])).";
                    GradientCheck.check(parameters.asMap(), p -> cost(impl, x, Parameters.of(p), y), analytic, hint);
                    int m = x.cols();
                    GradientCheck.check(ordered2("X", x), p -> m * cost(impl, p.get("X"), parameters, y),
                            ordered2("dA0", required(grads, "dA0")), "dA0 is layer 1's dA_prev = W1ᵀ·dZ1, per"
                                    + " example (not averaged).");
                    return new Verdict.Passed("every dW, db and dA0 agrees with centred differences of your"
                            + " compute_cost(L_model_forward(X)).");
                });
    }

    private static double cost(DeepNetwork impl, Matrix x, Parameters parameters, Matrix y) {
        ForwardPass forward = Expect.returned(impl.lModelForward(x, parameters), "L_model_forward", null);
        return impl.computeCost(forward.al(), y);
    }

    private static Matrix required(Grads grads, String key) {
        if (!grads.has(key)) {
            throw new CheckFailure(key + " is missing from the gradients L_model_backward returned (keys: "
                    + grads.keys() + ").");
        }
        return grads.get(key);
    }

    // ---------------------------------------------------------------- helpers

    /** Σ a⊙b over every entry. */
    private static double dotAll(Matrix a, Matrix b) {
        return a.multiply(b).sum();
    }

    private static Map<String, Matrix> ordered2(Object... keyValues) {
        Map<String, Matrix> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], (Matrix) keyValues[i + 1]);
        }
        return map;
    }

    private static CaseSpec model(long seed, Integer... dimsThenM) {
        return CaseSpec.of(seed, dimsThenM);
    }

    private static ForwardPass forwardOf(Map<String, Object> backwardInputs) {
        return new ForwardPass((Matrix) backwardInputs.get("AL"), DeepProbes.caches((List<?>) backwardInputs
                .get("caches")));
    }

    private static LayerCache layerCache(long seed, int nPrev, int n, int m) {
        Map<String, Object> in = DeepProbes.linearInputs(CaseSpec.of(seed, nPrev, n, m));
        return DeepNet.linearActivationForward((Matrix) in.get("A_prev"), (Matrix) in.get("W"), (Matrix) in.get("b"),
                Activation.SIGMOID).cache();
    }

    private static void expectSame(String what, Parameters expected, Parameters got) {
        for (String key : expected.keys()) {
            if (!got.has(key)) {
                throw new CheckFailure(what + " " + key + " is missing.");
            }
            expect(what + " " + key, expected.get(key), got.get(key), Tolerance.EXACT);
        }
    }

    private static Check<DeepNetwork> property(String function, String slug, String title,
                                               Check.Body<DeepNetwork> body) {
        return Catalogs.property(ID, function, slug, title, body);
    }

    private static Check<DeepNetwork> callPattern(String function, String slug, String title,
                                                  Check.Body<DeepNetwork> body) {
        return Catalogs.callPattern(ID, function, slug, title, body);
    }
}
