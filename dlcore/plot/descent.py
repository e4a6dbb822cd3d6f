"""Figures of chapter 8 (gradient descent in practice): loss curves side by side, gradient noise
against batch size on log-log axes, and a learning-rate sweep.

A run that diverged is a curve that ends in NaN or infinity (or a shorter one): the helpers draw
its finite part, mark where it stopped with a cross and say "diverged" in its title or label.
"""
import numpy as np

from dlcore.plot.core import PALETTE


def _finite_part(values):
    """(finite prefix of values, whether the run diverged: a non-finite value)."""
    values = np.asarray(values, dtype=np.float64)
    bad = np.flatnonzero(~np.isfinite(values))
    return (values[:bad[0]], True) if bad.size else (values, False)


def plot_loss_panels(curves, axes=None, *, xlabel="step", ylabel="loss", logy=True,
                     diverged=(), colors=None):
    """One panel per run, side by side: ``curves`` maps a panel title to its loss values.

    Args:
        curves: ``{title: values}``; the x-axis is the index 0, 1, ... of the values.
        axes: as many axes as curves (a new row of panels by default).
        diverged: titles of runs that stopped by diverging even though their values are finite
            (for example after ``TrainingDivergedError``); runs ending in NaN/inf are found alone.
        colors: one colour per panel (the palette by default).

    Returns:
        The axes. Diverged panels get a cross at their last finite value and "diverged" in
        their title.
    """
    import matplotlib.pyplot as plt

    titles = list(curves)
    if not titles:
        raise ValueError("plot_loss_panels: curves is empty; pass {title: loss values}.")
    if axes is None:
        _, axes = plt.subplots(1, len(titles), figsize=(3.2 * len(titles), 3.2))
    axes = np.atleast_1d(axes).ravel()
    if len(axes) != len(titles):
        raise ValueError(f"plot_loss_panels: {len(titles)} curves but {len(axes)} axes.")
    colors = colors or [PALETTE[i % len(PALETTE)] for i in range(len(titles))]
    for ax, title, color in zip(axes, titles, colors):
        values, stopped = _finite_part(curves[title])
        stopped = stopped or title in diverged
        ax.plot(np.arange(len(values)), values, "-", color=color, lw=1.6)
        if stopped and len(values):
            ax.plot(len(values) - 1, values[-1], "x", color=PALETTE[3], ms=10, mew=2.5)
        if logy:
            ax.set_yscale("log")
        ax.set_title(title + (": diverged" if stopped else ""), fontsize=10)
        ax.set_xlabel(xlabel)
    axes[0].set_ylabel(ylabel)
    return axes


def plot_noise_vs_batch(batch_sizes, measured, references=None, ax=None, *,
                        ylabel=r"$E\,\|g_B - \nabla J\|^2$"):
    """Measured variance of a mini-batch gradient against the batch size B, on log-log axes.

    Args:
        batch_sizes: the B values (x-axis).
        measured: ``{label: values}``, one marker series per sampling scheme.
        references: ``{label: values}``, the predicted curves, drawn as dashed lines in the
            same order of colours as ``measured``.

    Returns:
        The axes.
    """
    import matplotlib.pyplot as plt

    ax = plt.subplots(figsize=(6.4, 4.2))[1] if ax is None else ax
    b = np.asarray(batch_sizes, dtype=np.float64)
    for k, (label, values) in enumerate(measured.items()):
        ax.loglog(b, values, "os^D"[k % 4], color=PALETTE[k], ms=6, label=label, zorder=3)
    for k, (label, values) in enumerate((references or {}).items()):
        ax.loglog(b, values, "--", color=PALETTE[k], lw=1.4, label=label)
    ax.set_xlabel("batch size $B$")
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=8)
    return ax


def plot_lr_sweep(lrs, curves, current, axes=None, *, ylim=None, xlabel="epoch"):
    """Two panels for a learning-rate sweep: the loss curve at ``current`` (left) and the final
    loss of every rate in the sweep (right), the current one highlighted.

    Args:
        lrs: the learning rates of the sweep, increasing.
        curves: one loss curve per rate (a curve ending in NaN/inf diverged).
        current: the rate to show; the nearest rate of the sweep (on a log scale) is drawn.
        axes: two axes (new ones by default).
        ylim: the loss axis range of both panels.

    Returns:
        The two axes.
    """
    import matplotlib.pyplot as plt

    lrs = np.asarray(lrs, dtype=np.float64)
    if len(lrs) != len(curves) or len(lrs) == 0:
        raise ValueError(f"plot_lr_sweep: {len(lrs)} learning rates but {len(curves)} curves.")
    if axes is None:
        _, axes = plt.subplots(1, 2, figsize=(9, 3.4))
    left, right = axes
    i = int(np.argmin(np.abs(np.log(lrs) - np.log(current))))
    values, stopped = _finite_part(curves[i])
    left.plot(np.arange(len(values)), values, "-", color=PALETTE[0], lw=1.8)
    if stopped and len(values):
        left.plot(len(values) - 1, values[-1], "x", color=PALETTE[3], ms=10, mew=2.5)
    left.set(yscale="log", xlabel=xlabel, ylabel="training loss",
             title=rf"$\lambda$ = {lrs[i]:.3g}" + (": diverged" if stopped else ""))
    finals = np.array([_finite_part(c)[0][-1] if not _finite_part(c)[1] else np.nan
                       for c in curves])
    ok = np.isfinite(finals)
    right.semilogx(lrs[ok], finals[ok], "o-", color=PALETTE[7], ms=4, lw=1)
    if (~ok).any():
        top = np.nanmax(finals) if ok.any() else 1.0
        right.plot(lrs[~ok], np.full((~ok).sum(), top), "x", color=PALETTE[3], ms=8, mew=2,
                   label="diverged")
        right.legend(fontsize=8, loc="upper left")
    right.plot(lrs[i], finals[i] if ok[i] else np.nanmax(finals[ok]) if ok.any() else 1.0,
               "o", color=PALETTE[3] if not ok[i] else PALETTE[0], ms=11, mfc="none", mew=2)
    right.set(yscale="log", xlabel=r"learning rate $\lambda$", ylabel="final training loss",
              title="all rates of the sweep")
    if ylim is not None:
        left.set_ylim(*ylim)
        right.set_ylim(*ylim)
    return axes
