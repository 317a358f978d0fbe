package dlcourse.grader.render;

import dlcourse.grader.report.Detail;

/**
 * What the student's code threw, or where it was stopped.
 *
 * @param exception class and message, or null
 * @param location  the student's {@code File.java:line}, or null
 */
record ErrorView(String exception, String location) {

    /** The error part of a detail, or null when it has none. */
    static ErrorView of(Detail detail) {
        if (detail.exception() == null && detail.location() == null) {
            return null;
        }
        return new ErrorView(detail.exception(), detail.location());
    }
}
