package dlcourse.grader.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreHistogramTest {

    @Test
    void bins_are_half_open_and_a_full_score_is_in_the_last() {
        assertArrayEquals(new int[] {2, 1, 0, 0, 0, 0, 0, 0, 1, 2},
                ScoreHistogram.counts(List.of(0.0, 9.99, 10.0, 89.9, 90.0, 100.0)));
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 1}, ScoreHistogram.counts(List.of(-5.0, 120.0)));
    }

    @Test
    void draws_an_svg_whose_title_gives_the_counts() {
        String svg = ScoreHistogram.svg(List.of(0.0, 55.0, 100.0, 100.0), "h");
        assertTrue(svg.startsWith("<svg") && svg.contains("data-testid=\"score-histogram\""), svg.substring(0, 200));
        assertTrue(svg.contains("<title id=\"h-title\">Score histogram of 4 students: 0\u201310% 1, 10\u201320% 0,"
                + " 20\u201330% 0, 30\u201340% 0, 40\u201350% 0, 50\u201360% 1, 60\u201370% 0, 70\u201380% 0,"
                + " 80\u201390% 0, 90\u2013100% 2</title>"), svg.substring(0, 600));
    }
}
