package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import dlcourse.course.ShallowNetwork;
import dlcourse.course.ShallowNetwork.Trained;
import dlcourse.data.LabeledData;
import dlcourse.data.PlanarDatasets;
import dlcourse.grader.render.BoundaryPlot;
import dlcourse.nn.LogisticBaseline;
import dlcourse.nn.Parameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Assignment 2's demo, as the course's notebook runs it on the planar data: the given logistic-regression baseline
 * on the flower (47 %), the network with n_h = 4 for 10000 iterations (printing the cost every 1000; 90 %), the
 * hidden-layer sweep n_h = 1, 2, 3, 4, 5, 20, 50 for 5000 iterations each (67.5, 67.25, 90.75, 90.5, 91.25, 90.5,
 * 90.25 %), then the network (n_h = 4, 10000 iterations) on the four extra datasets.
 *
 * <p>Every network is trained and applied by the implementation's own {@code nn_model} and {@code predict}, always
 * with {@code print_cost = false}; the cost lines are printed here from the costs it returns. The flower has no test
 * set, so every run reports training accuracy only. With a figure folder, each run's decision boundary is written
 * there as {@code <run>.png} and {@code <run>.svg}. The runs are independent, so they train (and draw) side by side
 * on the available cores ({@link ParallelRuns}, each thread with its own instance of the implementation); the output
 * and the result are in the course's order all the same.
 *
 * <p>The extra datasets come from {@link PlanarDatasets#extraPlanar()} (noisy circles, noisy moons, gaussian
 * quantiles; the course draws them from numpy's running global generator, whose state depends on which cells ran
 * before, so the generator is fixed to a seed here) and {@link PlanarDatasets#blobsMod2()}.
 */
public final class ShallowDemo implements Demo<ShallowNetwork> {

    /** The demo's id, the assignment's id. */
    public static final String ID = "shallow";

    /** The class the demo loads from the exercises, the solutions or a submission. */
    public static final String IMPLEMENTATION_CLASS = "dlcourse.shallow.Shallow";

    /** Hidden units of the course's main run (and of the runs on the extra datasets). */
    public static final int HIDDEN_SIZE = 4;

    /** Iterations of each run of the hidden-layer sweep. */
    public static final int SWEEP_ITERATIONS = 5000;

    /** The hidden layer sizes the course compares, in its order. */
    public static final List<Integer> SWEEP_SIZES = List.of(1, 2, 3, 4, 5, 20, 50);

    /** Name of the baseline's run. */
    public static final String BASELINE_RUN = "logistic regression";

    /** Names of the runs on the extra datasets, in the course's order. */
    public static final List<String> EXTRA_RUNS = List.of("noisy_circles", "noisy_moons", "blobs",
            "gaussian_quantiles");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "one-hidden-layer network on the planar flower: logistic-regression baseline, n_h = " + HIDDEN_SIZE
                + " for " + ShallowNetwork.NUM_ITERATIONS + " iterations, the sweep n_h = " + SWEEP_SIZES + " ("
                + SWEEP_ITERATIONS + " iterations), then n_h = " + HIDDEN_SIZE + " on " + String.join(", ", EXTRA_RUNS)
                + "; decision boundaries as PNG/SVG";
    }

    @Override
    public Class<ShallowNetwork> contract() {
        return ShallowNetwork.class;
    }

    @Override
    public String implementationClass() {
        return IMPLEMENTATION_CLASS;
    }

    /** Runs the demo on the course's data without writing figures. */
    @Override
    public DemoResult run(ShallowNetwork implementation, PrintWriter courseOutput) {
        return run(implementation, courseOutput, null);
    }

    /** Runs the demo on the course's data and writes every run's decision boundary into {@code figureDir}. */
    @Override
    public DemoResult run(ShallowNetwork implementation, PrintWriter courseOutput, Path figureDir) {
        return run(implementation, PlanarDatasets.flower(), extraDatasets(), courseOutput, figureDir);
    }

    /**
     * The extra datasets in the course's order, each X (2, 200) and Y (1, 200) of 0/1.
     *
     * @return run name → data
     */
    public static Map<String, LabeledData> extraDatasets() {
        PlanarDatasets.ExtraPlanar extra = PlanarDatasets.extraPlanar();
        Map<String, LabeledData> data = new LinkedHashMap<>();
        data.put("noisy_circles", extra.noisyCircles());
        data.put("noisy_moons", extra.noisyMoons());
        data.put("blobs", PlanarDatasets.blobsMod2());
        data.put("gaussian_quantiles", extra.gaussianQuantiles());
        return data;
    }

    /**
     * Runs the course's trainings with the implementation's own functions.
     *
     * @param impl         the implementation; its {@code nnModel} and {@code predict} are called
     * @param flower       the flower, X (2, m) and Y (1, m)
     * @param extras       further datasets, run name → data, each trained with n_h = 4
     * @param courseOutput receives the notebook's output, then a line naming the figure files written
     * @param figureDir    where to write decision boundaries, or {@code null} for none
     * @return the runs: {@code logistic regression}, {@code n_h=4}, {@code sweep n_h=1} … {@code sweep n_h=50}, then
     *     one per extra dataset
     * @throws DemoException if the implementation returns predictions that are not one per example
     */
    public static DemoResult run(ShallowNetwork impl, LabeledData flower, Map<String, LabeledData> extras,
                                 PrintWriter courseOutput, Path figureDir) {
        List<Training> trainings = new ArrayList<>();
        trainings.add(null); // the baseline, run 0
        trainings.add(new Training(runName(HIDDEN_SIZE), "n_h_" + HIDDEN_SIZE, "Hidden layer of size " + HIDDEN_SIZE,
                flower, HIDDEN_SIZE, ShallowNetwork.NUM_ITERATIONS, Kind.MAIN));
        for (int nH : SWEEP_SIZES) {
            trainings.add(new Training("sweep " + runName(nH), "sweep_n_h_" + nH, "Hidden layer of size " + nH,
                    flower, nH, SWEEP_ITERATIONS, Kind.SWEEP));
        }
        for (var extra : extras.entrySet()) {
            trainings.add(new Training(extra.getKey(), extra.getKey(), extra.getKey() + ", hidden layer of size "
                    + HIDDEN_SIZE, extra.getValue(), HIDDEN_SIZE, ShallowNetwork.NUM_ITERATIONS, Kind.EXTRA));
        }
        // the runs are independent: they share the cores (ParallelRuns), the costliest started first
        List<Outcome> outcomes = ParallelRuns.run(impl, startOrder(trainings), courseOutput, (model, k, out) -> k == 0
                ? baseline(flower, out, figureDir) : trainings.get(k).train(model, out, figureDir));
        List<DemoResult.Run> runs = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            runs.add(outcome.run());
            if (outcome.figure() != null) {
                written.add(outcome.figure());
            }
        }
        if (!written.isEmpty()) {
            courseOutput.println();
            courseOutput.println("Decision boundaries (.png and .svg) in " + figureDir + ": "
                    + String.join(", ", written));
        }
        courseOutput.flush();
        return new DemoResult(ID, runs);
    }

    /** The run indices by decreasing estimated work (iterations times a cost growing with n_h); ties in run order. */
    private static int[] startOrder(List<Training> trainings) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < trainings.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingDouble(k -> k == 0 ? 0.0 : -trainings.get(k).work()));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The logistic-regression baseline on the flower, with its line and its figure. */
    private static Outcome baseline(LabeledData flower, PrintWriter courseOutput, Path figureDir) {
        LogisticBaseline baseline = LogisticBaseline.train(flower.x(), flower.y());
        int baselineCorrect = correct(baseline.predict(flower.x()), flower.y(), "the baseline's predictions");
        courseOutput.printf(Locale.ROOT, "Accuracy of logistic regression: %d %% (percentage of correctly labelled"
                + " datapoints)%n", (int) percent(baselineCorrect, flower.examples()));
        DemoResult.Run run = DemoResult.Run.trainOnly(BASELINE_RUN, baseline.costs(), LogisticBaseline.COST_EVERY,
                (double) baselineCorrect / flower.examples());
        return new Outcome(run, writeFigure(figureDir, "logistic_regression", "Logistic regression", flower,
                baseline::predict));
    }

    /** Which part of the notebook a network run belongs to: it decides the lines printed. */
    private enum Kind { MAIN, SWEEP, EXTRA }

    /** One network run: its name, figure, data and settings. */
    private record Training(String name, String file, String title, LabeledData data, int nH, int iterations,
                            Kind kind) {

        /** Relative cost, for the start order: per iteration about a fixed part plus a part per hidden unit. */
        double work() {
            return (double) iterations * (4 + nH);
        }

        Outcome train(ShallowNetwork impl, PrintWriter courseOutput, Path figureDir) {
            Trained trained = impl.nnModel(data.x(), data.y(), nH, iterations, false);
            if (kind == Kind.MAIN) {
                List<Double> costs = trained.costs();
                for (int k = 0; k < costs.size(); k++) {
                    courseOutput.printf(Locale.ROOT, "Cost after iteration %d: %f%n", k * ShallowNetwork.COST_EVERY,
                            costs.get(k));
                }
            }
            int correct = correct(impl.predict(trained.parameters(), data.x()), data.y(), "predict");
            switch (kind) {
                case MAIN -> courseOutput.printf(Locale.ROOT, "Accuracy: %d%%%n",
                        (int) percent(correct, data.examples()));
                case SWEEP -> courseOutput.println("Accuracy for " + nH + " hidden units: "
                        + percent(correct, data.examples()) + " %");
                case EXTRA -> courseOutput.println("Accuracy on " + name + " (n_h = " + HIDDEN_SIZE + "): "
                        + percent(correct, data.examples()) + " %");
                default -> throw new AssertionError(kind);
            }
            return new Outcome(ShallowDemo.run(name, trained, correct, data.examples()),
                    writeFigure(figureDir, file, title, data, predictor(impl, trained.parameters())));
        }
    }

    /** A finished run and the name of its figure files, or null when none were written. */
    private record Outcome(DemoResult.Run run, String figure) {
    }

    /**
     * The name of the network run with this hidden layer size.
     *
     * @param nH e.g. 4
     * @return e.g. {@code n_h=4}
     */
    public static String runName(int nH) {
        return "n_h=" + nH;
    }

    private static DemoResult.Run run(String name, Trained trained, int correct, int m) {
        return DemoResult.Run.trainOnly(name, trained.costs(), ShallowNetwork.COST_EVERY, (double) correct / m);
    }

    private static UnaryOperator<Matrix> predictor(ShallowNetwork impl, Parameters parameters) {
        return points -> impl.predict(parameters, points);
    }

    /** The accuracy in percent, computed as the course does (count / m · 100), so the printed digits agree. */
    private static double percent(int correct, int m) {
        return (double) correct / m * 100;
    }

    /** How many predictions equal their labels, after checking there is one prediction per label. */
    private static int correct(Matrix predictions, Matrix labels, String source) {
        if (predictions == null || !predictions.shape().equals(labels.shape())) {
            throw new DemoException(source + " returned " + (predictions == null ? "null" : "shape "
                    + predictions.shape()) + " but the labels have shape " + labels.shape() + ": expected one"
                    + " prediction per example");
        }
        return (int) Math.round(predictions.equalTo(labels).sum());
    }

    /**
     * Writes a decision boundary as {@code <file>.png} and {@code <file>.svg} into {@code dir}.
     *
     * @return {@code file}, or null when there is no folder (nothing written)
     */
    private static String writeFigure(Path dir, String file, String title, LabeledData data,
                                      UnaryOperator<Matrix> predict) {
        if (dir == null) {
            return null;
        }
        BoundaryPlot plot = BoundaryPlot.of(title, data.x(), data.y(), predict);
        Path png = dir.resolve(file + ".png");
        try {
            plot.writePng(png);
            plot.writeSvg(dir.resolve(file + ".svg"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the decision boundary " + png, e);
        }
        return file;
    }
}
