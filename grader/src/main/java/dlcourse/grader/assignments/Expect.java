package dlcourse.grader.assignments;

import dlcourse.grader.check.CheckFailure;
import dlcourse.grader.check.Feedback;

/** Guards for values student code returns: a null becomes a failed check, not a grader crash. */
final class Expect {

    private Expect() {
    }

    /** Returns {@code value}, or fails the check saying the function returned null. */
    static <V> V returned(V value, String function, String what) {
        if (value == null) {
            throw new CheckFailure(Feedback.returnedNull(function, what));
        }
        return value;
    }
}
