/**
 * Assignment 8 — optimization methods: mini-batches, momentum, Adam and learning-rate decay, training the course's
 * three-layer network on the "moons" data. Work through {@link dlcourse.optimization.Optimization} from top to
 * bottom; each method is one graded function.
 */
package dlcourse.optimization;
