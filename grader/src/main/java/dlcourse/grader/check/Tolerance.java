package dlcourse.grader.check;

import java.util.Locale;

/**
 * A named numeric tolerance: a value {@code got} matches {@code expected} when
 * {@code |got - expected| <= atol + rtol * |expected|} (numpy's {@code allclose} rule). NaN never matches.
 *
 * @param name short name shown in feedback
 * @param rtol relative tolerance
 * @param atol absolute tolerance
 */
public record Tolerance(String name, double rtol, double atol) {

    /** Exact results (zeros, 0/1 masks, sizes): only equal numbers match. */
    public static final Tolerance EXACT = new Tolerance("EXACT", 0.0, 0.0);
    /**
     * Straight-line computations: the student's code may order sums differently from the reference, which moves
     * the last few bits only.
     */
    public static final Tolerance STRICT = new Tolerance("STRICT", 1e-7, 1e-10);
    /** numpy's {@code allclose} defaults, for results of many steps (training loops). */
    public static final Tolerance NUMPY = new Tolerance("NUMPY", 1e-5, 1e-8);
    /**
     * Results computed by TensorFlow in float32 (about 7 significant digits): the student's graph may order the
     * operations differently from the reference's, and TensorFlow's kernels differ between CPUs (vector width, fused
     * multiply-add), which moves the last float32 digits of sums.
     */
    public static final Tolerance FLOAT32 = new Tolerance("FLOAT32", 1e-5, 1e-6);

    /** Validates the bounds. */
    public Tolerance {
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0: rtol " + rtol + ", atol " + atol);
        }
    }

    /** Whether {@code got} is within this tolerance of {@code expected}; NaN never is, ±inf only equals itself. */
    public boolean accepts(double expected, double got) {
        if (Double.isNaN(got) || Double.isNaN(expected)) {
            return false;
        }
        if (Double.isInfinite(expected) || Double.isInfinite(got)) {
            return expected == got;
        }
        return Math.abs(got - expected) <= atol + rtol * Math.abs(expected);
    }

    /** The tolerance by name, for fixtures. */
    public static Tolerance named(String name) {
        return switch (name) {
            case "EXACT" -> EXACT;
            case "STRICT" -> STRICT;
            case "NUMPY" -> NUMPY;
            case "FLOAT32" -> FLOAT32;
            default -> throw new IllegalArgumentException("unknown tolerance " + name);
        };
    }

    /** E.g. {@code STRICT (rtol 1.0e-07, atol 1.0e-10)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (rtol %.1e, atol %.1e)", name, rtol, atol);
    }
}
