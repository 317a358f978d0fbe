package dlcourse;

import dlcourse.grader.junit.StudentGrading;

/**
 * {@code mvn verify} in exercises/ grades your code: every check is a test named after the course function,
 * and the report is written to {@code exercises/target/grader/index.html}.
 */
class GradeExercisesTest extends StudentGrading {
}
