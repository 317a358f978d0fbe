#!/usr/bin/env python3
"""Plain-numpy timing baseline for `./dlcourse demo application`.

Trains the same two models on the cat pictures with the same algorithm, seeds and settings as the demo
(two-layer 12288 -> 7 -> 1, then L-layer [12288, 20, 7, 5, 1]; 2500 iterations at learning rate 0.0075, the
cost kept every 100 iterations) and prints the wall time of each model, its first and last recorded cost and
its train / test accuracy. Needs only numpy: the two HDF5 files are read with h5py when it is installed, else
straight from the byte offsets of their contiguous datasets (see the datasets README).

Usage: python3 bench/numpy/application.py [DATA_DIR] [ITERATIONS]
DATA_DIR defaults to $DLCOURSE_DATA, then ./data, then ../shared/datasets.
"""
import os
import sys
import time

import numpy as np


def data_dir(argv):
    candidates = ([argv[1]] if len(argv) > 1 else []) + [os.environ.get("DLCOURSE_DATA"), "data",
                                                          os.path.join("..", "shared", "datasets")]
    for d in candidates:
        if d and os.path.isfile(os.path.join(d, "train_catvnoncat.h5")):
            return d
    sys.exit("train_catvnoncat.h5 not found; pass the data folder as the first argument")


def load(d):
    try:
        import h5py
        with h5py.File(os.path.join(d, "train_catvnoncat.h5"), "r") as f:
            x_train, y_train = np.array(f["train_set_x"]), np.array(f["train_set_y"]).reshape(1, -1)
        with h5py.File(os.path.join(d, "test_catvnoncat.h5"), "r") as f:
            x_test, y_test = np.array(f["test_set_x"]), np.array(f["test_set_y"]).reshape(1, -1)
    except ImportError:
        # both files store their datasets contiguously, uncompressed, at these offsets
        train = open(os.path.join(d, "train_catvnoncat.h5"), "rb").read()
        test = open(os.path.join(d, "test_catvnoncat.h5"), "rb").read()
        x_train = np.frombuffer(train, np.uint8, 209 * 12288, 2144).reshape(209, 64, 64, 3)
        y_train = np.frombuffer(train, "<i8", 209, 2570336).reshape(1, 209)
        x_test = np.frombuffer(test, np.uint8, 50 * 12288, 2144).reshape(50, 64, 64, 3)
        y_test = np.frombuffer(test, "<i8", 50, 616544).reshape(1, 50)
    flat = lambda x: x.reshape(x.shape[0], -1).T / 255.0
    return flat(x_train), y_train, flat(x_test), y_test


def linear_activation_forward(a_prev, w, b, activation):
    z = w.dot(a_prev) + b
    a = 1 / (1 + np.exp(-z)) if activation == "sigmoid" else np.maximum(0, z)
    return a, (a_prev, w, b, z)


def linear_activation_backward(da, cache, activation):
    a_prev, w, b, z = cache
    if activation == "sigmoid":
        s = 1 / (1 + np.exp(-z))
        dz = da * s * (1 - s)
    else:
        dz = np.array(da, copy=True)
        dz[z <= 0] = 0
    m = a_prev.shape[1]
    return w.T.dot(dz), 1.0 / m * dz.dot(a_prev.T), 1.0 / m * np.sum(dz, axis=1, keepdims=True)


def cost(al, y):
    m = y.shape[1]
    return float(np.squeeze((1.0 / m) * (-np.dot(y, np.log(al).T) - np.dot(1 - y, np.log(1 - al).T))))


def model_forward(x, p):
    caches, a, layers = [], x, len(p) // 2
    for l in range(1, layers):
        a, c = linear_activation_forward(a, p["W%d" % l], p["b%d" % l], "relu")
        caches.append(c)
    al, c = linear_activation_forward(a, p["W%d" % layers], p["b%d" % layers], "sigmoid")
    caches.append(c)
    return al, caches


def model_backward(al, y, caches):
    grads, layers = {}, len(caches)
    da = -(np.divide(y, al) - np.divide(1 - y, 1 - al))
    for l in reversed(range(1, layers + 1)):
        da, grads["dW%d" % l], grads["db%d" % l] = linear_activation_backward(
            da, caches[l - 1], "sigmoid" if l == layers else "relu")
        grads["dA%d" % (l - 1)] = da
    return grads


def update(p, grads, rate):
    return {k: v - rate * grads["d" + k] for k, v in p.items()}


def two_layer_model(x, y, dims, rate, iterations):
    np.random.seed(1)
    n_x, n_h, n_y = dims
    p = {"W1": np.random.randn(n_h, n_x) * 0.01, "b1": np.zeros((n_h, 1)),
         "W2": np.random.randn(n_y, n_h) * 0.01, "b2": np.zeros((n_y, 1))}
    costs = []
    for i in range(iterations):
        a1, c1 = linear_activation_forward(x, p["W1"], p["b1"], "relu")
        a2, c2 = linear_activation_forward(a1, p["W2"], p["b2"], "sigmoid")
        c = cost(a2, y)
        da2 = -(np.divide(y, a2) - np.divide(1 - y, 1 - a2))
        da1, dw2, db2 = linear_activation_backward(da2, c2, "sigmoid")
        _, dw1, db1 = linear_activation_backward(da1, c1, "relu")
        p = update(p, {"dW1": dw1, "db1": db1, "dW2": dw2, "db2": db2}, rate)
        if i % 100 == 0:
            costs.append(c)
    return p, costs


def l_layer_model(x, y, dims, rate, iterations):
    np.random.seed(1)
    p = {}
    for l in range(1, len(dims)):
        p["W%d" % l] = np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1])
        p["b%d" % l] = np.zeros((dims[l], 1))
    costs = []
    for i in range(iterations):
        al, caches = model_forward(x, p)
        c = cost(al, y)
        p = update(p, model_backward(al, y, caches), rate)
        if i % 100 == 0:
            costs.append(c)
    return p, costs


def accuracy(x, y, p):
    return float(np.mean((model_forward(x, p)[0] > 0.5) == y))


def main(argv):
    x_train, y_train, x_test, y_test = load(data_dir(argv))
    iterations = int(argv[2]) if len(argv) > 2 else 2500
    for name, train, dims in (("two_layer", two_layer_model, (12288, 7, 1)),
                              ("L_layer", l_layer_model, [12288, 20, 7, 5, 1])):
        start = time.perf_counter()
        p, costs = train(x_train, y_train, dims, 0.0075, iterations)
        seconds = time.perf_counter() - start
        print("%-9s %7.2f s  first cost %.6f  last cost %.6f  train %.4f  test %.4f" % (
            name, seconds, costs[0], costs[-1], accuracy(x_train, y_train, p), accuracy(x_test, y_test, p)))


if __name__ == "__main__":
    main(sys.argv)
