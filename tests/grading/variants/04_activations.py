"""Wrong and restyled answers for exercise 4 (see README.md beside this file)."""

VARIANTS = [
    # Q4 sigmoid: the literal formula (overflows at -1000).
    dict(name="sigmoid_literal", kind="wrong", loses=["test_stable_sigmoid"],
         answers={"stable_sigmoid": "def sigmoid(x):\n    return 1.0 / (1.0 + np.exp(-np.asarray(x, dtype=float)))"}),
    # Q4 sigmoid: clipping changes the answer at -1000.
    dict(name="sigmoid_clipped", kind="wrong", loses=["test_stable_sigmoid"],
         answers={"stable_sigmoid": ("def sigmoid(x):\n"
                                     "    x = np.clip(np.asarray(x, dtype=float), -500, 500)\n"
                                     "    return 1.0 / (1.0 + np.exp(-x))")}),
    # Q4 sigmoid: the library call the rules forbid.
    dict(name="sigmoid_library", kind="wrong", loses=["test_stable_sigmoid"],
         answers={"stable_sigmoid": "def sigmoid(x):\n    return dl.functional.sigmoid(np.asarray(x, dtype=float))"}),
    dict(name="sigmoid_masks", kind="restyled", keeps=["test_stable_sigmoid"],
         answers={"stable_sigmoid": ("def sigmoid(x):\n"
                                     "    x = np.asarray(x, dtype=float)\n"
                                     "    out = np.empty_like(x)\n"
                                     "    pos = x >= 0\n"
                                     "    out[pos] = 1.0 / (1.0 + np.exp(-x[pos]))\n"
                                     "    e = np.exp(x[~pos])\n"
                                     "    out[~pos] = e / (1.0 + e)\n"
                                     "    return out")}),
    # Q5 tanh: np.tanh, which the rules forbid.
    dict(name="tanh_numpy", kind="wrong", loses=["test_stable_tanh"],
         answers={"stable_tanh": "def tanh(x):\n    return np.tanh(np.asarray(x, dtype=float))"}),
    # Q5 tanh: the literal formula (inf / inf at 1000).
    dict(name="tanh_literal", kind="wrong", loses=["test_stable_tanh"],
         answers={"stable_tanh": ("def tanh(x):\n    x = np.asarray(x, dtype=float)\n"
                                  "    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))")}),
    # Q5 tanh: the identity with the wrong factor, sigma(2x) = (1 + tanh x) / 2 misremembered.
    dict(name="tanh_identity_wrong", kind="wrong", loses=["test_stable_tanh"],
         answers={"stable_tanh": "def tanh(x):\n    return 2.0 * sigmoid(np.asarray(x, dtype=float)) - 1.0"}),
    # Q5: the chapter's identity 2 sigma(2x) - 1: never overflows, loses digits for tiny x.
    dict(name="tanh_via_sigmoid", kind="wrong", loses=["test_stable_tanh"],
         answers={"stable_tanh": "def tanh(x):\n    return 2.0 * sigmoid(2.0 * np.asarray(x, dtype=float)) - 1.0"}),
    # Q6 softplus: the literal formula.
    dict(name="softplus_literal", kind="wrong", loses=["test_softplus"],
         answers={"softplus": "def softplus(x):\n    return np.log(1.0 + np.exp(np.asarray(x, dtype=float)))"}),
    # Q6 softplus: the safe split without log1p: zero instead of e^-40.
    dict(name="softplus_no_log1p", kind="wrong", loses=["test_softplus"],
         answers={"softplus": ("def softplus(x):\n    x = np.asarray(x, dtype=float)\n"
                               "    return np.maximum(x, 0.0) + np.log(1.0 + np.exp(-np.abs(x)))")}),
    # Q6 softplus: NumPy's logaddexp, switched off by the hidden tests.
    dict(name="softplus_logaddexp", kind="wrong", loses=["test_softplus"],
         answers={"softplus": "def softplus(x):\n    return np.logaddexp(0.0, np.asarray(x, dtype=float))"}),
    dict(name="softplus_two_branches", kind="restyled", keeps=["test_softplus"],
         answers={"softplus": ("def softplus(x):\n"
                               "    x = np.asarray(x, dtype=float)\n"
                               "    out = np.empty_like(x)\n"
                               "    pos = x > 0\n"
                               "    out[pos] = x[pos] + np.log1p(np.exp(-x[pos]))\n"
                               "    out[~pos] = np.log1p(np.exp(x[~pos]))\n"
                               "    return out")}),
    # Q7 leaky_relu: the slope hard-coded.
    dict(name="leaky_relu_fixed_slope", kind="wrong", loses=["test_leaky_relu"],
         answers={"leaky_relu": ("def leaky_relu(x, negative_slope=0.01):\n"
                                 "    x = np.asarray(x, dtype=float)\n    return np.where(x > 0, x, 0.01 * x)")}),
    dict(name="leaky_relu_maximum", kind="restyled", keeps=["test_leaky_relu"],
         answers={"leaky_relu": ("def leaky_relu(x, negative_slope=0.01):\n"
                                 "    x = np.asarray(x, dtype=float)\n    return np.maximum(x, negative_slope * x)")}),
    # Q8 softmax: one shift for the whole batch (rows at other scales underflow to 0 / 0).
    dict(name="softmax_global_max", kind="wrong", loses=["test_stable_softmax"],
         answers={"stable_softmax": ("def softmax(z):\n    z = np.asarray(z, dtype=float)\n"
                                     "    e = np.exp(z - z.max())\n    return e / e.sum(axis=-1, keepdims=True)")}),
    # Q8 softmax: the literal formula.
    dict(name="softmax_literal", kind="wrong", loses=["test_stable_softmax"],
         answers={"stable_softmax": ("def softmax(z):\n    e = np.exp(np.asarray(z, dtype=float))\n"
                                     "    return e / e.sum(axis=-1, keepdims=True)")}),
    dict(name="softmax_row_loop", kind="restyled", keeps=["test_stable_softmax"],
         answers={"stable_softmax": ("def softmax(z):\n"
                                     "    z = np.array(z, dtype=float)\n"
                                     "    flat = z.reshape(-1, z.shape[-1])\n"
                                     "    out = np.empty_like(flat)\n"
                                     "    for n, row in enumerate(flat):\n"
                                     "        e = np.exp(row - row.max())\n"
                                     "        out[n] = e / e.sum()\n"
                                     "    return out.reshape(z.shape)")}),
    # Review (second engineer).
    # Q4: the literal formula with the overflow silenced inside the function (the rules forbid it).
    dict(name="sigmoid_errstate_silenced", kind="wrong", loses=["test_stable_sigmoid"],
         answers={"stable_sigmoid": ("def sigmoid(x):\n"
                                     "    x = np.asarray(x, dtype=float)\n"
                                     "    with np.errstate(over='ignore'):\n"
                                     "        return 1.0 / (1.0 + np.exp(-x))")}),
    dict(name="sigmoid_seterr_silenced", kind="wrong", loses=["test_stable_sigmoid"],
         answers={"stable_sigmoid": ("def sigmoid(x):\n"
                                     "    x = np.asarray(x, dtype=float)\n"
                                     "    old = np.seterr(over='ignore')\n"
                                     "    out = 1.0 / (1.0 + np.exp(-x))\n"
                                     "    np.seterr(**old)\n"
                                     "    return out")}),
    # Q4: both branches inside np.where, so e^1000 is computed anyway.
    dict(name="sigmoid_where_both_branches", kind="wrong", loses=["test_stable_sigmoid"],
         answers={"stable_sigmoid": ("def sigmoid(x):\n"
                                     "    x = np.asarray(x, dtype=float)\n"
                                     "    return np.where(x >= 0, 1 / (1 + np.exp(-x)), np.exp(x) / (1 + np.exp(x)))")}),
    # Q4: 1 - sigma(|x|) for x < 0 (no overflow, but cancellation loses every digit far left).
    dict(name="sigmoid_one_minus", kind="wrong", loses=["test_stable_sigmoid"],
         answers={"stable_sigmoid": ("def sigmoid(x):\n"
                                     "    x = np.asarray(x, dtype=float)\n"
                                     "    s = 1.0 / (1.0 + np.exp(-np.abs(x)))\n"
                                     "    return np.where(x >= 0, s, 1.0 - s)")}),
    # Q4: one formula, e^min(x, 0) / (1 + e^-|x|), correct for both signs.
    dict(name="sigmoid_one_formula", kind="restyled", keeps=["test_stable_sigmoid"],
         answers={"stable_sigmoid": ("def sigmoid(x):\n"
                                     "    x = np.asarray(x, dtype=float)\n"
                                     "    return np.exp(np.minimum(x, 0.0)) / (1.0 + np.exp(-np.abs(x)))")}),
    # Q5: tanh(|x|) with 1 - e^(-2|x|) instead of expm1: about 8 digits lost at 1e-10.
    dict(name="tanh_no_expm1", kind="wrong", loses=["test_stable_tanh"],
         answers={"stable_tanh": ("def tanh(x):\n"
                                  "    x = np.asarray(x, dtype=float)\n"
                                  "    e = np.exp(-2.0 * np.abs(x))\n"
                                  "    return np.sign(x) * (1.0 - e) / (1.0 + e)")}),
    # Q5: clipping at |x| = 20 is exact in float64 (tanh(20) rounds to 1.0), but the literal
    # formula then loses digits for tiny x.
    dict(name="tanh_clip_20", kind="wrong", loses=["test_stable_tanh"],
         answers={"stable_tanh": ("def tanh(x):\n"
                                  "    x = np.clip(np.asarray(x, dtype=float), -20.0, 20.0)\n"
                                  "    return (np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))")}),
    # Q5: 1 - 2 / (e^{2x} + 1): overflows for large x.
    dict(name="tanh_one_minus_overflow", kind="wrong", loses=["test_stable_tanh"],
         answers={"stable_tanh": ("def tanh(x):\n"
                                  "    x = np.asarray(x, dtype=float)\n"
                                  "    return 1.0 - 2.0 / (np.exp(2.0 * x) + 1.0)")}),
    # Q6: -log sigma(-x): loses all digits at x = -40 (sigma(40) rounds to 1).
    dict(name="softplus_neg_log_sigmoid", kind="wrong", loses=["test_softplus"],
         answers={"softplus": ("def softplus(x):\n"
                               "    return -np.log(sigmoid(-np.asarray(x, dtype=float)))")}),
    # Q6: np.where with both branches: e^1000 computed on the unused side.
    dict(name="softplus_where_both", kind="wrong", loses=["test_softplus"],
         answers={"softplus": ("def softplus(x):\n"
                               "    x = np.asarray(x, dtype=float)\n"
                               "    return np.where(x > 0, x + np.log1p(np.exp(-x)), np.log1p(np.exp(x)))")}),
    dict(name="softplus_clip_method", kind="restyled", keeps=["test_softplus"],
         answers={"softplus": ("def softplus(x):\n"
                               "    x = np.asarray(x, dtype=float)\n"
                               "    return x.clip(min=0) + np.log1p(np.exp(-np.abs(x)))")}),
    # Q7: modifies the input in place.
    dict(name="leaky_relu_in_place", kind="wrong", loses=["test_leaky_relu"],
         answers={"leaky_relu": ("def leaky_relu(x, negative_slope=0.01):\n"
                                 "    x[x < 0] *= negative_slope\n"
                                 "    return x")}),
    dict(name="leaky_relu_masks", kind="restyled", keeps=["test_leaky_relu"],
         answers={"leaky_relu": ("def leaky_relu(x, negative_slope=0.01):\n"
                                 "    x = np.asarray(x, dtype=float)\n"
                                 "    return x * (x > 0) + negative_slope * x * (x <= 0)")}),
    # Q8: centring each row on its mean (fine for (1000, 1001), overflows for (1000, -1000)).
    dict(name="softmax_row_mean", kind="wrong", loses=["test_stable_softmax"],
         answers={"stable_softmax": ("def softmax(z):\n    z = np.asarray(z, dtype=float)\n"
                                     "    e = np.exp(z - z.mean(axis=-1, keepdims=True))\n"
                                     "    return e / e.sum(axis=-1, keepdims=True)")}),
    # Q8: subtracts the maximum in place, changing the caller's array.
    dict(name="softmax_in_place", kind="wrong", loses=["test_stable_softmax"],
         answers={"stable_softmax": ("def softmax(z):\n"
                                     "    z -= z.max(axis=-1, keepdims=True)\n"
                                     "    e = np.exp(z)\n"
                                     "    return e / e.sum(axis=-1, keepdims=True)")}),
    dict(name="softmax_logsumexp", kind="restyled", keeps=["test_stable_softmax"],
         answers={"stable_softmax": ("def softmax(z):\n"
                                     "    z = np.asarray(z, dtype=float)\n"
                                     "    c = z - np.max(z, axis=-1, keepdims=True)\n"
                                     "    return np.exp(c - np.log(np.exp(c).sum(axis=-1, keepdims=True)))")}),
    # Q5 restyled: with u = expm1(-2|x|), 1 + e^(-2|x|) = 2 + u, so tanh|x| = -u / (2 + u).
    dict(name="tanh_expm1_quotient", kind="restyled", keeps=["test_stable_tanh"],
         answers={"stable_tanh": ("def tanh(x):\n"
                                  "    x = np.asarray(x, dtype=float)\n"
                                  "    u = np.expm1(-2.0 * np.abs(x))\n"
                                  "    return -np.sign(x) * u / (2.0 + u)")}),
    # Q5 restyled: two branches with masks, e^(2x) - 1 for x < 0 and e^(-2x) - 1 for x >= 0.
    dict(name="tanh_expm1_masks", kind="restyled", keeps=["test_stable_tanh"],
         answers={"stable_tanh": ("def tanh(x):\n"
                                  "    x = np.array(x, dtype=float)\n"
                                  "    out = np.empty_like(x)\n"
                                  "    neg = x < 0\n"
                                  "    u = np.expm1(2.0 * x[neg])\n"
                                  "    out[neg] = u / (u + 2.0)\n"
                                  "    v = np.expm1(-2.0 * x[~neg])\n"
                                  "    out[~neg] = -v / (v + 2.0)\n"
                                  "    return out")}),
]
