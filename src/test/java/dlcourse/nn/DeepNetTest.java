package dlcourse.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.ShapeException;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class DeepNetTest {

    /** numpy: seed(1); randn(...) gives 1.6243453636632417, −0.6117564136500754, …; draw 13 is −0.3224172040135075. */
    @Test
    void initializers_follow_numpy_seed_1() {
        Parameters two = DeepNet.initializeTwoLayer(3, 2, 1);
        assertEquals(0.016243453636632417, two.weights(1).get(0, 0), 1e-17);
        assertEquals(-0.006117564136500754, two.weights(1).get(0, 1), 1e-17);
        assertEquals(List.of("W1", "b1", "W2", "b2"), List.copyOf(two.keys()));
        assertEquals(Matrix.zeros(2, 1), two.bias(1));

        int[] dims = {4, 3, 1};
        Parameters deep = DeepNet.initializeDeep(dims);
        assertEquals(1.6243453636632417 / 2, deep.weights(1).get(0, 0), 1e-15);
        assertEquals(-0.3224172040135075 / Math.sqrt(3), deep.weights(2).get(0, 0), 1e-15);
        assertEquals(Matrix.zeros(1, 1), deep.bias(2));
        assertArrayEquals(new int[] {4, 3, 1}, dims);
    }

    private static Parameters randomParameters(RandomState random, int... dims) {
        Parameters.Builder p = Parameters.builder();
        for (int l = 1; l < dims.length; l++) {
            p.put("W" + l, random.randn(dims[l], dims[l - 1])).put("b" + l, random.randn(dims[l], 1));
        }
        return p.build();
    }

    private static Matrix numericGradient(Matrix value, ToDoubleFunction<Matrix> cost) {
        double h = 1e-6;
        double[] numeric = new double[value.size()];
        for (int i = 0; i < numeric.length; i++) {
            double[] plus = value.toArray();
            double[] minus = value.toArray();
            plus[i] += h;
            minus[i] -= h;
            numeric[i] = (cost.applyAsDouble(Matrix.of(value.rows(), value.cols(), plus))
                    - cost.applyAsDouble(Matrix.of(value.rows(), value.cols(), minus))) / (2 * h);
        }
        return Matrix.of(value.rows(), value.cols(), numeric);
    }

    @Test
    void backward_matches_centred_differences_of_the_cost_and_dA0_is_per_example() {
        RandomState random = new RandomState(4);
        Matrix x = random.randn(3, 5);
        Matrix y = Matrix.row(1, 0, 0, 1, 1);
        Parameters p = randomParameters(random, 3, 4, 2, 1);
        ForwardPass forward = DeepNet.modelForward(x, p);
        Grads grads = DeepNet.modelBackward(forward.al(), y, forward.caches());

        for (String key : p.keys()) {
            Matrix numeric = numericGradient(p.get(key), v -> DeepNet.cost(DeepNet.modelForward(x, p.with(key, v))
                    .al(), y));
            assertEquals(true, numeric.allClose(grads.get("d" + key), 1e-6, 1e-8), key);
        }
        Matrix numericX = numericGradient(x, v -> 5 * DeepNet.cost(DeepNet.modelForward(v, p).al(), y));
        assertEquals(true, numericX.allClose(grads.dA(0), 1e-6, 1e-8), "dA0");
        assertEquals(List.of("dA2", "dW3", "db3", "dA1", "dW2", "db2", "dA0", "dW1", "db1"), List.copyOf(grads.keys()));
    }

    @Test
    void the_forward_pass_has_relu_hidden_layers_a_sigmoid_output_and_one_cache_per_layer() {
        RandomState random = new RandomState(5);
        Matrix x = random.randn(2, 3);
        Parameters p = randomParameters(random, 2, 3, 1);
        ForwardPass forward = DeepNet.modelForward(x, p);

        Matrix a1 = Matrix.linear(p.weights(1), x, p.bias(1)).relu();
        assertEquals(Matrix.linear(p.weights(2), a1, p.bias(2)).sigmoid(), forward.al());
        assertEquals(2, forward.caches().size());
        assertEquals(x, forward.caches().get(0).linear().aPrev());
        assertEquals(a1, forward.caches().get(1).linear().aPrev());
    }

    @Test
    void cost_update_predict_and_mislabelled() {
        assertEquals(Math.log(2), DeepNet.cost(Matrix.full(1, 3, 0.5), Matrix.row(1, 0, 1)), 1e-15);
        Parameters p = Parameters.builder().put("W1", Matrix.row(1, -1)).put("b1", Matrix.scalar(0)).build();
        Grads g = Grads.builder().put("dW1", Matrix.row(2, 4)).put("db1", Matrix.scalar(1)).build();
        Parameters updated = DeepNet.updateParameters(p, g, 0.5);
        assertEquals(Matrix.row(0, -3), updated.weights(1));
        assertEquals(Matrix.scalar(-0.5), updated.bias(1));
        // z = x1 − x2: 0 exactly (σ = 0.5, labelled 0), positive, negative
        Matrix predictions = DeepNet.predict(Matrix.fromRows(new double[][] {{1, 2, 0}, {1, 1, 3}}), p);
        assertEquals(Matrix.row(0, 1, 0), predictions);
        assertArrayEquals(new int[] {0, 2}, DeepNet.mislabelled(predictions, Matrix.row(1, 1, 1)));
        assertEquals(1.0 / 3, DeepNet.accuracy(predictions, Matrix.row(1, 1, 1)), 1e-15);
        assertThrows(ShapeException.class, () -> DeepNet.cost(Matrix.row(0.5, 0.5), Matrix.row(1, 0, 1)));
    }
}
