package dlcourse.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.grader.demo.DemoResult;
import dlcourse.grader.demo.GradCheckDemo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference solution reproduces the course's figures for assignment 7 through {@code dlcourse demo gradcheck}.
 * The course's numbers (numpy): 2.919335883291695e-10, 0.2850931567761623 and 1.1890913024229996e-07. The last two
 * are differences of nearly equal costs, so their trailing digits are rounding noise: they are pinned to 1e-9.
 */
class GradCheckDemoFiguresTest {

    private static DemoResult result;
    private static List<String> lines;

    @BeforeAll
    static void runTheDemo() {
        StringWriter text = new StringWriter();
        result = new GradCheckDemo().run(new GradCheck(), new PrintWriter(text));
        lines = text.toString().lines().toList();
    }

    @Test
    void the_runs_are_the_courses_three_in_its_order() {
        assertEquals(List.of("1d", "nd_buggy", "nd_fixed"), result.runs().stream().map(DemoResult.Run::name).toList());
    }

    @Test
    void the_one_dimensional_check_gives_the_courses_difference_to_the_last_bit() {
        assertEquals(2.919335883291695e-10, result.run("1d").difference(), 0.0);
    }

    @Test
    void the_given_backward_pass_gives_0_285_and_the_corrected_one_1_19e_7() {
        assertEquals(0.2850931567761623, result.run("nd_buggy").difference(), 1e-9);
        assertEquals(1.1890913024229996e-07, result.run("nd_fixed").difference(), 1e-9);
        assertTrue(result.run("nd_fixed").difference() < 2e-7);
    }

    @Test
    void the_printed_verdicts_are_the_notebooks() {
        assertEquals("Your backward propagation works perfectly fine! difference = 2.919335883291695e-10",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("There is a mistake in the backward propagation! difference = 0.2850931"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("Your backward propagation works perfectly fine! difference = 1.189"),
                lines.get(2));
        assertEquals(3, lines.size());
    }
}
