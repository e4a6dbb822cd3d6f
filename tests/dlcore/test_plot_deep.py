"""Chapter 11's figures: per-layer curves, runs over seeds, model comparison (Agg backend)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def test_per_layer_draws_one_curve_per_label_at_the_right_layers():
    fig, ax = plt.subplots()
    values = {"he": np.ones(4), "xavier": 0.5 ** np.arange(1, 4)}
    dl.plot.plot_per_layer(values, ax, ylabel="std", reference=1.0, first_layer=2)
    lines = ax.get_lines()
    assert [line.get_label() for line in lines[:2]] == ["he", "xavier"]
    assert list(lines[0].get_xdata()) == [2, 3, 4, 5]
    assert np.allclose(lines[1].get_ydata(), [0.5, 0.25, 0.125])
    assert np.allclose(lines[2].get_ydata(), 1.0)          # the reference line
    assert ax.get_yscale() == "log" and ax.get_ylabel() == "std"
    plt.close(fig)


def test_per_layer_refuses_a_table():
    with pytest.raises(ValueError, match="one number per layer"):
        dl.plot.plot_per_layer({"bad": np.ones((2, 3))}, ylabel="std")
    with pytest.raises(ValueError, match="non-empty dict"):
        dl.plot.plot_per_layer({}, ylabel="std")
    plt.close("all")


def test_runs_draw_every_seed_and_the_median():
    fig, ax = plt.subplots()
    runs = {"plain": [[3.0, 2.0, 1.0], [1.0, 1.0, 1.0], [2.0, 0.0, 3.0]], "residual": [[1.0, 0.5, 0.2]]}
    dl.plot.plot_runs(runs, ax, log=True)
    lines = ax.get_lines()
    assert len(lines) == 3 + 1 + 1 + 1                      # seeds and a median per setting
    assert np.allclose(lines[3].get_ydata(), [2.0, 1.0, 1.0])
    assert lines[3].get_label() == "plain (median of 3 seeds)"
    assert ax.get_yscale() == "log"
    with pytest.raises(ValueError, match=r"\(seeds, steps\)"):
        dl.plot.plot_runs({"flat": [1.0, 2.0]}, ax)
    plt.close(fig)


def test_model_comparison_puts_bars_at_the_means():
    acc = {"linear": [0.9, 1.0], "mlp": [0.8, 0.9]}
    sec = {"linear": [0.01, 0.02], "mlp": [1.0, 2.0]}
    left, right = dl.plot.plot_model_comparison(acc, sec)
    heights = [p.get_height() for p in left.patches]
    assert np.allclose(heights, [0.95, 0.85])
    assert np.allclose([p.get_height() for p in right.patches], [0.015, 1.5])
    assert right.get_yscale() == "log"
    assert [t.get_text() for t in left.get_xticklabels()] == ["linear", "mlp"]
    with pytest.raises(ValueError, match="same names"):
        dl.plot.plot_model_comparison(acc, {"mlp": [1.0], "linear": [1.0]})
    plt.close("all")
