package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.Tensor;
import dlcourse.course.NotImplementedYet;
import dlcourse.course.ProgrammingFrameworks;
import dlcourse.data.LabeledImages;
import dlcourse.data.SignsImages;
import dlcourse.nn.Parameters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The demo's bookkeeping without TensorFlow: a stand-in implementation on tiny 2 × 2 pictures, two per class. (The
 * reference solution's figures on the real pictures are pinned by the solutions' FrameworkDemoFiguresTest.)
 */
class FrameworkDemoTest {

    private static final FrameworkDemo.Settings TINY_SETTINGS = new FrameworkDemo.Settings(0.01, 205, 4, 1);

    /** Pictures labelled 0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5 (two per class), or only the first {@code m}. */
    private static LabeledImages pictures(int m) {
        double[] values = new double[m * 2 * 2 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 256;
        }
        double[] labels = new double[m];
        for (int i = 0; i < m; i++) {
            labels[i] = i % 6;
        }
        return new LabeledImages(Tensor.of(new int[] {m, 2, 2, 3}, values), Matrix.row(labels));
    }

    private static SignsImages signs(boolean withTrainingFile) {
        return new SignsImages(withTrainingFile ? Optional.of(pictures(18)) : Optional.empty(), pictures(12),
                List.of("0", "1", "2", "3", "4", "5"));
    }

    /** Records how {@code model} is called; the warm-up functions return fixed values. */
    private static class StandIn implements ProgrammingFrameworks {
        final List<String> calls = new ArrayList<>();

        @Override
        public Matrix linearFunction(RandomState random) {
            return Matrix.column(1, 2, 3, 4);
        }

        @Override
        public double sigmoid(double z) {
            return z == 0 ? 0.5 : 0.9;
        }

        @Override
        public Matrix cost(Matrix logits, Matrix labels) {
            return labels;
        }

        @Override
        public Matrix oneHotMatrix(Matrix labels, int c) {
            return Matrix.zeros(c, labels.cols());
        }

        @Override
        public Tensor ones(int... shape) {
            return Tensor.zeros(shape);
        }

        @Override
        public Placeholders createPlaceholders(Ops tf, int nX, int nY) {
            throw new NotImplementedYet("create_placeholders");
        }

        @Override
        public Map<String, Variable<TFloat32>> initializeParameters(Ops tf) {
            throw new NotImplementedYet("initialize_parameters");
        }

        @Override
        public Operand<TFloat32> forwardPropagation(Ops tf, Operand<TFloat32> x,
                                                    Map<String, ? extends Operand<TFloat32>> parameters) {
            throw new NotImplementedYet("forward_propagation");
        }

        @Override
        public Operand<TFloat32> computeCost(Ops tf, Operand<TFloat32> z3, Operand<TFloat32> y) {
            throw new NotImplementedYet("compute_cost");
        }

        @Override
        public Model model(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest, double learningRate,
                           int numEpochs, int minibatchSize, boolean printCost) {
            calls.add(xTrain.shape() + " " + yTrain.shape() + " " + xTest.shape() + " " + yTest.shape() + " lr "
                    + learningRate + " epochs " + numEpochs + " batch " + minibatchSize
                    + (printCost ? " printing" : ""));
            List<Double> costs = new ArrayList<>();
            for (int epoch = 0; epoch < numEpochs; epoch += COST_EVERY) {
                costs.add(1.0 / (epoch + 1));
            }
            return new Model(Parameters.builder().build(), costs, 0.75, 0.5);
        }
    }

    @Test
    void without_the_training_file_it_trains_on_a_stratified_split_and_says_so() {
        StandIn impl = new StandIn();
        StringWriter output = new StringWriter();

        DemoResult result = FrameworkDemo.run(impl, signs(false), TINY_SETTINGS, new PrintWriter(output));

        assertEquals(List.of("(12, 6) (6, 6) (12, 6) (6, 6) lr 0.01 epochs 205 batch 4"), impl.calls);
        assertTrue(output.toString().contains("train_signs.h5 not found: training on a stratified split of"
                + " test_signs.h5, the first 1 pictures of each class (6) for training and the other 6 for testing."),
                output::toString);
        assertEquals("framework", result.assignment());
        assertEquals(List.of("signs"), result.runs().stream().map(DemoResult.Run::name).toList());
    }

    @Test
    void with_the_training_file_it_trains_on_it_and_tests_on_the_test_file() {
        StandIn impl = new StandIn();
        StringWriter output = new StringWriter();

        FrameworkDemo.run(impl, signs(true), TINY_SETTINGS, new PrintWriter(output));

        assertEquals(List.of("(12, 18) (6, 18) (12, 12) (6, 12) lr 0.01 epochs 205 batch 4"), impl.calls);
        assertTrue(output.toString().contains("Training on the 18 pictures of train_signs.h5, testing on the 12 of"
                + " test_signs.h5."), output::toString);
    }

    @Test
    void prints_the_warm_up_results_then_the_cost_every_100_epochs_and_both_accuracies() {
        StringWriter output = new StringWriter();

        DemoResult result = FrameworkDemo.run(new StandIn(), signs(false), TINY_SETTINGS, new PrintWriter(output));

        List<String> lines = output.toString().lines().toList();
        assertEquals("result = " + Matrix.column(1, 2, 3, 4).toString().lines().findFirst().orElseThrow(),
                lines.get(0));
        assertTrue(lines.contains("sigmoid(0) = 0.5"), lines::toString);
        assertTrue(lines.contains("sigmoid(12) = 0.9"), lines::toString);
        assertEquals(List.of("Training 205 epochs...", "Cost after epoch 0: 1.000000", "Cost after epoch 100: 0.009901",
                "Cost after epoch 200: 0.004975", "Train Accuracy: 0.75", "Test Accuracy: 0.5"),
                lines.subList(lines.size() - 6, lines.size()));
        DemoResult.Run run = result.run("signs");
        assertEquals(41, run.costs().size());
        assertEquals(5, run.costEvery());
        assertEquals(0.75, run.trainAccuracy());
        assertEquals(0.5, run.testAccuracy());
    }

    @Test
    void an_unwritten_warm_up_function_reaches_the_caller_as_not_implemented() {
        StandIn impl = new StandIn() {
            @Override
            public double sigmoid(double z) {
                throw new NotImplementedYet("sigmoid");
            }
        };

        NotImplementedYet error = assertThrows(NotImplementedYet.class,
                () -> FrameworkDemo.run(impl, signs(false), TINY_SETTINGS, new PrintWriter(new StringWriter())));

        assertEquals("sigmoid", error.function());
    }

    @Test
    void the_registry_knows_the_framework_demo_after_the_logistic_one() {
        assertTrue(Demos.find("framework").orElseThrow() instanceof FrameworkDemo);
        assertEquals(Demos.ids().size() - 1, Demos.ids().indexOf("framework"), "assignment 9 comes last");
        assertEquals("dlcourse.framework.Frameworks", new FrameworkDemo().implementationClass());
        assertTrue(new FrameworkDemo().description().contains("stratified split of test_signs.h5"));
    }
}
