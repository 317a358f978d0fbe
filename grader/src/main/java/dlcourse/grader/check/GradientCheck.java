package dlcourse.grader.check;

import dlcourse.core.Matrix;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Gradient checking with the student's own code: centred differences of the student's cost, one parameter entry
 * at a time, against the student's backward pass. Per tensor the relative difference
 * {@code ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖)} must stay below a threshold; the feedback names the tensor, the worst entries and
 * carries a heat map of per-entry relative differences.
 */
public final class GradientCheck {

    /** Step of the centred differences (the course's ε). */
    public static final double EPSILON = 1e-7;
    /** Largest relative difference accepted: the course calls anything below 2e-7 correct; we allow rounding. */
    public static final double THRESHOLD = 1e-6;
    /**
     * Smallest denominator of a heat-map cell: centred differences cannot resolve slopes much below ε²/ε, so two
     * such tiny values are not called "100 % apart".
     */
    static final double HEATMAP_FLOOR = 1e-8;

    private GradientCheck() {
    }

    /**
     * Checks every tensor's analytic gradient against centred differences.
     *
     * @param parameters tensor name → value at which to check (e.g. {@code w}, {@code b} as (1, 1))
     * @param cost       the student's cost as a function of the parameters
     * @param gradients  gradient name ({@code dw}) → the student's analytic gradient for the tensor at the same
     *                   position in {@code parameters}
     * @param hint       what to look at when a gradient is wrong
     */
    public static Verdict check(Map<String, Matrix> parameters, ToDoubleFunction<Map<String, Matrix>> cost,
                                Map<String, Matrix> gradients, String hint) {
        List<String> names = List.copyOf(parameters.keySet());
        List<String> gradNames = List.copyOf(gradients.keySet());
        if (names.size() != gradNames.size()) {
            throw new IllegalArgumentException("one gradient per parameter expected: " + names + " vs " + gradNames);
        }
        double worstDifference = 0;
        for (int t = 0; t < names.size(); t++) {
            String name = names.get(t);
            Matrix value = parameters.get(name);
            Matrix analytic = gradients.get(gradNames.get(t));
            if (analytic == null) {
                throw new CheckFailure(gradNames.get(t) + " is missing from the gradients.");
            }
            if (!analytic.shape().equals(value.shape())) {
                throw new CheckFailure(Feedback.wrongShape(gradNames.get(t), value.shape(), analytic.shape(),
                        "A gradient has the shape of its parameter."));
            }
            double[] numeric = new double[value.size()];
            double[] base = value.toArray();
            for (int i = 0; i < base.length; i++) {
                numeric[i] = (costWith(parameters, name, value, base, i, EPSILON, cost)
                        - costWith(parameters, name, value, base, i, -EPSILON, cost)) / (2 * EPSILON);
            }
            Matrix numericGrad = Matrix.of(value.rows(), value.cols(), numeric);
            double difference = relativeDifference(analytic, numericGrad);
            if (!(difference < THRESHOLD)) {
                double[] a = analytic.toArray();
                double[] cells = new double[a.length];
                int worst = 0;
                double worstGap = -1;
                for (int i = 0; i < a.length; i++) {
                    // the floor keeps entries too small for centred differences to resolve from looking wrong
                    double denom = Math.max(Math.abs(a[i]) + Math.abs(numeric[i]), HEATMAP_FLOOR);
                    double gap = Math.abs(a[i] - numeric[i]);
                    cells[i] = Double.isNaN(gap) ? 1.0 : Math.min(1.0, gap / denom);
                    double rank = Double.isNaN(gap) ? Double.POSITIVE_INFINITY : gap;
                    if (rank > worstGap) {
                        worstGap = rank;
                        worst = i;
                    }
                }
                throw new CheckFailure(Feedback.wrongGradient(gradNames.get(t), difference, THRESHOLD,
                        List.of(worst / value.cols(), worst % value.cols()), a[worst], numeric[worst],
                        Matrix.of(value.rows(), value.cols(), cells), hint));
            }
            worstDifference = Math.max(worstDifference, difference);
        }
        return new Verdict.Passed(String.format(java.util.Locale.ROOT,
                "%s agree with centred differences of your cost (largest relative difference %.1e).",
                String.join(", ", gradNames), worstDifference));
    }

    private static double costWith(Map<String, Matrix> parameters, String name, Matrix value, double[] base, int i,
                                   double step, ToDoubleFunction<Map<String, Matrix>> cost) {
        double[] shifted = base.clone();
        shifted[i] += step;
        Map<String, Matrix> moved = new LinkedHashMap<>(parameters);
        moved.put(name, Matrix.of(value.rows(), value.cols(), shifted));
        return cost.applyAsDouble(moved);
    }

    /** {@code ‖a − b‖ / (‖a‖ + ‖b‖)}, 0 when both are zero; NaN anywhere gives NaN. */
    public static double relativeDifference(Matrix a, Matrix b) {
        double numerator = a.subtract(b).norm();
        double denominator = a.norm() + b.norm();
        return denominator == 0 ? (numerator == 0 ? 0 : Double.POSITIVE_INFINITY) : numerator / denominator;
    }
}
