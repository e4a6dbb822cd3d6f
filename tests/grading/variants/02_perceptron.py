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
    # Q4 (perceptron_through): the slope form, which has no slope for a vertical line.
    dict(name="through_slope_form", kind="wrong", loses=["test_decision_line"],
         answers={"decision_line": (
             "def perceptron_through(p, q, r):\n"
             "    (p1, p2), (q1, q2), (r1, r2) = p, q, r\n"
             "    if p1 == q1 and p2 == q2:\n        raise ValueError('same point')\n"
             "    m = (q2 - p2) / (q1 - p1)\n"
             "    c = p2 - m * p1\n"
             "    w, b = np.array([m, -1.0]), c\n"
             "    z = w @ np.asarray(r, dtype=float) + b\n"
             "    if z == 0:\n        raise ValueError('r on the line')\n"
             "    return (w, b) if z > 0 else (-w, -b)")}),
    # Q4: the normal found, but never turned round towards r.
    dict(name="through_no_flip", kind="wrong", loses=["test_decision_line"],
         answers={"decision_line": (
             "def perceptron_through(p, q, r):\n"
             "    p, q, r = (np.asarray(v, dtype=float) for v in (p, q, r))\n"
             "    d = q - p\n"
             "    if not d.any():\n        raise ValueError('same point')\n"
             "    w = np.array([d[1], -d[0]])\n"
             "    if w @ r - w @ p == 0:\n        raise ValueError('r on the line')\n"
             "    return w, -w @ p")}),
    # Q4: w taken along the line (q - p) instead of across it.
    dict(name="through_w_along_line", kind="wrong", loses=["test_decision_line"],
         answers={"decision_line": (
             "def perceptron_through(p, q, r):\n"
             "    p, q, r = (np.asarray(v, dtype=float) for v in (p, q, r))\n"
             "    w = q - p\n"
             "    if not w.any():\n        raise ValueError('same point')\n"
             "    b = -w @ p\n"
             "    z = w @ r + b\n"
             "    if z == 0:\n        raise ValueError('r on the line')\n"
             "    return (w, b) if z > 0 else (-w, -b)")}),
    # Q4 restyled: the line through two points as the cross product of (p, 1) and (q, 1), lists in.
    dict(name="through_cross_product", kind="restyled", keeps=["test_decision_line"],
         answers={"decision_line": (
             "def perceptron_through(p, q, r):\n"
             "    line = np.cross([p[0], p[1], 1.0], [q[0], q[1], 1.0])\n"
             "    w, b = line[:2], line[2]\n"
             "    if not np.any(w):\n        raise ValueError('p and q coincide')\n"
             "    side = np.dot(w, r) + b\n"
             "    if side == 0:\n        raise ValueError('r is on the line')\n"
             "    return list(np.sign(side) * w), float(np.sign(side) * b)")}),
    # Q4 restyled: a unit normal in float32 and b returned as a 1-element array.
    dict(name="through_unit_normal_float32", kind="restyled", keeps=["test_decision_line"],
         answers={"decision_line": (
             "def perceptron_through(p, q, r):\n"
             "    p, q, r = (np.array(v, dtype=np.float64) for v in (p, q, r))\n"
             "    dx, dy = q - p\n"
             "    length = np.hypot(dx, dy)\n"
             "    if length == 0:\n        raise ValueError(f'p = q = {p}')\n"
             "    n = np.array([dy, -dx]) / length\n"
             "    side = n @ (r - p)\n"
             "    if side == 0:\n        raise ValueError(f'r = {r} is on the line')\n"
             "    if side < 0:\n        n = -n\n"
             "    return n.astype(np.float32), np.array([-(n @ p)])")}),
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
    # Review (second engineer).
    # Q2: Z2 taken from the first hidden layer's width.
    dict(name="shapes_digits_Z2_layer1", kind="wrong", loses=["test_shapes_digits"],
         answers={"shapes_digits": "W2_shape = (8, 16)\nb3_shape = (10,)\nZ2_shape = (32, 16)"}),
    dict(name="shapes_digits_numpy_ints", kind="restyled", keeps=["test_shapes_digits"],
         answers={"shapes_digits": ("W2_shape = np.zeros((8, 16)).shape\n"
                                    "b3_shape = tuple(np.array([10]))\n"
                                    "Z2_shape = (np.ones((32, 64)) @ np.ones((64, 16)) @ np.ones((16, 8))).shape")}),
    # Q3: the list is consumed (pop) while building the shapes.
    dict(name="layer_shapes_pops_argument", kind="wrong", loses=["test_layer_shapes"],
         answers={"layer_shapes": ("def layer_shapes(sizes):\n"
                                   "    out, prev = [], sizes.pop(0)\n"
                                   "    while sizes:\n"
                                   "        n = sizes.pop(0)\n"
                                   "        out.append(((n, prev), (n,)))\n"
                                   "        prev = n\n"
                                   "    return out")}),
    # Q3: the bias as a column (n_out, 1).
    dict(name="layer_shapes_bias_column", kind="wrong", loses=["test_layer_shapes"],
         answers={"layer_shapes": ("def layer_shapes(sizes):\n"
                                   "    return [((b, a), (b, 1)) for a, b in zip(sizes[:-1], sizes[1:])]")}),
    dict(name="layer_shapes_enumerate", kind="restyled", keeps=["test_layer_shapes"],
         answers={"layer_shapes": ("def layer_shapes(sizes):\n"
                                   "    sizes = list(sizes)\n"
                                   "    return [((n, sizes[i]), (n,)) for i, n in enumerate(sizes[1:])]")}),
    # Q5: z = 0 counted as a prediction of -1 (strict inequality).
    dict(name="update_pm_strict_z", kind="wrong", loses=["test_perceptron_update_pm"],
         answers={"perceptron_update_pm": (
             "def perceptron_update_pm(w, b, x, t, lr=1.0):\n"
             "    t_hat = 1 if np.dot(w, x) + b > 0 else -1\n"
             "    step = lr * (t - t_hat) / 2\n"
             "    return np.asarray(w) + step * np.asarray(x), b + step")}),
    # Q5: changes w in place.
    dict(name="update_pm_in_place", kind="wrong", loses=["test_perceptron_update_pm"],
         answers={"perceptron_update_pm": (
             "def perceptron_update_pm(w, b, x, t, lr=1.0):\n"
             "    t_hat = 1 if np.dot(w, x) + b >= 0 else -1\n"
             "    step = lr * (t - t_hat) / 2\n"
             "    w += step * np.asarray(x)\n"
             "    return w, b + step")}),
    # Q5: converts to {0, 1} and applies the chapter's rule (a correct route).
    dict(name="update_pm_via_01", kind="restyled", keeps=["test_perceptron_update_pm"],
         answers={"perceptron_update_pm": (
             "def perceptron_update_pm(w, b, x, t, lr=1.0):\n"
             "    y = (t + 1) // 2\n"
             "    y_hat = int(np.dot(w, x) + b >= 0)\n"
             "    w_new = np.array(w, dtype=float, copy=True)\n"
             "    w_new += lr * (y - y_hat) * np.asarray(x, dtype=float)\n"
             "    return w_new, b + lr * (y - y_hat)")}),
]
