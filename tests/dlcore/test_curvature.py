"""The Hessian's largest eigenvalue, against cases where it is known exactly."""
import numpy as np
import pytest

import dlcore as dl
from dlcore.curvature import hessian_max_eigenvalue


def test_linear_model_with_mse_matches_the_exact_hessian():
    """J = mean((X w + b - y)^2) has Hessian (2/N) [X 1]^T [X 1], whatever the parameters."""
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(50, 4)), rng.normal(size=(50, 1))
    model = dl.Linear(4, 1, rng=1, dtype=np.float64)
    X1 = np.c_[X, np.ones(50)]
    exact = np.linalg.eigvalsh(2 / 50 * X1.T @ X1).max()
    assert hessian_max_eigenvalue(model, dl.MSELoss(), X, y, iters=300) == pytest.approx(exact, rel=1e-6)


def test_network_matches_a_dense_finite_difference_hessian():
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(20, 2)), rng.normal(size=(20, 1))
    model = dl.Sequential(dl.Linear(2, 3, rng=3, dtype=np.float64), dl.Tanh(),
                          dl.Linear(3, 1, rng=4, dtype=np.float64))
    params = model.parameters()
    theta = np.concatenate([p.data.ravel() for p in params])
    loss = dl.MSELoss()

    def grad_at(t):
        i = 0
        for p in params:
            p.data[...] = t[i:i + p.data.size].reshape(p.data.shape)
            i += p.data.size
        loss(model(X), y)
        model.zero_grad()
        model.backward(loss.backward())
        return np.concatenate([p.grad.ravel() for p in params])

    h = 1e-5
    H = np.array([(grad_at(theta + h * e) - grad_at(theta - h * e)) / (2 * h) for e in np.eye(theta.size)])
    grad_at(theta)                                          # restore the parameters
    eigenvalues = np.linalg.eigvalsh((H + H.T) / 2)
    largest = eigenvalues[np.argmax(np.abs(eigenvalues))]
    assert hessian_max_eigenvalue(model, loss, X, y, iters=500) == pytest.approx(largest, rel=1e-4)


def test_the_model_is_left_unchanged_and_float32_works():
    X, y = dl.data.make_regression_curve(30, rng=0)
    model = dl.Sequential(dl.Linear(1, 4, rng=0), dl.Tanh(), dl.Linear(4, 1, rng=1))
    before = [p.data.copy() for p in model.parameters()]
    value = hessian_max_eigenvalue(model, dl.MSELoss(), X, y, iters=20)
    assert np.isfinite(value) and value > 0
    assert all(np.array_equal(a, p.data) and p.data.dtype == np.float32
               for a, p in zip(before, model.parameters()))


def test_bad_arguments_are_named():
    model = dl.Linear(1, 1, rng=0)
    X, y = np.ones((2, 1), dtype=np.float32), np.ones((2, 1), dtype=np.float32)
    with pytest.raises(ValueError, match="iters"):
        hessian_max_eigenvalue(model, dl.MSELoss(), X, y, iters=0)
    with pytest.raises(ValueError, match="h must be positive"):
        hessian_max_eigenvalue(model, dl.MSELoss(), X, y, h=0)
    with pytest.raises(ValueError, match="ReLU has no parameters"):
        hessian_max_eigenvalue(dl.ReLU(), dl.MSELoss(), X, y)
