"""Dropout: randomly silence units while training.

Inverted dropout (PyTorch's choice): during training each unit is kept with probability 1 - p and
the kept ones are scaled by 1/(1 - p), so the expected activation is unchanged,
E[y] = (1 - p) * x / (1 - p) = x. At test time the layer does nothing.

The original formulation (Srivastava et al.) instead left training unscaled and multiplied by
(1 - p) at test time; both give the same expected activation, but the inverted form leaves the
trained network untouched at inference.
"""
import numpy as np

from dlcore._checks import check_unit_interval
from dlcore.module import Module


class Dropout(Module):
    """Zero each element with probability ``p`` in training mode; identity in eval mode.

    Args:
        p: probability of dropping a unit, 0 <= p < 1.
        rng: a ``numpy.random.Generator`` (or a seed) that draws the masks.

    >>> drop = Dropout(0.5, rng=np.random.default_rng(0))
    >>> y = drop(np.ones((1, 6)))
    >>> sorted(set(y.ravel().tolist()))   # kept units are scaled by 1/(1-p) = 2
    [0.0, 2.0]
    >>> drop.eval()(np.ones((1, 3)))
    array([[1., 1., 1.]])
    """

    def __init__(self, p=0.5, rng=None):
        self.p = check_unit_interval(p, "p (the drop probability)", "Dropout")
        self.rng = np.random.default_rng(rng)

    def extra_repr(self):
        return f"p={self.p}"

    def forward(self, x):
        if not self.training or self.p == 0:
            self._cache = None, x.shape
            return x
        keep = self.rng.random(x.shape, dtype=np.float32 if x.dtype == np.float32 else np.float64)
        mask = (keep >= self.p).astype(x.dtype)
        mask *= 1.0 / (1.0 - self.p)              # inverted dropout: scale while training
        self._cache = mask, x.shape
        return x * mask

    def backward(self, grad_out):
        mask, shape = self._cached()
        self._check_grad_out(grad_out, shape)
        return grad_out if mask is None else grad_out * mask
