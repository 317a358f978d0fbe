package dlcourse.course;

import dlcourse.core.Matrix;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import java.util.Objects;

/**
 * Assignment 7: gradient checking. First on a one-parameter "network" J(θ) = θ·x, then on a three-layer
 * LINEAR→RELU→LINEAR→RELU→LINEAR→SIGMOID network whose given backward pass
 * ({@link GradientCheckingGiven#backwardPropagationN}) has two planted mistakes that the check must expose.
 *
 * <p>Shapes in the N-dimensional part: {@code X} is (n[0], m), {@code Y} (1, m); the parameters are {@code W1}
 * (n[1], n[0]), {@code b1} (n[1], 1), {@code W2} (n[2], n[1]), {@code b2} (n[2], 1), {@code W3} (1, n[2]),
 * {@code b3} (1, 1). The course's example has n = [4, 5, 3, 1] and m = 3 (47 parameters).
 */
@CourseName("gradcheck")
public interface GradientChecking {

    /** The course's step for the centred differences. */
    double EPSILON = 1e-7;

    /**
     * A difference below this is what a correct backward pass gives with {@link #EPSILON} (the course's verdict
     * line uses it); a mistake gives a difference many orders of magnitude larger.
     */
    double PRINT_THRESHOLD = 2e-7;

    /** The first words of the line printed for a difference above {@link #PRINT_THRESHOLD}. */
    String MISTAKE_MESSAGE = "There is a mistake in the backward propagation! difference = ";

    /** The first words of the line printed for a difference at or below {@link #PRINT_THRESHOLD}. */
    String CORRECT_MESSAGE = "Your backward propagation works perfectly fine! difference = ";

    /**
     * What the given N-dimensional forward pass returns.
     *
     * @param cost  the cross-entropy cost averaged over the m examples
     * @param cache Z1, A1, W1, b1, … A3, W3, b3 for the backward pass
     */
    record NetworkCost(double cost, ThreeLayerCache cache) {
        /** Rejects a missing cache. */
        public NetworkCost {
            Objects.requireNonNull(cache, "cache");
        }
    }

    /**
     * The one-dimensional forward pass, a linear function of θ.
     *
     * @param x     the input
     * @param theta the parameter θ
     * @return J(θ) = θ·x
     */
    @CourseName("forward_propagation")
    double forwardPropagation(double x, double theta);

    /**
     * The one-dimensional backward pass.
     *
     * @param x     the input
     * @param theta the parameter θ
     * @return dJ/dθ
     */
    @CourseName("backward_propagation")
    double backwardPropagation(double x, double theta);

    /**
     * Compares {@link #backwardPropagation} with the centred difference of {@link #forwardPropagation}.
     *
     * @param x        the input
     * @param theta    the parameter θ
     * @param epsilon  the step ε (the course uses {@link #EPSILON})
     * @param printMsg whether to print the verdict line ({@link #CORRECT_MESSAGE} or {@link #MISTAKE_MESSAGE})
     * @return |grad − gradapprox| / (|grad| + |gradapprox|)
     */
    @CourseName("gradient_check")
    double gradientCheck(double x, double theta, double epsilon, boolean printMsg);

    /**
     * Given (not an exercise): the forward pass of the three-layer network and its cost,
     * {@link GradientCheckingGiven#forwardPropagationN}.
     *
     * @param x          inputs, shape (n[0], m)
     * @param y          labels, shape (1, m)
     * @param parameters W1, b1, W2, b2, W3, b3
     * @return the cost and the cache
     */
    @CourseName("forward_propagation_n")
    default NetworkCost forwardPropagationN(Matrix x, Matrix y, Parameters parameters) {
        return GradientCheckingGiven.forwardPropagationN(x, y, parameters);
    }

    /**
     * The backward pass of the three-layer network, with the given version's two mistakes corrected.
     *
     * @param x     inputs, shape (n[0], m)
     * @param y     labels, shape (1, m)
     * @param cache from {@link #forwardPropagationN}
     * @return at least dW1, db1, dW2, db2, dW3, db3 (shapes of the parameters); the course also returns dZ3, dA2,
     *         dZ2, dA1, dZ1
     */
    @CourseName("backward_propagation_n")
    Grads backwardPropagationN(Matrix x, Matrix y, ThreeLayerCache cache);

    /**
     * Compares gradients with centred differences of {@link #forwardPropagationN}'s cost, one parameter at a time.
     *
     * @param parameters W1, b1, W2, b2, W3, b3, the point to check at
     * @param gradients  dW1, db1, … db3 at that point (from a backward pass under test)
     * @param x          inputs, shape (n[0], m)
     * @param y          labels, shape (1, m)
     * @param epsilon    the step ε (the course uses {@link #EPSILON})
     * @param printMsg   whether to print the verdict line ({@link #CORRECT_MESSAGE} or {@link #MISTAKE_MESSAGE})
     * @return ‖grad − gradapprox‖ / (‖grad‖ + ‖gradapprox‖) over the vector of all parameters
     */
    @CourseName("gradient_check_n")
    double gradientCheckN(Parameters parameters, Grads gradients, Matrix x, Matrix y, double epsilon,
                          boolean printMsg);
}
