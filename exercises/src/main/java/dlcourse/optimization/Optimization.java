package dlcourse.optimization;

import dlcourse.core.Matrix;
import dlcourse.course.NotImplementedYet;
import dlcourse.course.OptimizationMethods;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import java.util.List;

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
        throw new NotImplementedYet("update_parameters_with_gd");
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
        throw new NotImplementedYet("random_mini_batches");
    }

    /**
     * Exercise {@code initialize_velocity}: momentum starts at rest. For every layer, v["dWl"] is a zero matrix of
     * the shape of Wl and v["dbl"] one of the shape of bl.
     *
     * <p>About 5 lines ({@code Matrix.zeros(shape)}). Checked: keys and shapes, all zeros.
     */
    @Override
    public Grads initializeVelocity(Parameters parameters) {
        throw new NotImplementedYet("initialize_velocity");
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
        throw new NotImplementedYet("update_parameters_with_momentum");
    }

    /**
     * Exercise {@code initialize_adam}: Adam's two averages start at zero; v and s each hold, for every layer,
     * "dWl" zeros of the shape of Wl and "dbl" zeros of the shape of bl.
     *
     * <p>About 7 lines. Checked: keys and shapes, all zeros.
     */
    @Override
    public AdamState initializeAdam(Parameters parameters) {
        throw new NotImplementedYet("initialize_adam");
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
        throw new NotImplementedYet("update_parameters_with_adam");
    }

    /**
     * Exercise {@code update_lr}: the learning rate after {@code epochNum} epochs of decay,
     * α = α0 / (1 + decayRate · epochNum). One line. Checked: values, including epoch 0 (no decay yet).
     */
    @Override
    public double updateLr(double learningRate0, int epochNum, double decayRate) {
        throw new NotImplementedYet("update_lr");
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
        throw new NotImplementedYet("schedule_lr_decay");
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
        throw new NotImplementedYet("model");
    }
}
