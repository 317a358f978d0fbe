package dlcourse.course;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.Tensor;
import dlcourse.nn.Parameters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Assignment 9: programming frameworks — the same kind of network as before, but built with TensorFlow for Java:
 * graphs, placeholders, sessions with feeds and fetches, built-in losses and an optimiser that does the backward
 * pass.
 *
 * <p>Shapes follow the course: {@code X} is (n_x, m) with one flattened image per column (n_x = 64 · 64 · 3 = 12288
 * for SIGNS), {@code Y} is (n_y, m) one-hot (n_y = 6 classes), {@code Z3} is (n_y, m). Every value that crosses into
 * TensorFlow is float32; results come back as {@link Matrix} (double). Functions that receive an {@link Ops} add
 * operations to the caller's graph and run nothing; the others build their own graph, run it in their own session,
 * and close every graph, session and tensor they open.
 */
@CourseName("framework")
public interface ProgrammingFrameworks {

    /** Input size of the SIGNS network: 64 · 64 · 3 pixel values. */
    int N_X = 12288;
    /** Units of the first hidden layer. */
    int N_H1 = 25;
    /** Units of the second hidden layer. */
    int N_H2 = 12;
    /** Classes (hand signs 0 to 5). */
    int N_Y = 6;
    /** The operation-level seed of every Glorot initialiser (the course's {@code xavier_initializer(seed = 1)}). */
    long INIT_SEED = 1;
    /** The mini-batch seed before the first epoch; each epoch first adds 1 (the course's {@code seed = 3}). */
    long MINIBATCH_SEED = 3;
    /** Costs are recorded every this many epochs. */
    int COST_EVERY = 5;
    /** With printing on, the cost is printed every this many epochs. */
    int PRINT_EVERY = 100;

    /**
     * The two placeholders the model is fed through.
     *
     * @param x examples, float32 of shape (n_x, unknown m)
     * @param y one-hot labels, float32 of shape (n_y, unknown m)
     */
    record Placeholders(Placeholder<TFloat32> x, Placeholder<TFloat32> y) {
        /** Rejects missing placeholders. */
        public Placeholders {
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
        }
    }

    /**
     * What the trained model returns.
     *
     * @param parameters    the learned W1, b1, W2, b2, W3, b3 read back from the session, shapes as in
     *                      {@link #initializeParameters}
     * @param costs         the mean mini-batch cost of epochs 0, 5, 10, … ({@value #COST_EVERY} apart)
     * @param trainAccuracy fraction of training examples whose predicted class (argmax of Z3) is right
     * @param testAccuracy  the same on the test set
     */
    record Model(Parameters parameters, List<Double> costs, double trainAccuracy, double testAccuracy) {
        /** Copies the cost list. */
        public Model {
            Objects.requireNonNull(parameters, "parameters");
            costs = List.copyOf(costs);
        }
    }

    /**
     * Y = W·X + b computed by TensorFlow from constants.
     *
     * @param random draws X (3, 1), then W (4, 3), then b (4, 1) with {@code randn}, in this order (the course
     *               seeds it with 1)
     * @return Y, shape (4, 1)
     */
    @CourseName("linear_function")
    Matrix linearFunction(RandomState random);

    /**
     * The sigmoid of one number, computed by feeding a placeholder in a session.
     *
     * @param z the input
     * @return σ(z), float32 precision
     */
    @CourseName("sigmoid")
    double sigmoid(double z);

    /**
     * The sigmoid cross-entropy of every entry, {@code −y·log σ(z) − (1 − y)·log(1 − σ(z))}, computed by TensorFlow
     * from logits fed through placeholders.
     *
     * @param logits z, any shape (r, c)
     * @param labels y of 0/1, the same shape
     * @return the loss of every entry, shape (r, c)
     */
    @CourseName("cost")
    Matrix cost(Matrix logits, Matrix labels);

    /**
     * One-hot encoding with the classes along the rows.
     *
     * @param labels class indices 0 … C−1, shape (1, m)
     * @param c      the number of classes C
     * @return shape (C, m): entry (j, i) is 1 when example i has class j, else 0
     */
    @CourseName("one_hot_matrix")
    Matrix oneHotMatrix(Matrix labels, int c);

    /**
     * A tensor of ones made by TensorFlow.
     *
     * @param shape the dimensions, e.g. {@code 3} or {@code 2, 3}
     * @return ones of that shape
     */
    @CourseName("ones")
    Tensor ones(int... shape);

    /**
     * The model's inputs: float32 placeholders whose number of examples is left open.
     *
     * @param tf the graph to add them to
     * @param nX input size n_x
     * @param nY number of classes n_y
     * @return X of shape (n_x, unknown) and Y of shape (n_y, unknown)
     */
    @CourseName("create_placeholders")
    Placeholders createPlaceholders(Ops tf, int nX, int nY);

    /**
     * The parameters of the SIGNS network as TensorFlow variables: Glorot (Xavier) weights seeded with
     * {@value #INIT_SEED} and zero biases. Their values exist once the session has run the graph's initialisers.
     *
     * @param tf the graph to add them to
     * @return {@code W1} (25, 12288), {@code b1} (25, 1), {@code W2} (12, 25), {@code b2} (12, 1), {@code W3} (6, 12),
     *     {@code b3} (6, 1), in this order
     */
    @CourseName("initialize_parameters")
    Map<String, Variable<TFloat32>> initializeParameters(Ops tf);

    /**
     * LINEAR → RELU → LINEAR → RELU → LINEAR, stopping at the last linear unit.
     *
     * @param tf         the graph to add the operations to
     * @param x          examples, shape (n_x, m)
     * @param parameters {@code W1} (n1, n_x), {@code b1} (n1, 1), {@code W2} (n2, n1), {@code b2} (n2, 1),
     *                   {@code W3} (n_y, n2), {@code b3} (n_y, 1)
     * @return Z3, shape (n_y, m)
     */
    @CourseName("forward_propagation")
    Operand<TFloat32> forwardPropagation(Ops tf, Operand<TFloat32> x,
                                         Map<String, ? extends Operand<TFloat32>> parameters);

    /**
     * The mean over the examples of the softmax cross-entropy between Z3 and the one-hot labels.
     *
     * @param tf the graph to add the operations to
     * @param z3 logits, shape (n_y, m), one column per example
     * @param y  one-hot labels, shape (n_y, m)
     * @return the cost, a scalar
     */
    @CourseName("compute_cost")
    Operand<TFloat32> computeCost(Ops tf, Operand<TFloat32> z3, Operand<TFloat32> y);

    /**
     * The whole model: build the graph once (placeholders, parameters, forward pass, cost, Adam), then train on
     * shuffled mini-batches and measure the accuracy on both sets.
     *
     * @param xTrain        training examples, shape (n_x, m_train), n_x = 12288
     * @param yTrain        one-hot training labels, shape (6, m_train)
     * @param xTest         test examples, shape (n_x, m_test)
     * @param yTest         one-hot test labels, shape (6, m_test)
     * @param learningRate  Adam's learning rate (the course uses 0.0001)
     * @param numEpochs     passes over the training set (the course uses 1500)
     * @param minibatchSize examples per mini-batch (the course uses 32)
     * @param printCost     whether to print the cost every {@value #PRINT_EVERY} epochs and the accuracies
     * @return the learned parameters, the cost every {@value #COST_EVERY} epochs and both accuracies
     */
    @CourseName("model")
    Model model(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest, double learningRate, int numEpochs,
                int minibatchSize, boolean printCost);
}
