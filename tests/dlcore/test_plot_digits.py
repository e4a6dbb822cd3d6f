"""plot_digits and plot_confusion_matrix draw what they promise (Agg backend)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402
from dlcore.plot.core import PALETTE  # noqa: E402


def test_digit_grid_titles_and_marks_mistakes():
    images = np.random.default_rng(0).uniform(0, 16, (5, 64))          # flattened 8x8
    fig = dl.plot.plot_digits(images, [1, 2, 3, 4, 5], [1, 2, 8, 4, 5],
                              probabilities=[0.9, 0.8, 0.97, 0.6, 0.5], ncols=3)
    axes = fig.axes
    assert len(axes) == 6                                               # 2 rows x 3, one empty
    assert axes[0].images[0].get_array().shape == (8, 8)
    assert axes[2].get_title() == "true 3\npred 8\np=0.97"
    assert matplotlib.colors.same_color(axes[2].title.get_color(), PALETTE[3])
    assert matplotlib.colors.same_color(axes[0].title.get_color(), "black")
    assert not axes[5].images                                           # the spare cell stays empty
    plt.close(fig)


def test_digit_grid_with_true_labels_only():
    fig = dl.plot.plot_digits(np.zeros((2, 8, 8)), true=[7, 1])
    assert [ax.get_title() for ax in fig.axes] == ["7", "1"]
    plt.close(fig)


def test_digit_grid_rejects_mismatched_labels_and_non_square_rows():
    with pytest.raises(ValueError, match="3 images but 2 true values"):
        dl.plot.plot_digits(np.zeros((3, 8, 8)), true=[1, 2])
    with pytest.raises(ValueError, match="square number of pixels, got 10"):
        dl.plot.plot_digits(np.zeros((3, 10)))


def test_confusion_matrix_writes_every_nonzero_count_in_its_cell():
    cm = np.array([[50, 2, 0], [0, 40, 1], [3, 0, 45]])
    fig, ax = plt.subplots()
    dl.plot.plot_confusion_matrix(cm, ax, title="test")
    texts = {(t.get_position(), t.get_text()) for t in ax.texts}
    assert ((1, 0), "2") in texts and ((0, 2), "3") in texts          # (x=column, y=row)
    assert len(ax.texts) == np.count_nonzero(cm)
    assert ax.get_xlabel() == "predicted class" and ax.get_ylabel() == "true class"
    assert np.array_equal(ax.images[0].get_array(), cm)
    plt.close(fig)


def test_confusion_matrix_rejects_a_non_square_array():
    with pytest.raises(ValueError, match=r"square matrix \(K, K\), got \(2, 3\)"):
        dl.plot.plot_confusion_matrix(np.ones((2, 3)))
