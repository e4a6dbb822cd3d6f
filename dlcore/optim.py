r"""Optimizers: SGD (with momentum and Nesterov), RMSprop and Adam, with torch.optim's exact
update rules and defaults. Arguments after the
first few are keyword-only, because dlcore leaves out some of torch's (SGD's dampening,
RMSprop's centered) and positional arguments would otherwise land in the wrong place.

Each works on any list of :class:`~dlcore.Parameter` -- a network's ``model.parameters()`` or a
single 2-vector that the book descends on $f(x, y) = x^2 + y^2$. ``step()`` uses each parameter's
``.grad``; parameters with no gradient since ``zero_grad()`` are skipped, as PyTorch skips those
whose ``.grad`` is None.

In every rule below, g is the gradient plus ``weight_decay`` * theta (L2 regularisation, as in
torch.optim: the decay is added to the gradient, not applied to the weights separately).
"""
import numpy as np

from dlcore._checks import check_nonnegative, check_unit_interval
from dlcore.parameter import Parameter


def _buffer(state, name, p):
    """A scratch array shaped like ``p``, allocated on the first step and reused after.

    The updates below write every intermediate into such buffers (``out=``, in-place operators)
    instead of building temporaries like ``lr * g``: the arithmetic, and its rounding, is the
    plain formula's, without allocating megabytes per step for a large layer. A test checks the
    result equals the plain formula.
    """
    buf = state.get(name)
    if buf is None or buf.dtype != p.data.dtype:
        buf = state[name] = np.empty_like(p.data)
    return buf


class Optimizer:
    """Holds the parameters and their per-parameter state."""

    def __init__(self, params, lr, weight_decay):
        name = type(self).__name__
        self.params = list(params)
        if not self.params:
            raise ValueError(f"{name} got an empty parameter list: pass model.parameters().")
        for i, p in enumerate(self.params):
            if not isinstance(p, Parameter):
                raise TypeError(f"{name}: parameter {i} is a {type(p).__name__}, not a dlcore.Parameter.")
        self.lr = check_nonnegative(lr, "lr (the learning rate)", name)
        self.weight_decay = check_nonnegative(weight_decay, "weight_decay", name)
        self.state = [dict() for _ in self.params]

    def zero_grad(self):
        for p in self.params:
            p.zero_grad()

    def _gradient(self, p, state):
        """g = dL/dtheta + weight_decay * theta (written into a buffer kept in ``state``)."""
        if self.weight_decay:
            g = _buffer(state, "decayed_grad", p)
            np.multiply(p.data, self.weight_decay, out=g)
            g += p.grad
            return g
        return p.grad

    def step(self):
        for p, state in zip(self.params, self.state):
            if p.has_grad:
                self._update(p, state)

    def __repr__(self):
        return f"{type(self).__name__}(lr={self.lr})"


class SGD(Optimizer):
    r"""Stochastic gradient descent, optionally with momentum:

    $v \leftarrow \mu v + g$ (with $v = g$ on the first step), then $\theta \leftarrow \theta - \lambda v$,
    or with Nesterov's look-ahead $\theta \leftarrow \theta - \lambda (g + \mu v)$.
    Without momentum ($\mu = 0$): $\theta \leftarrow \theta - \lambda g$.

    >>> theta = Parameter(np.array([1.0, 1.0]))
    >>> opt = SGD([theta], lr=0.1)
    >>> theta.grad = 2 * theta.data        # gradient of x^2 + y^2
    >>> opt.step(); theta.data
    array([0.8, 0.8])
    """

    def __init__(self, params, lr=0.001, momentum=0, *, weight_decay=0, nesterov=False):
        super().__init__(params, lr, weight_decay)
        self.momentum = check_nonnegative(momentum, "momentum", "SGD")
        if nesterov and self.momentum == 0:
            raise ValueError("SGD: Nesterov momentum needs momentum > 0.")
        self.nesterov = bool(nesterov)

    def _update(self, p, state):
        g = self._gradient(p, state)
        if self.momentum:
            v = state.get("velocity")
            if v is None:
                v = state["velocity"] = np.array(g, copy=True)
            else:
                v *= self.momentum
                v += g
            if self.nesterov:                       # g + momentum * v
                look_ahead = _buffer(state, "look_ahead", p)
                np.multiply(v, self.momentum, out=look_ahead)
                look_ahead += g
                g = look_ahead
            else:
                g = v
        step = _buffer(state, "step_buffer", p)     # theta -= lr * g
        np.multiply(g, self.lr, out=step)
        p.data -= step


class RMSprop(Optimizer):
    r"""RMSprop: divide each gradient component by a running root-mean-square of its history.

    $s \leftarrow \alpha s + (1 - \alpha) g^2$, then $\theta \leftarrow \theta - \lambda\, g / (\sqrt{s} + \epsilon)$.
    With momentum $\mu$: $b \leftarrow \mu b + g/(\sqrt{s}+\epsilon)$, $\theta \leftarrow \theta - \lambda b$.
    Components with large, noisy gradients take smaller steps; flat directions take larger ones.
    """

    def __init__(self, params, lr=0.01, alpha=0.99, eps=1e-8, *, momentum=0, weight_decay=0):
        super().__init__(params, lr, weight_decay)
        self.alpha = check_unit_interval(alpha, "alpha", "RMSprop", closed_right=True)
        self.eps = check_nonnegative(eps, "eps", "RMSprop")
        self.momentum = check_nonnegative(momentum, "momentum", "RMSprop")

    def _update(self, p, state):
        g = self._gradient(p, state)
        if "square_avg" not in state:
            state["square_avg"] = np.zeros_like(p.data)
            if self.momentum:
                state["buffer"] = np.zeros_like(p.data)
        s = state["square_avg"]
        work = _buffer(state, "work", p)
        s *= self.alpha                             # s = alpha s + (1 - alpha) g^2
        np.multiply(g, 1 - self.alpha, out=work)
        work *= g
        s += work
        scaled = _buffer(state, "scaled", p)        # g / (sqrt(s) + eps)
        np.sqrt(s, out=scaled)
        scaled += self.eps
        np.divide(g, scaled, out=scaled)
        if self.momentum:
            b = state["buffer"]
            b *= self.momentum
            b += scaled
            scaled = b
        np.multiply(scaled, self.lr, out=work)      # theta -= lr * scaled
        p.data -= work


class Adam(Optimizer):
    r"""Adam: momentum (a running mean of g) with RMSprop's scaling (a running mean of g²), both
    corrected for starting at zero.

    At step t = 1, 2, ...:

    $m \leftarrow \beta_1 m + (1-\beta_1) g$,  $v \leftarrow \beta_2 v + (1-\beta_2) g^2$,
    $\hat m = m / (1-\beta_1^t)$,  $\hat v = v / (1-\beta_2^t)$,
    $\theta \leftarrow \theta - \lambda\, \hat m / (\sqrt{\hat v} + \epsilon)$.

    The step counter t of a parameter counts the steps that updated it: it grows by one per call
    to ``step()``, not once per parameter within a step (a bug that did the latter is a famous one).
    Both moments start at 0: after one step m = (1 - beta1) g and v = (1 - beta2) g², so without
    the correction the first step would be (1 - beta1) / sqrt(1 - beta2) ≈ 3.16 times the
    corrected one, lambda sign(g), with the default betas: too large, not too small.
    """

    def __init__(self, params, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0):
        super().__init__(params, lr, weight_decay)
        try:
            beta1, beta2 = betas
        except (TypeError, ValueError):
            raise ValueError(f"Adam: betas must be a pair (beta1, beta2), got {betas!r}.") from None
        self.betas = (check_unit_interval(beta1, "beta1", "Adam"),
                      check_unit_interval(beta2, "beta2", "Adam"))
        self.eps = check_nonnegative(eps, "eps", "Adam")

    def _update(self, p, state):
        g = self._gradient(p, state)
        beta1, beta2 = self.betas
        if "step" not in state:
            state["step"] = 0
            state["m"] = np.zeros_like(p.data)
            state["v"] = np.zeros_like(p.data)
        state["step"] += 1
        t, m, v = state["step"], state["m"], state["v"]
        work = _buffer(state, "work", p)
        m *= beta1                                  # m = beta1 m + (1 - beta1) g
        np.multiply(g, 1 - beta1, out=work)
        m += work
        v *= beta2                                  # v = beta2 v + (1 - beta2) g^2
        np.multiply(g, g, out=work)
        work *= 1 - beta2
        v += work
        bias_correction1 = 1 - beta1 ** t
        bias_correction2 = 1 - beta2 ** t
        # theta -= lr * m_hat / (sqrt(v_hat) + eps), the corrections folded into
        # scalars in the same order as torch.optim.Adam.
        np.sqrt(v, out=work)                        # denominator sqrt(v) / sqrt(bc2) + eps
        work /= np.sqrt(bias_correction2)
        work += self.eps
        np.divide(m, work, out=work)
        work *= self.lr / bias_correction1
        p.data -= work
