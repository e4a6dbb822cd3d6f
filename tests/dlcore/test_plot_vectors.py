"""Chapter 1's figures: the projection lands at the foot of the perpendicular; tables."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def test_projection_foot_is_perpendicular():
    fig, ax = plt.subplots()
    w, x = np.array([3.0, 1.0]), np.array([1.0, 2.0])
    foot = dl.plot.plot_projection(ax, w, x)
    assert np.isclose((x - foot) @ w, 0)                  # x - p is perpendicular to w
    assert np.isclose(np.linalg.norm(foot), w @ x / np.linalg.norm(w))
    assert dl.plot.plot_projection(ax, [0.0, 0.0], x) is None   # no line for w = 0
    with pytest.raises(ValueError, match="plot_projection.*\\(3,\\)"):
        dl.plot.plot_projection(ax, [1.0, 2.0, 3.0], x)
    plt.close(fig)


def test_table_writes_every_entry_and_tints_rows():
    fig, ax = plt.subplots()
    M = np.array([[1.0, -2.5], [0.0, 4.0], [7.0, 8.0]])
    assert dl.plot.plot_table(ax, M, "M", row_colours=["red", "blue"]) == 6
    assert sorted(t.get_text() for t in ax.texts) == sorted(f"{v:g}" for v in M.ravel())
    assert len(ax.patches) == 2
    with pytest.raises(ValueError, match="3 row colours for 2 rows"):
        dl.plot.plot_table(ax, M[:2], "M", row_colours=["r", "g", "b"])
    plt.close(fig)
