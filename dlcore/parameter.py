"""Parameter: an array the optimizer may change, with the gradient of the loss beside it."""
import numpy as np


class Parameter:
    """A trainable array ``data`` and its gradient ``grad`` (same shape, same dtype).

    As in PyTorch, ``backward`` *adds* into ``grad``; call ``zero_grad()`` (on the model or the
    optimizer) before each new backward pass.

    ``zero_grad`` does not write zeros at once: it marks the gradient as "not yet computed". The
    next backward then writes its result straight into the buffer instead of adding to it, which
    saves a pass over every weight matrix per step. Optimizers skip a parameter whose gradient has
    not been computed since ``zero_grad``, as PyTorch skips a parameter whose ``.grad`` is ``None``.
    Reading ``grad`` in between gives zeros and counts as computing it (you may write into the
    array you got): the parameter is then updated like one with a zero gradient, as in PyTorch
    after ``zero_grad(set_to_none=False)`` -- weight decay and momentum still move it.

    >>> p = Parameter(np.array([1.0, 2.0]))
    >>> p.grad
    array([0., 0.])
    >>> p.accumulate(np.array([0.5, 0.5])); p.accumulate(np.array([0.5, 0.5])); p.grad
    array([1., 1.])
    """

    def __init__(self, data):
        self.data = np.asarray(data)
        if self.data.dtype.kind != "f":
            raise TypeError(f"Parameter data must be floating point, got dtype {self.data.dtype}.")
        self._grad = np.zeros_like(self.data)
        self._grad_pending = True  # True: logically zero, buffer contents not meaningful

    @property
    def grad(self):
        if self._grad_pending:
            self._grad.fill(0)
            self._grad_pending = False
        return self._grad

    @grad.setter
    def grad(self, value):
        value = np.asarray(value)
        if value.shape != self.data.shape:
            raise ValueError(f"Parameter.grad must have shape {self.data.shape}, got {value.shape}.")
        self._grad[...] = value
        self._grad_pending = False

    @property
    def has_grad(self):
        """True once a backward pass wrote a gradient, or ``grad`` was read or set, since ``zero_grad``."""
        return not self._grad_pending

    @property
    def shape(self):
        return self.data.shape

    @property
    def dtype(self):
        return self.data.dtype

    def zero_grad(self):
        self._grad_pending = True

    def accumulate(self, g):
        """grad += g."""
        if self._grad_pending:
            np.copyto(self._grad, g)
            self._grad_pending = False
        else:
            self._grad += g

    def accumulate_matmul(self, a, b):
        """grad += a @ b, writing the product in place when the gradient was just zeroed."""
        if self._grad_pending:
            np.matmul(a, b, out=self._grad)
            self._grad_pending = False
        else:
            self._grad += a @ b

    def accumulate_sum(self, g):
        """grad += g.sum(axis=0)."""
        if self._grad_pending:
            np.add.reduce(g, axis=0, out=self._grad)     # np.sum without its wrapper's overhead
            self._grad_pending = False
        else:
            self._grad += g.sum(axis=0)

    def astype(self, dtype):
        """Convert data and gradient to ``dtype`` in place (used by ``Module.to``)."""
        self.data = self.data.astype(dtype)
        self._grad = self._grad.astype(dtype)

    def __repr__(self):
        return f"Parameter(shape={self.data.shape}, dtype={self.data.dtype})"
