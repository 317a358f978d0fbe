package dlcourse.course;

import dlcourse.core.Axis;
import dlcourse.core.Matrix;
import dlcourse.course.GradientChecking.NetworkCost;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import dlcourse.nn.ThreeLayerNet;

/**
 * The code the gradient-checking assignment hands out ready-made: the three-layer network's forward pass with its
 * cost, and its backward pass <em>as given</em>, with two deliberate mistakes for the gradient check to find.
 * Inputs are never modified.
 */
public final class GradientCheckingGiven {

    /** The factor the given backward pass wrongly applies to dW2. */
    static final double PLANTED_DW2_FACTOR = 2.0;
    /** The numerator the given backward pass wrongly uses for db1 (4/m instead of 1/m). */
    static final double PLANTED_DB1_NUMERATOR = 4.0;

    private GradientCheckingGiven() {
    }

    /**
     * {@code forward_propagation_n}: LINEAR→RELU→LINEAR→RELU→LINEAR→SIGMOID and the cross-entropy cost
     * {@code (1/m)·Σ[−Y·log(A3) − (1 − Y)·log(1 − A3)]} (a plain sum: a NaN term makes the cost NaN).
     *
     * @param x          inputs, shape (n[0], m)
     * @param y          labels, shape (1, m)
     * @param parameters W1, b1, W2, b2, W3, b3
     * @return the cost and the cache
     */
    public static NetworkCost forwardPropagationN(Matrix x, Matrix y, Parameters parameters) {
        ThreeLayerCache cache = ThreeLayerNet.forward(x, parameters);
        double cost = 1.0 / x.cols() * ThreeLayerNet.summedCost(cache.a3(), y);
        return new NetworkCost(cost, cache);
    }

    /**
     * {@code backward_propagation_n} exactly as the course hands it out: mostly right, but dW2 is twice what it
     * should be and db1 is scaled by 4/m instead of 1/m. Students run {@code gradient_check_n} on it, see a
     * difference of about 0.285, and write the corrected version.
     *
     * @param x     inputs, shape (n[0], m)
     * @param y     labels, shape (1, m)
     * @param cache from {@link #forwardPropagationN}
     * @return dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1 — two of them wrong
     */
    public static Grads backwardPropagationN(Matrix x, Matrix y, ThreeLayerCache cache) {
        double m = x.cols();
        Matrix dZ3 = cache.a3().subtract(y);
        Matrix dW3 = dZ3.dot(cache.a2().transpose()).multiply(1.0 / m);
        Matrix db3 = dZ3.sum(Axis.COLUMNS, true).multiply(1.0 / m);
        Matrix dA2 = cache.w3().transpose().dot(dZ3);
        Matrix dZ2 = dA2.multiply(cache.a2().greaterThan(0.0));
        Matrix dW2 = dZ2.dot(cache.a1().transpose()).multiply(1.0 / m).multiply(PLANTED_DW2_FACTOR);
        Matrix db2 = dZ2.sum(Axis.COLUMNS, true).multiply(1.0 / m);
        Matrix dA1 = cache.w2().transpose().dot(dZ2);
        Matrix dZ1 = dA1.multiply(cache.a1().greaterThan(0.0));
        Matrix dW1 = dZ1.dot(x.transpose()).multiply(1.0 / m);
        Matrix db1 = dZ1.sum(Axis.COLUMNS, true).multiply(PLANTED_DB1_NUMERATOR / m);
        return Grads.builder().put("dZ3", dZ3).put("dW3", dW3).put("db3", db3).put("dA2", dA2).put("dZ2", dZ2)
                .put("dW2", dW2).put("db2", db2).put("dA1", dA1).put("dZ1", dZ1).put("dW1", dW1).put("db1", db1)
                .build();
    }
}
