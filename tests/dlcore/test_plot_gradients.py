"""Chapter 6's figures: paths, distances and errors are drawn as given, diverging runs cut."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def bowl(x, y):
    return x ** 2 + y ** 2


def test_descent_path_is_cut_where_it_leaves_the_picture():
    fig, ax = plt.subplots()
    path = np.array([[0.5, 0.5], [-1.0, 1.0], [3.0, 0.0], [np.inf, 0.0]])
    drawn = dl.plot.plot_descent_path(ax, bowl, path, 0.3)
    assert len(drawn) == 3 and "diverged" in ax.get_title()
    kept = dl.plot.plot_descent_path(ax, bowl, path[:2], 0.05)
    assert len(kept) == 2 and "diverged" not in ax.get_title()
    assert "start (0.5, 0.5)" in ax.get_title()
    with pytest.raises(ValueError, match=r"shape \(steps \+ 1, 2\)"):
        dl.plot.plot_descent_path(ax, bowl, np.zeros(3), 0.1)
    plt.close(fig)


def test_distances_follow_the_contraction_prediction():
    fig, ax = plt.subplots()
    path = np.array([[1.0, 1.0], [0.5, 0.5], [0.25, 0.25]])        # lambda = 0.25
    dl.plot.plot_distances({0.25: path}, ax)
    measured, predicted = ax.get_lines()
    np.testing.assert_allclose(measured.get_ydata(), np.sqrt(2) * np.array([1, 0.5, 0.25]))
    np.testing.assert_allclose(predicted.get_ydata(), measured.get_ydata())
    assert ax.get_yscale() == "log"
    plt.close(fig)


def test_difference_errors_checks_lengths_and_marks_the_default_step():
    fig, ax = plt.subplots()
    hs = np.logspace(-8, -1, 8)
    dl.plot.plot_difference_errors(hs, hs, hs ** 2, ax, h_default=1e-5)
    assert ax.get_lines()[-1].get_xdata()[0] == pytest.approx(1e-5)
    with pytest.raises(ValueError, match="same length"):
        dl.plot.plot_difference_errors(hs, hs[:-1], hs, ax)
    plt.close(fig)


def test_bowl_draws_the_quarter_gradient():
    fig = plt.figure()
    _, ax = dl.plot.plot_bowl(fig, point=(1.0, -0.5))
    quiver = ax.collections[-1]
    np.testing.assert_allclose([quiver.U[0], quiver.V[0]], [0.5, -0.25])
    with pytest.raises(ValueError, match="shape \\(2,\\)"):
        dl.plot.plot_bowl(fig, point=(1.0, 2.0, 3.0))
    plt.close(fig)


def test_descent_1d_plots_one_run_per_start():
    fig, axes = plt.subplots(1, 2)
    q = lambda x: x ** 2  # noqa: E731
    dl.plot.plot_descent_1d(q, {1.0: np.array([1.0, 0.5, 0.25])}, axes, every=1, first=2)
    np.testing.assert_allclose(axes[1].get_lines()[0].get_ydata(), [1.0, 0.25, 0.0625])
    plt.close(fig)
