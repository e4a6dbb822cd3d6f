"""dlcore's training step equals the bare NumPy loop of the benchmarks, number for number.

The bare loop is the readable plain path: formulas only. dlcore's fast paths (gradients written
in place after zero_grad, the first layer skipping its unused input gradient, fused losses) must
not change a single result beyond rounding.
"""
import importlib.util
import pathlib

import numpy as np
import pytest

import dlcore as dl

spec = importlib.util.spec_from_file_location(
    "bare_numpy", pathlib.Path(__file__).parents[2] / "benchmarks" / "bare_numpy.py")
bare = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bare)


@pytest.mark.parametrize("sizes, classes", [((2, 16, 16, 1), False), ((64, 32, 10), True)])
def test_five_sgd_steps_agree(sizes, classes):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((8, sizes[0]))
    y = rng.integers(0, sizes[-1], 8) if classes else (rng.random((8, 1)) > 0.5) * 1.0
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers += [dl.Linear(a, b, rng=i, dtype=np.float64)] + ([dl.ReLU()] if i < len(sizes) - 2 else [])
    model = dl.Sequential(*layers)
    loss_fn = dl.CrossEntropyLoss() if classes else dl.BCEWithLogitsLoss()
    opt = dl.SGD(model.parameters(), lr=0.1)
    Ws, bs = bare.init_like(model)
    for _ in range(5):
        ours = loss_fn(model(x), y)
        opt.zero_grad()
        model.backward(loss_fn.backward(), input_grad=False)
        opt.step()
        theirs = bare.train_step(Ws, bs, x, y, 0.1)
        assert ours == pytest.approx(theirs, rel=1e-12)
    linears = [m for m in model if isinstance(m, dl.Linear)]
    for layer, W, b in zip(linears, Ws, bs):
        np.testing.assert_allclose(layer.weight.data, W, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(layer.bias.data, b, rtol=1e-12, atol=1e-14)


def test_input_gradient_flag_changes_nothing_else():
    model = dl.Sequential(dl.Linear(3, 4, rng=0, dtype=np.float64), dl.Tanh(),
                          dl.Linear(4, 2, rng=1, dtype=np.float64))
    x = np.random.default_rng(0).standard_normal((5, 3))
    g = np.ones((5, 2))
    model.zero_grad()
    model(x)
    dx = model.backward(g, input_grad=True)
    full = [p.grad.copy() for p in model.parameters()]
    model.zero_grad()
    model(x)
    assert model.backward(g, input_grad=False) is None
    for a, b in zip(full, model.parameters()):
        np.testing.assert_array_equal(a, b.grad)
    assert dx.shape == x.shape
