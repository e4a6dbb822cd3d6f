"""Linear: the fully connected layer z = W a + b."""
import numpy as np

from dlcore import init as initializers
from dlcore._checks import check_dtype_matches, check_features, check_float_dtype, check_positive_int
from dlcore.module import Module
from dlcore.parameter import Parameter


class Linear(Module):
    r"""Fully connected layer: $z = W a + b$ for each example.

    The book writes one example as a column vector, $z = W a + b$ with $W$ of shape
    (units_out, units_in). A batch stores examples as *rows*, A of shape (N, in_features), so the
    same formula for all N examples at once reads Z = A W^T + b (b broadcast over the rows).

    Backward, with delta = dL/dZ of shape (N, out):

    * dL/dW = delta^T A          (out, in)   -- summed over the batch
    * dL/db = sum_n delta_n      (out,)
    * dL/dA = delta W            (N, in)     -- handed to the previous layer

    Args:
        in_features, out_features: sizes of the input and output.
        bias: whether to add b.
        init: a scheme from :mod:`dlcore.init` (``"pytorch"``, ``"he_uniform"``, ``"he_normal"``,
            ``"xavier_uniform"``, ``"xavier_normal"``). With ``"pytorch"`` the bias is drawn like
            PyTorch's; with the others it starts at zero.
        rng: a ``numpy.random.Generator`` (or a seed) for the initial weights.
        dtype: floating type of the parameters; inputs must have the same dtype.

    Shape: input (N, in_features), output (N, out_features).

    >>> layer = Linear(3, 4, rng=np.random.default_rng(0))
    >>> layer.weight.shape, layer.bias.shape
    ((4, 3), (4,))
    >>> layer(np.ones((2, 3), dtype=np.float32)).shape
    (2, 4)
    """

    def __init__(self, in_features, out_features, *, bias=True, init="pytorch", rng=None,
                 dtype=np.float32):
        where = "Linear"
        self.in_features = check_positive_int(in_features, "in_features", where)
        self.out_features = check_positive_int(out_features, "out_features", where)
        dtype = check_float_dtype(dtype, where)
        scheme = initializers.get(init)
        rng = np.random.default_rng(rng)
        self.weight = Parameter(scheme(self.in_features, self.out_features, rng, dtype))
        if bias:
            if scheme is initializers.pytorch:
                a = 1.0 / np.sqrt(self.in_features)
                b = rng.uniform(-a, a, size=self.out_features).astype(dtype)
            else:
                b = np.zeros(self.out_features, dtype=dtype)
            self.bias = Parameter(b)
        else:
            self.bias = None

    def extra_repr(self):
        return (f"in_features={self.in_features}, out_features={self.out_features}, "
                f"bias={self.bias is not None}")

    def describe(self):
        return f"Linear({self.in_features}, {self.out_features})"

    def forward(self, a):
        W = self.weight.data                                   # (out, in)
        check_features(a, self.in_features, self)
        check_dtype_matches(a, W.dtype, self)
        z = a @ W.T                                            # (N, out)
        if self.bias is not None:
            z += self.bias.data                                # in place: no second (N, out) array
        self._cache = a
        return z

    def backward(self, delta):
        self.backward_params(delta)
        return delta @ self.weight.data                        # (N, out) @ (out, in) -> (N, in)

    def backward_params(self, delta):
        a = self._cached()                                     # (N, in)
        self._check_grad_out(delta, (a.shape[0], self.out_features))
        self.weight.accumulate_matmul(delta.T, a)              # (out, N) @ (N, in) -> (out, in)
        if self.bias is not None:
            self.bias.accumulate_sum(delta)                    # (out,)
