package dlcourse.grader.dashboard;

import java.util.List;

/**
 * Everything the dashboard template shows, already counted and formatted.
 *
 * @param title         the class (the output folder's name)
 * @param totals        the headline numbers
 * @param assignmentIds the assignments in course order (the columns of the student table)
 * @param assignments   one row per assignment
 * @param functions     one row per graded function
 * @param mistakes      diagnosed mistakes, most frequent first
 * @param histogram     the score histogram, an inline {@code <svg>}
 * @param students      one row per student, by name
 * @param graderErrors  every check that broke on the grader's side, and every submission the grader failed on
 * @param ungradable    submissions that could not be graded (compile errors, unreadable archives)
 * @param provenance    grader versions, commits, JDKs and fixture sets behind the reports, with counts
 * @param run           the batch run, or null for collected reports
 */
record DashboardView(String title, Totals totals, List<String> assignmentIds, List<AssignmentRow> assignments,
                     List<FunctionRow> functions, List<MistakeRow> mistakes, String histogram,
                     List<StudentRow> students, List<GraderErrorRow> graderErrors, List<UngradableRow> ungradable,
                     List<ProvenanceRow> provenance, RunView run) {

    /**
     * @param students    reports in the class
     * @param graded      reports of submissions that compiled and were graded
     * @param ungradable  the others
     * @param meanPercent mean total score over all students (ungradable ones count as 0)
     * @param median      median total score
     * @param fullMarks   students with every point
     * @param graderErrors checks (and submissions) where the grader broke
     */
    record Totals(int students, int graded, int ungradable, String meanPercent, String median, int fullMarks,
                  int graderErrors) {
    }

    /**
     * @param id              assignment id
     * @param title           human title
     * @param maxScore        points available
     * @param students        graded students with this assignment
     * @param meanPercent     mean score over them
     * @param meanValue       the same as a number, for the bar
     * @param fullMarks       students with every point of it
     * @param fullMarksPercent their share
     * @param checksPassed    share of all its checks run that passed
     */
    record AssignmentRow(String id, String title, String maxScore, int students, String meanPercent,
                         double meanValue, int fullMarks, String fullMarksPercent, String checksPassed) {
    }

    /**
     * @param assignment      assignment id
     * @param function        course name of the function
     * @param students        graded students with checks of it
     * @param allPassed       students who passed every check of it
     * @param passRate        their share, formatted
     * @param passValue       their share, 0–100
     * @param checksPassed    checks passed of checks run, {@code 120 / 150}
     * @param checksPercent   the same as a share
     * @param notImplemented  students for whom every check was "not implemented"
     * @param errored         students whose code threw, timed out, was rejected by the code
     *                        policy or crashed the grading JVM in at least one check
     * @param graderErrors    checks of it that broke on the grader's side
     */
    record FunctionRow(String assignment, String function, int students, int allPassed, String passRate,
                       double passValue, String checksPassed, String checksPercent, int notImplemented, int errored,
                       int graderErrors) {
    }

    /**
     * @param assignment assignment id
     * @param function   course name of the function
     * @param diagnosis  the mistake as the reports name it
     * @param mistakeId  the catalog's id of the mistake, or null when the grader does not know it
     * @param students   how many students made it
     * @param examples   the first few of them, linking to the check on their page
     */
    record MistakeRow(String assignment, String function, String diagnosis, String mistakeId, int students,
                      List<Link> examples) {
    }

    /** A link (href may be null: plain text). */
    record Link(String text, String href) {
    }

    /**
     * @param student      name
     * @param href         the feedback page, or null
     * @param gradable     whether the submission was graded
     * @param scores       points per assignment in {@code assignmentIds} order, or an em dash
     * @param total        points
     * @param maxScore     points available
     * @param percent      share, formatted
     * @param percentValue share, 0–100
     * @param graderErrors checks that broke on the grader's side
     * @param problem      why it was not graded, or null
     * @param time         grading time
     */
    record StudentRow(String student, String href, boolean gradable, List<String> scores, String total,
                      String maxScore, String percent, double percentValue, int graderErrors, String problem,
                      String time) {
    }

    /**
     * @param student student
     * @param href    the failing check on the student's page, or null
     * @param check   the check id, or the stage for a submission the grader failed on
     * @param message what broke
     */
    record GraderErrorRow(String student, String href, String check, String message) {
    }

    /**
     * @param student  student
     * @param href     the student's page
     * @param stage    {@code compile}, {@code unpack} or {@code grader}
     * @param headline the first line of the problem
     */
    record UngradableRow(String student, String href, String stage, String headline) {
    }

    /**
     * @param label  what ({@code grader version})
     * @param values each distinct value with the number of reports that have it
     */
    record ProvenanceRow(String label, String values) {
    }

    /**
     * @param source        submissions folder
     * @param startedAt     ISO-8601
     * @param wallTime      wall time of the run
     * @param workers       worker threads
     * @param graded        submissions graded now
     * @param reused        submissions whose report was still current
     * @param perSubmission wall time per graded submission
     */
    record RunView(String source, String startedAt, String wallTime, int workers, int graded, int reused,
                   String perSubmission) {
    }
}
