"""Ensemble averages the members' probabilities and works with predict/evaluate; calibration
metrics match hand computations."""
import numpy as np
import pytest

import dlcore as dl
from dlcore.functional import log_softmax


def _members(k=3, dtype=np.float64):
    return [dl.Sequential(dl.Linear(4, 5, rng=i, dtype=dtype), dl.ReLU(),
                          dl.Linear(5, 3, rng=10 + i, dtype=dtype)) for i in range(k)]


def test_ensemble_output_is_log_of_mean_probabilities():
    members = _members()
    x = np.random.default_rng(0).normal(size=(6, 4))
    expected = np.mean([np.exp(log_softmax(m(x), axis=1)) for m in members], axis=0)
    ens = dl.Ensemble(members)
    assert np.allclose(np.exp(ens(x)), expected)
    assert np.allclose(ens.predict_proba(x), expected)
    assert np.allclose(np.exp(ens(x)).sum(axis=1), 1.0)


def test_ensemble_of_one_is_the_member_and_evaluate_gives_the_nll():
    member = _members(1)[0]
    x = np.random.default_rng(1).normal(size=(8, 4))
    y = np.array([0, 1, 2, 0, 1, 2, 0, 1])
    single = dl.evaluate(member, dl.CrossEntropyLoss(), x, y)
    ens = dl.evaluate(dl.Ensemble([member]), dl.CrossEntropyLoss(), x, y)
    assert np.isclose(single[0], ens[0]) and single[1] == ens[1]
    members = _members()
    loss, _ = dl.evaluate(dl.Ensemble(members), dl.CrossEntropyLoss(), x, y)
    p_bar = dl.Ensemble(members).predict_proba(x)
    assert np.isclose(loss, dl.calibration.negative_log_likelihood(p_bar, y))


def test_ensemble_switches_members_to_eval_mode_in_predict():
    members = [dl.Sequential(dl.Linear(4, 3, rng=i, dtype=np.float64), dl.Dropout(0.5, rng=i))
               for i in range(2)]
    ens = dl.Ensemble(members)
    x = np.ones((5, 4))
    assert np.allclose(ens.predict_proba(x), ens.predict_proba(x))     # no random masks
    assert all(m.training for m in members)                              # mode restored


def test_ensemble_errors():
    with pytest.raises(ValueError, match="at least one model"):
        dl.Ensemble([])
    with pytest.raises(TypeError, match=r"list of models, got one Sequential.*Ensemble\(\["):
        dl.Ensemble(_members(1)[0])
    with pytest.raises(TypeError, match="member 1 is a str"):
        dl.Ensemble([_members(1)[0], "net"])
    one_column = dl.Ensemble([dl.Linear(4, 1, rng=0, dtype=np.float64)])
    with pytest.raises(ValueError, match=r"member 0 returned shape \(2, 1\)"):
        one_column(np.ones((2, 4)))
    mixed = dl.Ensemble([dl.Linear(4, 3, rng=0, dtype=np.float64),
                         dl.Linear(4, 2, rng=1, dtype=np.float64)])
    with pytest.raises(ValueError, match="same classes"):
        mixed(np.ones((2, 4)))
    with pytest.raises(NotImplementedError, match="inference"):
        dl.Ensemble(_members(1)).backward(np.ones((2, 3)))


def test_calibration_by_hand():
    probs = np.array([[0.9, 0.1], [0.9, 0.1], [0.6, 0.4], [0.6, 0.4]])
    labels = np.array([0, 1, 0, 0])
    count, conf, acc = dl.calibration.calibration_bins(probs, labels, n_bins=10)
    assert count[8] == 2 and count[5] == 2 and count.sum() == 4     # (0.8, 0.9] and (0.5, 0.6]
    assert np.isclose(conf[8], 0.9) and np.isclose(acc[8], 0.5)
    assert np.isclose(dl.calibration.expected_calibration_error(probs, labels), 0.4)
    assert np.isclose(dl.calibration.negative_log_likelihood(probs, labels),
                      -np.mean(np.log([0.9, 0.1, 0.6, 0.6])))


def test_calibrated_predictions_have_zero_ece_and_bad_input_is_refused():
    probs = np.array([[0.75, 0.25]] * 4)
    assert np.isclose(dl.calibration.expected_calibration_error(probs, np.array([0, 0, 0, 1])), 0)
    with pytest.raises(ValueError, match=r"shape \(N, K\)"):
        dl.calibration.expected_calibration_error(np.ones(3), np.zeros(3, dtype=int))
    with pytest.raises(ValueError, match="summing to 1"):
        dl.calibration.negative_log_likelihood(np.array([[2.0, 1.0]]), np.array([0]))
    with pytest.raises(ValueError, match="class indices 0 to 1 for 2 columns.*from 0 to 2"):
        dl.calibration.negative_log_likelihood(np.array([[0.5, 0.5]] * 2), np.array([0, 2]))
    with pytest.raises(TypeError, match="integer class indices, got dtype float64"):
        dl.calibration.expected_calibration_error(np.array([[0.5, 0.5]]), np.array([1.0]))
