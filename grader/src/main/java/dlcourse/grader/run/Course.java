package dlcourse.grader.run;

import dlcourse.grader.assignments.ApplicationAssignment;
import dlcourse.grader.assignments.DeepAssignment;
import dlcourse.grader.assignments.FrameworkAssignment;
import dlcourse.grader.assignments.GradCheckAssignment;
import dlcourse.grader.assignments.InitializationAssignment;
import dlcourse.grader.assignments.LogisticAssignment;
import dlcourse.grader.assignments.OptimizationAssignment;
import dlcourse.grader.assignments.RegularizationAssignment;
import dlcourse.grader.assignments.ShallowAssignment;
import java.util.List;
import java.util.Optional;

/** The assignments the grader knows, in course order. */
public final class Course {

    private static final List<Assignment<?>> ASSIGNMENTS = List.of(
            new LogisticAssignment(),
            new ShallowAssignment(),
            new DeepAssignment(),
            new ApplicationAssignment(),
            new InitializationAssignment(),
            new RegularizationAssignment(),
            new GradCheckAssignment(),
            new OptimizationAssignment(),
            new FrameworkAssignment());

    private Course() {
    }

    /** Every assignment, in course order. */
    public static List<Assignment<?>> assignments() {
        return ASSIGNMENTS;
    }

    /** The assignment with this id. */
    public static Optional<Assignment<?>> assignment(String id) {
        return ASSIGNMENTS.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
