"""Wrong and restyled answers for exercise 5 (see README.md beside this file)."""

VARIANTS = [
    # Q2 mse: the sum of squared errors.
    dict(name="mse_sum", kind="wrong", loses=["test_mse"],
         answers={"mse": "def mse(y_hat, y):\n    return float(np.sum((np.asarray(y_hat) - np.asarray(y)) ** 2))"}),
    dict(name="mse_loop_float32", kind="restyled", keeps=["test_mse"],
         answers={"mse": ("def mse(y_hat, y):\n"
                          "    a = np.asarray(y_hat, dtype=np.float64).ravel()\n"
                          "    b = np.asarray(y, dtype=np.float64).ravel()\n"
                          "    total = 0.0\n"
                          "    for u, v in zip(a, b):\n"
                          "        total += (u - v) ** 2\n"
                          "    return total / len(a)")}),
    # Q3 huber_grad: the MSE's gradient, no clipping.
    dict(name="huber_grad_unclipped", kind="wrong", loses=["test_huber_grad"],
         answers={"huber_grad": ("def huber_grad(y_hat, y, delta=1.0):\n"
                                 "    d = np.asarray(y_hat, dtype=float) - np.asarray(y, dtype=float)\n"
                                 "    return d / d.size")}),
    # Q3 huber_grad: forgets the mean's 1/M.
    dict(name="huber_grad_no_mean", kind="wrong", loses=["test_huber_grad"],
         answers={"huber_grad": ("def huber_grad(y_hat, y, delta=1.0):\n"
                                 "    d = np.asarray(y_hat, dtype=float) - np.asarray(y, dtype=float)\n"
                                 "    return np.clip(d, -delta, delta)")}),
    # Q3 huber_grad: finite differences instead of the formula.
    dict(name="huber_grad_numerical", kind="wrong", loses=["test_huber_grad"],
         answers={"huber_grad": (
             "def huber_grad(y_hat, y, delta=1.0):\n"
             "    a = np.array(y_hat, dtype=float)\n"
             "    b = np.asarray(y, dtype=float)\n"
             "    def loss():\n"
             "        d = a - b\n"
             "        return float(np.mean(np.where(np.abs(d) <= delta, 0.5 * d ** 2, delta * (np.abs(d) - 0.5 * delta))))\n"
             "    return numerical_gradient(loss, a)")}),
    dict(name="huber_grad_where", kind="restyled", keeps=["test_huber_grad"],
         answers={"huber_grad": ("def huber_grad(y_hat, y, delta=1.0):\n"
                                 "    d = np.asarray(y_hat, dtype=float) - np.asarray(y, dtype=float)\n"
                                 "    g = np.where(np.abs(d) <= delta, d, delta * np.sign(d))\n"
                                 "    return g / np.prod(d.shape)")}),
    # Q4 log_softmax: one shift for the whole batch.
    dict(name="log_softmax_global_max", kind="wrong", loses=["test_stable_log_softmax"],
         answers={"stable_log_softmax": ("def log_softmax(logits):\n    z = np.asarray(logits, dtype=float)\n"
                                         "    s = z - z.max()\n    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))")}),
    # Q4 log_softmax: log of a shifted softmax (log 0 for far-behind logits).
    dict(name="log_softmax_log_of_softmax", kind="wrong", loses=["test_stable_log_softmax"],
         answers={"stable_log_softmax": ("def log_softmax(logits):\n    z = np.asarray(logits, dtype=float)\n"
                                         "    e = np.exp(z - z.max(axis=1, keepdims=True))\n"
                                         "    return np.log(e / e.sum(axis=1, keepdims=True))")}),
    dict(name="log_softmax_logaddexp_rows", kind="restyled", keeps=["test_stable_log_softmax"],
         answers={"stable_log_softmax": ("def log_softmax(logits):\n    z = np.asarray(logits, dtype=float)\n"
                                         "    lse = np.logaddexp.reduce(z, axis=1)\n    return z - lse[:, None]")}),
    # Q5 cross_entropy: the sum over the batch.
    dict(name="cross_entropy_sum", kind="wrong", loses=["test_cross_entropy"],
         answers={"cross_entropy": ("def cross_entropy(logits, labels):\n    lp = log_softmax(logits)\n"
                                    "    return float(-np.sum(lp[np.arange(len(lp)), labels]))")}),
    dict(name="cross_entropy_loop", kind="restyled", keeps=["test_cross_entropy"],
         answers={"cross_entropy": ("def cross_entropy(logits, labels):\n"
                                    "    lp = dl.functional.log_softmax(np.asarray(logits, dtype=float), axis=1)\n"
                                    "    return -sum(float(row[int(c)]) for row, c in zip(lp, labels)) / len(lp)")}),
    # Q6 smoothed_ce_grad: ignores the smoothing (p - onehot).
    dict(name="smoothed_ce_grad_onehot", kind="wrong", loses=["test_smoothed_ce_grad"],
         answers={"smoothed_ce_grad": ("def smoothed_ce_grad(logits, labels, eps=0.1):\n"
                                       "    p = np.exp(log_softmax(logits))\n    n = len(p)\n"
                                       "    p[np.arange(n), labels] -= 1.0\n    return p / n")}),
    # Q6 smoothed_ce_grad: eps spread without the 1/K.
    dict(name="smoothed_ce_grad_no_over_K", kind="wrong", loses=["test_smoothed_ce_grad"],
         answers={"smoothed_ce_grad": ("def smoothed_ce_grad(logits, labels, eps=0.1):\n"
                                       "    p = np.exp(log_softmax(logits))\n    n, k = p.shape\n"
                                       "    q = np.full((n, k), eps)\n    q[np.arange(n), labels] += 1.0 - eps\n"
                                       "    return (p - q) / n")}),
    dict(name="smoothed_ce_grad_onehot_mix", kind="restyled", keeps=["test_smoothed_ce_grad"],
         answers={"smoothed_ce_grad": ("def smoothed_ce_grad(logits, labels, eps=0.1):\n"
                                       "    z = np.asarray(logits, dtype=float)\n"
                                       "    p = np.exp(dl.functional.log_softmax(z, axis=1))\n"
                                       "    onehot = np.eye(z.shape[1])[np.asarray(labels)]\n"
                                       "    q = (1 - eps) * onehot + eps / z.shape[1]\n"
                                       "    return (p - q) / z.shape[0]")}),
    # Q7 weighted BCE: the literal formula through the sigmoid (log 0 at +-1000).
    dict(name="weighted_bce_literal", kind="wrong", loses=["test_weighted_bce_with_logits"],
         answers={"weighted_bce_with_logits": (
             "def weighted_bce_with_logits(z, y, pos_weight=1.0):\n"
             "    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)\n"
             "    p = 1.0 / (1.0 + np.exp(-z))\n"
             "    return float(-np.mean(pos_weight * y * np.log(p) + (1 - y) * np.log(1 - p)))")}),
    # Q7 weighted BCE: the weight on the negative examples.
    dict(name="weighted_bce_weight_on_negatives", kind="wrong", loses=["test_weighted_bce_with_logits"],
         answers={"weighted_bce_with_logits": (
             "def weighted_bce_with_logits(z, y, pos_weight=1.0):\n"
             "    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)\n"
             "    return float(np.mean(y * np.logaddexp(0, -z) + pos_weight * (1 - y) * np.logaddexp(0, z)))")}),
    # Q7 weighted BCE: clipping the probability, which caps the cost of a confident mistake.
    dict(name="weighted_bce_clipped", kind="wrong", loses=["test_weighted_bce_with_logits"],
         answers={"weighted_bce_with_logits": (
             "def weighted_bce_with_logits(z, y, pos_weight=1.0):\n"
             "    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)\n"
             "    p = np.clip(1.0 / (1.0 + np.exp(-np.clip(z, -50, 50))), 1e-12, 1 - 1e-12)\n"
             "    return float(-np.mean(pos_weight * y * np.log(p) + (1 - y) * np.log(1 - p)))")}),
    dict(name="weighted_bce_logaddexp", kind="restyled", keeps=["test_weighted_bce_with_logits"],
         answers={"weighted_bce_with_logits": (
             "def weighted_bce_with_logits(z, y, pos_weight=1.0):\n"
             "    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)\n"
             "    # log(1 - sigma(z)) = log sigma(z) - z\n"
             "    log_p = -np.logaddexp(0.0, -z)\n"
             "    return float(-np.mean(pos_weight * y * log_p + (1 - y) * (log_p - z)))")}),
    # Second review (issue 9): more wrong and restyled answers.
    # Q2 mse: the mean over rows of the per-row sum (a per-example sum of squares).
    dict(name="mse_row_sums", kind="wrong", loses=["test_mse"],
         answers={"mse": ("def mse(y_hat, y):\n"
                          "    d = np.asarray(y_hat, dtype=float) - np.asarray(y, dtype=float)\n"
                          "    return float(np.mean(np.sum(d ** 2, axis=-1)))")}),
    dict(name="mse_float32_lists", kind="restyled", keeps=["test_mse"],
         answers={"mse": ("def mse(y_hat, y):\n"
                          "    d = np.asarray(y_hat, dtype=np.float32) - np.asarray(y, dtype=np.float32)\n"
                          "    return float(np.square(d).sum() / d.size)")}),
    # Q3 huber_grad: divides by the number of rows, not of entries (right on the visible (3, 1)).
    dict(name="huber_grad_over_rows", kind="wrong", loses=["test_huber_grad"],
         answers={"huber_grad": ("def huber_grad(y_hat, y, delta=1.0):\n"
                                 "    d = np.asarray(y_hat, dtype=float) - np.asarray(y, dtype=float)\n"
                                 "    return np.clip(d, -delta, delta) / len(d)")}),
    # Q3 huber_grad: the slope delta outside, without the sign of d.
    dict(name="huber_grad_unsigned_outside", kind="wrong", loses=["test_huber_grad"],
         answers={"huber_grad": ("def huber_grad(y_hat, y, delta=1.0):\n"
                                 "    d = np.asarray(y_hat, dtype=float) - np.asarray(y, dtype=float)\n"
                                 "    return np.where(np.abs(d) <= delta, d, delta) / d.size")}),
    dict(name="huber_grad_loop_float32", kind="restyled", keeps=["test_huber_grad"],
         answers={"huber_grad": ("def huber_grad(y_hat, y, delta=1.0):\n"
                                 "    a = np.asarray(y_hat, dtype=np.float32)\n"
                                 "    b = np.asarray(y, dtype=np.float32)\n"
                                 "    g = np.zeros(a.shape, dtype=np.float32)\n"
                                 "    for i in np.ndindex(a.shape):\n"
                                 "        d = a[i] - b[i]\n"
                                 "        if abs(d) <= delta:\n"
                                 "            g[i] = d\n"
                                 "        elif d > 0:\n"
                                 "            g[i] = delta\n"
                                 "        else:\n"
                                 "            g[i] = -delta\n"
                                 "    return g / a.size")}),
    # Q4 log_softmax: shifts by the row's mean, not its maximum (exp(1000 - 0) still overflows).
    dict(name="log_softmax_mean_shift", kind="wrong", loses=["test_stable_log_softmax"],
         answers={"stable_log_softmax": ("def log_softmax(logits):\n    z = np.asarray(logits, dtype=float)\n"
                                         "    s = z - z.mean(axis=1, keepdims=True)\n"
                                         "    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))")}),
    dict(name="log_softmax_rows_loop_float32", kind="restyled", keeps=["test_stable_log_softmax"],
         answers={"stable_log_softmax": ("def log_softmax(logits):\n"
                                         "    rows = []\n"
                                         "    for row in np.asarray(logits, dtype=np.float32):\n"
                                         "        m = row.max()\n"
                                         "        rows.append(row - m - np.log(np.sum(np.exp(row - m))))\n"
                                         "    return np.array(rows)")}),
    # Q5 cross_entropy: picks column `labels` of every row (fancy indexing with labels alone).
    dict(name="cross_entropy_wrong_indexing", kind="wrong", loses=["test_cross_entropy"],
         answers={"cross_entropy": ("def cross_entropy(logits, labels):\n    lp = log_softmax(logits)\n"
                                    "    return float(-np.mean(lp[:, labels]))")}),
    dict(name="cross_entropy_onehot_float32", kind="restyled", keeps=["test_cross_entropy"],
         answers={"cross_entropy": ("def cross_entropy(logits, labels):\n"
                                    "    lp = log_softmax(np.asarray(logits, dtype=np.float32))\n"
                                    "    onehot = np.eye(lp.shape[1])[np.asarray(labels)]\n"
                                    "    return float(-(onehot * lp).sum() / lp.shape[0])")}),
    # Q6 smoothed_ce_grad: forgets the 1/N of the mean.
    dict(name="smoothed_ce_grad_no_mean", kind="wrong", loses=["test_smoothed_ce_grad"],
         answers={"smoothed_ce_grad": ("def smoothed_ce_grad(logits, labels, eps=0.1):\n"
                                       "    p = np.exp(log_softmax(logits))\n    n, k = p.shape\n"
                                       "    q = np.full((n, k), eps / k)\n    q[np.arange(n), labels] += 1.0 - eps\n"
                                       "    return p - q")}),
    dict(name="smoothed_ce_grad_loops_float32", kind="restyled", keeps=["test_smoothed_ce_grad"],
         answers={"smoothed_ce_grad": ("def smoothed_ce_grad(logits, labels, eps=0.1):\n"
                                       "    z = np.asarray(logits, dtype=np.float32)\n"
                                       "    n, k = z.shape\n    out = []\n"
                                       "    for row, c in zip(z, labels):\n"
                                       "        e = np.exp(row - row.max())\n        p = e / e.sum()\n"
                                       "        q = [eps / k + (1 - eps) * (j == c) for j in range(k)]\n"
                                       "        out.append([(p[j] - q[j]) / n for j in range(k)])\n"
                                       "    return np.array(out)")}),
    # Q7 weighted BCE: the weight on the whole loss of every example (a rescaled unweighted BCE).
    dict(name="weighted_bce_weight_everywhere", kind="wrong", loses=["test_weighted_bce_with_logits"],
         answers={"weighted_bce_with_logits": (
             "def weighted_bce_with_logits(z, y, pos_weight=1.0):\n"
             "    z, y = np.asarray(z, dtype=float), np.asarray(y, dtype=float)\n"
             "    return float(pos_weight * np.mean(np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))))")}),
    dict(name="weighted_bce_float32_softplus", kind="restyled", keeps=["test_weighted_bce_with_logits"],
         answers={"weighted_bce_with_logits": (
             "def weighted_bce_with_logits(z, y, pos_weight=1.0):\n"
             "    z, y = np.asarray(z, dtype=np.float32), np.asarray(y, dtype=np.float32)\n"
             "    # the chapter's unweighted form plus (w - 1) y softplus(-z)\n"
             "    base = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))\n"
             "    sp_neg = np.maximum(-z, 0) + np.log1p(np.exp(-np.abs(z)))\n"
             "    return float(np.mean(base + (pos_weight - 1) * y * sp_neg))")}),
]
