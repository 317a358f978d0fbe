#!/usr/bin/env python3
"""Plain-numpy equivalent of `./dlcourse demo gradcheck`, for a speed comparison (optional; needs only numpy).

The one-dimensional check at x = 2, theta = 4, then the N-dimensional check on the course's example (seed 1,
X (4, 3), Y = [1, 1, 0]) against the given backward pass (dW2 doubled, db1 with 4/m) and the corrected one.
Prints the three differences and the wall time. Usage: python3 bench/numpy/gradcheck.py
"""
import time

import numpy as np


def gradient_check(x, theta, epsilon=1e-7):
    gradapprox = ((theta + epsilon) * x - (theta - epsilon) * x) / (2 * epsilon)
    grad = x
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))


def example():
    np.random.seed(1)
    x = np.random.randn(4, 3)
    y = np.array([1, 1, 0])
    p = {"W1": np.random.randn(5, 4), "b1": np.random.randn(5, 1), "W2": np.random.randn(3, 5),
         "b2": np.random.randn(3, 1), "W3": np.random.randn(1, 3), "b3": np.random.randn(1, 1)}
    return x, y, p


KEYS = ["W1", "b1", "W2", "b2", "W3", "b3"]


def forward_propagation_n(x, y, p):
    m = x.shape[1]
    z1 = np.dot(p["W1"], x) + p["b1"]
    a1 = np.maximum(0, z1)
    z2 = np.dot(p["W2"], a1) + p["b2"]
    a2 = np.maximum(0, z2)
    z3 = np.dot(p["W3"], a2) + p["b3"]
    a3 = 1 / (1 + np.exp(-z3))
    cost = 1. / m * np.sum(np.multiply(-np.log(a3), y) + np.multiply(-np.log(1 - a3), 1 - y))
    return cost, (z1, a1, p["W1"], p["b1"], z2, a2, p["W2"], p["b2"], z3, a3, p["W3"], p["b3"])


def backward_propagation_n(x, y, cache, planted):
    m = x.shape[1]
    (z1, a1, w1, b1, z2, a2, w2, b2, z3, a3, w3, b3) = cache
    dz3 = a3 - y
    dz2 = np.multiply(np.dot(w3.T, dz3), np.int64(a2 > 0))
    dz1 = np.multiply(np.dot(w2.T, dz2), np.int64(a1 > 0))
    return {"dW3": 1. / m * np.dot(dz3, a2.T), "db3": 1. / m * np.sum(dz3, axis=1, keepdims=True),
            "dW2": 1. / m * np.dot(dz2, a1.T) * (2 if planted else 1),
            "db2": 1. / m * np.sum(dz2, axis=1, keepdims=True),
            "dW1": 1. / m * np.dot(dz1, x.T),
            "db1": (4. if planted else 1.) / m * np.sum(dz1, axis=1, keepdims=True)}


def gradient_check_n(p, gradients, x, y, epsilon=1e-7):
    theta = np.concatenate([np.reshape(p[k], (-1, 1)) for k in KEYS])
    grad = np.concatenate([np.reshape(gradients["d" + k], (-1, 1)) for k in KEYS])
    shapes = [(k, p[k].shape, p[k].size) for k in KEYS]

    def unflatten(vector):
        out, at = {}, 0
        for k, shape, size in shapes:
            out[k] = vector[at:at + size].reshape(shape)
            at += size
        return out

    gradapprox = np.zeros(theta.shape)
    for i in range(theta.shape[0]):
        plus = np.copy(theta)
        plus[i] += epsilon
        minus = np.copy(theta)
        minus[i] -= epsilon
        gradapprox[i] = (forward_propagation_n(x, y, unflatten(plus))[0]
                         - forward_propagation_n(x, y, unflatten(minus))[0]) / (2 * epsilon)
    return np.linalg.norm(grad - gradapprox) / (np.linalg.norm(grad) + np.linalg.norm(gradapprox))


def main():
    start = time.perf_counter()
    print("1d       difference", gradient_check(2, 4))
    x, y, p = example()
    _, cache = forward_propagation_n(x, y, p)
    print("nd_buggy difference", gradient_check_n(p, backward_propagation_n(x, y, cache, True), x, y))
    print("nd_fixed difference", gradient_check_n(p, backward_propagation_n(x, y, cache, False), x, y))
    print("numpy wall time: %.3f s" % (time.perf_counter() - start))


if __name__ == "__main__":
    main()
