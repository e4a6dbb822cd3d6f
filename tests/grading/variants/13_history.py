"""Wrong and restyled answers for exercise 13 (see README.md beside this file)."""

_SIG = "1 / (1 + np.exp(-z))"

# A correct cd1_update written with the phases as separate functions; the wrong variants below
# change one line of it each.
_CD1 = '''def cd1_update(V0, W, b, c, u_h, u_v, lr):
    V0, W, b, c = (np.asarray(a, dtype=float) for a in (V0, W, b, c))
    N = len(V0)
    P0 = sigmoid(V0 @ W.T + c)
    H0 = (np.asarray(u_h) < P0).astype(float)
    V1 = (np.asarray(u_v) < sigmoid(H0 @ W + b)).astype(float)
    P1 = sigmoid(V1 @ W.T + c)
    POSITIVE = P0.T @ V0
    W_new = W + lr / N * (POSITIVE - P1.T @ V1)
    b_new = b + lr / N * (V0 - V1).sum(axis=0)
    c_new = c + lr / N * (P0 - P1).sum(axis=0)
    return W_new, b_new, c_new
'''


def _cd1(old=None, new=None):
    return _CD1 if old is None else _CD1.replace(old, new)


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
    # ---------------------------------------------------------------- Q2 p_h_given_v
    dict(name="p_h_uses_W_not_transpose", kind="wrong", loses=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    return sigmoid(np.asarray(V, dtype=float) @ np.asarray(W, dtype=float) + c)")}),
    dict(name="p_h_forgets_bias", kind="wrong", loses=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    return sigmoid(np.asarray(V, dtype=float) @ np.asarray(W, dtype=float).T)")}),
    dict(name="p_h_calls_dl_rbm", kind="wrong", loses=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    W = np.asarray(W, dtype=float)\n"
             "    rbm = dl.RBM(W.shape[1], W.shape[0])\n"
             "    rbm.W[:], rbm.c[:] = W, c\n"
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
             f"            out[n, j] = {_SIG}\n"
             "    return out")}),
    dict(name="p_h_einsum", kind="restyled", keeps=["test_p_h_given_v"],
         answers={"p_h_given_v": (
             "def p_h_given_v(V, W, c):\n"
             "    z = np.einsum('ji,ni->nj', np.asarray(W, float), np.asarray(V, float)) + c\n"
             f"    return {_SIG}")}),
    # ---------------------------------------------------------------- Q3 cd1_update
    dict(name="cd1_positive_phase_uses_samples", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cd1("POSITIVE = P0.T @ V0", "POSITIVE = H0.T @ V0")}),
    dict(name="cd1_negative_phase_uses_samples", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cd1(
             "    P1 = sigmoid(V1 @ W.T + c)\n",
             "    P1 = (np.random.default_rng(0).random((N, W.shape[0])) < sigmoid(V1 @ W.T + c)).astype(float)\n")}),
    dict(name="cd1_wrong_sign", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cd1("W + lr / N", "W - lr / N").replace(
             "b + lr / N", "b - lr / N").replace("c + lr / N", "c - lr / N")}),
    dict(name="cd1_u_greater_than_p", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cd1("(np.asarray(u_h) < P0)", "(np.asarray(u_h) > P0)").replace(
             "(np.asarray(u_v) < sigmoid", "(np.asarray(u_v) > sigmoid")}),
    dict(name="cd1_hidden_u_greater_than_p_only", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cd1("(np.asarray(u_h) < P0)", "(np.asarray(u_h) > P0)")}),
    dict(name="cd1_reconstruction_as_probabilities", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cd1(
             "V1 = (np.asarray(u_v) < sigmoid(H0 @ W + b)).astype(float)",
             "V1 = sigmoid(H0 @ W + b)")}),
    dict(name="cd1_sums_instead_of_mean", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": _cd1("    N = len(V0)\n", "    N = 1\n")}),
    dict(name="cd1_updates_in_place", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": (
             "def cd1_update(V0, W, b, c, u_h, u_v, lr):\n"
             "    N = len(V0)\n"
             "    P0 = sigmoid(V0 @ W.T + c)\n"
             "    H0 = (u_h < P0).astype(float)\n"
             "    V1 = (u_v < sigmoid(H0 @ W + b)).astype(float)\n"
             "    P1 = sigmoid(V1 @ W.T + c)\n"
             "    W += lr / N * (P0.T @ V0 - P1.T @ V1)\n"
             "    b += lr / N * (V0 - V1).sum(axis=0)\n"
             "    c += lr / N * (P0 - P1).sum(axis=0)\n"
             "    return W, b, c")}),
    dict(name="cd1_calls_dl_rbm", kind="wrong", loses=["test_cd1_update"],
         answers={"cd1_update": (
             "def cd1_update(V0, W, b, c, u_h, u_v, lr):\n"
             "    W = np.asarray(W, dtype=float)\n"
             "    rbm = dl.RBM(W.shape[1], W.shape[0])\n"
             "    rbm.W[:], rbm.b[:], rbm.c[:] = W, b, c\n"
             "    rbm.cd1_step(np.asarray(V0, dtype=float), lr, u_h=u_h, u_v=u_v)\n"
             "    return rbm.W.copy(), rbm.b.copy(), rbm.c.copy()")}),
    dict(name="cd1_as_written", kind="restyled", keeps=["test_cd1_update"],
         answers={"cd1_update": _cd1()}),
    dict(name="cd1_example_by_example_outer_products", kind="restyled", keeps=["test_cd1_update"],
         answers={"cd1_update": (
             "def cd1_update(V0, W, b, c, u_h, u_v, lr):\n"
             "    V0 = np.asarray(V0, dtype=np.float64)\n"
             "    W, b, c = (np.array(a, dtype=np.float64) for a in (W, b, c))\n"
             "    N = V0.shape[0]\n"
             "    dW, db, dc = np.zeros_like(W), np.zeros_like(b), np.zeros_like(c)\n"
             "    for n in range(N):\n"
             "        v0 = V0[n]\n"
             "        p0 = p_h_given_v(v0[None, :], W, c)[0]\n"
             "        h0 = np.where(u_h[n] < p0, 1.0, 0.0)\n"
             "        z = W.T @ h0 + b\n"
             f"        v1 = np.where(u_v[n] < {_SIG}, 1.0, 0.0)\n"
             "        p1 = p_h_given_v(v1[None, :], W, c)[0]\n"
             "        dW += np.outer(p0, v0) - np.outer(p1, v1)\n"
             "        db += v0 - v1\n"
             "        dc += p0 - p1\n"
             "    return W + lr * dW / N, b + lr * db / N, c + lr * dc / N")}),
]
