"""Learning-rate schedules: trajectories computed by hand, the optimizer really uses them, and
the same numbers as torch.optim.lr_scheduler (when PyTorch is installed)."""
import math

import numpy as np
import pytest

import dlcore as dl

Sched = dl.lr_scheduler


def rates(make, lr=1.0, epochs=7):
    """The learning rate in force during each of `epochs` epochs."""
    opt = dl.SGD([dl.Parameter(np.zeros(2))], lr=lr)
    scheduler = make(opt)
    seen = []
    for _ in range(epochs):
        seen.append(opt.lr)
        assert scheduler.get_last_lr() == [opt.lr]
        scheduler.step()
    return seen


CASES = {
    # floor(t / 3): 0 0 0 1 1 1 2  -> 0.8 * 0.5^that
    "step": (lambda o: Sched.StepLR(o, step_size=3, gamma=0.5), 0.8,
             [0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2]),
    # default gamma 0.1, every 2 epochs
    "step_default_gamma": (lambda o: Sched.StepLR(o, 2), 1.0,
                           [1.0, 1.0, 0.1, 0.1, 0.01, 0.01, 0.001]),
    # 2 * 0.5^t
    "exponential": (lambda o: Sched.ExponentialLR(o, gamma=0.5), 2.0,
                    [2.0, 1.0, 0.5, 0.25, 0.125, 0.0625, 0.03125]),
    # T_max = 4, eta_min = 0.2, lr0 = 1: 0.2 + 0.4 (1 + cos(pi t / 4))
    # t = 0: 1; t = 1: 0.2 + 0.4 (1 + 0.70710678) = 0.88284271; t = 2: 0.6; t = 3: 0.31715729;
    # t = 4: 0.2; then it rises again: t = 5 like t = 3, t = 6 like t = 2
    "cosine": (lambda o: Sched.CosineAnnealingLR(o, T_max=4, eta_min=0.2), 1.0,
               [1.0, 0.8828427124746190, 0.6, 0.3171572875253810, 0.2,
                0.3171572875253810, 0.6]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hand_computed_schedule(name):
    make, lr, expected = CASES[name]
    np.testing.assert_allclose(rates(make, lr), expected, rtol=1e-12, atol=1e-15)


def test_the_optimizer_steps_with_the_scheduled_rate():
    """On f(theta) = theta^2 / 2 (gradient theta), each SGD step multiplies theta by 1 - lr_t."""
    theta = dl.Parameter(np.array([1.0]))
    opt = dl.SGD([theta], lr=0.5)
    scheduler = Sched.StepLR(opt, step_size=1, gamma=0.5)       # lr 0.5, 0.25, 0.125
    for _ in range(3):
        opt.zero_grad()
        theta.grad = theta.data.copy()
        opt.step()
        scheduler.step()
    # 1 * (1 - 0.5) * (1 - 0.25) * (1 - 0.125) = 0.328125
    assert theta.data[0] == pytest.approx(0.328125, abs=1e-15)
    assert scheduler.last_epoch == 3 and opt.lr == pytest.approx(0.0625)


def test_constructor_sets_epoch_zero_and_keeps_the_base_rate():
    opt = dl.Adam([dl.Parameter(np.zeros(1))], lr=0.01)
    scheduler = Sched.ExponentialLR(opt, gamma=0.9)
    assert scheduler.last_epoch == 0 and scheduler.base_lr == 0.01 and opt.lr == 0.01


@pytest.mark.parametrize("make, fragments", [
    (lambda o: Sched.StepLR(o, step_size=0), ["StepLR", "step_size", "0"]),
    (lambda o: Sched.StepLR(o, step_size=2.5), ["StepLR", "step_size", "2.5"]),
    (lambda o: Sched.StepLR(o, 2, gamma=-0.1), ["StepLR", "gamma", "-0.1"]),
    (lambda o: Sched.ExponentialLR(o, gamma=0), ["ExponentialLR", "gamma", "0"]),
    (lambda o: Sched.CosineAnnealingLR(o, T_max=0), ["CosineAnnealingLR", "T_max"]),
    (lambda o: Sched.CosineAnnealingLR(o, 5, eta_min=-1), ["CosineAnnealingLR", "eta_min"]),
])
def test_bad_hyperparameters_are_named(make, fragments):
    opt = dl.SGD([dl.Parameter(np.zeros(1))], lr=0.1)
    with pytest.raises(ValueError) as info:
        make(opt)
    for fragment in fragments:
        assert fragment in str(info.value)


def test_a_scheduler_needs_an_optimizer():
    with pytest.raises(TypeError, match="StepLR needs an optimizer"):
        Sched.StepLR([dl.Parameter(np.zeros(1))], step_size=2)


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_rates_as_torch(name):
    torch = pytest.importorskip("torch")
    make, lr, expected = CASES[name]
    w = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([w], lr=lr)
    scheduler = {
        "step": lambda: torch.optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.5),
        "step_default_gamma": lambda: torch.optim.lr_scheduler.StepLR(opt, 2),
        "exponential": lambda: torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.5),
        "cosine": lambda: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=4, eta_min=0.2),
    }[name]()
    seen = []
    for _ in range(len(expected)):
        seen.append(scheduler.get_last_lr()[0])
        opt.step()
        scheduler.step()
    assert all(math.isclose(a, b, rel_tol=1e-9) for a, b in zip(seen, expected)), seen


# --- closed form (dlcore) against recursive form (PyTorch): where they agree and where they part

def test_a_rate_set_by_hand_is_overwritten_by_the_closed_form():
    """dlcore computes lambda_t from lambda_0 and t only: StepLR(step_size=2, gamma=0.5) from 1.0
    gives 1, 1, 0.5, 0.5, 0.25 whatever optimizer.lr was set to in between."""
    opt = dl.SGD([dl.Parameter(np.zeros(1))], lr=1.0)
    scheduler = Sched.StepLR(opt, step_size=2, gamma=0.5)
    seen = []
    for epoch in range(5):
        seen.append(opt.lr)
        scheduler.step()
        if epoch == 0:
            opt.lr = 0.3                                 # by hand, during epoch 1
    assert seen == [1.0, 0.3, 0.5, 0.5, 0.25]
    opt.lr = 0.7
    assert scheduler.get_last_lr() == [0.25]             # what the scheduler set, as in PyTorch


def test_two_schedulers_on_one_optimizer_the_last_one_wins():
    """StepLR(2, 0.5) then ExponentialLR(0.9) on one optimizer: dlcore keeps 0.9^t (PyTorch would
    multiply both factors: 1, 0.9, 0.405, ...)."""
    opt = dl.SGD([dl.Parameter(np.zeros(1))], lr=1.0)
    first, second = Sched.StepLR(opt, 2, gamma=0.5), Sched.ExponentialLR(opt, gamma=0.9)
    seen = []
    for _ in range(4):
        seen.append(opt.lr)
        first.step()
        second.step()
    np.testing.assert_allclose(seen, [1.0, 0.9, 0.81, 0.729], rtol=1e-12)


def _torch_rates(torch, make, lr, epochs, by_hand=None):
    w = torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([w], lr=lr)
    scheduler = make(opt)
    seen = []
    for epoch in range(epochs):
        seen.append(opt.param_groups[0]["lr"])
        opt.step()
        scheduler.step()
        if by_hand is not None and epoch == 0:
            opt.param_groups[0]["lr"] = by_hand
    return seen


LONG = {   # 100 epochs: the recursion's rounding does not add up; cosine goes past T_max twice
    "step": (lambda T, o: T.StepLR(o, step_size=7, gamma=0.7),
             lambda o: Sched.StepLR(o, step_size=7, gamma=0.7)),
    "exponential": (lambda T, o: T.ExponentialLR(o, gamma=0.95),
                    lambda o: Sched.ExponentialLR(o, gamma=0.95)),
    "cosine": (lambda T, o: T.CosineAnnealingLR(o, T_max=30, eta_min=0.01),
               lambda o: Sched.CosineAnnealingLR(o, T_max=30, eta_min=0.01)),
    "cosine_to_zero": (lambda T, o: T.CosineAnnealingLR(o, T_max=30),
                       lambda o: Sched.CosineAnnealingLR(o, T_max=30)),
}


@pytest.mark.parametrize("name", sorted(LONG))
def test_closed_form_and_torch_recursion_agree_over_100_epochs(name):
    torch = pytest.importorskip("torch")
    make_torch, make_dl = LONG[name]
    theirs = _torch_rates(torch, lambda o: make_torch(torch.optim.lr_scheduler, o), 0.5, 100)
    ours = rates(make_dl, lr=0.5, epochs=100)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)


def test_torch_continues_from_a_rate_set_by_hand_and_dlcore_does_not():
    """The documented difference, measured: the same hand change, two answers."""
    torch = pytest.importorskip("torch")
    theirs = _torch_rates(torch, lambda o: torch.optim.lr_scheduler.StepLR(o, 2, gamma=0.5),
                          1.0, 5, by_hand=0.3)
    assert theirs == pytest.approx([1.0, 0.3, 0.15, 0.15, 0.075])     # 0.3 * 0.5, ...
    # dlcore on the same schedule and the same change: see the hand-computed test above
    opt = dl.SGD([dl.Parameter(np.zeros(1))], lr=1.0)
    scheduler = Sched.StepLR(opt, 2, gamma=0.5)
    scheduler.step()
    opt.lr = 0.3
    scheduler.step()
    assert opt.lr == 0.5 and opt.lr != pytest.approx(theirs[2])
