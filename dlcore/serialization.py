"""Saving and loading a model's parameters and buffers as a NumPy ``.npz`` file.

Only arrays are stored (``allow_pickle=False`` both ways), so loading a file cannot run code.
The architecture is not stored: build the same model, then ``load`` into it.
"""
import os

import numpy as np


def save(model, path):
    """Write every parameter and buffer of ``model`` to ``path`` (an .npz file)."""
    np.savez(path, **model.state_dict())


def load(model, path):
    """Read arrays saved by :func:`save` into ``model`` (same architecture); returns the model.

    Like ``save`` (NumPy adds ``.npz`` to a name without it), ``load("model")`` reads ``model.npz``.
    """
    path = os.fspath(path)
    if not os.path.exists(path) and os.path.exists(path + ".npz"):
        path += ".npz"
    with np.load(path, allow_pickle=False) as f:
        model.load_state_dict({k: f[k] for k in f.files})
    return model
