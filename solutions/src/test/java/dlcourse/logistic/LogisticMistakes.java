package dlcourse.logistic;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import java.util.Map;

/**
 * Known wrong versions of the reference solution, one per mistake id of the grader's logistic catalog. Their
 * outputs are stored in the fixtures so that a student's identical output can be named. Instructor-only: this
 * file lives with the solutions' tests and never reaches the student edition.
 */
public final class LogisticMistakes {

    private LogisticMistakes() {
    }

    /** Mistake id → an implementation that makes exactly that mistake. */
    public static Map<String, Logistic> variants() {
        return Map.of(
                "reshape_without_transpose", new Logistic() {
                    @Override
                    public Matrix flattenImages(Tensor images) {
                        return images.reshape(-1, images.dim(0)).toMatrix().divide(255.0);
                    }
                },
                "forgot_255", new Logistic() {
                    @Override
                    public Matrix flattenImages(Tensor images) {
                        return images.reshape(images.dim(0), -1).transpose().toMatrix();
                    }
                },
                "sigmoid_sign", new Logistic() {
                    @Override
                    public Matrix sigmoid(Matrix z) {
                        return Matrix.divide(1.0, z.exp().add(1.0));
                    }
                },
                "row_vector", new Logistic() {
                    @Override
                    public Parameters initializeWithZeros(int dim) {
                        return new Parameters(Matrix.zeros(1, dim), 0.0);
                    }
                },
                "forgot_1_over_m", new Logistic() {
                    @Override
                    public Propagation propagate(Matrix w, double b, Matrix x, Matrix y) {
                        Propagation right = super.propagate(w, b, x, y);
                        int m = x.cols();
                        return new Propagation(new Gradients(right.grads().dw().multiply(m), right.grads().db() * m),
                                right.cost() * m);
                    }
                },
                "cost_sign_flipped", new Logistic() {
                    @Override
                    public Propagation propagate(Matrix w, double b, Matrix x, Matrix y) {
                        Propagation right = super.propagate(w, b, x, y);
                        return new Propagation(right.grads(), -right.cost());
                    }
                },
                "db_without_sum", new Logistic() {
                    @Override
                    public Propagation propagate(Matrix w, double b, Matrix x, Matrix y) {
                        Propagation right = super.propagate(w, b, x, y);
                        Matrix dz = sigmoid(w.transpose().dot(x).add(b)).subtract(y);
                        return new Propagation(new Gradients(right.grads().dw(), dz.get(0, 0) / x.cols()),
                                right.cost());
                    }
                },
                "w_not_transposed", new Logistic() {
                    @Override
                    public Propagation propagate(Matrix w, double b, Matrix x, Matrix y) {
                        int m = x.cols();
                        Matrix a = sigmoid(x.transpose().dot(w).add(b));
                        Matrix terms = y.multiply(a.log()).add(Matrix.subtract(1.0, y)
                                .multiply(Matrix.subtract(1.0, a).log()));
                        Matrix dz = a.subtract(y);
                        return new Propagation(new Gradients(x.dot(dz.transpose()).divide(m), dz.sum() / m),
                                -terms.sum() / m);
                    }
                },
                "learning_rate_sign", new Logistic() {
                    @Override
                    public Optimization optimize(Matrix w, double b, Matrix x, Matrix y, int numIterations,
                                                 double learningRate, boolean printCost) {
                        return super.optimize(w, b, x, y, numIterations, -learningRate, printCost);
                    }
                },
                "threshold_ge", new Logistic() {
                    @Override
                    public Matrix predict(Matrix w, double b, Matrix x) {
                        return sigmoid(w.transpose().dot(x).add(b)).greaterEqual(0.5);
                    }
                });
    }
}
