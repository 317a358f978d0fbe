package dlcourse.course;

import dlcourse.core.Matrix;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import java.util.List;
import java.util.Objects;

/**
 * Assignment 2: a network with one hidden layer (tanh) and a sigmoid output, trained to separate the two classes
 * of the planar "flower".
 *
 * <p>Shapes: {@code X} is (n_x, m) with one point per column (n_x = 2 for the planar data), {@code Y} is (1, m) of
 * 0/1 labels. The parameters are keyed as the course keys them: {@code W1} (n_h, n_x), {@code b1} (n_h, 1),
 * {@code W2} (n_y, n_h), {@code b2} (n_y, 1); the gradients {@code dW1}, {@code db1}, {@code dW2}, {@code db2} have
 * the shapes of their parameters.
 */
@CourseName("shallow")
public interface ShallowNetwork {

    /** Costs are recorded (and printed, when asked) every this many iterations of {@link #nnModel}. */
    int COST_EVERY = 1000;

    /** The hidden layer size {@link #layerSizes} reports: the course fixes it at 4. */
    int HIDDEN_SIZE = 4;

    /** The course's learning rate for {@link #updateParameters}, the one {@link #nnModel} uses. */
    double LEARNING_RATE = 1.2;

    /** The course's number of iterations for {@link #nnModel}. */
    int NUM_ITERATIONS = 10000;

    /** {@link #initializeParameters} seeds its generator with this, so every call draws the same weights. */
    long INIT_SEED = 2;

    /** {@link #initializeParameters} multiplies the standard-normal weights by this. */
    double INIT_SCALE = 0.01;

    /** {@link #predict} labels a probability strictly above this as 1. */
    double THRESHOLD = 0.5;

    /**
     * The sizes of the three layers.
     *
     * @param nX size of the input layer (features per example)
     * @param nH size of the hidden layer
     * @param nY size of the output layer
     */
    record LayerSizes(int nX, int nH, int nY) {
    }

    /**
     * What the forward pass keeps for the backward pass, under the course's names.
     *
     * @param z1 {@code Z1 = W1·X + b1}, shape (n_h, m)
     * @param a1 {@code A1 = tanh(Z1)}, shape (n_h, m)
     * @param z2 {@code Z2 = W2·A1 + b2}, shape (n_y, m)
     * @param a2 {@code A2 = σ(Z2)}, shape (n_y, m)
     */
    record Cache(Matrix z1, Matrix a1, Matrix z2, Matrix a2) {
        /** Rejects missing entries. */
        public Cache {
            Objects.requireNonNull(z1, "Z1");
            Objects.requireNonNull(a1, "A1");
            Objects.requireNonNull(z2, "Z2");
            Objects.requireNonNull(a2, "A2");
        }
    }

    /**
     * What {@link #forwardPropagation} returns: the output and the cache.
     *
     * @param a2    the output probabilities, shape (n_y, m)
     * @param cache Z1, A1, Z2, A2
     */
    record Forward(Matrix a2, Cache cache) {
        /** Rejects missing parts. */
        public Forward {
            Objects.requireNonNull(a2, "A2");
            Objects.requireNonNull(cache, "cache");
        }
    }

    /**
     * What {@link #nnModel} returns.
     *
     * @param parameters the learned W1, b1, W2, b2
     * @param costs      the cost of iterations 0, {@value #COST_EVERY}, 2·{@value #COST_EVERY}, … (copied)
     */
    record Trained(Parameters parameters, List<Double> costs) {
        /** Copies the cost list. */
        public Trained {
            Objects.requireNonNull(parameters, "parameters");
            costs = List.copyOf(costs);
        }
    }

    /**
     * The layer sizes for this data: n_x from X, n_h = {@value #HIDDEN_SIZE}, n_y from Y.
     *
     * @param x examples, shape (n_x, m)
     * @param y labels, shape (n_y, m)
     * @return (n_x, 4, n_y)
     */
    @CourseName("layer_sizes")
    LayerSizes layerSizes(Matrix x, Matrix y);

    /**
     * Small random weights and zero biases, drawn from a generator seeded with {@value #INIT_SEED}: first W1, then
     * W2, each standard normal times {@value #INIT_SCALE}.
     *
     * @param nX size of the input layer
     * @param nH size of the hidden layer
     * @param nY size of the output layer
     * @return W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1), in this order
     */
    @CourseName("initialize_parameters")
    Parameters initializeParameters(int nX, int nH, int nY);

    /**
     * The forward pass: Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = σ(Z2).
     *
     * @param x          examples, shape (n_x, m)
     * @param parameters W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)
     * @return A2 of shape (n_y, m) and the cache of Z1, A1 (n_h, m) and Z2, A2 (n_y, m)
     */
    @CourseName("forward_propagation")
    Forward forwardPropagation(Matrix x, Parameters parameters);

    /**
     * The cross-entropy cost of the output, averaged over the examples.
     *
     * @param a2 output probabilities, shape (1, m)
     * @param y  labels, shape (1, m)
     * @return J = −(1/m)·Σ[Y·log(A2) + (1 − Y)·log(1 − A2)]
     */
    @CourseName("compute_cost")
    double computeCost(Matrix a2, Matrix y);

    /**
     * The backward pass: the gradients of the cost with respect to every parameter.
     *
     * @param parameters W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)
     * @param cache      the forward pass's Z1, A1 (n_h, m), Z2, A2 (n_y, m)
     * @param x          examples, shape (n_x, m)
     * @param y          labels, shape (n_y, m)
     * @return dW1 (n_h, n_x), db1 (n_h, 1), dW2 (n_y, n_h), db2 (n_y, 1), in this order
     */
    @CourseName("backward_propagation")
    Grads backwardPropagation(Parameters parameters, Cache cache, Matrix x, Matrix y);

    /**
     * One step of gradient descent: every parameter moves against its gradient.
     *
     * @param parameters   W1, b1, W2, b2 (not modified)
     * @param grads        dW1, db1, dW2, db2 of the same shapes
     * @param learningRate step size α (the course uses {@value #LEARNING_RATE})
     * @return new W1, b1, W2, b2, each {@code P − α·dP}
     */
    @CourseName("update_parameters")
    Parameters updateParameters(Parameters parameters, Grads grads, double learningRate);

    /**
     * The whole model: initialise, then {@code numIterations} rounds of forward pass, cost, backward pass and update
     * at learning rate {@value #LEARNING_RATE}.
     *
     * @param x             examples, shape (n_x, m)
     * @param y             labels, shape (1, m)
     * @param nH            size of the hidden layer
     * @param numIterations number of updates (the course uses {@value #NUM_ITERATIONS})
     * @param printCost     whether to print the cost every {@value #COST_EVERY} iterations
     * @return the learned parameters and the cost every {@value #COST_EVERY} iterations
     */
    @CourseName("nn_model")
    Trained nnModel(Matrix x, Matrix y, int nH, int numIterations, boolean printCost);

    /**
     * Labels the examples with the learned parameters.
     *
     * @param parameters W1, b1, W2, b2
     * @param x          examples, shape (n_x, m)
     * @return shape (1, m) of 0/1: 1 where A2 is strictly above {@value #THRESHOLD}
     */
    @CourseName("predict")
    Matrix predict(Parameters parameters, Matrix x);
}
