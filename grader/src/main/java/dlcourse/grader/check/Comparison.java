package dlcourse.grader.check;

import dlcourse.core.Matrix;
import dlcourse.core.Shape;
import java.util.List;
import java.util.Optional;

/** Compares a student's value with an expected one under a tolerance and describes the first difference. */
public final class Comparison {

    private Comparison() {
    }

    /** Whether {@code got} matches {@code expected} (same kind, shape and values within the tolerance). */
    public static boolean matches(Object expected, Object got, Tolerance tolerance) {
        return compare("value", expected, got, tolerance, null, null).isEmpty();
    }

    /**
     * The failure describing how {@code got} differs from {@code expected}, or empty when it matches.
     *
     * @param name      the output's name in feedback ({@code dw})
     * @param hint      a hint for this output, or null
     * @param diagnosis the recognised mistake, or null
     */
    public static Optional<Verdict.Failed> compare(String name, Object expected, Object got, Tolerance tolerance,
                                                   String hint, String diagnosis) {
        if (got == null) {
            return Optional.of(new Verdict.Failed(name + " is null; a value was expected.", diagnosis, null));
        }
        if (expected instanceof Matrix e) {
            if (!(got instanceof Matrix g)) {
                return Optional.of(new Verdict.Failed(name + " should be a matrix of shape " + e.shape()
                        + " but was " + got, diagnosis, null));
            }
            if (!e.shape().equals(g.shape())) {
                Verdict.Failed f = Feedback.wrongShape(name, e.shape(), g.shape(), shapeHint(e.shape(), g.shape()));
                return Optional.of(new Verdict.Failed(f.message(), diagnosis, f.detail()));
            }
            return values(name, e.shape().toString(), e.toArray(), g.toArray(), e.cols(), tolerance, hint, diagnosis);
        }
        if (expected instanceof Number e) {
            if (!(got instanceof Number g)) {
                return Optional.of(new Verdict.Failed(name + " should be a number but was " + got, diagnosis, null));
            }
            return values(name, "()", new double[] {e.doubleValue()}, new double[] {g.doubleValue()}, 0, tolerance,
                    hint, diagnosis);
        }
        if (expected instanceof List<?> e) {
            if (!(got instanceof List<?> g)) {
                return Optional.of(new Verdict.Failed(name + " should be a list but was " + got, diagnosis, null));
            }
            if (e.size() != g.size()) {
                return Optional.of(new Verdict.Failed(name + " has " + g.size() + " entries but " + e.size()
                        + " were expected." + (hint == null ? "" : " " + hint), diagnosis, null));
            }
            double[] ev = new double[e.size()];
            double[] gv = new double[g.size()];
            for (int i = 0; i < ev.length; i++) {
                if (!(g.get(i) instanceof Number n)) {
                    return Optional.of(new Verdict.Failed(name + "[" + i + "] is " + g.get(i) + ", not a number.",
                            diagnosis, null));
                }
                ev[i] = ((Number) e.get(i)).doubleValue();
                gv[i] = n.doubleValue();
            }
            return values(name, "(" + ev.length + ",)", ev, gv, 0, tolerance, hint, diagnosis);
        }
        if (expected.equals(got)) {
            return Optional.empty();
        }
        return Optional.of(new Verdict.Failed(name + " is " + got + " but " + expected + " was expected.", diagnosis,
                null));
    }

    private static Optional<Verdict.Failed> values(String name, String shape, double[] e, double[] g, int cols,
                                                   Tolerance tolerance, String hint, String diagnosis) {
        int mismatches = 0;
        int worst = -1;
        double worstScore = -1;
        for (int i = 0; i < e.length; i++) {
            if (!tolerance.accepts(e[i], g[i])) {
                mismatches++;
                double score = Double.isFinite(g[i]) && Double.isFinite(e[i]) ? Math.abs(g[i] - e[i])
                        : Double.POSITIVE_INFINITY;
                if (worst < 0 || score > worstScore) {
                    worstScore = score;
                    worst = i;
                }
            }
        }
        if (mismatches == 0) {
            return Optional.empty();
        }
        List<Integer> index = cols > 0 ? List.of(worst / cols, worst % cols) : e.length == 1 ? List.of()
                : List.of(worst);
        return Optional.of(Feedback.wrongValues(name, shape, index, e[worst], g[worst], mismatches, e.length,
                tolerance, hint, diagnosis));
    }

    private static String shapeHint(Shape expected, Shape got) {
        if (expected.equals(got.transposed())) {
            return "It looks transposed.";
        }
        if (got.rows() == got.cols() && got.rows() == Math.max(expected.rows(), expected.cols())) {
            return "A square result often means an (n, 1) and a (1, n) were broadcast together — check keepDims.";
        }
        return null;
    }
}
