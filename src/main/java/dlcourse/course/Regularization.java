package dlcourse.course;

import dlcourse.core.Matrix;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import dlcourse.nn.ThreeLayerNet;
import java.util.List;
import java.util.Objects;

/**
 * Assignment 6: two cures for overfitting, L2 regularization and dropout, on the course's "football" data (where
 * the goalkeeper should kick the ball so that a teammate heads it). The network is the course 2 three-layer
 * LINEAR→RELU→LINEAR→RELU→LINEAR→SIGMOID network, [2, 20, 3, 1].
 *
 * <p>Shapes: {@code X} is (n[0], m) with one example per column, {@code Y} is (1, m) of 0/1 labels,
 * {@code W<l>} is (n[l], n[l-1]), {@code b<l>} is (n[l], 1), {@code Z<l>}, {@code A<l>} and the dropout masks
 * {@code D<l>} are (n[l], m).
 *
 * <p>The {@code default} methods are the course's given steps (initialization, plain forward and backward pass,
 * cost, update); they are not exercises. {@link #model} calls them, and the exercises, through {@code this}.
 */
@CourseName("regularization")
public interface Regularization {

    /** Costs are recorded every this many iterations. */
    int COST_EVERY = 1000;

    /** With {@code printCost}, {@link #model} prints the cost every this many iterations. */
    int PRINT_EVERY = 10_000;

    /** The seed {@link #forwardPropagationWithDropout} sets at the start of every call. */
    long DROPOUT_SEED = 1;

    /** The hidden layer sizes of the course's network: [n[0], 20, 3, 1]. */
    List<Integer> HIDDEN_LAYERS = List.of(20, 3);

    /**
     * The forward pass with dropout remembers, besides the plain pass's values, the masks it applied. The
     * activations {@code a1} and {@code a2} are the ones after masking and rescaling. Shapes as in the contract.
     *
     * @param z1 first layer's pre-activation
     * @param d1 first layer's mask of 0/1
     * @param a1 first layer's activation after dropout
     * @param w1 first layer's weights
     * @param b1 first layer's bias
     * @param z2 second layer's pre-activation
     * @param d2 second layer's mask of 0/1
     * @param a2 second layer's activation after dropout
     * @param w2 second layer's weights
     * @param b2 second layer's bias
     * @param z3 output layer's pre-activation
     * @param a3 output probabilities, (1, m)
     * @param w3 output layer's weights
     * @param b3 output layer's bias
     */
    record DropoutCache(Matrix z1, Matrix d1, Matrix a1, Matrix w1, Matrix b1, Matrix z2, Matrix d2, Matrix a2,
                        Matrix w2, Matrix b2, Matrix z3, Matrix a3, Matrix w3, Matrix b3) {
        /** Rejects missing parts. */
        public DropoutCache {
            for (Matrix part : new Matrix[] {z1, d1, a1, w1, b1, z2, d2, a2, w2, b2, z3, a3, w3, b3}) {
                Objects.requireNonNull(part, "a part of the dropout cache is null");
            }
        }
    }

    /**
     * What {@link #model} returns.
     *
     * @param parameters the learned W1, b1, W2, b2, W3, b3
     * @param costs      the cost of iterations 0, 1000, 2000, … (copied)
     */
    record Model(Parameters parameters, List<Double> costs) {
        /** Rejects missing parameters and copies the costs. */
        public Model {
            Objects.requireNonNull(parameters, "parameters");
            costs = List.copyOf(costs);
        }
    }

    /**
     * The cross-entropy cost plus the L2 penalty {@code λ / (2m) · Σ_l ‖W<l>‖²} (the sum of the squares of every
     * weight; biases are not penalised).
     *
     * @param a3         output probabilities, shape (1, m)
     * @param y          labels, shape (1, m)
     * @param parameters W1, b1, W2, b2, W3, b3
     * @param lambd      the regularization strength λ ≥ 0
     * @return the regularized cost
     */
    @CourseName("compute_cost_with_regularization")
    double computeCostWithRegularization(Matrix a3, Matrix y, Parameters parameters, double lambd);

    /**
     * The backward pass of the regularized cost: the plain gradients, with {@code λ/m · W<l>} added to every
     * {@code dW<l>}.
     *
     * @param x     examples, shape (n[0], m)
     * @param y     labels, shape (1, m)
     * @param cache from the plain forward pass
     * @param lambd λ
     * @return dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
     */
    @CourseName("backward_propagation_with_regularization")
    Grads backwardPropagationWithRegularization(Matrix x, Matrix y, ThreeLayerCache cache, double lambd);

    /**
     * The forward pass with inverted dropout on both hidden layers: seed {@value #DROPOUT_SEED}, then after each
     * hidden ReLU draw a mask {@code D<l> = rand(n[l], m) < keepProb} (first D1, then D2), zero the dropped units
     * and divide by {@code keepProb}.
     *
     * @param x          examples, shape (n[0], m)
     * @param parameters W1, b1, W2, b2, W3, b3
     * @param keepProb   the probability of keeping a unit, 0 &lt; keepProb ≤ 1
     * @return the cache with the masks; its {@code a3()} is the output, shape (1, m)
     */
    @CourseName("forward_propagation_with_dropout")
    DropoutCache forwardPropagationWithDropout(Matrix x, Parameters parameters, double keepProb);

    /**
     * The backward pass of the dropout network: the gradients of the dropped units are zeroed with the forward
     * pass's masks and rescaled by {@code 1 / keepProb}.
     *
     * @param x        examples, shape (n[0], m)
     * @param y        labels, shape (1, m)
     * @param cache    from {@link #forwardPropagationWithDropout}
     * @param keepProb the same keep probability as the forward pass
     * @return dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
     */
    @CourseName("backward_propagation_with_dropout")
    Grads backwardPropagationWithDropout(Matrix x, Matrix y, DropoutCache cache, double keepProb);

    /**
     * The three-layer model [n[0], 20, 3, 1] trained by gradient descent, with L2 regularization when
     * {@code lambd > 0} or with dropout when {@code keepProb < 1} (not both).
     *
     * @param x             examples, shape (n[0], m)
     * @param y             labels, shape (1, m)
     * @param learningRate  step size α (the course uses 0.3)
     * @param numIterations number of updates (the course uses 30000)
     * @param printCost     whether to print the cost of iterations 0, {@value #PRINT_EVERY}, …
     * @param lambd         λ, 0 for no L2 regularization
     * @param keepProb      keep probability, 1 for no dropout
     * @return the learned parameters and the cost of every {@value #COST_EVERY}-th iteration
     * @throws IllegalArgumentException when both regularizations are asked for
     */
    @CourseName("model")
    Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost, double lambd,
                double keepProb);

    /**
     * Given: the course's initialization for this assignment ({@link ThreeLayerNet#initializeScaledByFanIn}).
     *
     * @param layersDims n[0], …, n[L]
     * @return W1, b1, …; {@code W<l> = randn(n[l], n[l-1]) / sqrt(n[l-1])} after seed 3, zero biases
     */
    @CourseName("initialize_parameters")
    default Parameters initializeParameters(int[] layersDims) {
        return ThreeLayerNet.initializeScaledByFanIn(layersDims);
    }

    /**
     * Given: the plain forward pass ({@link ThreeLayerNet#forward}).
     *
     * @param x          examples, shape (n[0], m)
     * @param parameters W1, b1, W2, b2, W3, b3
     * @return the cache; its {@code a3()} is the output, shape (1, m)
     */
    @CourseName("forward_propagation")
    default ThreeLayerCache forwardPropagation(Matrix x, Parameters parameters) {
        return ThreeLayerNet.forward(x, parameters);
    }

    /**
     * Given: the plain cross-entropy cost, NaN terms skipped ({@link ThreeLayerNet#meanCost}).
     *
     * @param a3 output probabilities, shape (1, m)
     * @param y  labels, shape (1, m)
     * @return the cost
     */
    @CourseName("compute_cost")
    default double computeCost(Matrix a3, Matrix y) {
        return ThreeLayerNet.meanCost(a3, y);
    }

    /**
     * Given: the plain backward pass ({@link ThreeLayerNet#backward}).
     *
     * @param x     examples, shape (n[0], m)
     * @param y     labels, shape (1, m)
     * @param cache from {@link #forwardPropagation}
     * @return dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1
     */
    @CourseName("backward_propagation")
    default Grads backwardPropagation(Matrix x, Matrix y, ThreeLayerCache cache) {
        return ThreeLayerNet.backward(x, y, cache);
    }

    /**
     * Given: one gradient-descent step on every layer ({@link ThreeLayerNet#updateParameters}).
     *
     * @param parameters   W1 … b3
     * @param grads        dW1 … db3
     * @param learningRate α
     * @return the new parameters
     */
    @CourseName("update_parameters")
    default Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
        return ThreeLayerNet.updateParameters(parameters, grads, learningRate);
    }
}
