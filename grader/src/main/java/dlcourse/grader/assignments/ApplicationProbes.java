package dlcourse.grader.assignments;

import static dlcourse.grader.assignments.Catalogs.integer;
import static dlcourse.grader.assignments.Catalogs.number;
import static dlcourse.grader.assignments.Catalogs.ordered;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.spy;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.DeepApplication;
import dlcourse.course.DeepApplication.Trained;
import dlcourse.data.CatImages;
import dlcourse.data.DataDirectory;
import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Tolerance;
import dlcourse.grader.fixture.FixtureCase;
import dlcourse.grader.fixture.Probe;
import dlcourse.grader.fixture.Probe.CaseSpec;
import dlcourse.nn.DeepNet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value probes of assignment 4 (deep network application): the two models on small seeded problems, with every
 * given step replaced by {@link DeepNet}'s (so only the student's training loop is judged, even if a given method
 * was edited), and the reference's shortened training runs on the cat pictures that the training checks compare
 * with.
 */
final class ApplicationProbes {

    /** Name of the fixture holding the reference's shortened runs on the cat pictures. */
    static final String TRAINING_FIXTURE = "training_on_cats";
    /** Iterations of the training checks' runs: enough to separate the models, short enough to grade quickly. */
    static final int TRAINING_ITERATIONS = 300;
    /** The course's learning rate for both models. */
    static final double COURSE_LEARNING_RATE = 0.0075;
    /** The course's two-layer network: 12288 → 7 → 1. */
    static final int[] TWO_LAYER_DIMS = {12288, 7, 1};
    /** The course's L-layer network. */
    static final int[] L_LAYER_DIMS = {12288, 20, 7, 5, 1};

    /** Learning rate of each small case, by seed. */
    private static final Map<Long, Double> RATES = Map.of(1L, 0.1, 2L, 0.05, 3L, 0.2, 4L, 0.5);

    private ApplicationProbes() {
    }

    static List<Probe<DeepApplication>> all() {
        return List.of(twoLayerModel(), lLayerModel(), training());
    }

    /** A case named by its layers, examples, iterations and learning rate; sizes are dims…, m, iterations. */
    static CaseSpec modelCase(long seed, List<Integer> dims, int m, int iterations) {
        List<Integer> sizes = new ArrayList<>(dims);
        sizes.add(m);
        sizes.add(iterations);
        return new CaseSpec("seed " + seed + ", layers_dims " + dims + ", m = " + m + ", " + iterations
                + " iterations, α = " + RATES.get(seed), seed, sizes);
    }

    /** X (n[0], m), Y (1, m), layers_dims, learning_rate, num_iterations. */
    static Map<String, Object> modelInputs(CaseSpec spec) {
        int k = spec.sizes().size();
        List<Integer> dims = spec.sizes().subList(0, k - 2);
        int m = spec.size(k - 2);
        RandomState random = new RandomState(spec.seed());
        Matrix x = random.randn(dims.get(0), m);
        Matrix y = random.rand(1, m).greaterThan(0.5);
        return ordered("X", x, "Y", y, "layers_dims", new ArrayList<>(dims), "learning_rate",
                RATES.getOrDefault(spec.seed(), 0.1), "num_iterations", spec.size(k - 1));
    }

    private static Probe<DeepApplication> twoLayerModel() {
        return new Probe<>("two_layer_model", Tolerance.NUMPY,
                List.of(modelCase(1, List.of(4, 3, 1), 5, 3), modelCase(2, List.of(3, 2, 1), 1, 201)),
                List.of(modelCase(3, List.of(5, 4, 1), 6, 101), modelCase(4, List.of(2, 3, 1), 3, 7)),
                ApplicationProbes::modelInputs,
                (impl, c) -> trained(Expect.returned(withGivenSteps(impl).twoLayerModel((Matrix) c.input("X"),
                        (Matrix) c.input("Y"), DeepProbes.dims(c, "layers_dims"), number(c, "learning_rate"),
                        integer(c, "num_iterations"), false), "two_layer_model", null)),
                Map.of("W1", "Each iteration: RELU layer, SIGMOID layer, cost, the two backward steps (sigmoid first),"
                                + " then updateParameters; keep the parameters it returns.",
                        "costs", "Record the cost of iterations 0, 100, 200, … only."));
    }

    private static Probe<DeepApplication> lLayerModel() {
        return new Probe<>("L_layer_model", Tolerance.NUMPY,
                List.of(modelCase(1, List.of(4, 3, 2, 1), 5, 3), modelCase(2, List.of(3, 2, 1), 1, 201)),
                List.of(modelCase(3, List.of(5, 4, 3, 2, 1), 6, 101), modelCase(4, List.of(2, 1), 3, 7)),
                ApplicationProbes::modelInputs,
                (impl, c) -> trained(Expect.returned(withGivenSteps(impl).lLayerModel((Matrix) c.input("X"),
                        (Matrix) c.input("Y"), DeepProbes.dims(c, "layers_dims"), number(c, "learning_rate"),
                        integer(c, "num_iterations"), false), "L_layer_model", null)),
                Map.of("W1", "Each iteration: lModelForward, computeCost, lModelBackward, updateParameters; keep the"
                                + " parameters it returns.",
                        "costs", "Record the cost of iterations 0, 100, 200, … only."));
    }

    private static Map<String, Object> trained(Trained trained) {
        Map<String, Object> out = new LinkedHashMap<>(Expect.returned(trained.parameters(), "the model",
                "parameters").asMap());
        out.put("costs", new ArrayList<>(trained.costs()));
        return out;
    }

    /** A spy of {@code impl} whose given steps are {@link DeepNet}'s, whatever the student's copies do. */
    static DeepApplication withGivenSteps(DeepApplication impl) {
        DeepApplication subject = spy(impl);
        doAnswer(inv -> DeepNet.initializeTwoLayer(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2)))
                .when(subject).initializeParameters(anyInt(), anyInt(), anyInt());
        doAnswer(inv -> DeepNet.initializeDeep((int[]) inv.getArgument(0))).when(subject)
                .initializeParametersDeep(any());
        doAnswer(inv -> DeepNet.linearActivationForward(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2),
                inv.getArgument(3))).when(subject).linearActivationForward(any(), any(), any(), any());
        doAnswer(inv -> DeepNet.modelForward(inv.getArgument(0), inv.getArgument(1))).when(subject)
                .lModelForward(any(), any());
        doAnswer(inv -> DeepNet.cost(inv.getArgument(0), inv.getArgument(1))).when(subject)
                .computeCost(any(), any());
        doAnswer(inv -> DeepNet.linearActivationBackward(inv.getArgument(0), inv.getArgument(1),
                inv.getArgument(2))).when(subject).linearActivationBackward(any(), any(), any());
        doAnswer(inv -> DeepNet.modelBackward(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2)))
                .when(subject).lModelBackward(any(), any(), any());
        doAnswer(inv -> DeepNet.updateParameters(inv.getArgument(0), inv.getArgument(1), inv.getArgument(2)))
                .when(subject).updateParameters(any(), any(), anyDouble());
        doAnswer(inv -> DeepNet.predict(inv.getArgument(0), inv.getArgument(1))).when(subject).predict(any(), any());
        return subject;
    }

    // ---------------------------------------------------------------- training on the cat pictures

    /** The reference's shortened runs of both models on the cat pictures. */
    private static Probe<DeepApplication> training() {
        return new Probe<>(TRAINING_FIXTURE, Tolerance.NUMPY, List.of(CaseSpec.of(0)), List.of(),
                spec -> Map.of(),
                (impl, c) -> {
                    Cats cats = Cats.load();
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (CatRun run : List.of(CatRun.twoLayer(impl, cats), CatRun.lLayer(impl, cats))) {
                        out.put(run.model() + " costs", run.costs());
                        out.put(run.model() + " train_accuracy", run.trainAccuracy());
                        out.put(run.model() + " test_accuracy", run.testAccuracy());
                    }
                    return out;
                },
                Map.of());
    }

    /** The cat pictures flattened to (12288, m) and scaled to 0..1, as assignment 1 prepares them. */
    record Cats(CatImages images, Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest) {
        static Cats load() {
            CatImages cats = CatImages.load(DataDirectory.standard());
            return new Cats(cats, flatten(cats.train().x()), cats.train().y(), flatten(cats.test().x()),
                    cats.test().y());
        }

        /** (m, 64, 64, 3) pixels → (12288, m), divided by 255. */
        static Matrix flatten(dlcourse.core.Tensor images) {
            return images.reshape(images.dim(0), -1).transpose().toMatrix().divide(255.0);
        }
    }

    /**
     * One shortened training run of a model on the cat pictures.
     *
     * @param model            {@code two_layer_model} or {@code L_layer_model}
     * @param costs            the costs it recorded
     * @param trainAccuracy    fraction of training pictures labelled correctly
     * @param testAccuracy     the same on the test pictures
     * @param testPredictions  its labels of the test pictures, (1, 50)
     */
    record CatRun(String model, List<Double> costs, double trainAccuracy, double testAccuracy,
                  Matrix testPredictions) {

        static CatRun twoLayer(DeepApplication impl, Cats cats) {
            Trained trained = Expect.returned(impl.twoLayerModel(cats.xTrain(), cats.yTrain(), TWO_LAYER_DIMS.clone(),
                    COURSE_LEARNING_RATE, TRAINING_ITERATIONS, false), "two_layer_model", null);
            return of("two_layer_model", trained, cats);
        }

        static CatRun lLayer(DeepApplication impl, Cats cats) {
            Trained trained = Expect.returned(impl.lLayerModel(cats.xTrain(), cats.yTrain(), L_LAYER_DIMS.clone(),
                    COURSE_LEARNING_RATE, TRAINING_ITERATIONS, false), "L_layer_model", null);
            return of("L_layer_model", trained, cats);
        }

        /** Accuracies of the learned parameters, predicted with the given (reference) forward pass. */
        private static CatRun of(String model, Trained trained, Cats cats) {
            var parameters = Expect.returned(trained.parameters(), model, "parameters");
            Matrix trainPredictions;
            Matrix testPredictions;
            try {
                trainPredictions = DeepNet.predict(cats.xTrain(), parameters);
                testPredictions = DeepNet.predict(cats.xTest(), parameters);
            } catch (RuntimeException e) {
                throw new CheckFailure(model + " returned parameters that cannot label the pictures (" + e.getMessage()
                        + "); it should return W1, b1, … with the shapes of layers_dims.");
            }
            return new CatRun(model, new ArrayList<>(trained.costs()), DeepNet.accuracy(trainPredictions,
                    cats.yTrain()), DeepNet.accuracy(testPredictions, cats.yTest()), testPredictions);
        }
    }

    /** The reference's figures of one model from the training fixture. */
    record Reference(List<Double> costs, double trainAccuracy, double testAccuracy) {
        static Reference of(FixtureCase c, String model) {
            return new Reference(Catalogs.doubles((List<?>) dlcourse.grader.fixture.Values.decode(
                    c.outputs().get(model + " costs"))),
                    Catalogs.num(dlcourse.grader.fixture.Values.decode(c.outputs().get(model + " train_accuracy"))),
                    Catalogs.num(dlcourse.grader.fixture.Values.decode(c.outputs().get(model + " test_accuracy"))));
        }
    }
}
