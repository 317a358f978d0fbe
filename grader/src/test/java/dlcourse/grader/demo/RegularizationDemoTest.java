package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.NotImplementedYet;
import dlcourse.course.Regularization;
import dlcourse.data.FootballData;
import dlcourse.data.LabeledData;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's bookkeeping without the reference solution: a stand-in model whose parameters label every point 0
 * (all weights 0, output bias −5), on five training and four test points. (The course's figures on the football
 * data are pinned by the solutions' RegularizationDemoFiguresTest.)
 */
class RegularizationDemoTest {

    /** Training labels 0, 0, 1, 0, 1 (all-zeros prediction: 3/5 right), test labels 1, 1, 0, 1 (1/4 right). */
    private static final FootballData TINY = new FootballData(
            new LabeledData(Matrix.of(2, 5, 0.1, 0.2, 0.3, 0.4, 0.5, -0.1, -0.2, -0.3, -0.4, -0.5),
                    Matrix.row(0, 0, 1, 0, 1)),
            new LabeledData(Matrix.of(2, 4, 0.5, -0.5, 0.25, 0, 0.5, -0.5, 0.25, 0), Matrix.row(1, 1, 0, 1)));

    /** Records how model was called and answers with parameters that say 0 everywhere. */
    private static final class AlwaysZero implements Regularization {
        final List<String> calls = new ArrayList<>();

        @Override
        public double computeCostWithRegularization(Matrix a3, Matrix y, Parameters parameters, double lambd) {
            throw new NotImplementedYet("compute_cost_with_regularization");
        }

        @Override
        public Grads backwardPropagationWithRegularization(Matrix x, Matrix y, ThreeLayerCache cache, double lambd) {
            throw new NotImplementedYet("backward_propagation_with_regularization");
        }

        @Override
        public DropoutCache forwardPropagationWithDropout(Matrix x, Parameters parameters, double keepProb) {
            throw new NotImplementedYet("forward_propagation_with_dropout");
        }

        @Override
        public Grads backwardPropagationWithDropout(Matrix x, Matrix y, DropoutCache cache, double keepProb) {
            throw new NotImplementedYet("backward_propagation_with_dropout");
        }

        @Override
        public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                           double lambd, double keepProb) {
            calls.add(numIterations + " at " + learningRate + ", lambd " + lambd + ", keep_prob " + keepProb
                    + (printCost ? " printing" : ""));
            List<Double> costs = new ArrayList<>();
            for (int i = 0; i < numIterations; i += COST_EVERY) {
                costs.add(1.0 / (i + 1));
            }
            Parameters p = Parameters.builder().put("W1", Matrix.zeros(20, 2)).put("b1", Matrix.zeros(20, 1))
                    .put("W2", Matrix.zeros(3, 20)).put("b2", Matrix.zeros(3, 1))
                    .put("W3", Matrix.zeros(1, 3)).put("b3", Matrix.full(1, 1, -5.0)).build();
            return new Model(p, costs);
        }
    }

    @Test
    void runs_the_three_settings_in_the_course_order() {
        // given
        AlwaysZero model = new AlwaysZero();

        // when
        DemoResult result = RegularizationDemo.run(model, TINY, new PrintWriter(new StringWriter()), null);

        // then
        assertEquals(List.of("30000 at 0.3, lambd 0.0, keep_prob 1.0", "30000 at 0.3, lambd 0.7, keep_prob 1.0",
                "30000 at 0.3, lambd 0.0, keep_prob 0.86"), model.calls);
        assertEquals(List.of("none", "l2", "dropout"), result.runs().stream().map(DemoResult.Run::name).toList());
        for (DemoResult.Run run : result.runs()) {
            assertEquals(0.6, run.trainAccuracy(), 1e-15, run.name());
            assertEquals(0.25, run.testAccuracy(), 0.0, run.name());
            assertEquals(30, run.costs().size(), run.name());
            assertEquals(1000, run.costEvery(), run.name());
        }
    }

    @Test
    void prints_the_cost_every_10000_iterations_and_the_accuracies() {
        // given
        StringWriter output = new StringWriter();

        // when
        RegularizationDemo.run(new AlwaysZero(), TINY, new PrintWriter(output), null);

        // then
        List<String> lines = output.toString().lines().toList();
        assertEquals(List.of("Cost after iteration 0: 1.0", "Cost after iteration 10000: 9.999000099990002E-5",
                "Cost after iteration 20000: 4.999750012499375E-5", "On the training set:", "Accuracy: 0.6",
                "On the test set:", "Accuracy: 0.25"), lines.subList(0, 7));
        assertEquals(3 * 7, lines.size());
    }

    @Test
    void writes_one_decision_boundary_per_run(@TempDir Path figures) throws Exception {
        StringWriter output = new StringWriter();

        RegularizationDemo.run(new AlwaysZero(), TINY, new PrintWriter(output), figures);

        for (String name : List.of("none", "l2", "dropout")) {
            Path file = figures.resolve("regularization-" + name + ".svg");
            assertTrue(Files.readString(file).contains("Model "), file.toString());
            assertTrue(output.toString().contains("Decision boundary: " + file + "\n"), output::toString);
        }
    }

    @Test
    void the_registry_knows_the_demo_after_the_initialization_one() {
        List<String> ids = Demos.ids();
        assertTrue(ids.indexOf("regularization") > ids.indexOf("initialization"), ids::toString);
        assertEquals(RegularizationDemo.IMPLEMENTATION_CLASS,
                Demos.find("regularization").orElseThrow().implementationClass());
    }
}
