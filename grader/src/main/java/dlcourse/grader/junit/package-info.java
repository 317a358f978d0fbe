/**
 * The JUnit 5 bridge that makes {@code mvn verify} the auto-grader: subclass {@link
 * dlcourse.grader.junit.StudentGrading} (exercises) or {@link dlcourse.grader.junit.StrictGrading} (solutions) in
 * a test class and every check runs as a named dynamic test.
 */
package dlcourse.grader.junit;
