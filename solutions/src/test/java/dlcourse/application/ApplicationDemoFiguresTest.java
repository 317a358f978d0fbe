package dlcourse.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.data.CatImages;
import dlcourse.data.DataDirectory;
import dlcourse.grader.demo.ApplicationDemo;
import dlcourse.grader.demo.DemoResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference solution reproduces the course's figures for assignment 4 through {@code dlcourse demo
 * application}: both models' accuracies, their costs (checked against a numpy run of the course's code to 1e-6) and
 * the ten test pictures the L-layer model gets wrong.
 *
 * <p>Accuracies are whole numbers of pictures out of 209 (train) and 50 (test), so they are pinned as those counts:
 * 206 / 209 = 98.56 %.
 *
 * <p>Tagged {@code slow}: the two 2500-iteration trainings take minutes on two cores, so they run with
 * {@code mvn -B verify -Pslow} (the grading tests still train both models for fewer iterations).
 */
@Tag("slow")
class ApplicationDemoFiguresTest {

    private static final double EXACT = 1e-9;
    /** The costs agree with numpy's to far better than this; the course prints six decimals. */
    private static final double COST = 1e-6;
    private static final int M_TRAIN = 209;
    private static final int M_TEST = 50;

    @TempDir
    static Path figures;

    private static ApplicationDemo.Outcome outcome;
    private static String output;

    @BeforeAll
    static void runTheDemoOnTheCatPictures() {
        Assumptions.assumeTrue(DataDirectory.standard().locate(CatImages.TRAIN_FILE).isPresent(),
                "the cat pictures are not available here (see ./dlcourse datasets)");
        StringWriter text = new StringWriter();
        outcome = ApplicationDemo.run(new Application(), CatImages.load(), ApplicationDemo.NUM_ITERATIONS,
                new PrintWriter(text), figures);
        output = text.toString();
    }

    private static void assertAccuracies(String run, int correctTrain, int correctTest) {
        DemoResult.Run figures = outcome.result().run(run);
        assertEquals((double) correctTrain / M_TRAIN, figures.trainAccuracy(), EXACT, run + " train accuracy");
        assertEquals((double) correctTest / M_TEST, figures.testAccuracy(), EXACT, run + " test accuracy");
    }

    @Test
    void the_runs_are_the_two_models_with_a_cost_every_100_iterations() {
        assertEquals(List.of("two_layer", "L_layer"), outcome.result().runs().stream().map(DemoResult.Run::name)
                .toList());
        assertEquals(List.of(25, 25), outcome.result().runs().stream().map(r -> r.costs().size()).toList());
        assertEquals(List.of(100, 100), outcome.result().runs().stream().map(DemoResult.Run::costEvery).toList());
    }

    @Test
    void the_two_layer_model_reaches_100_percent_on_training_and_72_percent_on_test() {
        assertAccuracies("two_layer", 209, 36);
    }

    @Test
    void the_L_layer_model_reaches_98_56_percent_on_training_and_80_percent_on_test() {
        assertAccuracies("L_layer", 206, 40);
    }

    @Test
    void the_two_layer_costs_are_numpys() {
        List<Double> costs = outcome.result().run("two_layer").costs();
        assertEquals(0.693049736, costs.get(0), COST, "cost after iteration 0");
        assertEquals(0.646432095, costs.get(1), COST, "cost after iteration 100");
        assertEquals(0.339428154, costs.get(10), COST, "cost after iteration 1000");
        assertEquals(0.048554786, costs.get(24), COST, "cost after iteration 2400");
    }

    @Test
    void the_L_layer_costs_are_numpys() {
        List<Double> costs = outcome.result().run("L_layer").costs();
        assertEquals(0.771749328, costs.get(0), COST, "cost after iteration 0");
        assertEquals(0.672053440, costs.get(1), COST, "cost after iteration 100");
        assertEquals(0.315186989, costs.get(10), COST, "cost after iteration 1000");
        assertEquals(0.092878215, costs.get(24), COST, "cost after iteration 2400");
    }

    @Test
    void the_L_layer_model_mislabels_the_courses_ten_test_pictures_and_the_gallery_shows_them() throws IOException {
        assertEquals(List.of(5, 11, 13, 19, 28, 29, 34, 38, 44, 45), outcome.mislabelled());
        String svg = Files.readString(figures.resolve(ApplicationDemo.GALLERY_FILE));
        assertEquals(10, svg.split("<image ", -1).length - 1);
        assertTrue(svg.contains("#5 Prediction: "), svg.substring(0, 200));
    }

    @Test
    void the_printed_output_has_the_notebooks_lines() {
        List<String> lines = output.lines().toList();
        assertEquals("Cost after iteration 0: 0.693050", lines.get(0));
        assertEquals("train accuracy: 1.0", lines.get(25));
        assertEquals("test accuracy: 0.72", lines.get(26));
        assertEquals("Cost after iteration 0: 0.771749", lines.get(28));
        assertEquals("mislabelled test pictures (L-layer model): [5, 11, 13, 19, 28, 29, 34, 38, 44, 45]",
                lines.get(56));
    }
}
