package dlcourse.course;

import dlcourse.core.Matrix;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import dlcourse.nn.ThreeLayerNet;
import java.util.List;
import java.util.Objects;

/**
 * Assignment 5: how the starting weights decide whether a network learns. The same three-layer network
 * LINEAR→RELU→LINEAR→RELU→LINEAR→SIGMOID is trained on two noisy circles from zero, from large random and from He
 * initial weights.
 *
 * <p>Shapes: {@code X} is (n[0], m) with one example per column, {@code Y} is (1, m) of 0/1 labels. A parameter map
 * holds {@code W<l>} of shape (n[l], n[l-1]) and {@code b<l>} of shape (n[l], 1) for l = 1 … L, in that order
 * (W1, b1, W2, b2, …).
 *
 * <p>The four {@code default} methods are the course's given steps (forward and backward pass, cost, update); they
 * are not exercises. {@link #model} calls them through {@code this}.
 */
@CourseName("initialization")
public interface Initialization {

    /** Costs are recorded every this many iterations. */
    int COST_EVERY = 1000;

    /** The seed the random and He initializers set before drawing. */
    long SEED = 3;

    /** The factor the random initializer scales standard normal weights by. */
    double RANDOM_SCALE = 10;

    /** The hidden layer sizes of the course's network: [n[0], 10, 5, 1]. */
    List<Integer> HIDDEN_LAYERS = List.of(10, 5);

    /** The values of {@link #model}'s {@code initialization} argument, in the course's order. */
    List<String> INITIALIZATIONS = List.of("zeros", "random", "he");

    /**
     * What {@link #model} returns.
     *
     * @param parameters the learned W1, b1, W2, b2, W3, b3
     * @param costs      the cost of iterations 0, 1000, 2000, … (copied)
     */
    record Model(Parameters parameters, List<Double> costs) {
        /** Rejects missing parts and copies the costs. */
        public Model {
            Objects.requireNonNull(parameters, "parameters");
            costs = List.copyOf(costs);
        }
    }

    /**
     * All-zero weights and biases.
     *
     * @param layersDims n[0], n[1], …, n[L]: the size of the input and of every layer
     * @return W1, b1, …, WL, bL; {@code W<l>} (n[l], n[l-1]) and {@code b<l>} (n[l], 1), all zeros
     */
    @CourseName("initialize_parameters_zeros")
    Parameters initializeParametersZeros(int[] layersDims);

    /**
     * Large random weights: seed {@value #SEED}, then layer by layer {@code W<l> = randn(n[l], n[l-1]) · 10};
     * zero biases.
     *
     * @param layersDims n[0], n[1], …, n[L]
     * @return W1, b1, …, WL, bL; {@code W<l>} (n[l], n[l-1]), {@code b<l>} (n[l], 1) of zeros
     */
    @CourseName("initialize_parameters_random")
    Parameters initializeParametersRandom(int[] layersDims);

    /**
     * He initialization: seed {@value #SEED}, then layer by layer {@code W<l> = randn(n[l], n[l-1]) ·
     * sqrt(2 / n[l-1])}; zero biases.
     *
     * @param layersDims n[0], n[1], …, n[L]
     * @return W1, b1, …, WL, bL; {@code W<l>} (n[l], n[l-1]), {@code b<l>} (n[l], 1) of zeros
     */
    @CourseName("initialize_parameters_he")
    Parameters initializeParametersHe(int[] layersDims);

    /**
     * The three-layer model [n[0], 10, 5, 1] trained by gradient descent from the chosen initialization.
     *
     * @param x              examples, shape (n[0], m)
     * @param y              labels, shape (1, m)
     * @param learningRate   step size α (the course uses 0.01)
     * @param numIterations  number of updates (the course uses 15000)
     * @param printCost      whether to print the cost of iterations 0, 1000, 2000, …
     * @param initialization {@code "zeros"}, {@code "random"} or {@code "he"}
     * @return the learned parameters and the cost of every {@value #COST_EVERY}-th iteration
     * @throws IllegalArgumentException for any other initialization name
     */
    @CourseName("model")
    Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost, String initialization);

    /**
     * Given: the forward pass of the three-layer network ({@link ThreeLayerNet#forward}).
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
     * Given: the cross-entropy cost averaged over the examples, NaN terms skipped ({@link ThreeLayerNet#meanCost}).
     *
     * @param a3 output probabilities, shape (1, m)
     * @param y  labels, shape (1, m)
     * @return the cost; {@code +∞} when a probability of exactly 0 or 1 is wrong
     */
    @CourseName("compute_loss")
    default double computeLoss(Matrix a3, Matrix y) {
        return ThreeLayerNet.meanCost(a3, y);
    }

    /**
     * Given: the backward pass ({@link ThreeLayerNet#backward}).
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
