"""Figures of chapter 7: a computational graph with its forward values and gradients, the cost
of backpropagation against central differences, a gradient check in two precisions, and
gradient norms per layer."""
import numpy as np

from dlcore.plot.core import PALETTE


def plot_graph(nodes, edges, ax):
    """A computational graph: ``nodes`` maps a label to ``(x, y, symbol, value, grad)``, the
    forward value drawn above the box (blue) and :math:`\\partial L/\\partial` symbol below it
    (vermillion, omitted when ``grad`` is None); ``edges`` are ``(from, to)`` label pairs.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> nodes = {"x": (0, 0, "x", 2.0, None), "L = x²": (2, 0, "L", 4.0, 1.0)}
    >>> [t.get_text() for t in plot_graph(nodes, [("x", "L = x²")], ax).texts][1:]
    ['x', 'x = 2.0000', 'L = x²', 'L = 4.0000', '∂L/∂L = 1.0000']
    >>> plt.close(fig)
    """
    for start, end in edges:
        if start not in nodes or end not in nodes:
            raise ValueError(f"plot_graph: edge ({start!r}, {end!r}) names a node that is not "
                             f"in nodes {list(nodes)}.")
        (x0, y0, *_), (x1, y1, *_) = nodes[start], nodes[end]
        ax.annotate("", xy=(x1 - 0.75, y1), xytext=(x0 + 0.3, y0),
                    arrowprops=dict(arrowstyle="->", color="0.4", lw=1.5))
    for name, (px, py, symbol, value, grad) in nodes.items():
        ax.text(px, py, name, ha="center", va="center", fontsize=11,
                bbox=dict(boxstyle="round,pad=0.4", fc="white", ec=PALETTE[0], lw=1.5))
        ax.text(px, py + 0.45, f"{symbol} = {value:.4f}", ha="center", color=PALETTE[0],
                fontsize=10)
        if grad is not None:
            ax.text(px, py - 0.6, f"∂L/∂{symbol} = {grad:.4f}", ha="center", color=PALETTE[3],
                    fontsize=10)
    xs = [n[0] for n in nodes.values()]
    ys = [n[1] for n in nodes.values()]
    ax.set_xlim(min(xs) - 0.9, max(xs) + 0.9)
    ax.set_ylim(min(ys) - 0.9, max(ys) + 0.7)
    ax.axis("off")
    return ax


def plot_gradient_cost(P, backprop, numeric, ax):
    """Multiplications for one full gradient against the number of parameters ``P`` (log-log):
    backpropagation against central differences."""
    ax.loglog(P, backprop, "o-", color=PALETTE[0], label="backpropagation (≈ 3 forward passes)")
    ax.loglog(P, numeric, "s-", color=PALETTE[3],
              label="central differences (2P forward passes)")
    ax.set(xlabel="number of parameters P", ylabel="multiplications for one full gradient",
           title="Backpropagation grows like P, finite differences like P²")
    ax.legend()
    return ax


def plot_check_by_step(steps, errors, ax, *, passes=1e-7, bug=1e-3, h=1e-5):
    """Relative error of a gradient check against the step ``h`` of the central difference,
    one line per precision (``errors`` maps a dtype name to the errors), with the book's rule:
    below ``passes`` a pass, above ``bug`` a bug, the grey zone shaded between them.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> len(plot_check_by_step([1e-6, 1e-5], {"float64": [1e-9, 1e-10]}, ax).get_lines())
    4
    >>> plt.close(fig)
    """
    if not passes < bug:
        raise ValueError(f"plot_check_by_step: the pass threshold {passes} must be below the "
                         f"bug threshold {bug}.")
    for (name, errs), color, marker in zip(errors.items(), (PALETTE[3], PALETTE[0]), "so"):
        if len(errs) != len(steps):
            raise ValueError(f"plot_check_by_step: {len(errs)} errors for {name} but "
                             f"{len(steps)} steps.")
        ax.loglog(steps, errs, marker + "-", color=color, label=name)
    ax.axhspan(passes, bug, color="0.85", alpha=0.6, label="grey zone: look again")
    ax.axhline(passes, color="0.4", ls="--", lw=1, label=f"pass below {passes:.0e}")
    ax.axhline(bug, color=PALETTE[3], ls="--", lw=1, label=f"bug above {bug:.0e}")
    ax.axvline(h, color="0.5", ls=":", lw=1)
    ax.set(xlabel="step size h of the central difference",
           ylabel="relative error, backprop vs numerical",
           title="The same correct gradient, checked in two precisions")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


def plot_layer_norms(norms, ax, *, title=None, ylim=(1e-16, 1e2)):
    """Gradient norm of each linear layer, first layer first, one line per activation
    (``norms`` maps a name to the norms), on a log scale; ``ylim=None`` autoscales.

    >>> import matplotlib; matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = plot_layer_norms({"a": [1e-3, 1e-1, 1.0]}, ax)
    >>> ax.get_lines()[0].get_xdata().tolist()
    [1, 2, 3]
    >>> plt.close(fig)
    """
    for k, (name, g) in enumerate(norms.items()):
        g = np.ravel(g)
        ax.semilogy(np.arange(1, len(g) + 1), g, "o-", color=PALETTE[k], ms=4, label=name)
    ax.set(xlabel="linear layer (1 = next to the input)", ylabel="‖∂J/∂W‖")
    if ylim is not None:        # None: let matplotlib fit (and share) the vertical range
        ax.set_ylim(*ylim)
    if title:
        ax.set_title(title)
    ax.legend(fontsize=8)
    return ax


def plot_layer_bars(norms, ax):
    """Gradient norm of each linear layer as grouped bars, one colour per activation; the last
    layer is labelled "out"."""
    width = 0.8 / len(norms)
    for k, (name, g) in enumerate(norms.items()):
        g = np.ravel(g)
        layers = np.arange(1, len(g) + 1)
        ax.bar(layers + (k - (len(norms) - 1) / 2) * width, g, width=width, color=PALETTE[k],
               label=name)
    ax.set_yscale("log")
    ax.set_xticks(layers, [str(i) for i in layers[:-1]] + ["out"])
    ax.set(xlabel="linear layer (1 = next to the input)",
           ylabel="‖∂J/∂W‖ after one backward pass", ylim=(None, 1e3))
    ax.legend(ncol=len(norms), loc="upper center")
    return ax
