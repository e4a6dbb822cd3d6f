"""Every backward pass against float64 central differences (relative error < 1e-7)."""
import numpy as np
import pytest

import dlcore as dl
from dlcore.gradcheck import check_loss, check_module, numerical_gradient, rel_error

TOL = 1e-7


def batch(shape, seed=0, scale=1.0):
    return scale * np.random.default_rng(seed).standard_normal(shape)


def away_from_kinks(x, margin=1e-3):
    """Move entries away from 0, where ReLU-type functions are not differentiable."""
    return np.where(np.abs(x) < margin, margin * np.sign(x + 1e-12) * 3, x)


MODULES = {
    "linear": lambda: dl.Linear(4, 3, rng=0),
    "linear_no_bias": lambda: dl.Linear(4, 3, bias=False, rng=0),
    "relu": lambda: dl.ReLU(),
    "leaky_relu": lambda: dl.LeakyReLU(0.1),
    "sigmoid": lambda: dl.Sigmoid(),
    "tanh": lambda: dl.Tanh(),
    "softmax": lambda: dl.Softmax(),
    "identity": lambda: dl.Identity(),
    "dropout": lambda: dl.Dropout(0.3, rng=1),
    "batchnorm": lambda: dl.BatchNorm1d(4),
    "residual": lambda: dl.Residual(dl.Sequential(dl.Linear(4, 4, rng=2), dl.Tanh())),
    "mlp": lambda: dl.Sequential(dl.Linear(4, 5, rng=3), dl.Tanh(), dl.Linear(5, 3, rng=4)),
    # No bias before BatchNorm: its gradient is exactly 0 (BatchNorm subtracts the mean), and a
    # zero compared with central-difference noise of 1e-11 is no test at all.
    "deep": lambda: dl.Sequential(dl.Linear(4, 6, bias=False, rng=5), dl.BatchNorm1d(6), dl.LeakyReLU(0.05),
                                  dl.Dropout(0.2, rng=6), dl.Residual(dl.Linear(6, 6, rng=7)),
                                  dl.Sigmoid(), dl.Linear(6, 3, rng=8), dl.Softmax()),
}


@pytest.mark.parametrize("mode", ["train", "eval"])
@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_backward_matches_numerical_gradient(name, mode):
    module = MODULES[name]()
    x = away_from_kinks(batch((5, 4), seed=len(name)))
    if mode == "eval":
        # give BatchNorm non-trivial running statistics before freezing them
        module.train()
        module.to(np.float64)(x * 2 + 1)
        module.eval()
    error = check_module(module, x)
    assert error < TOL, f"{name} ({mode}): relative error {error:.2e}"


def test_gradients_are_checked_for_every_parameter():
    """A broken weight gradient must be caught even when the input gradient is right."""
    class BrokenLinear(dl.Linear):
        def backward(self, delta):
            dx = super().backward(delta)
            self.weight.grad *= 1.01
            return dx
    assert check_module(BrokenLinear(3, 2, rng=0), batch((4, 3))) > 1e-3


LOSSES = {
    "mse": (dl.MSELoss(), batch((6, 3)), batch((6, 3), seed=1)),
    "bce": (dl.BCELoss(), dl.functional.sigmoid(batch((6, 1))), (batch((6, 1), seed=2) > 0) * 1.0),
    "bce_logits": (dl.BCEWithLogitsLoss(), batch((6, 2), scale=3), (batch((6, 2), seed=3) > 0) * 1.0),
    "ce_labels": (dl.CrossEntropyLoss(), batch((6, 4), scale=2), np.array([0, 3, 1, 2, 3, 0])),
    "ce_probs": (dl.CrossEntropyLoss(), batch((6, 4), scale=2),
                 dl.functional.softmax(batch((6, 4), seed=4))),
}


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss_backward_matches_numerical_gradient(name):
    loss_fn, pred, target = LOSSES[name]
    error = check_loss(loss_fn, pred, target)
    assert error < TOL, f"{name}: relative error {error:.2e}"


def test_loss_values_match_their_formulas():
    z = np.array([[2.0, -1.0, 0.5], [0.0, 0.0, 3.0]])
    labels = np.array([0, 2])
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    assert np.isclose(dl.CrossEntropyLoss()(z, labels), -np.mean(np.log(p[[0, 1], labels])))
    y = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
    s = 1 / (1 + np.exp(-z))
    bce = -np.mean(y * np.log(s) + (1 - y) * np.log(1 - s))
    assert np.isclose(dl.BCEWithLogitsLoss()(z, y), bce)
    assert np.isclose(dl.BCELoss()(s, y), bce)
    assert np.isclose(dl.MSELoss()(z, y), np.mean((z - y) ** 2))


def test_fused_gradients_are_p_minus_y_over_n():
    z = batch((5, 3))
    labels = np.array([0, 1, 2, 1, 0])
    loss_fn = dl.CrossEntropyLoss()
    loss_fn(z, labels)
    expected = (dl.functional.softmax(z) - np.eye(3)[labels]) / 5
    assert np.allclose(loss_fn.backward(), expected)


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu"])
def test_functional_derivatives(name):
    f, df = dl.functional.DERIVATIVES[name]
    x = away_from_kinks(np.linspace(-6, 6, 41))
    numeric = np.array([numerical_gradient(lambda: float(f(xi)), xi)
                        for xi in (np.array(v) for v in x)])
    assert rel_error(df(x), numeric) < TOL


def test_log_softmax_and_logsumexp_match_naive_forms():
    z = batch((4, 5))
    assert np.allclose(dl.functional.log_softmax(z), np.log(dl.functional.softmax(z)))
    assert np.allclose(dl.functional.logsumexp(z), np.log(np.exp(z).sum(axis=1)))
    assert np.allclose(dl.functional.tanh(z), 2 * dl.functional.sigmoid(2 * z) - 1)


def test_numerical_gradient_of_book_function():
    """f(x, y, z) = 2/3 x^2 + y^2 - 2y + z^4 - 4/3 z^3 has gradient (4, 2, 0) at (3, 2, 1)."""
    p = np.array([3.0, 2.0, 1.0])

    def f():
        x, y, z = p
        return 2 / 3 * x**2 + y**2 - 2 * y + z**4 - 4 / 3 * z**3
    assert np.allclose(numerical_gradient(f, p), [4.0, 2.0, 0.0], atol=1e-6)


def test_numerical_gradient_works_on_views_and_rejects_integers():
    A = np.arange(6.0).reshape(2, 3)
    At = A.T                                               # a non-contiguous view
    grad = numerical_gradient(lambda: float(np.sum(At ** 2)), At)
    assert np.allclose(grad, 2 * At)
    with pytest.raises(TypeError, match="floating-point"):
        numerical_gradient(lambda: 0.0, np.array([3, 2]))
