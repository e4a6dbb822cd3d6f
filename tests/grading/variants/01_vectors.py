"""Wrong and restyled answers for exercise 1 (see README.md beside this file)."""

VARIANTS = [
    # Q1 matmul: pairing a row of A with a ROW of B (right shape for square matrices, wrong values).
    dict(name="matmul_rows_with_rows", kind="wrong", loses=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    if len(A[0]) != len(B):\n"
             "        raise ValueError('shapes')\n"
             "    return [[sum(a * b for a, b in zip(row, B[k])) for k in range(len(B[0]))] for row in A]")}),
    # Q1 matmul: the forbidden shortcut.
    dict(name="matmul_numpy", kind="wrong", loses=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)\n"
             "    if A.shape[1] != B.shape[0]:\n"
             "        raise ValueError(f'{A.shape} and {B.shape}')\n"
             "    return np.matmul(A, B)")}),
    # Q1 matmul: no shape check (zip silently truncates).
    dict(name="matmul_no_check", kind="wrong", loses=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    cols = list(zip(*B))\n"
             "    return [[sum(a * b for a, b in zip(row, col)) for col in cols] for row in A]")}),
    dict(name="matmul_columns_comprehension", kind="restyled", keeps=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    if len(A[0]) != len(B):\n"
             "        raise ValueError(f'A is {len(A)} x {len(A[0])}, B is {len(B)} x {len(B[0])}')\n"
             "    cols = list(zip(*B))\n"
             "    return [[sum(a * b for a, b in zip(row, col)) for col in cols] for row in A]")}),
    dict(name="matmul_array_index_loops", kind="restyled", keeps=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    A = np.asarray(A, dtype=np.float64)\n"
             "    B = np.asarray(B, dtype=np.float64)\n"
             "    (m, n), (n2, p) = A.shape, B.shape\n"
             "    if n != n2:\n"
             "        raise ValueError(f'{A.shape} vs {B.shape}')\n"
             "    C = np.zeros((m, p))\n"
             "    for i in range(m):\n"
             "        for k in range(p):\n"
             "            for j in range(n):\n"
             "                C[i, k] += A[i, j] * B[j, k]\n"
             "    return C")}),
    # Q2 grad_wrt_W: rows and columns swapped.
    dict(name="grad_W_transposed", kind="wrong", loses=["test_grad_wrt_W"],
         answers={"grad_wrt_W": "def grad_wrt_W(u, W, x):\n    return np.outer(x, u)"}),
    # Q2 grad_wrt_W: forgets u (the derivative of W x, component by component, summed).
    dict(name="grad_W_forgets_u", kind="wrong", loses=["test_grad_wrt_W"],
         answers={"grad_wrt_W": ("def grad_wrt_W(u, W, x):\n"
                                 "    return np.tile(np.asarray(x, dtype=float), (len(u), 1))")}),
    # Q2 grad_wrt_W: central differences instead of the formula.
    dict(name="grad_W_numerical", kind="wrong", loses=["test_grad_wrt_W"],
         answers={"grad_wrt_W": (
             "def grad_wrt_W(u, W, x):\n"
             "    u, W, x = (np.asarray(a, dtype=float) for a in (u, W, x))\n"
             "    g = np.zeros_like(W)\n"
             "    for idx in np.ndindex(W.shape):\n"
             "        Wp, Wm = W.copy(), W.copy()\n"
             "        Wp[idx] += 1e-6\n"
             "        Wm[idx] -= 1e-6\n"
             "        g[idx] = (u @ (Wp @ x) - u @ (Wm @ x)) / 2e-6\n"
             "    return g")}),
    dict(name="grad_W_loops_lists", kind="restyled", keeps=["test_grad_wrt_W"],
         answers={"grad_wrt_W": (
             "def grad_wrt_W(u, W, x):\n"
             "    return [[float(ui) * float(xj) for xj in x] for ui in u]")}),
    dict(name="grad_W_broadcast_float32", kind="restyled", keeps=["test_grad_wrt_W"],
         answers={"grad_wrt_W": (
             "def grad_wrt_W(u, W, x):\n"
             "    u = np.asarray(u, dtype=np.float32)[:, None]\n"
             "    x = np.asarray(x, dtype=np.float32)[None, :]\n"
             "    return u * x")}),
    # Q3 hidden_units: forgets the biases.
    dict(name="hidden_units_no_bias", kind="wrong", loses=["test_hidden_units"],
         answers={"hidden_units": (
             "def hidden_units(n_in, n_out, n_params):\n"
             "    h, r = divmod(n_params, n_in + n_out)\n"
             "    if r or h < 1:\n"
             "        raise ValueError('no h')\n"
             "    return h")}),
    # Q3 hidden_units: rounds instead of refusing impossible counts.
    dict(name="hidden_units_rounds", kind="wrong", loses=["test_hidden_units"],
         answers={"hidden_units": (
             "def hidden_units(n_in, n_out, n_params):\n"
             "    return max(1, round((n_params - n_out) / (n_in + n_out + 1)))")}),
    dict(name="hidden_units_search", kind="restyled", keeps=["test_hidden_units"],
         answers={"hidden_units": (
             "def hidden_units(n_in, n_out, n_params):\n"
             "    h = 1\n"
             "    while True:\n"
             "        count = h * (n_in + 1) + n_out * (h + 1)\n"
             "        if count == n_params:\n"
             "            return h\n"
             "        if count > n_params:\n"
             "            raise ValueError(f'{n_params} parameters: impossible for {n_in} -> h -> {n_out}')\n"
             "        h += 1")}),
    # Review (second engineer): NumPy's product reached through the @ operator or the .dot method,
    # which do not go through the module functions the hidden test switches off.
    dict(name="matmul_at_operator", kind="wrong", loses=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)\n"
             "    if A.shape[1] != B.shape[0]:\n"
             "        raise ValueError(f'{A.shape} and {B.shape}')\n"
             "    return A @ B")}),
    dict(name="matmul_dot_method", kind="wrong", loses=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)\n"
             "    if A.shape[1] != B.shape[0]:\n"
             "        raise ValueError(f'{A.shape} and {B.shape}')\n"
             "    return [[A[i].dot(B[:, k]) for k in range(B.shape[1])] for i in range(A.shape[0])]")}),
    # The inner loop replaced by np.sum of an elementwise product, which the question forbids.
    dict(name="matmul_np_sum_rows", kind="wrong", loses=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    A, B = np.asarray(A, dtype=float), np.asarray(B, dtype=float)\n"
             "    if A.shape[1] != B.shape[0]:\n"
             "        raise ValueError(f'{A.shape} and {B.shape}')\n"
             "    C = np.zeros((A.shape[0], B.shape[1]))\n"
             "    for i in range(A.shape[0]):\n"
             "        for k in range(B.shape[1]):\n"
             "            C[i, k] = np.sum(A[i, :] * B[:, k])\n"
             "    return C")}),
    # Correct: the loops accumulate in float32 (an exact method, rounded to single precision).
    dict(name="matmul_float32_loops", kind="restyled", keeps=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    m, n, p = len(A), len(A[0]), len(B[0])\n"
             "    if len(B) != n:\n"
             "        raise ValueError(f'A is ({m}, {n}) but B is ({len(B)}, {p})')\n"
             "    C = np.zeros((m, p), dtype=np.float32)\n"
             "    for i in range(m):\n"
             "        for k in range(p):\n"
             "            for j in range(n):\n"
             "                C[i, k] += np.float32(A[i][j]) * np.float32(B[j][k])\n"
             "    return C")}),
    # Correct: builtin sum over a generator, with the column read by index.
    dict(name="matmul_builtin_sum_index", kind="restyled", keeps=["test_matmul"],
         answers={"matmul": (
             "def matmul(A, B):\n"
             "    n = len(B)\n"
             "    if any(len(row) != n for row in A):\n"
             "        raise ValueError(f'A has {len(A[0])} columns, B has {n} rows')\n"
             "    return np.array([[sum(row[j] * B[j][k] for j in range(n)) for k in range(len(B[0]))]\n"
             "                     for row in A])")}),
    # Q2: the product rule misapplied: u x^T multiplied entry by entry by W itself.
    dict(name="grad_W_times_W", kind="wrong", loses=["test_grad_wrt_W"],
         answers={"grad_wrt_W": (
             "def grad_wrt_W(u, W, x):\n"
             "    return np.outer(u, x) * np.asarray(W, dtype=float)")}),
    dict(name="grad_W_einsum_zeros_like", kind="restyled", keeps=["test_grad_wrt_W"],
         answers={"grad_wrt_W": (
             "def grad_wrt_W(u, W, x):\n"
             "    g = np.zeros(np.shape(W))\n"
             "    for i, ui in enumerate(u):\n"
             "        g[i, :] = ui * np.asarray(x, dtype=float)\n"
             "    return g")}),
    # Q3: counts only the hidden layer's biases (forgets the output biases).
    dict(name="hidden_units_no_output_bias", kind="wrong", loses=["test_hidden_units"],
         answers={"hidden_units": (
             "def hidden_units(n_in, n_out, n_params):\n"
             "    h, r = divmod(n_params, n_in + n_out + 1)\n"
             "    if r or h < 1:\n"
             "        raise ValueError('no h')\n"
             "    return h")}),
    # Q3: floor division without checking the remainder.
    dict(name="hidden_units_floor", kind="wrong", loses=["test_hidden_units"],
         answers={"hidden_units": (
             "def hidden_units(n_in, n_out, n_params):\n"
             "    h = (n_params - n_out) // (n_in + n_out + 1)\n"
             "    if h < 1:\n"
             "        raise ValueError('no h')\n"
             "    return h")}),
    dict(name="hidden_units_float_check", kind="restyled", keeps=["test_hidden_units"],
         answers={"hidden_units": (
             "def hidden_units(n_in, n_out, n_params):\n"
             "    h = (n_params - n_out) / (n_in + 1 + n_out)\n"
             "    if not float(h).is_integer() or h < 1:\n"
             "        raise ValueError(f'{n_params} is not a possible count')\n"
             "    return int(h)")}),
]
