"""How good is a classifier? Accuracy, the confusion matrix, and per-class recall and precision.

The confusion matrix C of a K-class classifier counts every pair (true class, predicted class):

    C[i, j] = number of examples whose true class is i and whose predicted class is j,

rows for the truth, columns for the prediction (scikit-learn's convention). The diagonal holds
the correct answers, so accuracy = trace(C) / sum(C). Each row sums to the number of examples of
that class: recall_k = C[k, k] / sum_j C[k, j] is the share of class k that was found. Each column
sums to how often k was predicted: precision_k = C[k, k] / sum_i C[i, k] is the share of those
predictions that were right.
"""
import numpy as np


def _labels(y, name, where):
    y = np.asarray(y)
    if y.ndim != 1:
        raise ValueError(f"{where}: {name} must be a 1-D array of class labels, got shape {y.shape}. "
                         f"For scores of shape (N, K), pass scores.argmax(axis=1).")
    if y.size and y.dtype.kind not in "iu":
        if y.dtype.kind == "f" and np.all(y == np.round(y)):
            return y.astype(int)
        raise TypeError(f"{where}: {name} must hold integer class labels, got dtype {y.dtype}.")
    if y.size and y.min() < 0:
        raise ValueError(f"{where}: {name} has a negative label ({y.min()}); labels are 0..K-1.")
    return y.astype(int)


def _pair(y_true, y_pred, where):
    y_true = _labels(y_true, "y_true", where)
    y_pred = _labels(y_pred, "y_pred", where)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"{where}: y_true has {len(y_true)} labels but y_pred has {len(y_pred)}.")
    return y_true, y_pred


def accuracy(y_true, y_pred):
    """Share of examples whose predicted label equals the true one, in [0, 1].

    >>> accuracy([0, 1, 2, 2], [0, 1, 1, 2])
    0.75
    """
    y_true, y_pred = _pair(y_true, y_pred, "accuracy")
    if y_true.size == 0:
        raise ValueError("accuracy: no examples (empty labels).")
    return float(np.count_nonzero(y_true == y_pred) / y_true.size)


def confusion_matrix(y_true, y_pred, n_classes=None):
    """Count matrix C (K, K) with C[i, j] = #examples of true class i predicted as j.

    Args:
        y_true, y_pred: integer labels of shape (N,).
        n_classes: K; by default one more than the largest label seen.

    >>> confusion_matrix([0, 1, 2, 2], [0, 1, 1, 2])
    array([[1, 0, 0],
           [0, 1, 0],
           [0, 1, 1]])
    """
    y_true, y_pred = _pair(y_true, y_pred, "confusion_matrix")
    largest = int(max(y_true.max(initial=-1), y_pred.max(initial=-1)))
    if n_classes is None:
        if y_true.size == 0:
            raise ValueError("confusion_matrix: no examples (empty labels) and no n_classes, so "
                             "the number of classes is unknown; pass n_classes.")
        k = largest + 1
    else:
        k = int(n_classes)
        if k < 1:
            raise ValueError(f"confusion_matrix: n_classes must be at least 1, got {n_classes}.")
        if k <= largest:
            raise ValueError(f"confusion_matrix: n_classes={n_classes} but a label {largest} "
                             f"occurs; labels must be in 0..n_classes-1.")
    # each pair (i, j) becomes one flat index i*K + j; bincount counts them all at once
    return np.bincount(y_true * k + y_pred, minlength=k * k).reshape(k, k)


def _check_square(cm, where):
    cm = np.asarray(cm)
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise ValueError(f"{where}: expected a square confusion matrix (K, K), got shape {cm.shape}.")
    return cm


def recall(cm):
    """Per-class recall C[k, k] / (row k's sum): the share of class k that was recognised.

    A class with no examples gets NaN (there is nothing to recall).

    >>> recall(np.array([[3, 1], [0, 4]])).tolist()
    [0.75, 1.0]
    """
    cm = _check_square(cm, "recall")
    rows = cm.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(rows > 0, np.diag(cm) / np.maximum(rows, 1), np.nan)


def precision(cm):
    """Per-class precision C[k, k] / (column k's sum): the share of "k" predictions that are right.

    A class that was never predicted gets NaN.

    >>> precision(np.array([[3, 1], [0, 4]])).tolist()
    [1.0, 0.8]
    """
    cm = _check_square(cm, "precision")
    cols = cm.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(cols > 0, np.diag(cm) / np.maximum(cols, 1), np.nan)
