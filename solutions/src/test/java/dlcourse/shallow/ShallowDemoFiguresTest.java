package dlcourse.shallow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.grader.demo.DemoResult;
import dlcourse.grader.demo.ShallowDemo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference solution reproduces the course's figures for assignment 2 through {@code dlcourse demo shallow}.
 *
 * <p>Accuracies are whole numbers of points out of 400, pinned as those counts (363 / 400 = 90.75 %). Costs are
 * pinned to the six decimals the course prints, compared with a numpy re-implementation of the course's code on the
 * same data. One limit, documented rather than hidden: at learning rate 1.2 the n_h = 4 run oscillates after
 * iteration 7000, so its costs at 8000 and 9000 and its final accuracy depend on the last bit of exp, log and tanh.
 * The course's own published outputs differ there between numpy builds (0.219454 … 0.219471 and 0.218558 …
 * 0.218612), and so does this JVM between interpreted and compiled code; those figures are pinned to a band that
 * holds all of them. The same holds for the sweep's n_h = 20 and 50 accuracies (the course shows 90.0 or 90.5 and
 * 90.25 or 90.75 %).
 */
class ShallowDemoFiguresTest {

    /** Accuracies are ratios of small integers: only rounding separates the computed value from the count. */
    private static final double EXACT = 1e-9;
    /** The course prints costs with six decimals. */
    private static final double PRINTED_COST = 1e-6;
    /** Where the run oscillates: the spread of the course's published costs and of this JVM's, with room. */
    private static final double OSCILLATING_COST = 1e-4;
    private static final int M = 400;

    @TempDir
    static Path figures;

    private static DemoResult result;
    private static List<String> lines;

    @BeforeAll
    static void runTheDemo() {
        StringWriter text = new StringWriter();
        result = new ShallowDemo().run(new Shallow(), new PrintWriter(text), figures);
        lines = text.toString().lines().toList();
    }

    @Test
    void the_runs_are_the_courses_in_its_order() {
        List<String> names = new ArrayList<>(List.of("logistic regression", "n_h=4"));
        for (int nH : List.of(1, 2, 3, 4, 5, 20, 50)) {
            names.add("sweep n_h=" + nH);
        }
        names.addAll(List.of("noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles"));
        assertEquals(names, result.runs().stream().map(DemoResult.Run::name).toList());
        assertTrue(result.runs().stream().allMatch(r -> r.testAccuracy() == null), "the planar data has no test set");
    }

    @Test
    void logistic_regression_labels_47_percent_of_the_flower() {
        DemoResult.Run baseline = result.run("logistic regression");
        assertEquals(188.0 / M, baseline.trainAccuracy(), EXACT);
        assertEquals(Math.log(2), baseline.costs().get(0), 1e-15);
        assertTrue(lines.contains("Accuracy of logistic regression: 47 % (percentage of correctly labelled"
                + " datapoints)"), lines::toString);
    }

    @Test
    void n_h_4_prints_the_courses_costs_and_reaches_90_percent() {
        DemoResult.Run run = result.run("n_h=4");
        List<Double> course = List.of(0.693048, 0.288083, 0.254385, 0.233864, 0.226792, 0.222644, 0.219731, 0.217504);
        assertEquals(10, run.costs().size());
        for (int k = 0; k < course.size(); k++) {
            assertEquals(course.get(k), run.costs().get(k), PRINTED_COST, "cost after iteration " + 1000 * k);
        }
        assertEquals(0.219460, run.costs().get(8), OSCILLATING_COST, "cost after iteration 8000");
        assertEquals(0.218585, run.costs().get(9), OSCILLATING_COST, "cost after iteration 9000");
        assertTrue(run.trainAccuracy() >= 0.90 && run.trainAccuracy() < 0.91, () -> "accuracy " + run.trainAccuracy());
        assertEquals("Cost after iteration 0: 0.693048", lines.get(1));
        assertEquals("Cost after iteration 7000: 0.217504", lines.get(8));
        assertTrue(lines.contains("Accuracy: 90%"), lines::toString);
    }

    @Test
    void hidden_sizes_1_to_5_give_67_5_67_25_90_75_90_5_and_91_25_percent() {
        int[] correct = {270, 269, 363, 362, 365};
        String[] printed = {"67.5", "67.25", "90.75", "90.5", "91.25"};
        for (int nH = 1; nH <= 5; nH++) {
            assertEquals((double) correct[nH - 1] / M, result.run("sweep n_h=" + nH).trainAccuracy(), EXACT,
                    "n_h = " + nH);
            assertTrue(lines.contains("Accuracy for " + nH + " hidden units: " + printed[nH - 1] + " %"),
                    lines::toString);
        }
    }

    @Test
    void the_sweeps_costs_are_the_courses() {
        // numpy, the course's code: cost after iteration 4000 of each 5000-iteration run
        assertEquals(0.633205, last("sweep n_h=1"), PRINTED_COST);
        assertEquals(0.576190, last("sweep n_h=2"), PRINTED_COST);
        assertEquals(0.262067, last("sweep n_h=3"), PRINTED_COST);
        assertEquals(0.226792, last("sweep n_h=4"), PRINTED_COST);
        assertEquals(0.258455, last("sweep n_h=5"), PRINTED_COST);
        assertEquals(0.172728, last("sweep n_h=20"), PRINTED_COST);
        assertEquals(0.184136, result.run("sweep n_h=50").costs().get(3), PRINTED_COST);
    }

    @Test
    void the_large_hidden_layers_stay_near_90_percent_as_in_the_course() {
        assertEquals(0.9025, result.run("sweep n_h=20").trainAccuracy(), 0.0075);
        assertEquals(0.905, result.run("sweep n_h=50").trainAccuracy(), 0.01);
    }

    @Test
    void the_network_also_learns_the_extra_datasets() {
        for (String name : List.of("noisy_circles", "noisy_moons", "blobs", "gaussian_quantiles")) {
            DemoResult.Run run = result.run(name);
            assertEquals(10, run.costs().size(), name);
            assertEquals(Math.log(2), run.costs().get(0), 1e-3, name + " starts near ln 2");
            assertTrue(run.trainAccuracy() > 0.75, () -> name + " " + run.trainAccuracy());
        }
    }

    @Test
    void every_run_leaves_its_decision_boundary_as_png_and_svg() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(figures)) {
            files = listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(26, files.size(), files::toString);
        assertTrue(files.containsAll(List.of("n_h_4.png", "n_h_4.svg", "logistic_regression.png", "blobs.svg",
                "sweep_n_h_50.png")), files::toString);
        assertTrue(Files.readString(figures.resolve("n_h_4.svg")).contains("<svg"));
    }

    private static double last(String run) {
        List<Double> costs = result.run(run).costs();
        return costs.get(costs.size() - 1);
    }
}
