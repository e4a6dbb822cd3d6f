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
         answers={"chain_gain_numbers": "tanh_grad_max = 0.25\nbound_10_sigmoid_w2 = 0.25 ** 10\nw_needed = 4.0"}),
    # Q3: the weight counted once instead of once per layer.
    dict(name="chain_gain_weight_once", kind="wrong", loses=["test_chain_gain_numbers"],
         answers={"chain_gain_numbers": "tanh_grad_max = 1.0\nbound_10_sigmoid_w2 = 2 * 0.25 ** 10\nw_needed = 4 ** 10"}),
    dict(name="chain_gain_expressions", kind="restyled", keeps=["test_chain_gain_numbers"],
         answers={"chain_gain_numbers": ("sig_max = 1 / 4\ntanh_grad_max = 1 - np.tanh(0.0) ** 2\n"
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
]
