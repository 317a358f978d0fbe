#!/usr/bin/env python3
"""Plain-numpy equivalent of `./dlcourse demo optimization`, for a speed comparison (optional; needs only numpy).

Trains the course's 3-layer network [2, 5, 2, 1] on the moons (300 points, noise 0.2, seed 3) exactly as the demo
does: gd, momentum and adam for 10000 epochs (mini-batches of 64, learning rate 0.0007), then the learning-rate decay
runs (5000 epochs: gd with update_lr, and gd / momentum / adam with schedule_lr_decay). Prints each run's training
accuracy and the total wall time. Usage: python3 bench/numpy/optimization.py
"""
import math
import time

import numpy as np


def make_moons(n_samples, noise):
    """scikit-learn's make_moons on numpy's global RandomState (shuffle, then noise)."""
    n_out = n_samples // 2
    n_in = n_samples - n_out
    outer = np.linspace(0, np.pi, n_out)
    inner = np.linspace(0, np.pi, n_in)
    x = np.vstack([np.append(np.cos(outer), 1 - np.cos(inner)),
                   np.append(np.sin(outer), 1 - np.sin(inner) - .5)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    index = np.arange(n_samples)
    np.random.shuffle(index)
    x, y = x[index], y[index]
    x += np.random.normal(scale=noise, size=x.shape)
    return x, y


def load_dataset():
    np.random.seed(3)
    x, y = make_moons(300, 0.2)
    return x.T, y.reshape((1, y.shape[0]))


def initialize_parameters(layer_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) * np.sqrt(2 / layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(x, p):
    z1 = np.dot(p["W1"], x) + p["b1"]
    a1 = np.maximum(0, z1)
    z2 = np.dot(p["W2"], a1) + p["b2"]
    a2 = np.maximum(0, z2)
    z3 = np.dot(p["W3"], a2) + p["b3"]
    a3 = 1 / (1 + np.exp(-z3))
    return a3, (z1, a1, p["W1"], p["b1"], z2, a2, p["W2"], p["b2"], z3, a3, p["W3"], p["b3"])


def compute_cost(a3, y):
    return np.sum(np.multiply(-np.log(a3), y) + np.multiply(-np.log(1 - a3), 1 - y))


def backward_propagation(x, y, cache):
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


def update_parameters_with_gd(p, grads, learning_rate):
    for l in range(1, len(p) // 2 + 1):
        p["W" + str(l)] = p["W" + str(l)] - learning_rate * grads["dW" + str(l)]
        p["b" + str(l)] = p["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return p


def random_mini_batches(x, y, mini_batch_size, seed):
    np.random.seed(seed)
    m = x.shape[1]
    permutation = list(np.random.permutation(m))
    shuffled_x = x[:, permutation]
    shuffled_y = y[:, permutation].reshape((1, m))
    batches = []
    complete = math.floor(m / mini_batch_size)
    for k in range(complete):
        batches.append((shuffled_x[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                        shuffled_y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size != 0:
        batches.append((shuffled_x[:, complete * mini_batch_size:], shuffled_y[:, complete * mini_batch_size:]))
    return batches


def zeros_like(p):
    return {"d" + k: np.zeros(v.shape) for k, v in p.items()}


def update_parameters_with_momentum(p, grads, v, beta, learning_rate):
    for k in list(p.keys()):
        v["d" + k] = beta * v["d" + k] + (1 - beta) * grads["d" + k]
        p[k] = p[k] - learning_rate * v["d" + k]
    return p, v


def update_parameters_with_adam(p, grads, v, s, t, learning_rate, beta1, beta2, epsilon):
    for k in list(p.keys()):
        d = "d" + k
        v[d] = beta1 * v[d] + (1 - beta1) * grads[d]
        v_corrected = v[d] / (1 - np.power(beta1, t))
        s[d] = beta2 * s[d] + (1 - beta2) * np.power(grads[d], 2)
        s_corrected = s[d] / (1 - np.power(beta2, t))
        p[k] = p[k] - learning_rate * v_corrected / np.sqrt(s_corrected + epsilon)
    return p, v, s


def update_lr(learning_rate0, epoch_num, decay_rate):
    return 1 / (1 + decay_rate * epoch_num) * learning_rate0


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return 1 / (1 + decay_rate * np.floor(epoch_num / time_interval)) * learning_rate0


def model(x, y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9, beta1=0.9,
          beta2=0.999, epsilon=1e-8, num_epochs=10000, decay=None, decay_rate=1):
    costs = []
    t = 0
    seed = 10
    m = x.shape[1]
    learning_rate0 = learning_rate
    p = initialize_parameters(layers_dims)
    v = s = None
    if optimizer == "momentum":
        v = zeros_like(p)
    elif optimizer == "adam":
        v, s = zeros_like(p), zeros_like(p)
    for i in range(num_epochs):
        seed = seed + 1
        cost_total = 0
        for batch_x, batch_y in random_mini_batches(x, y, mini_batch_size, seed):
            a3, cache = forward_propagation(batch_x, p)
            cost_total += compute_cost(a3, batch_y)
            grads = backward_propagation(batch_x, batch_y, cache)
            if optimizer == "gd":
                p = update_parameters_with_gd(p, grads, learning_rate)
            elif optimizer == "momentum":
                p, v = update_parameters_with_momentum(p, grads, v, beta, learning_rate)
            else:
                t = t + 1
                p, v, s = update_parameters_with_adam(p, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        if decay:
            learning_rate = decay(learning_rate0, i, decay_rate)
        if i % 100 == 0:
            costs.append(cost_total / m)
    return p, costs


RUNS = [
    ("gd", dict(optimizer="gd")),
    ("momentum", dict(optimizer="momentum")),
    ("adam", dict(optimizer="adam")),
    ("gd_update_lr", dict(optimizer="gd", learning_rate=0.1, num_epochs=5000, decay=update_lr)),
    ("gd_decay", dict(optimizer="gd", learning_rate=0.1, num_epochs=5000, decay=schedule_lr_decay)),
    ("momentum_decay", dict(optimizer="momentum", learning_rate=0.1, num_epochs=5000, decay=schedule_lr_decay)),
    ("adam_decay", dict(optimizer="adam", learning_rate=0.01, num_epochs=5000, decay=schedule_lr_decay)),
]


def main():
    start = time.perf_counter()
    x, y = load_dataset()
    for name, settings in RUNS:
        p, costs = model(x, y, [2, 5, 2, 1], **settings)
        a3, _ = forward_propagation(x, p)
        accuracy = np.mean((a3 > 0.5)[0, :] == y[0, :])
        print("%-15s first cost %.6f  accuracy %s" % (name, costs[0], accuracy))
    print("numpy wall time: %.2f s" % (time.perf_counter() - start))


if __name__ == "__main__":
    main()
