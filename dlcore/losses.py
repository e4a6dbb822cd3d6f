r"""Loss functions. Each averages over the batch (PyTorch's ``reduction='mean'``).

``loss = loss_fn(prediction, target)`` returns a Python float and remembers what it needs;
``loss_fn.backward()`` then returns dL/d(prediction), the gradient that starts backpropagation.

Two pairs are *fused* for numerical stability, as in PyTorch:

* CrossEntropyLoss takes logits z and applies log-softmax itself, using the log-sum-exp form, so
  a logit of 1000 never overflows and log(0) is never taken.
* BCEWithLogitsLoss takes a logit z and applies the sigmoid itself.

Their gradients are also the simplest in the book. For softmax + cross-entropy,
L_n = -sum_k y_nk log p_nk with p = softmax(z_n), and dL_n/dz_nk = p_nk - y_nk (the softmax
Jacobian and the 1/p of the log cancel). For sigmoid + binary cross-entropy the same cancellation
gives dL_n/dz_n = sigma(z_n) - y_n. Averaging over the N examples divides both by N.
"""
import numpy as np

from dlcore import functional as F
from dlcore._checks import check_array, check_finite, mean


def _row_max(z):
    """max_k z_nk for each row n of z (N, K), as a column (N, 1).

    With few classes NumPy's reduction along each short row is slow (about 3 times slower for
    128 x 10, 8 times for 1797 x 10) because its fast loops run along the rows; over the
    transposed copy the same maxima come out of a loop over the long axis. A maximum is exact,
    so both ways give identical values.
    """
    n, k = z.shape
    if k >= 32 or k >= n:
        return np.maximum.reduce(z, axis=1, keepdims=True)
    return np.maximum.reduce(z.T.copy(), axis=0)[:, None]


class Loss:
    """Base class: call with (prediction, target), then ``backward()``."""

    _cache = None

    def __call__(self, pred, target):
        where = type(self).__name__
        check_array(pred, where, name="prediction")
        check_finite(pred, where, name="prediction")
        value = self.forward(pred, self._check_target(pred, target))
        return float(value)

    def forward(self, pred, target):
        raise NotImplementedError(f"{type(self).__name__} must implement forward(pred, target)")

    def backward(self):
        raise NotImplementedError(f"{type(self).__name__} must implement backward()")

    def _check_target(self, pred, target):
        target = np.asarray(target)
        name = type(self).__name__
        if target.shape != pred.shape:
            hint = ""
            if target.size == pred.size:
                hint = f" Reshape it with y.reshape({pred.shape}) so nothing is broadcast by accident."
            raise ValueError(
                f"{name}: the target has shape {target.shape} but the prediction has shape "
                f"{pred.shape}; they must match.{hint}"
            )
        if target.dtype.kind not in "fiub":
            raise TypeError(f"{name}: the target must be numeric, got dtype {target.dtype}.")
        check_finite(target, name, name="target")
        return target.astype(pred.dtype, copy=False)     # 0/1 integer labels become floats

    def _cached(self):
        if self._cache is None:
            raise ValueError(
                f"{type(self).__name__}.backward() was called before the loss was computed: "
                f"call loss_fn(prediction, target) first."
            )
        return self._cache

    def __repr__(self):
        return f"{type(self).__name__}()"


class MSELoss(Loss):
    r"""Mean squared error: $J = \frac{1}{M}\sum_i (\hat y_i - y_i)^2$ over all M entries.

    The *mean*, not the sum (that would be the sum of squared errors): the loss does not grow
    with the batch size. Gradient: $2(\hat y - y)/M$.

    >>> loss_fn = MSELoss()
    >>> loss_fn(np.array([[1.0], [3.0]]), np.array([[0.0], [1.0]]))
    2.5
    >>> loss_fn.backward()
    array([[1.],
           [2.]])
    """

    def forward(self, pred, target):
        diff = pred - target
        self._cache = diff
        return mean(diff * diff)

    def backward(self):
        diff = self._cached()
        return diff * (2.0 / diff.size)


class BCELoss(Loss):
    r"""Binary cross-entropy on probabilities $p \in [0, 1]$:
    $J = -\frac{1}{M}\sum_i [\,y_i \log p_i + (1 - y_i)\log(1 - p_i)\,]$.

    Note the minus sign: the logarithm of a probability is negative, so the loss is positive.
    As in PyTorch each log is clamped at -100, so p = 0 or 1 gives a large finite loss, not inf.
    Prefer :class:`BCEWithLogitsLoss` on the logit: it is exact where this one must clamp.

    >>> round(BCELoss()(np.array([0.9, 0.2]), np.array([1.0, 0.0])), 4)
    0.1643
    """

    def forward(self, p, y):
        if np.any((p < 0) | (p > 1)):
            raise ValueError(
                f"BCELoss expects probabilities in [0, 1]; got values from {p.min():.3g} to "
                f"{p.max():.3g}. For raw scores (logits) use BCEWithLogitsLoss."
            )
        with np.errstate(divide="ignore"):           # log(0) = -inf is clamped just below
            log_p = np.maximum(np.log(p), -100.0)
            log_1mp = np.maximum(np.log1p(-p), -100.0)
        self._cache = p, y
        return -mean(y * log_p + (1 - y) * log_1mp)

    def backward(self):
        p, y = self._cached()
        # d/dp of -(y log p + (1-y) log(1-p)) = (p - y) / (p (1 - p)); PyTorch keeps the
        # denominator >= 1e-12 so that p = 0 or 1 gives a large finite gradient.
        return (p - y) / np.maximum(p * (1 - p), 1e-12) / p.size


class BCEWithLogitsLoss(Loss):
    r"""Sigmoid and binary cross-entropy in one: $J = \frac{1}{M}\sum_i [\,\log(1+e^{z_i}) - y_i z_i\,]$.

    Written as $\max(z,0) - z y + \log(1 + e^{-|z|})$, which never overflows. Gradient:
    $(\sigma(z) - y)/M$.

    >>> round(BCEWithLogitsLoss()(np.array([1000.0, -1000.0]), np.array([1.0, 0.0])), 6)
    0.0
    """

    def forward(self, z, y):
        self._cache = z, y
        return mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z))))

    def backward(self):
        z, y = self._cached()
        return (F.sigmoid(z) - y) / z.size


class CrossEntropyLoss(Loss):
    r"""Softmax and categorical cross-entropy in one, on logits z of shape (N, K):
    $J = -\frac{1}{N}\sum_n \sum_k y_{nk} \log \mathrm{softmax}(z_n)_k$.

    The target is either N integer class labels in [0, K) (then $y$ is their one-hot encoding) or
    an (N, K) array of probabilities (one-hot rows, or soft labels). Gradient: $(\mathrm{softmax}(z) - y)/N$.

    A confident mistake is punished without bound: if the true class gets probability p, the
    example costs -log p, which grows to infinity as p -> 0.

    >>> loss_fn = CrossEntropyLoss()
    >>> round(loss_fn(np.array([[2.0, 0.0, 0.0]]), np.array([0])), 4)
    0.2395
    >>> np.round(loss_fn.backward(), 4)
    array([[-0.213 ,  0.1065,  0.1065]])
    """

    def _check_target(self, logits, target):
        target = np.asarray(target)
        if logits.ndim != 2:
            raise ValueError(f"CrossEntropyLoss expected logits of shape (N, K), got {logits.shape}.")
        n, k = logits.shape
        if target.ndim == 1:
            if target.dtype.kind not in "iu":
                raise TypeError(
                    f"CrossEntropyLoss: class labels must be integers, got dtype {target.dtype}. "
                    f"Use y.astype(int), or pass one-hot targets of shape ({n}, {k})."
                )
            if target.shape[0] != n:
                raise ValueError(f"CrossEntropyLoss: {target.shape[0]} labels for {n} examples.")
            if target.size and (np.minimum.reduce(target) < 0 or np.maximum.reduce(target) >= k):
                raise ValueError(
                    f"CrossEntropyLoss: class labels must be in [0, {k - 1}] for {k} logits per "
                    f"example; got labels from {target.min()} to {target.max()}."
                )
            return target
        if target.shape != logits.shape:
            raise ValueError(
                f"CrossEntropyLoss: the target must be {n} integer labels of shape ({n},) or "
                f"probabilities of shape ({n}, {k}); got shape {target.shape}."
            )
        check_finite(target, "CrossEntropyLoss", name="target")
        return target.astype(logits.dtype, copy=False)

    def forward(self, z, y):
        # log softmax(z) = (z - m) - log sum exp(z - m), m the row maximum (the log-sum-exp trick).
        shifted = z - _row_max(z)                                 # (N, K), every entry <= 0
        e = np.exp(shifted)
        total = e.sum(axis=1, keepdims=True)                      # (N, 1), in [1, K]
        log_total = np.log(total)
        n, k = z.shape
        if y.ndim == 1:
            # Only log p of each true class is needed: entry (n, y_n), which sits at position
            # n K + y_n of the flattened array (one lookup, reused by backward). The labels are
            # made intp first: uint64 plus a signed integer gives float64, which cannot index.
            true = np.arange(0, n * k, k) + y.astype(np.intp, copy=False)
            loss = -mean(shifted.ravel()[true] - log_total.ravel())
            self._cache = e, total, true
        else:
            loss = -np.add.reduce(y * (shifted - log_total), axis=None) / n
            self._cache = e, total, y
        return loss

    def backward(self):
        e, total, target = self._cached()     # flat positions of the true classes, or (N, K)
        n = e.shape[0]
        # softmax(z), (N, K), laid out row by row whatever the logits' layout, so that ravel()
        # below is a view of it (for column-ordered logits such as z.T it would be a copy).
        grad = np.divide(e, total, order="C")
        if target.ndim == 1:
            grad.ravel()[target] -= 1.0                           # p - one_hot(y)
        else:
            grad -= target
        grad /= n
        return grad
