/**
 * The student edition: a copy of the checkout that students get — the core, the grader with its public fixtures
 * only, the exercises, a student README and CI templates — and nothing of the solutions (no solution sources or
 * markers, no known-mistake variants, no hidden fixtures, no module, profile or path that refers to them).
 */
package dlcourse.grader.edition;
