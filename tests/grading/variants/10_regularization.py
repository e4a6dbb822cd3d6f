"""Wrong and restyled answers for exercise 10 (see README.md beside this file)."""

_BN_HEAD = ("def batchnorm_forward(x, gamma, beta, running_mean, running_var, training,\n"
            "                      momentum=0.1, eps=1e-5):\n")

VARIANTS = [
    # --- dropout_forward ---------------------------------------------------------------
    dict(name="dropout_scales_by_1_minus_p", kind="wrong", loses=["test_dropout_forward"],
         answers={"dropout_forward": (
             "def dropout_forward(x, p, keep, training=True):\n"
             "    x = np.asarray(x)\n"
             "    if not training:\n"
             "        return x.copy()\n"
             "    return x * keep * (1 - p)\n")}),
    dict(name="dropout_masks_in_eval_mode", kind="wrong", loses=["test_dropout_forward"],
         answers={"dropout_forward": (
             "def dropout_forward(x, p, keep, training=True):\n"
             "    return np.asarray(x) * keep / (1 - p)\n")}),
    dict(name="dropout_calls_dlcore", kind="wrong", loses=["test_dropout_forward"],
         answers={"dropout_forward": (
             "def dropout_forward(x, p, keep, training=True):\n"
             "    x = np.asarray(x)\n"
             "    layer = dl.Dropout(p, rng=0)\n"
             "    layer.train(training)\n"
             "    layer.forward(x)\n"
             "    return x * keep / (1 - p) if training else x.copy()\n")}),
    dict(name="dropout_forward_loops_lists_float32", kind="restyled",
         keeps=["test_dropout_forward"],
         answers={"dropout_forward": (
             "def dropout_forward(x, p, keep, training=True):\n"
             "    x = np.array(x, dtype=np.float32)\n"
             "    if not training:\n"
             "        return x\n"
             "    out = np.zeros_like(x)\n"
             "    scale = 1.0 / (1.0 - p)\n"
             "    for idx in np.ndindex(*x.shape):\n"
             "        if keep[idx]:\n"
             "            out[idx] = x[idx] * scale\n"
             "    return out\n")}),
    dict(name="dropout_forward_multiply_mask", kind="restyled", keeps=["test_dropout_forward"],
         answers={"dropout_forward": (
             "def dropout_forward(x, p, keep, training=True):\n"
             "    if training:\n"
             "        return np.multiply(x, np.asarray(keep, dtype=float)) / (1 - p)\n"
             "    return np.array(x, copy=True)\n")}),
    # --- dropout_backward --------------------------------------------------------------
    dict(name="dropout_backward_unscaled", kind="wrong", loses=["test_dropout_backward"],
         answers={"dropout_backward": (
             "def dropout_backward(grad_y, p, keep):\n"
             "    return np.asarray(grad_y) * keep\n")}),
    dict(name="dropout_backward_scaled_by_1_minus_p", kind="wrong",
         loses=["test_dropout_backward"],
         answers={"dropout_backward": (
             "def dropout_backward(grad_y, p, keep):\n"
             "    return np.asarray(grad_y) * keep * (1 - p)\n")}),
    dict(name="dropout_backward_loop", kind="restyled", keeps=["test_dropout_backward"],
         answers={"dropout_backward": (
             "def dropout_backward(grad_y, p, keep):\n"
             "    g = np.asarray(grad_y, dtype=float)\n"
             "    out = np.empty_like(g)\n"
             "    for i in range(g.shape[0]):\n"
             "        for j in range(g.shape[1]):\n"
             "            out[i, j] = g[i, j] / (1 - p) if keep[i, j] else 0.0\n"
             "    return out\n")}),
    # --- batchnorm_forward -------------------------------------------------------------
    dict(name="bn_normalises_with_unbiased_variance", kind="wrong",
         loses=["test_batchnorm_train"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x)\n"
             "    if training:\n"
             "        mu, var = x.mean(axis=0), x.var(axis=0, ddof=1)\n"
             "        m = (1 - momentum) * running_mean + momentum * mu\n"
             "        v = (1 - momentum) * running_var + momentum * var\n"
             "    else:\n"
             "        mu, var, m, v = running_mean, running_var, running_mean, running_var\n"
             "    return gamma * (x - mu) / np.sqrt(var + eps) + beta, m, v\n")}),
    dict(name="bn_biased_running_variance", kind="wrong", loses=["test_batchnorm_train"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x)\n"
             "    if training:\n"
             "        mu, var = x.mean(axis=0), x.var(axis=0)\n"
             "        m = (1 - momentum) * running_mean + momentum * mu\n"
             "        v = (1 - momentum) * running_var + momentum * var\n"
             "    else:\n"
             "        mu, var, m, v = running_mean, running_var, running_mean, running_var\n"
             "    return gamma * (x - mu) / np.sqrt(var + eps) + beta, m, v\n")}),
    dict(name="bn_forgets_eps", kind="wrong",
         loses=["test_batchnorm_train", "test_batchnorm_eval"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x)\n"
             "    if training:\n"
             "        n = x.shape[0]\n"
             "        mu, var = x.mean(axis=0), x.var(axis=0)\n"
             "        m = (1 - momentum) * running_mean + momentum * mu\n"
             "        v = (1 - momentum) * running_var + momentum * var * n / (n - 1)\n"
             "    else:\n"
             "        mu, var, m, v = running_mean, running_var, running_mean, running_var\n"
             "    return gamma * (x - mu) / np.sqrt(var) + beta, m, v\n")}),
    dict(name="bn_updates_running_stats_in_eval", kind="wrong", loses=["test_batchnorm_eval"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x)\n"
             "    n = x.shape[0]\n"
             "    mu, var = x.mean(axis=0), x.var(axis=0)\n"
             "    unbiased = var * n / (n - 1) if n > 1 else var\n"
             "    m = (1 - momentum) * running_mean + momentum * mu\n"
             "    v = (1 - momentum) * running_var + momentum * unbiased\n"
             "    if not training:\n"
             "        mu, var = running_mean, running_var\n"
             "    return gamma * (x - mu) / np.sqrt(var + eps) + beta, m, v\n")}),
    dict(name="bn_batch_stats_in_eval", kind="wrong", loses=["test_batchnorm_eval"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x)\n"
             "    n = x.shape[0]\n"
             "    mu, var = x.mean(axis=0), x.var(axis=0)\n"
             "    if training:\n"
             "        m = (1 - momentum) * running_mean + momentum * mu\n"
             "        v = (1 - momentum) * running_var + momentum * var * n / (n - 1)\n"
             "    else:\n"
             "        m, v = running_mean, running_var\n"
             "    return gamma * (x - mu) / np.sqrt(var + eps) + beta, m, v\n")}),
    dict(name="bn_calls_dlcore", kind="wrong",
         loses=["test_batchnorm_train", "test_batchnorm_eval"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x, dtype=np.float64)\n"
             "    layer = dl.BatchNorm1d(x.shape[1], eps=eps, momentum=momentum,\n"
             "                           dtype=np.float64)\n"
             "    layer.weight.data[:] = gamma\n"
             "    layer.bias.data[:] = beta\n"
             "    layer.running_mean[:] = running_mean\n"
             "    layer.running_var[:] = running_var\n"
             "    layer.train(training)\n"
             "    y = layer(x)\n"
             "    return y, layer.running_mean.copy(), layer.running_var.copy()\n")}),
    dict(name="bn_loops_over_features_float32", kind="restyled",
         keeps=["test_batchnorm_train", "test_batchnorm_eval"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x, dtype=np.float32)\n"
             "    B, C = x.shape\n"
             "    y = np.empty((B, C), dtype=np.float32)\n"
             "    new_m, new_v = [], []\n"
             "    for c in range(C):\n"
             "        col = x[:, c]\n"
             "        if training:\n"
             "            mu = sum(col) / B\n"
             "            var = sum((v - mu) ** 2 for v in col) / B\n"
             "            new_m.append((1 - momentum) * running_mean[c] + momentum * mu)\n"
             "            new_v.append((1 - momentum) * running_var[c]\n"
             "                         + momentum * var * B / (B - 1))\n"
             "        else:\n"
             "            mu, var = running_mean[c], running_var[c]\n"
             "            new_m.append(running_mean[c])\n"
             "            new_v.append(running_var[c])\n"
             "        y[:, c] = gamma[c] * (col - mu) / np.sqrt(var + eps) + beta[c]\n"
             "    return y, np.array(new_m), np.array(new_v)\n")}),
    dict(name="bn_moment_formula_keepdims", kind="restyled",
         keeps=["test_batchnorm_train", "test_batchnorm_eval"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x, dtype=np.float64)\n"
             "    if training:\n"
             "        n = len(x)\n"
             "        mu = np.mean(x, axis=0, keepdims=True)\n"
             "        var = np.mean(x ** 2, axis=0, keepdims=True) - mu ** 2\n"
             "        var = np.maximum(var, 0.0)\n"
             "        m = running_mean + momentum * (mu[0] - running_mean)\n"
             "        v = running_var + momentum * (var[0] * n / (n - 1) - running_var)\n"
             "    else:\n"
             "        mu, var = running_mean[None, :], running_var[None, :]\n"
             "        m, v = np.array(running_mean), np.array(running_var)\n"
             "    x_hat = (x - mu) * (var + eps) ** -0.5\n"
             "    return x_hat * gamma + beta, m, v\n")}),
    # --- added in review: more plausible mistakes and styles ----------------------------
    dict(name="dropout_forward_divides_by_p", kind="wrong", loses=["test_dropout_forward"],
         answers={"dropout_forward": (
             "def dropout_forward(x, p, keep, training=True):\n"
             "    x = np.asarray(x)\n"
             "    if not training:\n"
             "        return x.copy()\n"
             "    return np.where(keep, x / p, 0.0)\n")}),     # right at p = 0.5 only
    dict(name="dropout_forward_draws_its_own_mask", kind="wrong",
         loses=["test_dropout_forward"],
         answers={"dropout_forward": (
             "def dropout_forward(x, p, keep, training=True):\n"
             "    x = np.asarray(x)\n"
             "    if not training:\n"
             "        return x.copy()\n"
             "    mask = np.random.default_rng(0).random(x.shape) >= p\n"
             "    return np.where(mask, x / (1 - p), 0.0)\n")}),
    dict(name="dropout_forward_in_place", kind="wrong", loses=["test_dropout_forward"],
         answers={"dropout_forward": (
             "def dropout_forward(x, p, keep, training=True):\n"
             "    if training:\n"
             "        x *= keep\n"
             "        x /= 1 - p\n"
             "    return x\n")}),
    dict(name="dropout_forward_divide_where", kind="restyled", keeps=["test_dropout_forward"],
         answers={"dropout_forward": (
             "def dropout_forward(x, p, keep, training=True):\n"
             "    if not training:\n"
             "        return x\n"
             "    x = np.asarray(x, dtype=float)\n"
             "    return np.divide(x, 1 - p, out=np.zeros_like(x), where=np.asarray(keep))\n")}),
    dict(name="dropout_backward_divides_by_p", kind="wrong", loses=["test_dropout_backward"],
         answers={"dropout_backward": (
             "def dropout_backward(grad_y, p, keep):\n"
             "    return np.where(keep, np.asarray(grad_y) / p, 0.0)\n")}),
    dict(name="dropout_backward_reuses_forward", kind="restyled",
         keeps=["test_dropout_backward"],
         answers={"dropout_backward": (
             "def dropout_backward(grad_y, p, keep):\n"
             "    # y = x * keep / (1 - p) is linear in x: dL/dx is the same map of dL/dy\n"
             "    return dropout_forward(grad_y, p, keep, training=True)\n")}),
    dict(name="bn_eps_outside_sqrt", kind="wrong",
         loses=["test_batchnorm_train", "test_batchnorm_eval"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x)\n"
             "    if training:\n"
             "        n = x.shape[0]\n"
             "        mu, var = x.mean(axis=0), x.var(axis=0)\n"
             "        m = (1 - momentum) * running_mean + momentum * mu\n"
             "        v = (1 - momentum) * running_var + momentum * var * n / (n - 1)\n"
             "    else:\n"
             "        mu, var, m, v = running_mean, running_var, running_mean, running_var\n"
             "    return gamma * (x - mu) / (np.sqrt(var) + eps) + beta, m, v\n")}),
    dict(name="bn_keras_momentum_convention", kind="wrong", loses=["test_batchnorm_train"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x)\n"
             "    if training:\n"
             "        n = x.shape[0]\n"
             "        mu, var = x.mean(axis=0), x.var(axis=0)\n"
             "        m = momentum * running_mean + (1 - momentum) * mu\n"
             "        v = momentum * running_var + (1 - momentum) * var * n / (n - 1)\n"
             "    else:\n"
             "        mu, var, m, v = running_mean, running_var, running_mean, running_var\n"
             "    return gamma * (x - mu) / np.sqrt(var + eps) + beta, m, v\n")}),
    dict(name="bn_updates_running_arrays_in_place", kind="wrong",
         loses=["test_batchnorm_train"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x)\n"
             "    if training:\n"
             "        n = x.shape[0]\n"
             "        mu, var = x.mean(axis=0), x.var(axis=0)\n"
             "        running_mean *= 1 - momentum\n"
             "        running_mean += momentum * mu\n"
             "        running_var *= 1 - momentum\n"
             "        running_var += momentum * var * n / (n - 1)\n"
             "    else:\n"
             "        mu, var = running_mean, running_var\n"
             "    y = gamma * (x - mu) / np.sqrt(var + eps) + beta\n"
             "    return y, running_mean, running_var\n")}),
    dict(name="bn_statistics_of_the_whole_batch_array", kind="wrong",
         loses=["test_batchnorm_train"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    x = np.asarray(x)\n"
             "    if training:\n"
             "        n = x.shape[0]\n"
             "        mu, var = x.mean(), x.var()\n"
             "        m = (1 - momentum) * running_mean + momentum * mu\n"
             "        v = (1 - momentum) * running_var + momentum * var * n / (n - 1)\n"
             "    else:\n"
             "        mu, var, m, v = running_mean, running_var, running_mean, running_var\n"
             "    return gamma * (x - mu) / np.sqrt(var + eps) + beta, m, v\n")}),
    dict(name="bn_ddof_and_std_returns_inputs_in_eval", kind="restyled",
         keeps=["test_batchnorm_train", "test_batchnorm_eval"],
         answers={"batchnorm_forward": _BN_HEAD + (
             "    if not training:\n"
             "        std = np.sqrt(np.asarray(running_var) + eps)\n"
             "        return (gamma * (x - running_mean) / std + beta,\n"
             "                running_mean, running_var)\n"
             "    x = np.asarray(x, dtype=np.float64)\n"
             "    std = np.sqrt(np.var(x, axis=0) + eps)\n"
             "    y = (x - x.mean(axis=0)) / std * gamma + beta\n"
             "    new_mean = momentum * x.mean(axis=0) + (1 - momentum) * running_mean\n"
             "    new_var = momentum * np.var(x, axis=0, ddof=1) + (1 - momentum) * running_var\n"
             "    return y, new_mean, new_var\n")}),
]
