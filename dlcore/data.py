"""Small data sets for the book, generated on the spot or read from scikit-learn's bundled copy.

Nothing here downloads anything. Every generator takes an explicit ``rng`` (a
``numpy.random.Generator`` or a seed) and returns ``X`` of shape (N, features) in ``dtype``
(float32 by default, to match the layers) and integer labels ``y`` of shape (N,) -- or, for the
regression curve, float targets of shape (N, 1).
"""
import numpy as np

from dlcore._checks import check_positive_int


def _finish(X, y, dtype):
    return np.asarray(X, dtype=dtype), np.asarray(y)


def make_xor(dtype=np.float32):
    """The four points of the XOR truth table: y = 1 exactly when x1 != x2.

    >>> X, y = make_xor()
    >>> X.tolist(), y.tolist()
    ([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [0, 1, 1, 0])
    """
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    return _finish(X, np.array([0, 1, 1, 0]), dtype)


def make_logic(gate, dtype=np.float32):
    """Truth table of ``"and"``, ``"or"``, ``"nand"`` or ``"xor"`` over two binary inputs."""
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    a, b = X[:, 0].astype(bool), X[:, 1].astype(bool)
    tables = {"and": a & b, "or": a | b, "nand": ~(a & b), "xor": a ^ b}
    if gate not in tables:
        raise ValueError(f"make_logic: gate must be one of {sorted(tables)}, got {gate!r}.")
    return _finish(X, tables[gate].astype(int), dtype)


def make_blobs(n_samples=200, *, centers=((-2.0, -2.0), (2.0, 2.0)), std=1.0, rng=None,
               dtype=np.float32):
    """Gaussian clusters, one class per centre; far-apart centres give linearly separable data."""
    n = check_positive_int(n_samples, "n_samples", "make_blobs")
    rng = np.random.default_rng(rng)
    centers = np.asarray(centers, dtype=np.float64)
    y = np.arange(n) % len(centers)
    X = centers[y] + std * rng.standard_normal((n, centers.shape[1]))
    return _finish(X, y, dtype)


def make_moons(n_samples=200, *, noise=0.1, rng=None, dtype=np.float32):
    """Two interleaving half circles (class 0 on top, class 1 below)."""
    n = check_positive_int(n_samples, "n_samples", "make_moons")
    rng = np.random.default_rng(rng)
    y = np.arange(n) % 2
    t = rng.uniform(0, np.pi, n)
    X = np.where(y[:, None] == 0,
                 np.c_[np.cos(t), np.sin(t)],
                 np.c_[1 - np.cos(t), 0.5 - np.sin(t)])
    X = X + noise * rng.standard_normal((n, 2))
    return _finish(X, y, dtype)


def make_circles(n_samples=200, *, factor=0.5, noise=0.05, rng=None, dtype=np.float32):
    """A small circle (class 1) inside a large one (class 0); ``factor`` is the radius ratio."""
    n = check_positive_int(n_samples, "n_samples", "make_circles")
    rng = np.random.default_rng(rng)
    y = np.arange(n) % 2
    t = rng.uniform(0, 2 * np.pi, n)
    radius = np.where(y == 1, factor, 1.0)
    X = radius[:, None] * np.c_[np.cos(t), np.sin(t)] + noise * rng.standard_normal((n, 2))
    return _finish(X, y, dtype)


def make_spirals(n_samples=300, *, n_classes=3, turns=1.0, noise=0.2, rng=None, dtype=np.float32):
    """``n_classes`` interleaved spiral arms, the classic data set no linear model can fit."""
    n = check_positive_int(n_samples, "n_samples", "make_spirals")
    k = check_positive_int(n_classes, "n_classes", "make_spirals")
    rng = np.random.default_rng(rng)
    y = np.arange(n) % k
    r = rng.uniform(0.05, 1.0, n)
    angle = 2 * np.pi * (turns * r + y / k) + noise * rng.standard_normal(n)
    X = np.c_[r * np.cos(angle), r * np.sin(angle)]
    return _finish(X, y, dtype)


def make_regression_curve(n_samples=100, *, noise=0.1, low=-np.pi, high=np.pi, fn=np.sin,
                          rng=None, dtype=np.float32):
    """Noisy samples y = fn(x) + noise on [low, high] (sin by default), sorted by x.

    Returns X of shape (N, 1) and y of shape (N, 1), ready for MSELoss.
    """
    n = check_positive_int(n_samples, "n_samples", "make_regression_curve")
    rng = np.random.default_rng(rng)
    x = np.sort(rng.uniform(low, high, n))
    y = fn(x) + noise * rng.standard_normal(n)
    return np.asarray(x[:, None], dtype=dtype), np.asarray(y[:, None], dtype=dtype)


def make_bars_and_stripes(size=4, dtype=np.float32):
    """Every "bars and stripes" pattern of a size x size grid of binary pixels, flattened.

    A pattern switches on whole rows (label 0) or whole columns (label 1), any subset of them.
    The empty and the full grid are both kinds at once; each appears once, labelled 0. That
    leaves 2 * 2**size - 2 distinct patterns (30 for 4 x 4), the rows of X (N, size**2).

    >>> X, y = make_bars_and_stripes(3)
    >>> X.shape, int(y.sum())
    ((14, 9), 6)
    """
    size = check_positive_int(size, "size", "make_bars_and_stripes")
    subsets = (np.arange(2 ** size)[:, None] >> np.arange(size)) & 1          # (2^size, size)
    rows = np.repeat(subsets, size, axis=1).reshape(-1, size, size)          # whole rows on
    cols = np.transpose(rows, (0, 2, 1))[1:-1]                               # whole columns on
    X = np.concatenate([rows, cols]).reshape(-1, size * size)
    y = np.r_[np.zeros(len(rows), int), np.ones(len(cols), int)]
    return _finish(X, y, dtype)


def train_test_split(X, y, *, test_size=0.25, rng=None):
    """Shuffle and split into (X_train, X_test, y_train, y_test)."""
    if not 0 < test_size < 1:
        raise ValueError(f"train_test_split: test_size must be in (0, 1), got {test_size!r}.")
    order = np.random.default_rng(rng).permutation(len(X))
    n_test = int(round(test_size * len(X)))
    test, train = order[:n_test], order[n_test:]
    return X[train], X[test], y[train], y[test]


def stratified_split(X, y, *, test_size=0.25, rng=None):
    """Shuffle and split into (X_train, X_test, y_train, y_test), class by class.

    A plain random split can, by chance, give one class a smaller share of the test set than of
    the data. Here each class k, with n_k examples, sends round(test_size * n_k) of them (at
    least one, and never all) to the test part, so every class has almost exactly the same share
    in both parts. Both parts come back in random order, not sorted by class.

    >>> y = np.repeat([0, 1, 2], [10, 20, 30])
    >>> _, _, y_train, y_test = stratified_split(np.zeros((60, 1)), y, test_size=0.2, rng=0)
    >>> np.bincount(y_test).tolist(), np.bincount(y_train).tolist()
    ([2, 4, 6], [8, 16, 24])
    """
    if not 0 < test_size < 1:
        raise ValueError(f"stratified_split: test_size must be in (0, 1), got {test_size!r}.")
    y = np.asarray(y)
    if y.ndim != 1 or len(X) != len(y):
        raise ValueError(f"stratified_split: y must hold one label per row of X ({len(X)} rows), "
                         f"got shape {y.shape}.")
    rng = np.random.default_rng(rng)
    train, test = [], []
    for k in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == k))
        if len(members) < 2:
            raise ValueError(f"stratified_split: class {k} has {len(members)} example; each class "
                             f"needs at least 2 to appear in both parts.")
        n_test = min(max(int(round(test_size * len(members))), 1), len(members) - 1)
        test.append(members[:n_test])
        train.append(members[n_test:])
    train, test = rng.permutation(np.concatenate(train)), rng.permutation(np.concatenate(test))
    return X[train], X[test], y[train], y[test]


def load_digits(*, test_size=0.25, rng=0, dtype=np.float32, return_images=False):
    """The 1,797 8x8 handwritten digits bundled with scikit-learn (no download), split.

    Pixels (0..16) are divided by 16, so X lies in [0, 1]; each image is flattened into 64 numbers.

    Returns:
        X_train, X_test (N, 64), y_train, y_test (N,) integer labels 0-9; with ``return_images``
        also the test images as (N, 8, 8).

    >>> X_train, X_test, y_train, y_test = load_digits()
    >>> X_train.shape, X_test.shape, int(y_train.max())
    ((1348, 64), (449, 64), 9)
    """
    from sklearn.datasets import load_digits as sklearn_digits   # bundled data, read from disk

    digits = sklearn_digits()
    X = np.asarray(digits.data / 16.0, dtype=dtype)
    X_train, X_test, y_train, y_test = train_test_split(X, digits.target, test_size=test_size, rng=rng)
    if return_images:
        return X_train, X_test, y_train, y_test, X_test.reshape(-1, 8, 8)
    return X_train, X_test, y_train, y_test
