package dlcourse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import org.junit.jupiter.api.Test;

class LabeledImagesTest {

    @Test
    void images_must_be_a_four_dimensional_batch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages(Tensor.zeros(2, 12), Matrix.zeros(1, 2)));

        assertEquals("images must have shape (m, height, width, channels) but x has shape (2, 12)", e.getMessage());
    }

    @Test
    void there_must_be_one_label_per_image() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LabeledImages(Tensor.zeros(3, 2, 2, 3), Matrix.zeros(1, 2)));

        assertEquals("x has m = 3 images but y has shape (1, 2); expected (1, 3)", e.getMessage());
    }

    @Test
    void slice_keeps_each_label_with_its_image() {
        double[] pixels = new double[4 * 2 * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        LabeledImages all = new LabeledImages(Tensor.of(new int[] {4, 2, 2, 3}, pixels), Matrix.of(1, 4, 5, 0, 3, 1));

        LabeledImages part = all.slice(1, 3);

        assertEquals(2, part.examples());
        assertEquals(Matrix.of(1, 2, 0, 3), part.y());
        assertArrayEquals(all.x().index(1).toArray(), part.x().index(0).toArray());
        assertArrayEquals(all.x().index(2).toArray(), part.x().index(1).toArray());
    }
}
