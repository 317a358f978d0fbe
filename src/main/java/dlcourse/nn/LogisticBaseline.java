package dlcourse.nn;

import dlcourse.core.Matrix;
import dlcourse.core.ShapeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The planar assignment's given baseline: logistic regression (one sigmoid neuron, a straight decision boundary)
 * trained by plain gradient descent from zero weights on the whole batch. On the flower it reaches 47 % — about what
 * the course's library classifier reaches — because no straight line separates the petals. Immutable; inputs are
 * never modified.
 */
public final class LogisticBaseline {

    /** Iterations the planar assignment trains the baseline for (it has converged long before). */
    public static final int ITERATIONS = 1000;
    /** The learning rate of the baseline. */
    public static final double LEARNING_RATE = 1.2;
    /** The cost is recorded every this many iterations. */
    public static final int COST_EVERY = 100;
    /** A probability above this is labelled 1. */
    public static final double THRESHOLD = 0.5;

    private final Matrix w;
    private final double b;
    private final List<Double> costs;

    private LogisticBaseline(Matrix w, double b, List<Double> costs) {
        this.w = w;
        this.b = b;
        this.costs = List.copyOf(costs);
    }

    /**
     * Trains with the assignment's settings: {@value #ITERATIONS} iterations at learning rate
     * {@value #LEARNING_RATE}.
     *
     * @param x examples, shape (n_x, m)
     * @param y labels 0/1, shape (1, m)
     * @return the trained classifier
     */
    public static LogisticBaseline train(Matrix x, Matrix y) {
        return train(x, y, ITERATIONS, LEARNING_RATE);
    }

    /**
     * Gradient descent on the mean cross-entropy, starting from w = 0, b = 0: each iteration computes
     * A = σ(wᵀX + b), then w ← w − α·(1/m)·X·(A − Y)ᵀ and b ← b − α·(1/m)·Σ(A − Y).
     *
     * @param x             examples, shape (n_x, m)
     * @param y             labels 0/1, shape (1, m)
     * @param iterations    number of updates, {@code >= 0}
     * @param learningRate  step size α
     * @return the trained classifier, with the cost of iterations 0, {@value #COST_EVERY}, …
     * @throws ShapeException if y is not (1, m)
     * @throws IllegalArgumentException if {@code iterations < 0}
     */
    public static LogisticBaseline train(Matrix x, Matrix y, int iterations, double learningRate) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (y.rows() != 1 || y.cols() != x.cols()) {
            throw new ShapeException("labels have shape " + y.shape() + " but (1, " + x.cols() + ") was expected");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0 but was " + iterations);
        }
        int m = x.cols();
        Matrix w = Matrix.zeros(x.rows(), 1);
        double b = 0;
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            Matrix a = probabilities(w, b, x);
            if (i % COST_EVERY == 0) {
                costs.add(cost(a, y));
            }
            Matrix dz = a.subtract(y);
            w = w.subtract(x.dot(dz.transpose()).multiply(learningRate / m));
            b -= learningRate * dz.sum() / m;
        }
        return new LogisticBaseline(w, b, costs);
    }

    /** The weights, shape (n_x, 1). */
    public Matrix weights() {
        return w;
    }

    /** The bias. */
    public double bias() {
        return b;
    }

    /** The cost of iterations 0, {@value #COST_EVERY}, 2·{@value #COST_EVERY}, … of the training run. */
    public List<Double> costs() {
        return costs;
    }

    /**
     * Labels examples.
     *
     * @param x examples, shape (n_x, k)
     * @return shape (1, k): 1 where σ(wᵀx + b) is above {@value #THRESHOLD}, else 0
     * @throws ShapeException if x does not have n_x rows
     */
    public Matrix predict(Matrix x) {
        return probabilities(w, b, x).greaterThan(THRESHOLD);
    }

    /**
     * The fraction of examples labelled correctly.
     *
     * @param x examples, shape (n_x, m)
     * @param y labels 0/1, shape (1, m)
     * @return a number in [0, 1]
     */
    public double accuracy(Matrix x, Matrix y) {
        return predict(x).equalTo(y).mean();
    }

    private static Matrix probabilities(Matrix w, double b, Matrix x) {
        return w.transpose().dot(x).add(b).sigmoid();
    }

    private static double cost(Matrix a, Matrix y) {
        Matrix terms = y.multiply(a.log()).add(Matrix.subtract(1.0, y).multiply(Matrix.subtract(1.0, a).log()));
        return -terms.sum() / y.cols();
    }

    /** Lists the weights' shape and the bias. */
    @Override
    public String toString() {
        return "LogisticBaseline{w " + w.shape() + ", b " + b + "}";
    }
}
