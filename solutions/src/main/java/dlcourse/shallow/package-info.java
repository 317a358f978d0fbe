/**
 * Assignment 2 — planar data classification with one hidden layer: a small tanh network that learns the curved
 * boundary of the "flower", where logistic regression cannot. Work through {@link dlcourse.shallow.Shallow} from top
 * to bottom; each method is one graded function.
 */
package dlcourse.shallow;
