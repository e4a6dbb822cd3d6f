"""Figures of the optimizers chapter: paths on a loss surface, and runs over several seeds.

``plot_paths`` draws the points an optimizer visited on the contour lines of a 2-D function, one
colour and marker per optimizer, so that zig-zags, overshoots and the valley each path ends in
can be compared on one picture. ``plot_spread`` draws, for each optimizer, the mean of several
runs (one per seed) as a line and their range from the lowest to the highest as a band, so that
a difference between optimizers can be told from a difference between seeds. ``show_source``
prints the code of an update rule beside its formula.
"""
import inspect
import re
import textwrap

import numpy as np

from dlcore.plot.core import MARKERS, PALETTE, _axes, plot_contours


def _check_path(name, path):
    path = np.asarray(path, dtype=float)
    if path.ndim != 2 or path.shape[1] != 2 or len(path) == 0:
        raise ValueError(f"plot_paths: path {name!r} must have shape (steps + 1, 2), "
                         f"one (x, y) point per row, got {path.shape}.")
    return path


def plot_paths(f, paths, ax=None, *, xlim=(-2, 2), ylim=(-2, 2), levels=20, markevery=1,
               resolution=150):
    """Contour lines of ``f(x, y)`` with the path of each optimizer drawn on top.

    Args:
        f: the function, called on two arrays of grid coordinates.
        paths: ``{label: array (steps + 1, 2)}``, the points visited, start first.
        markevery: draw a marker at every ``markevery``-th point (the line joins them all).

    The start of every path is a black square, its last point a circle with a black edge.
    Points outside the window are clipped, so a diverging path simply leaves the picture.
    Returns the axes.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> ax = plot_paths(lambda x, y: x**2 + y**2, {"GD": [[1, 1], [0.5, 0.5], [0.25, 0.25]]})
    >>> len(ax.get_lines())                  # the path, its start and its end
    3
    """
    if not isinstance(paths, dict) or not paths:
        raise ValueError("plot_paths: paths must be a non-empty dict {label: (steps + 1, 2) array}.")
    ax = _axes(ax)
    plot_contours(f, ax, xlim=xlim, ylim=ylim, levels=levels, resolution=resolution)
    for k, (label, path) in enumerate(paths.items()):
        path = _check_path(label, path)
        colour = PALETTE[k % len(PALETTE)]
        ax.plot(path[:, 0], path[:, 1], "-", color=colour, lw=1.3, label=label,
                marker=MARKERS[k % len(MARKERS)], ms=3.5, markevery=markevery)
        ax.plot(path[-1, 0], path[-1, 1], "o", color=colour, ms=8, mec="black", mew=1.2)
        ax.plot(path[0, 0], path[0, 1], "s", color="black", ms=6)
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    return ax


def plot_spread(runs, ax=None, *, x=None, xlabel="epoch", ylabel="loss", logy=False):
    """Mean (line) and range from lowest to highest (band) of several runs per optimizer.

    Args:
        runs: ``{label: array (seeds, points)}``, one row per seed.
        x: the positions of the points (``1, 2, ...`` by default, as for epochs).

    Returns the axes.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> ax = plot_spread({"SGD": [[3.0, 2.0], [2.0, 1.0]]})
    >>> ax.get_lines()[0].get_ydata().tolist()  # the mean over the two seeds
    [2.5, 1.5]
    """
    if not isinstance(runs, dict) or not runs:
        raise ValueError("plot_spread: runs must be a non-empty dict {label: (seeds, points) array}.")
    ax = _axes(ax)
    for k, (label, values) in enumerate(runs.items()):
        values = np.asarray(values, dtype=float)
        if values.ndim != 2:
            raise ValueError(f"plot_spread: runs[{label!r}] must have shape (seeds, points), "
                             f"got {values.shape}.")
        xs = np.arange(1, values.shape[1] + 1) if x is None else np.asarray(x)
        if len(xs) != values.shape[1]:
            raise ValueError(f"plot_spread: x has {len(xs)} positions but runs[{label!r}] has "
                             f"{values.shape[1]} points per seed.")
        colour = PALETTE[k % len(PALETTE)]
        ax.plot(xs, values.mean(axis=0), color=colour, marker=MARKERS[k % len(MARKERS)], ms=4,
                label=f"{label} (mean of {values.shape[0]})")
        ax.fill_between(xs, values.min(axis=0), values.max(axis=0), color=colour, alpha=0.2,
                        lw=0)
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax


def show_source(function):
    """Print the source of ``function`` (or a method) as the page shows code: dedented, and with
    the run of spaces that aligns each end-of-line comment shortened to two.

    dlcore aligns its comments in a column for its own readers; on a narrow page that column
    pushes the comments, which carry the formulas, out of sight.

    >>> def rule(theta, g, lr):
    ...     return theta - lr * g            # theta <- theta - lambda g
    >>> show_source(rule)
    def rule(theta, g, lr):
        return theta - lr * g  # theta <- theta - lambda g
    <BLANKLINE>
    """
    try:
        source = inspect.getsource(function)
    except (TypeError, OSError) as error:
        raise TypeError(f"show_source: no Python source for {function!r} ({error}).") from None
    print(re.sub(r"(\S) {2,}#", r"\1  #", textwrap.dedent(source)))
