package dlcourse.optimization;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.OptimizationMethods;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Worksheet for assignment 8: faster ways down the hill.
 *
 * <p>Plain gradient descent looks at all m examples before taking one step. Here you will train on
 * <em>mini-batches</em> (a step after every 64 examples), smooth the steps with <em>momentum</em> (an exponentially
 * weighted average of past gradients), and combine momentum with per-parameter step sizes in <em>Adam</em>. Finally
 * you will let the learning rate shrink as training goes on. The model is the course's three-layer network
 * ([2, 5, 2, 1]) on the "moons" data; its initialization, forward pass, cost and backward pass are given as
 * {@link #initializeParameters}, {@link #forwardPropagation}, {@link #computeCost} and
 * {@link #backwardPropagation}.
 *
 * <p>Parameters and gradients are {@link Parameters} and {@link Grads}: immutable maps keyed like the course's
 * dictionaries ({@code W1}, {@code b1}, … and {@code dW1}, {@code db1}, …). {@code parameters.layers()} is L,
 * {@code parameters.weights(l)} is Wl, {@code grads.dW(l)} is dWl, {@code grads.get("db" + l)} works too; build new
 * ones with {@code Parameters.builder().put("W1", w1)….build()}. Never modify what you are given: return new maps.
 * Steps call each other through {@code this}, as the hints say, because the grader checks that they do.
 */
public class Optimization implements OptimizationMethods {

    /**
     * Exercise {@code update_parameters_with_gd}: one gradient-descent step on every layer l = 1 … L,
     * Wl ← Wl − α·dWl and bl ← bl − α·dbl.
     *
     * <p>Return the new parameters keyed W1, b1, W2, b2, …. About 6 lines. Checked: values for networks of one to
     * three layers (a loop that stops one layer early is recognised).
     */
    @Override
    public Parameters updateParametersWithGd(Parameters parameters, Grads grads, double learningRate) {
        // BEGIN SOLUTION
        Parameters.Builder updated = Parameters.builder();
        for (int l = 1; l <= parameters.layers(); l++) {
            updated.put("W" + l, parameters.weights(l).subtract(grads.dW(l).multiply(learningRate)));
            updated.put("b" + l, parameters.bias(l).subtract(grads.db(l).multiply(learningRate)));
        }
        return updated.build();
        // END SOLUTION
    }

    /**
     * Exercise {@code random_mini_batches}: shuffle, then cut into batches.
     *
     * <ol>
     *   <li>Draw <em>one</em> permutation of the m columns: {@code new RandomState(seed).permutation(m)}. Apply the
     *       same permutation to X and to Y ({@code selectColumns}), so that every example keeps its label.</li>
     *   <li>Cut the shuffled data into ⌊m / size⌋ batches of exactly {@code miniBatchSize} columns
     *       ({@code columns(from, to)}), in order.</li>
     *   <li>If m is not a multiple of the size, the remaining m mod size columns form one last, smaller batch.</li>
     * </ol>
     *
     * <p>About 12 lines. Checked: the number and shapes of the batches, the last smaller batch (none when m divides
     * evenly), that X and Y columns stay paired, and the exact permutation for a seed.
     */
    @Override
    public List<MiniBatch> randomMiniBatches(Matrix x, Matrix y, int miniBatchSize, long seed) {
        // BEGIN SOLUTION
        int m = x.cols();
        int[] permutation = new RandomState(seed).permutation(m);
        Matrix shuffledX = x.selectColumns(permutation);
        Matrix shuffledY = y.selectColumns(permutation);
        List<MiniBatch> miniBatches = new ArrayList<>();
        int complete = m / miniBatchSize;
        for (int k = 0; k < complete; k++) {
            miniBatches.add(new MiniBatch(shuffledX.columns(k * miniBatchSize, (k + 1) * miniBatchSize),
                    shuffledY.columns(k * miniBatchSize, (k + 1) * miniBatchSize)));
        }
        if (m % miniBatchSize != 0) {
            miniBatches.add(new MiniBatch(shuffledX.columns(complete * miniBatchSize, m),
                    shuffledY.columns(complete * miniBatchSize, m)));
        }
        return miniBatches;
        // END SOLUTION
    }

    /**
     * Exercise {@code initialize_velocity}: momentum starts at rest. For every layer, v["dWl"] is a zero matrix of
     * the shape of Wl and v["dbl"] one of the shape of bl.
     *
     * <p>About 5 lines ({@code Matrix.zeros(shape)}). Checked: keys and shapes, all zeros.
     */
    @Override
    public Grads initializeVelocity(Parameters parameters) {
        // BEGIN SOLUTION
        Grads.Builder v = Grads.builder();
        for (int l = 1; l <= parameters.layers(); l++) {
            v.put("dW" + l, Matrix.zeros(parameters.weights(l).shape()));
            v.put("db" + l, Matrix.zeros(parameters.bias(l).shape()));
        }
        return v.build();
        // END SOLUTION
    }

    /**
     * Exercise {@code update_parameters_with_momentum}: for every layer and for both W and b,
     * <pre>
     *   v_dW ← β·v_dW + (1 − β)·dW
     *   W    ← W − α·v_dW        (the new velocity, not the raw gradient)
     * </pre>
     * Return the new parameters and the new velocity.
     *
     * <p>About 10 lines. Checked: values on fixed inputs; that β = 0 is plain gradient descent; known slips (the
     * (1 − β) factor left out, stepping along the gradient instead of the velocity) are recognised.
     */
    @Override
    public MomentumUpdate updateParametersWithMomentum(Parameters parameters, Grads grads, Grads v, double beta,
                                                       double learningRate) {
        // BEGIN SOLUTION
        Parameters.Builder updated = Parameters.builder();
        Grads.Builder velocity = Grads.builder();
        for (int l = 1; l <= parameters.layers(); l++) {
            for (String name : List.of("W", "b")) {
                String key = "d" + name + l;
                Matrix vNew = v.get(key).multiply(beta).add(grads.get(key).multiply(1 - beta));
                velocity.put(key, vNew);
                updated.put(name + l, parameters.get(name + l).subtract(vNew.multiply(learningRate)));
            }
        }
        return new MomentumUpdate(updated.build(), velocity.build());
        // END SOLUTION
    }

    /**
     * Exercise {@code initialize_adam}: Adam's two averages start at zero; v and s each hold, for every layer,
     * "dWl" zeros of the shape of Wl and "dbl" zeros of the shape of bl.
     *
     * <p>About 7 lines. Checked: keys and shapes, all zeros.
     */
    @Override
    public AdamState initializeAdam(Parameters parameters) {
        // BEGIN SOLUTION
        Grads.Builder v = Grads.builder();
        Grads.Builder s = Grads.builder();
        for (int l = 1; l <= parameters.layers(); l++) {
            for (String name : List.of("W", "b")) {
                Matrix zeros = Matrix.zeros(parameters.get(name + l).shape());
                v.put("d" + name + l, zeros);
                s.put("d" + name + l, zeros);
            }
        }
        return new AdamState(v.build(), s.build());
        // END SOLUTION
    }

    /**
     * Exercise {@code update_parameters_with_adam}: for every layer and for both W and b (shown for W),
     * <pre>
     *   v_dW           ← β1·v_dW + (1 − β1)·dW
     *   v_corrected_dW = v_dW / (1 − β1^t)
     *   s_dW           ← β2·s_dW + (1 − β2)·dW²          (elementwise square)
     *   s_corrected_dW = s_dW / (1 − β2^t)
     *   W              ← W − α·v_corrected_dW / sqrt(s_corrected_dW + ε)
     * </pre>
     * t is the number of this update (1 for the first), which makes the corrections large early on, when the
     * averages still lean towards their zero start. Note where ε sits in this course's version: inside the root.
     * Return the new parameters, v, s, v_corrected and s_corrected.
     *
     * <p>About 20 lines ({@code Math.pow}, {@code square}, {@code sqrt}, {@code divide}). Checked: all five results on
     * fixed inputs; known slips — no bias correction, ε outside the root, β^t written as β, s corrected with β1 —
     * are recognised.
     */
    @Override
    public AdamUpdate updateParametersWithAdam(Parameters parameters, Grads grads, Grads v, Grads s, int t,
                                               double learningRate, double beta1, double beta2, double epsilon) {
        // BEGIN SOLUTION
        Parameters.Builder updated = Parameters.builder();
        Grads.Builder vNew = Grads.builder();
        Grads.Builder sNew = Grads.builder();
        Grads.Builder vCorrected = Grads.builder();
        Grads.Builder sCorrected = Grads.builder();
        for (int l = 1; l <= parameters.layers(); l++) {
            for (String name : List.of("W", "b")) {
                String key = "d" + name + l;
                Matrix g = grads.get(key);
                Matrix first = v.get(key).multiply(beta1).add(g.multiply(1 - beta1));
                Matrix firstCorrected = first.divide(1 - Math.pow(beta1, t));
                Matrix second = s.get(key).multiply(beta2).add(g.square().multiply(1 - beta2));
                Matrix secondCorrected = second.divide(1 - Math.pow(beta2, t));
                vNew.put(key, first);
                vCorrected.put(key, firstCorrected);
                sNew.put(key, second);
                sCorrected.put(key, secondCorrected);
                updated.put(name + l, parameters.get(name + l).subtract(
                        firstCorrected.multiply(learningRate).divide(secondCorrected.add(epsilon).sqrt())));
            }
        }
        return new AdamUpdate(updated.build(), vNew.build(), sNew.build(), vCorrected.build(), sCorrected.build());
        // END SOLUTION
    }

    /**
     * Exercise {@code update_lr}: the learning rate after {@code epochNum} epochs of decay,
     * α = α0 / (1 + decayRate · epochNum). One line. Checked: values, including epoch 0 (no decay yet).
     */
    @Override
    public double updateLr(double learningRate0, int epochNum, double decayRate) {
        // BEGIN SOLUTION
        return 1 / (1 + decayRate * epochNum) * learningRate0;
        // END SOLUTION
    }

    /**
     * Exercise {@code schedule_lr_decay}: decay in steps. Decaying after every epoch (as {@link #updateLr}) shrinks
     * the rate to almost nothing long before training is done; here the rate only drops once per
     * {@code timeInterval} epochs: α = α0 / (1 + decayRate · ⌊epochNum / timeInterval⌋).
     *
     * <p>One line ({@code Math.floor}; careful with integer division). Checked: values inside and at the ends of an
     * interval (forgetting the floor is recognised).
     */
    @Override
    public double scheduleLrDecay(double learningRate0, int epochNum, double decayRate, int timeInterval) {
        // BEGIN SOLUTION
        return 1 / (1 + decayRate * Math.floor((double) epochNum / timeInterval)) * learningRate0;
        // END SOLUTION
    }

    /**
     * Exercise {@code model}: train with mini-batches and the chosen optimizer.
     *
     * <ol>
     *   <li>Parameters from {@code this.initializeParameters(layersDims)}; then, for momentum,
     *       v from {@code this.initializeVelocity}, for Adam v and s from {@code this.initializeAdam}; set the Adam
     *       counter t = 0, seed = {@link #FIRST_SEED} and remember α0 = the hyperparameters' learning rate.</li>
     *   <li>For every epoch i = 0, 1, …: add 1 to the seed <em>first</em> (so the first epoch uses 11), get the
     *       epoch's batches from {@code this.randomMiniBatches(X, Y, miniBatchSize, seed)}, and for each batch:
     *       {@code this.forwardPropagation}, add {@code this.computeCost(a3, batch Y)} to the epoch's total,
     *       {@code this.backwardPropagation}, then one update with the chosen rule (for Adam, add 1 to t before the
     *       update, so the first update has t = 1).</li>
     *   <li>After the epoch: its cost is the total divided by m (all examples, not the number of batches). With a
     *       decay, the learning rate for the next epoch is {@code this.updateLr(α0, i, decayRate)} or
     *       {@code this.scheduleLrDecay(α0, i, decayRate, timeInterval)}.</li>
     *   <li>Record the cost when i is a multiple of {@link #COST_EVERY}. When {@code printCost} is true and i is a
     *       multiple of {@link #PRINT_EVERY}, print {@code Cost after epoch 1000: 0.668101} (six decimals) and,
     *       with a decay, also {@code learning rate after epoch 1000: 0.050000}.</li>
     * </ol>
     *
     * <p>About 40 lines. Checked: the costs and final parameters of short runs with each optimizer; the order of
     * the calls (per epoch one {@code randomMiniBatches} with seeds 11, 12, …, then per batch forward → cost →
     * backward → update, t counting from 1); the decayed learning rates; the printed lines; and a full course run
     * with Adam on the moons must reach the course's accuracy.
     */
    @Override
    public Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer, Hyperparameters hyperparameters,
                         boolean printCost) {
        // BEGIN SOLUTION
        List<Double> costs = new ArrayList<>();
        int t = 0;
        long seed = FIRST_SEED;
        int m = x.cols();
        double learningRate0 = hyperparameters.learningRate();
        double learningRate = learningRate0;
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
        for (int i = 0; i < hyperparameters.numEpochs(); i++) {
            seed = seed + 1;
            List<MiniBatch> miniBatches = randomMiniBatches(x, y, hyperparameters.miniBatchSize(), seed);
            double costTotal = 0;
            for (MiniBatch batch : miniBatches) {
                ThreeLayerCache cache = forwardPropagation(batch.x(), parameters);
                costTotal += computeCost(cache.a3(), batch.y());
                Grads grads = backwardPropagation(batch.x(), batch.y(), cache);
                switch (optimizer) {
                    case GD -> parameters = updateParametersWithGd(parameters, grads, learningRate);
                    case MOMENTUM -> {
                        MomentumUpdate update = updateParametersWithMomentum(parameters, grads, v,
                                hyperparameters.beta(), learningRate);
                        parameters = update.parameters();
                        v = update.v();
                    }
                    case ADAM -> {
                        t = t + 1;
                        AdamUpdate update = updateParametersWithAdam(parameters, grads, v, s, t, learningRate,
                                hyperparameters.beta1(), hyperparameters.beta2(), hyperparameters.epsilon());
                        parameters = update.parameters();
                        v = update.v();
                        s = update.s();
                    }
                }
            }
            double costAvg = costTotal / m;
            switch (hyperparameters.decay()) {
                case UPDATE_LR -> learningRate = updateLr(learningRate0, i, hyperparameters.decayRate());
                case SCHEDULE_LR_DECAY -> learningRate = scheduleLrDecay(learningRate0, i,
                        hyperparameters.decayRate(), hyperparameters.timeInterval());
                case NONE -> {
                }
            }
            if (printCost && i % PRINT_EVERY == 0) {
                System.out.printf(Locale.ROOT, "Cost after epoch %d: %f%n", i, costAvg);
                if (hyperparameters.decay() != Decay.NONE) {
                    System.out.printf(Locale.ROOT, "learning rate after epoch %d: %f%n", i, learningRate);
                }
            }
            if (i % COST_EVERY == 0) {
                costs.add(costAvg);
            }
        }
        return new Trained(parameters, costs);
        // END SOLUTION
    }
}
