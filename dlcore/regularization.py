r"""Weight penalties: L2 (weight decay) and L1, added to the loss and to the gradients.

A penalty adds a term to the training objective that grows with the size of the weights:

    L2:  J_reg = J + (alpha / 2) * sum_i theta_i^2,   dJ_reg/dtheta = dJ/dtheta + alpha * theta
    L1:  J_reg = J + alpha * sum_i |theta_i|,         dJ_reg/dtheta = dJ/dtheta + alpha * sign(theta)

|theta| has no derivative at 0; like PyTorch's ``abs`` we use the subgradient sign(0) = 0.

The L2 gradient alpha * theta is exactly what the optimizers' ``weight_decay=alpha`` adds (as in
torch.optim), so ``l2_penalty(params, alpha)`` before ``SGD.step()`` and ``SGD(...,
weight_decay=alpha)`` take the same step. (The 1/2 in front of the L2 term is there so that no
factor 2 appears in the gradient.)

``fit`` calls only ``zero_grad()`` and ``step()`` of its optimizer, so to train with a penalty
wrap the optimizer in :class:`Penalized`, which adds the penalty's gradient just before each step.
"""
import numpy as np

from dlcore._checks import check_nonnegative
from dlcore.parameter import Parameter


def _check_params(params, where):
    params = list(params)
    for i, p in enumerate(params):
        if not isinstance(p, Parameter):
            raise TypeError(f"{where}: parameter {i} is a {type(p).__name__}, not a dlcore.Parameter "
                            f"(pass model.parameters() or a list of layer.weight).")
    return params


def l2_penalty(params, strength):
    r"""Return (alpha/2) * sum theta^2 over ``params`` and add alpha * theta to each ``.grad``.

    Call it after the backward pass and before ``optimizer.step()``.

    >>> p = Parameter(np.array([3.0, -4.0]))
    >>> p.zero_grad()
    >>> float(l2_penalty([p], 0.1))          # 0.1 / 2 * (9 + 16)
    1.25
    >>> p.grad                                # 0.1 * theta
    array([ 0.3, -0.4])
    """
    alpha = check_nonnegative(strength, "strength (alpha)", "l2_penalty")
    total = 0.0
    for p in _check_params(params, "l2_penalty"):
        total += 0.5 * alpha * float(np.sum(p.data.astype(np.float64) ** 2))
        p.accumulate(alpha * p.data)
    return total


def l1_penalty(params, strength):
    r"""Return alpha * sum |theta| over ``params`` and add alpha * sign(theta) to each ``.grad``.

    The subgradient at theta = 0 is 0. With plain (sub)gradient steps a weight seldom lands on
    exactly 0: it overshoots and then hovers within about lr * alpha of it.

    >>> p = Parameter(np.array([3.0, -4.0, 0.0]))
    >>> p.zero_grad()
    >>> round(l1_penalty([p], 0.1), 6)        # 0.1 * (3 + 4 + 0)
    0.7
    >>> p.grad
    array([ 0.1, -0.1,  0. ])
    """
    alpha = check_nonnegative(strength, "strength (alpha)", "l1_penalty")
    total = 0.0
    for p in _check_params(params, "l1_penalty"):
        total += alpha * float(np.sum(np.abs(p.data.astype(np.float64))))
        p.accumulate(alpha * np.sign(p.data))
    return total


class Penalized:
    """An optimizer that adds an L1 and/or L2 penalty's gradient before every step.

    Args:
        optimizer: any dlcore optimizer (SGD, Adam, ...).
        l1, l2: penalty strengths alpha (0 switches a penalty off).
        params: the parameters to penalise; by default the optimizer's parameters with two or
            more dimensions, i.e. the weight matrices and not the biases (the usual choice).

    ``penalty`` holds the penalty's value at the last step (not included in ``fit``'s losses).
    A parameter that got no gradient since ``zero_grad()`` is neither penalised nor updated, as
    with the optimizers. ``lr`` reads and writes the wrapped optimizer's learning rate, so a
    learning-rate scheduler can drive a ``Penalized`` optimizer.

    >>> from dlcore import Linear, SGD
    >>> layer = Linear(2, 1, rng=0, dtype=np.float64)
    >>> opt = Penalized(SGD(layer.parameters(), lr=0.1), l1=0.5)
    >>> layer.weight.data[:] = [[1.0, -2.0]]
    >>> opt.zero_grad()
    >>> layer.weight.grad = np.zeros((1, 2))      # a zero data gradient, for the example
    >>> opt.step(); layer.weight.data             # theta - lr * alpha * sign(theta)
    array([[ 0.95, -1.95]])
    """

    def __init__(self, optimizer, *, l1=0.0, l2=0.0, params=None):
        if not hasattr(optimizer, "step") or not hasattr(optimizer, "zero_grad"):
            raise TypeError(f"Penalized needs an optimizer with step() and zero_grad(), "
                            f"got {type(optimizer).__name__}.")
        self.optimizer = optimizer
        self.l1 = check_nonnegative(l1, "l1", "Penalized")
        self.l2 = check_nonnegative(l2, "l2", "Penalized")
        updated = getattr(optimizer, "params", None)
        if params is None:
            if updated is None:
                raise TypeError(f"Penalized: {type(optimizer).__name__} has no `params` list to "
                                f"pick the weight matrices from; pass params=[...] explicitly.")
            params = [p for p in updated if p.data.ndim >= 2]
        self.params = _check_params(params, "Penalized")
        if updated is not None:
            for i, p in enumerate(self.params):
                if not any(p is q for q in updated):
                    raise ValueError(f"Penalized: parameter {i} (shape {p.shape}) is not one of "
                                     f"the optimizer's parameters, so the optimizer would never "
                                     f"apply its penalty; pass parameters of the same model.")
        self.penalty = 0.0

    @property
    def lr(self):
        return self.optimizer.lr

    @lr.setter
    def lr(self, value):
        self.optimizer.lr = value

    def zero_grad(self):
        self.optimizer.zero_grad()

    def step(self):
        # Only parameters that received a data gradient are penalised, as the optimizer
        # only updates those.
        live = [p for p in self.params if p.has_grad]
        self.penalty = 0.0
        if self.l1:
            self.penalty += l1_penalty(live, self.l1)
        if self.l2:
            self.penalty += l2_penalty(live, self.l2)
        self.optimizer.step()

    def __repr__(self):
        return f"Penalized({self.optimizer!r}, l1={self.l1}, l2={self.l2})"
