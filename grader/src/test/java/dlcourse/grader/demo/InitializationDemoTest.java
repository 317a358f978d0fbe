package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.Initialization;
import dlcourse.course.NotImplementedYet;
import dlcourse.data.LabeledData;
import dlcourse.data.PlanarDatasets.TrainTest;
import dlcourse.nn.Parameters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's bookkeeping without the reference solution: a stand-in model whose parameters label every point 1
 * (all weights 0, output bias +5), on four training and two test points. (The course's figures on the circles are
 * pinned by the solutions' InitializationDemoFiguresTest.)
 */
class InitializationDemoTest {

    /** Training labels 1, 0, 1, 1 (all-ones prediction: 3/4 right), test labels 0, 1 (1/2 right). */
    private static final TrainTest TINY = new TrainTest(
            new LabeledData(Matrix.of(2, 4, 0.1, 0.2, 0.3, 0.4, -0.1, -0.2, -0.3, -0.4), Matrix.row(1, 0, 1, 1)),
            new LabeledData(Matrix.of(2, 2, 0.5, -0.5, 0.5, -0.5), Matrix.row(0, 1)));

    /** Records how model was called and answers with parameters that say 1 everywhere. */
    private static class AlwaysOne implements Initialization {
        final List<String> calls = new ArrayList<>();

        @Override
        public Parameters initializeParametersZeros(int[] layersDims) {
            throw new NotImplementedYet("initialize_parameters_zeros");
        }

        @Override
        public Parameters initializeParametersRandom(int[] layersDims) {
            throw new NotImplementedYet("initialize_parameters_random");
        }

        @Override
        public Parameters initializeParametersHe(int[] layersDims) {
            throw new NotImplementedYet("initialize_parameters_he");
        }

        @Override
        public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                           String initialization) {
            calls.add(initialization + " " + numIterations + " at " + learningRate + (printCost ? " printing" : ""));
            List<Double> costs = new ArrayList<>();
            for (int i = 0; i < numIterations; i += COST_EVERY) {
                costs.add(i == 0 ? Double.POSITIVE_INFINITY : 1000.0 / i);
            }
            return new Model(parameters(), costs);
        }

        Parameters parameters() {
            return Parameters.builder().put("W1", Matrix.zeros(10, 2)).put("b1", Matrix.zeros(10, 1))
                    .put("W2", Matrix.zeros(5, 10)).put("b2", Matrix.zeros(5, 1))
                    .put("W3", Matrix.zeros(1, 5)).put("b3", Matrix.full(1, 1, 5.0)).build();
        }
    }

    private static DemoResult run(Initialization model, StringWriter output, Path figures) {
        return InitializationDemo.run(model, TINY, new PrintWriter(output), figures);
    }

    @Test
    void trains_from_each_initialization_in_the_course_order_with_the_course_settings() {
        // given
        AlwaysOne model = new AlwaysOne();

        // when
        DemoResult result = run(model, new StringWriter(), null);

        // then
        assertEquals(List.of("zeros 15000 at 0.01", "random 15000 at 0.01", "he 15000 at 0.01"), model.calls);
        assertEquals("initialization", result.assignment());
        assertEquals(List.of("zeros", "random", "he"), result.runs().stream().map(DemoResult.Run::name).toList());
    }

    @Test
    void accuracies_are_the_given_predictions_share_of_right_labels() {
        // when
        DemoResult result = run(new AlwaysOne(), new StringWriter(), null);

        // then
        for (DemoResult.Run run : result.runs()) {
            assertEquals(0.75, run.trainAccuracy(), 0.0, run.name());
            assertEquals(0.5, run.testAccuracy(), 0.0, run.name());
            assertEquals(1000, run.costEvery(), run.name());
            assertEquals(15, run.costs().size(), run.name());
        }
    }

    @Test
    void prints_the_course_output_with_python_spelling_of_infinity() {
        // given
        StringWriter output = new StringWriter();

        // when
        run(new AlwaysOne(), output, null);

        // then
        List<String> lines = output.toString().lines().toList();
        assertEquals("Cost after iteration 0: inf", lines.get(0));
        assertEquals("Cost after iteration 1000: 1.0", lines.get(1));
        assertEquals("Cost after iteration 14000: 0.07142857142857142", lines.get(14));
        assertEquals(List.of("On the train set:", "Accuracy: 0.75", "On the test set:", "Accuracy: 0.5"),
                lines.subList(15, 19));
        assertEquals(3 * 19, lines.size());
    }

    @Test
    void writes_one_decision_boundary_per_run_and_names_it(@TempDir Path figures) throws Exception {
        // given
        StringWriter output = new StringWriter();

        // when
        run(new AlwaysOne(), output, figures);

        // then
        for (String name : List.of("zeros", "random", "he")) {
            Path file = figures.resolve("initialization-" + name + ".svg");
            assertTrue(Files.readString(file).startsWith("<?xml"), file.toString());
            assertTrue(output.toString().contains("Decision boundary: " + file + "\n"), output::toString);
        }
    }

    @Test
    void writes_no_figure_without_a_folder() {
        StringWriter output = new StringWriter();

        run(new AlwaysOne(), output, null);

        assertFalse(output.toString().contains("Decision boundary"), output::toString);
    }

    @Test
    void parameters_of_the_wrong_shape_are_reported() {
        // given a model whose first layer expects 3 inputs
        AlwaysOne model = new AlwaysOne() {
            @Override
            Parameters parameters() {
                return super.parameters().with("W1", Matrix.zeros(10, 3));
            }
        };

        // when
        DemoException error = assertThrows(DemoException.class, () -> run(model, new StringWriter(), null));

        // then
        assertTrue(error.getMessage().startsWith("model returned parameters the three-layer network cannot use: "),
                error.getMessage());
    }

    @Test
    void an_unwritten_model_reaches_the_caller_as_not_implemented() {
        AlwaysOne model = new AlwaysOne() {
            @Override
            public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                               String initialization) {
                throw new NotImplementedYet("model");
            }
        };

        NotImplementedYet error = assertThrows(NotImplementedYet.class,
                () -> run(model, new StringWriter(), null));

        assertEquals("model", error.function());
    }

    @Test
    void the_registry_knows_the_demo_after_the_logistic_one() {
        List<String> ids = Demos.ids();
        assertTrue(ids.indexOf("initialization") > ids.indexOf("logistic"), ids::toString);
        assertEquals(InitializationDemo.IMPLEMENTATION_CLASS,
                Demos.find("initialization").orElseThrow().implementationClass());
    }

    @Test
    void python_spells_special_floats_its_own_way() {
        assertEquals("inf", DemoFormat.pythonFloat(Double.POSITIVE_INFINITY));
        assertEquals("-inf", DemoFormat.pythonFloat(Double.NEGATIVE_INFINITY));
        assertEquals("nan", DemoFormat.pythonFloat(Double.NaN));
        assertEquals("0.5", DemoFormat.pythonFloat(0.5));
    }

    @Test
    void an_infinite_cost_survives_the_json_form() {
        DemoResult result = run(new AlwaysOne(), new StringWriter(), null);

        DemoResult read = DemoResult.fromJson(result.toJson());

        assertEquals(Double.POSITIVE_INFINITY, read.run("random").costs().get(0));
        assertEquals(result.run("he").costs(), read.run("he").costs());
    }
}
