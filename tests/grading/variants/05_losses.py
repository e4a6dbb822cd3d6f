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
    # Q4 log_softmax with a mask (second version of the question: the chapter's recipe applied to
    # allowed classes only). Wrong: shifts by the maximum over ALL classes, masked ones included;
    # a masked 1000 makes every allowed exponent underflow, log 0 = -inf.
    dict(name="masked_log_softmax_max_over_all", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    allowed = np.ones(z.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)\n"
             "    allowed = allowed & (z != -np.inf)\n"
             "    if not allowed.any(axis=1).all():\n"
             "        raise ValueError('log_softmax: a row has no allowed class')\n"
             "    shifted = z - z.max(axis=1, keepdims=True)\n"
             "    e = np.where(allowed, np.exp(shifted), 0.0)\n"
             "    return np.where(allowed, shifted - np.log(e.sum(axis=1, keepdims=True)), -np.inf)")}),
    # Q4: normalises over all K classes, then sets the masked ones to -inf (allowed ones sum to < 1).
    dict(name="masked_log_softmax_mask_after", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    allowed = np.ones(z.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)\n"
             "    if not allowed.any(axis=1).all():\n"
             "        raise ValueError('log_softmax: a row has no allowed class')\n"
             "    s = z - z.max(axis=1, keepdims=True)\n"
             "    out = s - np.log(np.exp(s).sum(axis=1, keepdims=True))\n"
             "    return np.where(allowed, out, -np.inf)")}),
    # Q4: the usual -inf fill and the chapter's recipe, but no check for an empty row
    # (-inf - (-inf) = nan, with a warning, instead of a ValueError).
    dict(name="masked_log_softmax_no_empty_row_check", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    if mask is not None:\n"
             "        z = np.where(mask, z, -np.inf)\n"
             "    s = z - z.max(axis=1, keepdims=True)\n"
             "    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))")}),
    # Q4: fills masked entries with -1e9 (a PyTorch habit): they come out near -1e9, not -inf, and an
    # empty row becomes uniform over the masked classes.
    dict(name="masked_log_softmax_fill_minus_1e9", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    if mask is not None:\n"
             "        z = np.where(mask, z, -1e9)\n"
             "    s = z - z.max(axis=1, keepdims=True)\n"
             "    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))")}),
    # Q4: multiplies the exponentials by the mask (a masked 1000 or nan: inf * 0 = nan).
    dict(name="masked_log_softmax_times_mask", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    m = np.ones(z.shape) if mask is None else np.asarray(mask, dtype=float)\n"
             "    if not (m.sum(axis=1) > 0).all():\n"
             "        raise ValueError('log_softmax: a row has no allowed class')\n"
             "    top = np.max(np.where(m > 0, z, -np.inf), axis=1, keepdims=True)\n"
             "    e = np.exp(z - top) * m\n"
             "    return np.where(m > 0, z - top - np.log(e.sum(axis=1, keepdims=True)), -np.inf)")}),
    # Q4, forbidden shortcut: right in every case, but through dlcore's log_softmax.
    dict(name="masked_log_softmax_calls_dlcore", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "from dlcore.functional import log_softmax as _chapter_log_softmax\n\n\n"
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    allowed = np.ones(z.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)\n"
             "    allowed = allowed & (z != -np.inf)\n"
             "    if not allowed.any(axis=1).all():\n"
             "        raise ValueError('log_softmax: a row has no allowed class')\n"
             "    return _chapter_log_softmax(np.where(allowed, z, -np.inf), axis=1)")}),
    # Q4 restyled: a loop over rows, the allowed entries picked out first, in float32.
    dict(name="masked_log_softmax_rows_loop_float32", kind="restyled", keeps=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits)\n"
             "    m = np.ones(z.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)\n"
             "    out = np.full(z.shape, -np.inf, dtype=np.float32)\n"
             "    for n in range(z.shape[0]):\n"
             "        ks = [k for k in range(z.shape[1]) if m[n, k] and z[n, k] != -np.inf]\n"
             "        if not ks:\n"
             "            raise ValueError(f'log_softmax: row {n} has no allowed class')\n"
             "        row = z[n, ks].astype(np.float32)\n"
             "        top = row.max()\n"
             "        out[n, ks] = row - top - np.log(np.sum(np.exp(row - top)))\n"
             "    return out")}),
    # Q4 restyled: -inf fill, then np.logaddexp.reduce along each row (allowed by the rules).
    dict(name="masked_log_softmax_logaddexp", kind="restyled", keeps=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.array(logits, dtype=np.float64)\n"
             "    if mask is not None:\n"
             "        z[~np.asarray(mask, dtype=bool)] = -np.inf\n"
             "    bad = np.all(z == -np.inf, axis=1)\n"
             "    if bad.any():\n"
             "        raise ValueError(f'log_softmax: rows {np.where(bad)[0]} have no allowed class')\n"
             "    lse = np.logaddexp.reduce(z, axis=1)\n"
             "    return z - lse[:, None]")}),
    # Q5 cross_entropy with ignore_index. Wrong: leaves the ignored examples out of the sum but
    # divides by N.
    dict(name="cross_entropy_ignore_over_N", kind="wrong", loses=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = log_softmax(logits)\n"
             "    labels = np.asarray(labels)\n"
             "    keep = labels != ignore_index\n"
             "    if not keep.any():\n"
             "        raise ValueError('cross_entropy: every label is ignored')\n"
             "    safe = np.where(keep, labels, 0)\n"
             "    losses = np.where(keep, -lp[np.arange(len(lp)), safe], 0.0)\n"
             "    return float(losses.sum() / len(lp))")}),
    # Q5: indexes first (a label -1 wraps to the last class, -100 too when K >= 100), filters never.
    dict(name="cross_entropy_ignore_no_filter", kind="wrong", loses=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = log_softmax(logits)\n"
             "    labels = np.asarray(labels)\n"
             "    if np.all(labels == ignore_index):\n"
             "        raise ValueError('cross_entropy: every label is ignored')\n"
             "    return float(-np.mean(lp[np.arange(len(lp)), labels]))")}),
    # Q5: takes "ignored" to mean "negative" (fails when ignore_index is a real class such as 2).
    dict(name="cross_entropy_ignore_negative_labels", kind="wrong", loses=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = log_softmax(logits)\n"
             "    labels = np.asarray(labels)\n"
             "    keep = labels >= 0\n"
             "    if not keep.any():\n"
             "        raise ValueError('cross_entropy: every label is ignored')\n"
             "    return float(-np.mean(lp[np.flatnonzero(keep), labels[keep]]))")}),
    # Q5: PyTorch's behaviour on an all-ignored batch (the mean of nothing: nan and a warning).
    dict(name="cross_entropy_ignore_nan_when_empty", kind="wrong", loses=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = log_softmax(logits)\n"
             "    labels = np.asarray(labels)\n"
             "    keep = np.flatnonzero(labels != ignore_index)\n"
             "    return float(-np.mean(lp[keep, labels[keep]]))")}),
    # Q5, forbidden shortcut: dlcore's CrossEntropyLoss on the kept rows.
    dict(name="cross_entropy_ignore_calls_dlcore", kind="wrong", loses=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    labels = np.asarray(labels)\n"
             "    keep = labels != ignore_index\n"
             "    if not keep.any():\n"
             "        raise ValueError('cross_entropy: every label is ignored')\n"
             "    return float(dl.CrossEntropyLoss()(np.asarray(logits, dtype=float)[keep], labels[keep]))")}),
    # Q5 restyled: a loop with a running sum and a count, on dlcore's log_softmax (allowed in Q5).
    dict(name="cross_entropy_ignore_loop", kind="restyled", keeps=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = dl.functional.log_softmax(np.asarray(logits, dtype=float), axis=1)\n"
             "    total, count = 0.0, 0\n"
             "    for row, c in zip(lp, labels):\n"
             "        if c == ignore_index:\n"
             "            continue\n"
             "        total -= float(row[int(c)])\n"
             "        count += 1\n"
             "    if count == 0:\n"
             "        raise ValueError(f'cross_entropy: all {len(lp)} labels equal ignore_index')\n"
             "    return total / count")}),
    # Q5 restyled: a safe index for the ignored rows, a one-hot weight of 0 on them, in float32.
    dict(name="cross_entropy_ignore_weights_float32", kind="restyled", keeps=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = np.asarray(log_softmax(np.asarray(logits, dtype=np.float32)), dtype=np.float32)\n"
             "    labels = np.asarray(labels)\n"
             "    w = (labels != ignore_index).astype(np.float32)\n"
             "    if w.sum() == 0:\n"
             "        raise ValueError('cross_entropy: no label left after ignore_index')\n"
             "    onehot = np.eye(lp.shape[1], dtype=np.float32)[np.where(w > 0, labels, 0)]\n"
             "    picked = np.sum(np.where(onehot > 0, lp, 0.0), axis=1)\n"
             "    return float(-np.sum(w * picked) / w.sum())")}),
    # Review of questions 4 and 5: more wrong answers, and correct ones in styles the shortcut and
    # warning checks must not reject (np.ma, a helper of one's own named logsumexp, np.max(where=),
    # pure Python, nan fill in float32, take_along_axis, rows dropped before the log-softmax).
    # Q4 wrong: the empty-row check looks at the mask only (a row of -inf logits gives nan).
    dict(name="masked_log_softmax_empty_check_mask_only", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    allowed = np.ones(z.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)\n"
             "    if not allowed.any(axis=1).all():\n"
             "        raise ValueError('log_softmax: a row has no allowed class')\n"
             "    z = np.where(allowed, z, -np.inf)\n"
             "    s = z - z.max(axis=1, keepdims=True)\n"
             "    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))")}),
    # Q4 wrong: one shift for the whole batch (the largest allowed logit of all rows).
    dict(name="masked_log_softmax_batch_max", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    allowed = np.ones(z.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)\n"
             "    allowed = allowed & (z != -np.inf)\n"
             "    if not allowed.any(axis=1).all():\n"
             "        raise ValueError('log_softmax: a row has no allowed class')\n"
             "    z = np.where(allowed, z, -np.inf)\n"
             "    s = z - z.max()\n"
             "    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))")}),
    # Q4 wrong: the log of a stable masked softmax (log 0 for an underflowed allowed class).
    dict(name="masked_log_softmax_log_of_softmax", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    allowed = np.ones(z.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)\n"
             "    allowed = allowed & (z != -np.inf)\n"
             "    if not allowed.any(axis=1).all():\n"
             "        raise ValueError('log_softmax: a row has no allowed class')\n"
             "    z = np.where(allowed, z, -np.inf)\n"
             "    e = np.exp(z - z.max(axis=1, keepdims=True))\n"
             "    with np.errstate(divide='ignore'):\n"
             "        return np.log(e / e.sum(axis=1, keepdims=True))")}),
    # Q4 wrong: masked entries set to 0 for the maximum (a row of allowed logits far below 0 underflows).
    dict(name="masked_log_softmax_max_fill_zero", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    allowed = np.ones(z.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)\n"
             "    allowed = allowed & (z != -np.inf)\n"
             "    if not allowed.any(axis=1).all():\n"
             "        raise ValueError('log_softmax: a row has no allowed class')\n"
             "    m = np.where(allowed, z, 0.0).max(axis=1, keepdims=True)\n"
             "    e = np.where(allowed, np.exp(np.where(allowed, z, 0.0) - m), 0.0)\n"
             "    return np.where(allowed, z - m - np.log(e.sum(axis=1, keepdims=True)), -np.inf)")}),
    # Q5 wrong: keep.size (N) where keep.sum() (|S|) was meant.
    dict(name="cross_entropy_ignore_keep_size", kind="wrong", loses=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = log_softmax(logits)\n"
             "    labels = np.asarray(labels)\n"
             "    keep = labels != ignore_index\n"
             "    if not keep.any():\n"
             "        raise ValueError('cross_entropy: every label is ignored')\n"
             "    return float(-np.sum(lp[keep, labels[keep]]) / keep.size)")}),
    # Q5 wrong: np.log of a softmax (the question forbids it; -inf at logits of +-1000).
    dict(name="cross_entropy_ignore_log_of_softmax", kind="wrong", loses=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    e = np.exp(z - z.max(axis=1, keepdims=True))\n"
             "    p = e / e.sum(axis=1, keepdims=True)\n"
             "    labels = np.asarray(labels)\n"
             "    keep = np.flatnonzero(labels != ignore_index)\n"
             "    if keep.size == 0:\n"
             "        raise ValueError('cross_entropy: every label is ignored')\n"
             "    return float(-np.mean(np.log(p[keep, labels[keep]])))")}),
    # Q4 wrong: right values, but the -inf fill is written into the caller's logits.
    dict(name="masked_log_softmax_fills_in_place", kind="wrong", loses=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    if mask is not None:\n"
             "        z[~np.asarray(mask, dtype=bool)] = -np.inf\n"
             "    if np.any(np.all(z == -np.inf, axis=1)):\n"
             "        raise ValueError('log_softmax: a row has no allowed class')\n"
             "    s = z - z.max(axis=1, keepdims=True)\n"
             "    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))")}),
    # Q5 wrong: -100 written into the code instead of the ignore_index argument.
    dict(name="cross_entropy_ignore_hardcoded_minus_100", kind="wrong", loses=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = log_softmax(logits)\n"
             "    labels = np.asarray(labels)\n"
             "    keep = np.flatnonzero(labels != -100)\n"
             "    if keep.size == 0:\n"
             "        raise ValueError('cross_entropy: every label is ignored')\n"
             "    return float(-np.mean(lp[keep, labels[keep]]))")}),
    # Q5 wrong: right value, but the safe index is written into the caller's labels.
    dict(name="cross_entropy_ignore_safe_index_in_place", kind="wrong", loses=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = log_softmax(logits)\n"
             "    keep = labels != ignore_index\n"
             "    if not keep.any():\n"
             "        raise ValueError('cross_entropy: every label is ignored')\n"
             "    labels[~keep] = 0\n"
             "    picked = lp[np.arange(len(labels)), labels]\n"
             "    return float(-np.sum(picked[keep]) / keep.sum())")}),
    # Q4 restyled: np.ma, the mask given to NumPy's masked arrays.
    dict(name="masked_log_softmax_np_ma", kind="restyled", keeps=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    allowed = np.ones(z.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)\n"
             "    allowed = allowed & ~np.isneginf(z)\n"
             "    for n, row in enumerate(allowed):\n"
             "        if not row.any():\n"
             "            raise ValueError(f'log_softmax: row {n} has no allowed class')\n"
             "    zm = np.ma.masked_array(z, mask=~allowed)\n"
             "    shifted = zm - zm.max(axis=1, keepdims=True)\n"
             "    out = shifted - np.ma.log(np.ma.exp(shifted).sum(axis=1, keepdims=True))\n"
             "    return out.filled(-np.inf)")}),
    # Q4 restyled: a helper of the student's own called logsumexp; np.max(where=), np.exp(where=).
    dict(name="masked_log_softmax_own_logsumexp_where", kind="restyled", keeps=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def logsumexp(z, allowed):\n"
             "    m = np.max(z, axis=1, where=allowed, initial=-np.inf, keepdims=True)\n"
             "    e = np.exp(z - m, where=allowed, out=np.zeros(z.shape))\n"
             "    return m + np.log(np.sum(e, axis=1, keepdims=True))\n\n\n"
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=float)\n"
             "    allowed = np.full(z.shape, True) if mask is None else np.asarray(mask) == True\n"
             "    allowed = np.logical_and(allowed, z > -np.inf)\n"
             "    empty = ~allowed.any(axis=1)\n"
             "    if empty.any():\n"
             "        raise ValueError(f'log_softmax: no allowed class in row(s) {np.nonzero(empty)[0]}')\n"
             "    return np.where(allowed, z - logsumexp(z, allowed), -np.inf)")}),
    # Q4 restyled: pure Python lists and the math module, a list of lists returned.
    dict(name="masked_log_softmax_python_lists", kind="restyled", keeps=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "import math\n\n\n"
             "def log_softmax(logits, mask=None):\n"
             "    out = []\n"
             "    for n, row in enumerate(np.asarray(logits).tolist()):\n"
             "        ok = [mask is None or bool(mask[n][k]) for k in range(len(row))]\n"
             "        ok = [a and v != -math.inf for a, v in zip(ok, row)]\n"
             "        if not any(ok):\n"
             "            raise ValueError(f'log_softmax: row {n} has no allowed class')\n"
             "        top = max(v for v, a in zip(row, ok) if a)\n"
             "        lse = top + math.log(sum(math.exp(v - top) for v, a in zip(row, ok) if a))\n"
             "        out.append([v - lse if a else -math.inf for v, a in zip(row, ok)])\n"
             "    return np.array(out)")}),
    # Q4 restyled: nan in the masked entries, then nanmax / nansum.
    dict(name="masked_log_softmax_nan_fill", kind="restyled", keeps=["test_masked_log_softmax"],
         answers={"masked_log_softmax": (
             "def log_softmax(logits, mask=None):\n"
             "    z = np.asarray(logits, dtype=np.float32)\n"
             "    keep = (np.ones_like(z, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)) & (z != -np.inf)\n"
             "    if not keep.any(axis=1).all():\n"
             "        raise ValueError('log_softmax: row %d has no allowed class' % np.argmin(keep.any(axis=1)))\n"
             "    zn = np.where(keep, z, np.nan)\n"
             "    s = zn - np.nanmax(zn, axis=1, keepdims=True)\n"
             "    return np.where(keep, s - np.log(np.nansum(np.exp(s), axis=1, keepdims=True)), -np.inf)")}),
    # Q5 restyled: take_along_axis with a safe index, np.where weights, count_nonzero; lists in.
    dict(name="cross_entropy_ignore_take_along", kind="restyled", keeps=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    lp = np.asarray(log_softmax(logits), dtype=float)\n"
             "    y = np.array(list(labels), dtype=np.int64)\n"
             "    keep = y != ignore_index\n"
             "    count = np.count_nonzero(keep)\n"
             "    if count == 0:\n"
             "        raise ValueError(f'cross_entropy: all labels are ignore_index={ignore_index}')\n"
             "    picked = np.take_along_axis(lp, np.where(keep, y, 0)[:, None], axis=1)[:, 0]\n"
             "    return float(-np.sum(np.where(keep, picked, 0.0)) / count)")}),
    # Q5 restyled: boolean indexing, the ignored rows dropped before the log-softmax (own helper).
    dict(name="cross_entropy_ignore_drop_rows_first", kind="restyled", keeps=["test_cross_entropy_ignore"],
         answers={"cross_entropy_ignore": (
             "def _nll(lp, y):\n"
             "    return -lp[np.arange(len(y)), y]\n\n\n"
             "def cross_entropy(logits, labels, ignore_index=-100):\n"
             "    keep = np.asarray(labels) != ignore_index\n"
             "    if np.sum(keep) == 0:\n"
             "        raise ValueError('cross_entropy: every example is ignored (0/0)')\n"
             "    z = np.asarray(logits)[keep]\n"
             "    y = np.asarray(labels)[keep]\n"
             "    return float(np.mean(_nll(log_softmax(z), y)))")}),
]
