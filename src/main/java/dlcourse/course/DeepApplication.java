package dlcourse.course;

import dlcourse.core.Matrix;
import dlcourse.nn.Activation;
import dlcourse.nn.ForwardPass;
import dlcourse.nn.Grads;
import dlcourse.nn.LayerCache;
import dlcourse.nn.LayerStep;
import dlcourse.nn.LinearGradients;
import dlcourse.nn.Parameters;
import java.util.List;
import java.util.Objects;

/**
 * Assignment 4: the deep network applied to the cat pictures — a two-layer model (12288 → 7 → 1) and an L-layer
 * model ([12288, 20, 7, 5, 1]) trained with gradient descent from ready-made steps.
 *
 * <p>Two methods are graded ({@link #twoLayerModel}, {@link #lLayerModel}); the others are the steps the course
 * hands out ready-made (see {@link dlcourse.nn.DeepNet}). The models must call those steps through {@code this}.
 * Shapes: {@code X} is (n[0], m) with one flattened picture per column, {@code Y} (1, m) of 0/1 labels; parameters
 * and gradients are keyed as in assignment 3.
 */
@CourseName("application")
public interface DeepApplication {

    /** Costs are recorded every this many iterations. */
    int COST_EVERY = 100;

    /**
     * What training returns.
     *
     * @param parameters the learned parameters
     * @param costs      the cost of iterations 0, 100, 200, … (copied)
     */
    record Trained(Parameters parameters, List<Double> costs) {
        /** Rejects missing parameters and copies the costs. */
        public Trained {
            Objects.requireNonNull(parameters, "parameters");
            costs = List.copyOf(costs);
        }
    }

    /**
     * Trains LINEAR→RELU→LINEAR→SIGMOID with gradient descent.
     *
     * @param x             examples, shape (n_x, m)
     * @param y             labels 0/1, shape (1, m)
     * @param layersDims    n_x, n_h, n_y; not modified
     * @param learningRate  α (the course uses 0.0075)
     * @param numIterations number of gradient-descent steps (the course uses 2500)
     * @param printCost     whether to print the cost every 100 iterations
     * @return W1 (n_h, n_x), b1, W2 (n_y, n_h), b2, and the cost every 100 iterations
     */
    @CourseName("two_layer_model")
    Trained twoLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                          boolean printCost);

    /**
     * Trains [LINEAR→RELU]×(L−1) → LINEAR→SIGMOID with gradient descent.
     *
     * @param x             examples, shape (n[0], m)
     * @param y             labels 0/1, shape (1, m)
     * @param layersDims    n[0], n[1], … n[L]; not modified
     * @param learningRate  α (the course uses 0.0075)
     * @param numIterations number of gradient-descent steps (the course uses 2500)
     * @param printCost     whether to print the cost every 100 iterations
     * @return W1, b1, … WL, bL, and the cost every 100 iterations
     */
    @CourseName("L_layer_model")
    Trained lLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                        boolean printCost);

    /**
     * Given: a two-layer network's starting parameters (seed 1, W · 0.01, b zeros).
     *
     * @param nX size of the input layer
     * @param nH size of the hidden layer
     * @param nY size of the output layer
     * @return W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)
     */
    @CourseName("initialize_parameters")
    Parameters initializeParameters(int nX, int nH, int nY);

    /**
     * Given: an L-layer network's starting parameters (seed 1, W / √n[l−1], b zeros).
     *
     * @param layerDims n[0] … n[L]; not modified
     * @return {@code W<l>} (n[l], n[l-1]) and {@code b<l>} (n[l], 1) for l = 1 … L
     */
    @CourseName("initialize_parameters_deep")
    Parameters initializeParametersDeep(int[] layerDims);

    /**
     * Given: one LINEAR→ACTIVATION layer.
     *
     * @param aPrev      activations of the previous layer, shape (n[l-1], m)
     * @param w          weights, shape (n[l], n[l-1])
     * @param b          bias, shape (n[l], 1)
     * @param activation {@link Activation#RELU} or {@link Activation#SIGMOID}
     * @return A (n[l], m) and the layer's cache
     */
    @CourseName("linear_activation_forward")
    LayerStep linearActivationForward(Matrix aPrev, Matrix w, Matrix b, Activation activation);

    /**
     * Given: the forward pass [LINEAR→RELU]×(L−1) → LINEAR→SIGMOID.
     *
     * @param x          inputs, shape (n[0], m)
     * @param parameters W1, b1, … WL, bL
     * @return A[L] (1, m) and the L caches, layer 1 first
     */
    @CourseName("L_model_forward")
    ForwardPass lModelForward(Matrix x, Parameters parameters);

    /**
     * Given: the cross-entropy cost.
     *
     * @param al predicted probabilities, shape (1, m)
     * @param y  labels 0/1, shape (1, m)
     * @return J
     */
    @CourseName("compute_cost")
    double computeCost(Matrix al, Matrix y);

    /**
     * Given: one LINEAR→ACTIVATION layer, backward.
     *
     * @param dA         gradient with respect to the layer's activations, shape (n[l], m)
     * @param cache      the layer's cache
     * @param activation the activation the forward step used
     * @return dA_prev (n[l-1], m), dW (n[l], n[l-1]), db (n[l], 1)
     */
    @CourseName("linear_activation_backward")
    LinearGradients linearActivationBackward(Matrix dA, LayerCache cache, Activation activation);

    /**
     * Given: the backward pass of {@link #lModelForward}.
     *
     * @param al     output of the forward pass, shape (1, m)
     * @param y      labels 0/1, shape (1, m)
     * @param caches the forward pass's caches, layer 1 first; not modified
     * @return {@code dA<l-1>}, {@code dW<l>}, {@code db<l>} for every layer
     */
    @CourseName("L_model_backward")
    Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches);

    /**
     * Given: one step of gradient descent on every layer.
     *
     * @param parameters   W1, b1, … WL, bL
     * @param grads        dW1, db1, … dWL, dbL
     * @param learningRate α
     * @return the new parameters
     */
    @CourseName("update_parameters")
    Parameters updateParameters(Parameters parameters, Grads grads, double learningRate);

    /**
     * Given: labels from an L-layer network (1 where A[L] &gt; 0.5).
     *
     * @param x          inputs, shape (n[0], m)
     * @param parameters W1, b1, … WL, bL
     * @return shape (1, m) of 0/1
     */
    @CourseName("predict")
    Matrix predict(Matrix x, Parameters parameters);
}
