"""The speed-ups inside the training step give exactly what the plain formula gives.

Each fast path replaces a one-line NumPy expression with a quicker way to the same values (see
the comments where they are used); these tests hold them to the plain expression, including the
cases where the quick way needs to fall back.
"""
import numpy as np
import pytest

import dlcore as dl
from dlcore.losses import _row_max

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("shape", [(1, 1), (4, 3), (128, 10), (1797, 10), (31, 31), (40, 32),
                                   (128, 1000), (1000, 2)])
def test_row_max_equals_numpy_max(dtype, shape):
    z = np.random.default_rng(2).standard_normal(shape).astype(dtype) * 50
    expected = z.max(axis=1, keepdims=True)
    got = _row_max(z)
    assert got.shape == expected.shape and got.dtype == expected.dtype
    np.testing.assert_array_equal(got, expected)
    z[0, -1] = np.nan                               # a NaN row stays NaN, as with z.max
    np.testing.assert_array_equal(_row_max(z), z.max(axis=1, keepdims=True))


def test_row_max_of_a_non_contiguous_batch():
    z = np.random.default_rng(3).standard_normal((10, 64))[:, ::4]       # (10, 16), strided
    np.testing.assert_array_equal(_row_max(z), z.max(axis=1, keepdims=True))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("shape", [(1, 5), (4, 16), (128, 256), (3, 2, 7)])
def test_relu_equals_maximum_with_zero(dtype, shape):
    relu = dl.ReLU()
    rng = np.random.default_rng(4)
    for _ in range(2):                  # the second call reuses the kept zeros
        z = rng.standard_normal(shape).astype(dtype)
        z.flat[0] = np.nan
        z.flat[-1] = -np.inf
        out = relu.forward(z)
        np.testing.assert_array_equal(out, np.maximum(z, 0))
        assert out.dtype == z.dtype and not np.shares_memory(out, z)
    assert not relu._zeros.any()        # nothing ever wrote into them


def test_relu_after_the_batch_shape_or_dtype_changes():
    relu = dl.ReLU()
    relu.forward(np.ones((8, 3), dtype=np.float32))
    for z in (np.array([[-1.0, 2.0]]), np.full((2, 3), -1, dtype=np.float32),
              np.arange(-3.0, 3.0, dtype=np.float32)):
        np.testing.assert_array_equal(relu.forward(z), np.maximum(z, 0))
        assert relu.forward(z).dtype == z.dtype


def _plain_cross_entropy(z, y):
    """The textbook formula, with the log-sum-exp trick, written the plain way."""
    shifted = z - z.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    total = e.sum(axis=1, keepdims=True)
    log_p = shifted - np.log(total)
    n = z.shape[0]
    if y.ndim == 1:
        loss = -log_p[np.arange(n), y].mean()
        grad = e / total
        grad[np.arange(n), y] -= 1.0
    else:
        loss = -(y * log_p).sum() / n
        grad = e / total - y
    return loss, grad / n


def _assert_cross_entropy_is_plain(z, y, plain_y=None):
    """dlcore's loss and gradient equal the plain formula's bit for bit (on plain_y if given)."""
    loss_fn = dl.CrossEntropyLoss()
    loss = loss_fn(z, y)
    grad = loss_fn.backward()
    expected_loss, expected_grad = _plain_cross_entropy(z, y if plain_y is None else plain_y)
    assert loss == float(expected_loss)
    np.testing.assert_array_equal(grad, expected_grad)
    return grad


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("shape", [(1, 2), (4, 3), (128, 10), (1797, 10), (16, 40), (3, 1000)])
@pytest.mark.parametrize("soft", [False, True])
def test_cross_entropy_equals_the_plain_formula_bit_for_bit(dtype, shape, soft):
    rng = np.random.default_rng(5)
    z = (rng.standard_normal(shape) * 30).astype(dtype)
    labels = rng.integers(0, shape[1], shape[0])
    if soft:
        y = rng.random(shape).astype(dtype)
        y /= y.sum(axis=1, keepdims=True)
    else:
        y = labels
    grad = _assert_cross_entropy_is_plain(z, y)
    assert grad.dtype == dtype and grad.shape == shape


@pytest.mark.parametrize("layout", ["fortran", "transposed", "strided", "reversed"])
@pytest.mark.parametrize("soft", [False, True])
def test_cross_entropy_of_logits_not_laid_out_row_by_row(layout, soft):
    # The flat positions n K + y_n index the C-ordered flattening; a gradient laid out column by
    # column (logits z.T, or np.asfortranarray) must still get its -1 at each true class.
    rng = np.random.default_rng(6)
    base = rng.standard_normal((40, 10)) * 30
    z = {"fortran": np.asfortranarray(base), "transposed": np.ascontiguousarray(base.T).T,
         "strided": np.repeat(base, 2, axis=1)[:, ::2], "reversed": base[::-1]}[layout]
    y = rng.integers(0, 10, 40)
    if soft:
        y = np.eye(10)[y]
    _assert_cross_entropy_is_plain(z, y)


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.uint16, np.int16, np.uint32, np.int32,
                                   np.uint64, np.int64, "list"])
def test_cross_entropy_takes_labels_of_every_integer_dtype(dtype):
    rng = np.random.default_rng(7)
    z = rng.standard_normal((128, 10)).astype(np.float32)
    labels = rng.integers(0, 10, 128)
    y = labels.tolist() if dtype == "list" else labels.astype(dtype)
    _assert_cross_entropy_is_plain(z, y, plain_y=labels)
