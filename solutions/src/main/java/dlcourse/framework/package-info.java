/**
 * Assignment 9 — programming frameworks: the hand-sign classifier of the course built with TensorFlow for Java
 * (graphs, placeholders, sessions, built-in losses, Adam). Work through {@link dlcourse.framework.Frameworks} from
 * top to bottom; each method is one graded function. {@link dlcourse.framework.MiniBatches} is given.
 *
 * <p>Every graph, session and tensor you open must be closed again: they hold native memory that Java's garbage
 * collector does not see. Use try-with-resources; the grader counts what is left open.
 */
package dlcourse.framework;
