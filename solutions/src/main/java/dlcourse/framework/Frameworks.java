package dlcourse.framework;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.core.Tensor;
import dlcourse.course.ProgrammingFrameworks;
import dlcourse.nn.Parameters;
import dlcourse.tf.TfMatrices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.initializers.Glorot;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.framework.op.FrameworkOps;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.OneHot;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Worksheet for assignment 9: a hand-sign classifier written with TensorFlow for Java.
 *
 * <p>Until now you wrote every forward and backward step yourself. A framework turns this around: you describe the
 * computation as a <em>graph</em> of operations, and TensorFlow evaluates it, differentiates it and updates the
 * parameters. Working with TensorFlow always has the same rhythm:
 * <ol>
 *   <li>create a {@code Graph} and an {@link Ops} for it ({@code Ops tf = Ops.create(graph)}): every {@code tf.…}
 *       call adds an operation to the graph and computes nothing yet;</li>
 *   <li>leave holes for data with placeholders ({@code tf.placeholder(TFloat32.class, …)});</li>
 *   <li>open a {@code Session} on the graph and run it: {@code session.runner().feed(placeholder, tensor)
 *       .fetch(operand).run()} returns a {@code Result} holding the fetched tensors.</li>
 * </ol>
 * Graphs, sessions, tensors and results hold native memory that Java's garbage collector does not track: open each
 * one in a try-with-resources statement so that it is closed however the method ends. The grader checks it.
 *
 * <p>The operations live in groups, as in Python: {@code tf.math} (add, sigmoid, mean, argMax, equal),
 * {@code tf.linalg} (matMul, transpose), {@code tf.nn} (relu, softmax cross-entropy), {@code tf.dtypes} (cast).
 * A few more live in {@code FrameworkOps.create(tf)} (the tensorflow-framework library), e.g. the sigmoid
 * cross-entropy under {@code .nn}. {@link TfMatrices} (given) turns a {@link Matrix} into a
 * float32 tensor or constant and a fetched tensor back into a {@link Matrix}.
 *
 * <p>Where the classes live (your IDE adds the imports): {@code org.tensorflow} (Graph, Session, Result, Operand),
 * {@code org.tensorflow.op} (Ops, Op), {@code org.tensorflow.op.core} (Placeholder, Variable, OneHot),
 * {@code org.tensorflow.types} (TFloat32), {@code org.tensorflow.ndarray} (Shape), and from tensorflow-framework
 * {@code org.tensorflow.framework.op} (FrameworkOps), {@code org.tensorflow.framework.initializers} (Glorot,
 * VarianceScaling), {@code org.tensorflow.framework.optimizers} (Adam).
 *
 * <p>Fill in the methods in order; {@code model} calls the earlier ones through {@code this}, and the grader checks
 * that it does.
 */
public class Frameworks implements ProgrammingFrameworks {

    /**
     * Exercise {@code linear_function}: your first graph, Y = W·X + b.
     *
     * <p>Draw the inputs first, in this order: X = randn(3, 1), W = randn(4, 3), b = randn(4, 1) from {@code random}.
     * Turn each into a constant with {@link TfMatrices#constant}, combine them with {@code tf.linalg.matMul} and
     * {@code tf.math.add}, then run the graph in a session, fetch Y and read it back with
     * {@link TfMatrices#toMatrix}. Before the session runs, Y is only a description: printing it shows an operand,
     * not numbers.
     *
     * <p>About 10 lines. Checked: Y for several seeds (float32 precision), and that nothing is left open.
     */
    @Override
    public Matrix linearFunction(RandomState random) {
        // BEGIN SOLUTION
        Matrix x = random.randn(3, 1);
        Matrix w = random.randn(4, 3);
        Matrix b = random.randn(4, 1);
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> y = tf.math.add(tf.linalg.matMul(TfMatrices.constant(tf, w),
                    TfMatrices.constant(tf, x)), TfMatrices.constant(tf, b));
            try (Result result = session.runner().fetch(y).run()) {
                return TfMatrices.toMatrix(result.get(0));
            }
        }
        // END SOLUTION
    }

    /**
     * Exercise {@code sigmoid}: feeding a placeholder.
     *
     * <p>A placeholder is an input whose value is only given when the graph runs. Create a float32 placeholder
     * ({@code tf.placeholder(TFloat32.class)}), apply {@code tf.math.sigmoid} to it, and run the graph feeding the
     * placeholder with {@code TFloat32.scalarOf((float) z)}. The fed tensor is yours: close it too.
     *
     * <p>About 8 lines. Checked: σ(0) = 0.5, σ(12) ≈ 0.999994 and other values; nothing left open.
     */
    @Override
    public double sigmoid(double z) {
        // BEGIN SOLUTION
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class);
            Operand<TFloat32> sigmoid = tf.math.sigmoid(x);
            try (TFloat32 feed = TFloat32.scalarOf((float) z);
                 Result result = session.runner().feed(x, feed).fetch(sigmoid).run()) {
                return TfMatrices.toDouble(result.get(0));
            }
        }
        // END SOLUTION
    }

    /**
     * Exercise {@code cost}: a built-in loss.
     *
     * <p>TensorFlow computes the sigmoid cross-entropy straight from the logits z (before any sigmoid) in a
     * numerically safe way: {@code FrameworkOps.create(tf).nn.sigmoidCrossEntropyWithLogits(labels, logits)}. Mind
     * the order of its arguments — labels first. Feed the logits and the labels through two float32 placeholders
     * ({@link TfMatrices#tensorOf} makes the tensors) and return the loss of every entry.
     *
     * <p>About 12 lines. Checked: values on the course's example and on random inputs; passing z through a sigmoid
     * first and swapping labels and logits are recognised; nothing left open.
     */
    @Override
    public Matrix cost(Matrix logits, Matrix labels) {
        // BEGIN SOLUTION
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> z = tf.withName("z").placeholder(TFloat32.class);
            Placeholder<TFloat32> y = tf.withName("y").placeholder(TFloat32.class);
            Operand<TFloat32> loss = FrameworkOps.create(tf).nn.sigmoidCrossEntropyWithLogits(y, z);
            try (TFloat32 zFeed = TfMatrices.tensorOf(logits); TFloat32 yFeed = TfMatrices.tensorOf(labels);
                 Result result = session.runner().feed(z, zFeed).feed(y, yFeed).fetch(loss).run()) {
                return TfMatrices.toMatrix(result.get(0));
            }
        }
        // END SOLUTION
    }

    /**
     * Exercise {@code one_hot_matrix}: labels 0 … C−1 to columns of zeros with a single 1.
     *
     * <p>Copy the labels into an {@code int[]}, then use {@code tf.oneHot(indices, depth, onValue, offValue,
     * OneHot.axis(0L))} with {@code tf.constant(…)} for each argument (on 1f, off 0f). The axis matters: by default
     * TensorFlow adds the class axis last, which gives (m, C); the course wants one example per column, (C, m).
     *
     * <p>About 10 lines. Checked: the course's example and random labels; the transposed result is recognised.
     */
    @Override
    public Matrix oneHotMatrix(Matrix labels, int c) {
        // BEGIN SOLUTION
        int[] indices = new int[labels.cols()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = (int) labels.get(0, i);
        }
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> oneHot = tf.oneHot(tf.constant(indices), tf.constant(c), tf.constant(1f),
                    tf.constant(0f), OneHot.axis(0L));
            try (Result result = session.runner().fetch(oneHot).run()) {
                return TfMatrices.toMatrix(result.get(0));
            }
        }
        // END SOLUTION
    }

    /**
     * Exercise {@code ones}: a tensor of ones of any shape.
     *
     * <p>{@code tf.ones(dims, TFloat32.class)} takes the shape as an operand ({@code tf.constant(shape)}). Run it and
     * read the result with {@link TfMatrices#toTensor}.
     *
     * <p>About 6 lines. Checked: shapes of rank 1 to 3; nothing left open.
     */
    @Override
    public Tensor ones(int... shape) {
        // BEGIN SOLUTION
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> ones = tf.ones(tf.constant(shape), TFloat32.class);
            try (Result result = session.runner().fetch(ones).run()) {
                return TfMatrices.toTensor(result.get(0));
            }
        }
        // END SOLUTION
    }

    /**
     * Exercise {@code create_placeholders}: the model's two inputs.
     *
     * <p>Both are float32. X has n_x rows and Y has n_y rows; the number of columns (examples) stays open so that
     * the same graph takes a mini-batch during training and a whole set when measuring accuracy:
     * {@code Placeholder.shape(Shape.of(nX, Shape.UNKNOWN_SIZE))}. Name them {@code "X"} and {@code "Y"}
     * ({@code tf.withName("X").placeholder(…)}). This method only adds to the graph it is given: no session.
     *
     * <p>About 4 lines. Checked: the shapes (n_x, −1) and (n_y, −1) and the type; the shape (−1, n_x) is recognised.
     */
    @Override
    public Placeholders createPlaceholders(Ops tf, int nX, int nY) {
        // BEGIN SOLUTION
        Placeholder<TFloat32> x = tf.withName("X").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(nX, Shape.UNKNOWN_SIZE)));
        Placeholder<TFloat32> y = tf.withName("Y").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(nY, Shape.UNKNOWN_SIZE)));
        return new Placeholders(x, y);
        // END SOLUTION
    }

    /**
     * Exercise {@code initialize_parameters}: variables with Glorot weights.
     *
     * <p>A variable keeps its value between runs of the session, which is what lets the optimiser update it. Create
     * each one with {@code tf.withName("W1").variable(initialValue)}; the session computes the initial values when
     * it is initialised. Weights: {@code new Glorot<TFloat32>(VarianceScaling.Distribution.TRUNCATED_NORMAL,
     * INIT_SEED).call(tf, tf.constant(new long[] {rows, cols}), TFloat32.class)} — Glorot (also called Xavier)
     * scales the spread to 2 / (fan_in + fan_out) so that signals neither fade nor blow up through the layers.
     * (TensorFlow Java 1.1.0's {@code Distribution.UNIFORM} draws only from [0, limit): every weight positive. Use
     * the truncated normal.) Biases: {@code tf.zeros(tf.constant(new long[] {rows, 1}), TFloat32.class)}.
     *
     * <p>Sizes: W1 (25, 12288), b1 (25, 1), W2 (12, 25), b2 (12, 1), W3 (6, 12), b3 (6, 1); return them in this
     * order under these keys. About 10 lines. Checked: shapes, zero biases, and the weights' statistics (centred on
     * 0, Glorot's spread and range).
     */
    @Override
    public Map<String, Variable<TFloat32>> initializeParameters(Ops tf) {
        // BEGIN SOLUTION
        Glorot<TFloat32> glorot = new Glorot<>(VarianceScaling.Distribution.TRUNCATED_NORMAL, INIT_SEED);
        int[] sizes = {N_X, N_H1, N_H2, N_Y};
        Map<String, Variable<TFloat32>> parameters = new LinkedHashMap<>();
        for (int l = 1; l < sizes.length; l++) {
            Operand<TFloat32> weights = glorot.call(tf, tf.constant(new long[] {sizes[l], sizes[l - 1]}),
                    TFloat32.class);
            parameters.put("W" + l, tf.withName("W" + l).variable(weights));
            parameters.put("b" + l, tf.withName("b" + l).variable(tf.zeros(tf.constant(new long[] {sizes[l], 1}),
                    TFloat32.class)));
        }
        return parameters;
        // END SOLUTION
    }

    /**
     * Exercise {@code forward_propagation}: the network as operations.
     *
     * <p>Z1 = W1·X + b1, A1 = relu(Z1), Z2 = W2·A1 + b2, A2 = relu(Z2), Z3 = W3·A2 + b3 — with
     * {@code tf.linalg.matMul}, {@code tf.math.add} and {@code tf.nn.relu}. Stop at Z3: the cost applies the softmax
     * itself. Nothing runs here; you return the operand Z3.
     *
     * <p>About 6 lines. Checked: Z3 for fixed parameters and inputs; an extra relu on Z3 is recognised.
     */
    @Override
    public Operand<TFloat32> forwardPropagation(Ops tf, Operand<TFloat32> x,
                                                Map<String, ? extends Operand<TFloat32>> parameters) {
        // BEGIN SOLUTION
        Operand<TFloat32> z1 = tf.math.add(tf.linalg.matMul(parameters.get("W1"), x), parameters.get("b1"));
        Operand<TFloat32> a1 = tf.nn.relu(z1);
        Operand<TFloat32> z2 = tf.math.add(tf.linalg.matMul(parameters.get("W2"), a1), parameters.get("b2"));
        Operand<TFloat32> a2 = tf.nn.relu(z2);
        return tf.math.add(tf.linalg.matMul(parameters.get("W3"), a2), parameters.get("b3"));
        // END SOLUTION
    }

    /**
     * Exercise {@code compute_cost}: softmax cross-entropy, averaged over the examples.
     *
     * <p>{@code tf.nn.softmaxCrossEntropyWithLogits(logits, labels)} expects one example per <em>row</em>, (m, C),
     * and its {@code loss()} output holds one loss per example. Ours are columns, so transpose both first with
     * {@code tf.linalg.transpose(a, tf.constant(new int[] {1, 0}))} — otherwise the softmax runs across the
     * examples instead of across the classes. Then average the losses with {@code tf.math.mean} over axis 0.
     *
     * <p>About 4 lines. Checked: the cost for fixed Z3 and Y; a sum instead of the mean and the softmax over the wrong
     * axis are recognised.
     */
    @Override
    public Operand<TFloat32> computeCost(Ops tf, Operand<TFloat32> z3, Operand<TFloat32> y) {
        // BEGIN SOLUTION
        Operand<TFloat32> logits = tf.linalg.transpose(z3, tf.constant(new int[] {1, 0}));
        Operand<TFloat32> labels = tf.linalg.transpose(y, tf.constant(new int[] {1, 0}));
        return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss(), tf.constant(0));
        // END SOLUTION
    }

    /**
     * Exercise {@code model}: build once, train many times.
     *
     * <p>In one graph: {@code this.createPlaceholders} (n_x and n_y from the data), {@code this.initializeParameters},
     * {@code this.forwardPropagation} on the X placeholder, {@code this.computeCost} with the Y placeholder, and
     * {@code new Adam(graph, (float) learningRate).minimize(cost)} — the operation that, when run, computes every
     * gradient and updates every variable. Also build the accuracy: the mean of
     * {@code cast(equal(argMax(Z3, 0), argMax(Y, 0)), TFloat32.class)}. Build all of this once, before training: a
     * graph that grows in the loop gets slower every step.
     *
     * <p>Then open a session, call {@code session.initialize()} (computes the initial values of the variables), and
     * for each epoch: add 1 to a seed that starts at {@value #MINIBATCH_SEED}, cut the training set into
     * {@link MiniBatches#random} with it, and run the Adam operation ({@code addTarget}) on each batch while fetching
     * the cost; the epoch's cost is the mean of its batch costs. Record it every {@value #COST_EVERY} epochs
     * (epoch 0, 5, …); with {@code printCost} print {@code Cost after epoch 100: 0.123456} every
     * {@value #PRINT_EVERY} epochs. Every tensor you feed or fetch is closed before the next batch.
     *
     * <p>Finally fetch the variables' values into a {@code Parameters} (W1, b1, …, b3) and run the accuracy on the
     * whole training set and the whole test set (with {@code printCost}, print {@code Train Accuracy: 0.98} and
     * {@code Test Accuracy: 0.7}). About 45 lines. Checked: the helpers are called once each, in order; a short
     * training run on SIGNS pictures lowers the cost; nothing left open.
     */
    @Override
    public Model model(Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest, double learningRate, int numEpochs,
                       int minibatchSize, boolean printCost) {
        // BEGIN SOLUTION
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholders inputs = createPlaceholders(tf, xTrain.rows(), yTrain.rows());
            Map<String, Variable<TFloat32>> parameters = initializeParameters(tf);
            Operand<TFloat32> z3 = forwardPropagation(tf, inputs.x(), parameters);
            Operand<TFloat32> cost = computeCost(tf, z3, inputs.y());
            Op adam = new Adam(graph, (float) learningRate).minimize(cost);
            Operand<TFloat32> accuracy = tf.math.mean(tf.dtypes.cast(tf.math.equal(
                    tf.math.argMax(z3, tf.constant(0)), tf.math.argMax(inputs.y(), tf.constant(0))), TFloat32.class),
                    tf.constant(0));
            try (Session session = new Session(graph)) {
                session.initialize();
                List<Double> costs = new ArrayList<>();
                long seed = MINIBATCH_SEED;
                for (int epoch = 0; epoch < numEpochs; epoch++) {
                    seed++;
                    List<MiniBatches.Batch> batches = MiniBatches.random(xTrain, yTrain, minibatchSize, seed);
                    double epochCost = 0;
                    for (MiniBatches.Batch batch : batches) {
                        try (TFloat32 x = TfMatrices.tensorOf(batch.x()); TFloat32 y = TfMatrices.tensorOf(batch.y());
                             Result result = session.runner().feed(inputs.x(), x).feed(inputs.y(), y).addTarget(adam)
                                     .fetch(cost).run()) {
                            epochCost += TfMatrices.toDouble(result.get(0)) / batches.size();
                        }
                    }
                    if (printCost && epoch % PRINT_EVERY == 0) {
                        System.out.printf("Cost after epoch %d: %f%n", epoch, epochCost);
                    }
                    if (epoch % COST_EVERY == 0) {
                        costs.add(epochCost);
                    }
                }
                Parameters.Builder learned = Parameters.builder();
                for (Map.Entry<String, Variable<TFloat32>> entry : parameters.entrySet()) {
                    try (Result result = session.runner().fetch(entry.getValue()).run()) {
                        learned.put(entry.getKey(), TfMatrices.toMatrix(result.get(0)));
                    }
                }
                double trainAccuracy = evaluate(session, accuracy, inputs, xTrain, yTrain);
                double testAccuracy = evaluate(session, accuracy, inputs, xTest, yTest);
                if (printCost) {
                    System.out.println("Train Accuracy: " + trainAccuracy);
                    System.out.println("Test Accuracy: " + testAccuracy);
                }
                return new Model(learned.build(), costs, trainAccuracy, testAccuracy);
            }
        }
        // END SOLUTION
    }

    /** Given: runs {@code accuracy} with the whole set fed through the placeholders. */
    private static double evaluate(Session session, Operand<TFloat32> accuracy, Placeholders inputs, Matrix x,
                                   Matrix y) {
        try (TFloat32 xFeed = TfMatrices.tensorOf(x); TFloat32 yFeed = TfMatrices.tensorOf(y);
             Result result = session.runner().feed(inputs.x(), xFeed).feed(inputs.y(), yFeed).fetch(accuracy).run()) {
            return TfMatrices.toDouble(result.get(0));
        }
    }
}
