"""Chapter 3's hidden-space figure: no point hides another, no label covers another."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

import dlcore as dl  # noqa: E402

NAMES = ["(0,0)", "(0,1)", "(1,0)", "(1,1)"]


def _marker_positions(ax, fig):
    fig.canvas.draw()
    return [tuple(np.round(line.get_transform().transform(line.get_xydata()[0]), 1))
            for line in ax.get_lines() if line.get_zorder() == 3]


def test_coincident_points_of_two_classes_are_both_visible():
    fig, ax = plt.subplots()
    A = np.array([[0.5, 0.9], [-1, 1], [-1, 1], [-1, 1]], dtype=np.float32)
    y = [0, 1, 1, 0]                            # (1,1) of class 0 on the class-1 spot
    out = dl.Linear(2, 1, rng=0)
    texts = dl.plot.plot_hidden_space(ax, A, y, out, names=NAMES)
    positions = _marker_positions(ax, fig)
    assert len(positions) == 3 == len(set(positions))    # 2 spots, 3 markers, all apart
    assert [t.get_text() for t in texts] == ["(0,0)", "(0,1) (1,0) (1,1)"]
    plt.close(fig)


def test_labels_of_nearby_spots_do_not_overlap():
    fig, ax = plt.subplots(figsize=(4, 4))
    A = np.array([[-0.1, 0.5], [0.2, 0.5], [0.25, 0.85], [-1.0, -1.0]], dtype=np.float32)
    texts = dl.plot.plot_hidden_space(ax, A, [0, 1, 1, 0], dl.Linear(2, 1, rng=0),
                                      names=NAMES)
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in texts]
    assert not any(boxes[i].overlaps(boxes[j]) for i in range(4) for j in range(i))
    frame = ax.get_window_extent()
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 for b in boxes)   # none cut off
    plt.close(fig)
