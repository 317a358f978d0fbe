package dlcourse.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Tensor follows numpy's C-order semantics. Expected values were computed with numpy 2.4 and are kept here as
 * literals (the generating expression is given beside each).
 */
class TensorTest {

    /** {@code np.arange(24.).reshape(2, 3, 4)}. */
    private static Tensor arange234() {
        double[] values = new double[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        return Tensor.of(new int[] {2, 3, 4}, values);
    }

    @Test
    void of_copies_the_values_it_is_given() {
        double[] values = {1, 2, 3, 4};
        Tensor t = Tensor.of(new int[] {2, 2}, values);

        values[0] = 99;

        assertEquals(1.0, t.get(0, 0));
    }

    @Test
    void shape_and_toArray_hand_out_copies() {
        Tensor t = arange234();

        t.shape()[0] = 7;
        t.toArray()[0] = 99;

        assertArrayEquals(new int[] {2, 3, 4}, t.shape());
        assertEquals(0.0, t.get(0, 0, 0));
    }

    @Test
    void of_rejects_a_value_count_that_does_not_fit_the_shape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new int[] {3, 4}, new double[11]));

        assertEquals("shape (3, 4) needs 12 values but 11 were given", e.getMessage());
    }

    @Test
    void of_rejects_negative_dimensions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));

        assertEquals("negative dimensions are not allowed: (2, -1)", e.getMessage());
    }

    @Test
    void ndim_size_and_dim_describe_the_shape() {
        Tensor t = Tensor.zeros(209, 64, 64, 3);

        assertEquals(4, t.ndim());
        assertEquals(209 * 64 * 64 * 3, t.size());
        assertEquals(209, t.dim(0));
        assertEquals(3, t.dim(-1));
    }

    @Test
    void a_zero_dimensional_tensor_holds_one_value() {
        Tensor scalar = Tensor.of(new int[] {1}, 5.0).reshape();

        assertEquals(0, scalar.ndim());
        assertEquals(1, scalar.size());
        assertEquals(5.0, scalar.get());
    }

    @Test
    void get_reads_entries_in_c_order() {
        Tensor t = arange234();

        assertEquals(23.0, t.get(1, 2, 3));   // a[1, 2, 3]
        assertEquals(6.0, t.get(0, 1, 2));    // a[0, 1, 2]
        assertEquals(23.0, t.get(-1, -1, -1)); // negative indices count from the end
    }

    @Test
    void get_rejects_an_index_outside_its_axis_in_numpy_words() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                () -> arange234().get(1, 2, 4));

        assertEquals("index 4 is out of bounds for axis 2 with size 4", e.getMessage());
    }

    @Test
    void get_rejects_too_many_indices_in_numpy_words() {
        ShapeException e = assertThrows(ShapeException.class, () -> arange234().get(1, 2, 1, 0));

        assertEquals("too many indices for array: array is 3-dimensional, but 4 were indexed", e.getMessage());
    }

    @Test
    void get_rejects_too_few_indices() {
        ShapeException e = assertThrows(ShapeException.class, () -> arange234().get(1, 2));

        assertEquals("get needs 3 indices for an array of shape (2, 3, 4) but 2 were given", e.getMessage());
    }

    @Test
    void index_returns_one_entry_along_the_first_axis() {
        Tensor second = arange234().index(1); // a[1]

        assertArrayEquals(new int[] {3, 4}, second.shape());
        assertArrayEquals(new double[] {12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}, second.toArray());
        assertEquals(second, arange234().index(-1));
    }

    @Test
    void index_rejects_an_index_outside_the_first_axis_in_numpy_words() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> arange234().index(2));

        assertEquals("index 2 is out of bounds for axis 0 with size 2", e.getMessage());
    }

    @Test
    void slice_takes_a_range_along_the_first_axis() {
        Tensor t = arange234().reshape(6, 4);

        Tensor middle = t.slice(1, 3); // a.reshape(6, 4)[1:3]

        assertArrayEquals(new int[] {2, 4}, middle.shape());
        assertArrayEquals(new double[] {4, 5, 6, 7, 8, 9, 10, 11}, middle.toArray());
    }

    @Test
    void slice_clips_and_counts_from_the_end_like_numpy() {
        Tensor t = arange234().reshape(6, 4);

        assertArrayEquals(new int[] {2, 4}, t.slice(4, 100).shape());      // a[4:100]
        assertEquals(t.slice(4, 6), t.slice(-2, 6));                         // a[-2:6]
        assertArrayEquals(new int[] {0, 4}, t.slice(5, 2).shape());         // a[5:2] is empty
    }

    @Test
    void reshape_keeps_the_values_in_c_order() {
        Tensor t = arange234().reshape(4, 6);

        assertArrayEquals(new int[] {4, 6}, t.shape());
        assertArrayEquals(arange234().toArray(), t.toArray());
        assertEquals(18.0, t.get(3, 0)); // np.arange(24.).reshape(4, 6)[3, 0]
    }

    @Test
    void reshape_infers_the_one_unknown_dimension() {
        assertArrayEquals(new int[] {4, 6}, arange234().reshape(4, -1).shape());
        assertArrayEquals(new int[] {2, 4, 3}, arange234().reshape(2, -1, 3).shape());
        assertArrayEquals(new int[] {24}, arange234().reshape(-1).shape());
        assertArrayEquals(new int[] {5, 0}, Tensor.zeros(0, 3).reshape(5, -1).shape());
    }

    @Test
    void reshape_rejects_a_size_the_known_dimensions_do_not_divide_in_numpy_words() {
        Tensor twelve = Tensor.zeros(12);

        ShapeException e = assertThrows(ShapeException.class, () -> twelve.reshape(5, -1));

        assertEquals("cannot reshape array of size 12 into shape (5,newaxis)", e.getMessage());
    }

    @Test
    void reshape_rejects_a_different_size_in_numpy_words() {
        Tensor twelve = Tensor.zeros(3, 4);

        assertEquals("cannot reshape array of size 12 into shape (5,3)",
                assertThrows(ShapeException.class, () -> twelve.reshape(5, 3)).getMessage());
        assertEquals("cannot reshape array of size 12 into shape (7,)",
                assertThrows(ShapeException.class, () -> twelve.reshape(7)).getMessage());
        assertEquals("cannot reshape array of size 12 into shape ()",
                assertThrows(ShapeException.class, () -> twelve.reshape()).getMessage());
    }

    @Test
    void reshape_cannot_infer_a_dimension_next_to_a_zero_in_numpy_words() {
        ShapeException e = assertThrows(ShapeException.class, () -> Tensor.zeros(0, 3).reshape(0, -1));

        assertEquals("cannot reshape array of size 0 into shape (0,newaxis)", e.getMessage());
    }

    @Test
    void reshape_rejects_two_unknown_dimensions_in_numpy_words() {
        ShapeException e = assertThrows(ShapeException.class, () -> arange234().reshape(-1, -1));

        assertEquals("can only specify one unknown dimension", e.getMessage());
    }

    @Test
    void reshape_rejects_negative_dimensions_other_than_minus_one() {
        ShapeException e = assertThrows(ShapeException.class, () -> arange234().reshape(-2, 12));

        assertEquals("negative dimensions are not allowed: (-2,12)", e.getMessage());
    }

    @Test
    void transpose_reverses_all_axes_like_numpy_T() {
        Tensor t = arange234().transpose(); // np.arange(24.).reshape(2, 3, 4).T

        assertArrayEquals(new int[] {4, 3, 2}, t.shape());
        assertArrayEquals(new double[] {0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7,
                19, 11, 23}, t.toArray());
    }

    @Test
    void transpose_with_axes_matches_numpy() {
        Tensor swapped = arange234().transpose(1, 0, 2); // .transpose(1, 0, 2)
        Tensor rotated = arange234().transpose(2, 0, 1); // .transpose(2, 0, 1)

        assertArrayEquals(new int[] {3, 2, 4}, swapped.shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 12, 13, 14, 15, 4, 5, 6, 7, 16, 17, 18, 19, 8, 9, 10, 11, 20,
                21, 22, 23}, swapped.toArray());
        assertArrayEquals(new int[] {4, 2, 3}, rotated.shape());
        assertArrayEquals(new double[] {0, 4, 8, 12, 16, 20, 1, 5, 9, 13, 17, 21, 2, 6, 10, 14, 18, 22, 3, 7, 11,
                15, 19, 23}, rotated.toArray());
    }

    @Test
    void transpose_accepts_negative_axes() {
        assertEquals(arange234().transpose(2, 0, 1), arange234().transpose(-1, 0, -2));
    }

    @Test
    void transpose_twice_restores_the_tensor() {
        assertEquals(arange234(), arange234().transpose().transpose());
    }

    @Test
    void transpose_rejects_axes_that_are_not_a_permutation_in_numpy_words() {
        Tensor t = arange234();

        assertEquals("axes don't match array",
                assertThrows(ShapeException.class, () -> t.transpose(0, 1)).getMessage());
        assertEquals("axis 3 is out of bounds for array of dimension 3",
                assertThrows(ShapeException.class, () -> t.transpose(0, 1, 3)).getMessage());
        assertEquals("axis -4 is out of bounds for array of dimension 3",
                assertThrows(ShapeException.class, () -> t.transpose(0, 1, -4)).getMessage());
        assertEquals("repeated axis in transpose",
                assertThrows(ShapeException.class, () -> t.transpose(0, 1, 1)).getMessage());
    }

    /**
     * The course's exercise {@code X.reshape(X.shape[0], -1).T / 255} on two 2x2 RGB "images" holding
     * {@code (np.arange(24) * 10 + 200) % 256} as uint8; expected values from numpy.
     */
    @Test
    void reshape_minus_one_then_transpose_then_divide_equals_numpy() {
        double[] pixels = {200, 210, 220, 230, 240, 250, 4, 14, 24, 34, 44, 54, 64, 74, 84, 94, 104, 114, 124, 134,
                144, 154, 164, 174};
        Tensor images = Tensor.of(new int[] {2, 2, 2, 3}, pixels);

        Tensor flat = images.reshape(images.dim(0), -1).transpose();
        Matrix scaled = flat.divide(255).toMatrix();

        assertArrayEquals(new int[] {12, 2}, flat.shape());
        assertArrayEquals(new double[] {200, 64, 210, 74, 220, 84, 230, 94, 240, 104, 250, 114, 4, 124, 14, 134, 24,
                144, 34, 154, 44, 164, 54, 174}, flat.toArray());
        assertEquals(new Shape(12, 2), scaled.shape());
        assertArrayEquals(new double[] {0.7843137254901961, 0.25098039215686274, 0.8235294117647058,
                0.2901960784313726, 0.8627450980392157, 0.32941176470588235, 0.9019607843137255,
                0.3686274509803922, 0.9411764705882353, 0.40784313725490196, 0.9803921568627451,
                0.4470588235294118, 0.01568627450980392, 0.48627450980392156, 0.054901960784313725,
                0.5254901960784314, 0.09411764705882353, 0.5647058823529412, 0.13333333333333333,
                0.6039215686274509, 0.17254901960784313, 0.6431372549019608, 0.21176470588235294,
                0.6823529411764706}, scaled.toArray());
    }

    @Test
    void each_column_of_the_flattened_batch_is_one_image_in_row_column_channel_order() {
        int m = 3;
        double[] values = new double[m * 4 * 5 * 3];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 37) % 256;
        }
        Tensor images = Tensor.of(new int[] {m, 4, 5, 3}, values);

        Matrix flat = images.reshape(m, -1).transpose().toMatrix();

        assertEquals(new Shape(60, m), flat.shape());
        for (int i = 0; i < m; i++) {
            double[] column = new double[60];
            for (int r = 0; r < 60; r++) {
                column[r] = flat.get(r, i);
            }
            assertArrayEquals(images.index(i).toArray(), column, "column " + i);
        }
    }

    @Test
    void toMatrix_rejects_a_tensor_that_is_not_two_dimensional_naming_its_shape() {
        ShapeException e = assertThrows(ShapeException.class, () -> arange234().toMatrix());

        assertEquals("toMatrix needs a 2-D tensor but this one has shape (2, 3, 4); reshape it first, e.g."
                + " reshape(m, -1)", e.getMessage());
    }

    @Test
    void divide_divides_every_entry_and_leaves_the_receiver_unchanged() {
        Tensor t = Tensor.of(new int[] {3}, 255, 51, 0);

        Tensor scaled = t.divide(255);

        assertArrayEquals(new double[] {1.0, 0.2, 0.0}, scaled.toArray());
        assertArrayEquals(new double[] {255, 51, 0}, t.toArray());
    }

    @Test
    void toString_shows_the_shape_and_the_first_and_last_values() {
        assertEquals("Tensor(2, 3, 4) [0.0, 1.0, 2.0, ..., 21.0, 22.0, 23.0]", arange234().toString());
        assertEquals("Tensor(2,) [1.0, 2.0]", Tensor.of(new int[] {2}, 1, 2).toString());
    }

    @Test
    void formatShape_spells_shapes_as_numpy_does() {
        assertEquals("(209, 64, 64, 3)", Tensor.formatShape(209, 64, 64, 3));
        assertEquals("(12,)", Tensor.formatShape(12));
        assertEquals("()", Tensor.formatShape());
    }

    @Test
    void equal_tensors_have_equal_shapes_and_values() {
        assertEquals(arange234(), arange234());
        assertEquals(arange234().hashCode(), arange234().hashCode());
        assertNotEquals(arange234(), arange234().reshape(4, 6));
        assertNotEquals(arange234(), arange234().divide(2));
    }
}
