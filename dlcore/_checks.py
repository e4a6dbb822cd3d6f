"""Input checks shared by every layer and loss.

Bad input should stop at the public boundary with a message that names the layer, says what was
expected and what arrived, and suggests a fix -- never a NumPy traceback from deep inside.
"""
import numbers

import numpy as np


def _name(where):
    """``where`` is a string or a module; a module's name is only formatted when an error is raised,
    so the checks cost nothing extra on the happy path."""
    return where if isinstance(where, str) else where.describe()


def check_array(x, where, *, name="input"):
    """Return ``x`` if it is a floating ndarray, else raise a TypeError that says how to fix it."""
    if not isinstance(x, np.ndarray):
        raise TypeError(
            f"{_name(where)} expected the {name} to be a NumPy array, got {type(x).__name__}. "
            f"Convert it with np.asarray(..., dtype=np.float32)."
        )
    if x.dtype.kind != "f":
        raise TypeError(
            f"{_name(where)} expected a floating-point {name}, got dtype {x.dtype}. "
            f"Convert it with x.astype(np.float32) (or np.float64)."
        )
    return x


def check_finite(x, where, *, name="input"):
    """Raise a ValueError if ``x`` holds NaN or infinity."""
    if not np.isfinite(x).all():
        bad = int(np.size(x) - np.count_nonzero(np.isfinite(x)))
        raise ValueError(f"{_name(where)} got {name} values of which {bad} are NaN or infinite.")
    return x


def mean(v):
    """Mean of all entries. np.mean's Python-level wrapper costs several microseconds, more than
    the arithmetic for a small batch; this is the same sum divided by the count."""
    return np.add.reduce(v, axis=None) / v.size


def check_dtype_matches(x, dtype, where):
    if x.dtype != dtype:
        raise TypeError(
            f"{_name(where)} has {dtype} parameters but got {x.dtype} input. "
            f"Convert the input with x.astype(np.{dtype}) or build the layer with dtype=np.{x.dtype}."
        )


def check_features(x, n_features, where):
    """Check a batch of shape (N, n_features)."""
    if x.ndim != 2 or x.shape[1] != n_features:
        hint = ""
        if x.ndim == 1:
            hint = " A single example needs a batch axis: use x.reshape(1, -1)."
        raise ValueError(
            f"{_name(where)} expected input of shape (N, {n_features}), got {x.shape}.{hint}"
        )


def check_positive_int(value, name, where):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value <= 0:
        raise ValueError(f"{where}: {name} must be a positive integer, got {value!r}.")
    return int(value)


def check_nonnegative(value, name, where):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not value >= 0:
        raise ValueError(f"{where}: {name} must be a non-negative number, got {value!r}.")
    return float(value)


def check_unit_interval(value, name, where, *, closed_right=False):
    """Check 0 <= value < 1 (or <= 1 with ``closed_right``)."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and (
        0 <= value <= 1 if closed_right else 0 <= value < 1)
    if not ok:
        interval = "[0, 1]" if closed_right else "[0, 1)"
        raise ValueError(f"{where}: {name} must be in {interval}, got {value!r}.")
    return float(value)


def check_float_dtype(dtype, where):
    dtype = np.dtype(dtype)
    if dtype.kind != "f":
        raise TypeError(f"{where}: dtype must be a floating type such as np.float32, got {dtype}.")
    return dtype
