"""Figures of chapter 13: a timeline of events, and small binary images or filters in a mosaic.

The images are tiled into one array with a gap between them and shown with a single ``imshow``,
so a grid of 30 patterns is one axes, not 30.
"""
import numpy as np

from dlcore.plot.core import PALETTE, _axes

GAP_COLOUR = "0.8"   # light grey between the images of a mosaic


def plot_timeline(events, ax=None, *, title=None):
    """Events on a horizontal time axis, each label at the end of a stem.

    Args:
        events: tuples ``(year, label[, group[, level[, ha]]])``. ``group`` picks the colour
            ``PALETTE[group]`` (0 by default). ``level`` is the stem's height in label rows,
            positive above the axis and negative below (by default 1, -1, 2, -2, ... in order of
            year); ``ha`` aligns the label on its stem: ``"center"`` (default), ``"left"`` or
            ``"right"``, to keep labels of close years apart.

    Returns the axes.
    """
    ax = _axes(ax)
    events = sorted(events, key=lambda e: e[0])
    if not events:
        raise ValueError("plot_timeline: events is empty; pass (year, label) pairs.")
    years = [e[0] for e in events]
    ax.axhline(0, color="0.3", lw=1.5, zorder=1)
    for k, event in enumerate(events):
        year, label = event[0], event[1]
        color = PALETTE[event[2] % len(PALETTE)] if len(event) > 2 else PALETTE[0]
        default = (1 + (k // 2) % 2) * (1 if k % 2 == 0 else -1)      # 1, -1, 2, -2, 1, ...
        level = event[3] if len(event) > 3 else default
        ha = event[4] if len(event) > 4 else "center"
        if level == 0 or ha not in ("center", "left", "right"):
            raise ValueError(f"plot_timeline: event {event!r} needs a non-zero level and ha in "
                             f"'center', 'left', 'right'.")
        ax.plot([year, year], [0, level * 0.9], color=color, lw=1, zorder=2)
        ax.plot(year, 0, "o", color=color, ms=7, zorder=3)
        ax.text(year, level, f"{year}\n{label}" if level > 0 else f"{label}\n{year}",
                ha=ha, va="bottom" if level > 0 else "top", fontsize=9, color="0.1")
    span = max(years) - min(years) or 1
    top = max(abs(e[3]) if len(e) > 3 else 2 for e in events)
    ax.set_xlim(min(years) - 0.08 * span, max(years) + 0.08 * span)
    ax.set_ylim(-top - 1.3, top + 1.3)
    ax.set_yticks([])
    ax.grid(False)
    for side in ("left", "top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("year")
    if title:
        ax.set_title(title)
    return ax


def tile_images(images, *, ncols, pad=1, fill=None):
    """Tile images of shape (K, h, w) into one (rows * (h + pad) - pad, ncols * (w + pad) - pad)
    array, row by row, with ``fill`` (NaN by default) in the gaps and in unused cells.

    >>> tile_images(np.ones((3, 2, 2)), ncols=2).shape
    (5, 5)
    """
    images = np.asarray(images, dtype=float)
    if images.ndim != 3:
        raise ValueError(f"tile_images expected images of shape (K, h, w), got {images.shape}.")
    k, h, w = images.shape
    ncols = max(1, min(int(ncols), k))
    nrows = -(-k // ncols)
    fill = np.nan if fill is None else fill
    out = np.full((nrows * (h + pad) - pad, ncols * (w + pad) - pad), fill, dtype=float)
    for i, image in enumerate(images):
        r, c = divmod(i, ncols)
        out[r * (h + pad):r * (h + pad) + h, c * (w + pad):c * (w + pad) + w] = image
    return out


def _reshape(images, image_shape, where):
    images = np.asarray(images, dtype=float)
    size = int(np.prod(image_shape))
    if images.ndim != 2 or images.shape[1] != size:
        raise ValueError(f"{where} expected flattened images of shape (K, {size}) for image_shape "
                         f"{tuple(image_shape)}, got {images.shape}.")
    return images.reshape(-1, *image_shape)


def plot_image_rows(rows, image_shape, ax=None, *, row_labels=None, pad=1):
    """Rows of flattened grey images in [0, 1] (white 0, black 1), one list per row.

    Args:
        rows: a list of arrays, each (K, h * w) with the same K: e.g. the data, then their
            reconstructions before and after training.
        image_shape: ``(h, w)``.
        row_labels: a label for each row, written on the left.

    Returns the axes.
    """
    ax = _axes(ax)
    tiles = [_reshape(r, image_shape, "plot_image_rows") for r in rows]
    if len({len(t) for t in tiles}) != 1:
        raise ValueError(f"plot_image_rows: every row needs the same number of images, got "
                         f"{[len(t) for t in tiles]}.")
    mosaic = tile_images(np.concatenate(tiles), ncols=len(tiles[0]), pad=pad)
    ax.imshow(np.ma.masked_invalid(mosaic), cmap="gray_r", vmin=0, vmax=1,
              interpolation="nearest")
    ax.set_facecolor(GAP_COLOUR)      # the gaps, so that an all-white image still shows
    h = image_shape[0]
    if row_labels is not None:
        ax.set_yticks([r * (h + pad) + (h - 1) / 2 for r in range(len(tiles))], list(row_labels))
    else:
        ax.set_yticks([])
    ax.set_xticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    return ax


def plot_filters(W, image_shape, ax=None, *, ncols=None, pad=1, title=None):
    """The rows of a weight matrix W (K, h * w) as K small images, one filter each.

    A diverging colour map, symmetric about 0: red for positive weights, blue for negative,
    white for zero. Returns the axes and the image (for a colour bar)."""
    ax = _axes(ax)
    filters = _reshape(W, image_shape, "plot_filters")
    ncols = ncols or len(filters)
    mosaic = tile_images(filters, ncols=ncols, pad=pad)
    vmax = float(np.nanmax(np.abs(mosaic))) or 1.0
    image = ax.imshow(np.ma.masked_invalid(mosaic), cmap="RdBu_r", vmin=-vmax, vmax=vmax,
                      interpolation="nearest")
    ax.set_facecolor(GAP_COLOUR)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(title)
    return ax, image
