"""Sequential.backward computes dL/dx of its input only when something can use it."""
import numpy as np
import pytest

import dlcore as dl


def _net(rng=0):
    return dl.Sequential(dl.Linear(3, 4, rng=rng, dtype=np.float64), dl.Tanh(),
                         dl.Linear(4, 2, rng=rng + 1, dtype=np.float64))


class _Spy:
    """Counts calls of Linear.backward (which computes delta W) on one layer."""

    def __init__(self, layer, monkeypatch):
        self.calls = 0
        original = layer.backward

        def backward(delta):
            self.calls += 1
            return original(delta)
        monkeypatch.setattr(layer, "backward", backward)


X = np.random.default_rng(0).standard_normal((5, 3))
G = np.random.default_rng(1).standard_normal((5, 2))


def test_network_run_on_data_skips_the_data_gradient(monkeypatch):
    model = _net()
    spy = _Spy(model[0], monkeypatch)
    model(X)
    assert model.backward(G) is None
    assert spy.calls == 0                      # the first layer ran backward_params only


def test_explicit_request_returns_the_same_gradient_as_a_nested_network():
    model = _net()
    model(X)
    dx = model.backward(G, input_grad=True)
    model.forward(X)                           # run by a container: input is not the data
    np.testing.assert_array_equal(model.backward(G), dx)
    assert dx.shape == X.shape


def test_parameter_gradients_do_not_depend_on_the_choice():
    grads = []
    for flag in (None, True, False):
        model = _net()
        model(X)
        model.zero_grad()
        model.backward(G, input_grad=flag)
        grads.append([p.grad.copy() for p in model.parameters()])
    for other in grads[1:]:
        for a, b in zip(grads[0], other):
            np.testing.assert_array_equal(a, b)


def test_sequential_inside_residual_still_passes_its_gradient_back():
    inner = dl.Sequential(dl.Linear(3, 3, rng=0, dtype=np.float64), dl.Tanh())
    model = dl.Sequential(dl.Linear(3, 3, rng=2, dtype=np.float64), dl.Residual(inner),
                          dl.Linear(3, 2, rng=3, dtype=np.float64))
    assert dl.gradcheck.check_module(model, X) < 1e-7
    model(X)
    dx = model.backward(G, input_grad=True)
    assert dl.gradcheck.rel_error(dx, dl.gradcheck.numerical_gradient(
        lambda: float(np.sum(model.forward(X) * G)), X)) < 1e-7


def test_flag_is_cleared_when_forward_fails():
    model = _net()
    with pytest.raises(ValueError):
        model(np.ones((2, 5)))                 # wrong width: Linear(3, 4) refuses it
    assert model._called_on_data is False
    model.forward(X)
    assert model.backward(G) is not None


class _Skip(dl.Module):
    """A user's module written the PyTorch way: it calls its child as ``self.body(x)``."""

    def __init__(self):
        self.body = dl.Sequential(dl.Linear(3, 3, rng=0, dtype=np.float64), dl.Tanh())

    def forward(self, x):
        return x + self.body(x)

    def backward(self, grad_out):
        return grad_out + self.body.backward(grad_out)


def test_sequential_called_inside_a_users_module_returns_its_gradient():
    # Its input is an activation, not the data: the user's backward adds the returned dL/dx.
    assert dl.gradcheck.check_module(_Skip(), X) < 1e-7       # run as module.forward(x)
    model = dl.Sequential(dl.Linear(3, 3, rng=2, dtype=np.float64), _Skip(),
                          dl.Linear(3, 2, rng=3, dtype=np.float64))
    model(X)
    assert model.backward(G) is None                            # the outer network: data
    model(X)
    dx = model.backward(G, input_grad=True)
    assert dl.gradcheck.rel_error(dx, dl.gradcheck.numerical_gradient(
        lambda: float(np.sum(model.forward(X) * G)), X)) < 1e-7
    skip = _Skip()
    skip(X)                                                     # the user's module run on data
    assert skip.backward(np.ones_like(X)).shape == X.shape


def test_data_is_recognised_again_after_a_nested_forward_fails():
    skip = _Skip()
    with pytest.raises(ValueError):
        skip(np.ones((2, 5)))                  # the inner Linear(3, 3) refuses width 5
    model = _net()
    model(X)
    assert model.backward(G) is None


def test_two_networks_chained_by_hand_get_a_clear_error_and_the_way_out():
    rng = np.random.default_rng(0)
    first = dl.Sequential(dl.Linear(3, 4, rng=0, dtype=np.float64), dl.Tanh())
    second = dl.Sequential(dl.Linear(4, 2, rng=1, dtype=np.float64))
    x = rng.standard_normal((5, 3))
    h = first(x)
    second(h)                                   # h looks like data to `second`
    g = np.ones((5, 2))
    assert second.backward(g) is None
    with pytest.raises(TypeError, match=r"got None as grad_out.*input_grad=True"):
        first.backward(None)
    with pytest.raises(TypeError, match=r"Tanh\(\)\.backward got None as grad_out"):
        first[1].backward(None)
    dh = second.backward(g, input_grad=True)   # the way out the message names
    assert dh.shape == h.shape
    assert first.backward(dh) is None


def test_a_nested_first_block_skips_its_input_gradient_too():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((6, 3))
    y = rng.standard_normal((6, 2))

    def grads(model):
        loss_fn = dl.MSELoss()
        loss_fn(model(x), y)
        model.zero_grad()
        out = model.backward(loss_fn.backward())
        return out, [p.grad.copy() for p in model.parameters()]

    flat = dl.Sequential(dl.Linear(3, 4, rng=0, dtype=np.float64), dl.Tanh(),
                         dl.Linear(4, 2, rng=1, dtype=np.float64))
    nested = dl.Sequential(dl.Sequential(dl.Linear(3, 4, rng=0, dtype=np.float64), dl.Tanh()),
                           dl.Linear(4, 2, rng=1, dtype=np.float64))
    first = nested[0][0]
    calls = []
    first.backward = lambda g, _orig=first.backward: calls.append("backward") or _orig(g)
    out_flat, g_flat = grads(flat)
    out_nested, g_nested = grads(nested)
    assert out_flat is None and out_nested is None
    assert calls == []                       # the inner first Linear filled only its gradients
    for a, b in zip(g_flat, g_nested):
        np.testing.assert_allclose(a, b, rtol=1e-12)
