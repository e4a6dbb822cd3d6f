"""Chapter 4's figures: unit shares add up to the output; hinges are never clipped."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def _sin_hinges(K):
    knots = np.linspace(-np.pi, np.pi, K + 1)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    net = dl.Sequential(dl.Linear(1, K, rng=0, dtype=np.float64), dl.ReLU(),
                        dl.Linear(K, 1, rng=0, dtype=np.float64))
    net[0].weight.data[:] = 1.0
    net[0].bias.data[:] = -knots[:-1]
    net[2].weight.data[0] = np.diff(slopes, prepend=0.0)
    net[2].bias.data[:] = 0.0
    return net, knots


def test_hinge_panels_keep_every_curve_inside_the_axes():
    net, knots = _sin_hinges(5)
    x = np.linspace(-np.pi, np.pi, 201)
    fig = plt.figure()
    axes = dl.plot.plot_hinge_build(fig, net, np.sin, knots, x)
    assert len(axes) == 6
    for ax in axes:
        low, high = ax.get_ylim()
        for line in ax.get_lines():
            ys = np.asarray(line.get_ydata(), dtype=float)
            if ys.size > 2:
                assert low <= ys.min() and ys.max() <= high, ax.get_title()
    # the full sum is the interpolant: it passes through every knot
    last = axes[4].get_lines()[1].get_ydata()
    assert np.isclose(last[-1], np.sin(np.pi), atol=1e-12)
    plt.close(fig)


def test_unit_contributions_and_errors():
    net = dl.Sequential(dl.Linear(1, 4, rng=0), dl.Tanh(), dl.Linear(4, 1, rng=1))
    fig, ax = plt.subplots()
    x = np.linspace(-2, 2, 11, dtype=np.float32)
    shares = dl.plot.plot_unit_contributions(ax, net, x, title="t")
    assert shares.shape == (11, 4)
    assert np.allclose(shares.sum(axis=1) + net[2].bias.data, net(x[:, None]).ravel(),
                       atol=1e-6)
    with pytest.raises(ValueError, match="plot_unit_contributions: expected one input and one output"):
        dl.plot.plot_unit_contributions(
            ax, dl.Sequential(dl.Linear(2, 3, rng=0), dl.Tanh(), dl.Linear(3, 1, rng=0)), x)
    dead = dl.plot.plot_preactivations(ax, np.array([[-1.0, 1.0, -2.0], [-0.5, -1.0, 3.0]]))
    assert dead.tolist() == [True, False, False]
    plt.close(fig)
