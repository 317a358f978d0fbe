package dlcourse.course;

import dlcourse.core.Matrix;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import dlcourse.nn.ThreeLayerNet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Assignment 8: optimization methods. Mini-batch gradient descent, momentum and Adam, and learning-rate decay, used
 * to train the course's three-layer network ([2, 5, 2, 1], He initialization with seed 3) on the "moons" data.
 *
 * <p>Shapes: {@code X} is (n[0], m), {@code Y} (1, m); parameters {@code Wl} are (n[l], n[l-1]) and {@code bl}
 * (n[l], 1). Gradients and the optimizers' running averages {@code v} and {@code s} are {@link Grads} keyed
 * {@code dW1}, {@code db1}, … with the shapes of the matching parameters.
 */
@CourseName("optimization")
public interface OptimizationMethods {

    /** {@code model} records the cost every this many epochs (epoch 0, 100, 200, …). */
    int COST_EVERY = 100;
    /** With {@code printCost}, {@code model} prints the cost every this many epochs. */
    int PRINT_EVERY = 1000;
    /** {@code model}'s seed for the mini-batches starts here and is incremented before every epoch (11, 12, …). */
    long FIRST_SEED = 10;

    /** The update rule {@code model} uses, named as the course's {@code optimizer} argument. */
    enum Optimizer {
        /** Plain (mini-batch) gradient descent, {@code "gd"}. */
        GD,
        /** Gradient descent with momentum, {@code "momentum"}. */
        MOMENTUM,
        /** Adam, {@code "adam"}. */
        ADAM;

        /** The course's spelling: {@code gd}, {@code momentum}, {@code adam}. */
        public String courseName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The learning-rate decay {@code model} applies after every epoch (the course's {@code decay} argument). */
    enum Decay {
        /** A constant learning rate ({@code decay=None}). */
        NONE,
        /** {@link #updateLr} after every epoch. */
        UPDATE_LR,
        /** {@link #scheduleLrDecay} after every epoch, with the hyperparameters' time interval. */
        SCHEDULE_LR_DECAY
    }

    /**
     * One mini-batch.
     *
     * @param x examples, shape (n[0], batch size)
     * @param y their labels, shape (1, batch size)
     */
    record MiniBatch(Matrix x, Matrix y) {
        /** Rejects missing parts. */
        public MiniBatch {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
        }
    }

    /**
     * Adam's two running averages.
     *
     * @param v average of the gradients, keyed dW1, db1, …
     * @param s average of the squared gradients, keyed dW1, db1, …
     */
    record AdamState(Grads v, Grads s) {
        /** Rejects missing parts. */
        public AdamState {
            Objects.requireNonNull(v, "v");
            Objects.requireNonNull(s, "s");
        }
    }

    /**
     * What one momentum step returns.
     *
     * @param parameters the updated parameters
     * @param v          the updated velocity
     */
    record MomentumUpdate(Parameters parameters, Grads v) {
        /** Rejects missing parts. */
        public MomentumUpdate {
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(v, "v");
        }
    }

    /**
     * What one Adam step returns.
     *
     * @param parameters the updated parameters
     * @param v          the updated first-moment average
     * @param s          the updated second-moment average
     * @param vCorrected v divided by 1 − β1^t
     * @param sCorrected s divided by 1 − β2^t
     */
    record AdamUpdate(Parameters parameters, Grads v, Grads s, Grads vCorrected, Grads sCorrected) {
        /** Rejects missing parts. */
        public AdamUpdate {
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(v, "v");
            Objects.requireNonNull(s, "s");
            Objects.requireNonNull(vCorrected, "vCorrected");
            Objects.requireNonNull(sCorrected, "sCorrected");
        }
    }

    /**
     * The settings of {@link #model}, with the course's defaults in {@link #COURSE}.
     *
     * @param learningRate  α, or α0 when the learning rate decays
     * @param miniBatchSize examples per mini-batch
     * @param beta          momentum's β
     * @param beta1         Adam's β1
     * @param beta2         Adam's β2
     * @param epsilon       Adam's ε
     * @param numEpochs     passes over the training set
     * @param decay         the learning-rate decay applied after every epoch
     * @param decayRate     the decay rate handed to the decay function
     * @param timeInterval  epochs between two decays of {@link Decay#SCHEDULE_LR_DECAY}
     */
    record Hyperparameters(double learningRate, int miniBatchSize, double beta, double beta1, double beta2,
                           double epsilon, int numEpochs, Decay decay, double decayRate, int timeInterval) {

        /** The course's defaults: α 0.0007, batches of 64, β 0.9, β1 0.9, β2 0.999, ε 1e-8, 10000 epochs, no decay. */
        public static final Hyperparameters COURSE = new Hyperparameters(0.0007, 64, 0.9, 0.9, 0.999, 1e-8, 10000,
                Decay.NONE, 1.0, 1000);

        /** Rejects sizes below 1, a negative number of epochs and a missing decay. */
        public Hyperparameters {
            Objects.requireNonNull(decay, "decay");
            if (miniBatchSize < 1 || numEpochs < 0 || timeInterval < 1) {
                throw new IllegalArgumentException("need miniBatchSize >= 1, numEpochs >= 0 and timeInterval >= 1;"
                        + " got " + miniBatchSize + ", " + numEpochs + ", " + timeInterval);
            }
        }

        /** A copy with another learning rate. */
        public Hyperparameters withLearningRate(double value) {
            return new Hyperparameters(value, miniBatchSize, beta, beta1, beta2, epsilon, numEpochs, decay,
                    decayRate, timeInterval);
        }

        /** A copy with another mini-batch size. */
        public Hyperparameters withMiniBatchSize(int value) {
            return new Hyperparameters(learningRate, value, beta, beta1, beta2, epsilon, numEpochs, decay, decayRate,
                    timeInterval);
        }

        /** A copy with another number of epochs. */
        public Hyperparameters withNumEpochs(int value) {
            return new Hyperparameters(learningRate, miniBatchSize, beta, beta1, beta2, epsilon, value, decay,
                    decayRate, timeInterval);
        }

        /** A copy with another decay (rate and interval unchanged). */
        public Hyperparameters withDecay(Decay value) {
            return new Hyperparameters(learningRate, miniBatchSize, beta, beta1, beta2, epsilon, numEpochs, value,
                    decayRate, timeInterval);
        }

        /** A copy with another decay rate and time interval. */
        public Hyperparameters withDecayRate(double rate, int interval) {
            return new Hyperparameters(learningRate, miniBatchSize, beta, beta1, beta2, epsilon, numEpochs, decay,
                    rate, interval);
        }
    }

    /**
     * What {@link #model} returns.
     *
     * @param parameters the trained parameters
     * @param costs      the cost of epoch 0, 100, 200, … ({@link #COST_EVERY}); each is the summed cost of the
     *                   epoch's mini-batches divided by m
     */
    record Trained(Parameters parameters, List<Double> costs) {
        /** Copies the costs. */
        public Trained {
            Objects.requireNonNull(parameters, "parameters");
            costs = List.copyOf(costs);
        }
    }

    // ---------------------------------------------------------------- given

    /**
     * Given: the course's He initialization with seed 3, {@link ThreeLayerNet#initializeHe}.
     *
     * @param layersDims n[0] … n[L]
     * @return W1 (n[1], n[0]), b1 (n[1], 1), …
     */
    @CourseName("initialize_parameters")
    default Parameters initializeParameters(int... layersDims) {
        return ThreeLayerNet.initializeHe(layersDims);
    }

    /**
     * Given: the three-layer forward pass, {@link ThreeLayerNet#forward}.
     *
     * @param x          inputs, shape (n[0], m)
     * @param parameters W1, b1, W2, b2, W3, b3
     * @return the cache; its {@code a3} is the output, shape (1, m)
     */
    @CourseName("forward_propagation")
    default ThreeLayerCache forwardPropagation(Matrix x, Parameters parameters) {
        return ThreeLayerNet.forward(x, parameters);
    }

    /**
     * Given: the cross-entropy cost <em>summed</em> (not averaged) over the examples,
     * {@link ThreeLayerNet#summedCost}; {@link #model} adds it up over an epoch and divides by m once.
     *
     * @param a3 output probabilities, shape (1, m)
     * @param y  labels, shape (1, m)
     * @return Σ[−Y·log(A3) − (1 − Y)·log(1 − A3)]
     */
    @CourseName("compute_cost")
    default double computeCost(Matrix a3, Matrix y) {
        return ThreeLayerNet.summedCost(a3, y);
    }

    /**
     * Given: the three-layer backward pass, {@link ThreeLayerNet#backward}.
     *
     * @param x     inputs, shape (n[0], m)
     * @param y     labels, shape (1, m)
     * @param cache from {@link #forwardPropagation}
     * @return dW1, db1, … dW3, db3 (and the dZ, dA in between)
     */
    @CourseName("backward_propagation")
    default Grads backwardPropagation(Matrix x, Matrix y, ThreeLayerCache cache) {
        return ThreeLayerNet.backward(x, y, cache);
    }

    // ---------------------------------------------------------------- exercises

    /**
     * One step of gradient descent on every layer.
     *
     * @param parameters   W1, b1, …, WL, bL
     * @param grads        dW1, db1, …, dWL, dbL
     * @param learningRate α
     * @return W ← W − α·dW and b ← b − α·db for every layer
     */
    @CourseName("update_parameters_with_gd")
    Parameters updateParametersWithGd(Parameters parameters, Grads grads, double learningRate);

    /**
     * Shuffles the examples (X and Y columns together) and cuts them into mini-batches.
     *
     * @param x             examples, shape (n[0], m)
     * @param y             labels, shape (1, m)
     * @param miniBatchSize examples per batch
     * @param seed          the seed of the one permutation of the m columns
     * @return ⌊m / size⌋ full batches, then one smaller batch of the remaining m mod size examples if any
     */
    @CourseName("random_mini_batches")
    List<MiniBatch> randomMiniBatches(Matrix x, Matrix y, int miniBatchSize, long seed);

    /**
     * Momentum's velocity at the start: zeros.
     *
     * @param parameters W1, b1, …, WL, bL
     * @return v keyed dW1, db1, …, dWL, dbL, zeros of the parameters' shapes
     */
    @CourseName("initialize_velocity")
    Grads initializeVelocity(Parameters parameters);

    /**
     * One step of gradient descent with momentum.
     *
     * @param parameters   W1, b1, …, WL, bL
     * @param grads        dW1, db1, …, dWL, dbL
     * @param v            the velocity so far, keyed like the gradients
     * @param beta         the momentum β
     * @param learningRate α
     * @return v ← β·v + (1 − β)·grad, then W ← W − α·v_dW (and b likewise), for every layer
     */
    @CourseName("update_parameters_with_momentum")
    MomentumUpdate updateParametersWithMomentum(Parameters parameters, Grads grads, Grads v, double beta,
                                                double learningRate);

    /**
     * Adam's averages at the start: zeros.
     *
     * @param parameters W1, b1, …, WL, bL
     * @return v and s keyed dW1, db1, …, dWL, dbL, zeros of the parameters' shapes
     */
    @CourseName("initialize_adam")
    AdamState initializeAdam(Parameters parameters);

    /**
     * One step of Adam.
     *
     * @param parameters   W1, b1, …, WL, bL
     * @param grads        dW1, db1, …, dWL, dbL
     * @param v            first-moment average so far
     * @param s            second-moment average so far
     * @param t            the number of this update, counted from 1
     * @param learningRate α
     * @param beta1        β1
     * @param beta2        β2
     * @param epsilon      ε
     * @return the new parameters, v, s and the bias-corrected v and s; the step is
     *         W ← W − α·v_corrected / sqrt(s_corrected + ε)
     */
    @CourseName("update_parameters_with_adam")
    AdamUpdate updateParametersWithAdam(Parameters parameters, Grads grads, Grads v, Grads s, int t,
                                        double learningRate, double beta1, double beta2, double epsilon);

    /**
     * Learning-rate decay after every epoch.
     *
     * @param learningRate0 the initial learning rate α0
     * @param epochNum      the epoch number
     * @param decayRate     the decay rate
     * @return α0 / (1 + decayRate · epochNum)
     */
    @CourseName("update_lr")
    double updateLr(double learningRate0, int epochNum, double decayRate);

    /**
     * Learning-rate decay in steps: the rate only drops every {@code timeInterval} epochs.
     *
     * @param learningRate0 the initial learning rate α0
     * @param epochNum      the epoch number
     * @param decayRate     the decay rate
     * @param timeInterval  epochs per step (the course's default is 1000)
     * @return α0 / (1 + decayRate · ⌊epochNum / timeInterval⌋)
     */
    @CourseName("schedule_lr_decay")
    double scheduleLrDecay(double learningRate0, int epochNum, double decayRate, int timeInterval);

    /**
     * Trains the network with mini-batches and the chosen optimizer.
     *
     * @param x               examples, shape (n[0], m)
     * @param y               labels, shape (1, m)
     * @param layersDims      n[0] … n[L] (the course uses [2, 5, 2, 1])
     * @param optimizer       gd, momentum or adam
     * @param hyperparameters the settings, e.g. {@link Hyperparameters#COURSE}
     * @param printCost       whether to print the cost every {@link #PRINT_EVERY} epochs
     * @return the trained parameters and the costs every {@link #COST_EVERY} epochs
     */
    @CourseName("model")
    Trained model(Matrix x, Matrix y, int[] layersDims, Optimizer optimizer, Hyperparameters hyperparameters,
                  boolean printCost);
}
