/**
 * Demos: train an assignment's model the way the course's notebook does and show the course's figures, for the
 * reference solution or any implementation of the assignment's contract ({@code dlcourse demo <id>}).
 *
 * <p>Each assignment adds one {@link dlcourse.grader.demo.Demo} to {@link dlcourse.grader.demo.Demos#all()}. A demo
 * returns a {@link dlcourse.grader.demo.DemoResult} (the numbers, serialised with the course's snake_case names) and
 * writes the notebook's printed output to a writer it is given; it never writes to {@code System.out} itself.
 * Matrices are (features, examples), one example per column, as everywhere in the course. Nothing here accepts or
 * returns null.
 */
package dlcourse.grader.demo;
