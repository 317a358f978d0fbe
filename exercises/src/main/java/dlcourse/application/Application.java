package dlcourse.application;

import dlcourse.core.Matrix;
import dlcourse.course.DeepApplication;
import dlcourse.course.NotImplementedYet;
import dlcourse.nn.Activation;
import dlcourse.nn.DeepNet;
import dlcourse.nn.ForwardPass;
import dlcourse.nn.Grads;
import dlcourse.nn.LayerCache;
import dlcourse.nn.LayerStep;
import dlcourse.nn.LinearGradients;
import dlcourse.nn.Parameters;
import java.util.List;

/**
 * Worksheet for assignment 4: the deep network of assignment 3 at work on the cat pictures.
 *
 * <p>Two models are to be trained on the 209 training pictures (12288 pixel values each, scaled to 0..1): a
 * two-layer network LINEAR→RELU→LINEAR→SIGMOID with 7 hidden units, and a four-layer network with layers
 * [12288, 20, 7, 5, 1]. The course reports 72 % test accuracy for the first and 80 % for the second (the logistic
 * regression of assignment 1 reached 70 %).
 *
 * <p>Everything a model needs is already below, ready-made: the methods after the two exercises are the steps you
 * wrote in assignment 3 (here taken from {@link DeepNet}), except that {@code initializeParametersDeep} divides the
 * weights by √n[l−1] instead of multiplying by 0.01 — a start that lets a deep ReLU network learn. Your models must
 * use these steps through {@code this} ({@code initializeParameters(...)}, {@code computeCost(...)}, …): the grader
 * checks the sequence of calls, and grades your loop with the steps replaced by correct ones. Leave the given
 * methods as they are.
 *
 * <p>Shapes: X is (n[0], m), one picture per column; Y is (1, m). Parameters are keyed {@code W1}, {@code b1}, …
 * and gradients {@code dW1}, {@code db1}, … as in assignment 3.
 */
public class Application implements DeepApplication {

    /**
     * Exercise {@code two_layer_model}: train LINEAR→RELU→LINEAR→SIGMOID.
     *
     * <p>Read n_x, n_h, n_y from {@code layersDims} and get the start from {@code this.initializeParameters}. Then
     * repeat {@code numIterations} times:
     * <ol>
     *   <li>forward: A1 from {@code this.linearActivationForward(X, W1, b1, Activation.RELU)}, then A2 from
     *       {@code (A1, W2, b2, Activation.SIGMOID)}; keep both caches;</li>
     *   <li>the cost: {@code this.computeCost(A2, Y)};</li>
     *   <li>backward: dA2 = −(Y/A2 − (1 − Y)/(1 − A2)); {@code this.linearActivationBackward(dA2, cache2,
     *       SIGMOID)} gives dA1, dW2, db2; then {@code (dA1, cache1, RELU)} gives dW1, db1 (and dA0, unused);</li>
     *   <li>update: collect dW1, db1, dW2, db2 in a {@code Grads} and call {@code this.updateParameters}.</li>
     * </ol>
     * Record the cost of iterations 0, 100, 200, …; when {@code printCost} is true print them as
     * {@code Cost after iteration 100: 0.646432}. Return the final parameters and the recorded costs.
     *
     * <p>About 25 lines. Checked: the order of the steps in every iteration; parameters and costs on small problems
     * (with the given steps standing in for yours); the costs and accuracies of a training run on the cat pictures.
     */
    @Override
    public Trained twoLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                                 boolean printCost) {
        throw new NotImplementedYet("two_layer_model");
    }

    /**
     * Exercise {@code L_layer_model}: train [LINEAR→RELU]×(L−1) → LINEAR→SIGMOID.
     *
     * <p>Start from {@code this.initializeParametersDeep(layersDims)}. Each iteration is four calls:
     * {@code this.lModelForward(X, parameters)}, {@code this.computeCost(AL, Y)},
     * {@code this.lModelBackward(AL, Y, caches)} and {@code this.updateParameters(parameters, grads, learningRate)}.
     * Record and print the costs exactly as in {@code twoLayerModel}.
     *
     * <p>About 12 lines. Checked: the order of the four calls in every iteration; parameters and costs on small
     * problems; the costs and accuracies of a training run on the cat pictures.
     */
    @Override
    public Trained lLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                               boolean printCost) {
        throw new NotImplementedYet("L_layer_model");
    }

    // ------------------------------------------------------------------ given: do not change

    /** Given: a two-layer start (seed 1, W · 0.01, b zeros). See {@link DeepNet#initializeTwoLayer}. */
    @Override
    public Parameters initializeParameters(int nX, int nH, int nY) {
        return DeepNet.initializeTwoLayer(nX, nH, nY);
    }

    /** Given: an L-layer start (seed 1, W / √n[l−1], b zeros). See {@link DeepNet#initializeDeep}. */
    @Override
    public Parameters initializeParametersDeep(int[] layerDims) {
        return DeepNet.initializeDeep(layerDims);
    }

    /** Given: A = g(W·A_prev + b) and the layer's cache. See {@link DeepNet#linearActivationForward}. */
    @Override
    public LayerStep linearActivationForward(Matrix aPrev, Matrix w, Matrix b, Activation activation) {
        return DeepNet.linearActivationForward(aPrev, w, b, activation);
    }

    /** Given: [LINEAR→RELU]×(L−1) → LINEAR→SIGMOID. See {@link DeepNet#modelForward}. */
    @Override
    public ForwardPass lModelForward(Matrix x, Parameters parameters) {
        return DeepNet.modelForward(x, parameters);
    }

    /** Given: the cross-entropy cost. See {@link DeepNet#cost}. */
    @Override
    public double computeCost(Matrix al, Matrix y) {
        return DeepNet.cost(al, y);
    }

    /** Given: one layer backward. See {@link DeepNet#linearActivationBackward}. */
    @Override
    public LinearGradients linearActivationBackward(Matrix dA, LayerCache cache, Activation activation) {
        return DeepNet.linearActivationBackward(dA, cache, activation);
    }

    /** Given: the backward pass, keyed dA(l−1), dWl, dbl. See {@link DeepNet#modelBackward}. */
    @Override
    public Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches) {
        return DeepNet.modelBackward(al, y, caches);
    }

    /** Given: W ← W − α·dW, b ← b − α·db on every layer. See {@link DeepNet#updateParameters}. */
    @Override
    public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
        return DeepNet.updateParameters(parameters, grads, learningRate);
    }

    /** Given: 1 where the network's probability is above 0.5. See {@link DeepNet#predict}. */
    @Override
    public Matrix predict(Matrix x, Parameters parameters) {
        return DeepNet.predict(x, parameters);
    }
}
