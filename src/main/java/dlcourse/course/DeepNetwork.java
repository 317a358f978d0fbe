package dlcourse.course;

import dlcourse.core.Matrix;
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
 * Assignment 3: a deep neural network, built step by step — initialization, the forward pass
 * [LINEAR→RELU]×(L−1) → LINEAR→SIGMOID, the cross-entropy cost, the backward pass and gradient descent.
 *
 * <p>Shapes: {@code X} is (n[0], m) with one example per column; layer l has n[l] units, so {@code W<l>} is
 * (n[l], n[l-1]), {@code b<l>} is (n[l], 1) and its activations {@code A<l>} are (n[l], m); the output A[L] and the
 * labels {@code Y} are (1, m). Parameters are keyed {@code W1}, {@code b1}, … and gradients {@code dW<l>},
 * {@code db<l>}, {@code dA<l-1>} ({@code dA0} is the gradient with respect to X). No method modifies its inputs.
 */
@CourseName("deep")
public interface DeepNetwork {

    /**
     * A two-layer network's starting parameters: seed 1, W drawn from a standard normal times 0.01 (W1 before W2),
     * b zeros.
     *
     * @param nX size of the input layer
     * @param nH size of the hidden layer
     * @param nY size of the output layer
     * @return W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)
     */
    @CourseName("initialize_parameters")
    Parameters initializeParameters(int nX, int nH, int nY);

    /**
     * An L-layer network's starting parameters: seed 3, then layer by layer W drawn from a standard normal times
     * 0.01 and b zeros.
     *
     * @param layerDims n[0], n[1], … n[L]: the size of every layer, the input first; not modified
     * @return {@code W<l>} (n[l], n[l-1]) and {@code b<l>} (n[l], 1) for l = 1 … L, in that order
     */
    @CourseName("initialize_parameters_deep")
    Parameters initializeParametersDeep(int[] layerDims);

    /**
     * The linear part of a layer, Z = W·A_prev + b.
     *
     * @param aPrev activations of the previous layer (or X), shape (n[l-1], m)
     * @param w     weights, shape (n[l], n[l-1])
     * @param b     bias, shape (n[l], 1)
     * @return Z, shape (n[l], m), and the cache (A_prev, W, b)
     */
    @CourseName("linear_forward")
    LinearStep linearForward(Matrix aPrev, Matrix w, Matrix b);

    /**
     * One LINEAR→ACTIVATION layer.
     *
     * @param aPrev      activations of the previous layer (or X), shape (n[l-1], m)
     * @param w          weights, shape (n[l], n[l-1])
     * @param b          bias, shape (n[l], 1)
     * @param activation {@link Activation#RELU} or {@link Activation#SIGMOID}
     * @return A = g(Z), shape (n[l], m), and the cache (linear cache, activation cache)
     */
    @CourseName("linear_activation_forward")
    LayerStep linearActivationForward(Matrix aPrev, Matrix w, Matrix b, Activation activation);

    /**
     * The forward pass: L−1 LINEAR→RELU layers, then one LINEAR→SIGMOID layer.
     *
     * @param x          inputs, shape (n[0], m)
     * @param parameters {@code W1}, {@code b1}, … {@code WL}, {@code bL}
     * @return A[L], shape (1, m), and the L layer caches, layer 1 first
     */
    @CourseName("L_model_forward")
    ForwardPass lModelForward(Matrix x, Parameters parameters);

    /**
     * The cross-entropy cost J = −(1/m)·Σ [Y·log(A[L]) + (1 − Y)·log(1 − A[L])].
     *
     * @param al predicted probabilities, shape (1, m)
     * @param y  labels 0/1, shape (1, m)
     * @return J, a plain number
     */
    @CourseName("compute_cost")
    double computeCost(Matrix al, Matrix y);

    /**
     * The linear part of a layer, backward.
     *
     * @param dZ    gradient of the cost with respect to Z, shape (n[l], m)
     * @param cache the linear step's cache (A_prev, W, b)
     * @return dA_prev (n[l-1], m), dW (n[l], n[l-1]) and db (n[l], 1)
     */
    @CourseName("linear_backward")
    LinearGradients linearBackward(Matrix dZ, LinearCache cache);

    /**
     * One LINEAR→ACTIVATION layer, backward.
     *
     * @param dA         gradient of the cost with respect to the layer's activations, shape (n[l], m)
     * @param cache      the layer's cache from {@link #linearActivationForward}
     * @param activation the activation the forward step used
     * @return dA_prev (n[l-1], m), dW (n[l], n[l-1]) and db (n[l], 1)
     */
    @CourseName("linear_activation_backward")
    LinearGradients linearActivationBackward(Matrix dA, LayerCache cache, Activation activation);

    /**
     * The backward pass of {@link #lModelForward}.
     *
     * @param al     output of the forward pass, shape (1, m)
     * @param y      labels 0/1, shape (1, m)
     * @param caches the forward pass's caches, layer 1 first; not modified
     * @return {@code dA<l-1>}, {@code dW<l>} and {@code db<l>} for every layer l = L … 1
     */
    @CourseName("L_model_backward")
    Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches);

    /**
     * One step of gradient descent: W ← W − α·dW and b ← b − α·db on every layer.
     *
     * @param parameters   {@code W1}, {@code b1}, … {@code WL}, {@code bL}
     * @param grads        at least {@code dW1}, {@code db1}, … {@code dWL}, {@code dbL}
     * @param learningRate α
     * @return the new parameters, same keys and shapes
     */
    @CourseName("update_parameters")
    Parameters updateParameters(Parameters parameters, Grads grads, double learningRate);
}
