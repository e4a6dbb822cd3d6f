"""Wrong and restyled answers for exercise 7 (see README.md beside this file)."""

VARIANTS = [
    # Q1 sigmoid_grad: the sigmoid itself.
    dict(name="sigmoid_grad_is_sigmoid", kind="wrong", loses=["test_sigmoid_grad"],
         answers={"sigmoid_grad": "def sigmoid_grad(z):\n    return dl.functional.sigmoid(np.asarray(z, dtype=float))"}),
    # Q1 sigmoid_grad: the literal sigmoid, which overflows at z = -1000.
    dict(name="sigmoid_grad_literal", kind="wrong", loses=["test_sigmoid_grad"],
         answers={"sigmoid_grad": ("def sigmoid_grad(z):\n    s = 1 / (1 + np.exp(-np.asarray(z, dtype=float)))\n"
                                   "    return s * (1 - s)")}),
    dict(name="sigmoid_grad_symmetric_form", kind="restyled", keeps=["test_sigmoid_grad"],
         answers={"sigmoid_grad": ("def sigmoid_grad(z):\n    e = np.exp(-np.abs(np.asarray(z, dtype=float)))\n"
                                   "    return e / (1 + e) ** 2")}),
    # Q3: the chapter's sigmoid numbers copied.
    dict(name="chain_gain_sigmoid_numbers", kind="wrong", loses=["test_chain_gain_numbers"],
         answers={"chain_gain_numbers": "z_half = float(np.log(3 + 2 * np.sqrt(2)))\nbound_10_sigmoid_w2 = 0.25 ** 10\nw_needed = 4.0"}),
    # Q3: the weight counted once instead of once per layer.
    dict(name="chain_gain_weight_once", kind="wrong", loses=["test_chain_gain_numbers"],
         answers={"chain_gain_numbers": "z_half = float(np.log(3 + 2 * np.sqrt(2)))\nbound_10_sigmoid_w2 = 2 * 0.25 ** 10\nw_needed = 4 ** 10"}),
    dict(name="chain_gain_expressions", kind="restyled", keeps=["test_chain_gain_numbers"],
         answers={"chain_gain_numbers": ("sig_max = 1 / 4\nz_half = 2 * np.arctanh(1 / np.sqrt(2))\n"
                                         "bound_10_sigmoid_w2 = np.prod([2 * sig_max] * 10)\nw_needed = 1 / sig_max")}),
    # Q5: the sigmoid's derivative instead of tanh's.
    dict(name="tanh_neuron_sigmoid_factor", kind="wrong", loses=["test_tanh_neuron_grads"],
         answers={"tanh_neuron_grads": ("def tanh_neuron_grads(w, b, x, y):\n"
                                        "    w, x = np.asarray(w, dtype=float), np.asarray(x, dtype=float)\n"
                                        "    y_hat = np.tanh(w @ x + b)\n"
                                        "    d = 2 * (y_hat - y) * y_hat * (1 - y_hat)\n    return d * x, float(d)")}),
    # Q5: the power rule's 2 lost.
    dict(name="tanh_neuron_no_two", kind="wrong", loses=["test_tanh_neuron_grads"],
         answers={"tanh_neuron_grads": ("def tanh_neuron_grads(w, b, x, y):\n"
                                        "    w, x = np.asarray(w, dtype=float), np.asarray(x, dtype=float)\n"
                                        "    y_hat = np.tanh(w @ x + b)\n"
                                        "    d = (y_hat - y) * (1 - y_hat ** 2)\n    return d * x, float(d)")}),
    dict(name="tanh_neuron_math_lists", kind="restyled", keeps=["test_tanh_neuron_grads"],
         answers={"tanh_neuron_grads": ("import math\n"
                                        "def tanh_neuron_grads(w, b, x, y):\n"
                                        "    z = sum(float(wi) * float(xi) for wi, xi in zip(w, x)) + float(b)\n"
                                        "    t = math.tanh(z)\n"
                                        "    d = 2 * (t - y) * (1 - t * t)\n"
                                        "    return [d * float(xi) for xi in x], d")}),
    # Q6: the ReLU ignored on the way back.
    dict(name="block_backward_no_mask", kind="wrong", loses=["test_block_backward"],
         answers={"block_backward": ("def block_backward(delta2, a, W1, b1, W2):\n"
                                     "    h = np.maximum(a @ W1.T + b1, 0)\n"
                                     "    d1 = delta2 @ W2\n"
                                     "    return d1.T @ a, d1.sum(axis=0), delta2.T @ h, delta2.sum(axis=0), d1 @ W1")}),
    # Q6: the forward pass recomputed without b1, so H (and dW2) are wrong.
    dict(name="block_backward_forward_without_bias", kind="wrong", loses=["test_block_backward"],
         answers={"block_backward": ("def block_backward(delta2, a, W1, b1, W2):\n"
                                     "    z1 = a @ W1.T + b1\n"
                                     "    d1 = (delta2 @ W2) * (z1 > 0)\n"
                                     "    h_wrong = np.maximum(a @ W1.T, 0)\n"
                                     "    return d1.T @ a, d1.sum(axis=0), delta2.T @ h_wrong, delta2.sum(axis=0), d1 @ W1")}),
    # Q6: averaged over the batch.
    dict(name="block_backward_mean", kind="wrong", loses=["test_block_backward"],
         answers={"block_backward": ("def block_backward(delta2, a, W1, b1, W2):\n"
                                     "    n = len(a)\n    z1 = a @ W1.T + b1\n    h = np.maximum(z1, 0)\n"
                                     "    d1 = (delta2 @ W2) * (z1 > 0)\n"
                                     "    return d1.T @ a / n, d1.mean(axis=0), delta2.T @ h / n, delta2.mean(axis=0), d1 @ W1")}),
    dict(name="block_backward_einsum_where", kind="restyled", keeps=["test_block_backward"],
         answers={"block_backward": ("def block_backward(delta2, a, W1, b1, W2):\n"
                                     "    z1 = np.einsum('ni,hi->nh', a, W1) + b1\n"
                                     "    h = np.where(z1 > 0, z1, 0.0)\n"
                                     "    d1 = np.where(z1 > 0, np.einsum('no,oh->nh', delta2, W2), 0.0)\n"
                                     "    return (np.einsum('nh,ni->hi', d1, a), np.einsum('nh->h', d1),\n"
                                     "            np.einsum('no,nh->oh', delta2, h), np.einsum('no->o', delta2),\n"
                                     "            np.einsum('nh,hi->ni', d1, W1))")}),
    # Q7: the worst ratio entry by entry.
    dict(name="relative_error_per_entry", kind="wrong", loses=["test_relative_error"],
         answers={"relative_error": ("def relative_error(a, b):\n    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)\n"
                                     "    return float(np.max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)))")}),
    dict(name="relative_error_linalg", kind="restyled", keeps=["test_relative_error"],
         answers={"relative_error": ("def relative_error(a, b):\n    a, b = np.ravel(a).astype(float), np.ravel(b).astype(float)\n"
                                     "    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-8))")}),
    # Q8: a 'checker' that compares with the linear layer's formulas instead of central differences.
    dict(name="check_backward_analytic", kind="wrong", loses=["test_check_backward"],
         answers={"check_backward": ("def check_backward(forward, backward, inputs, seed=0):\n"
                                     "    a, W, b = inputs\n"
                                     "    delta = np.random.default_rng(seed).normal(size=np.shape(forward(*inputs)))\n"
                                     "    got = backward(delta, *inputs)\n"
                                     "    exact = (delta @ W, delta.T @ a, delta.sum(axis=0))\n"
                                     "    return max(relative_error(g, e) for g, e in zip(got, exact))")}),
    # Q8: one-sided differences (error of order h, far above 1e-7).
    dict(name="check_backward_one_sided", kind="wrong", loses=["test_check_backward"],
         answers={"check_backward": ("def check_backward(forward, backward, inputs, seed=0):\n"
                                     "    delta = np.random.default_rng(seed).normal(size=np.shape(forward(*inputs)))\n"
                                     "    got = backward(delta, *inputs)\n"
                                     "    L0 = float(np.sum(forward(*inputs) * delta))\n"
                                     "    worst = 0.0\n"
                                     "    for k, x in enumerate(inputs):\n"
                                     "        num = np.zeros_like(x)\n"
                                     "        for i in np.ndindex(x.shape):\n"
                                     "            old = x[i]\n            x[i] = old + 1e-3\n"
                                     "            num[i] = (float(np.sum(forward(*inputs) * delta)) - L0) / 1e-3\n"
                                     "            x[i] = old\n"
                                     "        worst = max(worst, relative_error(got[k], num))\n"
                                     "    return worst")}),
    dict(name="check_backward_own_differences", kind="restyled", keeps=["test_check_backward"],
         answers={"check_backward": ("def check_backward(forward, backward, inputs, seed=0):\n"
                                     "    rng = np.random.default_rng(seed)\n"
                                     "    delta = rng.normal(size=np.shape(forward(*inputs)))\n"
                                     "    got = backward(delta, *inputs)\n"
                                     "    errors = []\n"
                                     "    for k in range(len(inputs)):\n"
                                     "        x = inputs[k]\n        num = np.zeros(x.shape)\n        h = 1e-6\n"
                                     "        for i in np.ndindex(x.shape):\n"
                                     "            old = x[i]\n"
                                     "            x[i] = old + h\n            up = np.sum(forward(*inputs) * delta)\n"
                                     "            x[i] = old - h\n            down = np.sum(forward(*inputs) * delta)\n"
                                     "            x[i] = old\n"
                                     "            num[i] = (up - down) / (2 * h)\n"
                                     "        errors.append(dl.gradcheck.rel_error(np.asarray(got[k]), num))\n"
                                     "    return max(errors)")}),
    # Second review (issue 9): more wrong and restyled answers.
    # Q1 sigmoid_grad: sigma(z) * sigma(-z) computed with the literal sigmoid (overflows at -1000).
    dict(name="sigmoid_grad_exp_over_square", kind="wrong", loses=["test_sigmoid_grad"],
         answers={"sigmoid_grad": ("def sigmoid_grad(z):\n    e = np.exp(-np.asarray(z, dtype=float))\n"
                                   "    return e / (1 + e) ** 2")}),
    # Q1 sigmoid_grad: saturated units treated as exactly flat (0 where |z| > 20; sigma'(30) is 9.4e-14).
    dict(name="sigmoid_grad_zero_when_saturated", kind="wrong", loses=["test_sigmoid_grad"],
         answers={"sigmoid_grad": ("def sigmoid_grad(z):\n    z = np.asarray(z, dtype=float)\n"
                                   "    s = dl.functional.sigmoid(z)\n"
                                   "    return np.where(np.abs(z) > 20, 0.0, s * (1 - s))")}),
    dict(name="sigmoid_grad_half_tanh", kind="restyled", keeps=["test_sigmoid_grad"],
         answers={"sigmoid_grad": ("def sigmoid_grad(z):\n    # sigma(z) = (1 + tanh(z / 2)) / 2\n"
                                   "    t = np.tanh(np.asarray(z, dtype=float) / 2)\n"
                                   "    return (1 - t) * (1 + t) / 4")}),
    # Q3: z_half where sigma itself is 3/4 (sigma and sigma' confused): log 3.
    dict(name="chain_gain_z_half_of_sigma", kind="wrong", loses=["test_chain_gain_numbers"],
         answers={"chain_gain_numbers": "z_half = np.log(3)\nbound_10_sigmoid_w2 = 0.5 ** 10\nw_needed = 4.0"}),
    # Q3: z_half read off the figure to two decimals.
    dict(name="chain_gain_z_half_from_figure", kind="wrong", loses=["test_chain_gain_numbers"],
         answers={"chain_gain_numbers": "z_half = 1.76\nbound_10_sigmoid_w2 = 0.5 ** 10\nw_needed = 4.0"}),
    # Q3: the weight raised to the tenth power but sigma' counted once: 2^10 / 4.
    dict(name="chain_gain_weight_power_only", kind="wrong", loses=["test_chain_gain_numbers"],
         answers={"chain_gain_numbers": "z_half = float(np.log(3 + 2 * np.sqrt(2)))\nbound_10_sigmoid_w2 = 2 ** 10 * 0.25\nw_needed = 4"}),
    dict(name="chain_gain_bisection_fractions", kind="restyled", keeps=["test_chain_gain_numbers"],
         answers={"chain_gain_numbers": ("from fractions import Fraction\n"
                                         "lo, hi = 0.0, 8.0\n"
                                         "for _ in range(200):\n"
                                         "    mid = (lo + hi) / 2\n"
                                         "    lo, hi = (mid, hi) if sigmoid_grad(np.array([mid]))[0] > 1 / 8 else (lo, mid)\n"
                                         "z_half = lo\n"
                                         "bound_10_sigmoid_w2 = float(Fraction(2, 4) ** 10)\n"
                                         "w_needed = np.float32(4)")}),
    # Q5: tanh' taken as 1 - tanh(z) (the square forgotten).
    dict(name="tanh_neuron_no_square", kind="wrong", loses=["test_tanh_neuron_grads"],
         answers={"tanh_neuron_grads": ("def tanh_neuron_grads(w, b, x, y):\n"
                                        "    w, x = np.asarray(w, dtype=float), np.asarray(x, dtype=float)\n"
                                        "    y_hat = np.tanh(w @ x + b)\n"
                                        "    g = 2 * (y_hat - y) * (1 - y_hat)\n"
                                        "    return g * x, float(g)")}),
    # Q5: 1 / cosh^2 for tanh', exact but overflowing at z = 1000 (cosh overflows: a warning).
    dict(name="tanh_neuron_cosh", kind="wrong", loses=["test_tanh_neuron_grads"],
         answers={"tanh_neuron_grads": ("def tanh_neuron_grads(w, b, x, y):\n"
                                        "    w, x = np.asarray(w, dtype=float), np.asarray(x, dtype=float)\n"
                                        "    z = w @ x + b\n"
                                        "    g = 2 * (np.tanh(z) - y) / np.cosh(z) ** 2\n"
                                        "    return g * x, float(g)")}),
    dict(name="tanh_neuron_loop_float32", kind="restyled", keeps=["test_tanh_neuron_grads"],
         answers={"tanh_neuron_grads": ("def tanh_neuron_grads(w, b, x, y):\n"
                                        "    z = float(b)\n"
                                        "    for wj, xj in zip(w, x):\n        z += float(wj) * float(xj)\n"
                                        "    t = np.float32(np.tanh(z))\n"
                                        "    dz = np.float32(2) * (t - np.float32(y)) * (np.float32(1) - t * t)\n"
                                        "    return np.array([dz * np.float32(xj) for xj in x]), dz")}),
    # Q6: the ReLU applied to the gradient (max(dL/dH, 0)) instead of masking by Z1 > 0.
    dict(name="block_backward_mask_from_gradient", kind="wrong", loses=["test_block_backward"],
         answers={"block_backward": ("def block_backward(delta2, a, W1, b1, W2):\n"
                                     "    z1 = a @ W1.T + b1\n    h = np.maximum(z1, 0)\n"
                                     "    dh = delta2 @ W2\n    d1 = np.maximum(dh, 0)\n"
                                     "    return d1.T @ a, d1.sum(axis=0), delta2.T @ h, delta2.sum(axis=0), d1 @ W1")}),
    # Q6: dW2 from the pre-activation Z1 instead of the second layer's input H = ReLU(Z1).
    dict(name="block_backward_dW2_from_z1", kind="wrong", loses=["test_block_backward"],
         answers={"block_backward": ("def block_backward(delta2, a, W1, b1, W2):\n"
                                     "    z1 = a @ W1.T + b1\n"
                                     "    d1 = (delta2 @ W2) * (z1 > 0)\n"
                                     "    return d1.T @ a, d1.sum(axis=0), delta2.T @ z1, delta2.sum(axis=0), d1 @ W1")}),
    dict(name="block_backward_per_example_loop", kind="restyled", keeps=["test_block_backward"],
         answers={"block_backward": ("def block_backward(delta2, a, W1, b1, W2):\n"
                                     "    dW1, db1 = np.zeros_like(W1), np.zeros_like(b1)\n"
                                     "    dW2, db2 = np.zeros_like(W2), np.zeros(W2.shape[0])\n"
                                     "    da = np.zeros_like(a)\n"
                                     "    for n in range(a.shape[0]):\n"
                                     "        z1 = W1 @ a[n] + b1\n        h = np.where(z1 > 0, z1, 0.0)\n"
                                     "        dW2 += np.outer(delta2[n], h)\n        db2 += delta2[n]\n"
                                     "        d1 = (W2.T @ delta2[n]) * (z1 > 0)\n"
                                     "        dW1 += np.outer(d1, a[n])\n        db1 += d1\n        da[n] = W1.T @ d1\n"
                                     "    return dW1, db1, dW2, db2, da")}),
    # Q7: the denominator without the floor (nan for two zero arrays).
    dict(name="relative_error_no_floor", kind="wrong", loses=["test_relative_error"],
         answers={"relative_error": ("def relative_error(a, b):\n"
                                     "    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)\n"
                                     "    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))")}),
    # Q7: divided by the norm of the sum, ||a + b||, not the sum of the norms.
    dict(name="relative_error_norm_of_sum", kind="wrong", loses=["test_relative_error"],
         answers={"relative_error": ("def relative_error(a, b):\n"
                                     "    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)\n"
                                     "    return float(np.linalg.norm(a - b) / max(np.linalg.norm(a + b), 1e-8))")}),
    dict(name="relative_error_lists_math", kind="restyled", keeps=["test_relative_error"],
         answers={"relative_error": ("import math\n"
                                     "def relative_error(a, b):\n"
                                     "    fa = [float(v) for v in np.ravel(a)]\n    fb = [float(v) for v in np.ravel(b)]\n"
                                     "    diff = math.sqrt(sum((u - v) ** 2 for u, v in zip(fa, fb)))\n"
                                     "    na = math.sqrt(sum(u * u for u in fa))\n    nb = math.sqrt(sum(v * v for v in fb))\n"
                                     "    return diff / max(na + nb, 1e-8)")}),
    # Q8: checks only the first array of inputs (the layer's input), not the parameters.
    dict(name="check_backward_first_only", kind="wrong", loses=["test_check_backward"],
         answers={"check_backward": ("def check_backward(forward, backward, inputs, seed=0):\n"
                                     "    delta = np.random.default_rng(seed).normal(size=np.shape(forward(*inputs)))\n"
                                     "    got = backward(delta, *inputs)\n"
                                     "    num = dl.gradcheck.numerical_gradient(lambda: float(np.sum(forward(*inputs) * delta)), inputs[0])\n"
                                     "    return relative_error(got[0], num)")}),
    # Q8: a delta of ones instead of the seeded random one (L = sum Z).
    dict(name="check_backward_delta_ones", kind="wrong", loses=["test_check_backward"],
         answers={"check_backward": ("def check_backward(forward, backward, inputs, seed=0):\n"
                                     "    delta = np.ones(np.shape(forward(*inputs)))\n"
                                     "    got = backward(delta, *inputs)\n"
                                     "    loss = lambda: float(np.sum(forward(*inputs)))\n"
                                     "    return max(relative_error(g, dl.gradcheck.numerical_gradient(loss, x))\n"
                                     "               for g, x in zip(got, inputs))")}),
    dict(name="check_backward_copies_loop", kind="restyled", keeps=["test_check_backward"],
         answers={"check_backward": ("def check_backward(forward, backward, inputs, seed=0):\n"
                                     "    z = forward(*inputs)\n"
                                     "    delta = np.random.default_rng(seed).normal(size=z.shape)\n"
                                     "    got = backward(delta, *inputs)\n    worst = 0.0\n    h = 1e-5\n"
                                     "    for k in range(len(inputs)):\n"
                                     "        num = np.zeros(inputs[k].shape)\n"
                                     "        for i in np.ndindex(inputs[k].shape):\n"
                                     "            up = [v.copy() for v in inputs]\n            down = [v.copy() for v in inputs]\n"
                                     "            up[k][i] += h\n            down[k][i] -= h\n"
                                     "            num[i] = (np.sum(forward(*up) * delta) - np.sum(forward(*down) * delta)) / (2 * h)\n"
                                     "        worst = max(worst, relative_error(got[k], num))\n"
                                     "    return worst")}),
]
