package dlcourse.course;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The course's own name for a graded function or an assignment ({@code "linear_forward"}, {@code "logistic"}).
 *
 * <p>Java names are camelCase; the course's snake_case names appear only here, in fixture paths, display names
 * and feedback, so a student can match what the grader says to the course material.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CourseName {

    /** The course's snake_case name. */
    String value();
}
