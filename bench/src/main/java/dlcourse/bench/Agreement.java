package dlcourse.bench;

/**
 * The check every benchmark's {@code @Setup} runs before timing: the timed kernel must agree with its baseline.
 *
 * <p>A benchmark of a kernel that computes the wrong thing is worse than none, so a disagreement throws and the
 * fork stops before any measurement.
 */
public final class Agreement {

    /**
     * Relative tolerance between a kernel and its baseline. Both sum the same terms in different orders (blocked
     * FMA versus a plain loop), which moves the last few bits of each sum: far below 1e-9 of the result's scale
     * for the course's sizes (k ≤ 12288).
     */
    public static final double RTOL = 1e-9;

    private Agreement() {
    }

    /**
     * Checks {@code max |actual - expected| <= RTOL · max |expected|} (a normwise relative error, the right measure
     * for a product whose entries may cancel to near zero).
     *
     * @throws IllegalStateException naming the benchmark, the worst entry and both values
     */
    public static void normwise(String what, double[] expected, double[] actual) {
        requireSameLength(what, expected, actual);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        int worst = worstEntry(expected, actual);
        double diff = worst < 0 ? 0 : Math.abs(actual[worst] - expected[worst]);
        if (worst >= 0 && !(diff <= RTOL * scale)) {
            throw new IllegalStateException(String.format(
                    "%s: worst at flat index %d: expected %.17g but was %.17g"
                            + " (|diff| %.1e > %.0e · max |expected| %.3e)."
                            + " The kernel disagrees with its baseline; its timings would be meaningless.",
                    what, worst, expected[worst], actual[worst], diff, RTOL, scale));
        }
    }

    /**
     * Checks {@code |actual[i] - expected[i]| <= RTOL · |expected[i]|} for every entry (for elementwise kernels,
     * whose outputs span many orders of magnitude); NaN never agrees.
     *
     * @throws IllegalStateException naming the benchmark, the first failing entry and both values
     */
    public static void entrywise(String what, double[] expected, double[] actual) {
        requireSameLength(what, expected, actual);
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            if (!(diff <= RTOL * Math.abs(expected[i]))) {
                throw new IllegalStateException(String.format(
                        "%s: entry %d: expected %.17g but was %.17g (|diff| %.1e > %.0e · |expected|)."
                                + " The kernel disagrees with its baseline; its timings would be meaningless.",
                        what, i, expected[i], actual[i], diff, RTOL));
            }
        }
    }

    private static int worstEntry(double[] expected, double[] actual) {
        int worst = -1;
        double worstDiff = -1;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs(actual[i] - expected[i]);
            if (Double.isNaN(diff)) {
                return i;
            }
            if (diff > worstDiff) {
                worstDiff = diff;
                worst = i;
            }
        }
        return worst;
    }

    private static void requireSameLength(String what, double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalStateException(String.format("%s: expected %d values but was %d",
                    what, expected.length, actual.length));
        }
    }
}
