"""drop_last: iterate_minibatches and fit skip the last, smaller batch of an epoch."""
import numpy as np
import pytest

import dlcore as dl


def test_drop_last_yields_only_full_batches_and_changes_the_left_out_examples():
    X, y = np.arange(22.0).reshape(11, 2), np.arange(11)
    sizes = [len(yb) for _, yb in dl.iterate_minibatches(X, y, 4, rng=0, drop_last=True)]
    assert sizes == [4, 4]
    rng = np.random.default_rng(1)
    left_out = set()
    for _ in range(10):
        seen = np.concatenate([yb for _, yb in
                               dl.iterate_minibatches(X, y, 4, rng=rng, drop_last=True)])
        assert len(seen) == 8 and len(set(seen)) == 8          # no example twice
        left_out |= set(range(11)) - set(seen)
    assert len(left_out) > 3                 # over epochs, different examples are left out


def test_drop_last_keeps_a_batch_size_that_divides_n_and_the_same_shuffle():
    X, y = np.arange(24.0).reshape(12, 2), np.arange(12)
    default = [yb for _, yb in dl.iterate_minibatches(X, y, 4, rng=3)]
    dropped = [yb for _, yb in dl.iterate_minibatches(X, y, 4, rng=3, drop_last=True)]
    assert len(dropped) == 3 and all(np.array_equal(a, b) for a, b in zip(default, dropped))
    unshuffled = [yb for _, yb in dl.iterate_minibatches(X[:10], y[:10], 4, shuffle=False,
                                                         drop_last=True)]
    assert [list(b) for b in unshuffled] == [[0, 1, 2, 3], [4, 5, 6, 7]]


def _counting_optimizer(model):
    opt = dl.SGD(model.parameters(), lr=0.0)
    opt.steps = 0
    step = opt.step

    def counted():
        opt.steps += 1
        step()
    opt.step = counted
    return opt


def test_fit_with_drop_last_takes_floor_n_over_b_steps_and_counts_accuracy_over_them():
    X, y = dl.data.make_blobs(50, rng=0)
    model = dl.Sequential(dl.Linear(2, 2, rng=0))
    opt = _counting_optimizer(model)
    h = dl.fit(model, dl.CrossEntropyLoss(), opt, X, y, epochs=3, batch_size=16, rng=0,
               progress=False, drop_last=True)
    assert opt.steps == 3 * 3                                   # 50 // 16 = 3 batches per epoch
    # lr = 0: the weights never change, so the accuracy over the 48 examples of each epoch
    # can be recomputed from the same permutation
    out = model(X)
    rng = np.random.default_rng(0)
    for epoch in range(3):
        idx = rng.permutation(50)[:48]
        expected = np.mean(out[idx].argmax(axis=1) == y[idx])
        assert np.isclose(h.train_accuracy[epoch], expected)
    opt = _counting_optimizer(model)
    dl.fit(model, dl.CrossEntropyLoss(), opt, X, y, epochs=3, batch_size=16, rng=0,
           progress=False)
    assert opt.steps == 3 * 4                                   # default: the batch of 2 too


def test_fit_refuses_drop_last_that_leaves_no_batch():
    X, y = dl.data.make_blobs(10, rng=0)
    model = dl.Sequential(dl.Linear(2, 2, rng=0))
    with pytest.raises(ValueError, match=r"drop_last=True with batch_size=16 and only 10"):
        dl.fit(model, dl.CrossEntropyLoss(), dl.SGD(model.parameters(), lr=0.1), X, y,
               epochs=1, batch_size=16, progress=False, drop_last=True)
