/**
 * Assignment 7 — gradient checking: compare a backward pass with centred differences of the cost, first for one
 * parameter, then for every parameter of a three-layer network whose given backward pass hides two mistakes. Work
 * through {@link dlcourse.gradcheck.GradCheck} from top to bottom; each method is one graded function.
 */
package dlcourse.gradcheck;
