package dlcourse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.core.ShapeException;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    private static final Matrix Z = Matrix.of(2, 3, -2.0, 0.0, 3.0, 1.5, -0.5, 0.0);

    @Test
    void relu_keeps_z_as_its_cache() {
        Activated out = Activations.relu(Z);
        assertEquals(Matrix.of(2, 3, 0.0, 0.0, 3.0, 1.5, 0.0, 0.0), out.a());
        assertSame(Z, out.cache().z());
    }

    @Test
    void relu_backward_zeroes_the_gradient_where_z_is_not_positive_even_at_infinity() {
        Matrix dA = Matrix.of(2, 3, Double.POSITIVE_INFINITY, 5.0, 7.0, -1.0, 2.0, 3.0);
        Matrix dZ = Activations.reluBackward(dA, new ActivationCache(Z));
        assertEquals(Matrix.of(2, 3, 0.0, 0.0, 7.0, -1.0, 0.0, 0.0), dZ);
    }

    @Test
    void sigmoid_backward_matches_a_centred_difference() {
        Matrix dA = Matrix.of(2, 3, 1.0, -2.0, 0.5, 3.0, 1.0, -1.0);
        Matrix dZ = Activations.sigmoidBackward(dA, new ActivationCache(Z));
        double h = 1e-6;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                double z = Z.get(i, j);
                double numeric = dA.get(i, j) * (sigma(z + h) - sigma(z - h)) / (2 * h);
                assertEquals(numeric, dZ.get(i, j), 1e-8);
            }
        }
    }

    @Test
    void backward_steps_name_both_shapes_when_they_differ() {
        ShapeException e = assertThrows(ShapeException.class,
                () -> Activation.RELU.backward(Matrix.ones(3, 2), new ActivationCache(Z)));
        assertEquals("relu_backward: dA has shape (3, 2) but Z has shape (2, 3)", e.getMessage());
    }

    @Test
    void activations_are_found_by_their_course_names() {
        assertEquals(Activation.SIGMOID, Activation.of("sigmoid"));
        assertEquals("relu", Activation.of("relu").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Activation.of("tanh")).getMessage()
                .contains("\"tanh\""));
        assertEquals(Z.sigmoid(), Activation.SIGMOID.forward(Z).a());
    }

    private static double sigma(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
