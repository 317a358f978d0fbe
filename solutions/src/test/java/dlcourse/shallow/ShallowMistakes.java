package dlcourse.shallow;

import dlcourse.core.Axis;
import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import java.util.List;
import java.util.Map;

/**
 * Known wrong versions of the reference solution, one per mistake id of the grader's shallow catalog. Their outputs
 * are stored in the fixtures so that a student's identical output can be named. Instructor-only: this file lives
 * with the solutions' tests and never reaches the student edition.
 */
public final class ShallowMistakes {

    private ShallowMistakes() {
    }

    /** Mistake id → an implementation that makes exactly that mistake. */
    public static Map<String, Shallow> variants() {
        return Map.ofEntries(
                Map.entry("sizes_from_columns", new Shallow() {
                    @Override
                    public LayerSizes layerSizes(Matrix x, Matrix y) {
                        return new LayerSizes(x.cols(), HIDDEN_SIZE, y.cols());
                    }
                }),
                Map.entry("init_without_scale", new Shallow() {
                    @Override
                    public Parameters initializeParameters(int nX, int nH, int nY) {
                        RandomState random = new RandomState(INIT_SEED);
                        Matrix w1 = random.randn(nH, nX);
                        Matrix w2 = random.randn(nY, nH);
                        return Parameters.builder().put("W1", w1).put("b1", Matrix.zeros(nH, 1)).put("W2", w2)
                                .put("b2", Matrix.zeros(nY, 1)).build();
                    }
                }),
                Map.entry("w_transposed", new Shallow() {
                    @Override
                    public Forward forwardPropagation(Matrix x, Parameters parameters) {
                        Matrix z1 = parameters.get("W1").transpose().dot(x).add(parameters.get("b1"));
                        Matrix a1 = z1.tanh();
                        Matrix z2 = parameters.get("W2").dot(a1).add(parameters.get("b2"));
                        Matrix a2 = z2.sigmoid();
                        return new Forward(a2, new Cache(z1, a1, z2, a2));
                    }
                }),
                Map.entry("sigmoid_hidden", new Shallow() {
                    @Override
                    public Forward forwardPropagation(Matrix x, Parameters parameters) {
                        Matrix z1 = Matrix.linear(parameters.get("W1"), x, parameters.get("b1"));
                        Matrix a1 = z1.sigmoid();
                        Matrix z2 = Matrix.linear(parameters.get("W2"), a1, parameters.get("b2"));
                        Matrix a2 = z2.sigmoid();
                        return new Forward(a2, new Cache(z1, a1, z2, a2));
                    }
                }),
                Map.entry("cost_without_1_over_m", new Shallow() {
                    @Override
                    public double computeCost(Matrix a2, Matrix y) {
                        return super.computeCost(a2, y) * y.cols();
                    }
                }),
                Map.entry("tanh_derivative_linear", new Shallow() {
                    @Override
                    public Grads backwardPropagation(Parameters parameters, Cache cache, Matrix x, Matrix y) {
                        return backward(parameters, cache, x, y, Matrix.subtract(1.0, cache.a1()), true, true);
                    }
                }),
                Map.entry("dw_not_averaged", new Shallow() {
                    @Override
                    public Grads backwardPropagation(Parameters parameters, Cache cache, Matrix x, Matrix y) {
                        return backward(parameters, cache, x, y, Matrix.subtract(1.0, cache.a1().square()), false,
                                true);
                    }
                }),
                Map.entry("db_without_keepdims", new Shallow() {
                    @Override
                    public Grads backwardPropagation(Parameters parameters, Cache cache, Matrix x, Matrix y) {
                        return backward(parameters, cache, x, y, Matrix.subtract(1.0, cache.a1().square()), true,
                                false);
                    }
                }),
                Map.entry("update_sign", new Shallow() {
                    @Override
                    public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
                        return super.updateParameters(parameters, grads, -learningRate);
                    }
                }),
                Map.entry("parameters_not_kept", new Shallow() {
                    @Override
                    public Trained nnModel(Matrix x, Matrix y, int nH, int numIterations, boolean printCost) {
                        // calls every helper, but never keeps what updateParameters returns
                        LayerSizes sizes = layerSizes(x, y);
                        Parameters parameters = initializeParameters(sizes.nX(), nH, sizes.nY());
                        List<Double> costs = new java.util.ArrayList<>();
                        for (int i = 0; i < numIterations; i++) {
                            Forward forward = forwardPropagation(x, parameters);
                            double cost = computeCost(forward.a2(), y);
                            Grads grads = backwardPropagation(parameters, forward.cache(), x, y);
                            updateParameters(parameters, grads, LEARNING_RATE);
                            if (i % COST_EVERY == 0) {
                                costs.add(cost);
                            }
                        }
                        return new Trained(parameters, costs);
                    }
                }),
                Map.entry("threshold_ge", new Shallow() {
                    @Override
                    public Matrix predict(Parameters parameters, Matrix x) {
                        return forwardPropagation(x, parameters).a2().greaterEqual(THRESHOLD);
                    }
                }));
    }

    /**
     * The reference backward pass with the tanh derivative given and two switches: {@code averaged} false leaves
     * 1/m off dW1 and dW2; {@code keepDims} false returns db1 and db2 as (1, n) rows, which is how numpy's 1-D
     * result of {@code np.sum(dZ, axis=1)} broadcasts.
     */
    private static Grads backward(Parameters parameters, Shallow.Cache cache, Matrix x, Matrix y, Matrix tanhPrime,
                                  boolean averaged, boolean keepDims) {
        double m = x.cols();
        double dwScale = averaged ? m : 1.0;
        Matrix dZ2 = cache.a2().subtract(y);
        Matrix dW2 = dZ2.dot(cache.a1().transpose()).divide(dwScale);
        Matrix db2 = dZ2.sum(Axis.COLUMNS, keepDims).divide(m);
        Matrix dZ1 = parameters.get("W2").transpose().dot(dZ2).multiply(tanhPrime);
        Matrix dW1 = dZ1.dot(x.transpose()).divide(dwScale);
        Matrix db1 = dZ1.sum(Axis.COLUMNS, keepDims).divide(m);
        return Grads.builder().put("dW1", dW1).put("db1", db1).put("dW2", dW2).put("db2", db2).build();
    }
}
