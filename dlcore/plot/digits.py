"""Figures of an image classifier: a grid of small images with their labels, a confusion matrix."""
import numpy as np

from dlcore.plot.core import PALETTE, _axes


def plot_digits(images, true=None, predicted=None, *, probabilities=None, ncols=10, fig=None,
                size=1.0):
    """Draw small grey images in a grid, each titled with its label(s).

    Args:
        images: (N, H, W) array, or (N, H*W) flattened square images.
        true: optional true labels (N,); alone they title each image "3".
        predicted: optional predicted labels (N,); with ``true`` the title reads "true 3 / pred 8",
            in vermillion where they differ.
        probabilities: optional (N,) probability of the predicted class, added as "p=0.97".
        ncols: images per row.
        size: inches per image.

    Returns the figure. Ink is dark on a light background (the digits' 0 is white).
    """
    import matplotlib.pyplot as plt

    images = np.asarray(images)
    if images.ndim == 2:
        side = int(round(np.sqrt(images.shape[1])))
        if side * side != images.shape[1]:
            raise ValueError(f"plot_digits: flattened images need a square number of pixels, "
                             f"got {images.shape[1]}.")
        images = images.reshape(len(images), side, side)
    if images.ndim != 3 or len(images) == 0:
        raise ValueError(f"plot_digits: expected images of shape (N, H, W) with N >= 1, "
                         f"got {images.shape}.")
    n = len(images)
    for name, arr in (("true", true), ("predicted", predicted), ("probabilities", probabilities)):
        if arr is not None and len(arr) != n:
            raise ValueError(f"plot_digits: {n} images but {len(arr)} {name} values.")
    ncols = min(int(ncols), n)
    nrows = -(-n // ncols)
    extra = 0.35 if predicted is not None else 0.2
    if fig is None:
        fig = plt.figure(figsize=(size * ncols, (size + extra) * nrows))
    axes = np.atleast_1d(fig.subplots(nrows, ncols, squeeze=False)).ravel()
    vmax = float(images.max()) or 1.0
    for i, ax in enumerate(axes):
        ax.set_axis_off()
        if i >= n:
            continue
        ax.imshow(images[i], cmap="gray_r", vmin=0, vmax=vmax, interpolation="nearest")
        parts, colour = [], "black"
        if true is not None and predicted is not None:
            parts.append(f"true {int(true[i])}\npred {int(predicted[i])}")
            colour = PALETTE[3] if int(true[i]) != int(predicted[i]) else "black"
        elif true is not None:
            parts.append(str(int(true[i])))
        elif predicted is not None:
            parts.append(f"pred {int(predicted[i])}")
        if probabilities is not None:
            parts.append(f"p={float(probabilities[i]):.2f}")
        if parts:
            ax.set_title(" ".join(parts) if len(parts) == 1 else "\n".join(parts),
                         fontsize=8, color=colour)
    return fig


def plot_confusion_matrix(cm, ax=None, *, labels=None, title=None, cmap="Blues"):
    """Show a confusion matrix C[i, j] (true i, predicted j) with every non-zero count written in.

    The colour scale is the count on a square-root scale, so that a few mistakes stay visible
    next to a diagonal of hundreds. Returns the axes.
    """
    from matplotlib.colors import PowerNorm

    cm = np.asarray(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise ValueError(f"plot_confusion_matrix: expected a square matrix (K, K), got {cm.shape}.")
    ax = _axes(ax)
    k = cm.shape[0]
    labels = list(range(k)) if labels is None else list(labels)
    top = max(float(cm.max()), 1.0)
    ax.imshow(cm, cmap=cmap, norm=PowerNorm(0.5, vmin=0, vmax=top))
    for i in range(k):
        for j in range(k):
            if cm[i, j]:
                dark = np.sqrt(cm[i, j] / top) > 0.6
                ax.text(j, i, f"{cm[i, j]:g}", ha="center", va="center", fontsize=8,
                        color="white" if dark else "black")
    ax.set_xticks(range(k), labels)
    ax.set_yticks(range(k), labels)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.grid(False)
    if title:
        ax.set_title(title)
    return ax
