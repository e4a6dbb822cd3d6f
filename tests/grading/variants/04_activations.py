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
    dict(name="tanh_via_sigmoid", kind="restyled", keeps=["test_stable_tanh"],
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
]
