package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import dlcourse.course.LogisticRegression;
import dlcourse.data.CatImages;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Assignment 1's demo, as the course's notebook runs it: the model on the cat pictures with the default settings
 * (2000 iterations at learning rate 0.005, printing the cost), then the learning-rate comparison (1500 iterations
 * each at 0.01, 0.001 and 0.0001). The course's figures for the reference solution are train / test accuracy
 * 99.04 / 70 %, then 99.52 / 68, 88.99 / 64 and 68.42 / 36 %.
 *
 * <p>Every step is the implementation's own: its {@code flatten_images} prepares the data and its {@code model}
 * trains and predicts. The model is always called with {@code print_cost = false}; the cost lines are printed
 * here from the costs the model returns, so that nothing reaches {@code System.out}.
 */
public final class LogisticDemo implements Demo<LogisticRegression> {

    /** The demo's id, the assignment's id. */
    public static final String ID = "logistic";

    /** The class the demo loads from the exercises, the solutions or a submission. */
    public static final String IMPLEMENTATION_CLASS = "dlcourse.logistic.Logistic";

    /** The course's default number of iterations for {@code model}. */
    public static final int NUM_ITERATIONS = 2000;

    /** The course's default learning rate for {@code model}. */
    public static final double LEARNING_RATE = 0.005;

    /** Iterations of each run of the course's learning-rate comparison. */
    public static final int COMPARISON_ITERATIONS = 1500;

    /** The learning rates the course compares, in its order. */
    public static final List<Double> COMPARISON_LEARNING_RATES = List.of(0.01, 0.001, 0.0001);

    /** The line the course prints between the runs of its learning-rate comparison. */
    private static final String SEPARATOR = "-------------------------------------------------------";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "logistic regression on the cat pictures: " + NUM_ITERATIONS + " iterations at learning rate "
                + plain(LEARNING_RATE) + ", then " + COMPARISON_ITERATIONS + " iterations at each of "
                + String.join(", ", COMPARISON_LEARNING_RATES.stream().map(LogisticDemo::plain).toList());
    }

    @Override
    public Class<LogisticRegression> contract() {
        return LogisticRegression.class;
    }

    @Override
    public String implementationClass() {
        return IMPLEMENTATION_CLASS;
    }

    /** Loads the cat pictures from the standard data directory and runs the demo on them. */
    @Override
    public DemoResult run(LogisticRegression implementation, PrintWriter courseOutput) {
        return run(implementation, CatImages.load(), courseOutput);
    }

    /**
     * Runs the course's four trainings with the implementation's own functions.
     *
     * @param impl         the implementation; its {@code flattenImages} and {@code model} are called
     * @param cats         the cat pictures, train x (m_train, 64, 64, 3) and test x (m_test, 64, 64, 3)
     * @param courseOutput receives the notebook's output: cost lines of the first run, then train and test
     *                     accuracy in percent for every run
     * @return four runs named {@code lr=0.005}, {@code lr=0.01}, {@code lr=0.001}, {@code lr=0.0001}
     * @throws DemoException if the model returns predictions that are not one per example
     */
    public static DemoResult run(LogisticRegression impl, CatImages cats, PrintWriter courseOutput) {
        Matrix xTrain = impl.flattenImages(cats.train().x());
        Matrix xTest = impl.flattenImages(cats.test().x());
        Matrix yTrain = cats.train().y();
        Matrix yTest = cats.test().y();
        List<DemoResult.Run> runs = new ArrayList<>();

        LogisticRegression.Model model = impl.model(xTrain, yTrain, xTest, yTest, NUM_ITERATIONS, LEARNING_RATE,
                false);
        List<Double> costs = model.costs();
        for (int k = 0; k < costs.size(); k++) {
            courseOutput.printf(Locale.ROOT, "Cost after iteration %d: %f%n", k * LogisticRegression.COST_EVERY,
                    costs.get(k));
        }
        runs.add(summarise(runName(LEARNING_RATE), model, yTrain, yTest, courseOutput));

        for (double learningRate : COMPARISON_LEARNING_RATES) {
            courseOutput.println();
            courseOutput.println("learning rate is: " + plain(learningRate));
            LogisticRegression.Model run = impl.model(xTrain, yTrain, xTest, yTest, COMPARISON_ITERATIONS,
                    learningRate, false);
            runs.add(summarise(runName(learningRate), run, yTrain, yTest, courseOutput));
            courseOutput.println();
            courseOutput.println(SEPARATOR);
        }
        courseOutput.flush();
        return new DemoResult(ID, runs);
    }

    /** Prints the run's accuracies as the course does and returns its row. */
    private static DemoResult.Run summarise(String name, LogisticRegression.Model model, Matrix yTrain,
                                            Matrix yTest, PrintWriter courseOutput) {
        double trainError = meanAbsoluteError(model.yPredictionTrain(), yTrain, "Y_prediction_train");
        double testError = meanAbsoluteError(model.yPredictionTest(), yTest, "Y_prediction_test");
        // The course's own formula, so that the printed digits are the notebook's (99.04306220095694).
        courseOutput.println("train accuracy: " + (100 - trainError * 100) + " %");
        courseOutput.println("test accuracy: " + (100 - testError * 100) + " %");
        courseOutput.flush();
        return new DemoResult.Run(name, model.costs(), LogisticRegression.COST_EVERY, 1 - trainError,
                1 - testError);
    }

    /** mean(|prediction − Y|), after checking there is one prediction per label. */
    private static double meanAbsoluteError(Matrix predictions, Matrix labels, String courseName) {
        if (!predictions.shape().equals(labels.shape())) {
            throw new DemoException("model returned " + courseName + " of shape " + predictions.shape()
                    + " but the labels have shape " + labels.shape() + ": expected one prediction per example");
        }
        return predictions.subtract(labels).abs().mean();
    }

    /**
     * The name of the run at this learning rate.
     *
     * @param learningRate e.g. 0.0001
     * @return e.g. {@code lr=0.0001}
     */
    public static String runName(double learningRate) {
        return "lr=" + plain(learningRate);
    }

    /** A learning rate as the course writes it: {@code 0.0001}, not {@code 1.0E-4}. */
    static String plain(double learningRate) {
        return BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString();
    }
}
