"""The RBM computes what its docstring says: checked against enumeration and hand formulas."""
import itertools
import re

import numpy as np
import pytest

import dlcore as dl
from dlcore.rbm import RBM


def all_states(n):
    return np.array(list(itertools.product([0.0, 1.0], repeat=n)))


def tiny_rbm(n_visible=3, n_hidden=2, seed=0):
    rbm = RBM(n_visible, n_hidden, rng=seed)
    g = np.random.default_rng(seed + 100)
    rbm.W[:] = g.normal(size=rbm.W.shape)
    rbm.b[:] = g.normal(size=rbm.b.shape)
    rbm.c[:] = g.normal(size=rbm.c.shape)
    return rbm


def joint_table(rbm):
    """p(v, h) over all 2^(n_v + n_h) states, as an array (2^n_v, 2^n_h), by brute force."""
    V, H = all_states(rbm.n_visible), all_states(rbm.n_hidden)
    E = np.array([[rbm.energy(v, h) for h in H] for v in V])
    p = np.exp(-E)
    return V, H, p / p.sum()


def test_energy_matches_the_sum_over_edges():
    rbm = tiny_rbm()
    v, h = np.array([1.0, 0.0, 1.0]), np.array([0.0, 1.0])
    by_hand = -sum(rbm.b[i] * v[i] for i in range(3)) - sum(rbm.c[j] * h[j] for j in range(2)) \
        - sum(rbm.W[j, i] * h[j] * v[i] for i in range(3) for j in range(2))
    assert np.isclose(rbm.energy(v, h), by_hand)
    batch = rbm.energy(np.stack([v, 1 - v]), np.stack([h, h]))
    assert batch.shape == (2,) and np.isclose(batch[0], by_hand)


def test_conditionals_match_exact_enumeration():
    rbm = tiny_rbm(3, 2)
    V, H, p = joint_table(rbm)
    for a, v in enumerate(V):
        p_h = p[a] / p[a].sum()                                    # p(h | v) over the 4 states
        marginal = p_h @ H                                         # p(h_j = 1 | v)
        assert np.allclose(rbm.p_h_given_v(v), marginal)
        # conditional independence: p(h | v) is the product of its marginals
        product = np.prod(np.where(H == 1, marginal, 1 - marginal), axis=1)
        assert np.allclose(p_h, product)
    for k, h in enumerate(H):
        p_v = p[:, k] / p[:, k].sum()
        assert np.allclose(rbm.p_v_given_h(h), p_v @ V)


def test_free_energy_and_exact_log_likelihood_match_enumeration():
    for n_v, n_h in ((3, 2), (2, 4)):                            # both branches of log_partition
        rbm = tiny_rbm(n_v, n_h, seed=n_v)
        V, H, p = joint_table(rbm)
        E = np.array([[rbm.energy(v, h) for h in H] for v in V])
        assert np.allclose(rbm.free_energy(V), -np.log(np.exp(-E).sum(axis=1)))
        assert np.isclose(rbm.log_partition(), np.log(np.exp(-E).sum()))
        data = V[[0, 3, 3]]
        expected = np.mean(np.log(p.sum(axis=1)[[0, 3, 3]]))
        assert np.isclose(rbm.log_likelihood(data), expected)


def test_exact_gradient_matches_central_differences():
    for n_v, n_h in ((3, 2), (2, 4)):                            # both enumeration branches
        rbm = tiny_rbm(n_v, n_h, seed=n_v + 10)
        data = all_states(n_v)[[0, 1, 3, 3]]
        grads = rbm.log_likelihood_gradient(data)
        for param, grad in zip((rbm.W, rbm.b, rbm.c), grads):
            numeric = dl.gradcheck.numerical_gradient(lambda: rbm.log_likelihood(data), param)
            assert grad.shape == param.shape
            assert dl.gradcheck.rel_error(grad, numeric) < 1e-7


def test_cd1_step_equals_the_hand_formula():
    rbm = tiny_rbm(3, 2)
    W, b, c = rbm.W.copy(), rbm.b.copy(), rbm.c.copy()
    V0 = np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]])
    u_h = np.array([[0.3, 0.9], [0.6, 0.1]])
    u_v = np.array([[0.5, 0.2, 0.8], [0.05, 0.7, 0.4]])
    sig = lambda z: 1 / (1 + np.exp(-z))
    P0 = sig(V0 @ W.T + c)
    H0 = (u_h < P0).astype(float)
    V1 = (u_v < sig(H0 @ W + b)).astype(float)
    P1 = sig(V1 @ W.T + c)
    lr = 0.3
    err = rbm.cd1_step(V0, lr, u_h=u_h, u_v=u_v)
    assert np.allclose(rbm.W, W + lr / 2 * (P0.T @ V0 - P1.T @ V1))
    assert np.allclose(rbm.b, b + lr / 2 * (V0 - V1).sum(axis=0))
    assert np.allclose(rbm.c, c + lr / 2 * (P0 - P1).sum(axis=0))
    assert np.isclose(err, np.mean((V0 - V1) ** 2))
    # one example at a time, W's update is the outer product p(h|v0) v0^T - p(h|v1) v1^T
    one = np.outer(P0[0], V0[0]) - np.outer(P1[0], V1[0])
    assert np.allclose((P0.T @ V0 - P1.T @ V1)[:, :], one + np.outer(P0[1], V0[1])
                       - np.outer(P1[1], V1[1]))


def test_sampling_compares_u_below_p():
    rbm = tiny_rbm(3, 2)
    v = np.array([1.0, 1.0, 0.0])
    p = rbm.p_h_given_v(v)
    assert np.array_equal(rbm.sample_h(v, u=p - 1e-9), [1.0, 1.0])
    assert np.array_equal(rbm.sample_h(v, u=np.minimum(p + 1e-9, 0.999)), [0.0, 0.0])
    h = np.array([1.0, 0.0])
    q = rbm.p_v_given_h(h)
    assert np.array_equal(rbm.sample_v(h, u=q - 1e-9), [1.0, 1.0, 1.0])


def test_sample_frequencies_match_the_probabilities():
    rbm = tiny_rbm(3, 2)
    v = np.tile([1.0, 0.0, 1.0], (20000, 1))
    freq = rbm.sample_h(v).mean(axis=0)
    assert np.allclose(freq, rbm.p_h_given_v(v[0]), atol=0.02)


def test_reconstruction_error_falls_with_training_on_bars_and_stripes():
    X, _ = dl.data.make_bars_and_stripes(4)
    rbm = RBM(16, 8, rng=0)
    before, ll_before = rbm.reconstruction_error(X), rbm.log_likelihood(X)
    errors = rbm.fit(X, epochs=1000, lr=0.1, batch_size=10, rng=1)
    assert len(errors) == 1000 and errors[-1] < errors[0]
    assert rbm.reconstruction_error(X) < before / 3
    assert rbm.log_likelihood(X) > ll_before + 2


def test_a_seeded_generator_makes_training_deterministic():
    X, _ = dl.data.make_bars_and_stripes(3)
    runs = []
    for _ in range(2):
        rbm = RBM(9, 4, rng=np.random.default_rng(5))
        rbm.fit(X, epochs=20, lr=0.1, batch_size=4, rng=6)
        runs.append((rbm.W.copy(), rbm.b.copy(), rbm.c.copy()))
    for a, b in zip(*runs):
        assert np.array_equal(a, b)
    other = RBM(9, 4, rng=7)
    assert not np.array_equal(other.W, runs[0][0])


def test_one_vector_gives_one_dimensional_results():
    rbm = tiny_rbm(3, 2)
    assert rbm.p_h_given_v(np.ones(3)).shape == (2,)
    assert rbm.p_v_given_h(np.ones(2)).shape == (3,)
    assert np.ndim(rbm.energy(np.ones(3), np.ones(2))) == 0
    assert rbm.reconstruct(np.ones((5, 3))).shape == (5, 3)


def raises(exc, *fragments):
    pattern = "".join(f"(?=.*{re.escape(f)})" for f in fragments)
    return pytest.raises(exc, match=re.compile(pattern, re.S))


def test_bad_input_gets_clear_errors():
    rbm = RBM(4, 3, rng=0)
    with raises(ValueError, "RBM", "(N, 4)", "(2, 5)"):
        rbm.p_h_given_v(np.zeros((2, 5)))
    with raises(ValueError, "RBM", "(N, 3)", "(4,)"):
        rbm.p_v_given_h(np.zeros(4))
    with raises(ValueError, "binary", "[0, 1]"):
        rbm.p_h_given_v(np.full((1, 4), 2.0))
    with raises(TypeError, "numbers"):
        rbm.p_h_given_v(np.array([["a"] * 4]))
    with raises(ValueError, "energy", "2 visible", "3 hidden"):
        rbm.energy(np.zeros((2, 4)), np.zeros((3, 3)))
    with raises(ValueError, "lr", "positive", "-0.1"):
        rbm.cd1_step(np.zeros((2, 4)), -0.1)
    with raises(ValueError, "u_h", "(2, 3)", "(3, 2)"):
        rbm.cd1_step(np.zeros((2, 4)), 0.1, u_h=np.zeros((3, 2)))
    with raises(ValueError, "u_v", "[0, 1)"):
        rbm.cd1_step(np.zeros((2, 4)), 0.1, u_v=np.ones((2, 4)))
    with raises(ValueError, "n_hidden", "positive integer"):
        RBM(4, 0)
    with raises(ValueError, "init_std"):
        RBM(4, 2, init_std=-1.0)
    with raises(TypeError, "dtype"):
        RBM(4, 2, dtype=np.int64)
    with raises(ValueError, "2^25", "20 units"):
        RBM(30, 25).log_partition()


def test_divergence_is_reported():
    rbm = RBM(4, 3, rng=0)
    rbm.W[0, 0] = np.inf                   # as if an earlier, far too large step had overflowed
    with pytest.raises(dl.TrainingDivergedError, match="smaller learning rate"):
        with np.errstate(all="ignore"):
            rbm.cd1_step(np.ones((2, 4)), 0.1)


def test_bars_and_stripes():
    X, y = dl.data.make_bars_and_stripes(4)
    assert X.shape == (30, 16) and len(np.unique(X, axis=0)) == 30
    images = X.reshape(-1, 4, 4)
    rows_constant = (images == images[:, :, :1]).all(axis=(1, 2))
    cols_constant = (images == images[:, :1, :]).all(axis=(1, 2))
    assert np.all(rows_constant | cols_constant)
    assert np.all(rows_constant[y == 0]) and np.all(cols_constant[y == 1])
    with raises(ValueError, "size"):
        dl.data.make_bars_and_stripes(0)
