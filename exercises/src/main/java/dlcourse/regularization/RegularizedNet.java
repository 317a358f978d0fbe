package dlcourse.regularization;

import dlcourse.core.Matrix;
import dlcourse.course.NotImplementedYet;
import dlcourse.course.Regularization;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;

/**
 * Worksheet for assignment 6: keeping a network from memorising its training set.
 *
 * <p>The data are positions on a football field: where the goalkeeper kicked the ball (2 coordinates), labelled
 * 1 when one of the team's players headed it next and 0 when the other team did. A three-layer network
 * (2 → 20 ReLU → 3 ReLU → 1 sigmoid) trained without help fits the noise of the 211 training points and draws a
 * jagged boundary. You will add the two usual remedies and compare: L2 regularization, which makes large weights
 * expensive, and dropout, which switches off a random part of the hidden units at every step.
 *
 * <p>Conventions: one example per column; {@code X} is (2, m), {@code Y} (1, m). Parameters and gradients are
 * {@link Parameters} and {@link Grads} maps keyed like the course's dictionaries ({@code W1}, {@code dW1}, …); read
 * with {@code parameters.weights(l)} or {@code get("W1")}, build with {@code Grads.builder().put("dZ3", dZ3)…build()}.
 * The cache of the plain forward pass is a {@link ThreeLayerCache} ({@code cache.a2()}, {@code cache.w3()}, …).
 * The initialization, the plain forward and backward passes, the plain cost and the update are given (the
 * {@code default} methods of {@link Regularization}); call them through {@code this}.
 *
 * <p>Backward passes here follow the course's bookkeeping: {@code dZ3 = A3 − Y}, and the factor 1/m is applied when
 * {@code dW<l>} and {@code db<l>} are formed. Return the same eleven keys as the given backward pass, in its order:
 * dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1. The grader compares the dW and db.
 */
public class RegularizedNet implements Regularization {

    /**
     * Exercise {@code compute_cost_with_regularization}: the cost with an L2 penalty on the weights.
     *
     * <p>J = (cross-entropy cost) + λ/(2m) · (ΣW1² + ΣW2² + ΣW3²), where each Σ adds the squares of all entries of
     * one weight matrix. Get the cross-entropy part from {@code this.computeCost}; m is the number of examples
     * (columns of {@code y}). Biases are not penalised. {@code square()} and {@code sum()} help.
     *
     * <p>About 5 lines. Checked: values on random networks of several sizes; λ = 0 gives exactly the plain cost;
     * known slips (no 1/m, no ½, biases penalised too) are recognised and named.
     */
    @Override
    public double computeCostWithRegularization(Matrix a3, Matrix y, Parameters parameters, double lambd) {
        throw new NotImplementedYet("compute_cost_with_regularization");
    }

    /**
     * Exercise {@code backward_propagation_with_regularization}: the gradients of the regularized cost.
     *
     * <p>The penalty λ/(2m)·ΣW² has the derivative λ/m · W with respect to W, and none with respect to b. So this is
     * the plain backward pass with one extra term per weight gradient:
     * <pre>
     *   dZ3 = A3 − Y
     *   dW3 = (1/m) · dZ3 · A2ᵀ + (λ/m) · W3        db3 = (1/m) · Σ_columns dZ3   (keep the (n, 1) shape)
     *   dA2 = W3ᵀ · dZ3        dZ2 = dA2 * (A2 &gt; 0)
     *   dW2 = (1/m) · dZ2 · A1ᵀ + (λ/m) · W2        db2 = (1/m) · Σ_columns dZ2
     *   dA1 = W2ᵀ · dZ2        dZ1 = dA1 * (A1 &gt; 0)
     *   dW1 = (1/m) · dZ1 · Xᵀ  + (λ/m) · W1        db1 = (1/m) · Σ_columns dZ1
     * </pre>
     * {@code (A2 > 0)} is the ReLU's slope, a 0/1 mask ({@code greaterThan(0.0)}); {@code sum(Axis.COLUMNS, true)}
     * sums each row and keeps a column.
     *
     * <p>About 15 lines. Checked: dW and db on random networks; λ = 0 gives the plain gradients; a gradient check
     * against centred differences of your own regularized cost; known slips (no 1/m on the new term, biases
     * penalised) are recognised.
     */
    @Override
    public Grads backwardPropagationWithRegularization(Matrix x, Matrix y, ThreeLayerCache cache, double lambd) {
        throw new NotImplementedYet("backward_propagation_with_regularization");
    }

    /**
     * Exercise {@code forward_propagation_with_dropout}: the forward pass with (inverted) dropout.
     *
     * <p>Start with {@code RandomState random = new RandomState(DROPOUT_SEED)} — a fresh generator seeded with 1 at
     * every call, so every iteration drops the same units, as in the course. Then, for each hidden layer l = 1, 2:
     * <ol>
     *   <li>{@code Z<l> = W<l>·A<l-1> + b<l>} (with A0 = X; {@code Matrix.linear(w, a, b)} does this in one step)
     *       and the ReLU;</li>
     *   <li>a mask {@code D<l>}: draw {@code random.rand(rows, cols)} of A's shape and keep the entries below
     *       {@code keepProb} ({@code lessThan}), giving 1 for units kept and 0 for units dropped;</li>
     *   <li>{@code A<l> = A<l> * D<l> / keepProb}: switch off the dropped units and scale the others up, so that the
     *       next layer receives on average the same total input as without dropout.</li>
     * </ol>
     * Draw D1 before D2. The output layer gets no dropout: {@code A3 = sigmoid(W3·A2 + b3)}. Return every
     * intermediate in a {@link DropoutCache}, with A1 and A2 after masking and scaling.
     *
     * <p>About 12 lines. Checked: the output and the masks on random networks; keepProb = 1 gives the plain forward
     * pass; on a large layer the mask keeps about keepProb of the units and the kept ones are scaled by 1/keepProb;
     * two calls drop the same units; known slips (no rescaling, masks kept where rand ≥ keepProb, normal instead of
     * uniform draws) are recognised.
     */
    @Override
    public DropoutCache forwardPropagationWithDropout(Matrix x, Parameters parameters, double keepProb) {
        throw new NotImplementedYet("forward_propagation_with_dropout");
    }

    /**
     * Exercise {@code backward_propagation_with_dropout}: the gradients of the network with the units dropped.
     *
     * <p>A dropped unit did not take part in the forward pass, so no gradient flows through it; a kept one was
     * multiplied by 1/keepProb, so its gradient is too. Take the plain backward pass and, right after computing
     * {@code dA2 = W3ᵀ·dZ3}, apply the same mask and scale: {@code dA2 = dA2 * D2 / keepProb}; likewise
     * {@code dA1 = dA1 * D1 / keepProb} right after {@code dA1 = W2ᵀ·dZ2}. Use the masks stored in the cache: drawing
     * new ones would drop different units than the forward pass did. The rest is as in
     * {@link #backwardPropagationWithRegularization} with λ = 0.
     *
     * <p>About 15 lines. Checked: dW and db on random caches; keepProb = 1 with nothing dropped gives the plain
     * gradients; a gradient check of the dropout network (the masks stay fixed because the forward pass reseeds);
     * known slips (a fresh mask in the backward pass, no rescaling) are recognised.
     */
    @Override
    public Grads backwardPropagationWithDropout(Matrix x, Matrix y, DropoutCache cache, double keepProb) {
        throw new NotImplementedYet("backward_propagation_with_dropout");
    }

    /**
     * Exercise {@code model}: train with the regularization asked for.
     *
     * <p>Refuse {@code lambd > 0} together with {@code keepProb < 1} (throw an {@link IllegalArgumentException}):
     * the assignment studies one remedy at a time. The layer sizes are {@code {X.rows(), 20, 3, 1}}; start from
     * {@code this.initializeParameters}. Then repeat {@code numIterations} times:
     * <ol>
     *   <li>forward: {@code this.forwardPropagationWithDropout} when keepProb &lt; 1, else
     *       {@code this.forwardPropagation};</li>
     *   <li>cost: {@code this.computeCostWithRegularization} when λ &gt; 0, else {@code this.computeCost};</li>
     *   <li>backward: the regularized pass when λ &gt; 0, the dropout pass when keepProb &lt; 1, else the plain
     *       {@code this.backwardPropagation};</li>
     *   <li>{@code this.updateParameters}.</li>
     * </ol>
     * Record the cost of iterations 0, 1000, 2000, …; when {@code printCost} is true print those of iterations 0,
     * 10000, 20000, … as {@code Cost after iteration 10000: 0.16329987525724216}.
     *
     * <p>About 25 lines. Checked: the learned parameters and costs on small problems (with your other functions
     * replaced by the reference's, so only this method is judged); which steps are called for each setting, in
     * order; and full training runs on the football data must reach the course's accuracies.
     */
    @Override
    public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost, double lambd,
                       double keepProb) {
        throw new NotImplementedYet("model");
    }
}
