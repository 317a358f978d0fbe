package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.ProgrammingFrameworks;
import dlcourse.data.LabeledImages;
import dlcourse.data.SignsImages;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.tensorflow.TensorFlow;

/**
 * Assignment 9's demo, as the course's notebook runs it: the warm-up functions on the course's examples, then the
 * SIGNS model with the course's settings (Adam at learning rate 0.0001, 1500 epochs of mini-batches of 32).
 *
 * <p>The course trains on {@value SignsImages#TRAIN_FILE} (1080 pictures) and tests on {@value SignsImages#TEST_FILE}
 * (120); it reached about 99.9 % train and 72 % test accuracy. When the training file is absent the demo says so and
 * trains on a stratified split of the test file instead: the first {@value #SPLIT_PER_CLASS} pictures of each class
 * (90) for training, the other 30 for testing. With the reference solution that split reaches 100 % train and about
 * 57 % test accuracy (17 of 30; chance is 1 in 6) in about half a minute on two cores. TensorFlow's initialisers
 * differ from numpy's, so these figures are bands, not the notebook's digits.
 *
 * <p>Every step is the implementation's own. The model is called with {@code print_cost = false} and the cost lines
 * are printed here from the costs it returns, so nothing reaches {@code System.out}.
 */
public final class FrameworkDemo implements Demo<ProgrammingFrameworks> {

    /** The demo's id, the assignment's id. */
    public static final String ID = "framework";

    /** The class the demo loads from the exercises, the solutions or a submission. */
    public static final String IMPLEMENTATION_CLASS = "dlcourse.framework.Frameworks";

    /** The name of the demo's one training run. */
    public static final String RUN = "signs";

    /** Pictures per class that train when the demo falls back to splitting the test file. */
    public static final int SPLIT_PER_CLASS = 15;

    /**
     * How the model is trained.
     *
     * @param learningRate  Adam's learning rate
     * @param numEpochs     passes over the training pictures
     * @param minibatchSize pictures per mini-batch
     * @param splitPerClass training pictures per class when the test file is split
     */
    public record Settings(double learningRate, int numEpochs, int minibatchSize, int splitPerClass) {
    }

    /** The course's settings. */
    public static final Settings COURSE = new Settings(0.0001, 1500, 32, SPLIT_PER_CLASS);

    /** The course prints the cost every this many epochs. */
    private static final int PRINT_EVERY = ProgrammingFrameworks.PRINT_EVERY;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the SIGNS hand-sign classifier in TensorFlow: " + COURSE.numEpochs() + " epochs of Adam (learning rate "
                + COURSE.learningRate() + ", mini-batches of " + COURSE.minibatchSize() + ") on "
                + SignsImages.TRAIN_FILE + ", or on a stratified split of " + SignsImages.TEST_FILE
                + " when the training file is absent";
    }

    @Override
    public Class<ProgrammingFrameworks> contract() {
        return ProgrammingFrameworks.class;
    }

    @Override
    public String implementationClass() {
        return IMPLEMENTATION_CLASS;
    }

    /**
     * Loads SIGNS from the standard data directory and runs the demo with the course's settings.
     *
     * @throws DemoException when TensorFlow's native library cannot be loaded on this platform
     */
    @Override
    public DemoResult run(ProgrammingFrameworks implementation, PrintWriter courseOutput) {
        SignsImages signs = SignsImages.load();
        try {
            TensorFlow.version();
        } catch (LinkageError e) {
            throw new DemoException("TensorFlow's native library could not be loaded on " + System.getProperty(
                    "os.name") + " " + System.getProperty("os.arch") + " (" + e + "); TensorFlow Java 1.1.0 runs on"
                    + " linux-x86_64, linux-arm64, macosx-arm64 and windows-x86_64.");
        }
        return run(implementation, signs, COURSE, courseOutput);
    }

    /**
     * Runs the warm-up functions on the course's examples, then trains the model.
     *
     * @param impl         the implementation; all its functions but the graph-building helpers are called directly
     * @param signs        the SIGNS pictures; without a training set the test set is split
     * @param settings     how to train
     * @param courseOutput receives the notebook's output
     * @return one run named {@value #RUN}: the costs every 5 epochs and both accuracies
     */
    public static DemoResult run(ProgrammingFrameworks impl, SignsImages signs, Settings settings,
                                 PrintWriter courseOutput) {
        courseOutput.println("result = " + impl.linearFunction(new RandomState(1)));
        courseOutput.println("sigmoid(0) = " + impl.sigmoid(0));
        courseOutput.println("sigmoid(12) = " + impl.sigmoid(12));
        courseOutput.println("cost = " + impl.cost(Matrix.row(0.2, 0.4, 0.7, 0.9).sigmoid(), Matrix.row(0, 0, 1, 1)));
        courseOutput.println("one_hot = " + impl.oneHotMatrix(Matrix.row(1, 2, 3, 0, 2, 1), 4));
        courseOutput.println("ones = " + impl.ones(3));
        courseOutput.println();

        LabeledImages trainImages;
        LabeledImages testImages;
        if (signs.hasTrainingSet()) {
            trainImages = signs.train().orElseThrow();
            testImages = signs.test();
            courseOutput.printf(Locale.ROOT, "Training on the %d pictures of %s, testing on the %d of %s.%n",
                    trainImages.examples(), SignsImages.TRAIN_FILE, testImages.examples(), SignsImages.TEST_FILE);
        } else {
            SignsData.Split split = SignsData.split(signs.test(), settings.splitPerClass());
            trainImages = split.train();
            testImages = split.test();
            courseOutput.printf(Locale.ROOT, "%s not found: training on a stratified split of %s, the first %d"
                    + " pictures of each class (%d) for training and the other %d for testing.%n",
                    SignsImages.TRAIN_FILE, SignsImages.TEST_FILE, settings.splitPerClass(), trainImages.examples(),
                    testImages.examples());
        }
        SignsData.Prepared train = SignsData.prepare(trainImages);
        SignsData.Prepared test = SignsData.prepare(testImages);
        courseOutput.printf(Locale.ROOT, "Training %d epochs...%n", settings.numEpochs());
        courseOutput.flush();

        ProgrammingFrameworks.Model model = impl.model(train.x(), train.y(), test.x(), test.y(),
                settings.learningRate(), settings.numEpochs(), settings.minibatchSize(), false);
        if (model == null || model.costs() == null) {
            throw new DemoException("model returned no costs");
        }
        List<Double> costs = model.costs();
        int step = PRINT_EVERY / ProgrammingFrameworks.COST_EVERY;
        for (int k = 0; k < costs.size(); k += step) {
            courseOutput.printf(Locale.ROOT, "Cost after epoch %d: %f%n", k * ProgrammingFrameworks.COST_EVERY,
                    costs.get(k));
        }
        courseOutput.println("Train Accuracy: " + model.trainAccuracy());
        courseOutput.println("Test Accuracy: " + model.testAccuracy());
        courseOutput.flush();
        return new DemoResult(ID, List.of(new DemoResult.Run(RUN, costs, ProgrammingFrameworks.COST_EVERY,
                model.trainAccuracy(), model.testAccuracy())));
    }
}
