package dlcourse.gradcheck;

import dlcourse.core.Matrix;
import dlcourse.course.GradientCheckingGiven;
import dlcourse.nn.Grads;
import dlcourse.nn.ParameterVectors;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import java.util.Map;

/**
 * Known wrong versions of the reference solution, one per mistake id of the grader's gradcheck catalog. Their
 * outputs are stored in the fixtures so that a student's identical output can be named. Instructor-only.
 */
public final class GradCheckMistakes {

    private GradCheckMistakes() {
    }

    /** Mistake id → an implementation that makes exactly that mistake. */
    public static Map<String, GradCheck> variants() {
        return Map.ofEntries(
                Map.entry("derivative_wrt_x", new GradCheck() {
                    @Override
                    public double backwardPropagation(double x, double theta) {
                        return theta;
                    }
                }),
                Map.entry("forgot_factor_2", new GradCheck() {
                    @Override
                    public double gradientCheck(double x, double theta, double epsilon, boolean printMsg) {
                        double gradapprox = (forwardPropagation(x, theta + epsilon)
                                - forwardPropagation(x, theta - epsilon)) / epsilon;
                        double grad = backwardPropagation(x, theta);
                        return Math.abs(grad - gradapprox) / (Math.abs(grad) + Math.abs(gradapprox));
                    }
                }),
                Map.entry("no_denominator", new GradCheck() {
                    @Override
                    public double gradientCheck(double x, double theta, double epsilon, boolean printMsg) {
                        double gradapprox = (forwardPropagation(x, theta + epsilon)
                                - forwardPropagation(x, theta - epsilon)) / (2 * epsilon);
                        return Math.abs(backwardPropagation(x, theta) - gradapprox);
                    }
                }),
                Map.entry("dw2_doubled", new GradCheck() {
                    @Override
                    public Grads backwardPropagationN(Matrix x, Matrix y, ThreeLayerCache cache) {
                        Grads right = super.backwardPropagationN(x, y, cache);
                        return right.with("dW2", right.get("dW2").multiply(2.0));
                    }
                }),
                Map.entry("db1_four_over_m", new GradCheck() {
                    @Override
                    public Grads backwardPropagationN(Matrix x, Matrix y, ThreeLayerCache cache) {
                        Grads right = super.backwardPropagationN(x, y, cache);
                        return right.with("db1", right.get("db1").multiply(4.0));
                    }
                }),
                Map.entry("given_unchanged", new GradCheck() {
                    @Override
                    public Grads backwardPropagationN(Matrix x, Matrix y, ThreeLayerCache cache) {
                        return GradientCheckingGiven.backwardPropagationN(x, y, cache);
                    }
                }),
                Map.entry("dw3_without_1_over_m", new GradCheck() {
                    @Override
                    public Grads backwardPropagationN(Matrix x, Matrix y, ThreeLayerCache cache) {
                        Grads right = super.backwardPropagationN(x, y, cache);
                        return right.with("dW3", right.get("dW3").multiply(x.cols()));
                    }
                }),
                Map.entry("n_forgot_factor_2", new GradCheck() {
                    @Override
                    public double gradientCheckN(Parameters parameters, Grads gradients, Matrix x, Matrix y,
                                                 double epsilon, boolean printMsg) {
                        return differenceN(this, parameters, gradients, x, y, epsilon, Scheme.NO_FACTOR_2, true);
                    }
                }),
                Map.entry("n_one_sided", new GradCheck() {
                    @Override
                    public double gradientCheckN(Parameters parameters, Grads gradients, Matrix x, Matrix y,
                                                 double epsilon, boolean printMsg) {
                        return differenceN(this, parameters, gradients, x, y, epsilon, Scheme.ONE_SIDED, true);
                    }
                }),
                Map.entry("n_theta_not_restored", new GradCheck() {
                    @Override
                    public double gradientCheckN(Parameters parameters, Grads gradients, Matrix x, Matrix y,
                                                 double epsilon, boolean printMsg) {
                        double[] theta = ParameterVectors.dictionaryToVector(parameters).theta().toArray();
                        Matrix grad = ParameterVectors.gradientsToVector(gradients);
                        double[] approx = new double[theta.length];
                        for (int i = 0; i < theta.length; i++) {
                            theta[i] += epsilon;
                            double jPlus = forwardPropagationN(x, y, ParameterVectors.vectorToDictionary(
                                    Matrix.column(theta), parameters)).cost();
                            theta[i] -= 2 * epsilon;
                            double jMinus = forwardPropagationN(x, y, ParameterVectors.vectorToDictionary(
                                    Matrix.column(theta), parameters)).cost();
                            approx[i] = (jPlus - jMinus) / (2 * epsilon);
                        }
                        Matrix gradapprox = Matrix.column(approx);
                        return grad.subtract(gradapprox).norm() / (grad.norm() + gradapprox.norm());
                    }
                }),
                Map.entry("n_no_denominator", new GradCheck() {
                    @Override
                    public double gradientCheckN(Parameters parameters, Grads gradients, Matrix x, Matrix y,
                                                 double epsilon, boolean printMsg) {
                        return differenceN(this, parameters, gradients, x, y, epsilon, Scheme.CENTRED, false);
                    }
                }));
    }

    private enum Scheme { CENTRED, NO_FACTOR_2, ONE_SIDED }

    /** The N-dimensional check with one slip: the difference quotient or the normalisation. */
    private static double differenceN(GradCheck impl, Parameters parameters, Grads gradients, Matrix x, Matrix y,
                                      double epsilon, Scheme scheme, boolean normalised) {
        double[] theta = ParameterVectors.dictionaryToVector(parameters).theta().toArray();
        Matrix grad = ParameterVectors.gradientsToVector(gradients);
        double[] approx = new double[theta.length];
        double j = impl.forwardPropagationN(x, y, parameters).cost();
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone();
            plus[i] += epsilon;
            double[] minus = theta.clone();
            minus[i] -= epsilon;
            double jPlus = impl.forwardPropagationN(x, y, ParameterVectors.vectorToDictionary(Matrix.column(plus),
                    parameters)).cost();
            double jMinus = impl.forwardPropagationN(x, y, ParameterVectors.vectorToDictionary(Matrix.column(minus),
                    parameters)).cost();
            approx[i] = switch (scheme) {
                case CENTRED -> (jPlus - jMinus) / (2 * epsilon);
                case NO_FACTOR_2 -> (jPlus - jMinus) / epsilon;
                case ONE_SIDED -> (jPlus - j) / epsilon;
            };
        }
        Matrix gradapprox = Matrix.column(approx);
        double numerator = grad.subtract(gradapprox).norm();
        return normalised ? numerator / (grad.norm() + gradapprox.norm()) : numerator;
    }
}
