package dlcourse;

import dlcourse.grader.junit.StrictGrading;

/** {@code mvn verify} in solutions/: every check of every assignment, public and hidden, must pass. */
class GradeSolutionsTest extends StrictGrading {
}
