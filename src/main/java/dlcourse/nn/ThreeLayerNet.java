package dlcourse.nn;

import dlcourse.core.Axis;
import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.ShapeException;

/**
 * The ready-made parts of the course 2 models (initialization, regularization, optimization): a three-layer
 * LINEAR→RELU→LINEAR→RELU→LINEAR→SIGMOID network with its forward and backward passes, costs, prediction and the
 * seeded initializers the course uses where initialization is not the exercise. Inputs are never modified.
 */
public final class ThreeLayerNet {

    /** The seed the course's given initializers use. */
    public static final long INIT_SEED = 3;
    /** A probability above this is labelled 1. */
    public static final double THRESHOLD = 0.5;

    private ThreeLayerNet() {
    }

    /**
     * The regularization assignment's initializer: seed 3, then layer by layer {@code W = randn(n[l], n[l-1]) /
     * sqrt(n[l-1])}, {@code b = zeros}.
     *
     * @param layerDims n[0] … n[L]
     */
    public static Parameters initializeScaledByFanIn(int... layerDims) {
        RandomState random = new RandomState(INIT_SEED);
        Parameters.Builder builder = Parameters.builder();
        for (int l = 1; l < layerDims.length; l++) {
            builder.put("W" + l, random.randn(layerDims[l], layerDims[l - 1]).divide(Math.sqrt(layerDims[l - 1])));
            builder.put("b" + l, Matrix.zeros(layerDims[l], 1));
        }
        return builder.build();
    }

    /**
     * The optimization assignment's initializer: seed 3, then layer by layer {@code W = randn(n[l], n[l-1]) ·
     * sqrt(2 / n[l-1])} (He), {@code b = zeros}.
     *
     * @param layerDims n[0] … n[L]
     */
    public static Parameters initializeHe(int... layerDims) {
        RandomState random = new RandomState(INIT_SEED);
        Parameters.Builder builder = Parameters.builder();
        for (int l = 1; l < layerDims.length; l++) {
            builder.put("W" + l, random.randn(layerDims[l], layerDims[l - 1]).multiply(Math.sqrt(2.0
                    / layerDims[l - 1])));
            builder.put("b" + l, Matrix.zeros(layerDims[l], 1));
        }
        return builder.build();
    }

    /**
     * The forward pass.
     *
     * @param x          inputs, shape (n[0], m)
     * @param parameters W1, b1, W2, b2, W3, b3
     * @return the cache; its {@code a3} is the output, shape (1, m)
     */
    public static ThreeLayerCache forward(Matrix x, Parameters parameters) {
        Matrix w1 = parameters.weights(1);
        Matrix b1 = parameters.bias(1);
        Matrix w2 = parameters.weights(2);
        Matrix b2 = parameters.bias(2);
        Matrix w3 = parameters.weights(3);
        Matrix b3 = parameters.bias(3);
        Matrix z1 = Matrix.linear(w1, x, b1);
        Matrix a1 = z1.relu();
        Matrix z2 = Matrix.linear(w2, a1, b2);
        Matrix a2 = z2.relu();
        Matrix z3 = Matrix.linear(w3, a2, b3);
        Matrix a3 = z3.sigmoid();
        return new ThreeLayerCache(z1, a1, w1, b1, z2, a2, w2, b2, z3, a3, w3, b3);
    }

    /**
     * The backward pass of the plain (unregularized) cross-entropy cost.
     *
     * @param x     inputs, shape (n[0], m)
     * @param y     labels, shape (1, m)
     * @param cache from {@link #forward}
     * @return dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
     */
    public static Grads backward(Matrix x, Matrix y, ThreeLayerCache cache) {
        requireLabels(y, cache.a3());
        double m = x.cols();
        Matrix dZ3 = cache.a3().subtract(y).multiply(1.0 / m);
        Matrix dW3 = dZ3.dot(cache.a2().transpose());
        Matrix db3 = dZ3.sum(Axis.COLUMNS, true);
        Matrix dA2 = cache.w3().transpose().dot(dZ3);
        Matrix dZ2 = dA2.multiply(cache.a2().greaterThan(0.0));
        Matrix dW2 = dZ2.dot(cache.a1().transpose());
        Matrix db2 = dZ2.sum(Axis.COLUMNS, true);
        Matrix dA1 = cache.w2().transpose().dot(dZ2);
        Matrix dZ1 = dA1.multiply(cache.a1().greaterThan(0.0));
        Matrix dW1 = dZ1.dot(x.transpose());
        Matrix db1 = dZ1.sum(Axis.COLUMNS, true);
        return Grads.builder().put("dZ3", dZ3).put("dW3", dW3).put("db3", db3).put("dA2", dA2).put("dZ2", dZ2)
                .put("dW2", dW2).put("db2", db2).put("dA1", dA1).put("dZ1", dZ1).put("dW1", dW1).put("db1", db1)
                .build();
    }

    /**
     * The cross-entropy cost averaged over the examples, skipping terms that are NaN (numpy's {@code nansum}: a
     * probability of exactly 0 or 1 on the right label gives 0 · ∞, which the course ignores).
     *
     * @param a3 output probabilities, shape (1, m)
     * @param y  labels, shape (1, m)
     */
    public static double meanCost(Matrix a3, Matrix y) {
        return crossEntropyTerms(a3, y, true) / a3.cols();
    }

    /**
     * The cross-entropy cost summed over the examples (the optimization assignment sums per mini-batch and divides
     * by m once per epoch). NaN propagates, as numpy's plain {@code sum}.
     *
     * @param a3 output probabilities, shape (1, m)
     * @param y  labels, shape (1, m)
     */
    public static double summedCost(Matrix a3, Matrix y) {
        return crossEntropyTerms(a3, y, false);
    }

    private static double crossEntropyTerms(Matrix a3, Matrix y, boolean skipNaN) {
        requireLabels(y, a3);
        double[] a = a3.toArray();
        double[] labels = y.toArray();
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            double term = -Math.log(a[i]) * labels[i] + -Math.log(1 - a[i]) * (1 - labels[i]);
            if (!(skipNaN && Double.isNaN(term))) {
                total += term;
            }
        }
        return total;
    }

    /**
     * One step of gradient descent on every layer: W ← W − α·dW, b ← b − α·db.
     *
     * @param parameters W1 … b3
     * @param grads      dW1 … db3
     * @param learningRate α
     * @return new parameters
     */
    public static Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
        Parameters updated = parameters;
        for (int l = 1; l <= parameters.layers(); l++) {
            updated = updated.with("W" + l, parameters.weights(l).subtractScaled(learningRate, grads.dW(l)))
                    .with("b" + l, parameters.bias(l).subtractScaled(learningRate, grads.db(l)));
        }
        return updated;
    }

    /**
     * Labels: 1 where the network's probability is above {@link #THRESHOLD}, else 0.
     *
     * @param x          inputs, shape (n[0], m)
     * @param parameters W1 … b3
     * @return shape (1, m) of 0/1
     */
    public static Matrix predict(Matrix x, Parameters parameters) {
        return forward(x, parameters).a3().greaterThan(THRESHOLD);
    }

    /**
     * The fraction of predictions equal to the labels.
     *
     * @param predictions shape (1, m) of 0/1
     * @param y           shape (1, m) of 0/1
     */
    public static double accuracy(Matrix predictions, Matrix y) {
        requireLabels(y, predictions);
        return predictions.equalTo(y).mean();
    }

    private static void requireLabels(Matrix y, Matrix output) {
        if (!y.shape().equals(output.shape())) {
            throw new ShapeException("labels have shape " + y.shape() + " but the network's output has shape "
                    + output.shape());
        }
    }
}
