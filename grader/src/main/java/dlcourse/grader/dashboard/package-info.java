/**
 * The instructor's class dashboard and gradebook export: aggregates many students' {@code report.json} (from a
 * batch run or collected from CI artifacts) into pass rates per assignment and function, the most frequent diagnosed
 * mistakes, a score histogram, a per-student table linking to each report, grader errors and run provenance
 * ({@code index.html}, offline), and {@code grades.csv}.
 */
package dlcourse.grader.dashboard;
