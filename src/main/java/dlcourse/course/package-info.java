/**
 * The course's contracts: one interface per assignment, each graded function a method carrying its
 * {@link dlcourse.course.CourseName}, plus the records those functions exchange.
 *
 * <p>Exercises and solutions implement these interfaces with classes of the same fully qualified name, so either
 * can be graded. Policies: matrices hold one example per column; no function modifies its arguments; no
 * function returns {@code null}.
 */
package dlcourse.course;
