"""Chapter 2's figure: the perceptron plot counts and circles exactly its mistakes."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import dlcore as dl  # noqa: E402


def test_counts_mistakes_with_the_step_at_zero_equal_to_one():
    X, y = dl.data.make_logic("and")
    fig, ax = plt.subplots()
    assert dl.plot.plot_perceptron([1.0, 1.0], -1.5, X, y, ax) == 0
    # z = 0 exactly at (1, 1): H(0) = 1, so the line through it still gets AND right
    assert dl.plot.plot_perceptron([2.0, 1.0], -3.0, X, y, ax) == 0
    assert dl.plot.plot_perceptron([-1.0, -1.0], 1.5, X, y, ax) == 4
    circled = ax.collections[-1].get_offsets()
    assert len(circled) == 4
    assert "4 misclassified" in ax.get_title()
    with pytest.raises(ValueError, match="w of shape \\(2,\\)"):
        dl.plot.plot_perceptron([1.0], 0.0, X, y, ax)
    plt.close(fig)
