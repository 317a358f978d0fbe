package dlcourse.grader.render;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How numbers read on the page: points, percentages, tensor entries and differences. */
final class Numbers {

    /** Significant digits shown for an expected or actual entry: enough to see where two values part. */
    private static final MathContext ENTRY_DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

    private Numbers() {
    }

    /** Points without noise: {@code 10}, {@code 7.5}, {@code 0.33}. */
    static String points(double points) {
        if (!Double.isFinite(points)) {
            return String.valueOf(points);
        }
        return BigDecimal.valueOf(points).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * The share of points earned, rounded down to one decimal so that an incomplete score never shows as 100 %.
     *
     * @return e.g. {@code 87.5}, or 0 when nothing could be earned
     */
    static double percent(double score, double max) {
        if (max <= 0 || !Double.isFinite(score) || !Double.isFinite(max)) {
            return 0;
        }
        return Math.floor(1000 * Math.max(0, Math.min(score, max)) / max) / 10;
    }

    /** {@link #percent} as text, {@code "87.5%"}, or an em dash when nothing could be earned. */
    static String percentText(double score, double max) {
        if (max <= 0) {
            return "\u2014";
        }
        return points(percent(score, max)) + "%";
    }

    /** A tensor entry with ten significant digits ({@code 0.4142135624}, {@code 1e-7}, {@code NaN}). */
    static String entry(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "+inf" : "-inf");
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(ENTRY_DIGITS).stripTrailingZeros().toString()
                .replace("E+", "e+").replace("E-", "e-");
    }

    /** A difference or tolerance-sized quantity in short scientific form, {@code 8.3e-01}. */
    static String scientific(double value) {
        if (!Double.isFinite(value)) {
            return entry(value);
        }
        return String.format(Locale.ROOT, "%.1e", value);
    }

    /** An index the way numpy prints it, {@code [1, 0]}. */
    static String index(List<Integer> index) {
        return index.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Milliseconds as a short duration: {@code 12 ms}, {@code 3.4 s}, {@code 2 min 5 s}. */
    static String duration(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
