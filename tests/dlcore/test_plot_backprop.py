"""Chapter 7's figures: the graph, the check-by-step figure and the per-layer norms."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def test_graph_writes_values_and_gradients_and_rejects_unknown_nodes():
    fig, ax = plt.subplots()
    nodes = {"x": (0, 0, "x", 1.5, None), "z = 2x": (2.4, 0, "z", 3.0, 1.0)}
    dl.plot.plot_graph(nodes, [("x", "z = 2x")], ax)
    texts = [t.get_text() for t in ax.texts]
    assert "x = 1.5000" in texts and "z = 3.0000" in texts and "∂L/∂z = 1.0000" in texts
    assert not any(t.startswith("∂L/∂x") for t in texts)
    with pytest.raises(ValueError, match="not in nodes"):
        dl.plot.plot_graph(nodes, [("x", "y")], ax)
    plt.close(fig)


def test_check_by_step_shades_the_grey_zone_between_the_thresholds():
    fig, ax = plt.subplots()
    steps = [1e-6, 1e-5, 1e-4]
    dl.plot.plot_check_by_step(steps, {"float32": [1e-1, 1e-2, 1e-3],
                                       "float64": [1e-9, 1e-10, 1e-9]}, ax)
    lines = {line.get_label(): line for line in ax.get_lines()}
    assert lines["pass below 1e-07"].get_ydata()[0] == pytest.approx(1e-7)
    assert lines["bug above 1e-03"].get_ydata()[0] == pytest.approx(1e-3)
    assert len(ax.patches) == 1                      # the grey zone
    with pytest.raises(ValueError, match="must be below"):
        dl.plot.plot_check_by_step(steps, {}, ax, passes=1e-3, bug=1e-7)
    with pytest.raises(ValueError, match="2 errors for float64 but 3 steps"):
        dl.plot.plot_check_by_step(steps, {"float64": [1.0, 2.0]}, ax)
    plt.close(fig)


def test_layer_norms_and_bars_draw_one_series_per_activation():
    fig, (ax1, ax2) = plt.subplots(1, 2)
    norms = {"sigmoid": [1e-6, 1e-3, 1.0], "ReLU": [1.0, 2.0, 3.0]}
    dl.plot.plot_layer_norms(norms, ax1, title="2 hidden layers")
    np.testing.assert_allclose(ax1.get_lines()[1].get_ydata(), [1.0, 2.0, 3.0])
    assert ax1.get_yscale() == "log" and ax1.get_title() == "2 hidden layers"
    dl.plot.plot_layer_bars(norms, ax2)
    assert len(ax2.patches) == 6
    assert [t.get_text() for t in ax2.get_xticklabels()] == ["1", "2", "out"]
    plt.close(fig)


def test_gradient_cost_is_log_log():
    fig, ax = plt.subplots()
    dl.plot.plot_gradient_cost([10, 100], [30, 300], [200, 20000], ax)
    assert ax.get_xscale() == "log" and ax.get_yscale() == "log"
    plt.close(fig)
