"""The plotting helpers draw what they promise (on matplotlib's non-interactive Agg backend)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import dlcore as dl  # noqa: E402


def test_decision_boundary_colours_the_models_classes():
    X, y = dl.data.make_blobs(60, rng=0)
    model = dl.Sequential(dl.Linear(2, 2, rng=0))
    model[0].weight.data[:] = [[-1, -1], [1, 1]]          # class 1 where x1 + x2 > 0
    model[0].bias.data[:] = 0
    fig, ax = plt.subplots()
    dl.plot.plot_decision_boundary(model, X, y, ax, xlim=(-5, 5), ylim=(-4, 4))
    assert ax.get_xlim() == (-5, 5) and ax.get_ylim() == (-4, 4)
    assert len(ax.collections) >= 3                        # filled regions, boundary, points
    plt.close(fig)


def test_history_and_function_plots():
    h = dl.History(train_loss=[1.0, 0.5, 0.4], val_loss=[1.1, 0.7, 0.8], best_epoch=2)
    fig, ax = plt.subplots()
    dl.plot.plot_history(h, ax, label="run A")
    labels = [line.get_label() for line in ax.get_lines()]
    assert labels == ["run A: training loss", "run A: validation loss", "best epoch"]
    ax.clear()
    dl.plot.plot_function_and_derivative(dl.functional.sigmoid, dl.functional.sigmoid_derivative, ax)
    assert max(ax.get_lines()[1].get_ydata()) == np.float64(0.25)
    plt.close(fig)


def test_line_and_contours():
    fig, ax = plt.subplots()
    dl.plot.plot_line([1.0, 1.0], -1.0, ax, xlim=(0, 1))
    xs, ys = ax.get_lines()[0].get_data()
    assert np.allclose(xs + ys, 1.0)                       # w1 x1 + w2 x2 + b = 0
    dl.plot.plot_contours(lambda x, y: x**2 + y**2, ax)
    plt.close(fig)


def test_frames_slider_embeds_one_frame_per_value_and_no_remote_link():
    import numpy as np
    values = [0.5, 1.0, 2.0]
    html = dl.plot.frames_slider(lambda fig, a: fig.subplots().plot(np.arange(4) * a), values).data
    assert html.count("data:image/png") == len(values)
    assert "http://" not in html and "https://" not in html
    assert 'type="range"' in html


def test_frames_slider_renders_each_frame_once_and_restores_the_canvas():
    import numpy as np
    import matplotlib.pyplot as plt
    from matplotlib.figure import Figure
    fig = plt.figure(figsize=(2, 2), dpi=50)
    renders = []
    original = Figure.draw
    Figure.draw = lambda self, renderer: (renders.append(1), original(self, renderer))[1]
    try:
        dl.plot.frames_slider(lambda f, a: f.subplots().plot(np.arange(3) * a), [1, 2, 3], fig=fig)
    finally:
        Figure.draw = original
    assert len(renders) == 3                       # one PNG per value, no extra screen redraw
    assert "draw_idle" not in vars(fig.canvas)     # the canvas's own draw_idle is back
    plt.close(fig)


def test_frames_slider_refuses_no_values():
    import pytest
    with pytest.raises(ValueError, match="values is empty"):
        dl.plot.frames_slider(lambda fig, a: None, [])
