"""Wrong and restyled answers for exercise 2 (see README.md beside this file)."""

_SHAPES_OK = "W2_shape = (8, 16)\nb3_shape = (10,)\nZ2_shape = (32, 8)"

VARIANTS = [
    # Q2: W2 written (units_in, units_out), and the batch as columns.
    dict(name="shapes_digits_transposed", kind="wrong", loses=["test_shapes_digits"],
         answers={"shapes_digits": "W2_shape = (16, 8)\nb3_shape = (10,)\nZ2_shape = (8, 32)"}),
    # Q2: the bias of the output layer as a column.
    dict(name="shapes_digits_bias_column", kind="wrong", loses=["test_shapes_digits"],
         answers={"shapes_digits": "W2_shape = (8, 16)\nb3_shape = (10, 1)\nZ2_shape = (32, 8)"}),
    dict(name="shapes_digits_from_sizes", kind="restyled", keeps=["test_shapes_digits"],
         answers={"shapes_digits": ("sizes = np.array([64, 16, 8, 10])\nN = 32\n"
                                    "W2_shape = (sizes[2], sizes[1])\nb3_shape = (sizes[3],)\n"
                                    "Z2_shape = [N, sizes[2]]")}),
    # Q3: (n_in, n_out) instead of (n_out, n_in).
    dict(name="layer_shapes_swapped", kind="wrong", loses=["test_layer_shapes"],
         answers={"layer_shapes": ("def layer_shapes(sizes):\n"
                                   "    return [((a, b), (b,)) for a, b in zip(sizes[:-1], sizes[1:])]")}),
    dict(name="layer_shapes_index_loop", kind="restyled", keeps=["test_layer_shapes"],
         answers={"layer_shapes": ("def layer_shapes(sizes):\n"
                                   "    sizes = np.asarray(sizes)\n"
                                   "    out = []\n"
                                   "    for l in range(1, len(sizes)):\n"
                                   "        out.append(((sizes[l], sizes[l - 1]), (sizes[l],)))\n"
                                   "    return out")}),
    # Q4: sign slip (moves w1 x1 across without changing its sign).
    dict(name="decision_line_sign", kind="wrong", loses=["test_decision_line"],
         answers={"decision_line": ("def decision_line(w, b):\n"
                                    "    if w[1] == 0:\n        raise ValueError('vertical')\n"
                                    "    return w[0] / w[1], -b / w[1], w[1] > 0")}),
    # Q4: assumes the 1-side is always above the line.
    dict(name="decision_line_always_above", kind="wrong", loses=["test_decision_line"],
         answers={"decision_line": ("def decision_line(w, b):\n"
                                    "    if w[1] == 0:\n        raise ValueError('vertical')\n"
                                    "    return -w[0] / w[1], -b / w[1], True")}),
    dict(name="decision_line_two_points", kind="restyled", keeps=["test_decision_line"],
         answers={"decision_line": ("def decision_line(w, b):\n"
                                    "    w1, w2 = w\n"
                                    "    if abs(w2) == 0:\n        raise ValueError(f'w2 = {w2}: vertical boundary')\n"
                                    "    x2_at = lambda x1: (-b - w1 * x1) / w2\n"
                                    "    c = x2_at(0.0)\n"
                                    "    m = x2_at(1.0) - c\n"
                                    "    above = w1 * 0.0 + w2 * (c + 1.0) + b >= 0\n"
                                    "    return m, c, above")}),
    # Q5: t - t_hat without the factor 1/2: steps twice the chapter's.
    dict(name="update_pm_double_step", kind="wrong", loses=["test_perceptron_update_pm"],
         answers={"perceptron_update_pm": (
             "def perceptron_update_pm(w, b, x, t, lr=1.0):\n"
             "    t_hat = 1 if np.dot(w, x) + b >= 0 else -1\n"
             "    return w + lr * (t - t_hat) * np.asarray(x), b + lr * (t - t_hat)")}),
    # Q5: the classic rule 'update when t * z <= 0', which differs at z = 0 for t = +1.
    dict(name="update_pm_margin_rule", kind="wrong", loses=["test_perceptron_update_pm"],
         answers={"perceptron_update_pm": (
             "def perceptron_update_pm(w, b, x, t, lr=1.0):\n"
             "    if t * (np.dot(w, x) + b) <= 0:\n"
             "        return w + lr * t * np.asarray(x), b + lr * t\n"
             "    return w.copy(), b")}),
    dict(name="update_pm_if_mistake", kind="restyled", keeps=["test_perceptron_update_pm"],
         answers={"perceptron_update_pm": (
             "def perceptron_update_pm(w, b, x, t, lr=1.0):\n"
             "    t_hat = 1 if sum(wi * xi for wi, xi in zip(w, x)) + b >= 0 else -1\n"
             "    if t_hat == t:\n"
             "        return np.array(w, dtype=float), b\n"
             "    return np.array([wi + lr * t * xi for wi, xi in zip(w, x)]), b + lr * t")}),
]
