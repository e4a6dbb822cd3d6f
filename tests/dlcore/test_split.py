"""stratified_split keeps every class's share, partitions the data and is reproducible."""
import numpy as np
import pytest

from dlcore.data import stratified_split


def test_each_class_keeps_its_share_and_nothing_is_lost_or_repeated():
    y = np.repeat(np.arange(10), [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])  # the digits
    X = np.arange(len(y), dtype=np.float32)[:, None]
    X_tr, X_te, y_tr, y_te = stratified_split(X, y, test_size=0.2, rng=0)
    counts = np.bincount(y)
    assert np.array_equal(np.bincount(y_te), np.round(0.2 * counts).astype(int))
    assert np.array_equal(np.bincount(y_tr) + np.bincount(y_te), counts)
    ids = np.concatenate([X_tr[:, 0], X_te[:, 0]])
    assert np.array_equal(np.sort(ids), X[:, 0])                 # a partition of the rows
    assert np.array_equal(y[X_te[:, 0].astype(int)], y_te)       # labels travel with their rows
    assert not np.all(np.diff(y_te) >= 0)                        # shuffled, not sorted by class


def test_reproducible_with_a_seed_and_different_with_another():
    y = np.repeat([0, 1], 50)
    X = np.arange(100.0)[:, None]
    a, b, c = (stratified_split(X, y, test_size=0.3, rng=s)[1] for s in (1, 1, 2))
    assert np.array_equal(a, b) and not np.array_equal(a, c)


def test_small_classes_still_reach_both_parts():
    y = np.array([0, 0, 1, 1, 1, 1, 1, 1, 1, 1])
    _, _, y_tr, y_te = stratified_split(np.zeros((10, 1)), y, test_size=0.1, rng=0)
    assert set(y_tr) == {0, 1} and set(y_te) == {0, 1}


@pytest.mark.parametrize("kwargs, y, match", [
    (dict(test_size=1.5), np.array([0, 0, 1, 1]), r"test_size must be in \(0, 1\)"),
    (dict(), np.array([0, 1, 1, 1]), "class 0 has 1 example"),
    (dict(), np.array([0, 1, 1]), r"one label per row of X \(4 rows\)"),
])
def test_bad_input_is_named(kwargs, y, match):
    with pytest.raises(ValueError, match=match):
        stratified_split(np.zeros((4, 2)), y, **kwargs)
