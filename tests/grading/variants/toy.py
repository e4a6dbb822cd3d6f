"""Wrong and restyled answers for the toy fixture (see README.md beside this file)."""

VARIANTS = [
    dict(name="relu_abs", kind="wrong", loses=["test_relu"],
         answers={"relu": "def relu(x):\n    return np.abs(x)"}),
    dict(name="relu_mask_product", kind="restyled", keeps=["test_relu"],
         answers={"relu": "def relu(x):\n    x = np.asarray(x, dtype=float)\n    return x * (x > 0)"}),
    dict(name="safe_log_no_guard", kind="wrong", loses=["test_safe_log"],
         answers={"safe_log": "def safe_log(p):\n    return np.log(np.abs(np.asarray(p, dtype=float)) + 1e-300)"}),
    dict(name="safe_log_masked", kind="restyled", keeps=["test_safe_log"],
         answers={"safe_log": ("def safe_log(p):\n    p = np.asarray(p, dtype=float)\n"
                               "    out = np.zeros_like(p)\n    out[p > 0] = np.log(p[p > 0])\n    return out")}),
    dict(name="mse_sums", kind="wrong", loses=["test_mse"],
         answers={"mse": "def mse(y, t):\n    return float(np.sum((np.asarray(y) - np.asarray(t)) ** 2))"}),
    dict(name="mse_loop_lists", kind="restyled", keeps=["test_mse"],
         answers={"mse": ("def mse(y, t):\n    s = 0.0\n    for a, b in zip(list(y), list(t)):\n"
                          "        s += (a - b) ** 2\n    return s / len(y)")}),
]
