package dlcourse.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.core.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The given mini-batches: numpy's permutation for the seed, then consecutive slices with a short last one. */
class MiniBatchesTest {

    /** Example i has x = (i, 10 + i) and y = i. */
    private static final Matrix X = Matrix.of(2, 10,
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
            10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
    private static final Matrix Y = Matrix.row(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    @Test
    void the_examples_are_shuffled_with_numpys_permutation_and_cut_into_slices() {
        // numpy: np.random.seed(0); np.random.permutation(10) = [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]
        List<MiniBatches.Batch> batches = MiniBatches.random(X, Y, 4, 0);

        assertEquals(List.of(Matrix.row(2, 8, 4, 9), Matrix.row(1, 6, 7, 3), Matrix.row(0, 5)),
                batches.stream().map(MiniBatches.Batch::y).toList());
        assertEquals(Matrix.of(2, 2, 0, 5, 10, 15), batches.get(2).x());
    }

    @Test
    void a_size_that_divides_m_gives_equal_batches_and_a_larger_one_gives_one_batch() {
        assertEquals(List.of(5, 5), MiniBatches.random(X, Y, 5, 3).stream().map(b -> b.x().cols()).toList());
        assertEquals(List.of(10), MiniBatches.random(X, Y, 64, 3).stream().map(b -> b.y().cols()).toList());
    }

    @Test
    void a_size_below_one_or_disagreeing_x_and_y_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> MiniBatches.random(X, Y, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MiniBatches.random(X, Y.columns(0, 9), 4, 1));
        assertEquals("x has 10 examples but y has 9", e.getMessage());
    }
}
