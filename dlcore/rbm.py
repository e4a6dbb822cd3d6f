r"""RBM: a restricted Boltzmann machine with binary units, trained by contrastive divergence.

A restricted Boltzmann machine (Smolensky's *harmonium*, 1986) has $n_v$ visible units
$v \in \{0, 1\}^{n_v}$, which hold the data, and $n_h$ hidden units $h \in \{0, 1\}^{n_h}$, which
are not observed. Every visible unit is connected to every hidden unit and there are no
connections inside a layer (a bipartite graph). Its energy and probability are

$$E(v, h) = -b^\top v - c^\top h - h^\top W v, \qquad p(v, h) = \frac{e^{-E(v, h)}}{Z},$$

with $W$ of shape $(n_h, n_v)$ (the book's (units_out, units_in), as in ``Linear``), $b$ the
visible biases $(n_v,)$ and $c$ the hidden biases $(n_h,)$. Because no two hidden units touch,
they are independent given $v$, and each is a sigmoid of its input (and the same for $v$ given $h$):

$$p(h_j = 1 \mid v) = \sigma\big((W v)_j + c_j\big), \qquad
  p(v_i = 1 \mid h) = \sigma\big((W^\top h)_i + b_i\big).$$

One CD-1 step (Hinton 2002; the variant of Hinton's practical guide, 2010) on a batch $V_0$ of
$N$ rows, with uniform numbers $u_h$ and $u_v$:

1. $P_0 = p(h = 1 \mid V_0)$ and the sample $H_0 = [u_h < P_0]$;
2. the reconstruction $V_1 = [u_v < p(v = 1 \mid H_0)]$, a sample;
3. $P_1 = p(h = 1 \mid V_1)$, probabilities (no sample);
4. $W \leftarrow W + \frac{\lambda}{N}(P_0^\top V_0 - P_1^\top V_1)$,
   $b \leftarrow b + \frac{\lambda}{N}\sum_n (V_0 - V_1)_n$,
   $c \leftarrow c + \frac{\lambda}{N}\sum_n (P_0 - P_1)_n$.

The positive phase $P_0^\top V_0$ uses probabilities, not the sample $H_0$: same expectation,
less noise. CD-1 follows an approximation of the gradient of the log-likelihood, not the
gradient itself: the negative phase should be an average under the model, and one Gibbs step
from the data only starts towards it.

Shapes: a batch of visible vectors is $(N, n_v)$, of hidden vectors $(N, n_h)$; a single vector
of shape $(n_v,)$ or $(n_h,)$ is accepted too and gives 1-D (or scalar) results.

>>> rbm = RBM(4, 2, rng=0)
>>> rbm.W.shape, rbm.b.shape, rbm.c.shape
((2, 4), (4,), (2,))
>>> rbm.W[:] = [[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, -1.0]]
>>> v, h = np.array([1.0, 0.0, 0.0, 1.0]), np.array([1.0, 1.0])
>>> float(rbm.energy(v, h))                         # -(h^T W v) = -(1 - 1)
0.0
>>> np.round(rbm.p_h_given_v(v), 4)                 # sigma(1), sigma(-1)
array([0.7311, 0.2689])
"""
import numbers

import numpy as np

from dlcore._checks import check_positive_int
from dlcore.functional import sigmoid

_WHERE = "RBM"
MAX_ENUMERATION = 20     # exact log Z enumerates 2^min(n_v, n_h) states: at most about a million


def _softplus(x):
    """log(1 + e^x) without overflow for large x."""
    return np.logaddexp(0.0, x)


class RBM:
    """A restricted Boltzmann machine with binary visible and hidden units.

    Args:
        n_visible, n_hidden: the sizes $n_v$ and $n_h$ of the two layers.
        rng: a ``numpy.random.Generator`` or a seed. It draws the initial weights
            ($\\mathcal{N}(0, \\text{init\\_std}^2)$, biases zero) and, later, every uniform
            number that sampling needs when none are passed in.
        init_std: standard deviation of the initial weights (0.01, as Hinton's guide suggests).
        dtype: floating type of the parameters; inputs are converted to it.

    Attributes ``W`` $(n_h, n_v)$, ``b`` $(n_v,)$ and ``c`` $(n_h,)$ are plain arrays: an RBM is
    trained by contrastive divergence, not by backpropagation, so it is not a ``Module``.
    """

    def __init__(self, n_visible, n_hidden, *, rng=None, init_std=0.01, dtype=np.float64):
        self.n_visible = check_positive_int(n_visible, "n_visible", _WHERE)
        self.n_hidden = check_positive_int(n_hidden, "n_hidden", _WHERE)
        if isinstance(init_std, bool) or not isinstance(init_std, numbers.Real) or not init_std >= 0:
            raise ValueError(f"RBM: init_std must be a non-negative number, got {init_std!r}.")
        self.dtype = np.dtype(dtype)
        if self.dtype.kind != "f":
            raise TypeError(f"RBM: dtype must be a floating type such as np.float64, got {self.dtype}.")
        self.rng = np.random.default_rng(rng)
        self.W = (init_std * self.rng.standard_normal((self.n_hidden, self.n_visible))).astype(self.dtype)
        self.b = np.zeros(self.n_visible, dtype=self.dtype)
        self.c = np.zeros(self.n_hidden, dtype=self.dtype)

    def __repr__(self):
        return f"RBM(n_visible={self.n_visible}, n_hidden={self.n_hidden})"

    # ------------------------------------------------------------------ input checks
    def _units(self, x, size, name):
        """``x`` as a 2-D float array (N, size) of values in [0, 1], and whether it was 1-D."""
        x = np.asarray(x)
        if x.dtype.kind not in "biuf":
            raise TypeError(f"RBM expected {name} to hold numbers, got dtype {x.dtype}.")
        single = x.ndim == 1
        if x.ndim not in (1, 2) or x.shape[-1] != size:
            raise ValueError(
                f"RBM expected {name} of shape (N, {size}) or ({size},), got {x.shape}.")
        x = np.asarray(x, dtype=self.dtype).reshape(-1, size)
        if not np.isfinite(x).all() or x.min(initial=0.0) < 0 or x.max(initial=0.0) > 1:
            raise ValueError(
                f"RBM expected {name} to be binary (0/1) or probabilities in [0, 1]; "
                f"got values from {np.nanmin(x)} to {np.nanmax(x)}.")
        return x, single

    def _uniform(self, u, shape, name):
        """The uniform numbers for sampling: ``u`` if given (checked), else fresh draws."""
        if u is None:
            return self.rng.random(shape)
        u = np.asarray(u, dtype=np.float64)
        if u.shape != tuple(shape):
            raise ValueError(f"RBM expected {name} of shape {tuple(shape)}, got {u.shape}.")
        if not np.isfinite(u).all() or u.min(initial=0.0) < 0 or u.max(initial=0.0) >= 1:
            raise ValueError(f"RBM expected {name} to be uniform numbers in [0, 1).")
        return u

    @staticmethod
    def _out(x, single):
        return x[0] if single else x

    # ------------------------------------------------------------------ energy and probabilities
    def energy(self, v, h):
        r"""$E(v, h) = -b^\top v - c^\top h - h^\top W v$: shape (N,), or a scalar for 1-D input."""
        V, single_v = self._units(v, self.n_visible, "v")
        H, single_h = self._units(h, self.n_hidden, "h")
        if len(V) != len(H):
            raise ValueError(f"RBM.energy got {len(V)} visible and {len(H)} hidden vectors.")
        E = -V @ self.b - H @ self.c - np.sum((H @ self.W) * V, axis=1)       # (N,)
        return self._out(E, single_v and single_h)

    def free_energy(self, v):
        r"""$F(v) = -b^\top v - \sum_j \log(1 + e^{(W v)_j + c_j})$, so that
        $p(v) = e^{-F(v)}/Z$: the energy with the hidden units summed out. Shape (N,)."""
        V, single = self._units(v, self.n_visible, "v")
        F = -V @ self.b - _softplus(V @ self.W.T + self.c).sum(axis=1)
        return self._out(F, single)

    def p_h_given_v(self, v):
        r"""$p(h_j = 1 \mid v) = \sigma((W v)_j + c_j)$ for every $j$: shape (N, n_h)."""
        V, single = self._units(v, self.n_visible, "v")
        return self._out(sigmoid(V @ self.W.T + self.c), single)             # (N, n_h)

    def p_v_given_h(self, h):
        r"""$p(v_i = 1 \mid h) = \sigma((W^\top h)_i + b_i)$ for every $i$: shape (N, n_v)."""
        H, single = self._units(h, self.n_hidden, "h")
        return self._out(sigmoid(H @ self.W + self.b), single)               # (N, n_v)

    def sample_h(self, v, *, u=None):
        """A sample of the hidden units given ``v``: $h_j = 1$ where $u_j < p(h_j = 1 \\mid v)$.

        ``u`` (same shape as the result) fixes the uniform numbers; by default they are drawn
        from the RBM's generator."""
        p = self.p_h_given_v(v)
        return (self._uniform(u, np.shape(p), "u") < p).astype(self.dtype)

    def sample_v(self, h, *, u=None):
        """A sample of the visible units given ``h``: $v_i = 1$ where $u_i < p(v_i = 1 \\mid h)$."""
        p = self.p_v_given_h(h)
        return (self._uniform(u, np.shape(p), "u") < p).astype(self.dtype)

    def reconstruct(self, v):
        r"""The deterministic reconstruction $p(v = 1 \mid h)$ at $h = p(h = 1 \mid v)$: (N, n_v)."""
        return self.p_v_given_h(self.p_h_given_v(v))

    def reconstruction_error(self, v):
        """Mean squared difference between ``v`` and ``reconstruct(v)``, over all entries.

        A rough, cheap progress measure; it is not what CD-1 optimizes, nor the likelihood."""
        V, _ = self._units(v, self.n_visible, "v")
        return float(np.mean((V - self.reconstruct(V)) ** 2))

    # ------------------------------------------------------------------ training
    def cd1_step(self, v, lr, *, u_h=None, u_v=None):
        r"""One CD-1 update of ``W``, ``b`` and ``c`` on the batch ``v`` (see the module docstring).

        Args:
            v: a batch $V_0$ of shape (N, n_v) (or one vector of shape (n_v,)).
            lr: the learning rate $\lambda > 0$.
            u_h, u_v: uniform numbers in [0, 1) of shapes (N, n_h) and (N, n_v) that sample
                $H_0$ and $V_1$; by default drawn from the RBM's generator.

        Returns:
            The reconstruction error of the batch before the update, mean of $(V_0 - V_1)^2$.

        Raises:
            FloatingPointError (``dl.TrainingDivergedError``) when a parameter becomes NaN or
            infinite, typically because ``lr`` is too large.
        """
        from dlcore.training import TrainingDivergedError

        if isinstance(lr, bool) or not isinstance(lr, numbers.Real) or not lr > 0:
            raise ValueError(f"RBM.cd1_step: lr must be a positive number, got {lr!r}.")
        V0, _ = self._units(v, self.n_visible, "v")
        N = len(V0)
        P0 = self.p_h_given_v(V0)                                            # (N, n_h)
        H0 = (self._uniform(u_h, P0.shape, "u_h") < P0).astype(self.dtype)
        PV1 = self.p_v_given_h(H0)                                           # (N, n_v)
        V1 = (self._uniform(u_v, PV1.shape, "u_v") < PV1).astype(self.dtype)
        P1 = self.p_h_given_v(V1)                                            # (N, n_h)
        self.W += lr / N * (P0.T @ V0 - P1.T @ V1)                           # (n_h, n_v)
        self.b += lr / N * (V0 - V1).sum(axis=0)
        self.c += lr / N * (P0 - P1).sum(axis=0)
        if not (np.isfinite(self.W).all() and np.isfinite(self.b).all()
                and np.isfinite(self.c).all()):
            raise TrainingDivergedError(
                f"RBM.cd1_step: the parameters became NaN or infinite with lr = {lr}; "
                f"use a smaller learning rate.")
        return float(np.mean((V0 - V1) ** 2))

    def fit(self, v, *, epochs, lr, batch_size=10, rng=None):
        """Train with CD-1 for ``epochs`` passes over ``v`` (N, n_v) in shuffled mini-batches.

        ``rng`` (a generator or a seed) shuffles; sampling uses the RBM's own generator.
        Returns the list of per-epoch mean CD-1 reconstruction errors."""
        V, _ = self._units(v, self.n_visible, "v")
        epochs = check_positive_int(epochs, "epochs", "RBM.fit")
        batch_size = check_positive_int(batch_size, "batch_size", "RBM.fit")
        shuffle = np.random.default_rng(rng)
        errors = []
        for _ in range(epochs):
            order = shuffle.permutation(len(V))
            batch_errors = [self.cd1_step(V[order[i:i + batch_size]], lr)
                            for i in range(0, len(V), batch_size)]
            errors.append(float(np.mean(batch_errors)))
        return errors

    # ------------------------------------------------------------------ exact likelihood (tiny RBMs)
    def log_partition(self):
        r"""$\log Z$ by exact enumeration of the smaller layer ($2^{\min(n_v, n_h)}$ states).

        Summing out the other layer in closed form (softplus terms) keeps this exact; it
        refuses RBMs whose smaller layer has more than 20 units."""
        from itertools import product

        small = min(self.n_visible, self.n_hidden)
        if small > MAX_ENUMERATION:
            raise ValueError(
                f"RBM.log_partition enumerates 2^{small} states; it is limited to layers of at "
                f"most {MAX_ENUMERATION} units.")
        states = np.array(list(product([0.0, 1.0], repeat=small)), dtype=self.dtype)
        if self.n_hidden <= self.n_visible:          # sum over h exactly, v in closed form
            terms = states @ self.c + _softplus(states @ self.W + self.b).sum(axis=1)
        else:
            terms = -self.free_energy(states)
        return float(np.logaddexp.reduce(terms))

    def log_likelihood_gradient(self, v):
        r"""The exact gradient of ``log_likelihood(v)``: arrays (dW, db, dc) shaped like W, b, c.

        $\partial/\partial W = \frac1N P_0^\top V - \mathbb{E}_{p(v, h)}[h v^\top]$ with
        $P_0 = p(h = 1 \mid V)$ (and likewise the mean of $V$ minus $\mathbb{E}[v]$ for b, the
        mean of $P_0$ minus $\mathbb{E}[h]$ for c). The model averages are computed by
        enumerating the smaller layer (tiny RBMs only)."""
        from itertools import product

        V, _ = self._units(v, self.n_visible, "v")
        small = min(self.n_visible, self.n_hidden)
        if small > MAX_ENUMERATION:
            raise ValueError(
                f"RBM.log_likelihood_gradient enumerates 2^{small} states; it is limited to "
                f"layers of at most {MAX_ENUMERATION} units.")
        states = np.array(list(product([0.0, 1.0], repeat=small)), dtype=self.dtype)
        if self.n_hidden <= self.n_visible:          # states are h; v averaged in closed form
            log_p = states @ self.c + _softplus(states @ self.W + self.b).sum(axis=1)
            p = np.exp(log_p - np.logaddexp.reduce(log_p))                   # p(h)
            H_mean, V_mean = states, sigmoid(states @ self.W + self.b)       # E[v | h]
        else:                                        # states are v; h averaged in closed form
            log_p = -self.free_energy(states)
            p = np.exp(log_p - np.logaddexp.reduce(log_p))                   # p(v)
            H_mean, V_mean = sigmoid(states @ self.W.T + self.c), states     # E[h | v]
        P0 = self.p_h_given_v(V)                                             # (N, n_h)
        dW = P0.T @ V / len(V) - (p[:, None] * H_mean).T @ V_mean
        db = V.mean(axis=0) - p @ V_mean
        dc = P0.mean(axis=0) - p @ H_mean
        return dW, db, dc

    def log_likelihood(self, v):
        r"""Mean of $\log p(v) = -F(v) - \log Z$ over the rows of ``v``, exact (tiny RBMs only)."""
        return float(np.mean(-self.free_energy(v)) - self.log_partition())
