package dlcourse.grader.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import dlcourse.data.LabeledImages;
import org.junit.jupiter.api.Test;

class SignsDataTest {

    /** Three 1 × 1 RGB pictures: picture i has pixel values 3i, 3i + 1, 3i + 2. */
    private static final LabeledImages THREE = new LabeledImages(
            Tensor.of(new int[] {3, 1, 1, 3}, 0, 1, 2, 3, 4, 5, 6, 7, 8), Matrix.row(5, 0, 2));

    @Test
    void prepare_flattens_one_picture_per_column_scaled_to_one_and_one_hot_encodes_the_labels() {
        SignsData.Prepared prepared = SignsData.prepare(THREE);

        assertEquals(Matrix.of(3, 3, 0, 3, 6, 1, 4, 7, 2, 5, 8).divide(255.0), prepared.x());
        assertEquals(Matrix.of(6, 3,
                0, 1, 0,
                0, 0, 0,
                0, 0, 1,
                0, 0, 0,
                0, 0, 0,
                1, 0, 0), prepared.y());
        assertEquals(3, prepared.examples());
    }

    @Test
    void one_hot_rejects_a_label_outside_the_six_classes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignsData.oneHot(Matrix.row(0, 6)));
        assertEquals("label 6.0 of picture 1 is not one of 0..5", e.getMessage());
    }

    @Test
    void the_split_keeps_the_first_pictures_of_each_class_for_training_in_file_order() {
        double[] labels = {3, 0, 1, 2, 3, 4, 5, 0, 1, 2, 4, 5, 3, 0};
        double[] pixels = new double[labels.length * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i / 3;
        }
        LabeledImages images = new LabeledImages(Tensor.of(new int[] {labels.length, 1, 1, 3}, pixels),
                Matrix.row(labels));

        SignsData.Split split = SignsData.split(images, 1);

        assertEquals(Matrix.row(3, 0, 1, 2, 4, 5), split.train().y());
        assertEquals(Matrix.row(3, 0, 1, 2, 4, 5, 3, 0), split.test().y());
        assertArrayEquals(new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 5, 5, 5, 6, 6, 6},
                split.train().x().toArray(), "pictures 0, 1, 2, 3, 5, 6");
        assertArrayEquals(new int[] {8, 1, 1, 3}, split.test().x().shape());
    }

    @Test
    void the_split_refuses_to_leave_a_class_without_test_pictures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignsData.split(THREE, 1));
        assertEquals("class 0 has 1 pictures: none would be left for testing after 1 for training", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SignsData.split(THREE, 0));
    }
}
