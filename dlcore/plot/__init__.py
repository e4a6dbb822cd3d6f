"""Plotting helpers for the book's figures, one module per kind of figure.

Chapters call these instead of defining plotting code in a notebook, so every figure is drawn
by tested code. ``core`` holds the shared style (the Okabe-Ito palette, markers) and the figures
of chapters 1-7; a later chapter adds a module of its own here and one import line below.
"""
from dlcore.plot.core import (  # noqa: F401
    PALETTE,
    MARKERS,
    use_style,
    scatter_classes,
    predict_classes,
    plot_decision_boundary,
    plot_history,
    plot_function_and_derivative,
    plot_line,
    plot_contours,
    plot_network,
)
from dlcore.plot.animation import frames_slider  # noqa: F401
from dlcore.plot.regularization import (  # noqa: F401
    plot_early_stopping, plot_weight_histograms, plot_masks, plot_reliability)
from dlcore.plot.digits import plot_confusion_matrix, plot_digits  # noqa: F401
from dlcore.plot.optimizers import plot_paths, plot_spread, show_source  # noqa: F401
from dlcore.plot.deep import plot_per_layer, plot_runs, plot_model_comparison  # noqa: F401
from dlcore.plot.descent import plot_loss_panels, plot_noise_vs_batch, plot_lr_sweep  # noqa: F401
from dlcore.plot.history import plot_timeline, tile_images, plot_image_rows, plot_filters  # noqa: F401
from dlcore.plot.vectors import plot_projection, plot_table  # noqa: F401
from dlcore.plot.perceptron import plot_perceptron  # noqa: F401
from dlcore.plot.xor import plot_hidden_space  # noqa: F401
from dlcore.plot.activations import (  # noqa: F401
    plot_unit_contributions, plot_hinge_build, plot_preactivations)
from dlcore.plot.losses import (  # noqa: F401
    plot_lines_and_loss, plot_costs, plot_logit_gradients, plot_logit_losses,
    plot_training_curves)
from dlcore.plot.gradients import (  # noqa: F401
    plot_bowl, plot_distances, plot_difference_errors, plot_descent_1d, plot_descent_path)
from dlcore.plot.backprop import (  # noqa: F401
    plot_graph, plot_gradient_cost, plot_check_by_step, plot_layer_norms, plot_layer_bars)
