"""What the book says about Adam's bias correction is what dlcore's Adam does.

The API reference page (book/reference/dlcore.md, the `Adam` entry) and the docstring of
``dlcore.optim.Adam`` state that without the correction the first step would be about 3.16
times the corrected one with the default betas (larger, not smaller), and that the ratio tends
to 1 as t grows. These tests read the number from the page and check it against the moments
dlcore's Adam keeps.
"""
import re
from pathlib import Path

import numpy as np
import pytest

import dlcore as dl

PAGE = Path(__file__).resolve().parents[2] / "book" / "reference" / "dlcore.md"


def adam_on_constant_gradient(g, steps, **kwargs):
    """Run dl.Adam for `steps` steps on a gradient that never changes; return, per step, the
    step actually taken and the step m / sqrt(v) (times lr) that uncorrected moments would give."""
    theta = dl.Parameter(np.zeros_like(np.asarray(g, dtype=np.float64)))
    opt = dl.Adam([theta], **kwargs)
    taken, uncorrected = [], []
    for _ in range(steps):
        before = theta.data.copy()
        opt.zero_grad()
        theta.grad = np.asarray(g, dtype=np.float64)
        opt.step()
        state = opt.state[0]
        taken.append(before - theta.data)
        uncorrected.append(opt.lr * state["m"] / (np.sqrt(state["v"]) + opt.eps))
    return np.array(taken), np.array(uncorrected)


def page_ratio():
    entry = PAGE.read_text(encoding="utf-8").split("`Adam(params", 1)[1].split("\n(dlcore-", 1)[0]
    assert "far too small" not in entry, "the page still says uncorrected steps would be too small"
    found = re.search(r"about (\d+\.\d+) times the corrected step", entry)
    assert found, "the Adam entry no longer states the uncorrected/corrected ratio"
    return float(found.group(1))


def test_first_step_moments_and_corrected_step():
    g = np.array([0.5, -2.0, 1e-3])
    theta = dl.Parameter(np.zeros(3))
    opt = dl.Adam([theta], lr=0.01)
    theta.grad = g
    opt.step()
    m, v = opt.state[0]["m"], opt.state[0]["v"]
    assert np.allclose(m, 0.1 * g) and np.allclose(v, 0.001 * g ** 2)       # (1-b1) g, (1-b2) g²
    # corrected: m_hat = g, v_hat = g², step = lr g / (|g| + eps) = lr sign(g) up to eps
    assert np.allclose(-theta.data, 0.01 * g / (np.abs(g) + 1e-8))
    assert np.allclose(-theta.data, 0.01 * np.sign(g), rtol=1e-4)


def test_uncorrected_first_step_is_316_times_larger_as_the_page_says():
    taken, uncorrected = adam_on_constant_gradient([0.5, -2.0], steps=1, lr=0.01)
    ratio = uncorrected[0] / taken[0]
    assert np.allclose(ratio, 0.1 / np.sqrt(0.001))                          # (1-b1)/sqrt(1-b2)
    assert np.allclose(ratio, page_ratio(), atol=0.005)                      # 3.16 on the page
    assert np.all(ratio > 1), "uncorrected steps are larger, not smaller"


def test_correcting_m_alone_would_make_the_first_step_ten_times_too_small():
    taken, _ = adam_on_constant_gradient([0.5], steps=1, lr=0.01)
    m_only = 0.01 * (0.1 * 0.5) / np.sqrt(0.5 ** 2)       # uncorrected m, corrected v
    assert np.isclose(m_only / taken[0, 0], 0.1)


@pytest.mark.parametrize("betas", [(0.9, 0.999), (0.8, 0.99)])
def test_ratio_tends_to_one_as_t_grows(betas):
    b1, b2 = betas
    steps = 20000
    taken, uncorrected = adam_on_constant_gradient([1.5], steps=steps, lr=1e-3, betas=betas)
    ratio = uncorrected[:, 0] / taken[:, 0]
    t = np.arange(1, steps + 1)
    assert np.allclose(ratio, (1 - b1 ** t) / np.sqrt(1 - b2 ** t), rtol=1e-6)
    assert np.allclose(taken, 1e-3, rtol=1e-6)           # corrected steps are exactly lr
    assert abs(ratio[-1] - 1) < 1e-3 and ratio[0] > 1
    assert np.all(ratio > 1 - 1e-9)                       # never smaller than the corrected step


def test_docstring_agrees():
    doc = dl.Adam.__doc__
    assert "far too small" not in doc and "3.16" in doc
