"""Figures of chapter 11 (going deeper): quantities per layer, runs over seeds, model comparisons.

Three helpers, one kind of figure each:

* :func:`plot_per_layer` -- one curve per setting (an initialisation, a network) of a quantity
  measured at every layer, such as the standard deviation of the activations, on a log scale.
* :func:`plot_runs` -- training curves of several settings, each repeated over seeds: a thin
  line per seed and a thick line for the median, so the spread between seeds stays visible.
* :func:`plot_model_comparison` -- accuracy and training time of several models side by side,
  one dot per data split and a bar at the mean.

>>> import matplotlib; matplotlib.use("Agg")
>>> import numpy as np
>>> ax = plot_per_layer({"he": np.ones(5), "tiny": 0.5 ** np.arange(1, 6)}, ylabel="std")
>>> [line.get_label() for line in ax.get_lines()][:2], ax.get_yscale()
(['he', 'tiny'], 'log')
"""
import numpy as np

from dlcore.plot.core import MARKERS, PALETTE, _axes


def _check_curves(curves, where):
    if not isinstance(curves, dict) or not curves:
        raise ValueError(f"{where}: pass a non-empty dict {{label: values}}, got {type(curves).__name__}.")


def plot_per_layer(values, ax=None, *, ylabel, log=True, reference=None, first_layer=1,
                   xlabel="layer $l$ (1 = next to the input)", title=None):
    """Draw one curve per entry of ``values`` ({label: array of one number per layer}).

    Args:
        values: dict mapping a label to a 1-D array, entry ``i`` belonging to layer
            ``first_layer + i``. Curves may have different lengths.
        ylabel: what was measured, e.g. ``"std of $a^{[l]}$"``.
        log: logarithmic vertical axis (exploding and vanishing signals are straight lines).
        reference: draw a dotted horizontal line at this value (e.g. 1, the ideal scale).
    Returns the axes.
    """
    from matplotlib.ticker import MaxNLocator

    _check_curves(values, "plot_per_layer")
    ax = _axes(ax)
    for k, (label, v) in enumerate(values.items()):
        v = np.asarray(v, dtype=np.float64)
        if v.ndim != 1:
            raise ValueError(f"plot_per_layer: {label!r} must be 1-D (one number per layer), "
                             f"got shape {v.shape}.")
        layers = first_layer + np.arange(len(v))
        ax.plot(layers, v, marker=MARKERS[k % len(MARKERS)], ms=4, color=PALETTE[k % len(PALETTE)],
                label=label)
    if reference is not None:
        ax.axhline(reference, color="0.4", ls=":", lw=1)
    if log:
        ax.set_yscale("log")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))     # layers are whole numbers
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return ax


def plot_runs(runs, ax=None, *, ylabel="training loss", xlabel="epoch", log=False, title=None):
    """Curves of several settings over seeds: ``runs`` is {label: array of shape (seeds, steps)}.

    Each seed is a thin, light line; the median over seeds is the thick line that carries the
    label. Returns the axes.
    """
    _check_curves(runs, "plot_runs")
    ax = _axes(ax)
    for k, (label, curves) in enumerate(runs.items()):
        curves = np.asarray(curves, dtype=np.float64)
        if curves.ndim != 2:
            raise ValueError(f"plot_runs: {label!r} must have shape (seeds, steps), "
                             f"got {curves.shape}.")
        steps = np.arange(1, curves.shape[1] + 1)
        color = PALETTE[k % len(PALETTE)]
        for curve in curves:
            ax.plot(steps, curve, color=color, lw=0.8, alpha=0.35)
        ax.plot(steps, np.median(curves, axis=0), color=color, lw=2.2,
                label=f"{label} (median of {len(curves)} seeds)")
    if log:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    return ax


def plot_model_comparison(accuracy, seconds, axes=None):
    """Accuracy (left) and training time (right, log scale) of several models, side by side.

    Args:
        accuracy: {model name: accuracies, one per split}.
        seconds: {model name: training times in seconds, one per split}; same names.
        axes: two axes; new ones by default.
    Returns the two axes.
    """
    _check_curves(accuracy, "plot_model_comparison")
    if list(accuracy) != list(seconds):
        raise ValueError(f"plot_model_comparison: accuracy has models {list(accuracy)} but "
                         f"seconds has {list(seconds)}; give both the same names, in the same order.")
    if axes is None:
        import matplotlib.pyplot as plt
        axes = plt.subplots(1, 2, figsize=(10, 3.6))[1]
    left, right = axes
    names = list(accuracy)
    positions = np.arange(len(names))
    jitter = np.random.default_rng(0)            # fixed: the same figure on every run
    for ax, data in ((left, accuracy), (right, seconds)):
        for i, name in enumerate(names):
            v = np.asarray(data[name], dtype=np.float64).ravel()
            color = PALETTE[i % len(PALETTE)]
            ax.bar(i, v.mean(), width=0.6, color=color, alpha=0.3)
            ax.plot(i + jitter.uniform(-0.15, 0.15, len(v)), v, "o", color=color, ms=5)
        ax.set_xticks(positions, names)
    left.set_ylabel("test accuracy")
    left.set_ylim(max(0.0, min(np.min(v) for v in accuracy.values()) - 0.05), 1.0)
    right.set_yscale("log")
    right.set_ylabel("training time (s, log scale)")
    return axes
