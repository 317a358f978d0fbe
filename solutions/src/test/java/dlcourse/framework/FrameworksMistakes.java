package dlcourse.framework;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.tf.TfMatrices;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.op.FrameworkOps;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Known wrong versions of the reference solution, one per mistake id of the grader's framework catalog. Their
 * outputs are stored in the fixtures so that a student's identical output can be named. Instructor-only.
 */
public final class FrameworksMistakes {

    private FrameworksMistakes() {
    }

    /** Mistake id → an implementation that makes exactly that mistake. */
    public static Map<String, Frameworks> variants() {
        return Map.of(
                "w_drawn_first", new Frameworks() {
                    @Override
                    public Matrix linearFunction(RandomState random) {
                        Matrix w = random.randn(4, 3);
                        Matrix x = random.randn(3, 1);
                        Matrix b = random.randn(4, 1);
                        return w.dot(x).add(b);
                    }
                },
                "sigmoid_twice", new Frameworks() {
                    @Override
                    public Matrix cost(Matrix logits, Matrix labels) {
                        return sigmoidLoss(logits, labels, true, false);
                    }
                },
                "labels_logits_swapped", new Frameworks() {
                    @Override
                    public Matrix cost(Matrix logits, Matrix labels) {
                        return sigmoidLoss(logits, labels, false, true);
                    }
                },
                "one_hot_wrong_axis", new Frameworks() {
                    @Override
                    public Matrix oneHotMatrix(Matrix labels, int c) {
                        return super.oneHotMatrix(labels, c).transpose();
                    }
                },
                "examples_first", new Frameworks() {
                    @Override
                    public Placeholders createPlaceholders(Ops tf, int nX, int nY) {
                        return new Placeholders(
                                tf.withName("X").placeholder(TFloat32.class,
                                        Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, nX))),
                                tf.withName("Y").placeholder(TFloat32.class,
                                        Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, nY))));
                    }
                },
                "relu_on_z3", new Frameworks() {
                    @Override
                    public Operand<TFloat32> forwardPropagation(Ops tf, Operand<TFloat32> x,
                                                                Map<String, ? extends Operand<TFloat32>> parameters) {
                        return tf.nn.relu(super.forwardPropagation(tf, x, parameters));
                    }
                },
                "sum_instead_of_mean", new Frameworks() {
                    @Override
                    public Operand<TFloat32> computeCost(Ops tf, Operand<TFloat32> z3, Operand<TFloat32> y) {
                        Operand<TFloat32> logits = tf.linalg.transpose(z3, tf.constant(new int[] {1, 0}));
                        Operand<TFloat32> labels = tf.linalg.transpose(y, tf.constant(new int[] {1, 0}));
                        return tf.sum(tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss(), tf.constant(0));
                    }
                },
                "softmax_over_examples", new Frameworks() {
                    @Override
                    public Operand<TFloat32> computeCost(Ops tf, Operand<TFloat32> z3, Operand<TFloat32> y) {
                        return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(z3, y).loss(), tf.constant(0));
                    }
                });
    }

    /** The sigmoid cross-entropy with the logits passed through a sigmoid first, or labels and logits swapped. */
    private static Matrix sigmoidLoss(Matrix logits, Matrix labels, boolean sigmoidFirst, boolean swapped) {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> z = tf.placeholder(TFloat32.class);
            Placeholder<TFloat32> y = tf.placeholder(TFloat32.class);
            Operand<TFloat32> input = sigmoidFirst ? tf.math.sigmoid(z) : z;
            FrameworkOps fops = FrameworkOps.create(tf);
            Operand<TFloat32> loss = swapped ? fops.nn.sigmoidCrossEntropyWithLogits(input, y)
                    : fops.nn.sigmoidCrossEntropyWithLogits(y, input);
            try (TFloat32 zFeed = TfMatrices.tensorOf(logits); TFloat32 yFeed = TfMatrices.tensorOf(labels);
                 Result result = session.runner().feed(z, zFeed).feed(y, yFeed).fetch(loss).run()) {
                return TfMatrices.toMatrix(result.get(0));
            }
        }
    }
}
