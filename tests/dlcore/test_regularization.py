"""L1/L2 penalties: values, (sub)gradients checked by central differences, the link to
weight_decay, and the Penalized optimizer wrapper."""
import numpy as np
import pytest

import dlcore as dl
from dlcore.gradcheck import numerical_gradient, rel_error


@pytest.mark.parametrize("penalty", [dl.l1_penalty, dl.l2_penalty])
def test_penalty_gradient_matches_central_differences(penalty):
    rng = np.random.default_rng(0)
    params = [dl.Parameter(rng.normal(size=(3, 4))), dl.Parameter(rng.normal(size=5))]
    for p in params:
        p.zero_grad()
    penalty(params, 0.3)
    for p in params:
        numeric = numerical_gradient(lambda: penalty([dl.Parameter(q.data) for q in params], 0.3),
                                     p.data)
        assert rel_error(p.grad, numeric) < 1e-8


def test_penalty_values_by_hand_and_subgradient_at_zero():
    p = dl.Parameter(np.array([3.0, -4.0, 0.0]))
    p.zero_grad()
    assert np.isclose(dl.l2_penalty([p], 0.2), 0.1 * 25)
    assert np.allclose(p.grad, [0.6, -0.8, 0.0])
    p.zero_grad()
    assert np.isclose(dl.l1_penalty([p], 0.2), 0.2 * 7)
    assert np.allclose(p.grad, [0.2, -0.2, 0.0])          # sign(0) = 0


def test_penalty_adds_to_an_existing_gradient():
    p = dl.Parameter(np.array([1.0, -1.0]))
    p.grad = np.array([0.5, 0.5])
    dl.l1_penalty([p], 0.1)
    assert np.allclose(p.grad, [0.6, 0.4])


def test_l2_penalty_step_equals_weight_decay_for_two_steps():
    # theta_{t+1} = theta_t - lr (g + alpha theta_t), by hand: 1.0 -> 1 - 0.5 (0.2 + 0.1) = 0.85
    # -> 0.85 - 0.5 (0.2 + 0.085) = 0.7075
    a = dl.Parameter(np.array([1.0]))
    b = dl.Parameter(np.array([1.0]))
    opt_a = dl.Penalized(dl.SGD([a], lr=0.5), l2=0.1, params=[a])
    opt_b = dl.SGD([b], lr=0.5, weight_decay=0.1)
    for _ in range(2):
        for opt, p in ((opt_a, a), (opt_b, b)):
            opt.zero_grad()
            p.grad = np.array([0.2])
            opt.step()
    assert np.allclose(a.data, [0.7075]) and np.allclose(b.data, [0.7075])


def test_penalized_l1_trajectory_by_hand_and_default_skips_biases():
    layer = dl.Linear(2, 1, rng=0, dtype=np.float64)
    layer.weight.data[:] = [[0.03, -1.0]]
    layer.bias.data[:] = [2.0]
    opt = dl.Penalized(dl.SGD(layer.parameters(), lr=0.1), l1=0.2)
    assert opt.params == [layer.weight]
    for _ in range(2):
        opt.zero_grad()
        layer.weight.grad = np.zeros((1, 2))
        layer.bias.grad = np.zeros(1)
        opt.step()
    # 0.03 -> 0.01 -> -0.01 (overshoots zero), -1.0 -> -0.98 -> -0.96; the bias is untouched
    assert np.allclose(layer.weight.data, [[-0.01, -0.96]])
    assert layer.bias.data[0] == 2.0
    assert np.isclose(opt.penalty, 0.2 * (0.01 + 0.98))


def test_penalized_trains_with_fit_and_shrinks_weights():
    X, y = dl.data.make_blobs(60, rng=0)
    sizes = {}
    for l1 in (0.0, 0.05):
        model = dl.Sequential(dl.Linear(2, 16, rng=1), dl.ReLU(), dl.Linear(16, 2, rng=2))
        opt = dl.Penalized(dl.SGD(model.parameters(), lr=0.1), l1=l1)
        dl.fit(model, dl.CrossEntropyLoss(), opt, X, y, epochs=30, batch_size=20, rng=0,
               progress=False)
        sizes[l1] = np.abs(model[0].weight.data).mean()
    assert sizes[0.05] < sizes[0.0]


def test_bad_arguments_say_what_is_wrong():
    p = dl.Parameter(np.zeros(2))
    with pytest.raises(ValueError, match="l1_penalty: strength"):
        dl.l1_penalty([p], -1.0)
    with pytest.raises(TypeError, match="l2_penalty: parameter 0 is a ndarray"):
        dl.l2_penalty([np.zeros(2)], 0.1)
    with pytest.raises(TypeError, match="Penalized needs an optimizer"):
        dl.Penalized([p], l1=0.1)
    with pytest.raises(ValueError, match="Penalized: l2"):
        dl.Penalized(dl.SGD([p], lr=0.1), l2=-0.5)


def test_penalized_lr_is_the_optimizers_and_a_scheduler_can_drive_it():
    layer = dl.Linear(2, 2, rng=0, dtype=np.float64)
    sgd = dl.SGD(layer.parameters(), lr=0.4)
    opt = dl.Penalized(sgd, l2=0.1)
    scheduler = dl.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    scheduler.step()
    assert sgd.lr == opt.lr == 0.2
    opt.lr = 0.05
    assert sgd.lr == 0.05


def test_penalized_refuses_parameters_the_optimizer_does_not_update():
    a, b = dl.Linear(2, 2, rng=0), dl.Linear(2, 2, rng=1)
    with pytest.raises(ValueError, match=r"parameter 0 \(shape \(2, 2\)\) is not one of the opt"):
        dl.Penalized(dl.SGD(a.parameters(), lr=0.1), l2=0.1, params=[b.weight])

    class Bare:                                    # an optimizer without a params list
        def step(self):
            pass

        def zero_grad(self):
            pass
    with pytest.raises(TypeError, match="pass params="):
        dl.Penalized(Bare(), l1=0.1)
    opt = dl.Penalized(Bare(), l1=0.1, params=[a.weight])     # explicit params are fine
    assert opt.params == [a.weight]
