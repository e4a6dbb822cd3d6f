"""Plotting helpers shared by the chapters, with a palette readable by colour-blind readers.

The colours are Okabe and Ito's eight (2008), distinguishable under the common forms of colour
blindness; class regions use light tints of the same colours, and markers differ by shape too.
"""
import numpy as np

# Okabe-Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]


def use_style():
    """Make the palette matplotlib's default colour cycle, with readable defaults for the book."""
    import matplotlib as mpl
    from cycler import cycler

    mpl.rcParams.update({
        "axes.prop_cycle": cycler(color=PALETTE),
        "figure.figsize": (6.0, 4.0),
        "figure.dpi": 100,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "image.cmap": "cividis",
    })


def _axes(ax):
    import matplotlib.pyplot as plt
    return plt.subplots()[1] if ax is None else ax


def scatter_classes(X, y, ax=None, *, labels=None, s=40, edgecolor="white"):
    """Scatter 2-D points, one colour and marker per class; returns the axes."""
    ax = _axes(ax)
    y = np.asarray(y).ravel()
    for k in np.unique(y):
        pts = X[y == k]
        name = labels[int(k)] if labels is not None else f"class {k}"
        ax.scatter(pts[:, 0], pts[:, 1], s=s, color=PALETTE[int(k) % len(PALETTE)],
                   marker=MARKERS[int(k) % len(MARKERS)], edgecolor=edgecolor, linewidth=0.8,
                   label=name, zorder=3)
    return ax


def predict_classes(model, X, *, threshold=None):
    """Class predictions of ``model`` on X, whatever its output layer.

    Several output columns are per-class scores: the class is the argmax. One column is a score
    for class 1, cut at ``threshold``; by default 0.5 when the model ends in a Sigmoid (a
    probability) and 0 otherwise (a logit, as BCEWithLogitsLoss trains it).
    """
    from dlcore.activations import Sigmoid
    from dlcore.module import Sequential
    from dlcore.training import predict

    out = predict(model, X)
    if out.ndim == 2 and out.shape[1] > 1:
        return out.argmax(axis=1)
    if threshold is None:
        last = model[-1] if isinstance(model, Sequential) and len(model) else model
        threshold = 0.5 if isinstance(last, Sigmoid) else 0.0
    return (out.ravel() > threshold).astype(int)


def plot_decision_boundary(model, X, y, ax=None, *, resolution=200, padding=0.5, title=None,
                           predict_fn=None, threshold=None, xlim=None, ylim=None):
    """Colour the plane by the class ``model`` predicts and draw the data on top.

    Args:
        model: any dlcore model on 2-D inputs (or pass ``predict_fn`` mapping (M, 2) -> labels).
        X, y: the data, X of shape (N, 2).
        resolution: grid points per axis.
        threshold: cut for a one-column output (see :func:`predict_classes`).
        xlim, ylim: the window; by default the data's range plus ``padding``.
    """
    from matplotlib.colors import ListedColormap

    ax = _axes(ax)
    x_min, y_min = X.min(axis=0) - padding
    x_max, y_max = X.max(axis=0) + padding
    if xlim is not None:
        x_min, x_max = xlim
    if ylim is not None:
        y_min, y_max = ylim
    xx, yy = np.meshgrid(np.linspace(x_min, x_max, resolution), np.linspace(y_min, y_max, resolution))
    grid = np.c_[xx.ravel(), yy.ravel()].astype(X.dtype)
    labels = (predict_fn or (lambda g: predict_classes(model, g, threshold=threshold)))(grid)
    labels = np.asarray(labels).reshape(xx.shape)
    n_classes = int(max(np.max(y), labels.max())) + 1
    cmap = ListedColormap(PALETTE[:n_classes])
    ax.contourf(xx, yy, labels, levels=np.arange(n_classes + 1) - 0.5, cmap=cmap, alpha=0.25)
    ax.contour(xx, yy, labels, levels=np.arange(n_classes) + 0.5, colors="k", linewidths=1)
    scatter_classes(X, y, ax)
    ax.set_xlim(x_min, x_max)
    ax.set_ylim(y_min, y_max)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return ax


def plot_history(history, ax=None, *, metric="loss", title=None, label=None, color=None):
    """Training (and validation) curves of a :class:`~dlcore.training.History`, per epoch.

    ``label`` and ``color`` name and colour one run, so several runs can share the axes.
    """
    ax = _axes(ax)
    train = getattr(history, f"train_{metric}")
    val = getattr(history, f"val_{metric}")
    epochs = np.arange(1, len(train) + 1)
    prefix = f"{label}: " if label else ""
    ax.plot(epochs, train, color=color or PALETTE[0], label=f"{prefix}training {metric}")
    if val:
        ax.plot(epochs, val, color=color or PALETTE[1], linestyle="--",
                label=f"{prefix}validation {metric}")
    if history.best_epoch is not None:
        ax.axvline(history.best_epoch, color=PALETTE[7], linestyle=":", label="best epoch")
    ax.set_xlabel("epoch")
    ax.set_ylabel(metric)
    ax.legend()
    if title:
        ax.set_title(title)
    return ax


def plot_function_and_derivative(f, df, ax=None, *, x=None, name="f"):
    """Plot an activation ``f`` and its derivative ``df`` on the same axes."""
    ax = _axes(ax)
    x = np.linspace(-5, 5, 401) if x is None else x
    ax.plot(x, f(x), color=PALETTE[0], label=f"${name}(z)$")
    ax.plot(x, df(x), color=PALETTE[3], linestyle="--", label=f"${name}'(z)$")
    ax.axhline(0, color="0.5", linewidth=0.8)
    ax.axvline(0, color="0.5", linewidth=0.8)
    ax.set_xlabel("$z$")
    ax.legend()
    return ax


def plot_line(w, b, ax=None, *, xlim=(-0.5, 1.5), **kwargs):
    """Draw the decision line w1 x1 + w2 x2 + b = 0 inside ``xlim`` (vertical if w2 = 0)."""
    ax = _axes(ax)
    w1, w2 = float(w[0]), float(w[1])
    kwargs.setdefault("color", PALETTE[7])
    if abs(w2) > 1e-12:
        xs = np.array(xlim, dtype=float)
        ax.plot(xs, -(w1 * xs + b) / w2, **kwargs)
    elif abs(w1) > 1e-12:
        ax.axvline(-b / w1, **kwargs)
    return ax


def plot_contours(f, ax=None, *, xlim=(-2, 2), ylim=(-2, 2), levels=20, resolution=200):
    """Contour lines of a function f(x, y) of two arrays (used for loss surfaces)."""
    ax = _axes(ax)
    xx, yy = np.meshgrid(np.linspace(*xlim, resolution), np.linspace(*ylim, resolution))
    cs = ax.contour(xx, yy, f(xx, yy), levels=levels, cmap="cividis")
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.set_aspect("equal")
    return ax, cs


def plot_network(sizes, ax=None, *, names=None, show_shapes=True, gap=2.5, radius=0.18):
    """Draw a fully connected network as circles (units) and lines (weights), layer by layer.

    Args:
        sizes: units per layer, input first, e.g. ``[3, 4, 1]``.
        names: one label per layer; by default "input", "hidden 1", ..., "output".
        show_shapes: write the shape (units_out, units_in) of each weight matrix W between layers.
        gap: horizontal distance between layers, in units of the vertical spacing of units.

    Input units are blue, hidden units green and output units orange. Returns the axes.
    """
    from matplotlib.patches import Circle

    ax = _axes(ax)
    sizes = [int(n) for n in sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"plot_network: sizes needs two or more positive layer sizes, got {sizes}.")
    if names is None:
        names = ["input"] + [f"hidden {i}" for i in range(1, len(sizes) - 1)] + ["output"]
    height = max(sizes)
    ys = [np.arange(n)[::-1] - (n - 1) / 2 for n in sizes]    # units centred on y = 0, top first
    for l in range(len(sizes) - 1):                            # every unit to every unit: W's entries
        for y0 in ys[l]:
            for y1 in ys[l + 1]:
                ax.plot([l * gap, (l + 1) * gap], [y0, y1], color="0.6", linewidth=0.8, zorder=1)
        if show_shapes:
            ax.text((l + 0.5) * gap, height / 2 + 0.1, f"$W^{{[{l + 1}]}}$: ({sizes[l + 1]}, {sizes[l]})",
                    ha="center", va="bottom")
    for l, n in enumerate(sizes):
        colour = PALETTE[0] if l == 0 else PALETTE[1] if l == len(sizes) - 1 else PALETTE[2]
        for y0 in ys[l]:
            ax.add_patch(Circle((l * gap, y0), radius, facecolor=colour, edgecolor="k", zorder=2))
        ax.text(l * gap, -height / 2 - 0.1, f"{names[l]}\n{n} unit{'s' if n > 1 else ''}",
                ha="center", va="top")
    ax.set_xlim(-0.6 * gap, (len(sizes) - 0.4) * gap)
    ax.set_ylim(-height / 2 - 1.1, height / 2 + 0.6)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return ax
