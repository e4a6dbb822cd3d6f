"""Chapter 5's figures: what each helper draws is what it was given."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def test_lines_and_loss_marks_the_loss_of_each_line():
    fig, axes = plt.subplots(1, 2)
    grid = np.linspace(-1.0, 3.0, 41)
    marked = dl.plot.plot_lines_and_loss([0.0, 1.0], [1.0, 3.0], [0.0, 2.0], 1.0, grid,
                                         (grid - 2.0) ** 2, axes)
    np.testing.assert_allclose(marked, [4.0, 0.0])
    assert len(axes[0].get_lines()) == 3          # the data and two lines
    np.testing.assert_allclose(axes[0].get_lines()[2].get_ydata(), [1.0, 3.0])
    with pytest.raises(ValueError, match="same shape"):
        dl.plot.plot_lines_and_loss([0.0], [1.0], [1.0], 1.0, grid, grid[:-1], axes)
    plt.close(fig)


def test_logit_gradients_are_drawn_as_sizes_on_a_log_axis():
    fig, ax = plt.subplots()
    dl.plot.plot_logit_gradients([-4.0, 0.0], [-0.98, -0.5], [-0.03, -0.25], ax)
    assert ax.get_yscale() == "log"
    np.testing.assert_allclose(ax.get_lines()[0].get_ydata(), [0.98, 0.5])
    plt.close(fig)


def test_logit_losses_marks_the_given_point_and_checks_its_inputs():
    fig = plt.figure()
    z = np.linspace(-2.0, 2.0, 5)
    curves = (z ** 2, 2 * z, np.abs(z), np.sign(z))
    ax1, ax2 = dl.plot.plot_logit_losses(fig, 1.0, z, curves, (1.0, 2.0, 1.0, 1.0))
    np.testing.assert_allclose(ax1.get_lines()[-1].get_ydata(), [1.0, 1.0])
    np.testing.assert_allclose(ax2.get_lines()[-1].get_ydata(), [1.0, 2.0])
    assert "z = 1" in ax1.get_title()
    with pytest.raises(ValueError, match="se, dse, ce, dce"):
        dl.plot.plot_logit_losses(fig, 1.0, z, curves[:3], (1.0, 2.0, 1.0, 1.0))
    plt.close(fig)


def test_training_curves_one_line_per_run_from_epoch_one():
    fig, ax = plt.subplots()
    dl.plot.plot_training_curves({"a": [3.0, 2.0], "b": np.array([4.0, 1.0])}, ax,
                                 ylabel="J", logy=True)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["a", "b"]
    np.testing.assert_allclose(lines[1].get_xdata(), [1, 2])
    assert ax.get_yscale() == "log"
    with pytest.raises(ValueError, match="runs is empty"):
        dl.plot.plot_training_curves({}, ax, ylabel="J")
    plt.close(fig)


def test_costs_draws_both_curves():
    fig, ax = plt.subplots()
    p = np.array([0.5, 1.0])
    dl.plot.plot_costs(p, -np.log(p), (1 - p) ** 2, ax)
    np.testing.assert_allclose(ax.get_lines()[1].get_ydata(), [0.25, 0.0])
    plt.close(fig)
