package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import dlcourse.core.Tensor;
import dlcourse.course.DeepApplication;
import dlcourse.data.CatImages;
import dlcourse.grader.render.ImageGallery;
import dlcourse.nn.Parameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Assignment 4's demo, as the course's notebook runs it: the two-layer model (12288 → 7 → 1) and the L-layer model
 * ([12288, 20, 7, 5, 1]) trained on the cat pictures for 2500 iterations at learning rate 0.0075, each followed by
 * its accuracy on the training and the test pictures, then the test pictures the L-layer model labels wrongly.
 * The course's figures for the reference solution: two-layer 100 % train / 72 % test (first cost 0.693050),
 * L-layer 98.56 % / 80 % (first cost 0.771749).
 *
 * <p>Every step is the implementation's own: its {@code twoLayerModel} and {@code lLayerModel} train, its
 * {@code predict} labels the pictures. The pictures are flattened to (12288, m) and scaled to 0..1 as in
 * assignment 1. The models are called with {@code print_cost = false}; the cost lines are printed here from the
 * costs they return.
 *
 * <p>The two models are independent and train side by side ({@link ParallelRuns}, each with its own instance of the
 * implementation; the L-layer model, the longer, starts first); their products still split over both cores
 * whenever the other model leaves one free, and the output is printed in the course's order, the same as one model
 * after the other. Measured (whole processes, alternating, idle machine): 18.3-19.4 s against 20.6-22.1 s one
 * after the other.
 */
public final class ApplicationDemo implements Demo<DeepApplication> {

    /** The demo's id, the assignment's id. */
    public static final String ID = "application";
    /** The class the demo loads from the exercises, the solutions or a submission. */
    public static final String IMPLEMENTATION_CLASS = "dlcourse.application.Application";
    /** The course's number of iterations for both models. */
    public static final int NUM_ITERATIONS = 2500;
    /** The course's learning rate for both models. */
    public static final double LEARNING_RATE = 0.0075;
    /** The course's two-layer network. */
    public static final List<Integer> TWO_LAYER_DIMS = List.of(12288, 7, 1);
    /** The course's L-layer network. */
    public static final List<Integer> L_LAYER_DIMS = List.of(12288, 20, 7, 5, 1);
    /** The file the gallery of mislabelled test pictures is written to, in the figure folder. */
    public static final String GALLERY_FILE = "mislabelled.svg";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "the two-layer model " + TWO_LAYER_DIMS + " and the L-layer model " + L_LAYER_DIMS + " on the cat"
                + " pictures, " + NUM_ITERATIONS + " iterations each at learning rate " + LEARNING_RATE
                + ", then the mislabelled test pictures";
    }

    @Override
    public Class<DeepApplication> contract() {
        return DeepApplication.class;
    }

    @Override
    public String implementationClass() {
        return IMPLEMENTATION_CLASS;
    }

    /** Loads the cat pictures and runs the demo without writing figure files. */
    @Override
    public DemoResult run(DeepApplication implementation, PrintWriter courseOutput) {
        return run(implementation, CatImages.load(), NUM_ITERATIONS, courseOutput, null).result();
    }

    /** Loads the cat pictures, runs the demo and writes the gallery of mislabelled test pictures. */
    @Override
    public DemoResult run(DeepApplication implementation, PrintWriter courseOutput, Path figureDir) {
        return run(implementation, CatImages.load(), NUM_ITERATIONS, courseOutput, figureDir).result();
    }

    /**
     * What the demo produced besides its printed output.
     *
     * @param result      the two runs' figures, named {@code two_layer} and {@code L_layer}
     * @param parameters  the L-layer model's learned parameters
     * @param mislabelled indices of the test pictures the L-layer model labels wrongly, ascending
     */
    public record Outcome(DemoResult result, Parameters parameters, List<Integer> mislabelled) {
    }

    /**
     * Trains both models with the implementation's own functions.
     *
     * @param impl         the implementation
     * @param cats         the cat pictures
     * @param iterations   iterations of each model (the course: {@value #NUM_ITERATIONS})
     * @param courseOutput receives the notebook's output
     * @param figureDir    where to write the gallery, or {@code null} for no file
     * @return the figures, the L-layer parameters and its mislabelled test pictures
     * @throws DemoException if a model returns unusable parameters or predictions
     */
    public static Outcome run(DeepApplication impl, CatImages cats, int iterations, PrintWriter courseOutput,
                              Path figureDir) {
        Matrix xTrain = flatten(cats.train().x());
        Matrix xTest = flatten(cats.test().x());
        Matrix yTrain = cats.train().y();
        Matrix yTest = cats.test().y();
        List<Summary> summaries = ParallelRuns.run(impl, new int[] {1, 0}, courseOutput, (model, k, out) -> {
            if (k == 0) {
                DeepApplication.Trained two = model.twoLayerModel(xTrain, yTrain, dims(TWO_LAYER_DIMS),
                        LEARNING_RATE, iterations, false);
                return summarise("two_layer", two, model, xTrain, yTrain, xTest, yTest, out);
            }
            out.println();
            DeepApplication.Trained deep = model.lLayerModel(xTrain, yTrain, dims(L_LAYER_DIMS), LEARNING_RATE,
                    iterations, false);
            return summarise("L_layer", deep, model, xTrain, yTrain, xTest, yTest, out);
        });
        List<DemoResult.Run> runs = summaries.stream().map(Summary::run).toList();
        Summary summary = summaries.get(1);
        double[] p = summary.testPredictions().toArray();
        double[] y = yTest.toArray();
        List<Integer> wrong = IntStream.range(0, p.length).filter(i -> p[i] != y[i]).boxed().toList();
        courseOutput.println();
        courseOutput.println("mislabelled test pictures (L-layer model): " + wrong);
        if (figureDir != null) {
            Path file = figureDir.resolve(GALLERY_FILE);
            try {
                ImageGallery.mislabelled("test pictures the L-layer model labels wrongly", cats.test().x(),
                        summary.testPredictions(), yTest, cats.classes()).writeSvg(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
            courseOutput.println("wrote " + file);
        }
        courseOutput.flush();
        return new Outcome(new DemoResult(ID, runs), summary.parameters(), wrong);
    }

    /** A run's row and its test predictions. */
    private record Summary(DemoResult.Run run, Matrix testPredictions, Parameters parameters) {
    }

    /** Prints the costs and the two accuracies as the course does and returns the run's row. */
    private static Summary summarise(String name, DeepApplication.Trained trained, DeepApplication impl,
                                     Matrix xTrain, Matrix yTrain, Matrix xTest, Matrix yTest,
                                     PrintWriter courseOutput) {
        if (trained == null || trained.parameters() == null) {
            throw new DemoException("the " + name + " model returned no parameters");
        }
        List<Double> costs = trained.costs();
        for (int k = 0; k < costs.size(); k++) {
            courseOutput.printf(Locale.ROOT, "Cost after iteration %d: %f%n", k * DeepApplication.COST_EVERY,
                    costs.get(k));
        }
        double train = accuracy(impl.predict(xTrain, trained.parameters()), yTrain, "training");
        Matrix testPredictions = impl.predict(xTest, trained.parameters());
        double test = accuracy(testPredictions, yTest, "test");
        courseOutput.println("train accuracy: " + train);
        courseOutput.println("test accuracy: " + test);
        courseOutput.flush();
        return new Summary(new DemoResult.Run(name, costs, DeepApplication.COST_EVERY, train, test),
                testPredictions, trained.parameters());
    }

    private static double accuracy(Matrix predictions, Matrix labels, String set) {
        if (predictions == null || !predictions.shape().equals(labels.shape())) {
            throw new DemoException("predict returned " + (predictions == null ? "null" : "shape "
                    + predictions.shape()) + " for the " + set + " pictures; expected " + labels.shape());
        }
        return predictions.equalTo(labels).mean();
    }

    /**
     * Flattens pictures as assignment 1 prepares them.
     *
     * @param images shape (m, 64, 64, 3), values 0..255
     * @return shape (12288, m), column i picture i in (row, column, channel) order, divided by 255
     */
    public static Matrix flatten(Tensor images) {
        return images.reshape(images.dim(0), -1).transpose().toMatrix().divide(255.0);
    }

    private static int[] dims(List<Integer> dims) {
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }
}
