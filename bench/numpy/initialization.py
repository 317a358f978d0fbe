#!/usr/bin/env python3
"""Plain-numpy twin of `./dlcourse demo initialization`, for timing comparisons.

Trains the course's three-layer network [2, 10, 5, 1] on the circles (300 training points, seed 1; 100 test
points, seed 2; noise 0.05) for 15000 iterations at learning rate 0.01, from zeros, from random weights (x 10,
seed 3) and from He weights (seed 3), exactly as the course's notebook does, and prints the figures and the wall
time. Needs only numpy. Usage: python3 bench/numpy/initialization.py
"""
import time

import numpy as np

LAYERS_HIDDEN = [10, 5]
ITERATIONS = 15000
LEARNING_RATE = 0.01


def make_circles(rng, n, noise, factor=0.8):
    """scikit-learn's make_circles(n, noise=noise, factor=factor) drawing from rng (so no scikit-learn needed)."""
    n_out = n // 2
    out_angles = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    in_angles = np.linspace(0, 2 * np.pi, n - n_out, endpoint=False)
    x = np.vstack([np.append(np.cos(out_angles), np.cos(in_angles) * factor),
                   np.append(np.sin(out_angles), np.sin(in_angles) * factor)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n - n_out, dtype=np.intp)])
    order = np.arange(n)
    rng.shuffle(order)
    x, y = x[order], y[order]
    x += rng.normal(scale=noise, size=x.shape)
    return x.T, y.reshape(1, n)


def forward(x, p):
    z1 = np.dot(p["W1"], x) + p["b1"]
    a1 = np.maximum(0, z1)
    z2 = np.dot(p["W2"], a1) + p["b2"]
    a2 = np.maximum(0, z2)
    z3 = np.dot(p["W3"], a2) + p["b3"]
    a3 = 1 / (1 + np.exp(-z3))
    return a3, (z1, a1, p["W1"], p["b1"], z2, a2, p["W2"], p["b2"], z3, a3, p["W3"], p["b3"])


def backward(x, y, cache):
    m = x.shape[1]
    (z1, a1, w1, b1, z2, a2, w2, b2, z3, a3, w3, b3) = cache
    dz3 = 1. / m * (a3 - y)
    dw3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(w3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dw2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(w2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dw1 = np.dot(dz1, x.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {"dW1": dw1, "db1": db1, "dW2": dw2, "db2": db2, "dW3": dw3, "db3": db3}


def cost(a3, y):
    with np.errstate(divide="ignore", invalid="ignore"):
        logprobs = np.multiply(-np.log(a3), y) + np.multiply(-np.log(1 - a3), 1 - y)
    return 1. / y.shape[1] * np.nansum(logprobs)


def update(p, g, lr):
    return {key: p[key] - lr * g["d" + key] for key in p}


def initialize(dims, kind):
    p = {}
    if kind != "zeros":
        np.random.seed(3)
    for l in range(1, len(dims)):
        if kind == "zeros":
            p["W%d" % l] = np.zeros((dims[l], dims[l - 1]))
        elif kind == "random":
            p["W%d" % l] = np.random.randn(dims[l], dims[l - 1]) * 10
        else:
            p["W%d" % l] = np.random.randn(dims[l], dims[l - 1]) * np.sqrt(2. / dims[l - 1])
        p["b%d" % l] = np.zeros((dims[l], 1))
    return p


def model(x, y, kind):
    p = initialize([x.shape[0]] + LAYERS_HIDDEN + [1], kind)
    costs = []
    for i in range(ITERATIONS):
        with np.errstate(over="ignore"):
            a3, cache = forward(x, p)
        c = cost(a3, y)
        p = update(p, backward(x, y, cache), LEARNING_RATE)
        if i % 1000 == 0:
            costs.append(c)
    return p, costs


def accuracy(x, y, p):
    with np.errstate(over="ignore"):
        a3, _ = forward(x, p)
    return np.mean((a3 > 0.5) == y)


def main():
    start = time.perf_counter()
    train_x, train_y = make_circles(np.random.RandomState(1), 300, 0.05)
    test_x, test_y = make_circles(np.random.RandomState(2), 100, 0.05)
    for kind in ["zeros", "random", "he"]:
        t = time.perf_counter()
        p, costs = model(train_x, train_y, kind)
        print("%-6s first cost %s, train %.4f, test %.4f, %.2f s" % (kind, costs[0], accuracy(train_x, train_y, p),
                                                                     accuracy(test_x, test_y, p),
                                                                     time.perf_counter() - t))
    print("numpy %s: %.2f s wall time for the three runs" % (np.__version__, time.perf_counter() - start))


if __name__ == "__main__":
    main()
