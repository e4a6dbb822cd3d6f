"""Wrong and restyled answers for exercise 13 (see README.md beside this file)."""

_SIG = "1 / (1 + np.exp(-z))"

# A correct cdk_update written with the phases as separate lines; the wrong variants below
# change one line of it each.
_CDK = '''def cdk_update(V0, W, b, c, u_h, u_v, lr):
    V0, W, b, c = (np.asarray(a, dtype=float) for a in (V0, W, b, c))
    N = len(V0)
    P0 = sigmoid(V0 @ W.T + c)
    V = V0
    for t in range(len(u_h)):
        H = (np.asarray(u_h[t]) < sigmoid(V @ W.T + c)).astype(float)
        V = (np.asarray(u_v[t]) < sigmoid(H @ W + b)).astype(float)
    Pk = sigmoid(V @ W.T + c)
    POSITIVE = P0.T @ V0
    W_new = W + lr / N * (POSITIVE - Pk.T @ V)
    b_new = b + lr / N * (V0 - V).sum(axis=0)
    c_new = c + lr / N * (P0 - Pk).sum(axis=0)
    return W_new, b_new, c_new
'''


def _cdk(old=None, new=None):
    if old is None:
        return _CDK
    assert old in _CDK, old
    return _CDK.replace(old, new)


VARIANTS = [
    # ---------------------------------------------------------------- Q1 bm_energy
    dict(name="energy_no_minus_sign", kind="wrong", loses=["test_bm_energy"],
         answers={"bm_energy": (
             "def bm_energy(s, W, b):\n"
             "    s, W, b = (np.asarray(a, dtype=float) for a in (s, W, b))\n"
             "    return float(0.5 * s @ W @ s + b @ s)")}),
    dict(name="energy_double_counts_pairs", kind="wrong", loses=["test_bm_energy"],
         answers={"bm_energy": (
             "def bm_energy(s, W, b):\n"
             "    s, W, b = (np.asarray(a, dtype=float) for a in (s, W, b))\n"
             "    return float(-s @ W @ s - b @ s)")}),
    dict(name="energy_forgets_bias", kind="wrong", loses=["test_bm_energy"],
         answers={"bm_energy": (
             "def bm_energy(s, W, b):\n"
             "    s, W = np.asarray(s, dtype=float), np.asarray(W, dtype=float)\n"
             "    return float(-0.5 * s @ W @ s)")}),
    dict(name="energy_loop_over_pairs", kind="restyled", keeps=["test_bm_energy"],
         answers={"bm_energy": (
             "def bm_energy(s, W, b):\n"
             "    n = len(s)\n"
             "    total = 0.0\n"
             "    for i in range(n):\n"
             "        total -= float(b[i]) * float(s[i])\n"
             "        for j in range(i + 1, n):\n"
             "            total -= float(W[i][j]) * float(s[i]) * float(s[j])\n"
             "    return total")}),
    dict(name="energy_upper_triangle", kind="restyled", keeps=["test_bm_energy"],
         answers={"bm_energy": (
             "def bm_energy(s, W, b):\n"
             "    s = np.asarray(s, dtype=np.float64)\n"
             "    upper = np.triu(np.asarray(W, dtype=np.float64), k=1)\n"
             "    return float(-(s @ upper @ s) - np.dot(np.asarray(b, dtype=np.float64), s))")}),
    # ---------------------------------------------------------------- Q2 p_h_given_v (±1 units)
    # the chapter's 0/1 formula copied: the plausible mistake the question is built around
    dict(name="p_h_zero_one_formula", kind="wrong", loses=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    return sigmoid(np.asarray(V, dtype=float) @ np.asarray(W, dtype=float).T + c)")}),
    # the mean of a spin unit, tanh(z), instead of the probability of +1
    dict(name="p_h_returns_mean_tanh", kind="wrong", loses=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    return np.tanh(np.asarray(V, dtype=float) @ np.asarray(W, dtype=float).T + c)")}),
    # the factor 2 put on the weights only, not on the bias
    dict(name="p_h_doubles_weights_not_bias", kind="wrong", loses=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    return sigmoid(2 * np.asarray(V, dtype=float) @ np.asarray(W, dtype=float).T + c)")}),
    dict(name="p_h_uses_W_not_transpose", kind="wrong", loses=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    return sigmoid(2 * (np.asarray(V, dtype=float) @ np.asarray(W, dtype=float) + c))")}),
    dict(name="p_h_forgets_bias", kind="wrong", loses=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    return sigmoid(2 * np.asarray(V, dtype=float) @ np.asarray(W, dtype=float).T)")}),
    dict(name="p_h_calls_dl_rbm", kind="wrong", loses=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    W = np.asarray(W, dtype=float)\n"
             "    rbm = dl.RBM(W.shape[1], W.shape[0])\n"
             "    rbm.W[:], rbm.c[:] = 2 * W, 2 * np.asarray(c, dtype=float)\n"
             "    return rbm.p_h_given_v(np.asarray(V, dtype=float))")}),
    dict(name="p_h_loops_float32", kind="restyled", keeps=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    V = np.asarray(V, dtype=np.float32)\n"
             "    W = np.asarray(W, dtype=np.float32)\n"
             "    out = np.zeros((V.shape[0], W.shape[0]), dtype=np.float32)\n"
             "    for n in range(V.shape[0]):\n"
             "        for j in range(W.shape[0]):\n"
             "            z = c[j]\n"
             "            for i in range(V.shape[1]):\n"
             "                z += W[j, i] * V[n, i]\n"
             "            e_plus, e_minus = -z, z\n"
             "            out[n, j] = 1 / (1 + np.exp(e_plus - e_minus))\n"
             "    return out")}),
    # sigma(2z) = (1 + tanh z) / 2, written with einsum
    dict(name="p_h_einsum_tanh", kind="restyled", keeps=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    z = np.einsum('ji,ni->nj', np.asarray(W, float), np.asarray(V, float)) + c\n"
             "    return (1 + np.tanh(z)) / 2")}),
    # ---------------------------------------------------------------- Q3 cdk_update
    dict(name="cdk_positive_phase_uses_samples", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk("POSITIVE = P0.T @ V0",
                                     "POSITIVE = (np.asarray(u_h[0]) < P0).astype(float).T @ V0")}),
    dict(name="cdk_negative_phase_uses_samples", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk("    Pk = sigmoid(V @ W.T + c)\n",
                                     "    Pk = (np.asarray(u_h[-1]) < sigmoid(V @ W.T + c)).astype(float)\n")}),
    dict(name="cdk_wrong_sign", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk("W + lr / N", "W - lr / N").replace(
             "b + lr / N", "b - lr / N").replace("c + lr / N", "c - lr / N")}),
    dict(name="cdk_u_greater_than_p", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk("(np.asarray(u_h[t]) < sigmoid", "(np.asarray(u_h[t]) > sigmoid").replace(
             "(np.asarray(u_v[t]) < sigmoid", "(np.asarray(u_v[t]) > sigmoid")}),
    dict(name="cdk_hidden_u_greater_than_p_only", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk("(np.asarray(u_h[t]) < sigmoid", "(np.asarray(u_h[t]) > sigmoid")}),
    dict(name="cdk_visible_samples_as_probabilities", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk(
             "V = (np.asarray(u_v[t]) < sigmoid(H @ W + b)).astype(float)",
             "V = sigmoid(H @ W + b)")}),
    dict(name="cdk_sums_instead_of_mean", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk("    N = len(V0)\n", "    N = 1\n")}),
    # the chapter's CD-1 copied: one Gibbs step whatever k is
    dict(name="cdk_always_one_step", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk("    for t in range(len(u_h)):\n", "    for t in range(1):\n")}),
    # every step samples its hidden units from the DATA instead of the current visible sample
    dict(name="cdk_hidden_always_from_data", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk("H = (np.asarray(u_h[t]) < sigmoid(V @ W.T + c))",
                                     "H = (np.asarray(u_h[t]) < sigmoid(V0 @ W.T + c))")}),
    # the uniform numbers of the steps taken in reverse order
    dict(name="cdk_uniforms_reversed", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cdk("np.asarray(u_h[t])", "np.asarray(u_h[len(u_h) - 1 - t])").replace(
             "np.asarray(u_v[t])", "np.asarray(u_v[len(u_v) - 1 - t])")}),
    dict(name="cdk_updates_in_place", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": (
             "def cdk_update(V0, W, b, c, u_h, u_v, lr):\n"
             "    N = len(V0)\n"
             "    P0 = sigmoid(V0 @ W.T + c)\n"
             "    V = V0\n"
             "    for uh, uv in zip(u_h, u_v):\n"
             "        H = (uh < sigmoid(V @ W.T + c)).astype(float)\n"
             "        V = (uv < sigmoid(H @ W + b)).astype(float)\n"
             "    Pk = sigmoid(V @ W.T + c)\n"
             "    W += lr / N * (P0.T @ V0 - Pk.T @ V)\n"
             "    b += lr / N * (V0 - V).sum(axis=0)\n"
             "    c += lr / N * (P0 - Pk).sum(axis=0)\n"
             "    return W, b, c")}),
    dict(name="cdk_calls_dl_rbm", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": (
             "def cdk_update(V0, W, b, c, u_h, u_v, lr):\n"
             "    W = np.asarray(W, dtype=float)\n"
             "    rbm = dl.RBM(W.shape[1], W.shape[0])\n"
             "    rbm.W[:], rbm.b[:], rbm.c[:] = W, b, c\n"
             "    V = np.asarray(V0, dtype=float)\n"
             "    for uh, uv in zip(u_h, u_v):\n"
             "        V = rbm.sample_v(rbm.sample_h(V, u=uh), u=uv)\n"
             "    P0, Pk = rbm.p_h_given_v(V0), rbm.p_h_given_v(V)\n"
             "    N = len(V0)\n"
             "    return (W + lr / N * (P0.T @ V0 - Pk.T @ V), b + lr / N * (V0 - V).sum(0),\n"
             "            c + lr / N * (P0 - Pk).sum(0))")}),
    dict(name="cdk_as_written", kind="restyled", keeps=["test_cd1_update"],
         answers={"cd1_update": _cdk()}),
    # a recursive chain, example by example, with outer products
    dict(name="cdk_recursive_example_by_example", kind="restyled", keeps=["test_cd1_update"],
         answers={"cd1_update": (
             "def _chain(v, W, b, c, uhs, uvs):\n"
             "    if len(uhs) == 0:\n"
             "        return v\n"
             f"    z = W @ v + c\n"
             f"    h = np.where(uhs[0] < {_SIG}, 1.0, 0.0)\n"
             f"    z = W.T @ h + b\n"
             f"    v = np.where(uvs[0] < {_SIG}, 1.0, 0.0)\n"
             "    return _chain(v, W, b, c, uhs[1:], uvs[1:])\n"
             "\n"
             "def cdk_update(V0, W, b, c, u_h, u_v, lr):\n"
             "    V0 = np.asarray(V0, dtype=np.float64)\n"
             "    W, b, c = (np.array(a, dtype=np.float64) for a in (W, b, c))\n"
             "    N = V0.shape[0]\n"
             "    dW, db, dc = np.zeros_like(W), np.zeros_like(b), np.zeros_like(c)\n"
             "    for n in range(N):\n"
             "        v0 = V0[n]\n"
             "        vk = _chain(v0, W, b, c, [u[n] for u in u_h], [u[n] for u in u_v])\n"
             "        p0 = 1 / (1 + np.exp(-(W @ v0 + c)))\n"
             "        pk = 1 / (1 + np.exp(-(W @ vk + c)))\n"
             "        dW += np.outer(p0, v0) - np.outer(pk, vk)\n"
             "        db += v0 - vk\n"
             "        dc += p0 - pk\n"
             "    return W + lr * dW / N, b + lr * db / N, c + lr * dc / N")}),
]
