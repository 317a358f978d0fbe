package dlcourse.deep;

import dlcourse.core.Axis;
import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.nn.Activation;
import dlcourse.nn.Activations;
import dlcourse.nn.ForwardPass;
import dlcourse.nn.Grads;
import dlcourse.nn.LayerCache;
import dlcourse.nn.LayerStep;
import dlcourse.nn.LinearCache;
import dlcourse.nn.LinearGradients;
import dlcourse.nn.LinearStep;
import dlcourse.nn.Parameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Known wrong versions of the reference solution, one per mistake id of the grader's deep catalog. Their outputs are
 * stored in the fixtures so that a student's identical output can be named. Instructor-only: this file lives with
 * the solutions' tests and never reaches the student edition.
 */
public final class DeepMistakes {

    private DeepMistakes() {
    }

    /** Mistake id → an implementation that makes exactly that mistake. */
    public static Map<String, Deep> variants() {
        return Map.ofEntries(
                Map.entry("two_layer_unscaled", new Deep() {
                    @Override
                    public Parameters initializeParameters(int nX, int nH, int nY) {
                        RandomState random = new RandomState(TWO_LAYER_SEED);
                        Matrix w1 = random.randn(nH, nX);
                        Matrix w2 = random.randn(nY, nH);
                        return Parameters.builder().put("W1", w1).put("b1", Matrix.zeros(nH, 1)).put("W2", w2)
                                .put("b2", Matrix.zeros(nY, 1)).build();
                    }
                }),
                Map.entry("deep_unscaled", new Deep() {
                    @Override
                    public Parameters initializeParametersDeep(int[] layerDims) {
                        RandomState random = new RandomState(DEEP_SEED);
                        Parameters.Builder parameters = Parameters.builder();
                        for (int l = 1; l < layerDims.length; l++) {
                            parameters.put("W" + l, random.randn(layerDims[l], layerDims[l - 1]));
                            parameters.put("b" + l, Matrix.zeros(layerDims[l], 1));
                        }
                        return parameters.build();
                    }
                }),
                Map.entry("deep_reseeded_per_layer", new Deep() {
                    @Override
                    public Parameters initializeParametersDeep(int[] layerDims) {
                        Parameters.Builder parameters = Parameters.builder();
                        for (int l = 1; l < layerDims.length; l++) {
                            RandomState random = new RandomState(DEEP_SEED);
                            parameters.put("W" + l, random.randn(layerDims[l], layerDims[l - 1]).multiply(SCALE));
                            parameters.put("b" + l, Matrix.zeros(layerDims[l], 1));
                        }
                        return parameters.build();
                    }
                }),
                Map.entry("w_transposed", new Deep() {
                    @Override
                    public LinearStep linearForward(Matrix aPrev, Matrix w, Matrix b) {
                        return new LinearStep(w.transpose().dot(aPrev).add(b), new LinearCache(aPrev, w, b));
                    }
                }),
                Map.entry("always_relu", new Deep() {
                    @Override
                    public LayerStep linearActivationForward(Matrix aPrev, Matrix w, Matrix b, Activation activation) {
                        return super.linearActivationForward(aPrev, w, b, Activation.RELU);
                    }
                }),
                Map.entry("hidden_sigmoid", new Deep() {
                    @Override
                    public ForwardPass lModelForward(Matrix x, Parameters parameters) {
                        int layers = parameters.layers();
                        List<LayerCache> caches = new ArrayList<>();
                        Matrix a = x;
                        for (int l = 1; l <= layers; l++) {
                            LayerStep step = linearActivationForward(a, parameters.weights(l), parameters.bias(l),
                                    Activation.SIGMOID);
                            caches.add(step.cache());
                            a = step.a();
                        }
                        return new ForwardPass(a, caches);
                    }
                }),
                Map.entry("forward_loop_one_short", new Deep() {
                    @Override
                    public ForwardPass lModelForward(Matrix x, Parameters parameters) {
                        int layers = parameters.layers();
                        List<LayerCache> caches = new ArrayList<>();
                        Matrix a = x;
                        for (int l = 1; l < layers - 1; l++) {
                            LayerStep step = linearActivationForward(a, parameters.weights(l), parameters.bias(l),
                                    Activation.RELU);
                            caches.add(step.cache());
                            a = step.a();
                        }
                        LayerStep output = linearActivationForward(a, parameters.weights(layers),
                                parameters.bias(layers), Activation.SIGMOID);
                        caches.add(output.cache());
                        return new ForwardPass(output.a(), caches);
                    }
                }),
                Map.entry("caches_reversed", new Deep() {
                    @Override
                    public ForwardPass lModelForward(Matrix x, Parameters parameters) {
                        ForwardPass right = super.lModelForward(x, parameters);
                        List<LayerCache> reversed = new ArrayList<>(right.caches());
                        Collections.reverse(reversed);
                        return new ForwardPass(right.al(), reversed);
                    }
                }),
                Map.entry("cost_not_averaged", new Deep() {
                    @Override
                    public double computeCost(Matrix al, Matrix y) {
                        return super.computeCost(al, y) * y.cols();
                    }
                }),
                Map.entry("cost_sign", new Deep() {
                    @Override
                    public double computeCost(Matrix al, Matrix y) {
                        return -super.computeCost(al, y);
                    }
                }),
                Map.entry("db_row", new Deep() {
                    @Override
                    public LinearGradients linearBackward(Matrix dZ, LinearCache cache) {
                        LinearGradients right = super.linearBackward(dZ, cache);
                        return new LinearGradients(right.dAPrev(), right.dW(),
                                dZ.sum(Axis.COLUMNS, false).divide(cache.aPrev().cols()));
                    }
                }),
                Map.entry("dw_not_averaged", new Deep() {
                    @Override
                    public LinearGradients linearBackward(Matrix dZ, LinearCache cache) {
                        LinearGradients right = super.linearBackward(dZ, cache);
                        return new LinearGradients(right.dAPrev(), dZ.dot(cache.aPrev().transpose()), right.db());
                    }
                }),
                Map.entry("da_prev_averaged", new Deep() {
                    @Override
                    public LinearGradients linearBackward(Matrix dZ, LinearCache cache) {
                        LinearGradients right = super.linearBackward(dZ, cache);
                        return new LinearGradients(right.dAPrev().divide(cache.aPrev().cols()), right.dW(),
                                right.db());
                    }
                }),
                Map.entry("relu_slope_at_zero", new Deep() {
                    @Override
                    public LinearGradients linearActivationBackward(Matrix dA, LayerCache cache,
                                                                    Activation activation) {
                        if (activation == Activation.SIGMOID) {
                            return super.linearActivationBackward(dA, cache, activation);
                        }
                        Matrix dZ = dA.multiply(cache.activation().z().greaterEqual(0.0));
                        return linearBackward(dZ, cache.linear());
                    }
                }),
                Map.entry("backward_activation_swapped", new Deep() {
                    @Override
                    public LinearGradients linearActivationBackward(Matrix dA, LayerCache cache,
                                                                    Activation activation) {
                        Matrix dZ = activation == Activation.SIGMOID
                                ? Activations.reluBackward(dA, cache.activation())
                                : Activations.sigmoidBackward(dA, cache.activation());
                        return linearBackward(dZ, cache.linear());
                    }
                }),
                Map.entry("dA_keys_shifted", new Deep() {
                    @Override
                    public Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches) {
                        Grads right = super.lModelBackward(al, y, caches);
                        Grads.Builder shifted = Grads.builder();
                        right.asMap().forEach((key, value) -> shifted.put(key.startsWith("dA")
                                ? "dA" + (Integer.parseInt(key.substring(2)) + 1) : key, value));
                        return shifted.build();
                    }
                }),
                Map.entry("backward_loop_skips_layer_1", new Deep() {
                    @Override
                    public Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches) {
                        int layers = caches.size();
                        Matrix dAL = y.divide(al).subtract(Matrix.subtract(1.0, y).divide(Matrix.subtract(1.0, al)))
                                .negate();
                        Grads.Builder grads = Grads.builder();
                        LinearGradients output = linearActivationBackward(dAL, caches.get(layers - 1),
                                Activation.SIGMOID);
                        grads.put("dA" + (layers - 1), output.dAPrev()).put("dW" + layers, output.dW())
                                .put("db" + layers, output.db());
                        Matrix dA = output.dAPrev();
                        for (int l = layers - 1; l > 1; l--) {
                            LinearGradients hidden = linearActivationBackward(dA, caches.get(l - 1), Activation.RELU);
                            grads.put("dA" + (l - 1), hidden.dAPrev()).put("dW" + l, hidden.dW()).put("db" + l,
                                    hidden.db());
                            dA = hidden.dAPrev();
                        }
                        return grads.build();
                    }
                }),
                Map.entry("dAL_sign", new Deep() {
                    @Override
                    public Grads lModelBackward(Matrix al, Matrix y, List<LayerCache> caches) {
                        int layers = caches.size();
                        Matrix dAL = y.divide(al).subtract(Matrix.subtract(1.0, y).divide(Matrix.subtract(1.0, al)));
                        Grads.Builder grads = Grads.builder();
                        Matrix dA = dAL;
                        for (int l = layers; l >= 1; l--) {
                            LinearGradients step = linearActivationBackward(dA, caches.get(l - 1),
                                    l == layers ? Activation.SIGMOID : Activation.RELU);
                            grads.put("dA" + (l - 1), step.dAPrev()).put("dW" + l, step.dW()).put("db" + l,
                                    step.db());
                            dA = step.dAPrev();
                        }
                        return grads.build();
                    }
                }),
                Map.entry("update_uphill", new Deep() {
                    @Override
                    public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
                        return super.updateParameters(parameters, grads, -learningRate);
                    }
                }),
                Map.entry("update_skips_last_layer", new Deep() {
                    @Override
                    public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
                        Parameters updated = parameters;
                        for (int l = 1; l < parameters.layers(); l++) {
                            updated = updated.with("W" + l, parameters.weights(l).subtract(grads.dW(l)
                                    .multiply(learningRate))).with("b" + l, parameters.bias(l)
                                    .subtract(grads.db(l).multiply(learningRate)));
                        }
                        return updated;
                    }
                }));
    }
}
