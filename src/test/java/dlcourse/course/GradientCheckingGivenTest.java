package dlcourse.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerNet;
import org.junit.jupiter.api.Test;

class GradientCheckingGivenTest {

    /** The course's example: seed 1, X = randn(4, 3), then W1 (5, 4), b1, W2 (3, 5), b2, W3 (1, 3), b3; Y = [1, 1, 0]. */
    private static final RandomState RANDOM = new RandomState(1);
    private static final Matrix X = RANDOM.randn(4, 3);
    private static final Matrix Y = Matrix.row(1, 1, 0);
    private static final Parameters PARAMETERS = Parameters.builder()
            .put("W1", RANDOM.randn(5, 4)).put("b1", RANDOM.randn(5, 1))
            .put("W2", RANDOM.randn(3, 5)).put("b2", RANDOM.randn(3, 1))
            .put("W3", RANDOM.randn(1, 3)).put("b3", RANDOM.randn(1, 1)).build();

    @Test
    void the_forward_pass_gives_the_courses_cost_on_its_example() {
        GradientChecking.NetworkCost result = GradientCheckingGiven.forwardPropagationN(X, Y, PARAMETERS);

        // numpy: forward_propagation_n(*gradient_check_n_test_case())[0]
        assertEquals(2.407833389834357, result.cost(), 1e-14);
        assertEquals(ThreeLayerNet.forward(X, PARAMETERS), result.cache());
    }

    @Test
    void the_given_backward_pass_doubles_dw2_and_quadruples_db1_and_gets_the_rest_right() {
        Grads given = GradientCheckingGiven.backwardPropagationN(X, Y, ThreeLayerNet.forward(X, PARAMETERS));
        Grads right = ThreeLayerNet.backward(X, Y, ThreeLayerNet.forward(X, PARAMETERS));

        assertTrue(right.dW(2).multiply(2).allClose(given.dW(2), 1e-12, 1e-15));
        assertTrue(right.db(1).multiply(4).allClose(given.db(1), 1e-12, 1e-15));
        for (String key : new String[] {"dW1", "db2", "dW3", "db3"}) {
            assertTrue(right.get(key).allClose(given.get(key), 1e-12, 1e-15), key);
        }
        // the course's dZ3 is A3 − Y (the 1/m comes later), so it is m times ThreeLayerNet's
        assertTrue(right.get("dZ3").multiply(3).allClose(given.get("dZ3"), 1e-12, 1e-15));
        assertEquals(11, given.size());
    }

    @Test
    void a_nan_term_makes_the_cost_nan_as_numpys_plain_sum_does() {
        Parameters saturated = PARAMETERS.with("b3", Matrix.scalar(1e6));

        // A3 = 1 exactly: the label-1 terms are −log(1)·1 + −log(0)·0 = 0 + ∞·0 = NaN
        assertTrue(Double.isNaN(GradientCheckingGiven.forwardPropagationN(X, Y, saturated).cost()));
        assertEquals(0.0, ThreeLayerNet.meanCost(ThreeLayerNet.forward(X, saturated).a3(), Matrix.row(1, 1, 1)));
    }
}
