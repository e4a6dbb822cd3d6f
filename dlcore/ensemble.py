r"""Ensembles: average the class probabilities of K independently trained networks.

Each member k maps a batch to logits z_k of shape (N, C); the ensemble predicts

    p_bar = (1/K) sum_k softmax(z_k)

``Ensemble.forward`` returns log p_bar (computed stably with log-sum-exp). Those are valid logits
of p_bar -- softmax(log p_bar) = p_bar, because p_bar sums to 1 -- so an ensemble works with
``predict``, ``evaluate`` and ``CrossEntropyLoss`` unchanged: its cross-entropy is the negative
log-likelihood of the averaged probabilities, and its argmax the averaged vote.
"""
import numpy as np

from dlcore.functional import log_softmax
from dlcore.module import Module


class Ensemble(Module):
    """Average of the members' softmax probabilities; an inference-only module.

    Args:
        models: a non-empty list of trained modules, each returning logits (N, C), C >= 2.

    Shape: input as the members', output (N, C) = log of the mean probabilities.

    Predict with ``predict_proba``, ``dl.predict`` or ``dl.evaluate``: they switch the members
    to eval mode (no dropout, batchnorm's running averages). Calling the ensemble directly uses
    whatever mode the members are in.

    >>> import numpy as np
    >>> from dlcore import Linear
    >>> a, b = Linear(2, 3, rng=0, dtype=np.float64), Linear(2, 3, rng=1, dtype=np.float64)
    >>> ens = Ensemble([a, b])
    >>> x = np.ones((4, 2))
    >>> p = ens.predict_proba(x)
    >>> bool(np.allclose(p, (np.exp(log_softmax(a(x), axis=1)) + np.exp(log_softmax(b(x), axis=1))) / 2))
    True
    """

    def __init__(self, models):
        if isinstance(models, Module):
            raise TypeError(f"Ensemble takes a list of models, got one {type(models).__name__}; "
                            f"write Ensemble([model_1, model_2, ...]).")
        models = list(models)
        if not models:
            raise ValueError("Ensemble needs at least one model, got an empty list.")
        for i, m in enumerate(models):
            if not isinstance(m, Module):
                raise TypeError(f"Ensemble: member {i} is a {type(m).__name__}, not a dlcore Module.")
        self.members = models

    def named_children(self):
        for i, m in enumerate(self.members):
            yield str(i), m

    def __len__(self):
        return len(self.members)

    def extra_repr(self):
        return f"{len(self.members)} members"

    def forward(self, x):
        logs = []
        for i, m in enumerate(self.members):
            z = m.forward(x)
            if z.ndim != 2 or z.shape[1] < 2:
                raise ValueError(f"Ensemble: member {i} returned shape {z.shape}; members must "
                                 f"return class logits of shape (N, C) with C >= 2.")
            if logs and z.shape != logs[0].shape:
                raise ValueError(f"Ensemble: member {i} returned shape {z.shape}, member 0 "
                                 f"{logs[0].shape}: members must predict the same classes.")
            logs.append(log_softmax(z, axis=1))
        stacked = np.stack(logs)                               # (K, N, C) log-probabilities
        top = stacked.max(axis=0)                              # log-mean-exp, stably
        self._cache = None
        return top + np.log(np.mean(np.exp(stacked - top), axis=0))

    def predict_proba(self, x):
        """Mean class probabilities p_bar (N, C), computed in eval mode."""
        from dlcore.training import predict
        return np.exp(predict(self, x))

    def backward(self, grad_out):
        raise NotImplementedError(
            "Ensemble is for inference: train each member on its own (with fit), then combine them."
        )
