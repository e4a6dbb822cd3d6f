"""A slider that works without a kernel: precomputed frames a reader can move through.

An ipywidgets slider needs a running kernel; on the static website it is dead. ``frames_slider``
draws the same figure once per slider value and returns matplotlib's JavaScript animation player
(``FuncAnimation.to_jshtml``): a slider, play and step buttons, and the frames embedded in the
page as PNG images. No kernel, no extra dependency, no request to another host.

Page weight grows with the number of frames and their size: keep to about 10-25 frames at
``dpi=72``-``80`` (roughly 20-40 kB each).
"""


def frames_slider(draw, values, *, fig=None, figsize=(6.0, 3.6), dpi=72, interval=400,
                  default_mode="once"):
    """Precompute one frame per value and return an HTML player with a slider.

    Args:
        draw: ``draw(fig, value)`` draws the frame for ``value`` on ``fig`` (which is cleared
            before each call), e.g. ``ax = fig.subplots(); ax.plot(...)``.
        values: the slider positions, in order (a reader sees them as frame 0, 1, ...; put the
            value in the figure's title so it is visible).
        fig: the figure to draw on (a new one of ``figsize`` and ``dpi`` by default).
        interval: milliseconds between frames when the reader presses play.
        default_mode: ``"once"``, ``"loop"`` or ``"reflect"`` for the player.

    Returns:
        ``IPython.display.HTML`` that shows the player when it is a cell's last expression.

    >>> import numpy as np
    >>> html = frames_slider(lambda fig, a: fig.subplots().plot(np.arange(3) * a), [1, 2])
    >>> html.data.count("data:image/png"), "http" in html.data
    (2, False)
    """
    import re

    import matplotlib.pyplot as plt
    from matplotlib.animation import FuncAnimation
    from IPython.display import HTML

    values = list(values)
    if not values:
        raise ValueError("frames_slider: values is empty; pass at least one slider position.")
    own = fig is None
    if own:
        fig = plt.figure(figsize=figsize, dpi=dpi)

    def frame(i):
        fig.clear()
        draw(fig, values[i])
        return []

    anim = FuncAnimation(fig, frame, frames=len(values), interval=interval, blit=False)
    # After drawing a frame, FuncAnimation asks the canvas for a screen redraw (draw_idle), and
    # then saving the PNG renders the figure again. With no screen the first render is wasted:
    # skipping it halves the time of every player.
    canvas = fig.canvas
    own_draw_idle = vars(canvas).get("draw_idle")   # set on this canvas by a backend, if any
    canvas.draw_idle = lambda *args, **kwargs: None
    try:
        html = anim.to_jshtml(fps=None, default_mode=default_mode)
    finally:
        if own_draw_idle is None:
            del canvas.draw_idle                    # the class's method again
        else:
            canvas.draw_idle = own_draw_idle
    # matplotlib links Font Awesome 4 from a CDN for the buttons' icons; the book's theme ships
    # Font Awesome itself, and a page must not reach another host on load.
    html = re.sub(r'<link rel="stylesheet"\s+href="https?://[^"]*font-awesome[^"]*">', "", html)
    if own:
        plt.close(fig)  # the player replaces the figure: no second static copy below it
    return HTML(html)
