/**
 * Assignment 3 — a deep neural network, step by step: initialization, the forward pass [LINEAR→RELU]×(L−1) →
 * LINEAR→SIGMOID, the cost, the backward pass and gradient descent. Work through {@link dlcourse.deep.Deep} from top
 * to bottom; each method is one graded function.
 */
package dlcourse.deep;
