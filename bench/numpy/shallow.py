#!/usr/bin/env python3
"""Plain-numpy baseline for `./dlcourse demo shallow`: the same training runs, timed.

Runs what the demo runs, with the same data and seeds: the logistic-regression baseline (1000 steps of gradient
descent at learning rate 1.2), the one-hidden-layer tanh network with n_h = 4 on the flower (10000 iterations,
learning rate 1.2), the sweep n_h = 1, 2, 3, 4, 5, 20, 50 (5000 iterations each), and n_h = 4 on the four extra
datasets (10000 iterations each). Decision-boundary plots are not drawn. Prints each run's training accuracy and the
total wall time. Needs only numpy (the scikit-learn generators are re-implemented draw for draw).

Usage: python3 bench/numpy/shallow.py
"""
import time

import numpy as np

LEARNING_RATE = 1.2
SWEEP = [1, 2, 3, 4, 5, 20, 50]


# ------------------------------------------------------------------ data (column per example)

def flower(rng):
    columns, labels = [], []
    for j in range(2):
        t = np.linspace(3.12 * j, 3.12 * (j + 1), 200) + 0.2 * rng.randn(200)
        r = 4 * np.sin(4 * t) + 0.2 * rng.randn(200)
        columns.append(np.vstack([r * np.sin(t), r * np.cos(t)]))
        labels.append(np.full(200, j))
    return np.hstack(columns), np.hstack(labels).reshape(1, -1).astype(float)


def shuffled_with_noise(rng, points, labels, noise):
    order = rng.permutation(len(labels))
    points, labels = points[order], labels[order]
    if noise is not None:
        points = points + rng.normal(scale=noise, size=points.shape)
    return points.T, labels.reshape(1, -1).astype(float)


def circles(rng, n, noise, factor):
    outer = n // 2
    a_out = np.linspace(0, 2 * np.pi, outer, endpoint=False)
    a_in = np.linspace(0, 2 * np.pi, n - outer, endpoint=False)
    points = np.vstack([np.c_[np.cos(a_out), np.sin(a_out)], np.c_[np.cos(a_in) * factor, np.sin(a_in) * factor]])
    return shuffled_with_noise(rng, points, np.r_[np.zeros(outer), np.ones(n - outer)], noise)


def moons(rng, n, noise):
    outer = n // 2
    s_out = np.linspace(0, np.pi, outer)
    s_in = np.linspace(0, np.pi, n - outer)
    points = np.vstack([np.c_[np.cos(s_out), np.sin(s_out)], np.c_[1 - np.cos(s_in), 1 - np.sin(s_in) - 0.5]])
    return shuffled_with_noise(rng, points, np.r_[np.zeros(outer), np.ones(n - outer)], noise)


def blobs_mod_2(n=200, centres=6):
    rng = np.random.RandomState(5)
    centre = rng.uniform(-10, 10, size=(centres, 2))
    sizes = [n // centres + (1 if c < n % centres else 0) for c in range(centres)]
    points = np.vstack([rng.normal(loc=centre[c], scale=1.0, size=(k, 2)) for c, k in enumerate(sizes)])
    labels = np.hstack([np.full(k, c) for c, k in enumerate(sizes)])
    order = rng.permutation(n)
    return points[order].T, (labels[order] % 2).reshape(1, -1).astype(float)


def gaussian_quantiles(rng, n, cov):
    points = rng.standard_normal((n, 2)) * np.sqrt(cov)
    points = points[np.argsort(np.sum(points ** 2, axis=1))]
    labels = np.r_[np.zeros(n // 2), np.ones(n - n // 2)]
    return shuffled_with_noise(rng, points, labels, None)


def extra_datasets():
    rng = np.random.RandomState(7)  # the seed dlcourse fixes for the course's running global stream
    data = {"noisy_circles": circles(rng, 200, 0.3, 0.5), "noisy_moons": moons(rng, 200, 0.2)}
    quantiles = gaussian_quantiles(rng, 200, 0.5)
    data["blobs"] = blobs_mod_2()
    data["gaussian_quantiles"] = quantiles
    return data


# ------------------------------------------------------------------ models

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def logistic_baseline(x, y, iterations=1000, rate=LEARNING_RATE):
    w, b, m = np.zeros((x.shape[0], 1)), 0.0, x.shape[1]
    for _ in range(iterations):
        dz = sigmoid(w.T @ x + b) - y
        w = w - (x @ dz.T) * (rate / m)
        b = b - rate * dz.sum() / m
    return lambda points: sigmoid(w.T @ points + b) > 0.5


def train_network(x, y, n_h, iterations):
    rng = np.random.RandomState(2)
    w1 = rng.randn(n_h, x.shape[0]) * 0.01
    w2 = rng.randn(y.shape[0], n_h) * 0.01
    b1, b2 = np.zeros((n_h, 1)), np.zeros((y.shape[0], 1))
    m = x.shape[1]
    costs = []
    for i in range(iterations):
        a1 = np.tanh(w1 @ x + b1)
        a2 = sigmoid(w2 @ a1 + b2)
        if i % 1000 == 0:
            costs.append(-np.sum(y * np.log(a2) + (1 - y) * np.log(1 - a2)) / m)
        dz2 = a2 - y
        dz1 = (w2.T @ dz2) * (1 - a1 ** 2)
        w2, b2 = w2 - LEARNING_RATE * (dz2 @ a1.T) / m, b2 - LEARNING_RATE * dz2.sum(axis=1, keepdims=True) / m
        w1, b1 = w1 - LEARNING_RATE * (dz1 @ x.T) / m, b1 - LEARNING_RATE * dz1.sum(axis=1, keepdims=True) / m
    return (lambda points: sigmoid(w2 @ np.tanh(w1 @ points + b1) + b2) > 0.5), costs


def accuracy(predict, x, y):
    return float(np.mean(predict(x) == y))


def main():
    start = time.perf_counter()
    x, y = flower(np.random.RandomState(1))
    extras = extra_datasets()
    print(f"logistic regression: {100 * accuracy(logistic_baseline(x, y), x, y):g} %")
    predict, costs = train_network(x, y, 4, 10000)
    print(f"n_h=4: {100 * accuracy(predict, x, y):g} % (costs {', '.join(f'{c:.6f}' for c in costs)})")
    for n_h in SWEEP:
        predict, _ = train_network(x, y, n_h, 5000)
        print(f"sweep n_h={n_h}: {100 * accuracy(predict, x, y):g} %")
    for name, (xs, ys) in extras.items():
        predict, _ = train_network(xs, ys, 4, 10000)
        print(f"{name}: {100 * accuracy(predict, xs, ys):g} %")
    print(f"numpy {np.__version__}: total wall time {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
