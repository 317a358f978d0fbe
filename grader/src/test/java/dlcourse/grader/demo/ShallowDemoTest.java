package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.course.NotImplementedYet;
import dlcourse.course.ShallowNetwork;
import dlcourse.data.LabeledData;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's bookkeeping without the reference solution: a stand-in network that labels a point 1 when its first
 * coordinate is positive, on four tiny datasets. (The course's figures are pinned by the solutions'
 * ShallowDemoFiguresTest.)
 */
class ShallowDemoTest {

    /** Four points; the stand-in gets three right (x₁ > 0 ⇒ 1, but the last point is labelled 0). */
    private static final LabeledData FLOWER = new LabeledData(
            Matrix.of(2, 4, -1, 2, -3, 4, 1, 1, 1, 1), Matrix.row(0, 1, 0, 0));
    /** Two points, both right. */
    private static final LabeledData EASY = new LabeledData(Matrix.of(2, 2, -1, 1, 0, 0), Matrix.row(0, 1));

    private static Map<String, LabeledData> extras() {
        Map<String, LabeledData> extras = new LinkedHashMap<>();
        extras.put("noisy_moons", EASY);
        extras.put("blobs", FLOWER);
        return extras;
    }

    /** Labels by the sign of x₁, records every nn_model call, returns one made-up cost per 1000 iterations. */
    private static class SignOfX implements ShallowNetwork {
        final List<String> calls = new ArrayList<>();

        @Override
        public LayerSizes layerSizes(Matrix x, Matrix y) {
            throw new NotImplementedYet("layer_sizes");
        }

        @Override
        public Parameters initializeParameters(int nX, int nH, int nY) {
            throw new NotImplementedYet("initialize_parameters");
        }

        @Override
        public Forward forwardPropagation(Matrix x, Parameters parameters) {
            throw new NotImplementedYet("forward_propagation");
        }

        @Override
        public double computeCost(Matrix a2, Matrix y) {
            throw new NotImplementedYet("compute_cost");
        }

        @Override
        public Grads backwardPropagation(Parameters parameters, Cache cache, Matrix x, Matrix y) {
            throw new NotImplementedYet("backward_propagation");
        }

        @Override
        public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
            throw new NotImplementedYet("update_parameters");
        }

        @Override
        public Trained nnModel(Matrix x, Matrix y, int nH, int numIterations, boolean printCost) {
            calls.add("n_h " + nH + ", " + numIterations + (printCost ? " printing" : ""));
            List<Double> costs = new ArrayList<>();
            for (int i = 0; i < numIterations; i += COST_EVERY) {
                costs.add(1.0 / (i + 1));
            }
            return new Trained(Parameters.builder().put("W1", Matrix.zeros(nH, x.rows())).build(), costs);
        }

        @Override
        public Matrix predict(Parameters parameters, Matrix x) {
            return x.rows(0, 1).greaterThan(0.0);
        }
    }

    private static DemoResult run(ShallowNetwork model, StringWriter output, Path figures) {
        return ShallowDemo.run(model, FLOWER, extras(), new PrintWriter(output), figures);
    }

    @Test
    void runs_the_course_settings_in_the_course_order_without_printing_from_the_model() {
        SignOfX model = new SignOfX();

        DemoResult result = run(model, new StringWriter(), null);

        assertEquals(List.of("n_h 4, 10000", "n_h 1, 5000", "n_h 2, 5000", "n_h 3, 5000", "n_h 4, 5000",
                "n_h 5, 5000", "n_h 20, 5000", "n_h 50, 5000", "n_h 4, 10000", "n_h 4, 10000"), model.calls);
        assertEquals("shallow", result.assignment());
        assertEquals(List.of("logistic regression", "n_h=4", "sweep n_h=1", "sweep n_h=2", "sweep n_h=3",
                "sweep n_h=4", "sweep n_h=5", "sweep n_h=20", "sweep n_h=50", "noisy_moons", "blobs"),
                result.runs().stream().map(DemoResult.Run::name).toList());
    }

    @Test
    void every_run_reports_training_accuracy_only_with_its_cost_interval() {
        DemoResult result = run(new SignOfX(), new StringWriter(), null);

        for (DemoResult.Run run : result.runs().subList(1, result.runs().size())) {
            assertEquals(ShallowNetwork.COST_EVERY, run.costEvery(), run.name());
            assertEquals(null, run.testAccuracy(), run.name());
        }
        assertEquals(0.75, result.run("n_h=4").trainAccuracy(), 0.0);
        assertEquals(1.0, result.run("noisy_moons").trainAccuracy(), 0.0);
        assertEquals(10, result.run("n_h=4").costs().size());
        assertEquals(5, result.run("sweep n_h=50").costs().size());
        assertEquals(100, result.run("logistic regression").costEvery());
        assertTrue(result.toJson().contains("\"name\":\"sweep n_h=1\",\"costs\":[1.0,"), result.toJson());
    }

    @Test
    void prints_the_course_output() {
        StringWriter output = new StringWriter();

        run(new SignOfX(), output, null);

        List<String> lines = output.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("Accuracy of logistic regression: "), lines.get(0));
        assertTrue(lines.get(0).endsWith(" % (percentage of correctly labelled datapoints)"), lines.get(0));
        assertEquals("Cost after iteration 0: 1.000000", lines.get(1));
        assertEquals("Cost after iteration 9000: 0.000111", lines.get(10));
        assertEquals("Accuracy: 75%", lines.get(11));
        assertEquals("Accuracy for 1 hidden units: 75.0 %", lines.get(12));
        assertEquals("Accuracy for 50 hidden units: 75.0 %", lines.get(18));
        assertEquals(List.of("Accuracy on noisy_moons (n_h = 4): 100.0 %", "Accuracy on blobs (n_h = 4): 75.0 %"),
                lines.subList(19, 21));
        assertEquals(21, lines.size(), output::toString);
    }

    @Test
    void writes_every_decision_boundary_as_png_and_svg_and_names_them_last(@TempDir Path figures) throws IOException {
        StringWriter output = new StringWriter();

        run(new SignOfX(), output, figures);

        List<String> files;
        try (Stream<Path> listing = Files.list(figures)) {
            files = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(2 * 11, files.size(), files::toString);
        assertTrue(files.containsAll(List.of("logistic_regression.png", "logistic_regression.svg", "n_h_4.png",
                "sweep_n_h_20.svg", "noisy_moons.png", "blobs.svg")), files::toString);
        assertTrue(Files.size(figures.resolve("n_h_4.png")) > 0);
        List<String> lines = output.toString().lines().toList();
        assertEquals("Decision boundaries (.png and .svg) in " + figures + ": logistic_regression, n_h_4,"
                + " sweep_n_h_1, sweep_n_h_2, sweep_n_h_3, sweep_n_h_4, sweep_n_h_5, sweep_n_h_20, sweep_n_h_50,"
                + " noisy_moons, blobs", lines.get(lines.size() - 1));
    }

    @Test
    void predictions_of_the_wrong_shape_are_reported_with_both_shapes() {
        SignOfX model = new SignOfX() {
            @Override
            public Matrix predict(Parameters parameters, Matrix x) {
                return Matrix.ones(x.cols(), 1);
            }
        };

        DemoException error = assertThrows(DemoException.class, () -> run(model, new StringWriter(), null));

        assertEquals("predict returned shape (4, 1) but the labels have shape (1, 4): expected one prediction per"
                + " example", error.getMessage());
    }

    @Test
    void an_unwritten_function_reaches_the_caller_as_not_implemented() {
        SignOfX model = new SignOfX() {
            @Override
            public Trained nnModel(Matrix x, Matrix y, int nH, int numIterations, boolean printCost) {
                throw new NotImplementedYet("nn_model");
            }
        };

        NotImplementedYet error = assertThrows(NotImplementedYet.class, () -> run(model, new StringWriter(), null));

        assertEquals("nn_model", error.function());
    }

    @Test
    void the_extra_datasets_are_the_four_planar_sets_of_200_points() {
        Map<String, LabeledData> extras = ShallowDemo.extraDatasets();

        assertEquals(ShallowDemo.EXTRA_RUNS, List.copyOf(extras.keySet()));
        for (LabeledData data : extras.values()) {
            assertEquals(200, data.examples());
            assertTrue(data.y().equalTo(0.0).add(data.y().equalTo(1.0)).min() == 1.0, "labels are 0/1");
        }
    }

    @Test
    void the_registry_knows_the_shallow_demo_after_the_logistic_one() {
        assertEquals(List.of("logistic", "shallow"), Demos.ids().subList(0, 2));
        assertEquals(ShallowDemo.IMPLEMENTATION_CLASS, Demos.find("shallow").orElseThrow().implementationClass());
        assertEquals("n_h=4", ShallowDemo.runName(4));
    }
}
