package dlcourse.grader.demo;

import dlcourse.course.Regularization;
import dlcourse.data.FootballData;
import dlcourse.grader.assignments.RegularizationAssignment;
import dlcourse.nn.Parameters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Assignment 6's demo, as the course's notebook runs it: the three-layer model [2, 20, 3, 1] on the football data
 * (211 training points, 200 test points), 30000 iterations at learning rate 0.3, without regularization, with L2
 * regularization (λ = 0.7) and with dropout (keep_prob = 0.86). The course's figures for the reference solution are
 * train / test accuracy 94.8 / 91.5 %, 93.8 / 93 % and 92.9 / 95 %.
 *
 * <p>The implementation's own {@code model} trains (always with {@code print_cost = false}); the cost lines (every
 * 10000 iterations, as the course prints them), the accuracies and the decision boundaries are produced here from
 * what it returns, with the given prediction. The three runs are independent and train side by side on the
 * available cores ({@link ParallelRuns}).
 */
public final class RegularizationDemo implements Demo<Regularization> {

    /** The demo's id, the assignment's id. */
    public static final String ID = "regularization";

    /** The class the demo loads from the exercises, the solutions or a submission. */
    public static final String IMPLEMENTATION_CLASS = "dlcourse.regularization.RegularizedNet";

    /** The course's number of iterations. */
    public static final int NUM_ITERATIONS = 30_000;

    /** The course's learning rate. */
    public static final double LEARNING_RATE = 0.3;

    /** The course's three runs, in its order. */
    public enum Setting {
        /** No regularization. */
        NONE("none", 0.0, 1.0, "Model without regularization"),
        /** L2 regularization with λ = 0.7. */
        L2("l2", 0.7, 1.0, "Model with L2-regularization"),
        /** Dropout with keep_prob = 0.86. */
        DROPOUT("dropout", 0.0, 0.86, "Model with dropout");

        private final String runName;
        private final double lambd;
        private final double keepProb;
        private final String title;

        Setting(String runName, double lambd, double keepProb, String title) {
            this.runName = runName;
            this.lambd = lambd;
            this.keepProb = keepProb;
            this.title = title;
        }

        /** The run's name in the demo result: {@code none}, {@code l2}, {@code dropout}. */
        public String runName() {
            return runName;
        }

        /** λ of the run. */
        public double lambd() {
            return lambd;
        }

        /** keep_prob of the run. */
        public double keepProb() {
            return keepProb;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the three-layer model on the football data, " + NUM_ITERATIONS + " iterations at learning rate "
                + LEARNING_RATE + ", without regularization, with L2 (lambd 0.7) and with dropout (keep_prob 0.86)";
    }

    @Override
    public Class<Regularization> contract() {
        return Regularization.class;
    }

    @Override
    public String implementationClass() {
        return IMPLEMENTATION_CLASS;
    }

    @Override
    public DemoResult run(Regularization implementation, PrintWriter courseOutput) {
        return run(implementation, FootballData.load(), courseOutput, null);
    }

    /** Also writes the decision boundary of each run as {@code regularization-<name>.svg} into the folder. */
    @Override
    public DemoResult run(Regularization implementation, PrintWriter courseOutput, Path figureDir) {
        return run(implementation, FootballData.load(), courseOutput, figureDir);
    }

    /**
     * Trains with each of the course's settings, in its order, with the implementation's {@code model}.
     *
     * @param impl         the implementation
     * @param football     the training and test points, X (2, m), Y (1, m)
     * @param courseOutput receives the notebook's output: per run the costs of iterations 0, 10000, 20000 and the
     *                     accuracy on the training and the test set
     * @param figureDir    where to write the decision boundaries, or null for none
     * @return runs named {@code none}, {@code l2}, {@code dropout}, with the costs of every 1000th iteration
     * @throws DemoException if the model returns parameters the given forward pass cannot use
     */
    public static DemoResult run(Regularization impl, FootballData football, PrintWriter courseOutput,
                                 Path figureDir) {
        // dropout draws its masks at every iteration and takes longest: start it first
        int[] startOrder = {Setting.DROPOUT.ordinal(), Setting.NONE.ordinal(), Setting.L2.ordinal()};
        List<DemoResult.Run> runs = ParallelRuns.run(impl, startOrder, courseOutput,
                (model, k, out) -> train(model, Setting.values()[k], football, out, figureDir));
        return new DemoResult(ID, runs);
    }

    private static DemoResult.Run train(Regularization impl, Setting setting, FootballData football,
                                        PrintWriter courseOutput, Path figureDir) {
        Regularization.Model model = impl.model(football.train().x(), football.train().y(), LEARNING_RATE,
                NUM_ITERATIONS, false, setting.lambd(), setting.keepProb());
        List<Double> costs = model.costs();
        int printEvery = Regularization.PRINT_EVERY / Regularization.COST_EVERY;
        for (int k = 0; k < costs.size(); k += printEvery) {
            courseOutput.println("Cost after iteration " + k * Regularization.COST_EVERY + ": "
                    + DemoFormat.pythonFloat(costs.get(k)));
        }
        Parameters parameters = model.parameters();
        double train = DemoFormat.accuracy(football.train().x(), football.train().y(), parameters, "model");
        double test = DemoFormat.accuracy(football.test().x(), football.test().y(), parameters, "model");
        courseOutput.println("On the training set:");
        courseOutput.println("Accuracy: " + DemoFormat.pythonFloat(train));
        courseOutput.println("On the test set:");
        courseOutput.println("Accuracy: " + DemoFormat.pythonFloat(test));
        if (figureDir != null) {
            Path file = figureDir.resolve(ID + "-" + setting.runName() + ".svg");
            InitializationDemo.writeBoundary(setting.title, football.train().x(), football.train().y(), parameters,
                    RegularizationAssignment.FIELD_VIEW, file);
            courseOutput.println("Decision boundary: " + file);
        }
        courseOutput.flush();
        return new DemoResult.Run(setting.runName(), costs, Regularization.COST_EVERY, train, test);
    }
}
