package dlcourse.optimization;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Known wrong versions of the reference solution, one per mistake id of the grader's optimization catalog. Their
 * outputs are stored in the fixtures so that a student's identical output can be named. Instructor-only.
 */
public final class OptimizationMistakes {

    private OptimizationMistakes() {
    }

    /** Mistake id → an implementation that makes exactly that mistake. */
    public static Map<String, Optimization> variants() {
        return Map.ofEntries(
                Map.entry("gd_learning_rate_sign", new Optimization() {
                    @Override
                    public Parameters updateParametersWithGd(Parameters parameters, Grads grads, double learningRate) {
                        return super.updateParametersWithGd(parameters, grads, -learningRate);
                    }
                }),
                Map.entry("last_layer_not_updated", new Optimization() {
                    @Override
                    public Parameters updateParametersWithGd(Parameters parameters, Grads grads, double learningRate) {
                        int last = parameters.layers();
                        Parameters updated = super.updateParametersWithGd(parameters, grads, learningRate);
                        return updated.with("W" + last, parameters.weights(last)).with("b" + last,
                                parameters.bias(last));
                    }
                }),
                Map.entry("last_batch_dropped", new Optimization() {
                    @Override
                    public List<MiniBatch> randomMiniBatches(Matrix x, Matrix y, int miniBatchSize, long seed) {
                        List<MiniBatch> all = super.randomMiniBatches(x, y, miniBatchSize, seed);
                        return x.cols() % miniBatchSize == 0 ? all : all.subList(0, all.size() - 1);
                    }
                }),
                Map.entry("separate_permutations", new Optimization() {
                    @Override
                    public List<MiniBatch> randomMiniBatches(Matrix x, Matrix y, int miniBatchSize, long seed) {
                        RandomState random = new RandomState(seed);
                        int m = x.cols();
                        return cut(x.selectColumns(random.permutation(m)), y.selectColumns(random.permutation(m)),
                                miniBatchSize);
                    }
                }),
                Map.entry("not_shuffled", new Optimization() {
                    @Override
                    public List<MiniBatch> randomMiniBatches(Matrix x, Matrix y, int miniBatchSize, long seed) {
                        return cut(x, y, miniBatchSize);
                    }
                }),
                Map.entry("momentum_without_1_minus_beta", new Optimization() {
                    @Override
                    public MomentumUpdate updateParametersWithMomentum(Parameters parameters, Grads grads, Grads v,
                                                                       double beta, double learningRate) {
                        Parameters.Builder p = Parameters.builder();
                        Grads.Builder velocity = Grads.builder();
                        for (String key : parameters.keys()) {
                            Matrix vNew = v.get("d" + key).multiply(beta).add(grads.get("d" + key));
                            velocity.put("d" + key, vNew);
                            p.put(key, parameters.get(key).subtract(vNew.multiply(learningRate)));
                        }
                        return new MomentumUpdate(p.build(), velocity.build());
                    }
                }),
                Map.entry("momentum_steps_with_gradient", new Optimization() {
                    @Override
                    public MomentumUpdate updateParametersWithMomentum(Parameters parameters, Grads grads, Grads v,
                                                                       double beta, double learningRate) {
                        MomentumUpdate right = super.updateParametersWithMomentum(parameters, grads, v, beta,
                                learningRate);
                        return new MomentumUpdate(updateParametersWithGd(parameters, grads, learningRate), right.v());
                    }
                }),
                Map.entry("adam_without_bias_correction", new Optimization() {
                    @Override
                    public AdamUpdate updateParametersWithAdam(Parameters parameters, Grads grads, Grads v, Grads s,
                                                               int t, double learningRate, double beta1, double beta2,
                                                               double epsilon) {
                        return adam(parameters, grads, v, s, t, learningRate, beta1, beta2, epsilon, Slip.NO_CORRECTION);
                    }
                }),
                Map.entry("adam_epsilon_outside_sqrt", new Optimization() {
                    @Override
                    public AdamUpdate updateParametersWithAdam(Parameters parameters, Grads grads, Grads v, Grads s,
                                                               int t, double learningRate, double beta1, double beta2,
                                                               double epsilon) {
                        return adam(parameters, grads, v, s, t, learningRate, beta1, beta2, epsilon, Slip.TEXTBOOK_EPSILON);
                    }
                }),
                Map.entry("adam_beta_without_power_t", new Optimization() {
                    @Override
                    public AdamUpdate updateParametersWithAdam(Parameters parameters, Grads grads, Grads v, Grads s,
                                                               int t, double learningRate, double beta1, double beta2,
                                                               double epsilon) {
                        return adam(parameters, grads, v, s, t, learningRate, beta1, beta2, epsilon, Slip.NO_POWER);
                    }
                }),
                Map.entry("adam_s_corrected_with_beta1", new Optimization() {
                    @Override
                    public AdamUpdate updateParametersWithAdam(Parameters parameters, Grads grads, Grads v, Grads s,
                                                               int t, double learningRate, double beta1, double beta2,
                                                               double epsilon) {
                        return adam(parameters, grads, v, s, t, learningRate, beta1, beta2, epsilon, Slip.BETA1_FOR_S);
                    }
                }),
                Map.entry("update_lr_precedence", new Optimization() {
                    @Override
                    public double updateLr(double learningRate0, int epochNum, double decayRate) {
                        return learningRate0 / 1 + decayRate * epochNum;
                    }
                }),
                Map.entry("schedule_not_floored", new Optimization() {
                    @Override
                    public double scheduleLrDecay(double learningRate0, int epochNum, double decayRate,
                                                  int timeInterval) {
                        return 1 / (1 + decayRate * ((double) epochNum / timeInterval)) * learningRate0;
                    }
                }),
                Map.entry("schedule_ignores_interval", new Optimization() {
                    @Override
                    public double scheduleLrDecay(double learningRate0, int epochNum, double decayRate,
                                                  int timeInterval) {
                        return 1 / (1 + decayRate * epochNum) * learningRate0;
                    }
                }),
                Map.entry("cost_averaged_over_batches", modelWith(ModelSlip.COST_OVER_BATCHES)),
                Map.entry("cost_not_divided_by_m", modelWith(ModelSlip.COST_NOT_DIVIDED)),
                Map.entry("update_result_ignored", modelWith(ModelSlip.UPDATE_IGNORED)));
    }

    /** Slips in model's training loop; the first three change its values, the others only its calls. */
    enum ModelSlip {
        COST_OVER_BATCHES, COST_NOT_DIVIDED, UPDATE_IGNORED, SEED_NOT_INCREMENTED, T_RESTARTS_EACH_EPOCH,
        DECAY_COMPOUNDED
    }

    /** A model whose training loop makes one slip (otherwise the reference's loop). */
    static Optimization modelWith(ModelSlip slip) {
        return new Optimization() {
            @Override
            public Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer,
                                 Hyperparameters hyperparameters, boolean printCost) {
                List<Double> costs = new ArrayList<>();
                Parameters parameters = initializeParameters(layersDims);
                Grads v = null;
                Grads s = null;
                if (optimizer == Optimizer.MOMENTUM) {
                    v = initializeVelocity(parameters);
                } else if (optimizer == Optimizer.ADAM) {
                    AdamState adam = initializeAdam(parameters);
                    v = adam.v();
                    s = adam.s();
                }
                int t = 0;
                double lr = hyperparameters.learningRate();
                for (int i = 0; i < hyperparameters.numEpochs(); i++) {
                    long seed = slip == ModelSlip.SEED_NOT_INCREMENTED ? FIRST_SEED : FIRST_SEED + i + 1;
                    List<MiniBatch> batches = randomMiniBatches(x, y, hyperparameters.miniBatchSize(), seed);
                    if (slip == ModelSlip.T_RESTARTS_EACH_EPOCH) {
                        t = 0;
                    }
                    double total = 0;
                    for (MiniBatch batch : batches) {
                        ThreeLayerCache cache = forwardPropagation(batch.x(), parameters);
                        total += computeCost(cache.a3(), batch.y());
                        Grads grads = backwardPropagation(batch.x(), batch.y(), cache);
                        Parameters next = switch (optimizer) {
                            case GD -> updateParametersWithGd(parameters, grads, lr);
                            case MOMENTUM -> {
                                MomentumUpdate u = updateParametersWithMomentum(parameters, grads, v,
                                        hyperparameters.beta(), lr);
                                v = u.v();
                                yield u.parameters();
                            }
                            case ADAM -> {
                                t++;
                                AdamUpdate u = updateParametersWithAdam(parameters, grads, v, s, t, lr,
                                        hyperparameters.beta1(), hyperparameters.beta2(), hyperparameters.epsilon());
                                v = u.v();
                                s = u.s();
                                yield u.parameters();
                            }
                        };
                        if (slip != ModelSlip.UPDATE_IGNORED) {
                            parameters = next;
                        }
                    }
                    double from = slip == ModelSlip.DECAY_COMPOUNDED ? lr : hyperparameters.learningRate();
                    lr = switch (hyperparameters.decay()) {
                        case NONE -> lr;
                        case UPDATE_LR -> updateLr(from, i, hyperparameters.decayRate());
                        case SCHEDULE_LR_DECAY -> scheduleLrDecay(from, i, hyperparameters.decayRate(),
                                hyperparameters.timeInterval());
                    };
                    double cost = switch (slip) {
                        case COST_OVER_BATCHES -> total / batches.size();
                        case COST_NOT_DIVIDED -> total;
                        default -> total / x.cols();
                    };
                    if (i % COST_EVERY == 0) {
                        costs.add(cost);
                    }
                }
                return new Trained(parameters, costs);
            }
        };
    }

    private enum Slip { NO_CORRECTION, TEXTBOOK_EPSILON, NO_POWER, BETA1_FOR_S }

    /** Adam with one slip. */
    private static Optimization.AdamUpdate adam(Parameters parameters, Grads grads, Grads v, Grads s, int t,
                                                double learningRate, double beta1, double beta2, double epsilon,
                                                Slip slip) {
        Parameters.Builder p = Parameters.builder();
        Grads.Builder vNew = Grads.builder();
        Grads.Builder sNew = Grads.builder();
        Grads.Builder vCorrected = Grads.builder();
        Grads.Builder sCorrected = Grads.builder();
        for (String key : parameters.keys()) {
            String d = "d" + key;
            Matrix g = grads.get(d);
            Matrix first = v.get(d).multiply(beta1).add(g.multiply(1 - beta1));
            Matrix second = s.get(d).multiply(beta2).add(g.square().multiply(1 - beta2));
            Matrix firstCorrected = switch (slip) {
                case NO_CORRECTION -> first;
                case NO_POWER -> first.divide(1 - beta1);
                default -> first.divide(1 - Math.pow(beta1, t));
            };
            Matrix secondCorrected = switch (slip) {
                case NO_CORRECTION -> second;
                case NO_POWER -> second.divide(1 - beta2);
                case BETA1_FOR_S -> second.divide(1 - Math.pow(beta1, t));
                default -> second.divide(1 - Math.pow(beta2, t));
            };
            Matrix step = slip == Slip.TEXTBOOK_EPSILON
                    ? firstCorrected.multiply(learningRate).divide(secondCorrected.sqrt().add(epsilon))
                    : firstCorrected.multiply(learningRate).divide(secondCorrected.add(epsilon).sqrt());
            vNew.put(d, first);
            sNew.put(d, second);
            vCorrected.put(d, firstCorrected);
            sCorrected.put(d, secondCorrected);
            p.put(key, parameters.get(key).subtract(step));
        }
        return new Optimization.AdamUpdate(p.build(), vNew.build(), sNew.build(), vCorrected.build(),
                sCorrected.build());
    }

    /** Full batches of the given (unshuffled or already shuffled) columns, then the rest. */
    private static List<Optimization.MiniBatch> cut(Matrix x, Matrix y, int size) {
        List<Optimization.MiniBatch> batches = new ArrayList<>();
        for (int from = 0; from < x.cols(); from += size) {
            int to = Math.min(x.cols(), from + size);
            batches.add(new Optimization.MiniBatch(x.columns(from, to), y.columns(from, to)));
        }
        return batches;
    }
}
