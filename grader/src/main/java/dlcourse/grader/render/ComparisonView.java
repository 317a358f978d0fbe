package dlcourse.grader.render;

import dlcourse.grader.report.Detail;

/**
 * Expected vs got at the worst entry of a failed check. Every field but the labels may be null.
 *
 * @param expectedLabel {@code expected}, or {@code numerical gradient} for gradient checks
 * @param gotLabel      {@code got}, or {@code your backward pass}
 * @param tensor        the compared value's name
 * @param shape         expected shape
 * @param gotShape      the student's shape
 * @param shapeDiffers  whether both shapes are known and differ
 * @param worstIndex    {@code [1, 0]}
 * @param expected      expected entry
 * @param got           the student's entry
 * @param difference    {@code |expected - got|}
 * @param mismatches    {@code 3 of 12}
 * @param tolerance     named tolerance and bounds
 */
record ComparisonView(String expectedLabel, String gotLabel, String tensor, String shape, String gotShape,
                      boolean shapeDiffers, String worstIndex, String expected, String got, String difference,
                      String mismatches, String tolerance) {

    /** The comparison, or null when the detail holds neither values nor shapes. */
    static ComparisonView of(Detail detail, String kind) {
        if (detail.expected() == null && detail.got() == null && detail.shape() == null
                && detail.gotShape() == null) {
            return null;
        }
        boolean gradient = "gradient".equals(kind);
        String difference = detail.expected() != null && detail.got() != null
                ? Numbers.scientific(Math.abs(detail.expected() - detail.got())) : null;
        String mismatches = detail.mismatches() == null ? null
                : detail.entries() == null ? String.valueOf(detail.mismatches())
                : detail.mismatches() + " of " + detail.entries();
        return new ComparisonView(gradient ? "numerical gradient" : "expected",
                gradient ? "your backward pass" : "got", detail.tensor(), detail.shape(), detail.gotShape(),
                detail.shape() != null && detail.gotShape() != null && !detail.shape().equals(detail.gotShape()),
                detail.worstIndex() == null ? null : Numbers.index(detail.worstIndex()),
                detail.expected() == null ? null : Numbers.entry(detail.expected()),
                detail.got() == null ? null : Numbers.entry(detail.got()), difference, mismatches,
                detail.tolerance());
    }
}
