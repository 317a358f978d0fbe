package dlcourse.grader.junit;

import dlcourse.grader.check.Visibility;
import java.util.EnumSet;
import java.util.Set;

/** Grades the reference solutions: public and hidden fixtures, and any check that does not pass fails the build. */
public abstract class StrictGrading extends CourseGrading {

    @Override
    protected boolean strict() {
        return true;
    }

    @Override
    protected Set<Visibility> sets() {
        return EnumSet.allOf(Visibility.class);
    }

    @Override
    protected String subject() {
        return "solutions";
    }
}
