r"""Learning-rate schedules: change an optimizer's $\lambda$ as training goes on.

The names and the protocol are those of ``torch.optim.lr_scheduler``. A scheduler wraps an
optimizer; call ``scheduler.step()`` once per epoch, after the epoch's ``optimizer.step()``
calls, and it writes the learning rate for the next epoch into ``optimizer.lr``:

    scheduler = dl.lr_scheduler.StepLR(optimizer, step_size=10, gamma=0.5)
    for epoch in range(epochs):
        ...                       # a training epoch: many optimizer.step()
        scheduler.step()

``last_epoch`` counts the calls to ``step()`` (it is 0 right after construction, which sets
``optimizer.lr`` to the initial rate $\lambda_0$, as PyTorch's constructor does). Each schedule
is written in closed form, $\lambda_t$ as a function of $t$ = ``last_epoch`` and $\lambda_0$.
PyTorch computes the same numbers recursively, from the rate the optimizer has now (StepLR and
ExponentialLR multiply it by $\gamma$; CosineAnnealingLR multiplies by a ratio of two cosines).
The two give the same rates, up to rounding, as long as only the scheduler sets ``optimizer.lr``.
They part ways when something else changes it between steps:

* ``optimizer.lr`` set by hand: PyTorch continues from the new value, dlcore's next ``step()``
  overwrites it with $\lambda_t$ of the formula;
* two schedulers on one optimizer: PyTorch multiplies their factors, dlcore keeps the rate of
  whichever stepped last. To combine two schedules in dlcore, write their product as one.

``get_last_lr()`` returns a list with one rate because PyTorch returns one per parameter group;
a dlcore optimizer has a single group.
"""
import math
import numbers

from dlcore._checks import check_nonnegative, check_positive_int


class LRScheduler:
    r"""Base class: keeps $\lambda_0$ (``base_lr``) and the step count ``last_epoch``.

    Subclasses define ``lr_at(t)``, the learning rate after ``t`` calls to ``step()``.
    """

    def __init__(self, optimizer):
        name = type(self).__name__
        if not isinstance(getattr(optimizer, "lr", None), numbers.Real):
            raise TypeError(f"{name} needs an optimizer with a learning rate `lr` (such as "
                            f"dl.SGD(...)), got {type(optimizer).__name__}.")
        self.optimizer = optimizer
        self.base_lr = float(optimizer.lr)
        self.last_epoch = -1
        self.step()

    def lr_at(self, t):
        raise NotImplementedError

    def step(self):
        """Advance one epoch and set ``optimizer.lr`` to the schedule's next rate."""
        self.last_epoch += 1
        self._last_lr = float(self.lr_at(self.last_epoch))
        self.optimizer.lr = self._last_lr

    def get_last_lr(self):
        """The learning rate the last ``step()`` set, as a list of one float (as in PyTorch),
        even if ``optimizer.lr`` was changed by hand since."""
        return [self._last_lr]

    def __repr__(self):
        return f"{type(self).__name__}(base_lr={self.base_lr}, last_epoch={self.last_epoch})"


def _check_gamma(gamma, where):
    if isinstance(gamma, bool) or not isinstance(gamma, numbers.Real) or not gamma > 0:
        raise ValueError(f"{where}: gamma (the factor applied to the learning rate) must be a "
                         f"positive number, got {gamma!r}.")
    return float(gamma)


class StepLR(LRScheduler):
    r"""Multiply the learning rate by ``gamma`` every ``step_size`` epochs.

    $$\lambda_t = \lambda_0\, \gamma^{\lfloor t / \text{step\_size} \rfloor}.$$

    >>> import numpy as np, dlcore as dl
    >>> opt = dl.SGD([dl.Parameter(np.zeros(1))], lr=1.0)
    >>> scheduler = StepLR(opt, step_size=2, gamma=0.5)
    >>> rates = []
    >>> for epoch in range(5):
    ...     rates.append(scheduler.get_last_lr()[0])
    ...     scheduler.step()
    >>> rates
    [1.0, 1.0, 0.5, 0.5, 0.25]
    """

    def __init__(self, optimizer, step_size, gamma=0.1):
        self.step_size = check_positive_int(step_size, "step_size", "StepLR")
        self.gamma = _check_gamma(gamma, "StepLR")
        super().__init__(optimizer)

    def lr_at(self, t):
        return self.base_lr * self.gamma ** (t // self.step_size)


class ExponentialLR(LRScheduler):
    r"""Multiply the learning rate by ``gamma`` every epoch.

    $$\lambda_t = \lambda_0\, \gamma^{t}.$$

    >>> import numpy as np, dlcore as dl
    >>> opt = dl.SGD([dl.Parameter(np.zeros(1))], lr=0.8)
    >>> scheduler = ExponentialLR(opt, gamma=0.5)
    >>> scheduler.step(); scheduler.step()
    >>> scheduler.get_last_lr(), opt.lr
    ([0.2], 0.2)
    """

    def __init__(self, optimizer, gamma):
        self.gamma = _check_gamma(gamma, "ExponentialLR")
        super().__init__(optimizer)

    def lr_at(self, t):
        return self.base_lr * self.gamma ** t


class CosineAnnealingLR(LRScheduler):
    r"""Lower the learning rate from $\lambda_0$ to ``eta_min`` along half a cosine in ``T_max`` epochs.

    $$\lambda_t = \eta_{\min} + \tfrac{1}{2}(\lambda_0 - \eta_{\min})
    \left(1 + \cos\frac{\pi t}{T_{\max}}\right).$$

    At $t = T_{\max}$ the rate is $\eta_{\min}$. Past $T_{\max}$ the formula (like PyTorch's
    scheduler) rises again, with period $2 T_{\max}$: set ``T_max`` to the number of epochs.

    >>> import numpy as np, dlcore as dl
    >>> opt = dl.SGD([dl.Parameter(np.zeros(1))], lr=1.0)
    >>> scheduler = CosineAnnealingLR(opt, T_max=2)
    >>> scheduler.step(); round(opt.lr, 12)
    0.5
    >>> scheduler.step(); round(opt.lr, 12)
    0.0
    """

    def __init__(self, optimizer, T_max, eta_min=0):
        self.T_max = check_positive_int(T_max, "T_max", "CosineAnnealingLR")
        self.eta_min = check_nonnegative(eta_min, "eta_min", "CosineAnnealingLR")
        super().__init__(optimizer)

    def lr_at(self, t):
        cosine = 0.5 * (1 + math.cos(math.pi * t / self.T_max))
        return self.eta_min + (self.base_lr - self.eta_min) * cosine
