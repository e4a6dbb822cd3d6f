"""The optimizer figures draw what they promise (on matplotlib's non-interactive Agg backend)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
import re  # noqa: E402

import dlcore as dl  # noqa: E402


def test_plot_paths_draws_each_path_with_its_start_and_end():
    fig, ax = plt.subplots()
    paths = {"SGD": [[1.0, 1.0], [0.5, 0.8], [0.2, 0.1]], "Adam": np.array([[1.0, 1.0], [0.9, 0.9]])}
    dl.plot.plot_paths(lambda x, y: x ** 2 + y ** 2, paths, ax, xlim=(-1, 2), ylim=(-1, 2))
    lines = ax.get_lines()
    assert len(lines) == 6                                  # per path: line, end, start
    xs, ys = lines[0].get_data()
    assert np.allclose(xs, [1.0, 0.5, 0.2]) and np.allclose(ys, [1.0, 0.8, 0.1])
    assert lines[0].get_label() == "SGD" and lines[3].get_label() == "Adam"
    assert np.allclose(lines[1].get_xydata(), [[0.2, 0.1]])   # the end point
    assert ax.get_xlim() == (-1, 2) and ax.get_ylim() == (-1, 2)
    assert lines[0].get_color() != lines[3].get_color()
    plt.close(fig)


def test_plot_paths_rejects_bad_paths():
    with pytest.raises(ValueError, match=r"shape \(steps \+ 1, 2\).*got \(3,\)"):
        dl.plot.plot_paths(lambda x, y: x + y, {"bad": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match="non-empty dict"):
        dl.plot.plot_paths(lambda x, y: x + y, {})
    plt.close("all")


def test_plot_spread_draws_mean_and_range():
    fig, ax = plt.subplots()
    runs = {"SGD": np.array([[4.0, 2.0, 1.0], [2.0, 1.0, 0.5]])}
    dl.plot.plot_spread(runs, ax, ylabel="training loss", logy=True)
    line = ax.get_lines()[0]
    assert np.allclose(line.get_ydata(), [3.0, 1.5, 0.75])
    assert np.allclose(line.get_xdata(), [1, 2, 3])
    assert "mean of 2" in line.get_label()
    band = ax.collections[0].get_paths()[0].vertices
    assert np.isclose(band[:, 1].max(), 4.0) and np.isclose(band[:, 1].min(), 0.5)
    assert ax.get_yscale() == "log" and ax.get_ylabel() == "training loss"
    plt.close(fig)


def test_plot_spread_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match=r"\(seeds, points\), got \(3,\)"):
        dl.plot.plot_spread({"SGD": [1.0, 2.0, 3.0]})
    with pytest.raises(ValueError, match="x has 2 positions"):
        dl.plot.plot_spread({"SGD": [[1.0, 2.0, 3.0]]}, x=[1, 2])
    plt.close("all")


def test_show_source_prints_sgd_update_dedented_with_comments_close(capsys):
    dl.plot.show_source(dl.SGD._update)
    out = capsys.readouterr().out
    assert out.startswith("def _update(self, p, state):\n")
    assert "p.data -= step" in out
    assert "state)  # theta -= lr * g" not in out            # that comment sits on another line
    assert "step = _buffer(state, \"step_buffer\", p)  # theta -= lr * g" in out
    assert not re.search(r"\S {3,}#", out)                   # no comment left in a far column


def test_show_source_names_an_object_without_source():
    with pytest.raises(TypeError, match="show_source: no Python source"):
        dl.plot.show_source(len)
