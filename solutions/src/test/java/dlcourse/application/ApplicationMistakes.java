package dlcourse.application;

import dlcourse.core.Matrix;
import dlcourse.nn.Activation;
import dlcourse.nn.ForwardPass;
import dlcourse.nn.Grads;
import dlcourse.nn.LayerStep;
import dlcourse.nn.LinearGradients;
import dlcourse.nn.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Known wrong versions of the reference solution, one per mistake id of the grader's application catalog. Their
 * outputs are stored in the fixtures so that a student's identical output can be named. Instructor-only.
 */
public final class ApplicationMistakes {

    private ApplicationMistakes() {
    }

    /** Mistake id → an implementation that makes exactly that mistake. */
    public static Map<String, Application> variants() {
        return Map.of(
                "two_layer_hidden_sigmoid", new TwoLayer(Activation.SIGMOID, -1.0, 100),
                "two_layer_dA2_sign", new TwoLayer(Activation.RELU, 1.0, 100),
                "cost_every_iteration", new TwoLayer(Activation.RELU, -1.0, 1),
                "L_layer_uphill", new Application() {
                    @Override
                    public Trained lLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate,
                                               int numIterations, boolean printCost) {
                        return super.lLayerModel(x, y, layersDims, -learningRate, numIterations, printCost);
                    }
                },
                "L_layer_parameters_not_kept", new Application() {
                    @Override
                    public Trained lLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate,
                                               int numIterations, boolean printCost) {
                        Parameters parameters = initializeParametersDeep(layersDims);
                        List<Double> costs = new ArrayList<>();
                        for (int i = 0; i < numIterations; i++) {
                            ForwardPass forward = lModelForward(x, parameters);
                            double cost = computeCost(forward.al(), y);
                            Grads grads = lModelBackward(forward.al(), y, forward.caches());
                            updateParameters(parameters, grads, learningRate);
                            if (i % COST_EVERY == 0) {
                                costs.add(cost);
                            }
                        }
                        return new Trained(parameters, costs);
                    }
                });
    }

    /** The two-layer model with a chosen hidden activation, sign of dA2 and cost interval. */
    private static final class TwoLayer extends Application {
        private final Activation hidden;
        private final double dA2Sign;
        private final int costEvery;

        TwoLayer(Activation hidden, double dA2Sign, int costEvery) {
            this.hidden = hidden;
            this.dA2Sign = dA2Sign;
            this.costEvery = costEvery;
        }

        @Override
        public Trained twoLayerModel(Matrix x, Matrix y, int[] layersDims, double learningRate, int numIterations,
                                     boolean printCost) {
            Parameters parameters = initializeParameters(layersDims[0], layersDims[1], layersDims[2]);
            List<Double> costs = new ArrayList<>();
            for (int i = 0; i < numIterations; i++) {
                LayerStep first = linearActivationForward(x, parameters.weights(1), parameters.bias(1), hidden);
                LayerStep second = linearActivationForward(first.a(), parameters.weights(2), parameters.bias(2),
                        Activation.SIGMOID);
                double cost = computeCost(second.a(), y);
                Matrix a2 = second.a();
                Matrix dA2 = y.divide(a2).subtract(Matrix.subtract(1.0, y).divide(Matrix.subtract(1.0, a2)))
                        .multiply(dA2Sign);
                LinearGradients g2 = linearActivationBackward(dA2, second.cache(), Activation.SIGMOID);
                LinearGradients g1 = linearActivationBackward(g2.dAPrev(), first.cache(), hidden);
                parameters = updateParameters(parameters, Grads.builder().put("dW1", g1.dW()).put("db1", g1.db())
                        .put("dW2", g2.dW()).put("db2", g2.db()).build(), learningRate);
                if (i % costEvery == 0) {
                    costs.add(cost);
                }
            }
            return new Trained(parameters, costs);
        }
    }
}
