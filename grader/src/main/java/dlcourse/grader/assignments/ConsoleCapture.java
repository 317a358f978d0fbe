package dlcourse.grader.assignments;

import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Feedback;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures what student code prints, for checks of the course's printed output (per thread, through
 * {@link dlcourse.grader.check.Console}).
 */
final class ConsoleCapture {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private ConsoleCapture() {
    }

    /**
     * Runs {@code action} and returns what it printed to {@code System.out}: only this thread's printing, so that
     * submissions graded side by side in one JVM do not see each other's output.
     */
    static String run(Runnable action) {
        return dlcourse.grader.check.Console.capture(action);
    }

    /** The first non-blank line of some output. */
    static String firstLine(String output) {
        return output.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    }

    /** Fails unless a line containing {@code label} holds the number {@code expected} (to 1e-6). */
    static void expectNumberAfter(String printed, String label, double expected) {
        for (String line : printed.lines().toList()) {
            int at = line.indexOf(label);
            if (at >= 0) {
                Matcher m = NUMBER.matcher(line.substring(at + label.length()));
                if (m.find() && Math.abs(Double.parseDouble(m.group()) - expected) <= 1e-6) {
                    return;
                }
                throw new CheckFailure("The line \"" + line.strip() + "\" should show " + Feedback.number(expected)
                        + " (percent).");
            }
        }
        throw new CheckFailure("Nothing printed mentions \"" + label + "\"; with printCost the course prints it"
                + " (e.g. \"" + label + ": " + Feedback.number(expected) + " %\").");
    }
}
