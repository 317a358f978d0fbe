package dlcourse.grader.demo;

import dlcourse.core.Matrix;
import dlcourse.core.RandomState;
import dlcourse.course.GradientChecking;
import dlcourse.course.GradientCheckingGiven;
import dlcourse.nn.Grads;
import dlcourse.nn.Parameters;
import dlcourse.nn.ThreeLayerCache;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;

/**
 * Assignment 7's demo, as the course's notebook runs it: the one-dimensional check at x = 2, θ = 4, then the
 * N-dimensional check on the course's example network (seed 1, X (4, 3), Y = [1, 1, 0]) against the given backward
 * pass with its two planted mistakes, and against the implementation's corrected one. The course's figures are a
 * difference of 2.9e-10, then 0.285, then 1.2e-7.
 *
 * <p>Every difference is computed by the implementation's own {@code gradient_check} and {@code gradient_check_n},
 * called with {@code print_msg = false}; the verdict lines are printed here from the returned differences.
 */
public final class GradCheckDemo implements Demo<GradientChecking> {

    /** The demo's id, the assignment's id. */
    public static final String ID = "gradcheck";

    /** The class the demo loads from the exercises, the solutions or a submission. */
    public static final String IMPLEMENTATION_CLASS = "dlcourse.gradcheck.GradCheck";

    /** The course's one-dimensional example. */
    public static final double X = 2;
    /** The course's one-dimensional example. */
    public static final double THETA = 4;
    /** The seed of the course's N-dimensional example. */
    public static final long SEED = 1;

    /** The run names, in the course's order. */
    public static final List<String> RUNS = List.of("1d", "nd_buggy", "nd_fixed");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "gradient checking: J = θ·x at x = 2, θ = 4, then the course's 3-layer example (seed 1) against the"
                + " given backward pass (two planted mistakes) and the corrected one";
    }

    @Override
    public Class<GradientChecking> contract() {
        return GradientChecking.class;
    }

    @Override
    public String implementationClass() {
        return IMPLEMENTATION_CLASS;
    }

    /**
     * Runs the three checks with the implementation's own functions.
     *
     * @param impl         the implementation; its {@code gradientCheck}, {@code backwardPropagationN} and
     *                     {@code gradientCheckN} are called
     * @param courseOutput receives the notebook's verdict line of each check
     * @return three runs named {@code 1d}, {@code nd_buggy}, {@code nd_fixed}, each with its difference
     */
    @Override
    public DemoResult run(GradientChecking impl, PrintWriter courseOutput) {
        double oneD = impl.gradientCheck(X, THETA, GradientChecking.EPSILON, false);
        verdict(courseOutput, oneD);

        Example example = Example.course();
        ThreeLayerCache cache = impl.forwardPropagationN(example.x(), example.y(), example.parameters()).cache();
        Grads given = GradientCheckingGiven.backwardPropagationN(example.x(), example.y(), cache);
        double buggy = impl.gradientCheckN(example.parameters(), given, example.x(), example.y(),
                GradientChecking.EPSILON, false);
        verdict(courseOutput, buggy);

        Grads fixed = impl.backwardPropagationN(example.x(), example.y(), cache);
        if (fixed == null) {
            throw new DemoException("backward_propagation_n returned null");
        }
        double corrected = impl.gradientCheckN(example.parameters(), fixed, example.x(), example.y(),
                GradientChecking.EPSILON, false);
        verdict(courseOutput, corrected);
        courseOutput.flush();
        return new DemoResult(ID, List.of(DemoResult.Run.gradientCheck(RUNS.get(0), oneD),
                DemoResult.Run.gradientCheck(RUNS.get(1), buggy), DemoResult.Run.gradientCheck(RUNS.get(2),
                        corrected)));
    }

    /**
     * The course's N-dimensional example: seed 1, X = randn(4, 3), then W1 (5, 4), b1, W2 (3, 5), b2, W3 (1, 3), b3
     * drawn in that order; Y = [1, 1, 0].
     *
     * @param x          shape (4, 3)
     * @param y          shape (1, 3)
     * @param parameters W1 … b3
     */
    public record Example(Matrix x, Matrix y, Parameters parameters) {
        /** The course's draws. */
        public static Example course() {
            RandomState random = new RandomState(SEED);
            Matrix x = random.randn(4, 3);
            Parameters parameters = Parameters.builder()
                    .put("W1", random.randn(5, 4)).put("b1", random.randn(5, 1))
                    .put("W2", random.randn(3, 5)).put("b2", random.randn(3, 1))
                    .put("W3", random.randn(1, 3)).put("b3", random.randn(1, 1)).build();
            return new Example(x, Matrix.row(1, 1, 0), parameters);
        }
    }

    private static void verdict(PrintWriter out, double difference) {
        out.println((difference > GradientChecking.PRINT_THRESHOLD ? GradientChecking.MISTAKE_MESSAGE
                : GradientChecking.CORRECT_MESSAGE) + pythonRepr(difference));
    }

    /**
     * A double as Python's {@code str} writes it, so the lines read like the notebook's: the shortest digits that
     * round-trip, positional from 1e-4 up to 1e16, otherwise {@code 2.919335883291695e-10}.
     *
     * @param value any double
     * @return e.g. {@code 0.2850931567761623}, {@code 1.1890913024229996e-07}, {@code nan}
     */
    static String pythonRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            BigDecimal mantissa = exact.movePointLeft(exponent);
            String digits = mantissa.toPlainString();
            return (digits.contains(".") ? digits : digits + ".0").replaceFirst("\\.0$", "")
                    + (exponent < 0 ? "e-" : "e+") + String.format(java.util.Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = exact.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
