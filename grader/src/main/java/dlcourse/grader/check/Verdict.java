package dlcourse.grader.check;

import dlcourse.grader.report.Detail;
import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one check. A student's mistake ({@link Failed}) and the grader's own bug ({@link GraderError})
 * are different types with different words: the latter never costs points.
 */
public sealed interface Verdict {

    /** The report's spelling of this verdict ({@code passed}, {@code not_implemented}, ...). */
    String id();

    /** The feedback sentence. */
    String message();

    /** Whether the check's points are earned. */
    default boolean earnsPoints() {
        return this instanceof Passed;
    }

    /** Whether the check's points count towards the maximum (a grader error does not). */
    default boolean countsTowardsMaximum() {
        return !(this instanceof GraderError);
    }

    /** The check found nothing wrong. */
    record Passed(String message) implements Verdict {
        /** Rejects a missing message. */
        public Passed {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String id() {
            return "passed";
        }
    }

    /**
     * The student's result is wrong.
     *
     * @param message   what was checked, expected, found, where, and a hint
     * @param diagnosis the known mistake the result looks like, or null
     * @param detail    expected-vs-got details for the page, or null
     */
    record Failed(String message, String diagnosis, Detail detail) implements Verdict {
        /** Rejects a missing message. */
        public Failed {
            Objects.requireNonNull(message, "message");
        }

        /** A failure with neither diagnosis nor detail. */
        public Failed(String message) {
            this(message, null, null);
        }

        @Override
        public String id() {
            return "failed";
        }
    }

    /** The function still throws the skeleton's {@code NotImplementedYet}. */
    record NotImplemented(String function) implements Verdict {
        @Override
        public String id() {
            return "not_implemented";
        }

        @Override
        public String message() {
            return function + " is not implemented yet.";
        }
    }

    /**
     * The student's code threw.
     *
     * @param exception the exception's class and message
     * @param location  the student's own file:line where it happened, or null when unknown
     */
    record Errored(String exception, String location) implements Verdict {
        @Override
        public String id() {
            return "errored";
        }

        @Override
        public String message() {
            return "Your code threw " + exception + (location == null ? "" : " at " + location) + ".";
        }
    }

    /**
     * The check did not finish within its time limit.
     *
     * @param limit the limit
     * @param note  what happened instead of the usual message (e.g. not run because the function hung before), or
     *              null
     */
    record TimedOut(Duration limit, String note) implements Verdict {
        /** A check stopped at its limit. */
        public TimedOut(Duration limit) {
            this(limit, null);
        }

        @Override
        public String id() {
            return "timed_out";
        }

        @Override
        public String message() {
            return note != null ? note : "Stopped after " + limit.toMillis() / 1000.0 + " s: is there a loop that"
                    + " never ends, or far more iterations than asked for?";
        }
    }

    /**
     * The check did not run because the function uses something graded code may not use (found by the batch
     * grader's bytecode scan before the submission ran).
     *
     * @param reason what was found and where, e.g. {@code Logistic.java:42 (in propagate): calls
     *               System.exit(int), which would end the grading JVM}
     */
    record Rejected(String reason) implements Verdict {
        /** Rejects a missing reason. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String id() {
            return "rejected";
        }

        @Override
        public String message() {
            return "Not run: " + reason;
        }
    }

    /**
     * The JVM grading the submission died or had to be killed while this check ran (or before it could run): an
     * exit, memory exhausted outside the heap, a thread that would not stop.
     *
     * @param what what happened, in the student's terms
     */
    record Crashed(String what) implements Verdict {
        /** Rejects a missing description. */
        public Crashed {
            Objects.requireNonNull(what, "what");
        }

        @Override
        public String id() {
            return "crashed";
        }

        @Override
        public String message() {
            return what;
        }
    }

    /**
     * Not a verdict for reports: a forked grading JVM ran the student's function on a hidden case whose reference
     * outputs it is not given, and hands back what the function returned, for the parent to compare.
     *
     * @param outputs output name → the student's value encoded as fixtures are ({@code null} when it returned
     *                none)
     */
    record Sealed(java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> outputs) implements Verdict {
        /** Copies the map. */
        public Sealed {
            outputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputs));
        }

        @Override
        public String id() {
            return "sealed";
        }

        @Override
        public String message() {
            return "returned outputs for comparison by the grader: " + outputs.keySet();
        }
    }

    /** The grader itself failed (a broken fixture or an invariant of ours): never the student's fault. */
    record GraderError(String detail) implements Verdict {
        @Override
        public String id() {
            return "grader_error";
        }

        @Override
        public String message() {
            return "internal grader error — not your fault: " + detail;
        }
    }
}
