/**
 * Assignment 6 — regularization: L2 regularization and dropout for the three-layer network on the course's football
 * data. Work through {@link dlcourse.regularization.RegularizedNet} from top to bottom; each method is one graded
 * function.
 */
package dlcourse.regularization;
