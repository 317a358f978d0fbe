package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import dlcourse.core.ShapeException;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerNet;

/** What the course 2 demos share: numbers printed as Python prints them, accuracies of the given prediction. */
final class DemoFormat {

    private DemoFormat() {
    }

    /** A float as Python's {@code str} writes it where Java's differs: {@code inf}, {@code -inf}, {@code nan}. */
    static String pythonFloat(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return Double.toString(value);
    }

    /**
     * The fraction of examples the given three-layer prediction labels right.
     *
     * @throws DemoException when the parameters do not fit the data (a wrong shape from the model)
     */
    static double accuracy(Matrix x, Matrix y, Parameters parameters, String function) {
        if (parameters == null) {
            throw new DemoException(function + " returned no parameters");
        }
        try {
            return ThreeLayerNet.accuracy(ThreeLayerNet.predict(x, parameters), y);
        } catch (ShapeException | java.util.NoSuchElementException e) {
            throw new DemoException(function + " returned parameters the three-layer network cannot use: "
                    + e.getMessage());
        }
    }
}
