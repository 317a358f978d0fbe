package dlcourse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.core.Matrix;
import dlcourse.core.ShapeException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterVectorsTest {

    /** W1 (2, 3) = 1..6, b1 (2, 1) = 7, 8, W2 (1, 2) = 9, 10, b2 (1, 1) = 11. */
    private static Parameters small() {
        return Parameters.builder()
                .put("W1", Matrix.of(2, 3, 1, 2, 3, 4, 5, 6)).put("b1", Matrix.column(7, 8))
                .put("W2", Matrix.row(9, 10)).put("b2", Matrix.scalar(11)).build();
    }

    @Test
    void dictionary_to_vector_stacks_layer_by_layer_w_then_b_in_row_major_order() {
        ParameterVectors.Flattened flat = ParameterVectors.dictionaryToVector(small());

        assertEquals(Matrix.column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), flat.theta());
        assertEquals(List.of("W1", "W1", "W1", "W1", "W1", "W1", "b1", "b1", "W2", "W2", "b2"), flat.keys());
    }

    @Test
    void the_order_does_not_depend_on_the_order_the_keys_were_put_in() {
        Parameters shuffled = Parameters.builder().put("b2", Matrix.scalar(11)).put("W2", Matrix.row(9, 10))
                .put("b1", Matrix.column(7, 8)).put("W1", Matrix.of(2, 3, 1, 2, 3, 4, 5, 6)).build();

        assertEquals(ParameterVectors.dictionaryToVector(small()), ParameterVectors.dictionaryToVector(shuffled));
    }

    @Test
    void the_course_network_has_47_parameters_in_its_layout() {
        Parameters course = Parameters.builder()
                .put("W1", Matrix.zeros(5, 4)).put("b1", Matrix.zeros(5, 1))
                .put("W2", Matrix.zeros(3, 5)).put("b2", Matrix.zeros(3, 1))
                .put("W3", Matrix.zeros(1, 3)).put("b3", Matrix.zeros(1, 1)).build();

        ParameterVectors.Flattened flat = ParameterVectors.dictionaryToVector(course);

        assertEquals(47, flat.theta().rows());
        assertEquals("b1", flat.keys().get(20));
        assertEquals("W2", flat.keys().get(25));
        assertEquals("b2", flat.keys().get(40));
        assertEquals("W3", flat.keys().get(43));
        assertEquals("b3", flat.keys().get(46));
    }

    @Test
    void vector_to_dictionary_inverts_dictionary_to_vector_with_the_shapes_of_a_template() {
        Matrix theta = Matrix.column(-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11);

        Parameters back = ParameterVectors.vectorToDictionary(theta, small());

        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(back.keys()));
        assertEquals(Matrix.of(2, 3, -1, -2, -3, -4, -5, -6), back.weights(1));
        assertEquals(Matrix.column(-7, -8), back.bias(1));
        assertEquals(Matrix.row(-9, -10), back.weights(2));
        assertEquals(Matrix.scalar(-11), back.bias(2));
        assertEquals(small(), ParameterVectors.vectorToDictionary(ParameterVectors.dictionaryToVector(small())
                .theta(), back));
    }

    @Test
    void vector_to_dictionary_rejects_a_vector_of_the_wrong_size_or_shape() {
        ShapeException tooShort = assertThrows(ShapeException.class,
                () -> ParameterVectors.vectorToDictionary(Matrix.zeros(10, 1), small()));
        assertEquals("theta has shape (10, 1) but these parameters need (11, 1)", tooShort.getMessage());
        assertThrows(ShapeException.class, () -> ParameterVectors.vectorToDictionary(Matrix.zeros(1, 11), small()));
    }

    @Test
    void gradients_to_vector_uses_the_same_layout_and_skips_dz_and_da() {
        Grads grads = Grads.builder().put("dZ2", Matrix.ones(1, 4)).put("dW2", Matrix.row(9, 10))
                .put("db2", Matrix.scalar(11)).put("dA1", Matrix.ones(2, 4)).put("dW1", Matrix.of(2, 3, 1, 2, 3, 4,
                        5, 6)).put("db1", Matrix.column(7, 8)).build();

        assertEquals(Matrix.column(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), ParameterVectors.gradientsToVector(grads));
    }

    @Test
    void transposed_views_are_flattened_in_their_own_row_major_order() {
        Parameters p = Parameters.builder().put("W1", Matrix.of(2, 3, 1, 2, 3, 4, 5, 6).transpose())
                .put("b1", Matrix.column(7, 8, 9)).build();

        assertEquals(Matrix.column(1, 4, 2, 5, 3, 6, 7, 8, 9), ParameterVectors.dictionaryToVector(p).theta());
    }

    @Test
    void nothing_without_layers_and_inputs_are_not_modified() {
        assertThrows(IllegalArgumentException.class, () -> ParameterVectors.dictionaryToVector(
                Parameters.builder().put("b1", Matrix.zeros(1, 1)).build()));
        assertThrows(IllegalArgumentException.class, () -> ParameterVectors.gradientsToVector(
                Grads.builder().put("dZ1", Matrix.zeros(1, 1)).build()));
        Parameters p = small();
        ParameterVectors.dictionaryToVector(p);
        assertEquals(small(), p);
    }

    @Test
    void flattened_needs_one_key_per_entry() {
        assertThrows(ShapeException.class, () -> new ParameterVectors.Flattened(Matrix.zeros(3, 1),
                Collections.nCopies(2, "W1")));
        assertThrows(ShapeException.class, () -> new ParameterVectors.Flattened(Matrix.zeros(1, 2),
                Collections.nCopies(2, "W1")));
    }
}
