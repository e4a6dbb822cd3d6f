"""The chapter 13 figures draw what they promise (on matplotlib's Agg backend)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def test_timeline_puts_each_event_at_its_year_in_order():
    events = [(1986, "backprop", 1), (1958, "perceptron", 0), (2002, "CD", 2)]
    fig, ax = plt.subplots()
    dl.plot.plot_timeline(events, ax)
    texts = [t.get_text() for t in ax.texts]
    assert texts[0].startswith("1958") and "perceptron" in texts[0]
    assert "backprop" in texts[1] and texts[1].endswith("1986")     # second label below the axis
    dots = [line.get_xdata()[0] for line in ax.get_lines() if line.get_marker() == "o"]
    assert dots == [1958, 1986, 2002]
    assert ax.get_xlim()[0] < 1958 and ax.get_xlim()[1] > 2002
    with pytest.raises(ValueError, match="events is empty"):
        dl.plot.plot_timeline([], ax)
    ax.clear()
    dl.plot.plot_timeline([(1985, "a", 0, 2, "right"), (1986, "b", 1, -1, "left")], ax)
    (a, b) = ax.texts
    assert a.get_position() == (1985, 2) and a.get_ha() == "right" and a.get_va() == "bottom"
    assert b.get_position() == (1986, -1) and b.get_ha() == "left" and b.get_va() == "top"
    with pytest.raises(ValueError, match="non-zero level"):
        dl.plot.plot_timeline([(1985, "a", 0, 0)], ax)
    plt.close(fig)


def test_tile_images_places_images_row_by_row_with_gaps():
    images = np.arange(3 * 2 * 2, dtype=float).reshape(3, 2, 2)
    mosaic = dl.plot.tile_images(images, ncols=2, pad=1)
    assert mosaic.shape == (5, 5)
    assert np.array_equal(mosaic[:2, :2], images[0]) and np.array_equal(mosaic[:2, 3:], images[1])
    assert np.array_equal(mosaic[3:, :2], images[2])
    assert np.isnan(mosaic[2]).all() and np.isnan(mosaic[3:, 3:]).all()
    with pytest.raises(ValueError, match=r"\(K, h, w\)"):
        dl.plot.tile_images(np.ones((2, 2)), ncols=1)


def test_image_rows_and_filters():
    X, _ = dl.data.make_bars_and_stripes(4)
    fig, (ax1, ax2) = plt.subplots(1, 2)
    dl.plot.plot_image_rows([X[:5], 1 - X[:5]], (4, 4), ax1, row_labels=["data", "inverse"])
    assert [t.get_text() for t in ax1.get_yticklabels()] == ["data", "inverse"]
    shown = ax1.get_images()[0].get_array()
    assert shown.shape == (9, 24) and np.array_equal(shown[:4, :4], X[0].reshape(4, 4))
    assert shown.mask[4].all() and ax1.get_facecolor()[:3] == (0.8, 0.8, 0.8)   # grey gaps
    W = np.linspace(-2, 1, 3 * 16).reshape(3, 16)
    _, image = dl.plot.plot_filters(W, (4, 4), ax2, ncols=3)
    assert image.get_clim() == (-2.0, 2.0)                            # symmetric about zero
    with pytest.raises(ValueError, match=r"\(K, 16\)"):
        dl.plot.plot_filters(np.ones((3, 15)), (4, 4), ax2)
    with pytest.raises(ValueError, match="same number"):
        dl.plot.plot_image_rows([X[:5], X[:4]], (4, 4), ax1)
    plt.close(fig)
