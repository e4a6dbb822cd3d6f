"""Wrong and restyled answers for exercise 6 (see README.md beside this file)."""

VARIANTS = [
    # Q2 grad_f: central differences instead of the formulas (the forbidden shortcut).
    dict(name="grad_f_central_differences", kind="wrong", loses=["test_grad_f"],
         answers={"grad_f": ("def grad_f(x, y, z):\n"
                             "    h = 1e-5\n"
                             "    p = np.array([x, y, z], dtype=float)\n"
                             "    g = np.zeros(3)\n"
                             "    for i in range(3):\n"
                             "        e = np.zeros(3)\n"
                             "        e[i] = h\n"
                             "        g[i] = (f(*(p + e)) - f(*(p - e))) / (2 * h)\n"
                             "    return g")}),
    # Q2 grad_f: dlcore's numerical gradient (switched off by the hidden test).
    dict(name="grad_f_dlcore_numerical", kind="wrong", loses=["test_grad_f"],
         answers={"grad_f": ("def grad_f(x, y, z):\n"
                             "    p = np.array([x, y, z], dtype=float)\n"
                             "    return dl.gradcheck.numerical_gradient(lambda: f(*p), p)")}),
    # Q2 grad_f: a power-rule slip in z.
    dict(name="grad_f_power_rule_slip", kind="wrong", loses=["test_grad_f"],
         answers={"grad_f": "def grad_f(x, y, z):\n    return np.array([4 / 3 * x, 2 * y - 2, 4 * z**3 - 4 * z])"}),
    dict(name="grad_f_list_factored", kind="restyled", keeps=["test_grad_f"],
         answers={"grad_f": "def grad_f(x, y, z):\n    return [4 * x / 3, 2 * (y - 1), 4 * z * z * (z - 1)]"}),
    # Q3 lr_limit: only the y direction (1 - 2 lr), the chapter's x^2 case.
    dict(name="lr_limit_y_only", kind="wrong", loses=["test_lr_limit"], answers={"lr_limit": "lr_limit = 1.0"}),
    # Q3 lr_limit: 1 / curvature instead of 2 / curvature.
    dict(name="lr_limit_one_over_curvature", kind="wrong", loses=["test_lr_limit"], answers={"lr_limit": "lr_limit = 0.25"}),
    dict(name="lr_limit_fraction", kind="restyled", keeps=["test_lr_limit"],
         answers={"lr_limit": "curvatures = [4 / 3, 2.0, 4.0]\nlr_limit = np.float32(2 / max(curvatures))"}),
    # Q4 numerical_gradient: the one-sided difference.
    dict(name="numerical_gradient_one_sided", kind="wrong", loses=["test_numerical_gradient"],
         answers={"numerical_gradient": ("def numerical_gradient(F, x, h=1e-5):\n"
                                         "    x = np.array(x, dtype=float)\n    g = np.zeros_like(x)\n    f0 = F(x)\n"
                                         "    for i in np.ndindex(x.shape):\n"
                                         "        xp = x.copy()\n        xp[i] += h\n        g[i] = (F(xp) - f0) / h\n"
                                         "    return g")}),
    dict(name="numerical_gradient_flat_basis", kind="restyled", keeps=["test_numerical_gradient"],
         answers={"numerical_gradient": ("def numerical_gradient(F, x, h=1e-5):\n"
                                         "    x = np.array(x, dtype=float)\n    flat = x.ravel()\n"
                                         "    g = []\n"
                                         "    for k in range(flat.size):\n"
                                         "        e = np.zeros(flat.size)\n        e[k] = h\n"
                                         "        up, down = (flat + e).reshape(x.shape), (flat - e).reshape(x.shape)\n"
                                         "        g.append((F(up) - F(down)) / (2 * h))\n"
                                         "    return np.array(g).reshape(x.shape)")}),
    # Q5 steps_to_tolerance: forgets the 2 of the gradient (factor 1 - lr).
    dict(name="steps_factor_without_2", kind="wrong", loses=["test_steps_to_tolerance"],
         answers={"steps_to_tolerance": (
             "def steps_to_tolerance(theta0, lr, tol):\n"
             "    r0 = float(np.linalg.norm(theta0))\n"
             "    if r0 < tol:\n        return 0\n"
             "    q = abs(1 - lr)\n"
             "    if q >= 1:\n        return None\n"
             "    if q == 0:\n        return 1\n"
             "    return int(np.floor(np.log(tol / r0) / np.log(q))) + 1")}),
    # Q5 steps_to_tolerance: treats only lr > 1 as divergent (lr = 1 oscillates forever); capped loop.
    dict(name="steps_lr_one_converges", kind="wrong", loses=["test_steps_to_tolerance"],
         answers={"steps_to_tolerance": (
             "def steps_to_tolerance(theta0, lr, tol):\n"
             "    if lr > 1:\n        return None\n"
             "    theta, t = np.array(theta0, dtype=float), 0\n"
             "    while np.linalg.norm(theta) >= tol and t < 1000:\n"
             "        theta = theta - 2 * lr * theta\n        t += 1\n"
             "    return t")}),
    dict(name="steps_simulation_with_stop", kind="restyled", keeps=["test_steps_to_tolerance"],
         answers={"steps_to_tolerance": (
             "def steps_to_tolerance(theta0, lr, tol):\n"
             "    theta = np.array(theta0, dtype=float)\n"
             "    if np.linalg.norm(theta) >= tol and abs(1 - 2 * lr) >= 1:\n        return None\n"
             "    t = 0\n"
             "    while np.linalg.norm(theta) >= tol:\n"
             "        theta = theta - lr * 2 * theta\n        t += 1\n"
             "    return t")}),
    # Q6: divides 4z^2(z - 1) = 0 by z^2 and loses the root z = 0.
    dict(name="stationary_lost_root", kind="wrong", loses=["test_stationary_points"],
         answers={"stationary_points": "stationary_points = [(0.0, 1.0, 1.0)]\nlocal_minima = [(0.0, 1.0, 1.0)]"}),
    # Q6: calls the inflection point a minimum.
    dict(name="stationary_inflection_as_minimum", kind="wrong", loses=["test_stationary_points"],
         answers={"stationary_points": ("stationary_points = [(0.0, 1.0, 0.0), (0.0, 1.0, 1.0)]\n"
                                        "local_minima = [(0.0, 1.0, 0.0), (0.0, 1.0, 1.0)]")}),
    dict(name="stationary_repeated_root_listed_twice", kind="restyled", keeps=["test_stationary_points"],
         answers={"stationary_points": ("stationary_points = [[0, 1, 0], [0, 1, 0], np.array([0, 1, 1])]\n"
                                        "local_minima = [(0, 1, 1)]")}),
    # Second review (issue 9): more wrong and restyled answers.
    # Q2 grad_f: the power rule's 2 lost on x (2/3 instead of 4/3).
    dict(name="grad_f_x_without_two", kind="wrong", loses=["test_grad_f"],
         answers={"grad_f": "def grad_f(x, y, z):\n    return np.array([2 / 3 * x, 2 * y - 2, 4 * z**3 - 4 * z**2])"}),
    # Q2 grad_f: the complex-step derivative of f, exact to rounding far from the origin too
    # (a numerical shortcut; the hidden test switches f off while grad_f runs).
    dict(name="grad_f_complex_step", kind="wrong", loses=["test_grad_f"],
         answers={"grad_f": ("def grad_f(x, y, z):\n"
                             "    p = np.array([x, y, z], dtype=complex)\n"
                             "    g = np.zeros(3)\n"
                             "    for i in range(3):\n"
                             "        q = p.copy()\n"
                             "        q[i] += 1e-30j\n"
                             "        g[i] = f(*q).imag / 1e-30\n"
                             "    return g")}),
    dict(name="grad_f_tuple_products", kind="restyled", keeps=["test_grad_f"],
         answers={"grad_f": ("def grad_f(x, y, z):\n"
                             "    dfdx = 2 * (2 / 3) * x\n    dfdy = 2 * y - 2\n"
                             "    dfdz = 4 * z * z * z - 4 * z * z\n"
                             "    return np.array((dfdx, dfdy, dfdz), dtype=float)")}),
    # Q3 lr_limit: the x direction (curvature 4/3), the flattest one.
    dict(name="lr_limit_x_only", kind="wrong", loses=["test_lr_limit"], answers={"lr_limit": "lr_limit = 1.5"}),
    dict(name="lr_limit_fraction_object", kind="restyled", keeps=["test_lr_limit"],
         answers={"lr_limit": "from fractions import Fraction\nlr_limit = Fraction(2, 4)"}),
    # Q4 numerical_gradient: forgets to restore each entry after nudging it.
    dict(name="numerical_gradient_no_restore", kind="wrong", loses=["test_numerical_gradient"],
         answers={"numerical_gradient": ("def numerical_gradient(F, x, h=1e-5):\n"
                                         "    x = np.array(x, dtype=float)\n    g = np.zeros_like(x)\n"
                                         "    for i in np.ndindex(x.shape):\n"
                                         "        old = x[i]\n        x[i] = old + h\n        up = F(x)\n"
                                         "        x[i] = old - h\n        g[i] = (up - F(x)) / (2 * h)\n"
                                         "    return g")}),
    # Q4 numerical_gradient: nudges the caller's array itself (restored, but an integer array truncates x + h).
    dict(name="numerical_gradient_in_place", kind="wrong", loses=["test_numerical_gradient"],
         answers={"numerical_gradient": ("def numerical_gradient(F, x, h=1e-5):\n"
                                         "    g = np.zeros(x.shape)\n"
                                         "    for i in np.ndindex(x.shape):\n"
                                         "        old = x[i]\n        x[i] = old + h\n        up = F(x)\n"
                                         "        x[i] = old - h\n        down = F(x)\n        x[i] = old\n"
                                         "        g[i] = (up - down) / (2 * h)\n"
                                         "    return g")}),
    dict(name="numerical_gradient_basis_matrix", kind="restyled", keeps=["test_numerical_gradient"],
         answers={"numerical_gradient": ("def numerical_gradient(F, x, h=1e-5):\n"
                                         "    base = np.asarray(x, dtype=np.float64)\n"
                                         "    steps = h * np.eye(base.size)\n"
                                         "    vals = [(F(base + s.reshape(base.shape)) - F(base - s.reshape(base.shape))) / (2 * h)\n"
                                         "            for s in steps]\n"
                                         "    return np.reshape(vals, base.shape)")}),
    # Q5 steps_to_tolerance: counts the start as step 1.
    dict(name="steps_off_by_one", kind="wrong", loses=["test_steps_to_tolerance"],
         answers={"steps_to_tolerance": (
             "def steps_to_tolerance(theta0, lr, tol):\n"
             "    if abs(1 - 2 * lr) >= 1:\n        return None\n"
             "    theta, t = np.array(theta0, dtype=float), 1\n"
             "    while np.linalg.norm(theta) >= tol:\n"
             "        theta = theta - 2 * lr * theta\n        t += 1\n"
             "    return t")}),
    # Q5 steps_to_tolerance: takes oscillation (0.5 < lr < 1) for divergence.
    dict(name="steps_oscillation_is_divergence", kind="wrong", loses=["test_steps_to_tolerance"],
         answers={"steps_to_tolerance": (
             "def steps_to_tolerance(theta0, lr, tol):\n"
             "    theta, t = np.array(theta0, dtype=float), 0\n"
             "    if np.linalg.norm(theta) < tol:\n        return 0\n"
             "    if lr > 0.5:\n        return None\n"
             "    while np.linalg.norm(theta) >= tol:\n"
             "        theta = theta - 2 * lr * theta\n        t += 1\n"
             "    return t")}),
    dict(name="steps_math_ceil", kind="restyled", keeps=["test_steps_to_tolerance"],
         answers={"steps_to_tolerance": (
             "import math\n"
             "def steps_to_tolerance(theta0, lr, tol):\n"
             "    r = math.hypot(*[float(v) for v in theta0])\n"
             "    q = abs(1 - 2 * lr)\n"
             "    if r < tol:\n        return 0\n"
             "    if q == 0:\n        return 1\n"
             "    if q >= 1:\n        return None\n"
             "    return math.ceil(math.log(tol / r) / math.log(q))")}),
    # Q6: the root of f''(z) = 12 z^2 - 8 z = 0 (z = 2/3) taken for a stationary point.
    dict(name="stationary_second_derivative_roots", kind="wrong", loses=["test_stationary_points"],
         answers={"stationary_points": ("stationary_points = [(0.0, 1.0, 0.0), (0.0, 1.0, 2 / 3)]\n"
                                        "local_minima = [(0.0, 1.0, 2 / 3)]")}),
    dict(name="stationary_numpy_rows", kind="restyled", keeps=["test_stationary_points"],
         answers={"stationary_points": ("stationary_points = np.array([[0.0, 1.0, 1.0], [0.0, 1.0, 0.0]])\n"
                                        "local_minima = [np.array([0, 1, 1])]")}),
]
