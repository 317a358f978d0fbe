package dlcourse.nn;

import dlcourse.core.Axis;
import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ready-made L-layer network of the "deep neural network application" assignment (the course's application
 * utilities): the two initializers that assignment uses, the LINEAR→ACTIVATION steps forward and backward, the
 * L-layer forward and backward passes ([LINEAR→RELU]×(L−1) → LINEAR→SIGMOID), the cross-entropy cost, the
 * gradient-descent update and prediction. The application's worksheet hands these to students as given methods;
 * the grader uses them as the reference behaviour of the steps a model composes.
 *
 * <p>Keys are the course's: {@code W1}, {@code b1}, … for parameters; {@code dW<l>}, {@code db<l>} and
 * {@code dA<l-1>} (the gradient with respect to layer l−1's activations, so {@code dA0} is the one with respect to
 * X) for gradients. Inputs are never modified.
 */
public final class DeepNet {

    /** The seed both of the application's initializers start from. */
    public static final long INIT_SEED = 1;
    /** The two-layer initializer multiplies its standard normal draws by this. */
    public static final double TWO_LAYER_SCALE = 0.01;
    /** A probability above this is labelled 1. */
    public static final double THRESHOLD = 0.5;

    private DeepNet() {
    }

    /**
     * The application's two-layer initializer: seed 1, then {@code W1 = randn(n_h, n_x)·0.01}, {@code b1 = 0},
     * {@code W2 = randn(n_y, n_h)·0.01}, {@code b2 = 0}.
     *
     * @param nX size of the input layer
     * @param nH size of the hidden layer
     * @param nY size of the output layer
     * @return W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)
     */
    public static Parameters initializeTwoLayer(int nX, int nH, int nY) {
        RandomState random = new RandomState(INIT_SEED);
        return Parameters.builder()
                .put("W1", random.randn(nH, nX).multiply(TWO_LAYER_SCALE))
                .put("b1", Matrix.zeros(nH, 1))
                .put("W2", random.randn(nY, nH).multiply(TWO_LAYER_SCALE))
                .put("b2", Matrix.zeros(nY, 1))
                .build();
    }

    /**
     * The application's L-layer initializer: seed 1, then layer by layer {@code W<l> = randn(n[l], n[l-1]) /
     * sqrt(n[l-1])} and {@code b<l> = 0}. (Dividing by the square root of the fan-in keeps the activations of a
     * deep ReLU network from shrinking layer after layer, which the plain ·0.01 start would cause.)
     *
     * @param layerDims n[0] … n[L]; not modified
     * @return W1, b1, … WL, bL
     */
    public static Parameters initializeDeep(int... layerDims) {
        RandomState random = new RandomState(INIT_SEED);
        Parameters.Builder builder = Parameters.builder();
        for (int l = 1; l < layerDims.length; l++) {
            builder.put("W" + l, random.randn(layerDims[l], layerDims[l - 1]).divide(Math.sqrt(layerDims[l - 1])));
            builder.put("b" + l, Matrix.zeros(layerDims[l], 1));
        }
        return builder.build();
    }

    /**
     * The linear step Z = W·A_prev + b.
     *
     * @param aPrev activations of the previous layer, shape (n[l-1], m)
     * @param w     weights, shape (n[l], n[l-1])
     * @param b     bias, shape (n[l], 1)
     * @return Z (n[l], m) and the cache (A_prev, W, b)
     */
    public static LinearStep linearForward(Matrix aPrev, Matrix w, Matrix b) {
        return new LinearStep(Matrix.linear(w, aPrev, b), new LinearCache(aPrev, w, b));
    }

    /**
     * One LINEAR→ACTIVATION layer.
     *
     * @param aPrev      activations of the previous layer, shape (n[l-1], m)
     * @param w          weights, shape (n[l], n[l-1])
     * @param b          bias, shape (n[l], 1)
     * @param activation {@link Activation#RELU} or {@link Activation#SIGMOID}
     * @return A (n[l], m) and the layer's cache
     */
    public static LayerStep linearActivationForward(Matrix aPrev, Matrix w, Matrix b, Activation activation) {
        LinearStep linear = linearForward(aPrev, w, b);
        Activated activated = activation.forward(linear.z());
        return new LayerStep(activated.a(), new LayerCache(linear.cache(), activated.cache()));
    }

    /**
     * The forward pass: L−1 LINEAR→RELU layers, then one LINEAR→SIGMOID layer.
     *
     * @param x          inputs, shape (n[0], m)
     * @param parameters W1, b1, … WL, bL
     * @return A[L] (n[L], m) and the L caches, layer 1 first
     */
    public static ForwardPass modelForward(Matrix x, Parameters parameters) {
        int layers = parameters.layers();
        List<LayerCache> caches = new ArrayList<>(layers);
        Matrix a = x;
        for (int l = 1; l < layers; l++) {
            LayerStep step = linearActivationForward(a, parameters.weights(l), parameters.bias(l), Activation.RELU);
            caches.add(step.cache());
            a = step.a();
        }
        LayerStep output = linearActivationForward(a, parameters.weights(layers), parameters.bias(layers),
                Activation.SIGMOID);
        caches.add(output.cache());
        return new ForwardPass(output.a(), caches);
    }

    /**
     * The cross-entropy cost J = −(1/m)·Σ [Y·log(A[L]) + (1 − Y)·log(1 − A[L])].
     *
     * @param al predicted probabilities, shape (1, m)
     * @param y  labels 0/1, shape (1, m)
     * @return J
     */
    public static double cost(Matrix al, Matrix y) {
        requireLabels(y, al);
        double[] a = al.toArray();
        double[] labels = y.toArray();
        double total = 0;
        for (int i = 0; i < a.length; i++) {
            total += labels[i] * Math.log(a[i]) + (1 - labels[i]) * Math.log(1 - a[i]);
        }
        return -total / a.length;
    }

    /**
     * The linear step backward: dW = (1/m)·dZ·A_prevᵀ, db = (1/m)·Σ_columns dZ, dA_prev = Wᵀ·dZ (a
     * {@linkplain Matrix#dotDeferred deferred} product: computed when first read).
     *
     * @param dZ    gradient with respect to Z, shape (n[l], m)
     * @param cache the linear step's cache (A_prev, W, b)
     * @return dA_prev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1)
     */
    public static LinearGradients linearBackward(Matrix dZ, LinearCache cache) {
        double m = cache.aPrev().cols();
        Matrix dW = dZ.dotDivide(cache.aPrev().transpose(), m);
        Matrix db = dZ.sum(Axis.COLUMNS, true).divide(m);
        // deferred: computed only if read. The first layer's dA_prev is the gradient with respect to the input X,
        // which training never reads; for the cat pictures it is a (12288, 209) product every iteration.
        Matrix dAPrev = cache.w().transpose().dotDeferred(dZ);
        return new LinearGradients(dAPrev, dW, db);
    }

    /**
     * One LINEAR→ACTIVATION layer backward: dZ from the activation's backward step, then the linear step backward.
     *
     * @param dA         gradient with respect to the layer's activations, shape (n[l], m)
     * @param cache      the layer's cache
     * @param activation the activation the forward step used
     * @return dA_prev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1)
     */
    public static LinearGradients linearActivationBackward(Matrix dA, LayerCache cache, Activation activation) {
        return linearBackward(activation.backward(dA, cache.activation()), cache.linear());
    }

    /**
     * The backward pass of {@link #modelForward}: starts from dA[L] = −(Y/A[L] − (1 − Y)/(1 − A[L])), then goes
     * through the sigmoid layer and the L−1 ReLU layers, last to first.
     *
     * @param al     output of the forward pass, shape (1, m)
     * @param y      labels 0/1, shape (1, m)
     * @param caches the forward pass's caches, layer 1 first; not modified
     * @return for each layer l: {@code dA<l-1>}, {@code dW<l>}, {@code db<l>}, in the order they are computed
     */
    public static Grads modelBackward(Matrix al, Matrix y, List<LayerCache> caches) {
        requireLabels(y, al);
        int layers = caches.size();
        Matrix dAL = y.divide(al).subtract(Matrix.subtract(1.0, y).divide(Matrix.subtract(1.0, al))).negate();
        Grads.Builder grads = Grads.builder();
        Matrix dA = dAL;
        for (int l = layers; l >= 1; l--) {
            Activation activation = l == layers ? Activation.SIGMOID : Activation.RELU;
            LinearGradients step = linearActivationBackward(dA, caches.get(l - 1), activation);
            grads.put("dA" + (l - 1), step.dAPrev()).put("dW" + l, step.dW()).put("db" + l, step.db());
            dA = step.dAPrev();
        }
        return grads.build();
    }

    /**
     * One step of gradient descent on every layer: W ← W − α·dW, b ← b − α·db.
     *
     * @param parameters   W1, b1, … WL, bL
     * @param grads        at least dW1, db1, … dWL, dbL
     * @param learningRate α
     * @return new parameters, in the order of {@code parameters}
     */
    public static Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
        Parameters.Builder updated = Parameters.builder();
        for (int l = 1; l <= parameters.layers(); l++) {
            updated.put("W" + l, parameters.weights(l).subtractScaled(learningRate, grads.dW(l)));
            updated.put("b" + l, parameters.bias(l).subtractScaled(learningRate, grads.db(l)));
        }
        return updated.build();
    }

    /**
     * Labels from the forward pass: 1 where A[L] is above {@link #THRESHOLD}, else 0.
     *
     * @param x          inputs, shape (n[0], m)
     * @param parameters W1, b1, … WL, bL
     * @return shape (1, m) of 0/1
     */
    public static Matrix predict(Matrix x, Parameters parameters) {
        return modelForward(x, parameters).al().greaterThan(THRESHOLD);
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

    /**
     * The examples a model gets wrong, for the course's view of mislabelled pictures.
     *
     * @param predictions shape (1, m) of 0/1
     * @param y           shape (1, m) of 0/1
     * @return the column indices where prediction and label differ, ascending
     */
    public static int[] mislabelled(Matrix predictions, Matrix y) {
        requireLabels(y, predictions);
        double[] p = predictions.toArray();
        double[] labels = y.toArray();
        return java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] != labels[i]).toArray();
    }

    private static void requireLabels(Matrix y, Matrix output) {
        if (!y.shape().equals(output.shape())) {
            throw new ShapeException("labels have shape " + y.shape() + " but the network's output has shape "
                    + output.shape());
        }
    }
}
