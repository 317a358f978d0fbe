#!/usr/bin/env python3
"""Plain-numpy twin of `./dlcourse demo regularization`, for timing comparisons.

Trains the course's three-layer network [2, 20, 3, 1] on the football data (data.mat: 211 training and 200 test
points) for 30000 iterations at learning rate 0.3: without regularization, with L2 regularization (lambd 0.7) and
with dropout (keep_prob 0.86, seed 1 at every forward pass), exactly as the course's notebook does, and prints the
figures and the wall time. Needs numpy and scipy (to read the MAT file).
Usage: python3 bench/numpy/regularization.py [path/to/data.mat]   (default: the first data.mat found in
$DLCOURSE_DATA, ./data, ../shared/datasets)
"""
import os
import sys
import time

import numpy as np

ITERATIONS = 30000
LEARNING_RATE = 0.3


def find_data():
    if len(sys.argv) > 1:
        return sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    for folder in [os.environ.get("DLCOURSE_DATA"), "data", os.path.join(here, "..", "..", "data"),
                   os.path.join(here, "..", "..", "..", "shared", "datasets")]:
        if folder and os.path.exists(os.path.join(folder, "data.mat")):
            return os.path.join(folder, "data.mat")
    sys.exit("data.mat not found: pass its path, or set DLCOURSE_DATA")


def load(path):
    import scipy.io
    data = scipy.io.loadmat(path)
    return data["X"].T, data["y"].T, data["Xval"].T, data["yval"].T


def relu(z):
    return np.maximum(0, z)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def initialize(dims):
    np.random.seed(3)
    p = {}
    for l in range(1, len(dims)):
        p["W%d" % l] = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1])
        p["b%d" % l] = np.zeros((dims[l], 1))
    return p


def forward(x, p, keep_prob=1.0):
    if keep_prob < 1:
        np.random.seed(1)
    z1 = np.dot(p["W1"], x) + p["b1"]
    a1 = relu(z1)
    d1 = None
    if keep_prob < 1:
        d1 = (np.random.rand(a1.shape[0], a1.shape[1]) < keep_prob).astype(int)
        a1 = a1 * d1 / keep_prob
    z2 = np.dot(p["W2"], a1) + p["b2"]
    a2 = relu(z2)
    d2 = None
    if keep_prob < 1:
        d2 = (np.random.rand(a2.shape[0], a2.shape[1]) < keep_prob).astype(int)
        a2 = a2 * d2 / keep_prob
    z3 = np.dot(p["W3"], a2) + p["b3"]
    a3 = sigmoid(z3)
    return a3, (z1, d1, a1, p["W1"], p["b1"], z2, d2, a2, p["W2"], p["b2"], z3, a3, p["W3"], p["b3"])


def backward(x, y, cache, lambd=0.0, keep_prob=1.0):
    m = x.shape[1]
    (z1, d1, a1, w1, b1, z2, d2, a2, w2, b2, z3, a3, w3, b3) = cache
    dz3 = a3 - y
    dw3 = 1. / m * np.dot(dz3, a2.T) + lambd * w3 / m
    db3 = 1. / m * np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(w3.T, dz3)
    if keep_prob < 1:
        da2 = da2 * d2 / keep_prob
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dw2 = 1. / m * np.dot(dz2, a1.T) + lambd * w2 / m
    db2 = 1. / m * np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(w2.T, dz2)
    if keep_prob < 1:
        da1 = da1 * d1 / keep_prob
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dw1 = 1. / m * np.dot(dz1, x.T) + lambd * w1 / m
    db1 = 1. / m * np.sum(dz1, axis=1, keepdims=True)
    return {"dW1": dw1, "db1": db1, "dW2": dw2, "db2": db2, "dW3": dw3, "db3": db3}


def cost(a3, y, p, lambd):
    m = y.shape[1]
    with np.errstate(divide="ignore", invalid="ignore"):
        logprobs = np.multiply(-np.log(a3), y) + np.multiply(-np.log(1 - a3), 1 - y)
    penalty = (1 / m) * (lambd / 2) * sum(np.sum(np.square(p["W%d" % l])) for l in (1, 2, 3)) if lambd else 0
    return 1. / m * np.nansum(logprobs) + penalty


def model(x, y, lambd=0.0, keep_prob=1.0):
    p = initialize([x.shape[0], 20, 3, 1])
    costs = []
    for i in range(ITERATIONS):
        a3, cache = forward(x, p, keep_prob)
        c = cost(a3, y, p, lambd)
        g = backward(x, y, cache, lambd, keep_prob)
        p = {key: p[key] - LEARNING_RATE * g["d" + key] for key in p}
        if i % 1000 == 0:
            costs.append(c)
    return p, costs


def accuracy(x, y, p):
    a3, _ = forward(x, p)
    return np.mean((a3 > 0.5) == y)


def main():
    start = time.perf_counter()
    train_x, train_y, test_x, test_y = load(find_data())
    for name, lambd, keep_prob in [("none", 0.0, 1.0), ("l2", 0.7, 1.0), ("dropout", 0.0, 0.86)]:
        t = time.perf_counter()
        p, costs = model(train_x, train_y, lambd, keep_prob)
        print("%-7s first cost %.10f, train %.4f, test %.4f, %.2f s" % (name, costs[0], accuracy(train_x, train_y, p),
                                                                        accuracy(test_x, test_y, p),
                                                                        time.perf_counter() - t))
    print("numpy %s: %.2f s wall time for the three runs" % (np.__version__, time.perf_counter() - start))


if __name__ == "__main__":
    main()
