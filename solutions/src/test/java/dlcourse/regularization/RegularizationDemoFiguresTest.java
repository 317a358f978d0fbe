package dlcourse.regularization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.data.DataDirectory;
import dlcourse.data.FootballData;
import dlcourse.grader.demo.DemoResult;
import dlcourse.grader.demo.RegularizationDemo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference solution reproduces the course's figures for assignment 6 through {@code dlcourse demo
 * regularization}: the accuracies of the three runs (whole numbers of points out of 211 and 200) and the costs the
 * notebook prints, which agree with a numpy run of the course's code to about 1e-11.
 */
class RegularizationDemoFiguresTest {

    private static final double EXACT = 1e-12;
    /** Relative agreement of the costs with numpy's (30000 iterations of different summation orders). */
    private static final double NUMPY = 1e-9;
    private static final int M_TRAIN = 211;
    private static final int M_TEST = 200;

    @TempDir
    static Path figures;

    private static DemoResult result;
    private static String output;

    @BeforeAll
    static void runTheDemo() {
        Assumptions.assumeTrue(DataDirectory.standard().locate(FootballData.FILE).isPresent(),
                "the football data is not available here (see ./dlcourse datasets)");
        StringWriter text = new StringWriter();
        result = RegularizationDemo.run(new RegularizedNet(), FootballData.load(), new PrintWriter(text), figures);
        output = text.toString();
    }

    private static void assertAccuracies(String run, int correctTrain, int correctTest) {
        DemoResult.Run figures = result.run(run);
        assertEquals((double) correctTrain / M_TRAIN, figures.trainAccuracy(), EXACT, run + " train accuracy");
        assertEquals((double) correctTest / M_TEST, figures.testAccuracy(), EXACT, run + " test accuracy");
    }

    private static void assertCosts(String run, double... numpy) {
        List<Double> costs = result.run(run).costs();
        for (int k = 0; k < numpy.length; k++) {
            double expected = numpy[k];
            double cost = costs.get(10 * k);
            assertEquals(expected, cost, NUMPY * expected, run + " cost after iteration " + 10_000 * k);
        }
    }

    @Test
    void the_runs_are_the_courses_three_with_a_cost_every_1000_iterations() {
        assertEquals(List.of("none", "l2", "dropout"), result.runs().stream().map(DemoResult.Run::name).toList());
        assertEquals(List.of(30, 30, 30), result.runs().stream().map(r -> r.costs().size()).toList());
    }

    @Test
    void without_regularization_the_model_reaches_94_8_and_91_5_percent() {
        assertAccuracies("none", 200, 183);
        assertCosts("none", 0.6557412523481002, 0.16329987525724216, 0.13851642423255986);
    }

    @Test
    void l2_regularization_reaches_93_8_and_93_percent() {
        assertAccuracies("l2", 198, 186);
        assertCosts("l2", 0.6974484493131264, 0.2684918873282239, 0.2680916337127301);
    }

    @Test
    void dropout_reaches_92_9_and_95_percent() {
        assertAccuracies("dropout", 196, 190);
        assertCosts("dropout", 0.6543912405149825, 0.0610169865749056, 0.060582435798513114);
    }

    @Test
    void the_printed_output_has_the_notebooks_lines() {
        List<String> lines = output.lines().toList();
        assertTrue(lines.get(0).startsWith("Cost after iteration 0: 0.655741252348"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Cost after iteration 10000: 0.16329987525"), lines.get(1));
        assertEquals(List.of("On the training set:", "Accuracy: 0.9478672985781991", "On the test set:",
                "Accuracy: 0.915"), lines.subList(3, 7));
        assertTrue(output.contains("On the training set:\nAccuracy: 0.9383886255924171\nOn the test set:\n"
                + "Accuracy: 0.93\n"), output);
        assertTrue(output.contains("On the training set:\nAccuracy: 0.9289099526066351\nOn the test set:\n"
                + "Accuracy: 0.95\n"), output);
    }

    @Test
    void a_decision_boundary_is_written_for_every_run() throws IOException {
        for (String run : List.of("none", "l2", "dropout")) {
            Path file = figures.resolve("regularization-" + run + ".svg");
            assertTrue(Files.readString(file).contains("<svg"), file.toString());
            assertTrue(output.contains("Decision boundary: " + file), output);
        }
    }
}
