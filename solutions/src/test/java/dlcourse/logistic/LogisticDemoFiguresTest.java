package dlcourse.logistic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcourse.data.CatImages;
import dlcourse.data.DataDirectory;
import dlcourse.grader.demo.DemoResult;
import dlcourse.grader.demo.LogisticDemo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference solution reproduces the course's figures for assignment 1 through {@code dlcourse demo logistic}:
 * the accuracies the course's notebook prints, and its first cost.
 *
 * <p>Accuracies are whole numbers of pictures out of 209 (train) and 50 (test), so they are pinned as those counts,
 * e.g. 186 / 209 = 88.995… %, which the course quotes as 88.99 %.
 */
class LogisticDemoFiguresTest {

    /** Accuracies are ratios of small integers: only rounding separates the computed value from the count. */
    private static final double EXACT = 1e-9;

    /** The course prints costs with six decimals. */
    private static final double PRINTED_COST = 1e-6;

    private static final int M_TRAIN = 209;
    private static final int M_TEST = 50;

    private static DemoResult result;
    private static String output;

    @BeforeAll
    static void runTheDemoOnTheCatPictures() {
        Assumptions.assumeTrue(DataDirectory.standard().locate(CatImages.TRAIN_FILE).isPresent(),
                "the cat pictures are not available here (see ./dlcourse datasets)");
        StringWriter text = new StringWriter();
        result = LogisticDemo.run(new Logistic(), CatImages.load(), new PrintWriter(text));
        output = text.toString();
    }

    private static void assertAccuracies(String run, int correctTrain, int correctTest) {
        DemoResult.Run figures = result.run(run);
        assertEquals((double) correctTrain / M_TRAIN, figures.trainAccuracy(), EXACT, run + " train accuracy");
        assertEquals((double) correctTest / M_TEST, figures.testAccuracy(), EXACT, run + " test accuracy");
    }

    @Test
    void the_runs_are_the_courses_four_in_its_order() {
        assertEquals(List.of("lr=0.005", "lr=0.01", "lr=0.001", "lr=0.0001"),
                result.runs().stream().map(DemoResult.Run::name).toList());
        assertEquals(List.of(20, 15, 15, 15), result.runs().stream().map(r -> r.costs().size()).toList());
    }

    @Test
    void default_settings_reach_99_04_percent_on_training_and_70_percent_on_test() {
        DemoResult.Run run = result.run("lr=0.005");
        assertEquals(0.9904306220095693, run.trainAccuracy(), EXACT);
        assertEquals(0.70, run.testAccuracy(), EXACT);
        assertAccuracies("lr=0.005", 207, 35);
    }

    @Test
    void the_costs_are_the_courses() {
        List<Double> costs = result.run("lr=0.005").costs();
        assertEquals(0.693147, costs.get(0), PRINTED_COST, "cost after iteration 0");
        assertEquals(0.584508, costs.get(1), PRINTED_COST, "cost after iteration 100");
        assertEquals(0.140872, costs.get(19), PRINTED_COST, "cost after iteration 1900");
    }

    @Test
    void learning_rate_0_01_gives_99_52_and_68_percent() {
        assertAccuracies("lr=0.01", 208, 34);
    }

    @Test
    void learning_rate_0_001_gives_88_99_and_64_percent() {
        assertAccuracies("lr=0.001", 186, 32);
    }

    @Test
    void learning_rate_0_0001_gives_68_42_and_36_percent() {
        assertAccuracies("lr=0.0001", 143, 18);
    }

    @Test
    void the_printed_output_has_the_notebooks_lines() {
        List<String> lines = output.lines().toList();
        assertEquals("Cost after iteration 0: 0.693147", lines.get(0));
        assertEquals("train accuracy: 99.04306220095694 %", lines.get(20));
        assertEquals("test accuracy: 70.0 %", lines.get(21));
        assertEquals(List.of("learning rate is: 0.01", "train accuracy: 99.52153110047847 %", "test accuracy: 68.0 %"),
                lines.subList(23, 26));
    }
}
