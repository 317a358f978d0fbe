package dlcourse.course;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import java.util.List;
import java.util.Objects;

/**
 * Assignment 1: logistic regression as a one-neuron network, trained to tell cat pictures from the rest.
 *
 * <p>Shapes: {@code X} is (n_x, m) with one flattened image per column (n_x = num_px · num_px · 3 = 12288 for the
 * cat data), {@code Y} is (1, m) of 0/1 labels, {@code w} is (n_x, 1) and {@code b} a plain number.
 */
@CourseName("logistic")
public interface LogisticRegression {

    /**
     * The sizes a student reads off the image batches.
     *
     * @param mTrain number of training images
     * @param mTest  number of test images
     * @param numPx  height (= width) of an image in pixels
     */
    record DatasetDimensions(int mTrain, int mTest, int numPx) {
    }

    /**
     * The model's parameters.
     *
     * @param w weights, shape (n_x, 1)
     * @param b bias
     */
    record Parameters(Matrix w, double b) {
        /** Rejects a missing weight matrix. */
        public Parameters {
            Objects.requireNonNull(w, "w");
        }
    }

    /**
     * Gradients of the cost.
     *
     * @param dw dJ/dw, shape (n_x, 1)
     * @param db dJ/db
     */
    record Gradients(Matrix dw, double db) {
        /** Rejects a missing dw. */
        public Gradients {
            Objects.requireNonNull(dw, "dw");
        }
    }

    /**
     * What one forward and backward pass returns.
     *
     * @param grads the gradients
     * @param cost  the cross-entropy cost J
     */
    record Propagation(Gradients grads, double cost) {
        /** Rejects missing gradients. */
        public Propagation {
            Objects.requireNonNull(grads, "grads");
        }
    }

    /**
     * What gradient descent returns.
     *
     * @param params the learned parameters
     * @param grads  the gradients of the last iteration
     * @param costs  the cost recorded every {@value #COST_EVERY} iterations (iteration 0, 100, ...)
     */
    record Optimization(Parameters params, Gradients grads, List<Double> costs) {
        /** Copies the cost list. */
        public Optimization {
            Objects.requireNonNull(params, "params");
            Objects.requireNonNull(grads, "grads");
            costs = List.copyOf(costs);
        }
    }

    /**
     * What the whole model returns.
     *
     * @param costs              the cost every {@value #COST_EVERY} iterations
     * @param yPredictionTest    predictions on the test set, (1, m_test)
     * @param yPredictionTrain   predictions on the training set, (1, m_train)
     * @param params             the learned parameters
     * @param learningRate       the learning rate used
     * @param numIterations      the number of iterations run
     */
    record Model(List<Double> costs, Matrix yPredictionTest, Matrix yPredictionTrain, Parameters params,
                 double learningRate, int numIterations) {
        /** Copies the cost list. */
        public Model {
            costs = List.copyOf(costs);
            Objects.requireNonNull(yPredictionTest, "yPredictionTest");
            Objects.requireNonNull(yPredictionTrain, "yPredictionTrain");
            Objects.requireNonNull(params, "params");
        }
    }

    /** Costs are recorded every this many iterations. */
    int COST_EVERY = 100;

    /**
     * Reads the dataset's sizes off the raw image batches.
     *
     * @param trainImages training images, shape (m_train, num_px, num_px, 3)
     * @param testImages  test images, shape (m_test, num_px, num_px, 3)
     * @return m_train, m_test and num_px
     */
    @CourseName("dataset_dimensions")
    DatasetDimensions datasetDimensions(Tensor trainImages, Tensor testImages);

    /**
     * Flattens a batch of images into one column per image and scales pixel values to [0, 1].
     *
     * @param images shape (m, num_px, num_px, 3), values 0..255
     * @return shape (num_px · num_px · 3, m); column i is image i in (row, column, channel) order, divided by 255
     */
    @CourseName("flatten_images")
    Matrix flattenImages(Tensor images);

    /**
     * The logistic function, elementwise.
     *
     * @param z any shape
     * @return {@code 1 / (1 + e^-z)}, same shape
     */
    @CourseName("sigmoid")
    Matrix sigmoid(Matrix z);

    /**
     * Zero parameters for a model with {@code dim} inputs.
     *
     * @param dim n_x
     * @return w of shape (dim, 1) filled with zeros, and b = 0
     */
    @CourseName("initialize_with_zeros")
    Parameters initializeWithZeros(int dim);

    /**
     * One forward pass (cost) and one backward pass (gradients).
     *
     * @param w weights, shape (n_x, 1)
     * @param b bias
     * @param x examples, shape (n_x, m)
     * @param y labels, shape (1, m)
     * @return dw (n_x, 1), db and the cost
     */
    @CourseName("propagate")
    Propagation propagate(Matrix w, double b, Matrix x, Matrix y);

    /**
     * Gradient descent: {@code numIterations} steps of {@link #propagate} then an update.
     *
     * @param w             initial weights, shape (n_x, 1)
     * @param b             initial bias
     * @param x             examples, shape (n_x, m)
     * @param y             labels, shape (1, m)
     * @param numIterations number of updates
     * @param learningRate  step size α
     * @param printCost     whether to print the cost every 100 iterations
     * @return learned parameters, last gradients, and the costs every 100 iterations
     */
    @CourseName("optimize")
    Optimization optimize(Matrix w, double b, Matrix x, Matrix y, int numIterations, double learningRate,
                          boolean printCost);

    /**
     * Labels the examples with the learned parameters.
     *
     * @param w weights, shape (n_x, 1)
     * @param b bias
     * @param x examples, shape (n_x, m)
     * @return shape (1, m) of 0/1: 1 where the predicted probability is above 0.5
     */
    @CourseName("predict")
    Matrix predict(Matrix w, double b, Matrix x);

    /**
     * The whole model: initialise, optimise, predict on both sets.
     *
     * @param xTrain        training examples, shape (n_x, m_train)
     * @param yTrain        training labels, shape (1, m_train)
     * @param xTest         test examples, shape (n_x, m_test)
     * @param yTest         test labels, shape (1, m_test)
     * @param numIterations number of updates (the course uses 2000)
     * @param learningRate  step size (the course uses 0.005)
     * @param printCost     whether to print the cost every 100 iterations
     * @return costs, predictions on both sets and the learned parameters
     */
    @CourseName("model")
    Model model(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest, int numIterations, double learningRate,
                boolean printCost);
}
