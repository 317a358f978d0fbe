package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.integer;
import static dlcourse.grader.assignments.Catalogs.number;
import static dlcourse.grader.assignments.Catalogs.ordered;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.OptimizationMethods;
import dlcourse.course.OptimizationMethods.AdamState;
import dlcourse.course.OptimizationMethods.AdamUpdate;
import dlcourse.course.OptimizationMethods.Decay;
import dlcourse.course.OptimizationMethods.Hyperparameters;
import dlcourse.course.OptimizationMethods.MiniBatch;
import dlcourse.course.OptimizationMethods.MomentumUpdate;
import dlcourse.course.OptimizationMethods.Optimizer;
import dlcourse.course.OptimizationMethods.Trained;
import dlcourse.data.LabeledData;
import dlcourse.data.PlanarDatasets;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.nn.Grads;
import dlcourse.nn.NamedMatrices;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The value probes of assignment 8 (optimization methods): their seeded inputs, how each function is called, and
 * how its results are named (parameters and running averages are flattened to one output per key, e.g. {@code W1},
 * {@code v["dW1"]}).
 */
final class OptimizationProbes {

    /** Name of the fixture holding the reference run of the course (Adam, 10000 epochs, moons). */
    static final String TRAINING_FIXTURE = "model_on_moons";
    /** The course's network on the moons. */
    static final int[] COURSE_LAYERS = {2, 5, 2, 1};

    private static final String STEP_HINT = "Each layer: W ← W − α·dW and b ← b − α·db, for l = 1 … L.";

    private OptimizationProbes() {
    }

    static List<Probe<OptimizationMethods>> all() {
        return List.of(updateParametersWithGd(), randomMiniBatches(), initializeVelocity(),
                updateParametersWithMomentum(), initializeAdam(), updateParametersWithAdam(), updateLr(),
                scheduleLrDecay(), model(), training());
    }

    // ---------------------------------------------------------------- inputs

    private static CaseSpec layers(long seed, Integer... dims) {
        return new CaseSpec("seed " + seed + ", layers " + List.of(dims), seed, List.of(dims));
    }

    private static final List<CaseSpec> PUBLIC_NETS = List.of(layers(1, 3, 2, 1), layers(2, 2, 4, 3, 1));
    private static final List<CaseSpec> HIDDEN_NETS = List.of(layers(3, 1, 1), layers(4, 5, 3, 2));

    /** Wl = randn(n[l], n[l-1]), bl = randn(n[l], 1), layer by layer. */
    static Parameters randomParameters(RandomState random, List<Integer> dims) {
        Parameters.Builder p = Parameters.builder();
        for (int l = 1; l < dims.size(); l++) {
            p.put("W" + l, random.randn(dims.get(l), dims.get(l - 1)));
            p.put("b" + l, random.randn(dims.get(l), 1));
        }
        return p.build();
    }

    /** A map like the parameters' keyed d…, each entry randn times {@code scale}, squared if asked. */
    static Grads randomLike(RandomState random, Parameters like, double scale, boolean squared) {
        Grads.Builder g = Grads.builder();
        for (String key : like.keys()) {
            Matrix value = random.randn(like.get(key).rows(), like.get(key).cols()).multiply(scale);
            g.put("d" + key, squared ? value.square() : value);
        }
        return g.build();
    }

    private static Map<String, Object> updateInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        Parameters parameters = randomParameters(random, spec.sizes());
        return ordered("parameters", parameters, "grads", randomLike(random, parameters, 1.0, false));
    }

    // ---------------------------------------------------------------- probes

    private static Probe<OptimizationMethods> updateParametersWithGd() {
        return new Probe<>("update_parameters_with_gd", Tolerance.STRICT, PUBLIC_NETS, HIDDEN_NETS,
                spec -> {
                    Map<String, Object> in = updateInputs(spec);
                    in.put("learning_rate", 0.01);
                    return in;
                },
                (impl, c) -> flatten("", Expect.returned(impl.updateParametersWithGd(parameters(c, "parameters"),
                        grads(c, "grads"), number(c, "learning_rate")), "update_parameters_with_gd", null),
                        parameters(c, "parameters").keys(), ""),
                hintsFor("", STEP_HINT));
    }

    private static CaseSpec batches(long seed, int n, int m, int size) {
        return new CaseSpec("seed " + seed + ", X " + "(" + n + ", " + m + "), batches of " + size, seed,
                List.of(n, m, size));
    }

    private static Probe<OptimizationMethods> randomMiniBatches() {
        return new Probe<>("random_mini_batches", Tolerance.EXACT,
                List.of(batches(0, 2, 10, 4), batches(1, 3, 148, 64)),
                List.of(batches(2, 1, 1, 64), batches(3, 2, 128, 64)),
                spec -> {
                    RandomState random = new RandomState(spec.seed() + 1000);
                    int m = spec.size(1);
                    return ordered("X", random.randn(spec.size(0), m), "Y", random.rand(1, m).greaterThan(0.5),
                            "mini_batch_size", spec.size(2), "seed", spec.seed());
                },
                (impl, c) -> {
                    List<MiniBatch> got = Expect.returned(impl.randomMiniBatches((Matrix) c.input("X"),
                            (Matrix) c.input("Y"), integer(c, "mini_batch_size"), ((Number) c.input("seed"))
                                    .longValue()), "random_mini_batches", null);
                    Map<String, Object> out = ordered("len(mini_batches)", got.size());
                    for (int k = 0; k < got.size(); k++) {
                        MiniBatch batch = Expect.returned(got.get(k), "random_mini_batches", "mini-batch " + k);
                        out.put("mini_batches[" + k + "][0]", batch.x());
                        out.put("mini_batches[" + k + "][1]", batch.y());
                    }
                    return out;
                },
                Map.of("len(mini_batches)", "⌊m / size⌋ full batches, then one smaller batch if m is not a multiple"
                                + " of the size.",
                        "mini_batches[0][0]", "Shuffle with new RandomState(seed).permutation(m), the same"
                                + " permutation for X and Y.",
                        "mini_batches[0][1]", "Y must be shuffled with the same permutation as X."));
    }

    private static Probe<OptimizationMethods> initializeVelocity() {
        return new Probe<>("initialize_velocity", Tolerance.EXACT, PUBLIC_NETS, HIDDEN_NETS,
                OptimizationProbes::updateInputs,
                (impl, c) -> flatten("v", Expect.returned(impl.initializeVelocity(parameters(c, "parameters")),
                        "initialize_velocity", null), parameters(c, "parameters").keys(), "d"),
                Map.of());
    }

    private static Map<String, Object> momentumInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        Parameters parameters = randomParameters(random, spec.sizes());
        return ordered("parameters", parameters, "grads", randomLike(random, parameters, 1.0, false),
                "v", randomLike(random, parameters, 0.1, false), "beta", 0.9, "learning_rate", 0.01);
    }

    private static Probe<OptimizationMethods> updateParametersWithMomentum() {
        return new Probe<>("update_parameters_with_momentum", Tolerance.STRICT, PUBLIC_NETS, HIDDEN_NETS,
                OptimizationProbes::momentumInputs,
                (impl, c) -> {
                    MomentumUpdate u = Expect.returned(impl.updateParametersWithMomentum(parameters(c, "parameters"),
                            grads(c, "grads"), grads(c, "v"), number(c, "beta"), number(c, "learning_rate")),
                            "update_parameters_with_momentum", null);
                    List<String> keys = List.copyOf(parameters(c, "parameters").keys());
                    Map<String, Object> out = flatten("", Expect.returned(u.parameters(),
                            "update_parameters_with_momentum", "parameters"), keys, "");
                    out.putAll(flatten("v", Expect.returned(u.v(), "update_parameters_with_momentum", "v"), keys,
                            "d"));
                    return out;
                },
                hintsFor("", "Step along the new velocity: W ← W − α·v_dW.", "v",
                        "v ← β·v + (1 − β)·grad, then the step uses this new v."));
    }

    private static Probe<OptimizationMethods> initializeAdam() {
        return new Probe<>("initialize_adam", Tolerance.EXACT, PUBLIC_NETS, HIDDEN_NETS,
                OptimizationProbes::updateInputs,
                (impl, c) -> {
                    AdamState state = Expect.returned(impl.initializeAdam(parameters(c, "parameters")),
                            "initialize_adam", null);
                    List<String> keys = List.copyOf(parameters(c, "parameters").keys());
                    Map<String, Object> out = flatten("v", Expect.returned(state.v(), "initialize_adam", "v"), keys,
                            "d");
                    out.putAll(flatten("s", Expect.returned(state.s(), "initialize_adam", "s"), keys, "d"));
                    return out;
                },
                Map.of());
    }

    private static final int[] ADAM_T = {2, 1, 3, 10};

    private static Probe<OptimizationMethods> updateParametersWithAdam() {
        return new Probe<>("update_parameters_with_adam", Tolerance.STRICT, PUBLIC_NETS, HIDDEN_NETS,
                spec -> {
                    RandomState random = new RandomState(spec.seed());
                    Parameters parameters = randomParameters(random, spec.sizes());
                    Map<String, Object> in = ordered("parameters", parameters, "grads",
                            randomLike(random, parameters, 1.0, false), "v", randomLike(random, parameters, 0.1, false),
                            "s", randomLike(random, parameters, 0.1, true));
                    // the course's test values; ε = 0.01 makes its place (inside or outside the root) visible
                    in.put("t", ADAM_T[(int) spec.seed() - 1]);
                    in.put("learning_rate", 0.02);
                    in.put("beta1", 0.8);
                    in.put("beta2", 0.888);
                    in.put("epsilon", 0.01);
                    return in;
                },
                (impl, c) -> {
                    AdamUpdate u = Expect.returned(impl.updateParametersWithAdam(parameters(c, "parameters"),
                            grads(c, "grads"), grads(c, "v"), grads(c, "s"), integer(c, "t"),
                            number(c, "learning_rate"), number(c, "beta1"), number(c, "beta2"), number(c, "epsilon")),
                            "update_parameters_with_adam", null);
                    List<String> keys = List.copyOf(parameters(c, "parameters").keys());
                    String f = "update_parameters_with_adam";
                    Map<String, Object> out = flatten("", Expect.returned(u.parameters(), f, "parameters"), keys, "");
                    out.putAll(flatten("v", Expect.returned(u.v(), f, "v"), keys, "d"));
                    out.putAll(flatten("s", Expect.returned(u.s(), f, "s"), keys, "d"));
                    out.putAll(flatten("v_corrected", Expect.returned(u.vCorrected(), f, "v_corrected"), keys, "d"));
                    out.putAll(flatten("s_corrected", Expect.returned(u.sCorrected(), f, "s_corrected"), keys, "d"));
                    return out;
                },
                hintsFor("", "W ← W − α·v_corrected / sqrt(s_corrected + ε): in this course ε sits inside the root.",
                        "v_corrected", "v_corrected = v / (1 − β1^t), with t the number of this update.",
                        "s_corrected", "s_corrected = s / (1 − β2^t): s uses β2 throughout."));
    }

    private static CaseSpec decay(String name, long seed, int epoch, int interval) {
        return new CaseSpec(name, seed, List.of(epoch, interval));
    }

    private static Map<String, Object> decayInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        return ordered("learning_rate0", 0.1 + random.rand(1, 1).item(), "epoch_num", spec.size(0), "decay_rate",
                0.3 + random.rand(1, 1).item(), "time_interval", spec.size(1));
    }

    private static Probe<OptimizationMethods> updateLr() {
        return new Probe<>("update_lr", Tolerance.STRICT,
                List.of(decay("seed 1, epoch 2", 1, 2, 1), decay("seed 2, epoch 0", 2, 0, 1)),
                List.of(decay("seed 3, epoch 1", 3, 1, 1), decay("seed 4, epoch 4000", 4, 4000, 1)),
                OptimizationProbes::decayInputs,
                (impl, c) -> ordered("learning_rate", impl.updateLr(number(c, "learning_rate0"),
                        integer(c, "epoch_num"), number(c, "decay_rate"))),
                Map.of("learning_rate", "α = α0 / (1 + decay_rate · epoch_num): mind the parentheses."));
    }

    private static Probe<OptimizationMethods> scheduleLrDecay() {
        return new Probe<>("schedule_lr_decay", Tolerance.STRICT,
                List.of(decay("seed 1, epoch 1250, interval 1000", 1, 1250, 1000),
                        decay("seed 2, epoch 100, interval 100", 2, 100, 100)),
                List.of(decay("seed 3, epoch 99, interval 100", 3, 99, 100),
                        decay("seed 4, epoch 7, interval 3", 4, 7, 3)),
                OptimizationProbes::decayInputs,
                (impl, c) -> ordered("learning_rate", impl.scheduleLrDecay(number(c, "learning_rate0"),
                        integer(c, "epoch_num"), number(c, "decay_rate"), integer(c, "time_interval"))),
                Map.of("learning_rate", "α = α0 / (1 + decay_rate · ⌊epoch_num / time_interval⌋): the rate only"
                        + " changes once per interval."));
    }

    // ---------------------------------------------------------------- model

    private static CaseSpec modelCase(long seed, Optimizer optimizer, Decay decay, int m, int size, Integer... dims) {
        List<Integer> sizes = new ArrayList<>(List.of(optimizer.ordinal(), decay.ordinal(), m, size));
        sizes.addAll(List.of(dims));
        return new CaseSpec("seed " + seed + ", " + optimizer.courseName() + (decay == Decay.NONE ? ""
                : " with " + decay.name().toLowerCase(java.util.Locale.ROOT)) + ", layers " + List.of(dims) + ", m = "
                + m + ", batches of " + size, seed, sizes);
    }

    /** Short runs: 3 epochs, so the cost of epoch 0 and the final parameters are compared. */
    static final int MODEL_EPOCHS = 3;
    private static final double[] MODEL_RATES = {0.1, 0.05, 0.01};

    private static Map<String, Object> modelInputs(CaseSpec spec) {
        RandomState random = new RandomState(spec.seed());
        List<Integer> dims = spec.sizes().subList(4, spec.sizes().size());
        int m = spec.size(2);
        Optimizer optimizer = Optimizer.values()[spec.size(0)];
        return ordered("X", random.randn(dims.get(0), m), "Y", random.rand(1, m).greaterThan(0.5),
                "layers_dims", new ArrayList<>(dims), "optimizer", spec.size(0), "learning_rate",
                MODEL_RATES[optimizer.ordinal()], "mini_batch_size", spec.size(3), "num_epochs", MODEL_EPOCHS,
                "decay", spec.size(1), "decay_rate", 1.0, "time_interval", 2);
    }

    /** The hyperparameters of a model case: the course's, with the case's rate, batch size, epochs and decay. */
    static Hyperparameters hyperparameters(FixtureCase c) {
        return Hyperparameters.COURSE.withLearningRate(number(c, "learning_rate"))
                .withMiniBatchSize(integer(c, "mini_batch_size")).withNumEpochs(integer(c, "num_epochs"))
                .withDecay(Decay.values()[integer(c, "decay")])
                .withDecayRate(number(c, "decay_rate"), integer(c, "time_interval"));
    }

    static int[] dims(List<?> decoded) {
        return decoded.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    /**
     * {@code model} graded on its own: the mini-batches, the optimizer initializations and every update are replaced
     * by the reference's results replayed from the fixture, so that only the training loop's wiring and its cost
     * bookkeeping are judged (the given forward, cost and backward passes run as they are).
     */
    private static Probe<OptimizationMethods> model() {
        return new Probe<>("model", Tolerance.STRICT,
                List.of(modelCase(1, Optimizer.GD, Decay.NONE, 10, 4, 2, 3, 2, 1),
                        modelCase(2, Optimizer.ADAM, Decay.NONE, 7, 3, 3, 4, 2, 1)),
                List.of(modelCase(3, Optimizer.MOMENTUM, Decay.NONE, 1, 64, 2, 3, 2, 1),
                        modelCase(4, Optimizer.ADAM, Decay.SCHEDULE_LR_DECAY, 12, 4, 2, 5, 2, 1)),
                OptimizationProbes::modelInputs,
                (impl, c) -> {
                    Replay replay = new Replay(c);
                    OptimizationMethods subject = replay.wrap(impl);
                    int[] dims = dims((List<?>) c.input("layers_dims"));
                    Trained trained = Expect.returned(subject.model((Matrix) c.input("X"), (Matrix) c.input("Y"),
                            dims, Optimizer.values()[integer(c, "optimizer")], hyperparameters(c), false), "model",
                            null);
                    Map<String, Object> out = ordered("costs", new ArrayList<>(trained.costs()));
                    List<String> keys = List.copyOf(ThreeLayerNet.initializeHe(dims).keys());
                    out.putAll(flatten("", Expect.returned(trained.parameters(), "model", "parameters"), keys, ""));
                    replay.record(out);
                    return out;
                },
                Map.of("costs", "An epoch's cost is the sum of compute_cost over its mini-batches divided by m;"
                                + " record it when the epoch number is a multiple of 100.",
                        "W1", "Return the parameters of the last update."),
                Replay.KEYS);
    }

    /** Records the reference's helper results while generating fixtures, and replays them while grading. */
    private static final class Replay {
        static final List<String> KEYS = List.of("batches_trace", "updates_trace", "init_trace");

        private final boolean replaying;
        private final List<?> batches;
        private final List<?> updates;
        private final List<?> init;
        private final List<Object> recordedBatches = new ArrayList<>();
        private final List<Object> recordedUpdates = new ArrayList<>();
        private final List<Object> recordedInit = new ArrayList<>();
        private final AtomicInteger batchCalls = new AtomicInteger();
        private final AtomicInteger updateCalls = new AtomicInteger();

        Replay(FixtureCase c) {
            replaying = c.replaying(KEYS.get(0));
            batches = replaying ? (List<?>) c.recording(KEYS.get(0)) : null;
            updates = replaying ? (List<?>) c.recording(KEYS.get(1)) : null;
            init = replaying ? (List<?>) c.recording(KEYS.get(2)) : null;
        }

        /** The recorded result of the next call, which must hold {@code parts} values (else: wrong helper). */
        private static List<?> entry(List<?> trace, AtomicInteger calls, int parts, String helper) {
            List<?> entry = trace.isEmpty() ? List.of()
                    : (List<?>) trace.get(Math.min(calls.getAndIncrement(), trace.size() - 1));
            if (entry.size() != parts) {
                throw new CheckFailure("model called " + helper + ", which the reference run with this optimizer"
                        + " never calls: use the update that belongs to the optimizer argument.");
            }
            return entry;
        }

        OptimizationMethods wrap(OptimizationMethods impl) {
            OptimizationMethods subject = spy(impl);
            doAnswer(inv -> {
                if (replaying) {
                    List<MiniBatch> out = new ArrayList<>();
                    for (Object pair : (List<?>) batches.get(Math.min(batchCalls.getAndIncrement(),
                            batches.size() - 1))) {
                        out.add(new MiniBatch((Matrix) ((List<?>) pair).get(0), (Matrix) ((List<?>) pair).get(1)));
                    }
                    return out;
                }
                @SuppressWarnings("unchecked")
                List<MiniBatch> real = (List<MiniBatch>) inv.callRealMethod();
                recordedBatches.add(real.stream().map(b -> List.of(b.x(), b.y())).toList());
                return real;
            }).when(subject).randomMiniBatches(any(), any(), anyInt(), anyLong());
            doAnswer(inv -> {
                if (replaying) {
                    return parametersOf(entry(updates, updateCalls, 1, "update_parameters_with_gd").get(0));
                }
                Parameters real = (Parameters) inv.callRealMethod();
                recordedUpdates.add(List.of(real));
                return real;
            }).when(subject).updateParametersWithGd(any(), any(), anyDouble());
            doAnswer(inv -> {
                if (replaying) {
                    List<?> u = entry(updates, updateCalls, 2, "update_parameters_with_momentum");
                    return new MomentumUpdate(parametersOf(u.get(0)), gradsOf(u.get(1)));
                }
                MomentumUpdate real = (MomentumUpdate) inv.callRealMethod();
                recordedUpdates.add(List.of(real.parameters(), real.v()));
                return real;
            }).when(subject).updateParametersWithMomentum(any(), any(), any(), anyDouble(), anyDouble());
            doAnswer(inv -> {
                if (replaying) {
                    List<?> u = entry(updates, updateCalls, 5, "update_parameters_with_adam");
                    return new AdamUpdate(parametersOf(u.get(0)), gradsOf(u.get(1)), gradsOf(u.get(2)),
                            gradsOf(u.get(3)), gradsOf(u.get(4)));
                }
                AdamUpdate real = (AdamUpdate) inv.callRealMethod();
                recordedUpdates.add(List.of(real.parameters(), real.v(), real.s(), real.vCorrected(),
                        real.sCorrected()));
                return real;
            }).when(subject).updateParametersWithAdam(any(), any(), any(), any(), anyInt(), anyDouble(), anyDouble(),
                    anyDouble(), anyDouble());
            doAnswer(inv -> {
                if (replaying && !init.isEmpty()) {
                    return gradsOf(init.get(0));
                }
                Grads real = (Grads) inv.callRealMethod();
                recordedInit.add(real);
                return real;
            }).when(subject).initializeVelocity(any());
            doAnswer(inv -> {
                if (replaying && init.size() >= 2) {
                    return new AdamState(gradsOf(init.get(0)), gradsOf(init.get(1)));
                }
                AdamState real = (AdamState) inv.callRealMethod();
                recordedInit.add(real.v());
                recordedInit.add(real.s());
                return real;
            }).when(subject).initializeAdam(any());
            return subject;
        }

        /** Adds the recordings to the reference's outputs (the generator moves them to the replay section). */
        void record(Map<String, Object> out) {
            if (!replaying) {
                out.put(KEYS.get(0), recordedBatches);
                out.put(KEYS.get(1), recordedUpdates);
                out.put(KEYS.get(2), recordedInit);
            }
        }
    }

    /** The reference run of the course: Adam, 10000 epochs on the moons; costs and training accuracy. */
    private static Probe<OptimizationMethods> training() {
        return new Probe<>(TRAINING_FIXTURE, Tolerance.NUMPY, List.of(new CaseSpec("adam, the course's run", 0,
                List.of())), List.of(), spec -> Map.of(),
                (impl, c) -> {
                    MoonsRun run = MoonsRun.of(impl, Optimizer.ADAM);
                    return ordered("costs", run.costs(), "train_accuracy", run.accuracy());
                },
                Map.of());
    }

    /** A run of {@code model} on the course's moons with the course's settings. */
    record MoonsRun(List<Double> costs, double accuracy) {
        static MoonsRun of(OptimizationMethods impl, Optimizer optimizer) {
            LabeledData moons = PlanarDatasets.optimizationMoons();
            Trained trained = Expect.returned(impl.model(moons.x(), moons.y(), COURSE_LAYERS.clone(), optimizer,
                    Hyperparameters.COURSE, false), "model", null);
            Parameters parameters = Expect.returned(trained.parameters(), "model", "parameters");
            return new MoonsRun(new ArrayList<>(trained.costs()), ThreeLayerNet.accuracy(ThreeLayerNet.predict(
                    moons.x(), parameters), moons.y()));
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * One output per key: {@code W1} for parameters, {@code v["dW1"]} for an average.
     *
     * @param name   the map's course name ({@code v}), empty for parameters
     * @param values the student's map
     * @param keys   the parameter keys to read, in order
     * @param prefix {@code d} for gradient-keyed maps
     */
    static Map<String, Object> flatten(String name, NamedMatrices values, Iterable<String> keys, String prefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : keys) {
            String k = prefix + key;
            out.put(label(name, k), values.has(k) ? values.get(k) : null);
        }
        return out;
    }

    private static String label(String name, String key) {
        return name.isEmpty() ? key : name + "[\"" + key + "\"]";
    }

    /** Hints for every key of a map, in pairs (map name, hint). */
    private static Map<String, String> hintsFor(String... nameHint) {
        Map<String, String> hints = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameHint.length; i += 2) {
            String name = nameHint[i];
            String prefix = name.isEmpty() ? "" : "d";
            for (int l = 1; l <= 3; l++) {
                for (String p : List.of("W", "b")) {
                    hints.put(label(name, prefix + p + l), nameHint[i + 1]);
                }
            }
        }
        hints.values().removeIf(String::isEmpty);
        return hints;
    }

    static Parameters parameters(FixtureCase c, String key) {
        return parametersOf(c.input(key));
    }

    static Grads grads(FixtureCase c, String key) {
        return gradsOf(c.input(key));
    }

    /** Decoded fixture parameters (an ordered map of matrices), or the object itself if it already is. */
    @SuppressWarnings("unchecked")
    static Parameters parametersOf(Object decoded) {
        if (decoded instanceof Parameters p) {
            return p;
        }
        Map<String, Matrix> entries = new LinkedHashMap<>();
        ((Map<String, Object>) decoded).forEach((k, v) -> entries.put(k, (Matrix) v));
        return Parameters.of(entries);
    }

    /** Decoded fixture gradients (an ordered map of matrices), or the object itself if it already is. */
    @SuppressWarnings("unchecked")
    static Grads gradsOf(Object decoded) {
        if (decoded instanceof Grads g) {
            return g;
        }
        Map<String, Matrix> entries = new LinkedHashMap<>();
        ((Map<String, Object>) decoded).forEach((k, v) -> entries.put(k, (Matrix) v));
        return Grads.of(entries);
    }
}
