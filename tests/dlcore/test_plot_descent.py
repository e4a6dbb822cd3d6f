"""Chapter 8's figures: loss panels, gradient noise against batch size, learning-rate sweep."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def test_loss_panels_cut_and_mark_a_diverged_run():
    curves = {"small": [1.0, 0.9, 0.8], "huge": [1.0, 10.0, np.inf, np.nan],
              "stopped": [1.0, 2.0]}
    axes = dl.plot.plot_loss_panels(curves, diverged=["stopped"])
    assert [ax.get_title() for ax in axes] == ["small", "huge: diverged", "stopped: diverged"]
    line, cross = axes[1].get_lines()
    assert list(line.get_ydata()) == [1.0, 10.0]            # the finite part only
    assert list(cross.get_xdata()) == [1] and cross.get_marker() == "x"
    assert len(axes[0].get_lines()) == 1                     # no cross on a healthy run
    assert axes[0].get_yscale() == "log"
    plt.close("all")


def test_loss_panels_check_their_arguments():
    with pytest.raises(ValueError, match="curves is empty"):
        dl.plot.plot_loss_panels({})
    fig, axes = plt.subplots(1, 2)
    with pytest.raises(ValueError, match="3 curves but 2 axes"):
        dl.plot.plot_loss_panels({"a": [1], "b": [1], "c": [1]}, axes)
    plt.close("all")


def test_noise_vs_batch_is_log_log_with_dashed_references():
    b = np.array([1, 4, 16])
    ax = dl.plot.plot_noise_vs_batch(b, {"measured": 2.0 / b}, {"2/B": 2.0 / b})
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    points, reference = ax.get_lines()
    assert reference.get_linestyle() == "--"
    assert np.allclose(points.get_ydata(), reference.get_ydata())
    plt.close("all")


def test_lr_sweep_shows_the_nearest_rate_and_marks_divergence():
    lrs = [0.01, 0.1, 1.0]
    curves = [[1.0, 0.9], [1.0, 0.2], [1.0, np.nan]]
    left, right = dl.plot.plot_lr_sweep(lrs, curves, current=0.12)
    assert "0.1" in left.get_title() and "diverged" not in left.get_title()
    assert list(left.get_lines()[0].get_ydata()) == [1.0, 0.2]
    left, right = dl.plot.plot_lr_sweep(lrs, curves, current=0.9)
    assert left.get_title().endswith("diverged")
    assert any(line.get_label() == "diverged" for line in right.get_lines())
    with pytest.raises(ValueError, match="3 learning rates but 2 curves"):
        dl.plot.plot_lr_sweep(lrs, curves[:2], current=0.1)
    plt.close("all")
