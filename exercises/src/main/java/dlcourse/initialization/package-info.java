/**
 * Assignment 5 — initialization: the same three-layer network trained from zero, from large random and from He
 * starting weights, to see which start lets it learn. Work through {@link dlcourse.initialization.Initializers}
 * from top to bottom; each method is one graded function.
 */
package dlcourse.initialization;
