"""Figures of chapter 5: a loss as a function of a weight, and cross-entropy against squared
error for one sigmoid output (their values, their gradients, and training with each)."""
import numpy as np

from dlcore.plot.core import PALETTE

_CE, _SE = PALETTE[0], PALETTE[1]


def plot_lines_and_loss(x, y, ws, b, w_grid, J_grid, axes):
    """Left: the data and the lines :math:`\\hat y = w x + b` for each ``w`` in ``ws``.
    Right: the empirical loss :math:`J(w)` on ``w_grid`` with each ``w`` of ``ws`` marked.

    ``axes`` is a pair of axes. Returns the loss values marked on the right panel
    (interpolated on the grid).

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, axes = plt.subplots(1, 2)
    >>> grid = np.linspace(0, 2, 3)
    >>> plot_lines_and_loss([0, 1], [1, 2], [0.0, 1.0], 1.0, grid, grid ** 2, axes).tolist()
    [0.0, 1.0]
    >>> plt.close(fig)
    """
    w_grid, J_grid = np.asarray(w_grid, float), np.asarray(J_grid, float)
    if w_grid.shape != J_grid.shape:
        raise ValueError(f"plot_lines_and_loss: w_grid and J_grid must have the same shape, "
                         f"got {w_grid.shape} and {J_grid.shape}.")
    ax1, ax2 = axes
    x = np.asarray(x, float).ravel()
    colours = [PALETTE[3], PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4]]
    ax1.plot(x, np.asarray(y, float).ravel(), "o", color=PALETTE[7], ms=4, label="data")
    xs = np.array([x.min(), x.max()])
    marked = np.interp(ws, w_grid, J_grid)
    for w, colour in zip(ws, colours):
        ax1.plot(xs, w * xs + b, color=colour, lw=2, label=f"w = {w:.2f}, b = {b:g}")
    ax1.set(xlabel="$x$", ylabel="$y$")
    ax1.legend(fontsize=8)
    ax2.plot(w_grid, J_grid, color=PALETTE[0], lw=2.5)
    for w, J, colour in zip(ws, marked, colours):
        ax2.plot(w, J, "o", color=colour, ms=8)
    ax2.set(xlabel=f"weight $w$ (bias fixed at {b:g})", ylabel="MSE $J(w)$",
            title="the empirical loss as a function of one parameter")
    return marked


def plot_costs(p, ce, se, ax, *, ylim=(0, 5.5)):
    """The cost of one example whose true label got probability ``p``: cross-entropy
    :math:`-\\log p` (solid) and squared error :math:`(1 - p)^2` (dashed)."""
    ax.plot(p, ce, color=_CE, lw=2.5, label=r"cross-entropy $-\log p$")
    ax.plot(p, se, color=_SE, lw=2.5, ls="--", label=r"squared error $(1-p)^2$")
    ax.set(xlabel="probability $p$ given to the true label", ylabel="cost of the example",
           ylim=ylim)
    ax.legend()
    return ax


def plot_logit_gradients(z, dce, dse, ax, *, wrong_below=-3.0):
    """Sizes of :math:`\\partial L/\\partial z` for label 1 on a log scale: cross-entropy
    :math:`|\\sigma(z) - 1|` against squared error :math:`|2(\\sigma(z) - 1)\\sigma'(z)|`;
    the confidently wrong logits (below ``wrong_below``) are shaded.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = plot_logit_gradients([-5.0, 0.0], [-1.0, -0.5], [-0.01, -0.25], ax)
    >>> ax.get_yscale(), len(ax.get_lines())
    ('log', 2)
    >>> plt.close(fig)
    """
    z = np.asarray(z, float).ravel()
    ax.semilogy(z, np.abs(np.ravel(dce)), color=_CE, lw=2.5,
                label=r"cross-entropy: $|\sigma(z) - 1|$")
    ax.semilogy(z, np.abs(np.ravel(dse)), color=_SE, lw=2.5, ls="--",
                label=r"squared error: $|2(\sigma(z) - 1)\,\sigma'(z)|$")
    ax.axvspan(z.min(), wrong_below, color=PALETTE[3], alpha=0.08)
    ax.text(0.03, 0.5, "confidently\nwrong", color=PALETTE[3], transform=ax.transAxes)
    ax.set(xlabel="logit $z$ (true label $y = 1$)", ylabel=r"$|\partial L / \partial z|$")
    ax.legend(loc="lower left", fontsize=8)
    return ax


def plot_logit_losses(fig, z, z_curve, curves, point):
    """Two panels for one logit ``z`` with label 1: the losses (left) and their gradients
    (right) over ``z_curve``, with dots at ``z``.

    ``curves`` and ``point`` are ``(se, dse, ce, dce)``: the squared error, its gradient, the
    cross-entropy and its gradient, as arrays over ``z_curve`` and as numbers at ``z``.
    Returns the two axes.
    """
    if len(curves) != 4 or len(point) != 4:
        raise ValueError("plot_logit_losses: curves and point must each be (se, dse, ce, dce), "
                         f"got {len(curves)} and {len(point)} items.")
    se_c, dse_c, ce_c, dce_c = (np.ravel(c) for c in curves)
    se, dse, ce, dce = (float(np.ravel(v)[0]) for v in point)
    z_curve = np.ravel(z_curve)
    ax1, ax2 = fig.subplots(1, 2)
    ax1.plot(z_curve, ce_c, color=_CE, label="cross-entropy")
    ax1.plot(z_curve, se_c, color=_SE, ls="--", label="squared error")
    ax1.plot([z, z], [ce, se], "o", color=PALETTE[7])
    ax1.set(xlabel="logit $z$ (label 1)", ylabel="loss", ylim=(-0.3, 10.5),
            title=f"z = {z:g}: CE = {ce:.2f}, SE = {se:.2f}")
    ax1.legend(loc="upper right", fontsize=8)
    ax2.plot(z_curve, dce_c, color=_CE)
    ax2.plot(z_curve, dse_c, color=_SE, ls="--")
    ax2.plot([z, z], [dce, dse], "o", color=PALETTE[7])
    ax2.set(xlabel="logit $z$ (label 1)", ylabel=r"$\partial L / \partial z$",
            ylim=(-1.1, 0.1), title=f"dCE/dz = {dce:.3f}, dSE/dz = {dse:.1e}")
    fig.tight_layout()
    return ax1, ax2


def plot_training_curves(runs, ax, *, ylabel, logy=False):
    """One line per training run, per epoch: ``runs`` maps a label to the values.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> len(plot_training_curves({"a": [3, 2, 1], "b": [3, 3, 3]}, ax, ylabel="J").get_lines())
    2
    >>> plt.close(fig)
    """
    if not runs:
        raise ValueError("plot_training_curves: runs is empty; pass {label: values}.")
    styles = ["-", "--", ":", "-."]
    for i, (label, values) in enumerate(runs.items()):
        values = np.ravel(values)
        epochs = np.arange(1, len(values) + 1)
        ax.plot(epochs, values, color=PALETTE[i % len(PALETTE)], ls=styles[i % 4], lw=2.2,
                label=label)
    if logy:
        ax.set_yscale("log")
    ax.set(xlabel="epoch", ylabel=ylabel)
    ax.legend(fontsize=8)
    return ax
