package dlcourse.shallow;

import dlcourse.core.Matrix;
import dlcourse.course.NotImplementedYet;
import dlcourse.course.ShallowNetwork;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;

/**
 * Worksheet for assignment 2: a neural network with one hidden layer for points in the plane.
 *
 * <p>The "flower" is 400 points in two colours arranged in petals: no straight line separates the colours, so
 * logistic regression (a single neuron, {@link dlcourse.nn.LogisticBaseline}) does barely better than a coin. Here
 * you add a hidden layer of {@code n_h} tanh units between the input and the sigmoid output:
 * <pre>
 *   X (2, m) ──W1, b1──► Z1 ──tanh──► A1 (n_h, m) ──W2, b2──► Z2 ──σ──► A2 (1, m)
 * </pre>
 * and train all four parameters by gradient descent. With 4 hidden units the network curves its decision boundary
 * around the petals.
 *
 * <p>Conventions: one example per column; the parameters and gradients are {@link Parameters} / {@link Grads} maps
 * keyed {@code W1}, {@code b1}, {@code W2}, {@code b2} and {@code dW1}, {@code db1}, {@code dW2}, {@code db2}
 * ({@code parameters.get("W1")}, {@code Parameters.builder().put("W1", w1)…build()}). {@link Matrix} works like a
 * numpy array: {@code a.dot(b)} is the matrix product, {@code add}, {@code subtract}, {@code multiply},
 * {@code divide} are elementwise and broadcast a column or a row, {@code transpose()} is {@code .T},
 * {@code tanh()}, {@code sigmoid()}, {@code log()}, {@code square()} act on every entry and {@code sum(Axis, true)}
 * sums along an axis keeping it. Nothing you are given may be modified: build new matrices and maps.
 *
 * <p>Later methods call earlier ones through {@code this}, as the hints say, because the grader checks it. Run
 * {@code mvn verify} in {@code exercises/} (or {@code ./dlcourse grade}) to see how you are doing, and
 * {@code ./dlcourse demo shallow --impl exercises} to train your network on the flower.
 */
public class Shallow implements ShallowNetwork {

    /**
     * Exercise {@code layer_sizes}: how big each layer is.
     *
     * <p>The input layer has one unit per feature (the rows of X), the output layer one per row of Y, and the hidden
     * layer has {@link #HIDDEN_SIZE} units for now ({@code nn_model} takes other sizes later). One line. Checked: the
     * three sizes for inputs of several shapes — rows count features, columns count examples.
     */
    @Override
    public LayerSizes layerSizes(Matrix x, Matrix y) {
        throw new NotImplementedYet("layer_sizes");
    }

    /**
     * Exercise {@code initialize_parameters}: a small random start.
     *
     * <p>If every weight started equal, every hidden unit would compute the same thing and receive the same update
     * forever; random weights break that symmetry, and small ones (times {@link #INIT_SCALE}) keep tanh and σ in
     * their steep middle part where learning is fast. Biases can start at zero.
     *
     * <p>Make a {@code new RandomState(INIT_SEED)} inside the method (so every call draws the same numbers, as the
     * course does), draw W1 = {@code randn(n_h, n_x)} first and W2 = {@code randn(n_y, n_h)} second, scale both,
     * and return W1, b1 (n_h, 1) zeros, W2, b2 (n_y, 1) zeros in this order. About 6 lines. Checked: the shapes, the
     * exact values (the order of the draws matters), and that a second call returns the same weights.
     */
    @Override
    public Parameters initializeParameters(int nX, int nH, int nY) {
        throw new NotImplementedYet("initialize_parameters");
    }

    /**
     * Exercise {@code forward_propagation}: from the inputs to the output probability.
     *
     * <p>Compute, in order, Z1 = W1·X + b1 (the bias column is added to every column), A1 = tanh(Z1),
     * Z2 = W2·A1 + b2 and A2 = σ(Z2). Return A2 together with a {@link Cache} of all four: the backward pass needs
     * them. {@code Matrix.linear(w, a, b)} computes {@code w·a + b} in one go. About 5 lines. Checked: shapes and
     * values on networks of several sizes, that the cache agrees with A2, and known slips (W transposed, σ in the
     * hidden layer) are named.
     */
    @Override
    public Forward forwardPropagation(Matrix x, Parameters parameters) {
        throw new NotImplementedYet("forward_propagation");
    }

    /**
     * Exercise {@code compute_cost}: how wrong the probabilities are.
     *
     * <p>The cross-entropy averaged over the m examples:
     * J = −(1/m)·Σ [ Y·log(A2) + (1 − Y)·log(1 − A2) ]. {@code Matrix.subtract(1.0, y)} is 1 − Y. Return a plain
     * number. About 3 lines. Checked: the value for several inputs, and that A2 = 0.5 everywhere costs exactly ln 2
     * whatever the labels.
     */
    @Override
    public double computeCost(Matrix a2, Matrix y) {
        throw new NotImplementedYet("compute_cost");
    }

    /**
     * Exercise {@code backward_propagation}: the gradients, layer by layer from the output back.
     *
     * <p>With m examples:
     * <pre>
     *   dZ2 = A2 − Y                         (n_y, m)
     *   dW2 = (1/m)·dZ2·A1ᵀ                  (n_y, n_h)
     *   db2 = (1/m)·(row sums of dZ2)        (n_y, 1)
     *   dZ1 = (W2ᵀ·dZ2) ∗ (1 − A1²)          (n_h, m)    ∗ is elementwise; 1 − A1² is tanh′(Z1)
     *   dW1 = (1/m)·dZ1·Xᵀ                   (n_h, n_x)
     *   db1 = (1/m)·(row sums of dZ1)        (n_h, 1)
     * </pre>
     * Keep the row sums as columns ({@code sum(Axis.COLUMNS, true)}): a (1, n) row would broadcast wrongly in the
     * update. Return dW1, db1, dW2, db2 in this order. About 8 lines. Checked: shapes; values; a gradient check of
     * your gradients against the slope of your own cost; known slips (1 − A1 instead of 1 − A1², no 1/m, rows
     * instead of columns) are named.
     */
    @Override
    public Grads backwardPropagation(Parameters parameters, Cache cache, Matrix x, Matrix y) {
        throw new NotImplementedYet("backward_propagation");
    }

    /**
     * Exercise {@code update_parameters}: one step downhill.
     *
     * <p>Each parameter P becomes P − α·dP, with α = {@code learningRate}. Build new parameters (W1, b1, W2, b2 in
     * this order); the given ones must stay as they are. About 6 lines. Checked: values, that α = 0 leaves every
     * parameter unchanged, and a step uphill is named.
     */
    @Override
    public Parameters updateParameters(Parameters parameters, Grads grads, double learningRate) {
        throw new NotImplementedYet("update_parameters");
    }

    /**
     * Exercise {@code nn_model}: train the network.
     *
     * <p>Take n_x and n_y from {@code this.layerSizes} (the hidden size is the {@code nH} given), get a start from
     * {@code this.initializeParameters}, then repeat {@code numIterations} times: {@code this.forwardPropagation},
     * {@code this.computeCost}, {@code this.backwardPropagation}, and
     * {@code this.updateParameters(…, LEARNING_RATE)} — keep the parameters it returns for the next round. Record the
     * cost of iterations 0, {@value #COST_EVERY}, 2·{@value #COST_EVERY}, …, and when {@code printCost} is true
     * print them as {@code Cost after iteration 1000: 0.288083}. Return the final parameters and the costs.
     *
     * <p>About 15 lines. Checked: the results with the helpers replaced by the reference's (so only your loop is
     * judged); that the helpers are called once each per iteration, in this order, each round using the previous
     * round's parameters; the printed lines; and a full training run on the flower must reach the course's cost and
     * accuracy.
     */
    @Override
    public Trained nnModel(Matrix x, Matrix y, int nH, int numIterations, boolean printCost) {
        throw new NotImplementedYet("nn_model");
    }

    /**
     * Exercise {@code predict}: colour each point.
     *
     * <p>Run {@code this.forwardPropagation} and label an example 1 when its A2 is strictly above
     * {@link #THRESHOLD}, else 0 ({@code greaterThan} makes such a 0/1 mask). Two lines. Checked: values, including
     * points whose probability is exactly 0.5 (they get 0), and that the forward pass is reused, not rewritten.
     */
    @Override
    public Matrix predict(Parameters parameters, Matrix x) {
        throw new NotImplementedYet("predict");
    }
}
