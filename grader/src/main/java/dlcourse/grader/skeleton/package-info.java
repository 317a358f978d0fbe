/**
 * Generation of the student skeletons in {@code exercises/} from the reference solutions' {@code // BEGIN
 * SOLUTION} … {@code // END SOLUTION} regions, and the check that the committed skeletons are up to date.
 *
 * <p>The solutions are the single source of truth: skeletons are never edited by hand. Policies: arguments are
 * never null; every problem with a solution file is a {@link dlcourse.grader.skeleton.SkeletonException} whose
 * message starts with {@code file:line:} and says what to change.
 */
package dlcourse.grader.skeleton;
