package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import dlcourse.course.LogisticRegression;
import dlcourse.course.NotImplementedYet;
import dlcourse.data.CatImages;
import dlcourse.data.LabeledImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's bookkeeping without the reference solution: a stand-in model with known predictions on a tiny batch
 * of 2 × 2 pictures. (The course's figures on the real data are pinned by the solutions' LogisticDemoFiguresTest.)
 */
class LogisticDemoTest {

    /** Four training pictures labelled 1, 1, 0, 1 and two test pictures labelled 0, 1. */
    private static final CatImages TINY = new CatImages(
            new LabeledImages(pictures(4), Matrix.row(1, 1, 0, 1)),
            new LabeledImages(pictures(2), Matrix.row(0, 1)),
            List.of("non-cat", "cat"));

    private static Tensor pictures(int m) {
        double[] values = new double[m * 2 * 2 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 256;
        }
        return Tensor.of(new int[] {m, 2, 2, 3}, values);
    }

    /**
     * Says "cat" for every picture (train accuracy 3/4, test 1/2), records how {@code model} was called, and
     * returns one made-up cost per 100 iterations.
     */
    private static class AlwaysCat implements LogisticRegression {
        final List<String> calls = new ArrayList<>();

        @Override
        public DatasetDimensions datasetDimensions(Tensor trainImages, Tensor testImages) {
            throw new NotImplementedYet("dataset_dimensions");
        }

        @Override
        public Matrix flattenImages(Tensor images) {
            // a stand-in of the right shape: the grader's tests never hold an answer of the course
            return Matrix.zeros(images.size() / images.dim(0), images.dim(0));
        }

        @Override
        public Matrix sigmoid(Matrix z) {
            throw new NotImplementedYet("sigmoid");
        }

        @Override
        public Parameters initializeWithZeros(int dim) {
            throw new NotImplementedYet("initialize_with_zeros");
        }

        @Override
        public Propagation propagate(Matrix w, double b, Matrix x, Matrix y) {
            throw new NotImplementedYet("propagate");
        }

        @Override
        public Optimization optimize(Matrix w, double b, Matrix x, Matrix y, int numIterations, double learningRate,
                                     boolean printCost) {
            throw new NotImplementedYet("optimize");
        }

        @Override
        public Matrix predict(Matrix w, double b, Matrix x) {
            throw new NotImplementedYet("predict");
        }

        @Override
        public Model model(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest, int numIterations,
                           double learningRate, boolean printCost) {
            calls.add(numIterations + " at " + learningRate + (printCost ? " printing" : ""));
            List<Double> costs = new ArrayList<>();
            for (int i = 0; i < numIterations; i += COST_EVERY) {
                costs.add(1.0 / (i + 1));
            }
            return new Model(costs, predictions(xTest.cols()), predictions(xTrain.cols()),
                    new Parameters(Matrix.zeros(xTrain.rows(), 1), 0), learningRate, numIterations);
        }

        Matrix predictions(int m) {
            return Matrix.ones(1, m);
        }
    }

    private static String[] lines(StringWriter output) {
        return output.toString().split("\\R");
    }

    @Test
    void runs_the_course_settings_in_the_course_order_without_printing_from_the_model() {
        // given
        AlwaysCat model = new AlwaysCat();

        // when
        DemoResult result = LogisticDemo.run(model, TINY, new PrintWriter(new StringWriter()));

        // then
        assertEquals(List.of("2000 at 0.005", "1500 at 0.01", "1500 at 0.001", "1500 at 1.0E-4"), model.calls);
        assertEquals("logistic", result.assignment());
        assertEquals(List.of("lr=0.005", "lr=0.01", "lr=0.001", "lr=0.0001"),
                result.runs().stream().map(DemoResult.Run::name).toList());
    }

    @Test
    void accuracy_is_one_minus_the_mean_absolute_error_as_a_fraction() {
        // when
        DemoResult result = LogisticDemo.run(new AlwaysCat(), TINY, new PrintWriter(new StringWriter()));

        // then
        for (DemoResult.Run run : result.runs()) {
            assertEquals(0.75, run.trainAccuracy(), 0.0, run.name());
            assertEquals(0.5, run.testAccuracy(), 0.0, run.name());
            assertEquals(LogisticRegression.COST_EVERY, run.costEvery(), run.name());
        }
        assertEquals(20, result.run("lr=0.005").costs().size());
        assertEquals(15, result.run("lr=0.01").costs().size());
    }

    @Test
    void prints_the_course_output() {
        // given
        StringWriter output = new StringWriter();

        // when
        LogisticDemo.run(new AlwaysCat(), TINY, new PrintWriter(output));

        // then
        String[] lines = lines(output);
        assertEquals("Cost after iteration 0: 1.000000", lines[0]);
        assertEquals("Cost after iteration 100: 0.009901", lines[1]);
        assertEquals("Cost after iteration 1900: 0.000526", lines[19]);
        assertEquals("train accuracy: 75.0 %", lines[20]);
        assertEquals("test accuracy: 50.0 %", lines[21]);
        assertEquals(List.of("", "learning rate is: 0.01", "train accuracy: 75.0 %", "test accuracy: 50.0 %", "",
                "-------------------------------------------------------"), List.of(lines).subList(22, 28));
        assertTrue(output.toString().contains("learning rate is: 0.0001"), output::toString);
        assertEquals(22 + 3 * 6, lines.length, output::toString);
    }

    @Test
    void predictions_of_the_wrong_shape_are_reported_with_both_shapes() {
        // given a model that returns one prediction too many, as a column
        AlwaysCat model = new AlwaysCat() {
            @Override
            Matrix predictions(int m) {
                return Matrix.ones(m + 1, 1);
            }
        };

        // when
        DemoException error = assertThrows(DemoException.class,
                () -> LogisticDemo.run(model, TINY, new PrintWriter(new StringWriter())));

        // then
        assertEquals("model returned Y_prediction_train of shape (5, 1) but the labels have shape (1, 4): expected"
                + " one prediction per example", error.getMessage());
    }

    @Test
    void an_unwritten_function_reaches_the_caller_as_not_implemented() {
        // given
        AlwaysCat model = new AlwaysCat() {
            @Override
            public Matrix flattenImages(Tensor images) {
                throw new NotImplementedYet("flatten_images");
            }
        };

        // when
        NotImplementedYet error = assertThrows(NotImplementedYet.class,
                () -> LogisticDemo.run(model, TINY, new PrintWriter(new StringWriter())));

        // then
        assertEquals("flatten_images", error.function());
    }

    @Test
    void learning_rates_are_written_as_the_course_writes_them() {
        assertEquals("lr=0.0001", LogisticDemo.runName(1e-4));
        assertEquals("lr=0.005", LogisticDemo.runName(0.005));
        assertEquals("lr=1.2", LogisticDemo.runName(1.2));
    }

    @Test
    void the_registry_knows_the_logistic_demo() {
        assertEquals("logistic", Demos.ids().get(0), "assignment 1 comes first: " + Demos.ids());
        assertEquals(LogisticDemo.IMPLEMENTATION_CLASS, Demos.find("logistic").orElseThrow().implementationClass());
        assertTrue(Demos.find("nope").isEmpty());
    }
}
