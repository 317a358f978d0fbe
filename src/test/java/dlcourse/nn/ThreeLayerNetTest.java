package dlcourse.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.ShapeException;
import org.junit.jupiter.api.Test;

class ThreeLayerNetTest {

    @Test
    void initializers_follow_numpy_seed_3() {
        // numpy: seed(3); randn(2, 2)[0, 0] / sqrt(2) and, after W1 (5, 2) was drawn, randn(2, 5)[1, 4] * sqrt(2/5)
        assertEquals(1.2647513225859208, ThreeLayerNet.initializeScaledByFanIn(2, 2).weights(1).get(0, 0), 1e-15);
        assertEquals(-0.696376313807212, ThreeLayerNet.initializeHe(2, 5, 2).weights(2).get(1, 4), 1e-15);
        assertEquals(Matrix.zeros(5, 1), ThreeLayerNet.initializeHe(2, 5, 2).bias(1));
    }

    @Test
    void backward_matches_centred_differences_of_the_mean_cost() {
        RandomState random = new RandomState(4);
        Matrix x = random.randn(3, 5);
        Matrix y = random.rand(1, 5).greaterThan(0.5);
        Parameters p = Parameters.builder().put("W1", random.randn(4, 3)).put("b1", random.randn(4, 1))
                .put("W2", random.randn(2, 4)).put("b2", random.randn(2, 1))
                .put("W3", random.randn(1, 2)).put("b3", random.randn(1, 1)).build();
        Grads grads = ThreeLayerNet.backward(x, y, ThreeLayerNet.forward(x, p));
        double h = 1e-6;
        for (String key : p.keys()) {
            Matrix value = p.get(key);
            double[] numeric = new double[value.size()];
            for (int i = 0; i < numeric.length; i++) {
                double[] plus = value.toArray();
                double[] minus = value.toArray();
                plus[i] += h;
                minus[i] -= h;
                double jPlus = ThreeLayerNet.meanCost(ThreeLayerNet.forward(x,
                        p.with(key, Matrix.of(value.rows(), value.cols(), plus))).a3(), y);
                double jMinus = ThreeLayerNet.meanCost(ThreeLayerNet.forward(x,
                        p.with(key, Matrix.of(value.rows(), value.cols(), minus))).a3(), y);
                numeric[i] = (jPlus - jMinus) / (2 * h);
            }
            Matrix analytic = grads.get("d" + key);
            for (int i = 0; i < numeric.length; i++) {
                assertEquals(numeric[i], analytic.toArray()[i], 1e-7, key + "[" + i + "]");
            }
        }
    }

    @Test
    void the_mean_cost_skips_nan_terms_like_nansum_and_the_summed_cost_keeps_them() {
        Matrix a3 = Matrix.row(1.0, 0.5, 1.0);
        Matrix y = Matrix.row(1.0, 1.0, 0.0);
        assertEquals(Double.POSITIVE_INFINITY, ThreeLayerNet.meanCost(a3, y));
        assertEquals(Math.log(2) / 2, ThreeLayerNet.meanCost(Matrix.row(1.0, 0.5), Matrix.row(1.0, 1.0)), 1e-15);
        assertEquals(Double.NaN, ThreeLayerNet.summedCost(Matrix.row(1.0, 0.5), Matrix.row(1.0, 1.0)));
        assertEquals(2 * Math.log(2), ThreeLayerNet.summedCost(Matrix.row(0.5, 0.5), Matrix.row(1.0, 0.0)), 1e-15);
    }

    @Test
    void predictions_threshold_above_one_half_and_accuracy_counts_matches() {
        Parameters p = Parameters.builder().put("W1", Matrix.of(1, 1, 1.0)).put("b1", Matrix.zeros(1, 1))
                .put("W2", Matrix.of(1, 1, 1.0)).put("b2", Matrix.zeros(1, 1))
                .put("W3", Matrix.of(1, 1, 1.0)).put("b3", Matrix.zeros(1, 1)).build();
        Matrix predictions = ThreeLayerNet.predict(Matrix.row(-1.0, 0.0, 2.0), p);
        assertEquals(Matrix.row(0.0, 0.0, 1.0), predictions);
        assertEquals(2.0 / 3, ThreeLayerNet.accuracy(predictions, Matrix.row(0.0, 1.0, 1.0)), 1e-15);
        assertThrows(ShapeException.class, () -> ThreeLayerNet.accuracy(predictions, Matrix.row(0.0, 1.0)));
    }

    @Test
    void an_update_with_learning_rate_zero_changes_nothing() {
        Parameters p = ThreeLayerNet.initializeHe(2, 3, 2, 1);
        Matrix x = new RandomState(1).randn(2, 4);
        Matrix y = Matrix.row(1.0, 0.0, 1.0, 0.0);
        Grads g = ThreeLayerNet.backward(x, y, ThreeLayerNet.forward(x, p));
        assertEquals(p, ThreeLayerNet.updateParameters(p, g, 0.0));
        assertEquals(p.weights(3).subtract(g.dW(3).multiply(0.1)),
                ThreeLayerNet.updateParameters(p, g, 0.1).weights(3));
    }
}
