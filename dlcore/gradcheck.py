"""Gradient checking: compare a backward pass with central differences, in float64.

The central difference (f(x + h) - f(x - h)) / 2h has error O(h^2), against O(h) for the
one-sided (f(x + h) - f(x)) / h. In float64 with h = 1e-5 a correct backward pass agrees with it
to a relative error around 1e-8 or better; an error of 1e-3 means a bug. (A smaller h is not
better: the rounding error of f, about 1e-16 |f| / h, grows as h shrinks, while the truncation
error shrinks like h^2; h = 1e-5 balances the two for values of order one.)

>>> from dlcore import Linear
>>> check_module(Linear(3, 2, rng=0), np.random.default_rng(0).normal(size=(4, 3))) < 1e-7
True
"""
import copy

import numpy as np


def numerical_gradient(f, x, h=1e-5):
    """Central-difference gradient of the scalar function ``f()`` with respect to the array ``x``.

    ``x`` is perturbed in place, one entry at a time, and restored; ``f`` takes no arguments and
    must read ``x`` (that is how it can check a layer's weights as well as its input).

    >>> x = np.array([3.0, 2.0])
    >>> np.round(numerical_gradient(lambda: float(np.sum(x ** 2)), x), 6)
    array([6., 4.])
    """
    if not isinstance(x, np.ndarray) or x.dtype.kind != "f":
        raise TypeError(
            "numerical_gradient perturbs x in place, so x must be a floating-point NumPy array "
            f"(use float64 for accurate checks); got {getattr(x, 'dtype', type(x).__name__)}."
        )
    grad = np.zeros(x.shape, dtype=np.float64)
    for i in np.ndindex(x.shape):          # works on views too (x.T, slices): no hidden copy
        old = x[i]
        x[i] = old + h
        plus = f()
        x[i] = old - h
        minus = f()
        x[i] = old
        grad[i] = (plus - minus) / (2 * h)
    return grad


def rel_error(a, b):
    """Relative error ||a - b|| / (||a|| + ||b||) of two arrays (Euclidean norms).

    Comparing whole arrays, not entry by entry, keeps one tiny entry (say 1e-5, right to 1e-11,
    the rounding limit of a central difference) from posing as a large relative error. The
    denominator is at least 1e-8, so two arrays that are both zero up to rounding compare as equal.

    >>> rel_error(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    0.0
    >>> round(rel_error(np.array([1.0, 0.0]), np.array([1.1, 0.0])), 4)
    0.0476
    """
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    scale = max(np.linalg.norm(a) + np.linalg.norm(b), 1e-8)
    return float(np.linalg.norm(a - b) / scale)


def check_module(module, x, *, rng=0, h=1e-5):
    """Worst relative error between ``module``'s backward pass and central differences.

    Works on a float64 copy of the module (the original is not touched), for the input and for
    every parameter. The scalar checked is L = sum(module(x) * R) with R a fixed random array, so
    every output entry carries a different weight. Each evaluation starts from a fresh copy, so a
    Dropout mask or BatchNorm's running statistics are identical in every evaluation.
    """
    base = copy.deepcopy(module).to(np.float64)
    x = np.array(x, dtype=np.float64)
    # R gets its own stream, so it cannot coincide with an x drawn from the same seed.
    R = np.random.default_rng([rng, 1]).standard_normal(copy.deepcopy(base).forward(x).shape)

    def loss_of(m, inp):
        return float(np.sum(m.forward(inp) * R))

    analytic = copy.deepcopy(base)
    analytic.zero_grad()
    analytic.forward(x)
    dx = analytic.backward(R)

    errors = [rel_error(dx, numerical_gradient(lambda: loss_of(copy.deepcopy(base), x), x, h))]
    for (name, p), (_, p_analytic) in zip(base.named_parameters(), analytic.named_parameters()):
        numeric = numerical_gradient(lambda: loss_of(copy.deepcopy(base), x), p.data, h)
        errors.append(rel_error(p_analytic.grad, numeric))
    return max(errors)


def check_loss(loss_fn, pred, target, *, h=1e-5):
    """Relative error between ``loss_fn.backward()`` and central differences, in float64."""
    pred = np.array(pred, dtype=np.float64)
    target = np.asarray(target)
    if target.dtype.kind == "f":
        target = target.astype(np.float64)
    loss_fn(pred, target)
    analytic = loss_fn.backward()
    numeric = numerical_gradient(lambda: loss_fn(pred, target), pred, h)
    return rel_error(analytic, numeric)
