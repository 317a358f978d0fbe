package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import dlcourse.course.Initialization;
import dlcourse.data.PlanarDatasets;
import dlcourse.data.PlanarDatasets.TrainTest;
import dlcourse.grader.render.BoundaryPlot;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerNet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Assignment 5's demo, as the course's notebook runs it: the three-layer model [2, 10, 5, 1] on the circles
 * (300 training points, 100 test points), 15000 iterations at learning rate 0.01, once from each initialization:
 * zeros, random (· 10) and He. The course's figures for the reference solution are train / test accuracy 50 / 50 %
 * (the cost stays ln 2), 83 / 86 % (the first cost is infinite) and 99.3 / 96 %.
 *
 * <p>The implementation's own {@code model} trains (always with {@code print_cost = false}); the cost lines, the
 * accuracies and the decision boundaries are produced here from what it returns, with the given prediction. The
 * three runs are independent and train side by side on the available cores ({@link ParallelRuns}).
 */
public final class InitializationDemo implements Demo<Initialization> {

    /** The demo's id, the assignment's id. */
    public static final String ID = "initialization";

    /** The class the demo loads from the exercises, the solutions or a submission. */
    public static final String IMPLEMENTATION_CLASS = "dlcourse.initialization.Initializers";

    /** The course's number of iterations. */
    public static final int NUM_ITERATIONS = 15_000;

    /** The course's learning rate. */
    public static final double LEARNING_RATE = 0.01;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the three-layer model on the circles, " + NUM_ITERATIONS + " iterations at learning rate "
                + LEARNING_RATE + ", from zeros, random and He initial weights";
    }

    @Override
    public Class<Initialization> contract() {
        return Initialization.class;
    }

    @Override
    public String implementationClass() {
        return IMPLEMENTATION_CLASS;
    }

    @Override
    public DemoResult run(Initialization implementation, PrintWriter courseOutput) {
        return run(implementation, PlanarDatasets.initializationCircles(), courseOutput, null);
    }

    /** Also writes the decision boundary of each run as {@code initialization-<name>.svg} into the folder. */
    @Override
    public DemoResult run(Initialization implementation, PrintWriter courseOutput, Path figureDir) {
        return run(implementation, PlanarDatasets.initializationCircles(), courseOutput, figureDir);
    }

    /**
     * Trains from each initialization, in the course's order, with the implementation's {@code model}.
     *
     * @param impl         the implementation
     * @param circles      the training and test points, X (2, m), Y (1, m)
     * @param courseOutput receives the notebook's output: per run the costs of iterations 0, 1000, … and the
     *                     accuracy on the training and the test set
     * @param figureDir    where to write the decision boundaries, or null for none
     * @return runs named {@code zeros}, {@code random}, {@code he}
     * @throws DemoException if the model returns parameters the given forward pass cannot use
     */
    public static DemoResult run(Initialization impl, TrainTest circles, PrintWriter courseOutput, Path figureDir) {
        List<DemoResult.Run> runs = ParallelRuns.run(impl, Initialization.INITIALIZATIONS.size(), courseOutput,
                (model, k, out) -> train(model, Initialization.INITIALIZATIONS.get(k), circles, out, figureDir));
        return new DemoResult(ID, runs);
    }

    private static DemoResult.Run train(Initialization impl, String initialization, TrainTest circles,
                                        PrintWriter courseOutput, Path figureDir) {
        Initialization.Model model = impl.model(circles.train().x(), circles.train().y(), LEARNING_RATE,
                NUM_ITERATIONS, false, initialization);
        List<Double> costs = model.costs();
        for (int k = 0; k < costs.size(); k++) {
            courseOutput.println("Cost after iteration " + k * Initialization.COST_EVERY + ": "
                    + DemoFormat.pythonFloat(costs.get(k)));
        }
        Parameters parameters = model.parameters();
        double train = DemoFormat.accuracy(circles.train().x(), circles.train().y(), parameters, "model");
        double test = DemoFormat.accuracy(circles.test().x(), circles.test().y(), parameters, "model");
        courseOutput.println("On the train set:");
        courseOutput.println("Accuracy: " + DemoFormat.pythonFloat(train));
        courseOutput.println("On the test set:");
        courseOutput.println("Accuracy: " + DemoFormat.pythonFloat(test));
        if (figureDir != null) {
            Path file = figureDir.resolve(ID + "-" + initialization + ".svg");
            writeBoundary("Model with " + initialization + " initialization", circles.train().x(),
                    circles.train().y(), parameters, BoundaryPlot.Bounds.around(circles.train().x()), file);
            courseOutput.println("Decision boundary: " + file);
        }
        courseOutput.flush();
        return new DemoResult.Run(initialization, costs, Initialization.COST_EVERY, train, test);
    }

    /** Draws the given prediction's regions over the points and writes the SVG file. */
    static void writeBoundary(String title, Matrix x, Matrix y, Parameters parameters, BoundaryPlot.Bounds bounds,
                              Path file) {
        try {
            BoundaryPlot.of(title, x, y, points -> ThreeLayerNet.predict(points, parameters), bounds).writeSvg(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
