"""Figures of chapter 6: a gradient on a bowl, gradient descent's distance per step and its
paths, and the error of one-sided and central differences against the step h."""
import numpy as np

from dlcore.plot.core import PALETTE, plot_contours


def _bowl(x, y):
    return x ** 2 + y ** 2


def plot_bowl(fig, point=(1.0, 1.0), *, levels=(0.25, 0.5, 1, 2, 3, 4, 6)):
    """Two panels of :math:`f(x, y) = x^2 + y^2`: its surface (left) and its contours seen
    from above (right) with the gradient :math:`\\nabla f = (2x, 2y)` at ``point`` drawn at a
    quarter of its length. Returns the two axes."""
    point = np.asarray(point, dtype=float)
    if point.shape != (2,):
        raise ValueError(f"plot_bowl: point must have shape (2,), got {point.shape}.")
    xs = np.linspace(-2, 2, 81)
    X, Y = np.meshgrid(xs, xs)
    ax3d = fig.add_subplot(1, 2, 1, projection="3d")
    ax3d.plot_surface(X, Y, _bowl(X, Y), cmap="cividis", linewidth=0, alpha=0.9)
    ax3d.scatter(*point, [_bowl(*point)], color=PALETTE[3], s=80, depthshade=False, zorder=5)
    ax3d.set(xlabel="$x$", ylabel="$y$", zlabel="$f(x, y)$", title="surface of $x^2 + y^2$")
    ax = fig.add_subplot(1, 2, 2)
    plot_contours(_bowl, ax, levels=list(levels))
    arrow = 2 * point / 4
    ax.quiver(*point, *arrow, angles="xy", scale_units="xy", scale=1, color=PALETTE[3],
              width=0.012, label=rf"$\nabla f({point[0]:g}, {point[1]:g})$, drawn at 1/4 length")
    ax.plot(*point, "o", color=PALETTE[3])
    ax.set_title("contours, seen from above")
    ax.legend(loc="lower left")
    return ax3d, ax


def plot_distances(runs, ax):
    """Distance to the minimum of :math:`x^2 + y^2` per step, on a log scale: markers for the
    measured paths (``runs`` maps a learning rate to a (steps + 1, 2) path), lines for the
    prediction :math:`|1 - 2\\lambda|^t \\|\\theta_0\\|`. Overshooting runs get crosses.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> path = np.array([[1.0, 0.0], [0.5, 0.0], [0.25, 0.0]])
    >>> len(plot_distances({0.25: path}, ax).get_lines())
    2
    >>> plt.close(fig)
    """
    for colour, (lr, path) in zip(PALETTE, runs.items()):
        path = np.asarray(path, dtype=float)
        dist = np.linalg.norm(path, axis=1)
        steps = np.arange(len(path))
        marker = "o" if lr < 0.5 else "x"
        ax.semilogy(steps, dist, marker, color=colour, ms=7, mew=2, label=rf"$\lambda = {lr}$")
        ax.semilogy(steps, abs(1 - 2 * lr) ** steps * dist[0], "-", color=colour, lw=1,
                    alpha=0.7)
    ax.set(xlabel="step $t$", ylabel=r"distance to the minimum $\|\theta_t\|$ (log scale)")
    ax.legend(ncol=2, fontsize=9, title_fontsize=9,
              title=r"markers: dl.SGD; lines: $|1-2\lambda|^t \|\theta_0\|$")
    return ax


def plot_difference_errors(hs, err_one, err_central, ax, *, h_default=1e-5):
    """Absolute error of the one-sided and central differences of :math:`e^x` at
    :math:`x = 1` against the step ``h`` (log-log), with the predicted truncation errors
    :math:`e h / 2` and :math:`e h^2 / 6`, the rounding error :math:`10^{-16} e / h`, and
    dlcore's default step."""
    hs = np.asarray(hs, dtype=float)
    if not (len(hs) == len(err_one) == len(err_central)):
        raise ValueError(f"plot_difference_errors: hs, err_one and err_central must have the "
                         f"same length, got {len(hs)}, {len(err_one)}, {len(err_central)}.")
    ax.loglog(hs, err_one, "o-", color=PALETTE[1], ms=3, label="one-sided $(f(x+h)-f(x))/h$")
    ax.loglog(hs, err_central, "s-", color=PALETTE[0], ms=3,
              label="central $(f(x+h)-f(x-h))/2h$")
    ax.loglog(hs, np.e * hs / 2, ":", color=PALETTE[1], label=r"$e\,h/2$ (slope 1)")
    ax.loglog(hs, np.e * hs ** 2 / 6, ":", color=PALETTE[0], label=r"$e\,h^2/6$ (slope 2)")
    ax.loglog(hs, 1e-16 * np.e / hs, "--", color=PALETTE[7], lw=1,
              label=r"rounding $\approx 10^{-16} e / h$")
    ax.axvline(h_default, color=PALETTE[2], lw=1,
               label=f"dlcore's default $h = 10^{{{np.log10(h_default):.0f}}}$")
    ax.set(xlabel="step $h$", ylabel="absolute error of the slope of $e^x$ at $x=1$",
           ylim=(1e-13, 1))
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


def plot_descent_1d(q, paths, axes, *, every=5, first=60, xlim=(-2.1, 2.1), ylim=(-4.5, 8)):
    """Gradient descent on a curve ``q`` from several starts (``paths`` maps a start to the
    visited points): every ``every``-th step on the curve (left) and :math:`q(x_t)` over the
    first ``first`` steps (right)."""
    left, right = axes
    grid = np.linspace(*xlim, 300)
    left.plot(grid, q(grid), color=PALETTE[7], lw=1.5)
    for colour, (x0, run) in zip(PALETTE, paths.items()):
        run = np.asarray(run, dtype=float)
        left.plot(run[::every], q(run[::every]), "o", color=colour, ms=4, alpha=0.8,
                  label=f"start {x0:+.1f}")
        right.plot(q(run[:first + 1]), color=colour, label=f"start {x0:+.1f}")
    left.set(xlabel="$x$", ylabel="$q(x)$", ylim=ylim, title=f"every {every}th step on the curve")
    right.set(xlabel="step", ylabel="$q(x_t)$", ylim=ylim,
              title=f"loss during the first {first} steps")
    left.legend(fontsize=8)
    return left, right


def plot_descent_path(ax, f, path, lr, *, levels=None, xlim=(-2.2, 2.2), ylim=(-1.6, 1.6),
                      limit=2.5):
    """A gradient-descent ``path`` of learning rate ``lr`` on the contours of ``f(x, y)``.

    The path is cut at the first point outside :math:`|x|, |y| \\le` ``limit`` (a diverging
    run), and the title says so. The start is the square. Returns the path as drawn.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> path = np.array([[0.5, 0.5], [-1.0, 1.0], [3.0, 0.0], [9.0, 0.0]])
    >>> len(plot_descent_path(ax, lambda x, y: x**2 + y**2, path, 0.3)), "diverged" in ax.get_title()
    (3, True)
    >>> plt.close(fig)
    """
    path = np.asarray(path, dtype=float)
    if path.ndim != 2 or path.shape[1] != 2:
        raise ValueError(f"plot_descent_path: path must have shape (steps + 1, 2), "
                         f"got {path.shape}.")
    with np.errstate(invalid="ignore"):
        out = np.flatnonzero(~(np.abs(path).max(axis=1) <= limit))
    path = path[: out[0] + 1] if out.size else path
    plot_contours(f, ax, xlim=xlim, ylim=ylim, levels=20 if levels is None else levels,
                  resolution=120)
    ax.plot(path[:, 0], path[:, 1], "o-", color=PALETTE[3], ms=3, lw=1)
    ax.plot(*path[0], "s", color=PALETTE[7], ms=6)
    ax.set(xlim=xlim, ylim=ylim)
    x0, y0 = path[0]
    ax.set_title(rf"start ({x0:g}, {y0:g}), $\lambda$ = {lr:g}"
                 + (": diverged" if out.size else ""), fontsize=9)
    return path
