package dlcourse.nn;

import dlcourse.core.Matrix;
import dlcourse.core.ShapeException;

/**
 * The activation helpers the course hands out ready-made: sigmoid and ReLU returning their caches, and their backward
 * steps. Inputs are never modified.
 */
public final class Activations {

    private Activations() {
    }

    /**
     * σ(Z) elementwise.
     *
     * @param z pre-activations, any shape
     * @return A = σ(Z) (same shape) with Z as the cache
     */
    public static Activated sigmoid(Matrix z) {
        return new Activated(z.sigmoid(), new ActivationCache(z));
    }

    /**
     * max(0, Z) elementwise.
     *
     * @param z pre-activations, any shape
     * @return A = relu(Z) (same shape) with Z as the cache
     */
    public static Activated relu(Matrix z) {
        return new Activated(z.relu(), new ActivationCache(z));
    }

    /**
     * dZ = dA · σ(Z) · (1 − σ(Z)).
     *
     * @param dA    gradient of the cost with respect to A, the shape of Z
     * @param cache Z from the forward step
     * @return dZ, the shape of Z
     */
    public static Matrix sigmoidBackward(Matrix dA, ActivationCache cache) {
        requireSameShape("sigmoid_backward", dA, cache.z());
        Matrix s = cache.z().sigmoid();
        return dA.multiply(s).multiply(Matrix.subtract(1.0, s));
    }

    /**
     * dZ = dA where Z &gt; 0, and 0 where Z ≤ 0.
     *
     * @param dA    gradient of the cost with respect to A, the shape of Z
     * @param cache Z from the forward step
     * @return dZ, the shape of Z
     */
    public static Matrix reluBackward(Matrix dA, ActivationCache cache) {
        requireSameShape("relu_backward", dA, cache.z());
        double[] grad = dA.toArray();
        double[] z = cache.z().toArray();
        for (int i = 0; i < grad.length; i++) {
            if (z[i] <= 0) {
                grad[i] = 0.0; // a copy of dA with the entries at Z <= 0 set to zero, as the course does
            }
        }
        return Matrix.of(dA.rows(), dA.cols(), grad);
    }

    private static void requireSameShape(String step, Matrix dA, Matrix z) {
        if (!dA.shape().equals(z.shape())) {
            throw new ShapeException(step + ": dA has shape " + dA.shape() + " but Z has shape " + z.shape());
        }
    }
}
