package dlcourse.grader.check;

import dlcourse.core.Matrix;
import dlcourse.core.Shape;
import dlcourse.grader.report.Detail;
import java.util.List;
import java.util.Locale;

/**
 * The one place where feedback sentences are written. Checks describe what they found; this class turns it into
 * words that say what was checked, what was expected, what was found, where, and a hint.
 */
public final class Feedback {

    private Feedback() {
    }

    /** A number as feedback shows it: up to 6 significant digits, numpy's spelling of nan and inf. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 999999.5) {
            String s = String.format(Locale.ROOT, "%.6g", v);
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "");
            }
            return s.endsWith(".") ? s + "0" : s;
        }
        return String.format(Locale.ROOT, "%.4e", v);
    }

    private static String diff(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }

    /** {@code propagate returned null}. */
    public static String returnedNull(String function, String what) {
        return function + " returned null" + (what == null ? "" : " for " + what) + "; return a value even when"
                + " unsure — the grader can then tell you what is off.";
    }

    /** A shape mismatch, in numpy's words. */
    public static Verdict.Failed wrongShape(String tensor, Shape expected, Shape got, String hint) {
        String message = tensor + " has shape " + got + " but " + expected + " was expected." + hintSuffix(hint);
        return new Verdict.Failed(message, null, new Detail(tensor, expected.toString(), got.toString(), null,
                null, null, null, null, null, null, null, null, null, null));
    }

    /**
     * Values outside the tolerance.
     *
     * @param worst index of the worst entry ([row, col] for matrices, [i] for lists, [] for scalars)
     */
    public static Verdict.Failed wrongValues(String tensor, String shape, List<Integer> worst, double expected,
                                             double got, int mismatches, int entries, Tolerance tolerance,
                                             String hint, String diagnosis) {
        StringBuilder m = new StringBuilder();
        if (entries == 1) {
            m.append(tensor).append(" is ").append(number(got)).append(" but ").append(number(expected))
                    .append(" was expected");
        } else {
            m.append(tensor).append(" differs in ").append(mismatches).append(" of ").append(entries)
                    .append(" entries; worst at ").append(worst).append(": expected ").append(number(expected))
                    .append(" but was ").append(number(got));
        }
        if (Double.isNaN(got)) {
            m.append(" (NaN: is there a log of 0 or of a negative number, or 0/0?)");
        } else if (!Double.isInfinite(got) && !Double.isInfinite(expected)) {
            m.append(" (|diff| ").append(diff(Math.abs(got - expected))).append(" > ")
                    .append(diff(tolerance.atol() + tolerance.rtol() * Math.abs(expected))).append(")");
        }
        m.append('.').append(hintSuffix(hint));
        Detail detail = new Detail(tensor, shape, shape, worst, expected, got, mismatches, entries,
                tolerance.toString(), null, null, null, null, null);
        return new Verdict.Failed(m.toString(), diagnosis, detail);
    }

    /**
     * A diagnosis as the report stores it: the mistake the output matches, e.g. "leaving out the 1/m averaging
     * factor" (the page shows it as "Looks like: …"). It names the slip, never the fix's code.
     */
    public static String diagnosis(String mistake) {
        return mistake;
    }

    /** A gradient that disagrees with the centred differences of the student's own cost. */
    public static Verdict.Failed wrongGradient(String tensor, double relativeDifference, double threshold,
                                               List<Integer> worst, double analytic, double numeric,
                                               Matrix heatmap, String hint) {
        String message = String.format(Locale.ROOT,
                "%s disagrees with the slope of your own cost: relative difference %.2e > %.0e; worst at %s: your"
                        + " backward pass gives %s, centred differences give %s.%s",
                tensor, relativeDifference, threshold, worst, number(analytic), number(numeric), hintSuffix(hint));
        List<Double> cells = heatmap == null ? null : java.util.Arrays.stream(heatmap.toArray()).boxed().toList();
        Detail detail = new Detail(tensor, heatmap == null ? null : heatmap.shape().toString(), null, worst,
                numeric, analytic, null, null, String.format(Locale.ROOT, "relative difference < %.0e", threshold),
                cells, heatmap == null ? null : heatmap.rows(), heatmap == null ? null : heatmap.cols(), null, null);
        return new Verdict.Failed(message, null, detail);
    }

    private static String hintSuffix(String hint) {
        return hint == null || hint.isBlank() ? "" : " " + hint;
    }
}
