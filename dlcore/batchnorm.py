r"""Batch normalisation over the features of a batch, with PyTorch's conventions.

Training mode, for a batch X of shape (N, C):

    mu = mean_n x_n,   var = mean_n (x_n - mu)^2          (the *biased* variance)
    x_hat = (x - mu) / sqrt(var + eps),   y = gamma * x_hat + beta

and the running estimates, used at inference, move a fraction ``momentum`` towards the batch's:

    running_mean <- (1 - momentum) running_mean + momentum mu
    running_var  <- (1 - momentum) running_var  + momentum var * N / (N - 1)   (unbiased)

Eval mode normalises with running_mean and running_var instead of the batch's own statistics,
so a prediction does not depend on which other examples share its batch.
"""
import numpy as np

from dlcore._checks import check_features, check_float_dtype, check_nonnegative, check_positive_int
from dlcore._checks import check_dtype_matches, check_unit_interval
from dlcore.module import Module
from dlcore.parameter import Parameter


class BatchNorm1d(Module):
    r"""Normalise each feature over the batch, then scale by $\gamma$ (``weight``) and shift by $\beta$ (``bias``).

    Backward in training mode (the batch statistics depend on every x_n, hence the two
    correction terms), with g = dL/dy and $\hat g = g\gamma$:

    $\partial L/\partial x = \frac{1}{N\sqrt{\sigma^2+\epsilon}}\,(N\hat g - \sum_n \hat g_n - \hat x \sum_n \hat g_n \hat x_n)$

    Args:
        num_features: C, the number of features.
        eps: added to the variance before the square root.
        momentum: weight of the new batch in the running averages (PyTorch's convention: 0.1).
        dtype: floating type of parameters and buffers.

    Shape: input and output (N, C).

    >>> bn = BatchNorm1d(2, dtype=np.float64)
    >>> y = bn(np.array([[1.0, 10.0], [3.0, 30.0]]))
    >>> np.round(y, 3)
    array([[-1., -1.],
           [ 1.,  1.]])
    >>> bn.running_mean, bn.running_var
    (array([0.2, 2. ]), array([ 1.1, 20.9]))
    """

    _buffers = ("running_mean", "running_var")

    def __init__(self, num_features, eps=1e-5, momentum=0.1, dtype=np.float32):
        where = "BatchNorm1d"
        self.num_features = check_positive_int(num_features, "num_features", where)
        self.eps = check_nonnegative(eps, "eps", where)
        self.momentum = check_unit_interval(momentum, "momentum", where, closed_right=True)
        dtype = check_float_dtype(dtype, where)
        self.weight = Parameter(np.ones(num_features, dtype=dtype))   # gamma
        self.bias = Parameter(np.zeros(num_features, dtype=dtype))    # beta
        self.running_mean = np.zeros(num_features, dtype=dtype)
        self.running_var = np.ones(num_features, dtype=dtype)

    def extra_repr(self):
        return f"{self.num_features}, eps={self.eps}, momentum={self.momentum}"

    def describe(self):
        return f"BatchNorm1d({self.num_features})"

    def forward(self, x):
        check_features(x, self.num_features, self)
        check_dtype_matches(x, self.weight.data.dtype, self)
        n = x.shape[0]
        if self.training:
            if n < 2:
                raise ValueError(
                    f"{self.describe()} needs more than one example per batch in training mode "
                    f"(got a batch of {n}): the batch variance of one value is 0. "
                    f"Use a larger batch, or call model.eval() to predict one example."
                )
            mu = x.mean(axis=0)                                       # (C,)
            var = x.var(axis=0)                                       # (C,) biased
            m = self.momentum
            self.running_mean *= 1 - m
            self.running_mean += m * mu
            self.running_var *= 1 - m
            self.running_var += (m * n / (n - 1)) * var               # unbiased estimate
        else:
            mu, var = self.running_mean, self.running_var
        inv_std = 1.0 / np.sqrt(var + self.eps)                       # (C,)
        x_hat = (x - mu) * inv_std                                    # (N, C)
        self._cache = x_hat, inv_std, self.training
        return x_hat * self.weight.data + self.bias.data

    def backward(self, grad_out):
        x_hat, inv_std, training = self._cached()
        self._check_grad_out(grad_out, x_hat.shape)
        self.weight.accumulate(np.sum(grad_out * x_hat, axis=0))
        self.bias.accumulate_sum(grad_out)
        g_hat = grad_out * self.weight.data                          # dL/dx_hat, (N, C)
        if not training:
            return g_hat * inv_std                                   # statistics are constants
        n = x_hat.shape[0]
        return (inv_std / n) * (n * g_hat - g_hat.sum(axis=0) - x_hat * np.sum(g_hat * x_hat, axis=0))
