"""Wrong and restyled answers for exercise 8 (see README.md beside this file)."""

_CHECK = ("    X, y = np.asarray(X), np.asarray(y)\n"
          "    if len(X) != len(y):\n"
          "        raise ValueError('X and y differ in length')\n")

VARIANTS = [
    # --- Question 2: minibatches -----------------------------------------------------------------
    # Drops the last partial batch (a common "drop_last" habit).
    dict(name="minibatches_drop_last", kind="wrong", loses=["test_minibatches_epoch"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n" + _CHECK +
             "    order = rng.permutation(len(X))\n"
             "    return [(X[order[s:s + batch_size]], y[order[s:s + batch_size]])\n"
             "            for s in range(0, len(X) - batch_size + 1, batch_size)]")}),
    # Shuffles X and y with two different permutations: the pairs fall apart.
    dict(name="minibatches_two_permutations", kind="wrong",
         loses=["test_minibatches_epoch", "test_minibatches_order"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n" + _CHECK +
             "    Xs, ys = X[rng.permutation(len(X))], y[rng.permutation(len(y))]\n"
             "    return [(Xs[s:s + batch_size], ys[s:s + batch_size])\n"
             "            for s in range(0, len(X), batch_size)]")}),
    # np.array_split into ceil(N/B) pieces: every example once, but sizes 4, 3, 3 instead of 4, 4, 2.
    dict(name="minibatches_array_split", kind="wrong", loses=["test_minibatches_epoch"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n" + _CHECK +
             "    order = rng.permutation(len(X))\n"
             "    pieces = np.array_split(order, int(np.ceil(len(X) / batch_size)))\n"
             "    return [(X[p], y[p]) for p in pieces]")}),
    # Shuffles the caller's arrays in place.
    dict(name="minibatches_in_place", kind="wrong", loses=["test_minibatches_epoch"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n"
             "    if len(X) != len(y):\n"
             "        raise ValueError('X and y differ in length')\n"
             "    order = rng.permutation(len(X))\n"
             "    X[:] = X[order]\n"
             "    y[:] = y[order]\n"
             "    return [(X[s:s + batch_size], y[s:s + batch_size]) for s in range(0, len(X), batch_size)]")}),
    # Forgets to shuffle.
    dict(name="minibatches_no_shuffle", kind="wrong", loses=["test_minibatches_order"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n" + _CHECK +
             "    return [(X[s:s + batch_size], y[s:s + batch_size]) for s in range(0, len(X), batch_size)]")}),
    # Shuffles with NumPy's global state instead of the generator it was given.
    dict(name="minibatches_global_random", kind="wrong", loses=["test_minibatches_order"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n" + _CHECK +
             "    order = np.random.permutation(len(X))\n"
             "    return [(X[order[s:s + batch_size]], y[order[s:s + batch_size]])\n"
             "            for s in range(0, len(X), batch_size)]")}),
    # The forbidden shortcut: dlcore's own iterator (same order, so only the switch-off catches it).
    dict(name="minibatches_dlcore_shortcut", kind="wrong",
         loses=["test_minibatches_epoch", "test_minibatches_order"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n"
             "    return list(dl.iterate_minibatches(np.asarray(X), np.asarray(y), batch_size, rng=rng))")}),
    # Samples WITH replacement (section 8.2's other scheme): some examples twice, others never.
    dict(name="minibatches_with_replacement", kind="wrong",
         loses=["test_minibatches_epoch", "test_minibatches_order"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n" + _CHECK +
             "    order = rng.choice(len(X), size=len(X), replace=True)\n"
             "    return [(X[order[s:s + batch_size]], y[order[s:s + batch_size]])\n"
             "            for s in range(0, len(X), batch_size)]")}),
    # No length check: a y with fewer rows gives an IndexError, not the ValueError asked for.
    dict(name="minibatches_no_length_check", kind="wrong", loses=["test_minibatches_epoch"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n"
             "    X, y = np.asarray(X), np.asarray(y)\n"
             "    order = rng.permutation(len(X))\n"
             "    return [(X[order[s:s + batch_size]], y[order[s:s + batch_size]])\n"
             "            for s in range(0, len(X), batch_size)]")}),
    # Correct: np.split at the multiples of batch_size, returned as a generator expression.
    dict(name="minibatches_np_split_genexpr", kind="restyled",
         keeps=["test_minibatches_epoch", "test_minibatches_order"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n"
             "    X, y = np.asarray(X), np.asarray(y)\n"
             "    if X.shape[0] != y.shape[0]:\n"
             "        raise ValueError(f'{X.shape[0]} rows in X, {y.shape[0]} in y')\n"
             "    pieces = np.split(rng.permutation(X.shape[0]), np.arange(batch_size, X.shape[0], batch_size))\n"
             "    return ((X[p], y[p]) for p in pieces)")}),
    # Correct: a generator with yield.
    dict(name="minibatches_generator", kind="restyled",
         keeps=["test_minibatches_epoch", "test_minibatches_order"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n" + _CHECK +
             "    order = rng.permutation(len(X))\n"
             "    for start in range(0, len(X), batch_size):\n"
             "        idx = order[start:start + batch_size]\n"
             "        yield X[idx], y[idx]")}),
    # Correct: index arrays built with a while loop, then a list of [X_batch, y_batch] lists;
    # arange + rng.shuffle draws the same permutation as rng.permutation(N).
    dict(name="minibatches_index_lists", kind="restyled",
         keeps=["test_minibatches_epoch", "test_minibatches_order"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n"
             "    if len(X) != len(y):\n"
             "        raise ValueError(f'{len(X)} inputs but {len(y)} targets')\n"
             "    order = np.arange(len(X))\n"
             "    rng.shuffle(order)\n"
             "    index_batches, start = [], 0\n"
             "    while start < len(order):\n"
             "        index_batches.append(order[start:start + batch_size])\n"
             "        start += batch_size\n"
             "    X, y = np.asarray(X), np.asarray(y)\n"
             "    return [[np.take(X, idx, axis=0), np.take(y, idx, axis=0)] for idx in index_batches]")}),
    # Correct: shuffle copies once, then slice (a list of tuples).
    dict(name="minibatches_shuffled_copies", kind="restyled",
         keeps=["test_minibatches_epoch", "test_minibatches_order"],
         answers={"minibatches": (
             "def minibatches(X, y, batch_size, rng):\n" + _CHECK +
             "    order = rng.permutation(len(X))\n"
             "    X_shuffled, y_shuffled = X[order], y[order]\n"
             "    n_batches = -(-len(X) // batch_size)\n"
             "    return [tuple((X_shuffled[k * batch_size:(k + 1) * batch_size],\n"
             "                   y_shuffled[k * batch_size:(k + 1) * batch_size]))\n"
             "            for k in range(n_batches)]")}),

    # --- Question 3: critical_learning_rate ------------------------------------------------------
    # Forgets the factor 2 of the squared error's second derivative: Hessian X1^T X1 / N.
    dict(name="critical_lr_no_factor_two", kind="wrong", loses=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.asarray(X, dtype=float)\n"
             "    X1 = np.c_[X, np.ones(len(X))]\n"
             "    return float(2 / np.linalg.eigvalsh(X1.T @ X1 / len(X)).max())")}),
    # Leaves out the bias: right for centred data only.
    dict(name="critical_lr_no_bias", kind="wrong", loses=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.asarray(X, dtype=float)\n"
             "    return float(2 / np.linalg.eigvalsh(2 / len(X) * X.T @ X).max())")}),
    # 1/L, the rate of the fastest one-step convergence along the steepest direction, not the limit.
    dict(name="critical_lr_one_over_L", kind="wrong", loses=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.asarray(X, dtype=float)\n"
             "    X1 = np.c_[X, np.ones(len(X))]\n"
             "    return float(1 / np.linalg.eigvalsh(2 / len(X) * X1.T @ X1).max())")}),
    # A sum instead of a mean (Hessian 2 X1^T X1): N times too small.
    dict(name="critical_lr_sum_not_mean", kind="wrong", loses=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.asarray(X, dtype=float)\n"
             "    X1 = np.c_[X, np.ones(len(X))]\n"
             "    return float(2 / np.linalg.eigvalsh(2 * X1.T @ X1).max())")}),
    # The forbidden shortcut: dlcore's curvature helper on a Linear model.
    dict(name="critical_lr_dlcore_shortcut", kind="wrong", loses=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.asarray(X, dtype=np.float64)\n"
             "    model = dl.Linear(X.shape[1], 1, rng=0, dtype=np.float64)\n"
             "    L = dl.curvature.hessian_max_eigenvalue(model, dl.MSELoss(), X, np.zeros((len(X), 1)), iters=2000)\n"
             "    return 2 / L")}),
    # The trace of the Hessian (the sum of ALL curvatures) instead of the largest one: safe, too small.
    dict(name="critical_lr_trace", kind="wrong", loses=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.asarray(X, dtype=float)\n"
             "    X1 = np.c_[X, np.ones(len(X))]\n"
             "    return float(2 / np.trace(2 / len(X) * X1.T @ X1))")}),
    # The covariance matrix of the inputs (centred, no bias): the curvature of centred data only.
    dict(name="critical_lr_covariance", kind="wrong", loses=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.asarray(X, dtype=float)\n"
             "    C = np.atleast_2d(np.cov(X, rowvar=False, bias=True))\n"
             "    return float(2 / (2 * np.linalg.eigvalsh(C).max()))")}),
    # Divides by N - 1 (the sample-variance habit): the rate comes out (N - 1)/N too small.
    dict(name="critical_lr_n_minus_one", kind="wrong", loses=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.asarray(X, dtype=float)\n"
             "    X1 = np.c_[X, np.ones(len(X))]\n"
             "    return float(2 / np.linalg.eigvalsh(2 / (len(X) - 1) * X1.T @ X1).max())")}),
    # Correct: the Hessian assembled from its blocks (w-w, w-b, b-b), np.linalg.eigvals, and a
    # NumPy float returned instead of a Python float.
    dict(name="critical_lr_blocks_eigvals", kind="restyled", keeps=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.array(X, dtype=np.float64)\n"
             "    N = X.shape[0]\n"
             "    H = np.block([[2 / N * X.T @ X, 2 / N * X.sum(axis=0)[:, None]],\n"
             "                  [2 / N * X.sum(axis=0)[None, :], np.full((1, 1), 2.0)]])\n"
             "    return 2 / np.max(np.linalg.eigvals(H).real)")}),
    # Correct: the N x N Gram matrix [X 1][X 1]^T has the same nonzero eigenvalues.
    dict(name="critical_lr_gram_rows", kind="restyled", keeps=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X1 = np.column_stack([np.asarray(X, dtype=float), np.ones(np.shape(X)[0])])\n"
             "    return float(len(X1) / np.linalg.eigvalsh(X1 @ X1.T)[-1])")}),
    # Correct: the largest singular value of [X 1], L = 2 s_max^2 / N, in float32.
    dict(name="critical_lr_svd_float32", kind="restyled", keeps=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    X = np.asarray(X, dtype=np.float32)\n"
             "    X1 = np.hstack([X, np.ones((X.shape[0], 1), dtype=np.float32)])\n"
             "    s_max = np.linalg.svd(X1, compute_uv=False)[0]\n"
             "    return float(len(X) / s_max ** 2)")}),
    # Correct: the Hessian entry by entry with loops, then power iteration.
    dict(name="critical_lr_loops_power_iteration", kind="restyled",
         keeps=["test_critical_learning_rate"],
         answers={"critical_learning_rate": (
             "def critical_learning_rate(X):\n"
             "    rows = [list(map(float, row)) + [1.0] for row in np.asarray(X)]\n"
             "    n, d = len(rows), len(rows[0])\n"
             "    H = np.zeros((d, d))\n"
             "    for i in range(d):\n"
             "        for j in range(d):\n"
             "            H[i, j] = 2.0 / n * sum(r[i] * r[j] for r in rows)\n"
             "    v = np.ones(d) / np.sqrt(d)\n"
             "    for _ in range(5000):\n"
             "        w = H @ v\n"
             "        v = w / np.linalg.norm(w)\n"
             "    return 2.0 / float(v @ H @ v)")}),
]
