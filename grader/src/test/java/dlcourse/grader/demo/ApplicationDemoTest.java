package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import dlcourse.course.DeepApplication;
import dlcourse.course.NotImplementedYet;
import dlcourse.data.CatImages;
import dlcourse.data.LabeledImages;
import dlcourse.nn.Activation;
import dlcourse.nn.ForwardPass;
import dlcourse.nn.Grads;
import dlcourse.nn.LayerCache;
import dlcourse.nn.LayerStep;
import dlcourse.nn.LinearGradients;
import dlcourse.nn.Parameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's bookkeeping without the reference solution: a stand-in whose "models" return made-up costs and whose
 * predict says "cat" for every picture. (The course's figures are pinned by the solutions' ApplicationDemoFiguresTest.)
 */
class ApplicationDemoTest {

    /** Four training pictures labelled 1, 1, 0, 1 and two test pictures labelled 0, 1. */
    private static final CatImages TINY = new CatImages(
            new LabeledImages(Tensor.zeros(4, 2, 2, 3), Matrix.row(1, 1, 0, 1)),
            new LabeledImages(Tensor.zeros(2, 2, 2, 3), Matrix.row(0, 1)),
            List.of("non-cat", "cat"));

    /** Records the calls; both models return one cost per 100 iterations. */
    private static class AlwaysCat implements DeepApplication {
        final List<String> calls = new ArrayList<>();

        private Trained trained(String name, Matrix x, int[] dims, double rate, int iterations, boolean print) {
            calls.add(name + " x" + x.shape() + " dims " + java.util.Arrays.toString(dims) + " α " + rate + " n "
                    + iterations + " print " + print);
            List<Double> costs = new ArrayList<>();
            for (int i = 0; i < iterations; i += COST_EVERY) {
                costs.add(1.0 / (i + 1));
            }
            return new Trained(Parameters.builder().put("W1", Matrix.zeros(1, x.rows())).put("b1",
                    Matrix.zeros(1, 1)).build(), costs);
        }

        @Override
        public Trained twoLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                                     boolean printCost) {
            return trained("two", x, layersDims, learningRate, numIterations, printCost);
        }

        @Override
        public Trained lLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                                   boolean printCost) {
            return trained("L", x, layersDims, learningRate, numIterations, printCost);
        }

        @Override
        public Matrix predict(Matrix x, Parameters parameters) {
            return Matrix.ones(1, x.cols());
        }

        @Override
        public Parameters initializeParameters(int nX, int nH, int nY) {
            throw new NotImplementedYet("initialize_parameters");
        }

        @Override
        public Parameters initializeParametersDeep(int[] layerDims) {
            throw new NotImplementedYet("initialize_parameters_deep");
        }

        @Override
        public LayerStep linearActivationForward(Matrix aPrev, Matrix w, Matrix b, Activation activation) {
            throw new NotImplementedYet("linear_activation_forward");
        }

        @Override
        public ForwardPass lModelForward(Matrix x, Parameters parameters) {
            throw new NotImplementedYet("L_model_forward");
        }

        @Override
        public double computeCost(Matrix al, Matrix y) {
            throw new NotImplementedYet("compute_cost");
        }

        @Override
        public LinearGradients linearActivationBackward(Matrix dA, LayerCache cache, Activation activation) {
            throw new NotImplementedYet("linear_activation_backward");
        }

        @Override
        public Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches) {
            throw new NotImplementedYet("L_model_backward");
        }

        @Override
        public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
            throw new NotImplementedYet("update_parameters");
        }
    }

    @Test
    void both_models_run_with_the_courses_settings_and_their_figures_are_reported(@TempDir Path dir)
            throws IOException {
        AlwaysCat model = new AlwaysCat();
        StringWriter text = new StringWriter();

        ApplicationDemo.Outcome outcome = ApplicationDemo.run(model, TINY, 250, new PrintWriter(text), dir);

        assertEquals(List.of("two x(12, 4) dims [12288, 7, 1] α 0.0075 n 250 print false",
                "L x(12, 4) dims [12288, 20, 7, 5, 1] α 0.0075 n 250 print false"), model.calls);
        DemoResult result = outcome.result();
        assertEquals("application", result.assignment());
        assertEquals(List.of("two_layer", "L_layer"), result.runs().stream().map(DemoResult.Run::name).toList());
        assertEquals(0.75, result.run("L_layer").trainAccuracy(), 1e-15);
        assertEquals(0.5, result.run("two_layer").testAccuracy(), 1e-15);
        assertEquals(List.of(1.0, 1.0 / 101, 1.0 / 201), result.run("two_layer").costs());
        assertEquals(List.of(0), outcome.mislabelled());
        List<String> lines = text.toString().lines().toList();
        assertEquals(List.of("Cost after iteration 0: 1.000000", "Cost after iteration 100: 0.009901",
                "Cost after iteration 200: 0.004975", "train accuracy: 0.75", "test accuracy: 0.5", ""),
                lines.subList(0, 6));
        assertEquals("mislabelled test pictures (L-layer model): [0]", lines.get(lines.size() - 2));
        Path gallery = dir.resolve(ApplicationDemo.GALLERY_FILE);
        assertEquals("wrote " + gallery, lines.get(lines.size() - 1));
        assertTrue(Files.readString(gallery).contains(">#0 Prediction: cat</text>"));
        assertTrue(result.toJson().startsWith("{\"assignment\":\"application\",\"runs\":[{\"name\":\"two_layer\""),
                result.toJson());
    }

    /**
     * A public implementation (the demo can make more of it): the two-layer model waits for the L-layer model to
     * have started, which only happens when the two train side by side; the L-layer model's W1 has two rows.
     */
    public static class SideBySide extends AlwaysCat {
        static final CountDownLatch DEEP_STARTED = new CountDownLatch(1);

        @Override
        public Trained twoLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                                     boolean printCost) {
            try {
                assertTrue(DEEP_STARTED.await(20, TimeUnit.SECONDS), "the L-layer model did not start alongside");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return super.twoLayerModel(x, y, layersDims, learningRate, numIterations, printCost);
        }

        @Override
        public Trained lLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                                   boolean printCost) {
            DEEP_STARTED.countDown();
            Trained trained = super.lLayerModel(x, y, layersDims, learningRate, numIterations, printCost);
            return new Trained(Parameters.builder().put("W1", Matrix.zeros(2, x.rows())).put("b1",
                    Matrix.zeros(2, 1)).build(), trained.costs());
        }
    }

    @Test
    void the_two_models_train_side_by_side_and_print_in_the_courses_order() {
        assumeTrue(ParallelRuns.THREADS > 1, "one processor: the runs go one after the other");
        StringWriter parallel = new StringWriter();
        StringWriter sequential = new StringWriter();

        ApplicationDemo.Outcome outcome = ApplicationDemo.run(new SideBySide(), TINY, 250,
                new PrintWriter(parallel), null);
        ApplicationDemo.run(new AlwaysCat(), TINY, 250, new PrintWriter(sequential), null);

        assertEquals(sequential.toString(), parallel.toString());
        assertEquals(List.of("two_layer", "L_layer"), outcome.result().runs().stream().map(DemoResult.Run::name)
                .toList());
        assertEquals(2, outcome.parameters().weights(1).rows(), "the outcome must carry the L-layer model's"
                + " parameters");
    }

    @Test
    void predictions_of_the_wrong_shape_are_a_demo_error() {
        AlwaysCat wrongShape = new AlwaysCat() {
            @Override
            public Matrix predict(Matrix x, Parameters parameters) {
                return Matrix.ones(x.cols(), 1);
            }
        };
        DemoException e = assertThrows(DemoException.class, () -> ApplicationDemo.run(wrongShape, TINY, 1,
                new PrintWriter(new StringWriter()), null));
        assertEquals("predict returned shape (4, 1) for the training pictures; expected (1, 4)", e.getMessage());
    }

    @Test
    void the_demo_is_registered_after_logistic() {
        assertEquals(List.of("logistic", "application"), Demos.ids().stream().filter(id -> id.equals("logistic")
                || id.equals("application")).toList());
        assertTrue(new ApplicationDemo().description().contains("2500 iterations"));
    }
}
