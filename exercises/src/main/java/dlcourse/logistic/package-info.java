/**
 * Assignment 1 — logistic regression as a neural network: a single sigmoid neuron that learns to tell cat
 * pictures from other pictures. Work through {@link dlcourse.logistic.Logistic} from top to bottom; each method is
 * one graded function.
 */
package dlcourse.logistic;
