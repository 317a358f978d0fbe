/**
 * The grading report: immutable records that {@code report.json} serialises (snake_case field names), the single
 * source every view is built from (HTML feedback, Gradescope {@code results.json}, class dashboards).
 */
package dlcourse.grader.report;
