"""Optimizers: three-step trajectories computed by hand on f(theta) = 1/2 ||theta||^2.

The gradient of f is theta itself, which makes each step easy to follow on paper. The expected
numbers below were worked out by hand (the arithmetic is in the comments) and agree with
torch.optim 2.13 to every printed digit.
"""
import numpy as np
import pytest

import dlcore as dl


def trajectory(make_optimizer, steps=3, start=(1.0, -2.0)):
    theta = dl.Parameter(np.array(start, dtype=np.float64))
    opt = make_optimizer([theta])
    path = []
    for _ in range(steps):
        opt.zero_grad()
        theta.grad = theta.data.copy()          # d/dtheta of 1/2 ||theta||^2
        opt.step()
        path.append(theta.data.copy())
    return np.array(path)


CASES = {
    # theta <- theta - 0.1 theta = 0.9 theta
    "sgd": (lambda p: dl.SGD(p, lr=0.1), [[0.9, -1.8], [0.81, -1.62], [0.729, -1.458]]),
    # v1 = g1 = 1 -> 0.9;  v2 = 0.9*1 + 0.9 = 1.8 -> 0.72;  v3 = 0.9*1.8 + 0.72 = 2.34 -> 0.486
    "momentum": (lambda p: dl.SGD(p, lr=0.1, momentum=0.9),
                 [[0.9, -1.8], [0.72, -1.44], [0.486, -0.972]]),
    # v1 = 1, step g + 0.9 v = 1.9 -> 0.81;  v2 = 0.9 + 0.81 = 1.71, step 0.81 + 1.539 -> 0.5751;
    # v3 = 1.539 + 0.5751 = 2.1141, step 0.5751 + 1.90269 -> 0.327321
    "nesterov": (lambda p: dl.SGD(p, lr=0.1, momentum=0.9, nesterov=True),
                 [[0.81, -1.62], [0.5751, -1.1502], [0.327321, -0.654642]]),
    # g = theta + 0.5 theta: theta <- 0.85 theta
    "sgd_weight_decay": (lambda p: dl.SGD(p, lr=0.1, weight_decay=0.5),
                         [[0.85, -1.7], [0.7225, -1.445], [0.614125, -1.22825]]),
    # s1 = 0.01 g^2 -> sqrt(s1) = 0.1|g|: theta1 = 1 - 0.01 * 1 / (0.1 + 1e-8) = 0.90000001
    "rmsprop": (lambda p: dl.RMSprop(p, lr=0.01),
                [[0.9000000099999991, -1.9000000049999999],
                 [0.8329179752650593, -1.8309433328172848],
                 [0.7799822819823541, -1.775349450099218]]),
    "rmsprop_momentum": (lambda p: dl.RMSprop(p, lr=0.01, momentum=0.9),
                         [[0.9000000099999991, -1.9000000049999999],
                          [0.7429179842650584, -1.7409433373172847],
                          [0.5529149532344079, -1.5441299749488298]]),
    # step 1: m_hat = g, v_hat = g^2, so theta moves lr * g/(|g| + eps): 1 -> 0.900000001
    # step 2: m = 0.09 + 0.09 = 0.18, v = 0.000999 + 0.00081 = 0.001809,
    #         m_hat = 0.18/0.19, v_hat = 0.001809/0.001999 -> 0.9 - 0.1 * 0.947368/0.951290
    "adam": (lambda p: dl.Adam(p, lr=0.1),
             [[0.900000001, -1.9000000005], [0.8004122297123382, -1.8001664866210927],
              [0.701586274504415, -1.7006233928121137]]),
    "adam_weight_decay": (lambda p: dl.Adam(p, lr=0.1, weight_decay=0.1),
                          [[0.9000000009090909, -1.9000000004545454],
                           [0.8004122295267845, -1.8001664865292035],
                           [0.7015862742210723, -1.700623392672905]]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_three_step_trajectory(name):
    make, expected = CASES[name]
    np.testing.assert_allclose(trajectory(make), expected, rtol=1e-12, atol=1e-14)


def test_defaults_are_torch_defaults():
    p = [dl.Parameter(np.zeros(2))]
    rms, adam = dl.RMSprop(p), dl.Adam(p)
    assert (rms.lr, rms.alpha, rms.eps, rms.momentum) == (0.01, 0.99, 1e-8, 0)
    assert (adam.lr, adam.betas, adam.eps, adam.weight_decay) == (0.001, (0.9, 0.999), 1e-8, 0)
    assert dl.SGD(p).lr == 0.001


def test_adam_counts_steps_not_parameters():
    """With two parameters, each must see t = 1, 2, ... (tinygrad's first Adam did not)."""
    a, b = dl.Parameter(np.array([1.0])), dl.Parameter(np.array([1.0]))
    opt = dl.Adam([a, b], lr=0.1)
    for _ in range(2):
        opt.zero_grad()
        a.grad, b.grad = a.data.copy(), b.data.copy()
        opt.step()
    assert a.data == pytest.approx(0.8004122297123382) and b.data == pytest.approx(a.data)


def test_parameters_without_gradient_are_skipped():
    a, b = dl.Parameter(np.array([1.0])), dl.Parameter(np.array([1.0]))
    opt = dl.SGD([a, b], lr=0.1, weight_decay=1.0)
    opt.zero_grad()
    a.grad = np.array([1.0])
    opt.step()
    assert a.data[0] == pytest.approx(0.8) and b.data[0] == 1.0


def test_descends_the_books_bowl():
    """x^2 + y^2 from (1, 1): plain gradient descent reaches the minimum at the origin."""
    theta = dl.Parameter(np.array([1.0, 1.0]))
    opt = dl.SGD([theta], lr=0.1)
    for _ in range(100):
        opt.zero_grad()
        theta.grad = 2 * theta.data
        opt.step()
    assert np.allclose(theta.data, 0, atol=1e-9)


def test_model_step_with_real_backward_accumulates_like_torch():
    """Two backward passes without zero_grad add up; zero_grad starts afresh."""
    layer = dl.Linear(3, 2, rng=0, dtype=np.float64)
    x = np.random.default_rng(1).normal(size=(4, 3))
    layer.zero_grad()
    layer(x)
    layer.backward(np.ones((4, 2)))
    once = layer.weight.grad.copy()
    layer(x)
    layer.backward(np.ones((4, 2)))
    assert np.allclose(layer.weight.grad, 2 * once)
    layer.zero_grad()
    assert np.all(layer.weight.grad == 0)
    layer(x)
    layer.backward(np.ones((4, 2)))
    assert np.allclose(layer.weight.grad, once)


# --- the in-place update paths equal the plain formulas -------------------------------------
def _plain_trajectory(kind, theta, grads, lr, wd, **h):
    """The docstrings' formulas, written with temporaries, step after step."""
    theta = theta.copy()
    m = v = s = b = None
    out = []
    for t, dj in enumerate(grads, start=1):
        g = dj + wd * theta
        if kind == "sgd":
            theta = theta - lr * g
        elif kind in ("momentum", "nesterov"):
            v = g.copy() if v is None else h["momentum"] * v + g
            theta = theta - lr * ((g + h["momentum"] * v) if kind == "nesterov" else v)
        elif kind == "rmsprop":
            s = np.zeros_like(theta) if s is None else s
            s = h["alpha"] * s + (1 - h["alpha"]) * g * g
            scaled = g / (np.sqrt(s) + h["eps"])
            if h.get("momentum"):
                b = np.zeros_like(theta) if b is None else b
                b = h["momentum"] * b + scaled
                scaled = b
            theta = theta - lr * scaled
        else:                                                      # adam
            b1, b2 = h["betas"]
            m = np.zeros_like(theta) if m is None else m
            v = np.zeros_like(theta) if v is None else v
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * (g * g)
            theta = theta - lr * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + h["eps"])
        out.append(theta.copy())
    return out


@pytest.mark.parametrize("kind, make, hyper", [
    ("sgd", lambda ps: dl.SGD(ps, lr=0.1, weight_decay=0.01), {}),
    ("momentum", lambda ps: dl.SGD(ps, lr=0.1, momentum=0.9, weight_decay=0.01), {"momentum": 0.9}),
    ("nesterov", lambda ps: dl.SGD(ps, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
     {"momentum": 0.9}),
    ("rmsprop", lambda ps: dl.RMSprop(ps, lr=0.01, momentum=0.5, weight_decay=0.01),
     {"alpha": 0.99, "eps": 1e-8, "momentum": 0.5}),
    ("adam", lambda ps: dl.Adam(ps, lr=0.01, weight_decay=0.01), {"betas": (0.9, 0.999), "eps": 1e-8}),
])
@pytest.mark.parametrize("decay", [True, False], ids=["weight_decay", "no_decay"])
def test_in_place_updates_equal_the_plain_formula_and_leave_grad_alone(kind, make, hyper, decay):
    # Without decay the update reads p.grad itself (no buffer in between): it must stay intact.
    rng = np.random.default_rng(3)
    theta0 = rng.standard_normal((4, 3))
    grads = [rng.standard_normal((4, 3)) for _ in range(5)]
    p = dl.Parameter(theta0.copy())
    opt = make([p])
    if not decay:
        opt.weight_decay = 0.0
    expected = _plain_trajectory(kind, theta0, grads, opt.lr, opt.weight_decay, **hyper)
    for g, want in zip(grads, expected):
        opt.zero_grad()
        p.grad = g
        opt.step()
        np.testing.assert_allclose(p.data, want, rtol=1e-12, atol=1e-14)
        np.testing.assert_array_equal(p.grad, g)               # step reads the gradient only
