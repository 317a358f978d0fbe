package dlcourse.nn;

import dlcourse.core.Matrix;
import java.util.Objects;

/**
 * Everything the course 2 networks (LINEAR→RELU→LINEAR→RELU→LINEAR→SIGMOID) remember for the backward pass, in the
 * order the course's tuple holds it. Shapes: {@code zl}, {@code al} are (n[l], m); {@code wl} is (n[l], n[l-1]);
 * {@code bl} is (n[l], 1).
 *
 * @param z1 first layer's pre-activation
 * @param a1 first layer's activation
 * @param w1 first layer's weights
 * @param b1 first layer's bias
 * @param z2 second layer's pre-activation
 * @param a2 second layer's activation
 * @param w2 second layer's weights
 * @param b2 second layer's bias
 * @param z3 output layer's pre-activation
 * @param a3 output probabilities, (1, m)
 * @param w3 output layer's weights
 * @param b3 output layer's bias
 */
public record ThreeLayerCache(Matrix z1, Matrix a1, Matrix w1, Matrix b1, Matrix z2, Matrix a2, Matrix w2, Matrix b2,
                              Matrix z3, Matrix a3, Matrix w3, Matrix b3) {
    /** Rejects missing parts. */
    public ThreeLayerCache {
        for (Matrix part : new Matrix[] {z1, a1, w1, b1, z2, a2, w2, b2, z3, a3, w3, b3}) {
            Objects.requireNonNull(part, "a part of the cache is null");
        }
    }
}
