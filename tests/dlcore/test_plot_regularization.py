"""Chapter 10's plotting helpers draw what they promise."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def test_early_stopping_marks_best_and_stop():
    long = dl.History(train_loss=[1.0, 0.6, 0.4, 0.3, 0.2], val_loss=[1.1, 0.7, 0.8, 0.9, 1.0])
    short = dl.History(train_loss=[1.0, 0.6, 0.4], val_loss=[1.1, 0.7, 0.8], best_epoch=2,
                       stopped_epoch=3)
    fig, ax = plt.subplots()
    dl.plot.plot_early_stopping(long, ax, stopped=short)
    labels = [l.get_label() for l in ax.get_lines()]
    assert "best epoch 2 (weights restored)" in labels and "stopped at epoch 3" in labels
    best = [l for l in ax.get_lines() if l.get_label().startswith("best")][0]
    assert tuple(best.get_xydata()[0]) == (2.0, 0.7)
    with pytest.raises(ValueError, match="no validation curve"):
        dl.plot.plot_early_stopping(dl.History(train_loss=[1.0]), ax)
    plt.close(fig)


def test_weight_histograms_label_the_fraction_below_the_threshold():
    fig, ax = plt.subplots()
    w = np.array([0.0, 1e-5, 0.5, 0.2])
    dl.plot.plot_weight_histograms({"L1": w}, ax, threshold=1e-3)
    assert ax.get_legend().get_texts()[0].get_text() == "L1: 50% below 0.001"
    plt.close(fig)


def test_masks_and_reliability():
    fig, ax = plt.subplots()
    dl.plot.plot_masks(np.array([[1, 0], [0, 1]]), ax, title="m")
    assert ax.get_images()[0].get_array().shape == (2, 2)
    with pytest.raises(ValueError, match="2-D"):
        dl.plot.plot_masks(np.ones(3), ax)
    ax.clear()
    count, conf, acc = np.array([0, 2, 3]), np.array([np.nan, 0.5, 0.9]), np.array([np.nan, 0.5, 0.6])
    dl.plot.plot_reliability(count, conf, acc, ax, label="net")
    assert ax.collections[0].get_offsets().shape == (2, 2)          # empty bin left out
    plt.close(fig)
