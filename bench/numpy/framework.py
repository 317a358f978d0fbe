#!/usr/bin/env python3
"""Plain-numpy equivalent of `./dlcourse demo framework`, for a speed comparison (optional; needs only numpy).

Trains the SIGNS network [12288, 25, 12, 6] (ReLU, ReLU, softmax cross-entropy averaged over the batch) with Adam
(learning rate 0.0001, beta1 0.9, beta2 0.999, epsilon 1e-8) on mini-batches of 32 for 1500 epochs, on the demo's
stratified split of test_signs.h5 (the first 15 pictures of each class for training, the other 30 for testing).
Weights start from a Glorot normal cut at two standard deviations (TensorFlow's truncated normal), biases at zero;
mini-batches are shuffled with np.random.seed(4), (5), ... as the demo's are. The pictures are read with h5py when it
is installed (from $DLCOURSE_DATA, ./data or ../shared/datasets); without h5py, random pictures of the same shape
are used, which take the same time but learn nothing. Computes in float64, numpy's default (in float32, Adam's
tiny second moments turn into subnormal numbers, which made this script ten times slower). Prints the cost every 100 epochs, both accuracies and the wall
time. Usage: python3 bench/numpy/framework.py
"""
import os
import time

# OpenBLAS's threads spin-wait; on a busy two-core machine that made each small product 30 times slower. One thread
# is the fair comparison with the demo (set OPENBLAS_NUM_THREADS yourself to try more).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402 (after the thread setting, which numpy reads on import)

EPOCHS, LEARNING_RATE, BATCH, PER_CLASS = 1500, 0.0001, 32, 15
BETA1, BETA2, EPSILON = 0.9, 0.999, 1e-8


def load_test_set():
    try:
        import h5py
    except ImportError:
        print("h5py is not installed: timing with random pictures of the SIGNS test set's shape")
        rng = np.random.RandomState(0)
        return rng.randint(0, 256, size=(120, 64, 64, 3)).astype(np.float64), np.tile(np.arange(6), 20)
    here = os.path.dirname(os.path.abspath(__file__))
    for folder in [os.environ.get("DLCOURSE_DATA", ""), "data", os.path.join(here, "..", "..", "..", "shared",
                                                                              "datasets")]:
        path = os.path.join(folder, "test_signs.h5")
        if folder and os.path.exists(path):
            with h5py.File(path, "r") as f:
                return np.array(f["test_set_x"], dtype=np.float64), np.array(f["test_set_y"])
    raise SystemExit("test_signs.h5 not found")


def split(x, y):
    seen = np.zeros(6, dtype=int)
    train, test = [], []
    for i, label in enumerate(y):
        (train if seen[label] < PER_CLASS else test).append(i)
        seen[label] += 1
    return (x[train], y[train]), (x[test], y[test])


def prepare(x, y):
    return x.reshape(x.shape[0], -1).T / 255.0, np.eye(6)[:, y]


def glorot(rows, cols, rng):
    sigma = np.sqrt(2.0 / (rows + cols)) / 0.87962566103423978
    w = rng.randn(rows, cols) * sigma
    while True:
        outside = np.abs(w) > 2 * sigma
        if not outside.any():
            return w
        w[outside] = rng.randn(outside.sum()) * sigma


def forward(p, x):
    z1 = p["W1"] @ x + p["b1"]
    a1 = np.maximum(z1, 0)
    z2 = p["W2"] @ a1 + p["b2"]
    a2 = np.maximum(z2, 0)
    z3 = p["W3"] @ a2 + p["b3"]
    return z1, a1, z2, a2, z3


def cost_and_grads(p, x, y):
    z1, a1, z2, a2, z3 = forward(p, x)
    m = x.shape[1]
    shifted = z3 - z3.max(axis=0, keepdims=True)
    softmax = np.exp(shifted) / np.exp(shifted).sum(axis=0, keepdims=True)
    cost = -np.mean(np.sum(y * np.log(softmax + 1e-12), axis=0))
    dz3 = (softmax - y) / m
    g = {"W3": dz3 @ a2.T, "b3": dz3.sum(axis=1, keepdims=True)}
    dz2 = (p["W3"].T @ dz3) * (z2 > 0)
    g["W2"], g["b2"] = dz2 @ a1.T, dz2.sum(axis=1, keepdims=True)
    dz1 = (p["W2"].T @ dz2) * (z1 > 0)
    g["W1"], g["b1"] = dz1 @ x.T, dz1.sum(axis=1, keepdims=True)
    return cost, g


def main():
    (x_train, y_train), (x_test, y_test) = split(*load_test_set())
    x_train, y_train = prepare(x_train, y_train)
    x_test, y_test = prepare(x_test, y_test)
    start = time.time()
    rng = np.random.RandomState(1)
    sizes = [12288, 25, 12, 6]
    p = {}
    for l in range(1, 4):
        p["W%d" % l] = glorot(sizes[l], sizes[l - 1], rng)
        p["b%d" % l] = np.zeros((sizes[l], 1))
    v = {k: np.zeros_like(w) for k, w in p.items()}
    s = {k: np.zeros_like(w) for k, w in p.items()}
    t = 0
    m = x_train.shape[1]
    for epoch in range(EPOCHS):
        np.random.seed(4 + epoch)
        order = np.random.permutation(m)
        batches = [order[k:k + BATCH] for k in range(0, m, BATCH)]
        epoch_cost = 0.0
        for batch in batches:
            cost, g = cost_and_grads(p, x_train[:, batch], y_train[:, batch])
            epoch_cost += cost / len(batches)
            t += 1
            for k in p:
                v[k] = BETA1 * v[k] + (1 - BETA1) * g[k]
                s[k] = BETA2 * s[k] + (1 - BETA2) * g[k] ** 2
                lr = LEARNING_RATE * np.sqrt(1 - BETA2 ** t) / (1 - BETA1 ** t)
                p[k] = p[k] - lr * v[k] / (np.sqrt(s[k]) + EPSILON)
        if epoch % 100 == 0:
            print("Cost after epoch %d: %f" % (epoch, epoch_cost))
    for name, x, y in [("Train", x_train, y_train), ("Test", x_test, y_test)]:
        z3 = forward(p, x)[4]
        print("%s Accuracy: %s" % (name, np.mean(z3.argmax(axis=0) == y.argmax(axis=0))))
    print("numpy wall time: %.1f s" % (time.time() - start))


if __name__ == "__main__":
    main()
