package dlcourse.gradcheck;

import dlcourse.core.Axis;
import dlcourse.core.Matrix;
import dlcourse.course.GradientChecking;
import dlcourse.course.GradientCheckingGiven;
import dlcourse.nn.Grads;
import dlcourse.nn.ParameterVectors;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;

/**
 * Worksheet for assignment 7: is my backward pass right?
 *
 * <p>A backward pass is easy to get subtly wrong, and training with a wrong gradient often still "works", only
 * worse. Gradient checking compares the gradient your backward pass computes with a numerical estimate taken from
 * the forward pass alone: nudge one parameter by ±ε, see how much the cost moves, and divide,
 * {@code gradapprox = (J(θ + ε) − J(θ − ε)) / (2ε)}. The two are compared with the relative difference
 * {@code ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖)}: around 1e-7 or below means they agree; a slip in the
 * backward pass gives something far larger.
 *
 * <p>Part 1 does this for a single parameter and J(θ) = θ·x. Part 2 does it for all 47 parameters of a small
 * three-layer network, whose forward pass {@link #forwardPropagationN} is given, and whose given backward pass
 * {@link dlcourse.course.GradientCheckingGiven#backwardPropagationN GradientCheckingGiven.backwardPropagationN}
 * hides two mistakes. Your gradient check will find them; then you write the corrected backward pass. Steps call
 * each other through {@code this}, as the hints say, because the grader checks that they do.
 *
 * <p>Given helpers in {@link dlcourse.nn.ParameterVectors}: {@code dictionaryToVector} (all parameters in one column
 * θ, layer by layer W then b), {@code vectorToDictionary} (back to W1, b1, …) and {@code gradientsToVector} (dW1,
 * db1, … in the same layout).
 */
public class GradCheck implements GradientChecking {

    /**
     * Exercise {@code forward_propagation}: the cost of the one-parameter model, J(θ) = θ·x. One line. Checked:
     * the value on a few inputs.
     */
    @Override
    public double forwardPropagation(double x, double theta) {
        // BEGIN SOLUTION
        return theta * x;
        // END SOLUTION
    }

    /**
     * Exercise {@code backward_propagation}: the exact derivative dJ/dθ of {@link #forwardPropagation}. Think about
     * what θ·x changes by when θ grows by one. One line. Checked: the value on a few inputs (a common slip is the
     * derivative with respect to x instead of θ).
     */
    @Override
    public double backwardPropagation(double x, double theta) {
        // BEGIN SOLUTION
        return x;
        // END SOLUTION
    }

    /**
     * Exercise {@code gradient_check}: compare the two for one parameter.
     *
     * <ol>
     *   <li>θ⁺ = θ + ε and θ⁻ = θ − ε; J⁺ and J⁻ from {@code this.forwardPropagation} at those points;</li>
     *   <li>gradapprox = (J⁺ − J⁻) / (2ε);</li>
     *   <li>grad from {@code this.backwardPropagation(x, theta)};</li>
     *   <li>difference = |grad − gradapprox| / (|grad| + |gradapprox|) (for one number the norm is the absolute
     *       value).</li>
     * </ol>
     * When {@code printMsg} is true print one line: {@link #MISTAKE_MESSAGE} followed by the difference when it is
     * above {@link #PRINT_THRESHOLD}, otherwise {@link #CORRECT_MESSAGE} followed by the difference.
     *
     * <p>About 8 lines. Checked: the difference on fixed inputs (it should be below 1e-7); that the forward pass is
     * called at θ + ε and θ − ε and the backward pass at θ; that a wrong derivative is caught; the printed line.
     */
    @Override
    public double gradientCheck(double x, double theta, double epsilon, boolean printMsg) {
        // BEGIN SOLUTION
        double thetaPlus = theta + epsilon;
        double thetaMinus = theta - epsilon;
        double jPlus = forwardPropagation(x, thetaPlus);
        double jMinus = forwardPropagation(x, thetaMinus);
        double gradapprox = (jPlus - jMinus) / (2 * epsilon);
        double grad = backwardPropagation(x, theta);
        double difference = Math.abs(grad - gradapprox) / (Math.abs(grad) + Math.abs(gradapprox));
        if (printMsg) {
            System.out.println((difference > PRINT_THRESHOLD ? MISTAKE_MESSAGE : CORRECT_MESSAGE) + difference);
        }
        return difference;
        // END SOLUTION
    }

    /**
     * Exercise {@code backward_propagation_n}: the corrected backward pass of the three-layer network.
     *
     * <p>Start from the given {@code GradientCheckingGiven.backwardPropagationN} (read its source) and run your
     * {@link #gradientCheckN} on it first: the difference is far too large. Two of its lines are wrong. With
     * dZ3 = A3 − Y, every weight gradient is dWl = (1/m)·dZl·A[l−1]ᵀ (A0 = X), every bias gradient is
     * dbl = (1/m)·Σ over the examples of dZl (keep the column shape), dA[l−1] = Wlᵀ·dZl, and through a ReLU
     * dZl = dAl where Al &gt; 0, else 0. Return the same keys as the given version.
     *
     * <p>About 12 lines. Checked: dW1 … db3 on fixed inputs (non-square layers and a single example too); a
     * gradient check of your result against your cost; each of the two planted mistakes is recognised if left in.
     */
    @Override
    public Grads backwardPropagationN(Matrix x, Matrix y, ThreeLayerCache cache) {
        // BEGIN SOLUTION
        double m = x.cols();
        Matrix dZ3 = cache.a3().subtract(y);
        Matrix dW3 = dZ3.dot(cache.a2().transpose()).multiply(1.0 / m);
        Matrix db3 = dZ3.sum(Axis.COLUMNS, true).multiply(1.0 / m);
        Matrix dA2 = cache.w3().transpose().dot(dZ3);
        Matrix dZ2 = dA2.multiply(cache.a2().greaterThan(0.0));
        Matrix dW2 = dZ2.dot(cache.a1().transpose()).multiply(1.0 / m);
        Matrix db2 = dZ2.sum(Axis.COLUMNS, true).multiply(1.0 / m);
        Matrix dA1 = cache.w2().transpose().dot(dZ2);
        Matrix dZ1 = dA1.multiply(cache.a1().greaterThan(0.0));
        Matrix dW1 = dZ1.dot(x.transpose()).multiply(1.0 / m);
        Matrix db1 = dZ1.sum(Axis.COLUMNS, true).multiply(1.0 / m);
        return Grads.builder().put("dZ3", dZ3).put("dW3", dW3).put("db3", db3).put("dA2", dA2).put("dZ2", dZ2)
                .put("dW2", dW2).put("db2", db2).put("dA1", dA1).put("dZ1", dZ1).put("dW1", dW1).put("db1", db1)
                .build();
        // END SOLUTION
    }

    /**
     * Exercise {@code gradient_check_n}: the same comparison for every parameter of the network.
     *
     * <ol>
     *   <li>θ = all parameters in one column ({@code ParameterVectors.dictionaryToVector}); grad = the gradients in
     *       the same layout ({@code ParameterVectors.gradientsToVector}); n = the number of entries.</li>
     *   <li>For each i: copy θ and add ε to entry i, turn it back into parameters
     *       ({@code ParameterVectors.vectorToDictionary}, with {@code parameters} giving the shapes) and take the
     *       cost J⁺ᵢ from {@code this.forwardPropagationN}; likewise J⁻ᵢ with ε subtracted;
     *       gradapproxᵢ = (J⁺ᵢ − J⁻ᵢ) / (2ε). Never change θ itself: each nudge starts from a fresh copy.</li>
     *   <li>difference = ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖), with {@code Matrix.norm()}.</li>
     * </ol>
     * Print the verdict line as in {@link #gradientCheck} when {@code printMsg} is true.
     *
     * <p>About 20 lines. Checked: the difference for correct gradients (about 1e-7) and for the given, wrong ones
     * (about 0.285 on the course's example); that the forward pass is called twice per parameter; the printed
     * line; that your inputs are left unchanged.
     */
    @Override
    public double gradientCheckN(Parameters parameters, Grads gradients, Matrix x, Matrix y, double epsilon,
                                 boolean printMsg) {
        // BEGIN SOLUTION
        double[] theta = ParameterVectors.dictionaryToVector(parameters).theta().toArray();
        Matrix grad = ParameterVectors.gradientsToVector(gradients);
        int n = theta.length;
        double[] gradapprox = new double[n];
        for (int i = 0; i < n; i++) {
            double[] thetaPlus = theta.clone();
            thetaPlus[i] = thetaPlus[i] + epsilon;
            double jPlus = forwardPropagationN(x, y, ParameterVectors.vectorToDictionary(Matrix.column(thetaPlus),
                    parameters)).cost();
            double[] thetaMinus = theta.clone();
            thetaMinus[i] = thetaMinus[i] - epsilon;
            double jMinus = forwardPropagationN(x, y, ParameterVectors.vectorToDictionary(Matrix.column(thetaMinus),
                    parameters)).cost();
            gradapprox[i] = (jPlus - jMinus) / (2 * epsilon);
        }
        Matrix approx = Matrix.column(gradapprox);
        double difference = grad.subtract(approx).norm() / (grad.norm() + approx.norm());
        if (printMsg) {
            System.out.println((difference > PRINT_THRESHOLD ? MISTAKE_MESSAGE : CORRECT_MESSAGE) + difference);
        }
        return difference;
        // END SOLUTION
    }
}
