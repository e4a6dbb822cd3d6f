"""Weight initialisation schemes, by name.

Each function draws a weight matrix of shape (fan_out, fan_in) -- the book's W, mapping a layer of
``fan_in`` units to one of ``fan_out`` -- from an explicit ``numpy.random.Generator``.

The aim of every scheme is to keep the variance of the activations (forward) and of the gradients
(backward) roughly constant from layer to layer:

* Xavier/Glorot (tanh, sigmoid): Var(W) = 2 / (fan_in + fan_out).
* He/Kaiming (ReLU, which zeroes half its inputs): Var(W) = 2 / fan_in.
* ``pytorch``: PyTorch's default for ``nn.Linear``, W and b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).

A uniform distribution U(-a, a) has variance a^2 / 3, which is where the sqrt(3 ...) below comes from.

>>> rng = np.random.default_rng(0)
>>> W = he_normal(1000, 500, rng)
>>> W.shape, round(float(W.var() * 1000), 1)
((500, 1000), 2.0)
"""
import numpy as np


def xavier_uniform(fan_in, fan_out, rng, dtype=np.float32):
    """W ~ U(-a, a), a = sqrt(6 / (fan_in + fan_out))."""
    a = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-a, a, size=(fan_out, fan_in)).astype(dtype)


def xavier_normal(fan_in, fan_out, rng, dtype=np.float32):
    """W ~ N(0, 2 / (fan_in + fan_out))."""
    std = np.sqrt(2.0 / (fan_in + fan_out))
    return (std * rng.standard_normal((fan_out, fan_in))).astype(dtype)


def he_uniform(fan_in, fan_out, rng, dtype=np.float32):
    """W ~ U(-a, a), a = sqrt(6 / fan_in)."""
    a = np.sqrt(6.0 / fan_in)
    return rng.uniform(-a, a, size=(fan_out, fan_in)).astype(dtype)


def he_normal(fan_in, fan_out, rng, dtype=np.float32):
    """W ~ N(0, 2 / fan_in)."""
    std = np.sqrt(2.0 / fan_in)
    return (std * rng.standard_normal((fan_out, fan_in))).astype(dtype)


def pytorch(fan_in, fan_out, rng, dtype=np.float32):
    """W ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)), PyTorch's default for nn.Linear."""
    a = 1.0 / np.sqrt(fan_in)
    return rng.uniform(-a, a, size=(fan_out, fan_in)).astype(dtype)


SCHEMES = {
    "xavier_uniform": xavier_uniform,
    "xavier_normal": xavier_normal,
    "he_uniform": he_uniform,
    "he_normal": he_normal,
    "pytorch": pytorch,
}
# Glorot and Kaiming are the same schemes under their authors' other names.
SCHEMES.update(glorot_uniform=xavier_uniform, glorot_normal=xavier_normal,
               kaiming_uniform=he_uniform, kaiming_normal=he_normal)


def get(name):
    """Look a scheme up by name, with a message listing the choices when the name is unknown."""
    if callable(name):
        return name
    try:
        return SCHEMES[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"Unknown init {name!r}; choose one of {sorted(SCHEMES)} or pass a function "
            f"f(fan_in, fan_out, rng, dtype)."
        ) from None
