"""Figures of chapter 3: the XOR corners seen in a network's hidden space."""
import numpy as np

from dlcore.plot.core import MARKERS, PALETTE, plot_decision_boundary


def plot_hidden_space(ax, A, y, output_layer, *, names=None, threshold=None,
                      xlim=(-1.1, 1.1), ylim=(-1.1, 1.1), symbol="a", resolution=200,
                      s=90, tol=0.1):
    """Points at their hidden coordinates ``A`` (N, 2) over the output layer's two regions.

    The regions are those of ``output_layer`` alone, a map from the hidden space to the output,
    so a straight boundary here means the output layer separates the points with a line.
    Points of different classes that land on (nearly) the same spot are drawn side by side, so
    neither hides the other; each spot gets one label naming every point there (``names``),
    and labels of nearby spots go on opposite sides. Returns the label texts.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import dlcore as dl
    >>> fig, ax = plt.subplots()
    >>> A = np.array([[0, 0], [1, 0], [1, 0], [0, 1]], dtype=np.float32)
    >>> out = dl.Linear(2, 1, rng=0)
    >>> [t.get_text() for t in plot_hidden_space(ax, A, [0, 1, 1, 0], out, names="abcd")]
    ['a', 'b c', 'd']
    >>> plt.close(fig)
    """
    from matplotlib.transforms import offset_copy

    A, y = np.asarray(A), np.asarray(y).ravel()
    if A.ndim != 2 or A.shape[1] != 2 or len(A) != len(y):
        raise ValueError(f"plot_hidden_space: expected A of shape (N, 2) and N labels, "
                         f"got A {A.shape} and {len(y)} labels.")
    names = [str(k) for k in range(len(A))] if names is None else list(names)
    plot_decision_boundary(output_layer, A, y, ax, threshold=threshold, xlim=xlim, ylim=ylim,
                           resolution=resolution)
    for coll in list(ax.collections):
        if str(coll.get_label()).startswith("class "):
            coll.remove()  # the default markers: redrawn below, apart where classes meet
    spots = []  # (position, indices of the points there)
    for i, a in enumerate(A):
        for pos, members in spots:
            if np.abs(pos - a).max() < tol:
                members.append(i)
                break
        else:
            spots.append((a, [i]))
    fig = ax.figure
    for pos, members in spots:
        classes = sorted(set(int(y[i]) for i in members))
        for k in classes:
            shift = 7.0 * (classes.index(k) - (len(classes) - 1) / 2)  # points, side by side
            where = offset_copy(ax.transData, fig=fig, x=shift, y=0, units="points")
            ax.scatter(*pos, s=s, color=PALETTE[k % len(PALETTE)],
                       marker=MARKERS[k % len(MARKERS)], edgecolor="white", linewidth=0.8,
                       zorder=3, transform=where)
    span = max(xlim[1] - xlim[0], ylim[1] - ylim[0])
    placed, texts = [], []
    for pos, members in spots:
        above = pos[1] < ylim[1] - 0.2 * (ylim[1] - ylim[0])  # keep labels inside the axes
        for other, other_above in placed:  # a close neighbour: take the other side
            if np.abs(other - pos).max() < 0.3 * span and abs(other[1] - pos[1]) < 0.15 * span:
                above = not other_above
        placed.append((pos, above))
        texts.append(ax.annotate(" ".join(names[i] for i in members), pos, ha="center",
                                 fontsize=9, xytext=(0, 9 if above else -17),
                                 textcoords="offset points"))
    ax.set(xlabel=f"${symbol}_1$", ylabel=f"${symbol}_2$", aspect="equal")
    return texts
