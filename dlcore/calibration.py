r"""How far predicted probabilities are from the frequencies they claim.

A classifier is *calibrated* when, among the examples it gives confidence c (its largest class
probability), a fraction c is right. The expected calibration error (ECE) sorts the N examples
into bins of confidence and averages the gap between accuracy and mean confidence, each bin
weighted by its share of the examples:

    ECE = sum_b (n_b / N) * | acc_b - conf_b |

The negative log-likelihood, -mean_n log p_n[y_n], scores accuracy and calibration together.
"""
import numpy as np

from dlcore._checks import check_positive_int


def _check(probs, labels, where):
    probs = np.asarray(probs, dtype=np.float64)
    labels = np.asarray(labels)
    if probs.ndim != 2 or labels.shape != (probs.shape[0],):
        raise ValueError(f"{where}: expected probabilities of shape (N, K) and labels of shape (N,), "
                         f"got {probs.shape} and {labels.shape}.")
    if not np.allclose(probs.sum(axis=1), 1.0, atol=1e-4) or probs.min() < 0:
        raise ValueError(f"{where}: each row of probs must be probabilities summing to 1 "
                         f"(apply a softmax to logits first).")
    if labels.dtype.kind not in "iu":
        raise TypeError(f"{where}: labels must be integer class indices, got dtype {labels.dtype} "
                        f"(for one-hot targets pass targets.argmax(axis=1)).")
    k = probs.shape[1]
    if labels.size and (labels.min() < 0 or labels.max() >= k):
        raise ValueError(f"{where}: labels must be class indices 0 to {k - 1} for {k} columns "
                         f"of probabilities, got values from {labels.min()} to {labels.max()}.")
    return probs, labels


def negative_log_likelihood(probs, labels):
    """-mean_n log p_n[y_n] of probabilities (N, K) and integer labels (N,).

    >>> round(negative_log_likelihood([[0.5, 0.5], [0.9, 0.1]], [0, 0]), 4)   # -(ln .5 + ln .9)/2
    0.3993
    """
    probs, labels = _check(probs, labels, "negative_log_likelihood")
    p = probs[np.arange(len(labels)), labels]
    return float(-np.mean(np.log(np.maximum(p, 1e-300))))


def calibration_bins(probs, labels, n_bins=10):
    """Per bin of confidence (equal widths on [0, 1]): (count, mean confidence, accuracy).

    Returns three arrays of length ``n_bins``; empty bins have count 0 and NaN means.
    """
    probs, labels = _check(probs, labels, "calibration_bins")
    n_bins = check_positive_int(n_bins, "n_bins", "calibration_bins")
    conf = probs.max(axis=1)
    hit = (probs.argmax(axis=1) == labels).astype(np.float64)
    # bin b holds confidences in (b/n, (b+1)/n]; a confidence of exactly 0 goes to bin 0
    which = np.clip(np.ceil(conf * n_bins).astype(int) - 1, 0, n_bins - 1)
    count = np.bincount(which, minlength=n_bins).astype(np.float64)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_conf = np.bincount(which, conf, minlength=n_bins) / count
        accuracy = np.bincount(which, hit, minlength=n_bins) / count
    return count, mean_conf, accuracy


def expected_calibration_error(probs, labels, n_bins=10):
    """ECE = sum_b (n_b / N) |acc_b - conf_b| over ``n_bins`` equal-width confidence bins.

    >>> probs = [[0.9, 0.1], [0.9, 0.1], [0.6, 0.4], [0.6, 0.4]]
    >>> round(expected_calibration_error(probs, [0, 1, 0, 0]), 4)  # (2|0.5-0.9| + 2|1-0.6|)/4
    0.4
    """
    count, mean_conf, accuracy = calibration_bins(probs, labels, n_bins)
    full = count > 0
    return float(np.sum(count[full] / count.sum() * np.abs(accuracy[full] - mean_conf[full])))
