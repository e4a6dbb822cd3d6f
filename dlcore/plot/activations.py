"""Figures of chapter 4: what each hidden unit adds to a one-hidden-layer network's output."""
import numpy as np

from dlcore.plot.core import PALETTE


def _hidden_pieces(net, x, who):
    """Columns :math:`W^{[2]}_{1j}\\,\\varphi(W^{[1]}_{j1} x + b^{[1]}_j)`, one per hidden unit."""
    from dlcore.module import Sequential

    if not isinstance(net, Sequential) or len(net) != 3:
        raise ValueError(f"{who}: expected a network Sequential(Linear(1, n), activation, "
                         f"Linear(n, 1)), got {net!r}.")
    first, phi, last = net
    if first.weight.shape[1] != 1 or last.weight.shape[0] != 1:
        raise ValueError(f"{who}: expected one input and one output, got first layer "
                         f"{first.weight.shape} and last layer {last.weight.shape}.")
    x = np.asarray(x, dtype=first.weight.data.dtype).reshape(-1, 1)
    return x, phi(first(x)) * last.weight.data[0]


def plot_unit_contributions(ax, net, x, *, X_data=None, y_data=None, ylim=(-3, 3),
                            title=None):
    """Draw a 1 -> n -> 1 network's output over ``x`` and, thin, each hidden unit's share.

    The output is the sum of the shares plus :math:`b^{[2]}`. Optional samples
    ``(X_data, y_data)`` are drawn as dots. Returns the shares, shape (len(x), n).

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import dlcore as dl
    >>> net = dl.Sequential(dl.Linear(1, 3, rng=0), dl.Tanh(), dl.Linear(3, 1, rng=1))
    >>> fig, ax = plt.subplots()
    >>> x = np.linspace(-1, 1, 5, dtype=np.float32)
    >>> shares = plot_unit_contributions(ax, net, x)
    >>> bool(np.allclose(shares.sum(axis=1) + net[2].bias.data, net(x[:, None]).ravel()))
    True
    >>> plt.close(fig)
    """
    x, pieces = _hidden_pieces(net, x, "plot_unit_contributions")
    ax.plot(x, pieces, color=PALETTE[4], lw=0.8, alpha=0.6)
    if X_data is not None:
        ax.plot(X_data, y_data, "o", ms=3, color=PALETTE[7])
    ax.plot(x, net(x), color=PALETTE[3], lw=2.5)
    ax.set(ylim=ylim, xlabel="$x$", ylabel=r"$\hat y$")
    if title:
        ax.set_title(title)
    return pieces


def plot_hinge_build(fig, net, f, knots, x):
    """Build a ReLU interpolant of ``f`` one hinge at a time, and show the hinges alone.

    ``net`` is a 1 -> K -> 1 ReLU network whose unit k bends at ``knots[k]``. Panel k shows
    the output of units 0..k (plus the bias) over ``f`` (dashed); the last panel shows the K
    scaled hinges. Every panel has a y axis of its own, so no line is cut off. Returns the
    axes, a list of K + 1 panels.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import dlcore as dl
    >>> net = dl.Sequential(dl.Linear(1, 2, rng=0, dtype=np.float64), dl.ReLU(),
    ...                     dl.Linear(2, 1, rng=0, dtype=np.float64))
    >>> net[0].weight.data[:] = 1.0; net[0].bias.data[:] = [1.0, 0.0]
    >>> fig = plt.figure()
    >>> len(plot_hinge_build(fig, net, np.abs, [-1.0, 0.0, 1.0], np.linspace(-1, 1, 9)))
    3
    >>> plt.close(fig)
    """
    x, pieces = _hidden_pieces(net, x, "plot_hinge_build")
    K = pieces.shape[1]
    knots = np.asarray(knots, dtype=float)
    if len(knots) < K:
        raise ValueError(f"plot_hinge_build: {K} hidden units need at least {K} knots, "
                         f"got {len(knots)}.")
    bias = net[2].bias.data[0]
    cols = 3
    rows = -(-(K + 1) // cols)
    axes = [fig.add_subplot(rows, cols, k + 1) for k in range(K + 1)]
    target = f(x).ravel()
    for k, ax in enumerate(axes[:K]):
        partial = pieces[:, :k + 1].sum(axis=1) + bias
        ax.plot(x, target, color=PALETTE[7], ls="--", lw=1)
        ax.plot(x, partial, color=PALETTE[3], lw=2.5)
        ax.plot(knots, f(knots), "o", color=PALETTE[7], ms=5)
        ax.axvline(knots[k], color=PALETTE[0], lw=1, ls=":")  # the newest unit's bend
        # each panel fits its own curve: a partial sum runs on straight past the last knot
        low, high = min(target.min(), partial.min()), max(target.max(), partial.max())
        margin = 0.08 * (high - low)
        ax.set(title="unit 0" if k == 0 else f"units 0 to {k}",
               ylim=(low - margin, high + margin))
    hinges = axes[K]
    hinges.plot(x, pieces, lw=1.5)
    span = pieces.max() - pieces.min()
    hinges.set_ylim(pieces.min() - 0.05 * span, pieces.max() + 0.05 * span)
    hinges.set_title(f"the {K} hinges, scaled (own y axis)")
    for k, ax in enumerate(axes):
        if k >= len(axes) - cols:
            ax.set_xlabel("$x$")
        if k % cols == 0:
            ax.set_ylabel(r"$\hat y$")
    return axes


def plot_preactivations(ax, Z, *, rng=1):
    """Scatter each unit's pre-activations over a data set, units whose z < 0 on all data red.

    ``Z`` has shape (N, units); points are jittered sideways (seeded) so that they do not
    overlap. Returns the boolean mask of such dead units.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> plot_preactivations(ax, np.array([[-1.0, 2.0], [-3.0, -1.0]])).tolist()
    [True, False]
    >>> plt.close(fig)
    """
    Z = np.asarray(Z)
    if Z.ndim != 2:
        raise ValueError(f"plot_preactivations: expected Z of shape (N, units), got {Z.shape}.")
    jitter = np.random.default_rng(rng).uniform(-0.25, 0.25, len(Z))
    dead = (Z < 0).all(axis=0)
    for j in range(Z.shape[1]):
        style = dict(color=PALETTE[3], marker="s") if dead[j] else dict(color=PALETTE[0])
        ax.scatter(j + jitter, Z[:, j], s=4, alpha=0.5, **style)
    ax.scatter([], [], s=20, color=PALETTE[3], marker="s", label="dead: $z < 0$ on all data")
    ax.scatter([], [], s=20, color=PALETTE[0], marker="o", label="alive")
    ax.axhline(0, color=PALETTE[7], lw=1)
    ax.set_xticks(range(Z.shape[1]))
    ax.set(xlabel="hidden unit $j$", ylabel="pre-activation $z_j$ over the data")
    return dead
