/**
 * Grading untrusted code: a bytecode scan of each submission against an allow-list ({@link
 * dlcourse.grader.sandbox.Policy}, {@link dlcourse.grader.sandbox.PolicyScan}) and a forked JVM per submission
 * ({@link dlcourse.grader.sandbox.ForkedGrader}, {@link dlcourse.grader.sandbox.ChildMain}) with a heap cap, a
 * watchdog, a capped console, an empty environment, and a class path without hidden fixtures or solutions.
 */
package dlcourse.grader.sandbox;
