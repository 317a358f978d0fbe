package dlcourse.optimization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dlcourse.grader.demo.DemoResult;
import dlcourse.grader.demo.OptimizationDemo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference solution reproduces the course's figures for assignment 8 through {@code dlcourse demo
 * optimization}: gd 79.7 %, momentum 79.7 %, Adam 94 % after 10000 epochs, and the decay section's 65.3 % (update_lr)
 * then 94.3 / 95.3 / 94 % (schedule_lr_decay). Accuracies are whole numbers of points out of 300; costs are compared
 * with a numpy re-implementation of the course's code at the six decimals the notebook prints.
 */
class OptimizationDemoFiguresTest {

    private static final double EXACT = 1e-12;
    private static final double PRINTED = 1e-6;
    private static final int M = 300;

    private static DemoResult result;
    private static List<String> lines;

    @BeforeAll
    static void runTheDemoOnTheMoons() {
        StringWriter text = new StringWriter();
        result = new OptimizationDemo().run(new Optimization(), new PrintWriter(text));
        lines = text.toString().lines().toList();
    }

    private static void assertRun(String name, int correct, double... printedCosts) {
        DemoResult.Run run = result.run(name);
        assertEquals((double) correct / M, run.trainAccuracy(), EXACT, name + " accuracy");
        assertEquals(printedCosts.length, run.costs().size(), name + " costs");
        for (int k = 0; k < printedCosts.length; k++) {
            assertEquals(printedCosts[k], run.costs().get(k), PRINTED, name + " cost after epoch " + k * 1000);
        }
        assertEquals(1000, run.costEvery());
    }

    @Test
    void the_runs_are_the_courses_in_its_order() {
        assertEquals(List.of("gd", "momentum", "adam", "gd_update_lr", "gd_decay", "momentum_decay", "adam_decay"),
                result.runs().stream().map(DemoResult.Run::name).toList());
    }

    @Test
    void gradient_descent_reaches_79_7_percent() {
        assertRun("gd", 239, 0.702405, 0.668101, 0.635288, 0.600491, 0.573367, 0.551977, 0.532370, 0.514007,
                0.496472, 0.468014);
    }

    @Test
    void momentum_reaches_79_7_percent() {
        assertRun("momentum", 239, 0.702413, 0.668167, 0.635388, 0.600591, 0.573444, 0.552058, 0.532458, 0.514101,
                0.496652, 0.468160);
    }

    @Test
    void adam_reaches_94_percent() {
        assertRun("adam", 282, 0.702166, 0.167966, 0.141320, 0.138782, 0.136111, 0.134327, 0.131147, 0.130245,
                0.129655, 0.129159);
    }

    @Test
    void decaying_after_every_epoch_stalls_at_65_3_percent() {
        assertRun("gd_update_lr", 196, 0.701091, 0.661884, 0.658620, 0.656765, 0.655486);
    }

    @Test
    void scheduled_decay_reaches_94_3_then_95_3_then_94_percent() {
        assertRun("gd_decay", 283, 0.701091, 0.127161, 0.120304, 0.117033, 0.117512);
        assertRun("momentum_decay", 286, 0.702226, 0.128974, 0.125965, 0.123375, 0.123218);
        assertRun("adam_decay", 282, 0.699346, 0.130064, 0.129811, 0.129325, 0.128041);
    }

    @Test
    void the_printed_output_has_the_notebooks_lines() {
        assertEquals("Cost after epoch 0: 0.702405", lines.get(1));
        assertEquals("Cost after epoch 9000: 0.468014", lines.get(10));
        assertEquals("Accuracy: 0.7966666666666666", lines.get(11));
        int decay = lines.indexOf("gd_decay: optimizer = \"gd\", learning_rate = 0.1, num_epochs = 5000,"
                + " decay = schedule_lr_decay");
        assertEquals(List.of("Cost after epoch 0: 0.701091", "learning rate after epoch 0: 0.100000",
                "Cost after epoch 1000: 0.127161", "learning rate after epoch 1000: 0.050000"),
                lines.subList(decay + 1, decay + 5));
        assertEquals("Accuracy: 0.94", lines.get(lines.size() - 1));
    }
}
