/**
 * Class grading: a folder of submissions (directories, zips or git repositories), each compiled and graded on its
 * own as one unit of work ({@link dlcourse.grader.batch.SubmissionGrader}), by a pool of workers, resumably, with
 * one report per student and a class dashboard at the end.
 */
package dlcourse.grader.batch;
