package dlcourse.grader.cli;

import dlcourse.core.Matrix;
import dlcourse.course.DeepApplication;
import dlcourse.course.LogisticRegression;
import dlcourse.data.CatImages;
import dlcourse.grader.demo.ApplicationDemo;
import dlcourse.grader.demo.ClassifyInput;
import dlcourse.grader.demo.DemoException;
import dlcourse.grader.demo.LogisticDemo;
import dlcourse.nn.Parameters;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dlcourse classify <image>}: trains a cat classifier with the course's settings and labels the user's own
 * picture, as the end of the course's notebooks does: assignment 1's logistic regression ({@code --model logistic},
 * 70 % on the test pictures) or assignment 4's L-layer network ({@code --model l_layer}, 80 %).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Trains a cat classifier (the reference solution by default) on the course's 209 pictures and"
                + " says whether your own JPEG or PNG picture shows a cat: assignment 1's logistic regression"
                + " (--model logistic, 70 %% test accuracy) or assignment 4's L-layer network (--model l_layer,"
                + " 80 %%).",
            "The picture is resized to 64 x 64 pixels (bicubic) without keeping its aspect ratio, as the course"
                + " does."})
public final class ClassifyCommand implements Callable<Integer> {

    @CommandLine.Parameters(index = "0", paramLabel = "<image>", description = "A JPEG or PNG picture.")
    private Path image;

    @CommandLine.Option(names = "--impl", defaultValue = "solutions", paramLabel = "exercises|solutions|<dir>",
            description = "Whose code to train (default: ${DEFAULT-VALUE}).")
    private String impl;

    @CommandLine.Option(names = "--model", defaultValue = "logistic", paramLabel = "logistic|l_layer",
            description = "Which classifier to train: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private Model model;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The classifiers {@code --model} chooses from. */
    enum Model {
        /** Assignment 1: logistic regression, 2000 iterations at learning rate 0.005. */
        logistic,
        /** Assignment 4: the L-layer network [12288, 20, 7, 5, 1], 2500 iterations at learning rate 0.0075. */
        l_layer
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Only off-screen images are used; never try to reach a display.
        System.setProperty("java.awt.headless", "true");
        Matrix x;
        try {
            x = ClassifyInput.column(image);
        } catch (ClassifyInput.UnreadablePictureException e) {
            err.println("dlcourse classify: " + e.getMessage());
            return DemoCommand.FAILED;
        }
        try {
            out.println(classify(x, out));
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            String message = DemoCommand.explain(e, "classify", impl).orElseThrow(() -> e);
            err.println(message);
            return DemoCommand.FAILED;
        }
    }

    /** Trains the implementation's model and returns the verdict line for the picture column {@code x}. */
    private String classify(Matrix x, PrintWriter out) {
        URLClassLoader loader = DemoCommand.loader(impl);
        try (loader) {
            return model == Model.l_layer ? classifyDeep(loader, x, out) : classifyLogistic(loader, x, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the class loader of --impl " + impl, e);
        }
    }

    private String classifyLogistic(URLClassLoader loader, Matrix x, PrintWriter out) {
        LogisticRegression logistic = DemoCommand.instantiate(loader, LogisticDemo.IMPLEMENTATION_CLASS,
                LogisticRegression.class, impl);
        CatImages cats = CatImages.load();
        Matrix xTrain = logistic.flattenImages(cats.train().x());
        Matrix xTest = logistic.flattenImages(cats.test().x());
        out.printf(Locale.ROOT, "training the model on the %d cat pictures (%d iterations, learning rate %s)...%n",
                cats.train().examples(), LogisticDemo.NUM_ITERATIONS, LogisticDemo.LEARNING_RATE);
        out.flush();
        LogisticRegression.Parameters params = logistic.model(xTrain, cats.train().y(), xTest, cats.test().y(),
                LogisticDemo.NUM_ITERATIONS, LogisticDemo.LEARNING_RATE, false).params();
        double probabilityOfCat = logistic.sigmoid(params.w().transpose().dot(x).add(params.b())).item();
        double label = logistic.predict(params.w(), params.b(), x).item();
        return verdict(label, probabilityOfCat, cats);
    }

    private String classifyDeep(URLClassLoader loader, Matrix x, PrintWriter out) {
        DeepApplication deep = DemoCommand.instantiate(loader, ApplicationDemo.IMPLEMENTATION_CLASS,
                DeepApplication.class, impl);
        CatImages cats = CatImages.load();
        out.printf(Locale.ROOT, "training the L-layer model %s on the %d cat pictures (%d iterations, learning rate"
                        + " %s)...%n", ApplicationDemo.L_LAYER_DIMS, cats.train().examples(),
                ApplicationDemo.NUM_ITERATIONS, ApplicationDemo.LEARNING_RATE);
        out.flush();
        Parameters params = deep.lLayerModel(ApplicationDemo.flatten(cats.train().x()), cats.train().y(),
                ApplicationDemo.L_LAYER_DIMS.stream().mapToInt(Integer::intValue).toArray(),
                ApplicationDemo.LEARNING_RATE, ApplicationDemo.NUM_ITERATIONS, false).parameters();
        double probabilityOfCat = deep.lModelForward(x, params).al().item();
        double label = deep.predict(x, params).item();
        return verdict(label, probabilityOfCat, cats);
    }

    /**
     * The course's answer line, e.g. {@code y = 1: the model says "cat" (probability 0.93)}; the probability is
     * that of the class the model says.
     */
    static String verdict(double label, double probabilityOfCat, CatImages cats) {
        if (label != 0 && label != 1) {
            throw new DemoException("predict returned " + label + " for the picture; expected"
                    + " 0 or 1");
        }
        int y = (int) label;
        double probability = y == 1 ? probabilityOfCat : 1 - probabilityOfCat;
        return String.format(Locale.ROOT, "y = %d: the model says \"%s\" (probability %.2f)", y,
                cats.classes().get(y), probability);
    }
}
