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
    and each label goes where it covers no other label or marker. Returns the label texts.

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
    from matplotlib.transforms import Bbox, ScaledTranslation

    fig = ax.figure
    size = np.sqrt(s)  # marker diameter in points
    for pos, members in spots:
        classes = sorted(set(int(y[i]) for i in members))
        for k in classes:
            shift = 1.3 * size * (classes.index(k) - (len(classes) - 1) / 2)  # side by side
            where = ax.transData + ScaledTranslation(shift / 72, 0, fig.dpi_scale_trans)
            ax.plot(*pos, linestyle="none", marker=MARKERS[k % len(MARKERS)],
                    markersize=size, color=PALETTE[k % len(PALETTE)],
                    markeredgecolor="white", markeredgewidth=0.8, zorder=3,
                    transform=where, clip_on=False)
    # labels: the first of above, below, right, left that stays inside the axes and covers
    # no other label or marker
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    pad = size * fig.dpi / 72
    marks = []
    for pos, members in spots:
        cx, cy = ax.transData.transform(pos)
        half = pad * (0.5 + 0.65 * (len(set(int(y[i]) for i in members)) - 1))
        marks.append(Bbox([[cx - half, cy - pad / 2], [cx + half, cy + pad / 2]]))
    gap = 0.5 * size + 4
    options = [((0, gap), "center", "bottom"), ((0, -gap), "center", "top"),
               ((gap + 4, 0), "left", "center"), ((-gap - 4, 0), "right", "center")]
    texts, taken = [], []
    for n, (pos, members) in enumerate(spots):
        label = " ".join(names[i] for i in members)
        for attempt, (offset, ha, va) in enumerate(options):
            text = ax.annotate(label, pos, xytext=offset, textcoords="offset points",
                               ha=ha, va=va, fontsize=9)
            box = text.get_window_extent(renderer)
            inside = (frame.x0 <= box.x0 and box.x1 <= frame.x1
                      and frame.y0 <= box.y0 and box.y1 <= frame.y1)
            clear = not any(box.overlaps(b) for b in taken) and not any(
                box.overlaps(m) for j, m in enumerate(marks) if j != n)
            if (inside and clear) or attempt == len(options) - 1:
                break
            text.remove()
        taken.append(box)
        texts.append(text)
    ax.set(xlabel=f"${symbol}_1$", ylabel=f"${symbol}_2$", aspect="equal")
    return texts
