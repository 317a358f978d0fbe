package dlcourse.initialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.data.PlanarDatasets;
import dlcourse.grader.demo.DemoResult;
import dlcourse.grader.demo.InitializationDemo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference solution reproduces the course's figures for assignment 5 through {@code dlcourse demo
 * initialization}: the accuracies of the three runs (whole numbers of points out of 300 and 100), and the costs the
 * notebook prints.
 *
 * <p>The run from large random weights passes through a phase where the cost jumps between huge values and
 * infinity; there, rounding differences between numpy's and our summation order grow until the cost trace differs
 * from numpy's in the third digit (while the accuracies stay the course's). Its costs are therefore not pinned
 * beyond the first, infinite one.
 */
class InitializationDemoFiguresTest {

    private static final double EXACT = 1e-12;
    /** Costs agree with a numpy run of the course's code to this relative difference (zeros and He runs). */
    private static final double NUMPY = 1e-12;
    private static final int M_TRAIN = 300;
    private static final int M_TEST = 100;

    @TempDir
    static Path figures;

    private static DemoResult result;
    private static String output;

    @BeforeAll
    static void runTheDemo() {
        StringWriter text = new StringWriter();
        result = InitializationDemo.run(new Initializers(), PlanarDatasets.initializationCircles(),
                new PrintWriter(text), figures);
        output = text.toString();
    }

    private static void assertAccuracies(String run, int correctTrain, int correctTest) {
        DemoResult.Run figures = result.run(run);
        assertEquals((double) correctTrain / M_TRAIN, figures.trainAccuracy(), EXACT, run + " train accuracy");
        assertEquals((double) correctTest / M_TEST, figures.testAccuracy(), EXACT, run + " test accuracy");
    }

    private static void assertCost(double numpy, double cost, String what) {
        assertEquals(numpy, cost, NUMPY * numpy, what);
    }

    @Test
    void the_runs_are_the_courses_three_with_a_cost_every_1000_iterations() {
        assertEquals(List.of("zeros", "random", "he"), result.runs().stream().map(DemoResult.Run::name).toList());
        assertEquals(List.of(15, 15, 15), result.runs().stream().map(r -> r.costs().size()).toList());
    }

    @Test
    void zeros_stay_at_50_percent_with_the_cost_ln_2() {
        assertAccuracies("zeros", 150, 50);
        for (double cost : result.run("zeros").costs()) {
            assertEquals(Math.log(2), cost, 1e-14);
        }
    }

    @Test
    void random_weights_reach_83_and_86_percent_from_an_infinite_first_cost() {
        assertAccuracies("random", 249, 86);
        assertEquals(Double.POSITIVE_INFINITY, result.run("random").costs().get(0));
    }

    @Test
    void he_weights_reach_99_3_and_96_percent_with_the_courses_costs() {
        assertAccuracies("he", 298, 96);
        List<Double> costs = result.run("he").costs();
        assertCost(0.8830537463419761, costs.get(0), "cost after iteration 0");
        assertCost(0.6879825919728063, costs.get(1), "cost after iteration 1000");
        assertCost(0.15015556280371808, costs.get(10), "cost after iteration 10000");
        assertCost(0.07357895962677366, costs.get(14), "cost after iteration 14000");
    }

    @Test
    void the_printed_output_has_the_notebooks_lines() {
        List<String> lines = output.lines().toList();
        assertTrue(lines.get(0).startsWith("Cost after iteration 0: 0.69314718055994"), lines.get(0));
        assertEquals(List.of("On the train set:", "Accuracy: 0.5", "On the test set:", "Accuracy: 0.5"),
                lines.subList(15, 19));
        assertEquals("Cost after iteration 0: inf", lines.get(20));
        assertTrue(output.contains("On the train set:\nAccuracy: 0.83\nOn the test set:\nAccuracy: 0.86\n"), output);
        assertTrue(output.contains("Accuracy: 0.9933333333333333\nOn the test set:\nAccuracy: 0.96\n"), output);
    }

    @Test
    void a_decision_boundary_is_written_for_every_run() throws IOException {
        for (String run : List.of("zeros", "random", "he")) {
            Path file = figures.resolve("initialization-" + run + ".svg");
            assertTrue(Files.readString(file).contains("<svg"), file.toString());
            assertTrue(output.contains("Decision boundary: " + file), output);
        }
    }
}
