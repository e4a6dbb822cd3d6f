"""Figures of chapter 1: a dot product as a projection, and a matrix drawn as a table."""
import numpy as np

from dlcore.plot.core import PALETTE


def plot_projection(ax, w, x, *, lim=2.2):
    """Draw the arrows ``w`` (blue) and ``x`` (orange) and the projection of x onto w's line.

    The projection is the green bar from the origin to the foot of the perpendicular from x,
    :math:`p = \\frac{w \\cdot x}{w \\cdot w}\\, w`; its signed length is
    :math:`\\|x\\| \\cos\\alpha = w \\cdot x / \\|w\\|`. A zero ``w`` has no line: only the arrows.
    Returns the foot ``p`` (None when w is zero).

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> plot_projection(ax, [2.0, 0.0], [1.0, 1.0]).tolist()
    [1.0, 0.0]
    >>> plt.close(fig)
    """
    w, x = np.asarray(w, dtype=float), np.asarray(x, dtype=float)
    if w.shape != (2,) or x.shape != (2,):
        raise ValueError(f"plot_projection: w and x must be 2-D vectors of shape (2,), "
                         f"got {w.shape} and {x.shape}.")
    foot = None
    if w @ w > 0:
        ax.axline((0, 0), tuple(w), color="0.75", linewidth=1, zorder=1)
        foot = (w @ x) / (w @ w) * w
        ax.plot([0, foot[0]], [0, foot[1]], color=PALETTE[2], linewidth=6, alpha=0.7,
                zorder=2)
        ax.plot([x[0], foot[0]], [x[1], foot[1]], ":", color="0.3", zorder=2)
    # the two labels sit on opposite sides of their arrows, so they never cover each other
    for v, colour, name, side in [(w, PALETTE[0], "$w$", -1), (x, PALETTE[1], "$x$", 1)]:
        ax.annotate("", xy=tuple(v), xytext=(0, 0), zorder=3,
                    arrowprops=dict(arrowstyle="-|>", color=colour, linewidth=2))
        u = v / max(np.linalg.norm(v), 1e-9)
        beside = v + 0.15 * u + side * 0.22 * np.array([-u[1], u[0]])
        ax.text(*beside, name, color=colour, ha="center", va="center", fontsize=12)
    ax.set(xlim=(-lim, lim), ylim=(-lim, lim), aspect="equal")
    ax.axis("off")
    return foot


def plot_table(ax, M, title, *, row_colours=None, fontsize=12):
    """Draw a vector or matrix as a grid of its numbers, optionally tinting each row.

    A 1-D array is drawn as a column. ``row_colours`` gives one colour per row (fewer leaves
    the last rows plain). Returns the number of cells drawn.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> plot_table(ax, np.arange(6).reshape(2, 3), "M")
    6
    >>> plt.close(fig)
    """
    from matplotlib.patches import Rectangle

    M = np.asarray(M)
    if M.ndim == 1:
        M = M[:, None]
    if M.ndim != 2:
        raise ValueError(f"plot_table: expected a vector or a matrix, got shape {M.shape}.")
    rows, cols = M.shape
    row_colours = list(row_colours or [])
    if len(row_colours) > rows:
        raise ValueError(f"plot_table: {len(row_colours)} row colours for {rows} rows.")
    for (i, j), v in np.ndenumerate(M):
        ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=fontsize)
    for i, colour in enumerate(row_colours):
        ax.add_patch(Rectangle((-0.5, i - 0.5), cols, 1, color=colour, alpha=0.35))
    for k in range(rows + 1):
        ax.axhline(k - 0.5, color="0.4", linewidth=1, clip_on=False)
    for k in range(cols + 1):
        ax.axvline(k - 0.5, color="0.4", linewidth=1, clip_on=False)
    ax.set(xlim=(-0.5, cols - 0.5), ylim=(rows - 0.5, -0.5), aspect="equal", title=title)
    ax.axis("off")
    return M.size
