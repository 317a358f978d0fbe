package dlcourse.deep;

import dlcourse.core.Matrix;
import dlcourse.course.DeepNetwork;
import dlcourse.course.NotImplementedYet;
import dlcourse.nn.Activation;
import dlcourse.nn.ForwardPass;
import dlcourse.nn.Grads;
import dlcourse.nn.LayerCache;
import dlcourse.nn.LayerStep;
import dlcourse.nn.LinearCache;
import dlcourse.nn.LinearGradients;
import dlcourse.nn.LinearStep;
import dlcourse.nn.Parameters;
import java.util.List;

/**
 * Worksheet for assignment 3: a deep network, one piece at a time.
 *
 * <p>By the end of this worksheet you will have every part of a network with any number of layers: L−1 hidden
 * layers LINEAR→RELU and an output layer LINEAR→SIGMOID that gives the probability of class 1. The next assignment
 * trains it on the cat pictures. The pieces, in the order you write them:
 * <ol>
 *   <li>start: random weights for a 2-layer and for an L-layer network;</li>
 *   <li>forward: the linear step, a whole layer (linear + activation), then all L layers, remembering in a cache
 *       what each step will need on the way back;</li>
 *   <li>the cross-entropy cost;</li>
 *   <li>backward: the same three levels in reverse, producing dW, db for every layer;</li>
 *   <li>one step of gradient descent.</li>
 * </ol>
 * Later methods call earlier ones through {@code this}, as the hints say: the grader checks that they do, and grades
 * each method with the ones it calls replaced by correct versions, so one mistake costs points only once.
 *
 * <p>Conventions: one example per column. Layer l has n[l] units; W[l] is (n[l], n[l-1]), b[l] is (n[l], 1), the
 * activations A[l] and pre-activations Z[l] are (n[l], m), and A[0] is X. Parameters live in a {@link Parameters}
 * map keyed {@code "W1"}, {@code "b1"}, …; gradients in a {@link Grads} map keyed {@code "dW1"}, {@code "db1"},
 * {@code "dA0"}, …. Both are immutable: build new ones with {@code builder()} or {@code with(key, value)}.
 * {@link Matrix} works like a numpy array ({@code dot}, elementwise {@code add}/{@code subtract}/{@code multiply}/
 * {@code divide} with broadcasting, {@code transpose()}, {@code sum(Axis.COLUMNS, true)} for row sums kept as a
 * column).
 *
 * <p>Given, in {@code dlcourse.nn}: {@link dlcourse.nn.Activations#sigmoid} and {@link dlcourse.nn.Activations#relu}
 * return A together with their cache (Z); {@link dlcourse.nn.Activations#sigmoidBackward} and
 * {@link dlcourse.nn.Activations#reluBackward} turn dA and that cache into dZ. {@link Activation} names the two
 * and can also apply them ({@code activation.forward(z)}, {@code activation.backward(dA, cache)}).
 */
public class Deep implements DeepNetwork {

    /** Seed of the two-layer initializer. */
    static final long TWO_LAYER_SEED = 1;
    /** Seed of the L-layer initializer. */
    static final long DEEP_SEED = 3;
    /** Standard normal draws are multiplied by this to keep the starting weights small. */
    static final double SCALE = 0.01;

    /**
     * Exercise {@code initialize_parameters}: a starting point for LINEAR→RELU→LINEAR→SIGMOID.
     *
     * <p>Make a {@code new RandomState(1)} and draw {@code W1} with {@code randn(n_h, n_x)}, then {@code W2} with
     * {@code randn(n_y, n_h)} — in that order, from the same generator — and multiply both by 0.01. The biases are
     * zero columns, b1 (n_h, 1) and b2 (n_y, 1). Small random weights break the symmetry between hidden units; the
     * biases may start at zero. Put the four matrices into a {@code Parameters.builder()} in the order W1, b1, W2,
     * b2.
     *
     * <p>About 6 lines. Checked: shapes, exact values for several sizes, that b is zero.
     */
    @Override
    public Parameters initializeParameters(int nX, int nH, int nY) {
        throw new NotImplementedYet("initialize_parameters");
    }

    /**
     * Exercise {@code initialize_parameters_deep}: the same for any number of layers.
     *
     * <p>{@code layerDims} lists the layer sizes n[0] (the input) to n[L], so the network has L =
     * {@code layerDims.length − 1} layers. Make one {@code new RandomState(3)}; then for l = 1 … L draw
     * {@code W<l> = randn(n[l], n[l-1]) · 0.01} and set {@code b<l>} to zeros (n[l], 1), keeping the order W1, b1,
     * W2, b2, …. Drawing layer by layer from one generator is what makes your numbers match the grader's. Do not
     * change {@code layerDims}.
     *
     * <p>About 6 lines. Checked: shapes and values for 2-, 3- and 4-layer networks; that the array is unchanged.
     */
    @Override
    public Parameters initializeParametersDeep(int[] layerDims) {
        throw new NotImplementedYet("initialize_parameters_deep");
    }

    /**
     * Exercise {@code linear_forward}: Z = W·A_prev + b.
     *
     * <p>W is (n[l], n[l-1]) and A_prev is (n[l-1], m), so the product is (n[l], m); adding the (n[l], 1) column b
     * broadcasts it to every example. Return Z together with a {@link LinearCache} holding A_prev, W and b exactly
     * as you received them — the backward step needs all three.
     *
     * <p>Hint: {@code w.dot(aPrev).add(b)}, or {@code Matrix.linear(w, aPrev, b)}, which does the same in one pass.
     * About 2 lines. Checked: shape and values of Z (square and non-square W, a single example); the cache; the
     * classic slip of multiplying by Wᵀ is recognised.
     */
    @Override
    public LinearStep linearForward(Matrix aPrev, Matrix w, Matrix b) {
        throw new NotImplementedYet("linear_forward");
    }

    /**
     * Exercise {@code linear_activation_forward}: one whole layer, A = g(W·A_prev + b).
     *
     * <p>Call {@code this.linearForward} for Z and the linear cache, then the activation: for
     * {@code Activation.SIGMOID} use {@code Activations.sigmoid(z)}, for {@code Activation.RELU}
     * {@code Activations.relu(z)} (or simply {@code activation.forward(z)}). Each returns A and its activation cache.
     * Return A with {@code new LayerCache(linearCache, activationCache)}.
     *
     * <p>About 4 lines. Checked: A and the cache for both activations; that {@code linearForward} is called once.
     */
    @Override
    public LayerStep linearActivationForward(Matrix aPrev, Matrix w, Matrix b, Activation activation) {
        throw new NotImplementedYet("linear_activation_forward");
    }

    /**
     * Exercise {@code L_model_forward}: the whole forward pass.
     *
     * <p>The number of layers is {@code parameters.layers()} (L). Starting from A = X, run layers 1 … L−1 with
     * {@code this.linearActivationForward(A, W<l>, b<l>, Activation.RELU)}, each time keeping its cache and passing
     * its A on; then layer L with {@code Activation.SIGMOID}, whose output is A[L]. Collect the L caches in a list,
     * layer 1 first: the backward pass will read them back from the end.
     *
     * <p>Watch the loop bounds: exactly L−1 ReLU layers, then one sigmoid layer. About 10 lines. Checked: A[L] and
     * every cache for networks of 2 to 4 layers; the sequence of calls (L−1 ReLU steps, then one sigmoid step);
     * slips such as a sigmoid on the hidden layers, a loop that stops one layer early or caches in reverse order.
     */
    @Override
    public ForwardPass lModelForward(Matrix x, Parameters parameters) {
        throw new NotImplementedYet("L_model_forward");
    }

    /**
     * Exercise {@code compute_cost}: how wrong the predictions are.
     *
     * <p>J = −(1/m)·Σ [Y·log(A[L]) + (1 − Y)·log(1 − A[L])], summed over the m examples. Build it from matrix
     * operations: {@code log}, {@code multiply}, {@code Matrix.subtract(1.0, y)} for 1 − Y, {@code sum()} for the
     * total. Return a plain number.
     *
     * <p>About 3 lines. Checked: values for several sizes, including a single example.
     */
    @Override
    public double computeCost(Matrix al, Matrix y) {
        throw new NotImplementedYet("compute_cost");
    }

    /**
     * Exercise {@code linear_backward}: from dZ to the gradients of the linear step.
     *
     * <p>With A_prev, W (and b) from the cache and m = the number of columns of A_prev:
     * <ul>
     *   <li>dW = (1/m)·dZ·A_prevᵀ, shape (n[l], n[l-1]) — the shape of W;</li>
     *   <li>db = (1/m)·(sum of dZ over the examples), shape (n[l], 1) — keep it a column:
     *       {@code dZ.sum(Axis.COLUMNS, true)};</li>
     *   <li>dA_prev = Wᵀ·dZ, shape (n[l-1], m) — no 1/m here.</li>
     * </ul>
     *
     * <p>About 4 lines. Checked: shapes and values; a gradient check; named slips: db as a row (keepDims false), dW
     * not divided by m.
     */
    @Override
    public LinearGradients linearBackward(Matrix dZ, LinearCache cache) {
        throw new NotImplementedYet("linear_backward");
    }

    /**
     * Exercise {@code linear_activation_backward}: one whole layer, backward.
     *
     * <p>First undo the activation: dZ = {@code Activations.reluBackward(dA, cache.activation())} or
     * {@code Activations.sigmoidBackward(...)}, whichever the layer used. Then call
     * {@code this.linearBackward(dZ, cache.linear())} and return its result.
     *
     * <p>ReLU's slope is 1 where Z &gt; 0 and 0 where Z ≤ 0 — also at exactly 0; the given helper does that for you.
     * About 3 lines. Checked: values for both activations, including inputs with Z exactly 0; a gradient check
     * for each activation; that {@code linearBackward} is called once.
     */
    @Override
    public LinearGradients linearActivationBackward(Matrix dA, LayerCache cache, Activation activation) {
        throw new NotImplementedYet("linear_activation_backward");
    }

    /**
     * Exercise {@code L_model_backward}: the whole backward pass.
     *
     * <p>L is the number of caches. Start from the derivative of the cost with respect to A[L]:
     * dA[L] = −(Y / A[L] − (1 − Y) / (1 − A[L])) (elementwise). Then walk the layers backwards:
     * <ul>
     *   <li>layer L (sigmoid) with the last cache: {@code this.linearActivationBackward(dAL, caches.get(L − 1),
     *       Activation.SIGMOID)};</li>
     *   <li>layers l = L−1 … 1 (ReLU), each with {@code caches.get(l − 1)} and the dA_prev the layer above
     *       returned.</li>
     * </ul>
     * Store what layer l returns under {@code "dA" + (l − 1)}, {@code "dW" + l} and {@code "db" + l}: dA_prev is the
     * gradient with respect to the activations of layer l−1, so layer 1's goes under {@code "dA0"} (with respect to
     * X). Do not change the list of caches.
     *
     * <p>About 12 lines. Checked: every gradient for networks of 2 to 4 layers; a gradient check of dW, db against
     * your own forward pass and cost; the order of calls (one sigmoid step, then L−1 ReLU steps); named slips: dA
     * keys shifted by one, a loop that misses layer 1, dA[L] with the wrong sign.
     */
    @Override
    public Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches) {
        throw new NotImplementedYet("L_model_backward");
    }

    /**
     * Exercise {@code update_parameters}: one step of gradient descent.
     *
     * <p>For every layer l = 1 … L: W[l] ← W[l] − α·dW[l] and b[l] ← b[l] − α·db[l]. Build new
     * {@link Parameters} (same keys, same order); do not try to change the ones you were given.
     *
     * <p>About 6 lines. Checked: values for 2 to 4 layers; a learning rate of 0 returns the same parameters; a
     * step in the wrong direction is recognised.
     */
    @Override
    public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
        throw new NotImplementedYet("update_parameters");
    }
}
