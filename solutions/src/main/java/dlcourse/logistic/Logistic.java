package dlcourse.logistic;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import dlcourse.course.LogisticRegression;
import java.util.ArrayList;
import java.util.List;

/**
 * Worksheet for assignment 1: a cat detector built from one neuron.
 *
 * <p>You will write every piece of a logistic-regression classifier and then train it on 209 photos labelled
 * "cat" (1) or "not cat" (0). The finished model finds a weight per pixel value and a bias such that
 * {@code sigmoid(wᵀx + b)} is close to 1 for cats. Fill in the methods in order: later ones call earlier ones
 * through {@code this}, exactly as written in the hints, because the grader checks that they do.
 *
 * <p>Conventions used throughout: one example per column; {@code X} has shape (n_x, m), {@code Y} (1, m),
 * {@code w} (n_x, 1) and {@code b} is a plain number. {@link Matrix} works like a numpy array: {@code a.dot(b)}
 * is the matrix product, {@code multiply}/{@code add}/{@code subtract}/{@code divide} are elementwise and
 * broadcast, {@code transpose()} is {@code .T}, {@code sum()} adds every entry.
 *
 * <p>Run {@code mvn verify} in {@code exercises/} (or {@code ./dlcourse grade} at the top) to see how you are
 * doing; the report explains every failed check.
 */
public class Logistic implements LogisticRegression {

    /**
     * Exercise {@code dataset_dimensions}: read three numbers off the raw image batches.
     *
     * <p>The training batch has shape (m_train, num_px, num_px, 3): one square RGB picture per entry of the first
     * axis. {@link Tensor#dim(int)} gives the length of an axis. Return how many training pictures there are,
     * how many test pictures, and the side length of a picture in pixels.
     *
     * <p>About 3 lines. Checked: the three numbers on the real cat data and on batches of other sizes.
     */
    @Override
    public DatasetDimensions datasetDimensions(Tensor trainImages, Tensor testImages) {
        // BEGIN SOLUTION
        int mTrain = trainImages.dim(0);
        int mTest = testImages.dim(0);
        int numPx = trainImages.dim(1);
        return new DatasetDimensions(mTrain, mTest, numPx);
        // END SOLUTION
    }

    /**
     * Exercise {@code flatten_images}: turn a batch of pictures into the matrix the model reads.
     *
     * <p>Each picture (num_px, num_px, 3) becomes one column of num_px·num_px·3 numbers, in (row, column,
     * channel) order, so the result has shape (num_px·num_px·3, m). Then scale the pixel values from 0..255 to
     * 0..1 by dividing by 255 — the usual preprocessing for images, which keeps the gradients well sized.
     *
     * <p>Hint: reshaping the batch to (m, -1) puts each picture on one row; the transpose then puts it in one
     * column. {@code Tensor.toMatrix()} turns a 2-D tensor into a Matrix. About 2 lines. Checked: shape, values
     * on small random batches, and that column i really is picture i (a common slip is reshaping to (-1, m),
     * which mixes pixels of different pictures).
     */
    @Override
    public Matrix flattenImages(Tensor images) {
        // BEGIN SOLUTION
        int m = images.dim(0);
        return images.reshape(m, -1).transpose().toMatrix().divide(255.0);
        // END SOLUTION
    }

    /**
     * Exercise {@code sigmoid}: the logistic function σ(z) = 1 / (1 + e^(−z)), applied to every entry.
     *
     * <p>Build it from matrix operations ({@code negate}, {@code exp}, {@code add}, {@code Matrix.divide(1.0, …)})
     * rather than a loop. One line. Checked: σ(0) = 0.5, values on random inputs, the shape is kept, and large
     * |z| gives 0 or 1 without NaN.
     */
    @Override
    public Matrix sigmoid(Matrix z) {
        // BEGIN SOLUTION
        return Matrix.divide(1.0, z.negate().exp().add(1.0));
        // END SOLUTION
    }

    /**
     * Exercise {@code initialize_with_zeros}: the starting point of training.
     *
     * <p>Return {@code w} as a (dim, 1) column of zeros and {@code b = 0}. (For logistic regression zeros are a
     * fine start; the neural networks of later assignments will need random starts.) One line. Checked: shape
     * (dim, 1) — not (1, dim) — and that every entry is 0.
     */
    @Override
    public Parameters initializeWithZeros(int dim) {
        // BEGIN SOLUTION
        return new Parameters(Matrix.zeros(dim, 1), 0.0);
        // END SOLUTION
    }

    /**
     * Exercise {@code propagate}: the cost and its gradients for the current parameters.
     *
     * <p>Forward: A = σ(wᵀX + b), shape (1, m), and the cross-entropy cost
     * J = −(1/m) Σ [ Y·log(A) + (1 − Y)·log(1 − A) ].
     * Backward: with dZ = A − Y, the gradients are dw = (1/m)·X·dZᵀ, shape (n_x, 1), and db = (1/m)·Σ dZ.
     *
     * <p>Call {@code this.sigmoid}. {@code Matrix.subtract(1.0, y)} computes 1 − Y. About 6 lines. Checked: the
     * shapes of dw; dw, db and the cost on fixed inputs; a gradient check (your dw and db against the slope of
     * your own cost); and known slips — a missing 1/m, a flipped sign of the cost, db not summed, w not
     * transposed — are recognised and named.
     */
    @Override
    public Propagation propagate(Matrix w, double b, Matrix x, Matrix y) {
        // BEGIN SOLUTION
        int m = x.cols();
        Matrix a = sigmoid(w.transpose().dot(x).add(b));
        Matrix logLikelihood = y.multiply(a.log()).add(Matrix.subtract(1.0, y).multiply(Matrix.subtract(1.0, a).log()));
        double cost = -logLikelihood.sum() / m;
        Matrix dz = a.subtract(y);
        Matrix dw = x.dot(dz.transpose()).divide(m);
        double db = dz.sum() / m;
        return new Propagation(new Gradients(dw, db), cost);
        // END SOLUTION
    }

    /**
     * Exercise {@code optimize}: gradient descent.
     *
     * <p>Repeat {@code numIterations} times: call {@code this.propagate}, then step downhill,
     * w ← w − α·dw and b ← b − α·db. Record the cost of iterations 0, 100, 200, … in a list, and when
     * {@code printCost} is true print {@code Cost after iteration 100: 0.584508} style lines for them. Return
     * the final parameters, the gradients of the last iteration and the recorded costs. Do not modify the
     * matrices you were given: compute new ones.
     *
     * <p>About 10 lines. Checked: final w, b and the cost list on fixed inputs; that {@code propagate} is called
     * once per iteration; that a learning rate of 0 leaves the parameters unchanged; a learning-rate sign slip is
     * recognised.
     */
    @Override
    public Optimization optimize(Matrix w, double b, Matrix x, Matrix y, int numIterations, double learningRate,
                                 boolean printCost) {
        // BEGIN SOLUTION
        List<Double> costs = new ArrayList<>();
        Matrix weights = w;
        double bias = b;
        Gradients grads = null;
        for (int i = 0; i < numIterations; i++) {
            Propagation step = propagate(weights, bias, x, y);
            grads = step.grads();
            weights = weights.subtract(grads.dw().multiply(learningRate));
            bias = bias - learningRate * grads.db();
            if (i % COST_EVERY == 0) {
                costs.add(step.cost());
                if (printCost) {
                    System.out.printf("Cost after iteration %d: %f%n", i, step.cost());
                }
            }
        }
        if (grads == null) {
            grads = propagate(weights, bias, x, y).grads();
        }
        return new Optimization(new Parameters(weights, bias), grads, costs);
        // END SOLUTION
    }

    /**
     * Exercise {@code predict}: label each example 0 or 1.
     *
     * <p>Compute the probabilities A = σ(wᵀX + b) and turn each into 1 when it is strictly above 0.5, else 0
     * ({@code greaterThan} gives such a 0/1 mask). Return a (1, m) matrix. About 2 lines. Checked: shape and
     * values, including probabilities of exactly 0.5 (which must give 0).
     */
    @Override
    public Matrix predict(Matrix w, double b, Matrix x) {
        // BEGIN SOLUTION
        Matrix a = sigmoid(w.transpose().dot(x).add(b));
        return a.greaterThan(0.5);
        // END SOLUTION
    }

    /**
     * Exercise {@code model}: put it all together.
     *
     * <p>Start from {@code this.initializeWithZeros} (one weight per input row), train with {@code this.optimize},
     * then {@code this.predict} on the test set and on the training set. When {@code printCost} is true also
     * print the train and test accuracy in percent (100 − mean(|prediction − Y|)·100). Return everything in a
     * {@link Model}.
     *
     * <p>About 8 lines. Checked: that the three helpers are called in this order; the costs and predictions on a
     * small problem; and a short training run on the cat pictures must reach the course's accuracy band.
     */
    @Override
    public Model model(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest, int numIterations,
                       double learningRate, boolean printCost) {
        // BEGIN SOLUTION
        Parameters initial = initializeWithZeros(xTrain.rows());
        Optimization trained = optimize(initial.w(), initial.b(), xTrain, yTrain, numIterations, learningRate,
                printCost);
        Parameters params = trained.params();
        Matrix predictionTest = predict(params.w(), params.b(), xTest);
        Matrix predictionTrain = predict(params.w(), params.b(), xTrain);
        if (printCost) {
            System.out.printf("train accuracy: %s %%%n", 100 - predictionTrain.subtract(yTrain).abs().mean() * 100);
            System.out.printf("test accuracy: %s %%%n", 100 - predictionTest.subtract(yTest).abs().mean() * 100);
        }
        return new Model(trained.costs(), predictionTest, predictionTrain, params, learningRate, numIterations);
        // END SOLUTION
    }
}
