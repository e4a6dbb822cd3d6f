"""Accuracy, confusion matrix, recall and precision against hand counts and scikit-learn."""
import numpy as np
import pytest

import dlcore as dl
from dlcore.metrics import accuracy, confusion_matrix, precision, recall


def test_confusion_matrix_by_hand_rows_are_truth():
    # true 0 predicted 1 once: that count sits in row 0, column 1 (not row 1, column 0)
    cm = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2])
    assert cm.tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 2]]
    assert cm.sum() == 6 and np.trace(cm) == 4
    assert np.isclose(accuracy([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 0, 2]), np.trace(cm) / cm.sum())


def test_confusion_matrix_matches_scikit_learn_and_n_classes():
    from sklearn.metrics import confusion_matrix as sk_cm
    rng = np.random.default_rng(0)
    y, p = rng.integers(0, 10, 300), rng.integers(0, 10, 300)
    assert np.array_equal(confusion_matrix(y, p), sk_cm(y, p))
    assert confusion_matrix([0, 1], [1, 1], n_classes=4).shape == (4, 4)


def test_recall_and_precision_by_hand_and_empty_classes():
    cm = np.array([[3, 1, 0], [0, 4, 0], [0, 0, 0]])
    assert np.allclose(recall(cm)[:2], [0.75, 1.0]) and np.isnan(recall(cm)[2])
    assert np.allclose(precision(cm)[:2], [1.0, 0.8]) and np.isnan(precision(cm)[2])


def test_float_labels_that_are_whole_numbers_are_accepted():
    assert confusion_matrix(np.array([0.0, 1.0]), np.array([1, 1])).tolist() == [[0, 1], [0, 1]]


@pytest.mark.parametrize("call, match", [
    (lambda: confusion_matrix([0, 1], [0]), "2 labels but y_pred has 1"),
    (lambda: confusion_matrix(np.zeros((3, 10)), [0, 1, 2]), r"1-D array .*argmax"),
    (lambda: confusion_matrix([0, 5], [0, 1], n_classes=3), "n_classes=3 but a label 5"),
    (lambda: confusion_matrix([0.5], [0]), "integer class labels"),
    (lambda: confusion_matrix([-1], [0]), "negative label"),
    (lambda: recall(np.ones((2, 3))), r"square confusion matrix \(K, K\), got shape \(2, 3\)"),
    (lambda: accuracy([], []), "no examples"),
    (lambda: confusion_matrix([], []), r"no examples .* pass n_classes"),
    (lambda: confusion_matrix([0], [0], n_classes=0), "n_classes must be at least 1, got 0"),
])
def test_errors_name_the_function_and_the_problem(call, match):
    with pytest.raises((ValueError, TypeError), match=match):
        call()


def test_exported_as_dl_metrics():
    assert dl.metrics.confusion_matrix is confusion_matrix


def test_empty_labels_with_n_classes_give_a_zero_matrix():
    cm = confusion_matrix([], [], n_classes=3)
    assert cm.shape == (3, 3) and cm.sum() == 0
