package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.firstLine;
import static dlcourse.grader.assignments.Catalogs.number;
import static dlcourse.grader.assignments.Catalogs.ordered;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.GradientChecking;
import dlcourse.course.GradientCheckingGiven;
import dlcourse.grader.check.Check;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Feedback;
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
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import dlcourse.nn.ThreeLayerNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The grader's catalog for assignment 7, gradient checking (CURRICULUM §7). */
public final class GradCheckAssignment implements Assignment<GradientChecking> {

    /** Assignment id. */
    public static final String ID = "gradcheck";
    /** The graded class, the same in exercises and solutions. */
    public static final String IMPLEMENTATION = "dlcourse.gradcheck.GradCheck";
    /** The parameter keys of the three-layer network, in the course's vector layout. */
    static final List<String> KEYS = List.of("W1", "b1", "W2", "b2", "W3", "b3");

    private static final String NOT_THE_GIVEN = "The given backward pass has two wrong lines: compare each of its"
            + " dW and db with dWl = (1/m)·dZl·A[l−1]ᵀ and dbl = (1/m)·Σ dZl.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Gradient checking";
    }

    @Override
    public Class<GradientChecking> contract() {
        return GradientChecking.class;
    }

    @Override
    public String implementationClassName() {
        return IMPLEMENTATION;
    }

    @Override
    public List<Mistake> mistakes() {
        return List.of(
                new Mistake("derivative_wrt_x", "backward_propagation",
                        "returning θ, the derivative of θ·x with respect to x, instead of the one with respect to θ"),
                new Mistake("forgot_factor_2", "gradient_check", "dividing J⁺ − J⁻ by ε instead of 2ε"),
                new Mistake("no_denominator", "gradient_check",
                        "returning |grad − gradapprox| without dividing by |grad| + |gradapprox|"),
                new Mistake("dw2_doubled", "backward_propagation_n", "keeping the given version's factor 2 in dW2"),
                new Mistake("db1_four_over_m", "backward_propagation_n", "keeping the given version's 4/m in db1"),
                new Mistake("given_unchanged", "backward_propagation_n",
                        "returning the given backward pass unchanged (dW2 doubled and db1 with 4/m)"),
                new Mistake("dw3_without_1_over_m", "backward_propagation_n", "leaving out the 1/m in dW3"),
                new Mistake("n_forgot_factor_2", "gradient_check_n", "dividing J⁺ − J⁻ by ε instead of 2ε"),
                new Mistake("n_one_sided", "gradient_check_n",
                        "a one-sided difference (J(θ + ε) − J(θ)) / ε instead of the centred one"),
                new Mistake("n_no_denominator", "gradient_check_n",
                        "returning ‖grad − gradapprox‖ without dividing by ‖grad‖ + ‖gradapprox‖"),
                new Mistake("n_theta_not_restored", "gradient_check_n",
                        "nudging one shared copy of θ without putting each entry back, so later entries are"
                                + " checked at a shifted point"));
    }

    // ---------------------------------------------------------------- probes

    @Override
    public List<Probe<GradientChecking>> probes() {
        return List.of(forwardPropagation(), backwardPropagation(), gradientCheck(), backwardPropagationN(),
                gradientCheckN());
    }

    /** The course's example x = 2, θ = 4, or x and θ drawn from the seed (|x| ≥ 1). */
    private static Map<String, Object> scalarInputs(CaseSpec spec) {
        if (!spec.sizes().isEmpty()) {
            return ordered("x", (double) spec.size(0), "theta", (double) spec.size(1));
        }
        RandomState random = new RandomState(spec.seed());
        double[] draws = random.randn(2);
        double x = Math.copySign(1 + 3 * Math.abs(draws[0]), draws[0]);
        return ordered("x", x, "theta", 3 * draws[1]);
    }

    private static final List<CaseSpec> SCALAR_PUBLIC = List.of(
            new CaseSpec("x = 2, θ = 4 (the course's example)", 0, List.of(2, 4)), new CaseSpec("seed 2", 2, List.of()));
    private static final List<CaseSpec> SCALAR_HIDDEN = List.of(
            new CaseSpec("seed 3", 3, List.of()), new CaseSpec("seed 4", 4, List.of()));

    private static Probe<GradientChecking> forwardPropagation() {
        return new Probe<>("forward_propagation", Tolerance.STRICT, SCALAR_PUBLIC, SCALAR_HIDDEN,
                GradCheckAssignment::scalarInputs,
                (impl, c) -> ordered("J", impl.forwardPropagation(number(c, "x"), number(c, "theta"))),
                Map.of("J", "J(θ) = θ·x."));
    }

    private static Probe<GradientChecking> backwardPropagation() {
        return new Probe<>("backward_propagation", Tolerance.STRICT, SCALAR_PUBLIC, SCALAR_HIDDEN,
                GradCheckAssignment::scalarInputs,
                (impl, c) -> ordered("dtheta", impl.backwardPropagation(number(c, "x"), number(c, "theta"))),
                Map.of("dtheta", "How much does θ·x change when θ grows by 1?"));
    }

    private static Probe<GradientChecking> gradientCheck() {
        return new Probe<>("gradient_check", Tolerance.STRICT, SCALAR_PUBLIC, SCALAR_HIDDEN,
                spec -> {
                    Map<String, Object> inputs = scalarInputs(spec);
                    inputs.put("epsilon", GradientChecking.EPSILON);
                    return inputs;
                },
                (impl, c) -> ordered("difference", impl.gradientCheck(number(c, "x"), number(c, "theta"),
                        number(c, "epsilon"), false)),
                Map.of("difference", "gradapprox = (J(θ + ε) − J(θ − ε)) / (2ε); difference = |grad − gradapprox|"
                        + " / (|grad| + |gradapprox|)."));
    }

    /**
     * A three-layer network's inputs: seed, then X = randn(n0, m) and W1, b1, W2, b2, W3, b3 drawn in that order;
     * labels 1, 1, 0, 1, 1, 0, … With seed 1, n = [4, 5, 3, 1] and m = 3 this is the course's example.
     *
     * @param spec sizes n0, n1, n2, m
     */
    static Map<String, Object> networkInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        int n0 = spec.size(0);
        int n1 = spec.size(1);
        int n2 = spec.size(2);
        int m = spec.size(3);
        Matrix x = random.randn(n0, m);
        double[] labels = new double[m];
        for (int j = 0; j < m; j++) {
            labels[j] = j % 3 == 2 ? 0 : 1;
        }
        Parameters parameters = Parameters.builder()
                .put("W1", random.randn(n1, n0)).put("b1", random.randn(n1, 1))
                .put("W2", random.randn(n2, n1)).put("b2", random.randn(n2, 1))
                .put("W3", random.randn(1, n2)).put("b3", random.randn(1, 1)).build();
        return ordered("X", x, "Y", Matrix.row(labels), "parameters", parameters);
    }

    private static CaseSpec network(String name, long seed, int n0, int n1, int n2, int m) {
        return new CaseSpec(name + ", n = [" + n0 + ", " + n1 + ", " + n2 + ", 1], m = " + m, seed,
                List.of(n0, n1, n2, m));
    }

    private static Probe<GradientChecking> backwardPropagationN() {
        return new Probe<>("backward_propagation_n", Tolerance.STRICT,
                List.of(network("seed 1 (the course's example)", 1, 4, 5, 3, 3), network("seed 2", 2, 3, 4, 2, 5)),
                List.of(network("seed 6", 6, 2, 3, 2, 1), network("seed 4", 4, 5, 2, 4, 6)),
                GradCheckAssignment::networkInputs,
                (impl, c) -> {
                    Matrix x = (Matrix) c.input("X");
                    Matrix y = (Matrix) c.input("Y");
                    ThreeLayerCache cache = GradientCheckingGiven.forwardPropagationN(x, y,
                            parameters(c.input("parameters"))).cache();
                    Grads grads = Expect.returned(impl.backwardPropagationN(x, y, cache), "backward_propagation_n",
                            null);
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (String key : KEYS) {
                        out.put("d" + key, grads.has("d" + key) ? grads.get("d" + key) : null);
                    }
                    return out;
                },
                Map.of("dW2", NOT_THE_GIVEN, "db1", NOT_THE_GIVEN, "dW3", "dW3 = (1/m)·dZ3·A2ᵀ with dZ3 = A3 − Y."));
    }

    private static CaseSpec checkCase(String name, long seed, int n0, int n1, int n2, int m, boolean given) {
        return new CaseSpec(name + ", n = [" + n0 + ", " + n1 + ", " + n2 + ", 1], m = " + m + ", "
                + (given ? "the given backward pass" : "a correct backward pass"), seed, List.of(n0, n1, n2, m,
                given ? 1 : 0));
    }

    /**
     * {@code gradient_check_n} on gradients from the given (wrong) backward pass or from a correct one. m stays at
     * most 3 so that the network's sigmoid runs the scalar code path: the correct gradients' difference is rounding
     * noise, and the Vector API's exp may differ from the scalar one in the last bit.
     */
    private static Probe<GradientChecking> gradientCheckN() {
        return new Probe<>("gradient_check_n", Tolerance.STRICT,
                List.of(checkCase("seed 1 (the course's example)", 1, 4, 5, 3, 3, true),
                        checkCase("seed 2", 2, 3, 4, 2, 2, false)),
                List.of(checkCase("seed 6", 6, 2, 3, 2, 1, true), checkCase("seed 4", 4, 5, 2, 4, 3, false)),
                spec -> {
                    Map<String, Object> inputs = networkInputs(spec);
                    Matrix x = (Matrix) inputs.get("X");
                    Matrix y = (Matrix) inputs.get("Y");
                    Parameters parameters = (Parameters) inputs.get("parameters");
                    ThreeLayerCache cache = ThreeLayerNet.forward(x, parameters);
                    Grads grads = spec.size(4) == 1 ? GradientCheckingGiven.backwardPropagationN(x, y, cache)
                            : ThreeLayerNet.backward(x, y, cache);
                    Grads.Builder kept = Grads.builder();
                    KEYS.forEach(key -> kept.put("d" + key, grads.get("d" + key)));
                    return ordered("parameters", parameters, "gradients", kept.build(), "X", x, "Y", y, "epsilon",
                            GradientChecking.EPSILON);
                },
                (impl, c) -> ordered("difference", impl.gradientCheckN(parameters(c.input("parameters")),
                        grads(c.input("gradients")), (Matrix) c.input("X"), (Matrix) c.input("Y"),
                        number(c, "epsilon"), false)),
                Map.of("difference", "Nudge one entry of θ at a time by ±ε from a fresh copy; difference ="
                        + " ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) over all entries."));
    }

    // ---------------------------------------------------------------- catalog

    @Override
    public List<Check<GradientChecking>> checks(FixtureStore fixtures, Set<Visibility> sets) {
        List<Check<GradientChecking>> checks = new ArrayList<>();
        for (Probe<GradientChecking> probe : probes()) {
            checks.addAll(ProbeChecks.of(ID, probe, fixtures, sets, mistakes()));
            checks.addAll(extraChecks(probe.function()));
        }
        return checks;
    }

    private List<Check<GradientChecking>> extraChecks(String function) {
        return switch (function) {
            case "backward_propagation" -> List.of(Catalogs.gradient(ID, "backward_propagation", "seeds 5 to 7",
                    "gradient (seeds 5 to 7)", ctx -> {
                        GradientChecking impl = ctx.fresh();
                        for (long seed = 5; seed <= 7; seed++) {
                            Map<String, Object> in = scalarInputs(new CaseSpec("seed " + seed, seed, List.of()));
                            double x = (Double) in.get("x");
                            Verdict verdict = GradientCheck.check(Map.of("theta", Matrix.scalar((Double) in.get(
                                    "theta"))), moved -> impl.forwardPropagation(x, moved.get("theta").item()),
                                    Map.of("dtheta", Matrix.scalar(impl.backwardPropagation(x, (Double) in.get(
                                            "theta")))), "dJ/dθ must be the slope of your J(θ) = θ·x.");
                            if (!(verdict instanceof Verdict.Passed)) {
                                return verdict;
                            }
                        }
                        return new Verdict.Passed("dtheta agrees with centred differences of your J at three points.");
                    }));
            case "gradient_check" -> List.of(callPattern("gradient_check", "forward at θ ± ε, backward at θ",
                    ctx -> {
                        GradientChecking subject = spy(ctx.fresh());
                        double eps = GradientChecking.EPSILON;
                        subject.gradientCheck(2.0, 4.0, eps, false);
                        try {
                            verify(subject).forwardPropagation(2.0, 4.0 + eps);
                            verify(subject).forwardPropagation(2.0, 4.0 - eps);
                            verify(subject, times(2)).forwardPropagation(anyDouble(), anyDouble());
                            verify(subject).backwardPropagation(2.0, 4.0);
                        } catch (AssertionError e) {
                            throw new CheckFailure("gradient_check(x = 2, θ = 4) must call this.forwardPropagation"
                                    + " once at θ + ε and once at θ − ε, and this.backwardPropagation once at θ: "
                                    + firstLine(e));
                        }
                        return new Verdict.Passed("gradient_check evaluates J at θ ± ε and the derivative at θ.");
                    }), property("gradient_check", "wrong derivative caught",
                    "a wrong derivative gives a difference far above 2e-7", ctx -> {
                        GradientChecking subject = spy(ctx.fresh());
                        doReturn(3.0).when(subject).backwardPropagation(anyDouble(), anyDouble());
                        double difference = subject.gradientCheck(2.0, 4.0, GradientChecking.EPSILON, false);
                        // grad 3 against gradapprox 2: |3 − 2| / (3 + 2)
                        Catalogs.expect("difference with dJ/dθ replaced by 3 (x = 2)", 0.2, difference,
                                Tolerance.NUMPY);
                        return new Verdict.Passed("a derivative of 3 instead of 2 gives a difference of 0.2.");
                    }), printedLine("gradient_check",
                    (impl, print) -> impl.gradientCheck(2.0, 4.0, GradientChecking.EPSILON, print),
                    (impl, print) -> {
                        GradientChecking wrong = spy(impl);
                        doReturn(3.0).when(wrong).backwardPropagation(anyDouble(), anyDouble());
                        return wrong.gradientCheck(2.0, 4.0, GradientChecking.EPSILON, print);
                    }));
            case "backward_propagation_n" -> List.of(backwardGradient("seed 7", 7, 4, 5, 3, 3),
                    backwardGradient("seed 8, non-square", 8, 3, 2, 4, 5));
            case "gradient_check_n" -> List.of(callPattern("gradient_check_n", "forward twice per parameter",
                    "forward_propagation_n twice per parameter (94 times for 47), never the backward pass", ctx -> {
                        GradientChecking subject = spy(ctx.fresh());
                        Map<String, Object> in = checkInputs(1, true);
                        Parameters p = (Parameters) in.get("parameters");
                        subject.gradientCheckN(p, (Grads) in.get("gradients"), (Matrix) in.get("X"),
                                (Matrix) in.get("Y"), GradientChecking.EPSILON, false);
                        try {
                            verify(subject, times(94)).forwardPropagationN(any(), any(), any());
                            verify(subject, never()).backwardPropagationN(any(), any(), any());
                        } catch (AssertionError e) {
                            throw new CheckFailure("gradient_check_n on the course's 47 parameters must call"
                                    + " this.forwardPropagationN exactly twice per parameter (at θ + ε and θ − ε) and"
                                    + " use the gradients it is given: " + firstLine(e));
                        }
                        return new Verdict.Passed("gradient_check_n evaluates the cost twice per parameter.");
                    }), printedLine("gradient_check_n", (impl, print) -> nd(impl, false, print),
                    (impl, print) -> nd(impl, true, print)));
            default -> List.of();
        };
    }

    /** The course's example with the given (wrong) or a correct backward pass. */
    private static Map<String, Object> checkInputs(long seed, boolean given) {
        Map<String, Object> in = networkInputs(new CaseSpec("seed " + seed, seed, List.of(4, 5, 3, 3)));
        Matrix x = (Matrix) in.get("X");
        Matrix y = (Matrix) in.get("Y");
        ThreeLayerCache cache = ThreeLayerNet.forward(x, (Parameters) in.get("parameters"));
        in.put("gradients", given ? GradientCheckingGiven.backwardPropagationN(x, y, cache)
                : ThreeLayerNet.backward(x, y, cache));
        return in;
    }

    private static double nd(GradientChecking impl, boolean given, boolean printMsg) {
        Map<String, Object> in = checkInputs(1, given);
        return impl.gradientCheckN((Parameters) in.get("parameters"), (Grads) in.get("gradients"),
                (Matrix) in.get("X"), (Matrix) in.get("Y"), GradientChecking.EPSILON, printMsg);
    }

    /** What a check of the printed verdict line runs. */
    @FunctionalInterface
    private interface Run {
        double apply(GradientChecking impl, boolean printMsg);
    }

    /**
     * With printMsg the verdict line is printed with the returned difference — "works perfectly fine" for a correct
     * derivative, "there is a mistake" for a wrong one; without printMsg nothing is printed.
     *
     * @param correct runs the check on a correct derivative
     * @param wrong   runs it on a wrong one
     */
    private static Check<GradientChecking> printedLine(String function, Run correct, Run wrong) {
        return property(function, "printed verdict", "prints its verdict and the difference only when asked", ctx -> {
            GradientChecking impl = ctx.fresh();
            String silent = ConsoleCapture.run(() -> correct.apply(impl, false));
            if (!silent.isBlank()) {
                throw new CheckFailure(function + " printed output although printMsg was false: \""
                        + ConsoleCapture.firstLine(silent) + "\"");
            }
            expectVerdict(function, impl, correct, GradientChecking.CORRECT_MESSAGE, "correct", " ≤ ");
            expectVerdict(function, impl, wrong, GradientChecking.MISTAKE_MESSAGE, "wrong", " > ");
            return new Verdict.Passed(function + " prints its verdict and the difference when asked.");
        });
    }

    private static void expectVerdict(String function, GradientChecking impl, Run run, String expected,
                                      String derivative, String comparison) {
        double[] difference = new double[1];
        String line = ConsoleCapture.firstLine(ConsoleCapture.run(() -> difference[0] = run.apply(impl, true)))
                .strip();
        if (!line.startsWith(expected)) {
            throw new CheckFailure("With printMsg and a " + derivative + " derivative the line should start \""
                    + expected + "\" (difference " + Feedback.number(difference[0]) + comparison + "2e-7) but was \""
                    + line + "\".");
        }
        ConsoleCapture.expectNumberAfter(line, "difference =", difference[0]);
    }

    /** A gradient check of the student's backward pass against centred differences of the given cost. */
    private static Check<GradientChecking> backwardGradient(String slug, long seed, int n0, int n1, int n2, int m) {
        return Catalogs.gradient(ID, "backward_propagation_n", slug, "gradient (" + slug + ")", ctx -> {
            GradientChecking impl = ctx.fresh();
            Map<String, Object> in = networkInputs(new CaseSpec(slug, seed, List.of(n0, n1, n2, m)));
            Matrix x = (Matrix) in.get("X");
            Matrix y = (Matrix) in.get("Y");
            Parameters p = (Parameters) in.get("parameters");
            Grads grads = Expect.returned(impl.backwardPropagationN(x, y,
                    GradientCheckingGiven.forwardPropagationN(x, y, p).cache()), "backward_propagation_n", null);
            Map<String, Matrix> params = new LinkedHashMap<>();
            Map<String, Matrix> analytic = new LinkedHashMap<>();
            for (String key : KEYS) {
                params.put(key, p.get(key));
                if (!grads.has("d" + key)) {
                    throw new CheckFailure("backward_propagation_n returned no d" + key + " (keys: " + grads.keys()
                            + ").");
                }
                analytic.put("d" + key, grads.get("d" + key));
            }
            return GradientCheck.check(params, moved -> GradientCheckingGiven.forwardPropagationN(x, y,
                    Parameters.of(moved)).cost(), analytic, NOT_THE_GIVEN);
        });
    }

    // ---------------------------------------------------------------- helpers

    /** Decoded fixture parameters (an ordered map of matrices). */
    @SuppressWarnings("unchecked")
    static Parameters parameters(Object decoded) {
        Map<String, Matrix> entries = new LinkedHashMap<>();
        ((Map<String, Object>) decoded).forEach((k, v) -> entries.put(k, (Matrix) v));
        return Parameters.of(entries);
    }

    /** Decoded fixture gradients (an ordered map of matrices). */
    @SuppressWarnings("unchecked")
    static Grads grads(Object decoded) {
        Map<String, Matrix> entries = new LinkedHashMap<>();
        ((Map<String, Object>) decoded).forEach((k, v) -> entries.put(k, (Matrix) v));
        return Grads.of(entries);
    }

    private static Check<GradientChecking> property(String function, String slug, String title,
                                                    Check.Body<GradientChecking> body) {
        return Catalogs.property(ID, function, slug, title, body);
    }

    private static Check<GradientChecking> callPattern(String function, String title,
                                                       Check.Body<GradientChecking> body) {
        return Catalogs.callPattern(ID, function, title, title, body);
    }

    private static Check<GradientChecking> callPattern(String function, String slug, String title,
                                                       Check.Body<GradientChecking> body) {
        return Catalogs.callPattern(ID, function, slug, title, body);
    }
}
