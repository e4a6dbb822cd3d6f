r"""Activation functions and their derivatives, as plain functions of arrays.

These are the formulas the book plots; the layer classes in :mod:`dlcore.activations` call them.
Every function is written to stay finite and silent (no overflow warnings) for inputs as large
as +-1000.

>>> x = np.array([-1000.0, 0.0, 1000.0])
>>> sigmoid(x)
array([0. , 0.5, 1. ])
>>> softmax(np.array([[1000.0, 1000.0]]))
array([[0.5, 0.5]])
"""
import numpy as np


def sigmoid(x):
    r"""$\sigma(x) = 1 / (1 + e^{-x})$.

    Computed as $1/(1+e^{-|x|})$ for x >= 0 and $e^{-|x|}/(1+e^{-|x|})$ for x < 0, so the
    exponential never overflows.
    """
    e = np.exp(-np.abs(x))                 # in (0, 1]: cannot overflow
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


def sigmoid_derivative(x):
    r"""$\sigma'(x) = \sigma(x)\,(1 - \sigma(x))$, at most 1/4 (at x = 0)."""
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x):
    r"""$\tanh(x) = (e^x - e^{-x}) / (e^x + e^{-x}) = 2\sigma(2x) - 1$; zero-centred, in (-1, 1)."""
    return np.tanh(x)


def tanh_derivative(x):
    r"""$\tanh'(x) = 1 - \tanh^2(x)$, at most 1 (at x = 0)."""
    t = np.tanh(x)
    return 1.0 - t * t


def relu(x):
    r"""$\mathrm{ReLU}(x) = \max(0, x)$: piecewise linear, not a step."""
    return np.maximum(x, 0)


def relu_derivative(x):
    r"""1 for x > 0, else 0 (at x = 0 we take 0, as PyTorch does)."""
    return (x > 0).astype(np.result_type(x, np.float32))


def leaky_relu(x, negative_slope=0.01):
    r"""$x$ for x > 0, $\alpha x$ otherwise ($\alpha$ = ``negative_slope``)."""
    return np.where(x > 0, x, negative_slope * x)


def leaky_relu_derivative(x, negative_slope=0.01):
    r"""1 for x > 0, $\alpha$ otherwise."""
    return np.where(x > 0, 1.0, negative_slope).astype(np.result_type(x, np.float32))


def softmax(z, axis=-1):
    r"""$\mathrm{softmax}(z)_k = e^{z_k} / \sum_j e^{z_j}$ along ``axis``.

    Subtracting $\max_j z_j$ first changes nothing mathematically (it cancels between numerator
    and denominator) but keeps every exponent <= 0, so nothing overflows.
    """
    shifted = z - np.max(z, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    r"""$\log \mathrm{softmax}(z)_k = z_k - \log \sum_j e^{z_j}$ (the log-sum-exp, computed stably)."""
    shifted = z - np.max(z, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def logsumexp(z, axis=-1, keepdims=False):
    r"""$\log \sum_j e^{z_j}$ without overflow: $m + \log\sum_j e^{z_j - m}$, $m = \max_j z_j$."""
    m = np.max(z, axis=axis, keepdims=True)
    out = m + np.log(np.sum(np.exp(z - m), axis=axis, keepdims=True))
    return out if keepdims else np.squeeze(out, axis=axis)


DERIVATIVES = {
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
    "leaky_relu": (leaky_relu, leaky_relu_derivative),
}
