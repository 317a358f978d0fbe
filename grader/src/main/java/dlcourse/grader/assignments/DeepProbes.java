package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.number;
import static dlcourse.grader.assignments.Catalogs.ordered;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.DeepNetwork;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.nn.Activation;
import dlcourse.nn.DeepNet;
import dlcourse.nn.ForwardPass;
import dlcourse.nn.Grads;
import dlcourse.nn.LayerCache;
import dlcourse.nn.LayerStep;
import dlcourse.nn.LinearCache;
import dlcourse.nn.LinearGradients;
import dlcourse.nn.LinearStep;
import dlcourse.nn.Parameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value probes of assignment 3 (deep network step by step): seeded inputs, how each function is called and how
 * its structured results (parameters, caches, gradients) are flattened into named outputs such as
 * {@code caches[1].Z} or {@code dW2}.
 *
 * <p>A step that composes other steps is graded with those replaced by the reference behaviour of
 * {@link DeepNet} computed from the student's own arguments: a wrong helper then cannot fail the step that calls it,
 * while a wrong argument (a sigmoid asked for on a hidden layer) still changes the result.
 */
final class DeepProbes {

    /** The learning rate of each update_parameters case, by seed. */
    private static final Map<Long, Double> UPDATE_RATES = Map.of(1L, 0.1, 2L, 0.01, 3L, 1.2, 4L, 0.05);

    private DeepProbes() {
    }

    static List<Probe<DeepNetwork>> all() {
        return List.of(initializeParameters(), initializeParametersDeep(), linearForward(),
                linearActivationForward(), lModelForward(), computeCost(), linearBackward(),
                linearActivationBackward(), lModelBackward(), updateParameters());
    }

    // ---------------------------------------------------------------- initialization

    private static Probe<DeepNetwork> initializeParameters() {
        return new Probe<>("initialize_parameters", Tolerance.STRICT,
                List.of(sizes(1, 3, 2, 1), sizes(2, 4, 5, 2)),
                List.of(sizes(3, 1, 1, 1), sizes(4, 12, 7, 3)),
                spec -> ordered("n_x", spec.size(0), "n_h", spec.size(1), "n_y", spec.size(2)),
                (impl, c) -> named(Expect.returned(impl.initializeParameters(Catalogs.integer(c, "n_x"),
                        Catalogs.integer(c, "n_h"), Catalogs.integer(c, "n_y")), "initialize_parameters", null)),
                Map.of("W1", "W1 = randn(n_h, n_x) · 0.01 from a RandomState seeded with 1, drawn before W2.",
                        "W2", "W2 = randn(n_y, n_h) · 0.01, drawn right after W1 from the same generator."));
    }

    private static Probe<DeepNetwork> initializeParametersDeep() {
        return new Probe<>("initialize_parameters_deep", Tolerance.STRICT,
                List.of(new CaseSpec("seed 1, layer_dims [5, 4, 3]", 1, List.of(5, 4, 3)),
                        new CaseSpec("seed 2, layer_dims [4, 3, 2, 1]", 2, List.of(4, 3, 2, 1))),
                List.of(new CaseSpec("seed 3, layer_dims [2, 1]", 3, List.of(2, 1)),
                        new CaseSpec("seed 4, layer_dims [6, 5, 5, 3, 1]", 4, List.of(6, 5, 5, 3, 1))),
                spec -> ordered("layer_dims", new ArrayList<>(spec.sizes())),
                (impl, c) -> named(Expect.returned(impl.initializeParametersDeep(dims(c, "layer_dims")),
                        "initialize_parameters_deep", null)),
                Map.of("W1", "One RandomState seeded with 3, then W<l> = randn(n[l], n[l-1]) · 0.01 layer by layer.",
                        "W2", "Draw every layer from the same generator, seeded once before the loop."));
    }

    // ---------------------------------------------------------------- forward

    /** A_prev (n_prev, m), W (n, n_prev), b (n, 1) from sizes (n_prev, n, m). */
    static Map<String, Object> linearInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        int nPrev = spec.size(0);
        int n = spec.size(1);
        int m = spec.size(2);
        Matrix aPrev = random.randn(nPrev, m);
        Matrix w = random.randn(n, nPrev);
        Matrix b = random.randn(n, 1);
        return ordered("A_prev", aPrev, "W", w, "b", b);
    }

    private static Probe<DeepNetwork> linearForward() {
        return new Probe<>("linear_forward", Tolerance.STRICT,
                List.of(linear(1, 3, 3, 2), linear(2, 5, 2, 4)),
                List.of(linear(3, 4, 4, 1), linear(4, 2, 6, 3)),
                DeepProbes::linearInputs,
                (impl, c) -> {
                    LinearStep step = Expect.returned(impl.linearForward((Matrix) c.input("A_prev"),
                            (Matrix) c.input("W"), (Matrix) c.input("b")), "linear_forward", null);
                    Map<String, Object> out = ordered("Z", step.z());
                    out.putAll(linearCache("cache", Expect.returned(step.cache(), "linear_forward", "cache")));
                    return out;
                },
                Map.of("Z", "Z = W·A_prev + b: W on the left, as it is (not transposed), b added to every column.",
                        "cache.A_prev", "The cache keeps A_prev, W and b exactly as they were passed in."));
    }

    private static Probe<DeepNetwork> linearActivationForward() {
        return new Probe<>("linear_activation_forward", Tolerance.STRICT,
                List.of(linear(1, 3, 4, 2), linear(2, 5, 3, 1)),
                List.of(linear(3, 2, 2, 5), linear(4, 6, 1, 3)),
                DeepProbes::linearInputs,
                (impl, c) -> {
                    DeepNetwork subject = withReferenceLinearForward(impl);
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (Activation activation : Activation.values()) {
                        LayerStep step = Expect.returned(subject.linearActivationForward((Matrix) c.input("A_prev"),
                                (Matrix) c.input("W"), (Matrix) c.input("b"), activation),
                                "linear_activation_forward", null);
                        String name = activation.courseName();
                        out.put("A (" + name + ")", step.a());
                        out.putAll(layerCache("cache (" + name + ")", Expect.returned(step.cache(),
                                "linear_activation_forward", "cache")));
                    }
                    return out;
                },
                Map.of("A (sigmoid)", "With SIGMOID the layer returns σ(Z); with RELU, max(0, Z).",
                        "A (relu)", "With RELU the layer returns max(0, Z); with SIGMOID, σ(Z)."));
    }

    /** X (n[0], m) and parameters of shapes layer_dims, drawn from sizes (n[0] … n[L], m). */
    static Map<String, Object> modelInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        List<Integer> dims = spec.sizes().subList(0, spec.sizes().size() - 1);
        int m = spec.size(spec.sizes().size() - 1);
        Matrix x = random.randn(dims.get(0), m);
        Parameters.Builder parameters = Parameters.builder();
        for (int l = 1; l < dims.size(); l++) {
            parameters.put("W" + l, random.randn(dims.get(l), dims.get(l - 1)).multiply(0.8));
            parameters.put("b" + l, random.randn(dims.get(l), 1).multiply(0.3));
        }
        return ordered("X", x, "parameters", parameters.build());
    }

    /** A linear-step case: sizes (n[l-1], n[l], m), named by the shapes of A_prev and W. */
    private static CaseSpec linear(long seed, int nPrev, int n, int m) {
        return new CaseSpec("seed " + seed + ", A_prev (" + nPrev + ", " + m + "), W (" + n + ", " + nPrev + ")", seed,
                List.of(nPrev, n, m));
    }

    private static CaseSpec sizes(long seed, int nX, int nH, int nY) {
        return new CaseSpec("seed " + seed + ", n_x = " + nX + ", n_h = " + nH + ", n_y = " + nY, seed,
                List.of(nX, nH, nY));
    }

    private static CaseSpec examples(long seed, int m) {
        return new CaseSpec("seed " + seed + ", m = " + m, seed, List.of(m));
    }

    private static CaseSpec model(long seed, List<Integer> dims, int m) {
        List<Integer> sizes = new ArrayList<>(dims);
        sizes.add(m);
        return new CaseSpec("seed " + seed + ", layer_dims " + dims + ", m = " + m, seed, sizes);
    }

    private static Probe<DeepNetwork> lModelForward() {
        return new Probe<>("L_model_forward", Tolerance.STRICT,
                List.of(model(1, List.of(5, 4, 4, 1), 3), model(2, List.of(3, 2, 1), 4)),
                List.of(model(3, List.of(6, 5, 4, 4, 1), 2), model(4, List.of(3, 1), 1)),
                DeepProbes::modelInputs,
                (impl, c) -> {
                    DeepNetwork subject = spy(impl);
                    doAnswer(inv -> DeepNet.linearActivationForward(inv.getArgument(0), inv.getArgument(1),
                            inv.getArgument(2), inv.getArgument(3))).when(subject)
                            .linearActivationForward(any(), any(), any(), any());
                    ForwardPass forward = Expect.returned(subject.lModelForward((Matrix) c.input("X"),
                            parameters(c, "parameters")), "L_model_forward", null);
                    List<LayerCache> caches = Expect.returned(forward.caches(), "L_model_forward", "caches");
                    Map<String, Object> out = ordered("AL", forward.al(), "len(caches)", caches.size());
                    for (int i = 0; i < caches.size(); i++) {
                        out.putAll(layerCache("caches[" + i + "]", caches.get(i)));
                    }
                    return out;
                },
                Map.of("AL", "L−1 LINEAR→RELU layers, then one LINEAR→SIGMOID layer: A[L] is the sigmoid layer's"
                                + " output.",
                        "len(caches)", "One cache per layer: L caches for L layers.",
                        "caches[0].A_prev", "caches[0] is layer 1's cache (its A_prev is X); append the caches in"
                                + " the order the layers run."));
    }

    private static Probe<DeepNetwork> computeCost() {
        return new Probe<>("compute_cost", Tolerance.STRICT,
                List.of(examples(1, 3), examples(2, 5)),
                List.of(examples(3, 1), examples(4, 8)),
                spec -> {
                    RandomState random = new RandomState(spec.seed());
                    Matrix al = random.rand(1, spec.size(0)).multiply(0.9).add(0.05);
                    Matrix y = random.rand(1, spec.size(0)).greaterThan(0.5);
                    return ordered("AL", al, "Y", y);
                },
                (impl, c) -> ordered("cost", impl.computeCost((Matrix) c.input("AL"), (Matrix) c.input("Y"))),
                Map.of("cost", "J = −(1/m)·Σ[Y·log(A[L]) + (1 − Y)·log(1 − A[L])]."));
    }

    // ---------------------------------------------------------------- backward

    /** dZ (n, m) and a linear cache drawn from sizes (n_prev, n, m). */
    static Map<String, Object> linearBackwardInputs(CaseSpec spec) {
        Map<String, Object> in = new LinkedHashMap<>();
        RandomState random = new RandomState(spec.seed() + 1000);
        in.put("dZ", random.randn(spec.size(1), spec.size(2)));
        in.putAll(linearInputs(spec));
        return in;
    }

    private static Probe<DeepNetwork> linearBackward() {
        return new Probe<>("linear_backward", Tolerance.STRICT,
                List.of(linear(1, 3, 2, 4), linear(2, 4, 5, 3)),
                List.of(linear(3, 2, 3, 1), linear(4, 5, 1, 6)),
                DeepProbes::linearBackwardInputs,
                (impl, c) -> linearGradients("", Expect.returned(impl.linearBackward((Matrix) c.input("dZ"),
                        new LinearCache((Matrix) c.input("A_prev"), (Matrix) c.input("W"), (Matrix) c.input("b"))),
                        "linear_backward", null)),
                Map.of("dW", "dW = (1/m)·dZ·A_prevᵀ has the shape of W.",
                        "db", "db = (1/m)·(row sums of dZ), kept as an (n[l], 1) column.",
                        "dA_prev", "dA_prev = Wᵀ·dZ, with no 1/m: it is passed on to the layer below."));
    }

    /**
     * dA (n, m) and a layer cache drawn from sizes (n_prev, n, m); Z = W·A_prev + b with every third entry set to
     * exactly 0, where ReLU has no slope.
     */
    static Map<String, Object> layerBackwardInputs(CaseSpec spec) {
        Map<String, Object> in = linearBackwardInputs(spec);
        Matrix dA = (Matrix) in.remove("dZ");
        Matrix z = Matrix.linear((Matrix) in.get("W"), (Matrix) in.get("A_prev"), (Matrix) in.get("b"));
        double[] values = z.toArray();
        for (int i = 0; i < values.length; i += 3) {
            values[i] = 0.0;
        }
        Map<String, Object> out = ordered("dA", dA);
        out.putAll(in);
        out.put("Z", Matrix.of(z.rows(), z.cols(), values));
        return out;
    }

    static LayerCache layerCache(FixtureCase c) {
        return new LayerCache(new LinearCache((Matrix) c.input("A_prev"), (Matrix) c.input("W"),
                (Matrix) c.input("b")), new dlcourse.nn.ActivationCache((Matrix) c.input("Z")));
    }

    private static Probe<DeepNetwork> linearActivationBackward() {
        return new Probe<>("linear_activation_backward", Tolerance.STRICT,
                List.of(linear(1, 3, 4, 3), linear(2, 2, 3, 5)),
                List.of(linear(3, 4, 2, 1), linear(4, 5, 5, 4)),
                DeepProbes::layerBackwardInputs,
                (impl, c) -> {
                    DeepNetwork subject = spy(impl);
                    doAnswer(inv -> DeepNet.linearBackward(inv.getArgument(0), inv.getArgument(1)))
                            .when(subject).linearBackward(any(), any());
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (Activation activation : Activation.values()) {
                        out.putAll(linearGradients(" (" + activation.courseName() + ")",
                                Expect.returned(subject.linearActivationBackward((Matrix) c.input("dA"),
                                        layerCache(c), activation), "linear_activation_backward", null)));
                    }
                    return out;
                },
                Map.of("dA_prev (relu)", RELU_HINT, "dW (relu)", RELU_HINT, "db (relu)", RELU_HINT,
                        "dA_prev (sigmoid)", SIGMOID_HINT, "dW (sigmoid)", SIGMOID_HINT, "db (sigmoid)",
                        SIGMOID_HINT));
    }

    /** A forward pass of the reference on {@link #modelInputs}, and labels. */
    static Map<String, Object> modelBackwardInputs(CaseSpec spec) {
        Map<String, Object> model = modelInputs(spec);
        ForwardPass forward = DeepNet.modelForward((Matrix) model.get("X"), (Parameters) model.get("parameters"));
        Matrix y = new RandomState(spec.seed() + 2000).rand(1, forward.al().cols()).greaterThan(0.5);
        List<Object> caches = new ArrayList<>();
        for (LayerCache cache : forward.caches()) {
            caches.add(ordered("A_prev", cache.linear().aPrev(), "W", cache.linear().w(), "b", cache.linear().b(),
                    "Z", cache.activation().z()));
        }
        return ordered("AL", forward.al(), "Y", y, "caches", caches);
    }

    static List<LayerCache> caches(FixtureCase c) {
        return caches((List<?>) c.input("caches"));
    }

    /** Layer caches from their stored form, a list of maps with A_prev, W, b and Z. */
    static List<LayerCache> caches(List<?> stored) {
        List<LayerCache> caches = new ArrayList<>();
        for (Object item : stored) {
            Map<?, ?> map = (Map<?, ?>) item;
            caches.add(new LayerCache(new LinearCache((Matrix) map.get("A_prev"), (Matrix) map.get("W"),
                    (Matrix) map.get("b")), new dlcourse.nn.ActivationCache((Matrix) map.get("Z"))));
        }
        return caches;
    }

    private static Probe<DeepNetwork> lModelBackward() {
        return new Probe<>("L_model_backward", Tolerance.STRICT,
                List.of(model(1, List.of(4, 3, 1), 3), model(2, List.of(5, 4, 3, 1), 4)),
                List.of(model(3, List.of(3, 1), 2), model(4, List.of(6, 5, 4, 3, 1), 1)),
                DeepProbes::modelBackwardInputs,
                (impl, c) -> {
                    DeepNetwork subject = spy(impl);
                    doAnswer(inv -> DeepNet.linearActivationBackward(inv.getArgument(0), inv.getArgument(1),
                            inv.getArgument(2))).when(subject).linearActivationBackward(any(), any(), any());
                    Grads grads = Expect.returned(subject.lModelBackward((Matrix) c.input("AL"),
                            (Matrix) c.input("Y"), caches(c)), "L_model_backward", null);
                    return new LinkedHashMap<>(grads.asMap());
                },
                perLayer(List.of("dA", "dW", "db"), 0, "Start from dA[L] = −(Y/A[L] − (1 − Y)/(1 − A[L])); layer l"
                        + " (caches.get(l − 1)) gives dA<l−1>, dW<l>, db<l>, so layer 1's dA_prev is dA0."));
    }

    private static Probe<DeepNetwork> updateParameters() {
        return new Probe<>("update_parameters", Tolerance.STRICT,
                List.of(new CaseSpec("seed 1, layer_dims [3, 2, 1], α = 0.1", 1, List.of(3, 2, 1)),
                        new CaseSpec("seed 2, layer_dims [4, 3, 2, 1], α = 0.01", 2, List.of(4, 3, 2, 1))),
                List.of(new CaseSpec("seed 3, layer_dims [2, 1], α = 1.2", 3, List.of(2, 1)),
                        new CaseSpec("seed 4, layer_dims [5, 4, 4, 2, 1], α = 0.05", 4, List.of(5, 4, 4, 2, 1))),
                spec -> {
                    RandomState random = new RandomState(spec.seed());
                    Parameters.Builder parameters = Parameters.builder();
                    Grads.Builder grads = Grads.builder();
                    for (int l = 1; l < spec.sizes().size(); l++) {
                        parameters.put("W" + l, random.randn(spec.size(l), spec.size(l - 1)));
                        parameters.put("b" + l, random.randn(spec.size(l), 1));
                    }
                    for (int l = 1; l < spec.sizes().size(); l++) {
                        grads.put("dW" + l, random.randn(spec.size(l), spec.size(l - 1)));
                        grads.put("db" + l, random.randn(spec.size(l), 1));
                    }
                    return ordered("parameters", parameters.build(), "grads", grads.build(), "learning_rate",
                            UPDATE_RATES.get(spec.seed()));
                },
                (impl, c) -> named(Expect.returned(impl.updateParameters(parameters(c, "parameters"),
                        grads(c, "grads"), number(c, "learning_rate")), "update_parameters", null)),
                perLayer(List.of("W", "b"), 1, "W ← W − α·dW and b ← b − α·db: subtract, on every layer 1 … L."));
    }

    private static final String RELU_HINT = "For RELU, dZ = dA where Z > 0 and 0 where Z ≤ 0"
            + " (Activations.reluBackward); then linear_backward.";
    private static final String SIGMOID_HINT = "For SIGMOID, dZ = dA·σ(Z)·(1 − σ(Z)) (Activations.sigmoidBackward);"
            + " then linear_backward.";

    /** The same hint for {@code <prefix><l>} of every prefix and layer the cases use (up to 5 layers). */
    private static Map<String, String> perLayer(List<String> prefixes, int first, String hint) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (String prefix : prefixes) {
            for (int l = first; l <= 5; l++) {
                hints.put(prefix + l, hint);
            }
        }
        return hints;
    }

    // ---------------------------------------------------------------- conversions

    /** Parameters or gradients as outputs named by their keys. */
    static Map<String, Object> named(dlcourse.nn.NamedMatrices matrices) {
        return new LinkedHashMap<>(matrices.asMap());
    }

    static Map<String, Object> linearCache(String prefix, LinearCache cache) {
        return ordered(prefix + ".A_prev", cache.aPrev(), prefix + ".W", cache.w(), prefix + ".b", cache.b());
    }

    static Map<String, Object> layerCache(String prefix, LayerCache cache) {
        Map<String, Object> out = linearCache(prefix, cache.linear());
        out.put(prefix + ".Z", cache.activation().z());
        return out;
    }

    static Map<String, Object> linearGradients(String suffix, LinearGradients gradients) {
        return ordered("dA_prev" + suffix, gradients.dAPrev(), "dW" + suffix, gradients.dW(), "db" + suffix,
                gradients.db());
    }

    static int[] dims(FixtureCase c, String key) {
        return ((List<?>) c.input(key)).stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    static Parameters parameters(FixtureCase c, String key) {
        return Parameters.of(matrices(c.input(key)));
    }

    static Grads grads(FixtureCase c, String key) {
        return Grads.of(matrices(c.input(key)));
    }

    private static Map<String, Matrix> matrices(Object decoded) {
        Map<String, Matrix> out = new LinkedHashMap<>();
        ((Map<?, ?>) decoded).forEach((k, v) -> out.put((String) k, (Matrix) v));
        return out;
    }

    /** A spy of {@code impl} whose {@code linearForward} is the reference's. */
    static DeepNetwork withReferenceLinearForward(DeepNetwork impl) {
        DeepNetwork subject = spy(impl);
        doAnswer(inv -> DeepNet.linearForward(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2)))
                .when(subject).linearForward(any(), any(), any());
        return subject;
    }
}
