package dlcourse.regularization;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Known wrong versions of the reference solution, one per mistake id of the grader's regularization catalog. Their
 * outputs are stored in the fixtures so that a student's identical output can be named. Instructor-only: this file
 * lives with the solutions' tests and never reaches the student edition.
 */
public final class RegularizedNetMistakes {

    private RegularizedNetMistakes() {
    }

    /** Mistake id → an implementation that makes exactly that mistake. */
    public static Map<String, RegularizedNet> variants() {
        return Map.ofEntries(
                Map.entry("cost_l2_without_1_over_m", penalty((squares, m) -> squares / 2, false)),
                Map.entry("cost_l2_without_half", penalty((squares, m) -> squares / m, false)),
                Map.entry("cost_l2_with_biases", penalty((squares, m) -> squares / (2.0 * m), true)),
                Map.entry("grad_l2_without_1_over_m", new RegularizedNet() {
                    @Override
                    public Grads backwardPropagationWithRegularization(Matrix x, Matrix y, ThreeLayerCache cache,
                                                                       double lambd) {
                        return adjusted(super.backwardPropagationWithRegularization(x, y, cache, lambd), cache,
                                lambd - lambd / x.cols(), 0);
                    }
                }),
                Map.entry("grad_l2_halved", new RegularizedNet() {
                    @Override
                    public Grads backwardPropagationWithRegularization(Matrix x, Matrix y, ThreeLayerCache cache,
                                                                       double lambd) {
                        return adjusted(super.backwardPropagationWithRegularization(x, y, cache, lambd), cache,
                                -lambd / (2.0 * x.cols()), 0);
                    }
                }),
                Map.entry("grad_l2_on_biases", new RegularizedNet() {
                    @Override
                    public Grads backwardPropagationWithRegularization(Matrix x, Matrix y, ThreeLayerCache cache,
                                                                       double lambd) {
                        return adjusted(super.backwardPropagationWithRegularization(x, y, cache, lambd), cache, 0,
                                lambd / x.cols());
                    }
                }),
                Map.entry("dropout_not_rescaled", new RegularizedNet() {
                    @Override
                    public DropoutCache forwardPropagationWithDropout(Matrix x, Parameters parameters,
                                                                      double keepProb) {
                        DropoutCache right = super.forwardPropagationWithDropout(x, parameters, keepProb);
                        Matrix a1 = right.z1().relu().multiply(right.d1());
                        Matrix z2 = Matrix.linear(right.w2(), a1, right.b2());
                        Matrix a2 = z2.relu().multiply(right.d2());
                        Matrix z3 = Matrix.linear(right.w3(), a2, right.b3());
                        return new DropoutCache(right.z1(), right.d1(), a1, right.w1(), right.b1(), z2, right.d2(),
                                a2, right.w2(), right.b2(), z3, z3.sigmoid(), right.w3(), right.b3());
                    }
                }),
                Map.entry("dropout_mask_inverted", dropout((random, shape) -> random.rand(shape.rows(),
                        shape.cols()), true)),
                Map.entry("dropout_mask_randn", dropout((random, shape) -> random.randn(shape.rows(), shape.cols()),
                        false)),
                Map.entry("backward_fresh_mask", new RegularizedNet() {
                    @Override
                    public Grads backwardPropagationWithDropout(Matrix x, Matrix y, DropoutCache cache,
                                                                double keepProb) {
                        RandomState random = new RandomState(DROPOUT_SEED);
                        Matrix d2 = random.rand(cache.d2().rows(), cache.d2().cols()).lessThan(keepProb);
                        Matrix d1 = random.rand(cache.d1().rows(), cache.d1().cols()).lessThan(keepProb);
                        return super.backwardPropagationWithDropout(x, y, new DropoutCache(cache.z1(), d1, cache.a1(),
                                cache.w1(), cache.b1(), cache.z2(), d2, cache.a2(), cache.w2(), cache.b2(),
                                cache.z3(), cache.a3(), cache.w3(), cache.b3()), keepProb);
                    }
                }),
                Map.entry("backward_not_rescaled", new RegularizedNet() {
                    @Override
                    public Grads backwardPropagationWithDropout(Matrix x, Matrix y, DropoutCache cache,
                                                                double keepProb) {
                        // dividing by 1 instead of keepProb: the masks alone
                        return super.backwardPropagationWithDropout(x, y, cache, 1.0);
                    }
                }),
                Map.entry("model_plain_cost_with_l2", new RegularizedNet() {
                    @Override
                    public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                                       double lambd, double keepProb) {
                        if (lambd == 0 || keepProb < 1) {
                            return super.model(x, y, learningRate, numIterations, printCost, lambd, keepProb);
                        }
                        Parameters parameters = initializeParameters(new int[] {x.rows(), 20, 3, 1});
                        List<Double> costs = new ArrayList<>();
                        for (int i = 0; i < numIterations; i++) {
                            ThreeLayerCache cache = forwardPropagation(x, parameters);
                            double cost = computeCost(cache.a3(), y);
                            Grads grads = backwardPropagationWithRegularization(x, y, cache, lambd);
                            parameters = updateParameters(parameters, grads, learningRate);
                            if (i % COST_EVERY == 0) {
                                costs.add(cost);
                            }
                        }
                        return new Model(parameters, costs);
                    }
                }));
    }

    /** The cost with the penalty {@code λ · penalty(ΣW² (+ Σb²), m)}. */
    private static RegularizedNet penalty(BiFunction<Double, Integer, Double> penalty, boolean biases) {
        return new RegularizedNet() {
            @Override
            public double computeCostWithRegularization(Matrix a3, Matrix y, Parameters parameters, double lambd) {
                double squares = 0;
                for (int l = 1; l <= parameters.layers(); l++) {
                    squares += parameters.weights(l).square().sum();
                    if (biases) {
                        squares += parameters.bias(l).square().sum();
                    }
                }
                return computeCost(a3, y) + lambd * penalty.apply(squares, y.cols());
            }
        };
    }

    /** The gradients with {@code wFactor · W<l>} added to every dW and {@code bFactor · b<l>} to every db. */
    private static Grads adjusted(Grads grads, ThreeLayerCache cache, double wFactor, double bFactor) {
        Matrix[] w = {cache.w1(), cache.w2(), cache.w3()};
        Matrix[] b = {cache.b1(), cache.b2(), cache.b3()};
        Grads out = grads;
        for (int l = 1; l <= 3; l++) {
            out = out.with("dW" + l, grads.dW(l).add(w[l - 1].multiply(wFactor)))
                    .with("db" + l, grads.db(l).add(b[l - 1].multiply(bFactor)));
        }
        return out;
    }

    /**
     * The dropout forward pass with another mask: {@code draw} gives the numbers compared with keepProb, for a
     * matrix of Z's shape; a unit is kept where its number is below keepProb, or at least keepProb when
     * {@code inverted}.
     */
    private static RegularizedNet dropout(BiFunction<RandomState, Matrix, Matrix> draw, boolean inverted) {
        return new RegularizedNet() {
            @Override
            public DropoutCache forwardPropagationWithDropout(Matrix x, Parameters parameters, double keepProb) {
                RandomState random = new RandomState(DROPOUT_SEED);
                Matrix z1 = Matrix.linear(parameters.weights(1), x, parameters.bias(1));
                Matrix d1 = mask(draw.apply(random, z1), keepProb);
                Matrix a1 = z1.relu().multiply(d1).divide(keepProb);
                Matrix z2 = Matrix.linear(parameters.weights(2), a1, parameters.bias(2));
                Matrix d2 = mask(draw.apply(random, z2), keepProb);
                Matrix a2 = z2.relu().multiply(d2).divide(keepProb);
                Matrix z3 = Matrix.linear(parameters.weights(3), a2, parameters.bias(3));
                return new DropoutCache(z1, d1, a1, parameters.weights(1), parameters.bias(1), z2, d2, a2,
                        parameters.weights(2), parameters.bias(2), z3, z3.sigmoid(), parameters.weights(3),
                        parameters.bias(3));
            }

            private Matrix mask(Matrix drawn, double keepProb) {
                return inverted ? drawn.greaterEqual(keepProb) : drawn.lessThan(keepProb);
            }
        };
    }
}
