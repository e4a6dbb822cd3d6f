"""Figures of chapter 2: a perceptron's line over data, with its mistakes circled."""
import numpy as np

from dlcore.plot.core import plot_decision_boundary, plot_line


def plot_perceptron(w, b, X, y, ax, *, resolution=120, xlim=None, ylim=None):
    """Tint the plane by the class the perceptron :math:`\\hat y = H(w \\cdot x + b)` predicts.

    :math:`H` is the step of chapter 2, 1 where :math:`z \\ge 0`. The exact line
    :math:`w_1 x_1 + w_2 x_2 + b = 0` is drawn on top and every misclassified point is circled;
    the title says how many. Returns that number.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> X = np.array([[0.0, 0.0], [1.0, 1.0]]); y = np.array([0, 1])
    >>> plot_perceptron([1.0, 1.0], -1.0, X, y, ax), plot_perceptron([1.0, 1.0], 1.0, X, y, ax)
    (0, 1)
    >>> plt.close(fig)
    """
    X = np.asarray(X)
    w = np.asarray(w, dtype=X.dtype)
    if w.shape != (2,) or X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"plot_perceptron: expected w of shape (2,) and X of shape (N, 2), "
                         f"got {w.shape} and {X.shape}.")

    def predict(points):
        return np.heaviside(points @ w + b, 1.0).astype(int)

    plot_decision_boundary(None, X, y, ax, predict_fn=predict, resolution=resolution,
                           xlim=xlim, ylim=ylim)
    plot_line(w, b, ax, xlim=ax.get_xlim())
    wrong = predict(X) != np.asarray(y).ravel()
    ax.scatter(*X[wrong].T, s=160, facecolors="none", edgecolors="k", linewidths=1.2,
               zorder=4)
    ax.set_title(f"w = ({w[0]:g}, {w[1]:g}), b = {b:g}: {wrong.sum()} misclassified",
                 fontsize=10)
    return int(wrong.sum())
