r"""The curvature of a loss: the largest eigenvalue of its Hessian, which sets the largest stable
learning rate of gradient descent.

Near a point $\theta$ the loss is close to a quadratic with Hessian $H = \nabla^2 J(\theta)$. Along
an eigenvector of $H$ with eigenvalue $c$, one gradient step multiplies the distance to the
minimum by $1 - \lambda c$, so gradient descent is stable only while $\lambda < 2/L$, with $L$ the
largest eigenvalue (chapter 8 derives this). A network's Hessian has $P \times P$ entries, too
many to build, but power iteration needs only products $Hv$, and each of those is a difference
of two gradients:

$$H v \approx \frac{\nabla J(\theta + h v) - \nabla J(\theta - h v)}{2h}.$$
"""
import copy

import numpy as np

from dlcore._checks import check_positive_int


def _flat_gradient(model, loss_fn, X, y):
    loss_fn(model(X), y)
    model.zero_grad()
    model.backward(loss_fn.backward())
    return np.concatenate([p.grad.ravel() for p in model.parameters()])


def _shift(params, step):
    """Add the flat vector ``step`` to the parameters, in place."""
    start = 0
    for p in params:
        p.data += step[start:start + p.data.size].reshape(p.data.shape)
        start += p.data.size


def hessian_max_eigenvalue(model, loss_fn, X, y, *, iters=100, h=1e-4, rng=0):
    r"""The largest eigenvalue $L$ of the Hessian of ``loss_fn(model(X), y)`` at the model's
    current parameters, by power iteration on finite-difference Hessian-vector products.

    The computation runs on a float64 copy of the model, which is left unchanged. Power iteration
    converges to the eigenvalue of largest absolute value; near a minimum the Hessian's large
    eigenvalues are positive, so this is the largest curvature. The result is the Rayleigh
    quotient $v^\top H v$ of the last unit vector $v$.

    Args:
        model: a dlcore module with parameters.
        loss_fn: a dlcore loss, such as ``dl.MSELoss()``.
        X, y: the data on which the loss is measured (all of it, for gradient descent).
        iters: power-iteration steps.
        h: finite-difference step along the unit vector $v$.
        rng: seed or Generator for the random starting vector.

    >>> import numpy as np, dlcore as dl
    >>> X = np.array([[1.0], [2.0], [3.0]])
    >>> model = dl.Linear(1, 1, bias=False, rng=0, dtype=np.float64)
    >>> # MSE of w x: J = mean((w x - y)^2), so J'' = 2 mean(x^2) = 2 * 14 / 3
    >>> round(hessian_max_eigenvalue(model, dl.MSELoss(), X, np.zeros((3, 1))), 6)
    9.333333
    """
    iters = check_positive_int(iters, "iters", "hessian_max_eigenvalue")
    if not h > 0:
        raise ValueError(f"hessian_max_eigenvalue: h must be positive, got {h!r}.")
    work = copy.deepcopy(model).to(np.float64)
    params = work.parameters()
    if not params:
        raise ValueError(f"hessian_max_eigenvalue: {type(model).__name__} has no parameters.")
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if y.dtype.kind == "f":
        y = y.astype(np.float64)
    size = sum(p.data.size for p in params)
    v = np.random.default_rng(rng).standard_normal(size)
    v /= np.linalg.norm(v)
    eigenvalue = 0.0
    for _ in range(iters):
        _shift(params, h * v)
        plus = _flat_gradient(work, loss_fn, X, y)
        _shift(params, -2 * h * v)
        minus = _flat_gradient(work, loss_fn, X, y)
        _shift(params, h * v)
        hv = (plus - minus) / (2 * h)
        eigenvalue = float(v @ hv)
        norm = np.linalg.norm(hv)
        if norm == 0:
            return 0.0
        v = hv / norm
    return eigenvalue
