"""Figures of chapter 10: early stopping, weight histograms, dropout masks, calibration.

(Several runs as a mean and a band: ``plot_spread`` of ``dlcore.plot.optimizers``.)
"""
import numpy as np

from dlcore.plot.core import PALETTE, _axes


def plot_early_stopping(history, ax=None, *, stopped=None, metric="loss"):
    """Training and validation curves with the restored best epoch and the stopping epoch marked.

    Args:
        history: a :class:`~dlcore.training.History` (typically a run longer than early stopping
            would allow, so the reader sees what stopping avoided).
        stopped: the History of the run with ``early_stopping``; its ``best_epoch`` gets a dot on
            the validation curve and its ``stopped_epoch`` a dashed line. Defaults to ``history``.
    """
    ax = _axes(ax)
    stopped = history if stopped is None else stopped
    train, val = getattr(history, f"train_{metric}"), getattr(history, f"val_{metric}")
    if not val:
        raise ValueError("plot_early_stopping: the history has no validation curve; "
                         "train with validation_data=(X_val, y_val).")
    epochs = np.arange(1, len(train) + 1)
    ax.plot(epochs, train, color=PALETTE[0], label=f"training {metric}")
    ax.plot(epochs, val, color=PALETTE[1], label=f"validation {metric}")
    if stopped.best_epoch is not None:
        best = stopped.best_epoch
        ax.plot(best, getattr(stopped, f"val_{metric}")[best - 1], "o", color=PALETTE[3], ms=9,
                zorder=4, label=f"best epoch {best} (weights restored)")
    if stopped.stopped_epoch is not None:
        ax.axvline(stopped.stopped_epoch, color=PALETTE[7], ls="--", lw=1,
                   label=f"stopped at epoch {stopped.stopped_epoch}")
    ax.set_xlabel("epoch")
    ax.set_ylabel(metric)
    ax.legend()
    return ax


def plot_weight_histograms(weights, ax=None, *, threshold=1e-3, low=1e-8, bins=40):
    """Histograms of log10|w|, one outlined histogram per named array of weights.

    A log scale shows both the bulk of the weights and the ones an L1 penalty pushes towards 0.
    Weights below ``low`` (exact zeros included) are counted in the leftmost bin. A dotted line
    marks ``threshold``.
    """
    ax = _axes(ax)
    edges = np.linspace(np.log10(low), 0.5, bins + 1)
    for k, (name, w) in enumerate(weights.items()):
        a = np.abs(np.asarray(w, dtype=np.float64)).ravel()
        logs = np.log10(np.clip(a, low, None))
        ax.hist(logs, bins=edges, histtype="step", lw=2, color=PALETTE[k % len(PALETTE)],
                label=f"{name}: {np.mean(a < threshold):.0%} below {threshold:g}")
    ax.axvline(np.log10(threshold), color=PALETTE[7], ls=":", lw=1)
    ax.set_xlabel(r"$\log_{10} |w|$")
    ax.set_ylabel("number of weights")
    ax.legend(fontsize=9)
    return ax


def plot_masks(masks, ax=None, *, title=None):
    """Draw dropout masks (rows: examples or draws, columns: units); dropped units are dark."""
    ax = _axes(ax)
    masks = np.asarray(masks)
    if masks.ndim != 2:
        raise ValueError(f"plot_masks expects a 2-D array (draws, units), got shape {masks.shape}.")
    ax.imshow(masks != 0, cmap="cividis", vmin=0, vmax=1, aspect="auto", interpolation="nearest")
    ax.set_xlabel("unit")
    ax.set_ylabel("draw")
    ax.grid(False)
    if title:
        ax.set_title(title)
    return ax


def plot_reliability(count, confidence, accuracy, ax=None, *, label=None, color=None):
    """Reliability diagram from :func:`dlcore.calibration.calibration_bins`.

    Each non-empty bin is a point (mean confidence, accuracy) with area ~ its share of examples;
    a calibrated model lies on the diagonal.
    """
    ax = _axes(ax)
    count = np.asarray(count, dtype=np.float64)
    full = count > 0
    color = color or PALETTE[0]
    ax.plot([0, 1], [0, 1], color="0.5", ls=":", lw=1)
    ax.plot(np.asarray(confidence)[full], np.asarray(accuracy)[full], "-", color=color, lw=1)
    ax.scatter(np.asarray(confidence)[full], np.asarray(accuracy)[full],
               s=400 * count[full] / count.sum() + 10, color=color, alpha=0.8, label=label, zorder=3)
    ax.set_xlabel("confidence (largest probability)")
    ax.set_ylabel("accuracy")
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    if label:
        ax.legend(loc="upper left")
    return ax

