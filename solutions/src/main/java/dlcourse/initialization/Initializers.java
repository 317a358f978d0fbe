package dlcourse.initialization;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.Initialization;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import java.util.ArrayList;
import java.util.List;

/**
 * Worksheet for assignment 5: where should a network start?
 *
 * <p>Gradient descent needs a starting point, and for a network with hidden layers that choice matters more than
 * one would think. You will write three ways to pick the first weights and then train the same three-layer network
 * (2 inputs → 10 ReLU units → 5 ReLU units → 1 sigmoid output) from each of them on two noisy circles, one inside
 * the other. One start never learns anything, one learns slowly after a rough beginning, and one separates the
 * circles almost perfectly.
 *
 * <p>Conventions: one example per column; {@code X} is (2, m), {@code Y} is (1, m). Parameters are a
 * {@link Parameters} map keyed exactly like the course's dictionary ({@code W1}, {@code b1}, {@code W2}, …): build
 * one with {@code Parameters.builder().put("W1", w1).put("b1", b1)…build()}. {@code layersDims} lists the size of
 * every layer, input first: {@code {2, 10, 5, 1}} means {@code W1} is (10, 2), {@code W2} (5, 10), {@code W3}
 * (1, 5). {@link dlcourse.core.RandomState} draws exactly the numbers numpy's {@code np.random} draws for the same
 * seed.
 *
 * <p>The forward and backward passes, the cost and the update are given (the {@code default} methods of
 * {@link Initialization}); {@link #model} calls them through {@code this}.
 */
public class Initializers implements Initialization {

    /**
     * Exercise {@code initialize_parameters_zeros}: every weight and bias 0.
     *
     * <p>For each layer l = 1 … L (L is {@code layersDims.length - 1}) put {@code "W" + l}, a zero matrix of
     * shape (n[l], n[l-1]), then {@code "b" + l}, a zero column of shape (n[l], 1). Keep that order.
     *
     * <p>About 5 lines. Checked: keys, shapes and values for networks of several depths, and — in the model — that
     * this start leaves all units of a layer identical forever: every unit computes the same thing, gets the same
     * gradient and takes the same step, so the network is no better than logistic regression.
     */
    @Override
    public Parameters initializeParametersZeros(int[] layersDims) {
        // BEGIN SOLUTION
        Parameters.Builder parameters = Parameters.builder();
        for (int l = 1; l < layersDims.length; l++) {
            parameters.put("W" + l, Matrix.zeros(layersDims[l], layersDims[l - 1]));
            parameters.put("b" + l, Matrix.zeros(layersDims[l], 1));
        }
        return parameters.build();
        // END SOLUTION
    }

    /**
     * Exercise {@code initialize_parameters_random}: large random weights.
     *
     * <p>Make one {@code new RandomState(SEED)} (seed 3) before the loop, then for each layer draw
     * {@code W<l>} with {@code random.randn(n[l], n[l-1])} and multiply it by {@link #RANDOM_SCALE} (10); the
     * biases stay zero. Draw the layers in order, W1 first, so that your numbers are the course's.
     *
     * <p>About 6 lines. Checked: values for several layer lists, and that the weights really have mean 0 and
     * standard deviation about 10 on a large layer. (Weights this large push the sigmoid output to exactly 0 or 1,
     * so the first cost is infinite; training recovers, but slowly.)
     */
    @Override
    public Parameters initializeParametersRandom(int[] layersDims) {
        // BEGIN SOLUTION
        RandomState random = new RandomState(SEED);
        Parameters.Builder parameters = Parameters.builder();
        for (int l = 1; l < layersDims.length; l++) {
            parameters.put("W" + l, random.randn(layersDims[l], layersDims[l - 1]).multiply(RANDOM_SCALE));
            parameters.put("b" + l, Matrix.zeros(layersDims[l], 1));
        }
        return parameters.build();
        // END SOLUTION
    }

    /**
     * Exercise {@code initialize_parameters_he}: random weights scaled to the layer's fan-in (He et al., 2015).
     *
     * <p>As the random initializer (one {@code RandomState(SEED)}, layers in order, zero biases), but scale each
     * {@code randn(n[l], n[l-1])} by {@code sqrt(2 / n[l-1])}, where n[l-1] is the number of inputs of layer l.
     * The factor keeps the variance of a ReLU layer's output about the same as its input's, so signals neither
     * explode nor die out on their way through the network. Careful: {@code 2 / n} with two {@code int}s is integer
     * division in Java.
     *
     * <p>About 6 lines. Checked: values for several layer lists, and that on a large layer the weights' variance is
     * about 2 / n[l-1].
     */
    @Override
    public Parameters initializeParametersHe(int[] layersDims) {
        // BEGIN SOLUTION
        RandomState random = new RandomState(SEED);
        Parameters.Builder parameters = Parameters.builder();
        for (int l = 1; l < layersDims.length; l++) {
            double scale = Math.sqrt(2.0 / layersDims[l - 1]);
            parameters.put("W" + l, random.randn(layersDims[l], layersDims[l - 1]).multiply(scale));
            parameters.put("b" + l, Matrix.zeros(layersDims[l], 1));
        }
        return parameters.build();
        // END SOLUTION
    }

    /**
     * Exercise {@code model}: train the network from the chosen start.
     *
     * <p>The layer sizes are {@code {X.rows(), 10, 5, 1}}. Pick the initializer by name — {@code "zeros"},
     * {@code "random"} or {@code "he"}; throw an {@link IllegalArgumentException} for anything else — and call it
     * through {@code this}. Then repeat {@code numIterations} times, in this order: {@code this.forwardPropagation},
     * {@code this.computeLoss} on the cache's {@code a3()}, {@code this.backwardPropagation},
     * {@code this.updateParameters}. Record the cost of iterations 0, 1000, 2000, … in a list and, when
     * {@code printCost} is true, print each as {@code Cost after iteration 1000: 0.6879825919728063}.
     *
     * <p>About 15 lines. Checked: the learned parameters and costs on small problems (with your initializers
     * replaced by the reference's, so only this method is judged); that the steps are called in the order above;
     * that the zero start keeps the hidden units identical; and a full training run on the circles from the He
     * start must reach the course's accuracy.
     */
    @Override
    public Model model(Matrix x, Matrix y, double learningRate, int numIterations, boolean printCost,
                       String initialization) {
        // BEGIN SOLUTION
        int[] layersDims = {x.rows(), HIDDEN_LAYERS.get(0), HIDDEN_LAYERS.get(1), 1};
        Parameters parameters = switch (initialization) {
            case "zeros" -> initializeParametersZeros(layersDims);
            case "random" -> initializeParametersRandom(layersDims);
            case "he" -> initializeParametersHe(layersDims);
            default -> throw new IllegalArgumentException("unknown initialization \"" + initialization
                    + "\": expected one of " + INITIALIZATIONS);
        };
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < numIterations; i++) {
            ThreeLayerCache cache = forwardPropagation(x, parameters);
            double cost = computeLoss(cache.a3(), y);
            Grads grads = backwardPropagation(x, y, cache);
            parameters = updateParameters(parameters, grads, learningRate);
            if (i % COST_EVERY == 0) {
                costs.add(cost);
                if (printCost) {
                    System.out.println("Cost after iteration " + i + ": " + cost);
                }
            }
        }
        return new Model(parameters, costs);
        // END SOLUTION
    }
}
