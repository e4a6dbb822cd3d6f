"""Wrong and restyled answers for exercise 11, going deeper (see README.md beside this file)."""

_INIT = '''
def init_scale(scheme, n_in, n_out, negative_slope=0.0):
    if scheme.startswith("xavier"):
        variance = 2.0 / ({xavier})
    elif scheme.startswith("he"):
        variance = {he}
    else:
        raise ValueError(scheme)
    if scheme.endswith("_normal"):
        return {normal}
    if scheme.endswith("_uniform"):
        return {uniform}
    raise ValueError(scheme)
'''


def _init(xavier="n_in + n_out", he="2.0 / ((1 + negative_slope ** 2) * n_in)", normal="float(np.sqrt(variance))",
          uniform="float(np.sqrt(3.0 * variance))"):
    return _INIT.format(xavier=xavier, he=he, normal=normal, uniform=uniform)


_RESIDUAL_LOOPS = '''
def residual_backward(grad_y, x, W1, b1, W2, b2):
    N, d = x.shape
    h = W1.shape[0]
    z = [[sum(x[n][j] * W1[i][j] for j in range(d)) + b1[i] for i in range(h)] for n in range(N)]
    r = [[max(v, 0.0) for v in row] for row in z]
    dz = [[0.0] * h for _ in range(N)]
    for n in range(N):
        for i in range(h):
            if z[n][i] > 0:
                dz[n][i] = sum(grad_y[n][k] * W2[k][i] for k in range(d))
    dx = [[grad_y[n][j] + sum(dz[n][i] * W1[i][j] for i in range(h)) for j in range(d)]
          for n in range(N)]
    dW1 = [[sum(dz[n][i] * x[n][j] for n in range(N)) for j in range(d)] for i in range(h)]
    db1 = [sum(dz[n][i] for n in range(N)) for i in range(h)]
    dW2 = [[sum(grad_y[n][k] * r[n][i] for n in range(N)) for i in range(h)] for k in range(d)]
    db2 = [sum(grad_y[n][k] for n in range(N)) for k in range(d)]
    return tuple(np.array(g, dtype=np.float64) for g in (dx, dW1, db1, dW2, db2))
'''

_RESIDUAL_EINSUM = '''
def residual_backward(grad_y, x, W1, b1, W2, b2):
    z = np.einsum("nd,hd->nh", x, W1) + b1
    active = (z > 0).astype(x.dtype)
    dz = np.einsum("nd,dh->nh", grad_y, W2) * active
    return (grad_y + np.einsum("nh,hd->nd", dz, W1),
            np.einsum("nh,nd->hd", dz, x), np.einsum("nh->h", dz),
            np.einsum("nd,nh->dh", grad_y, z * active), np.einsum("nd->d", grad_y))
'''

_RESIDUAL_NO_IDENTITY = '''
def residual_backward(grad_y, x, W1, b1, W2, b2):
    z = x @ W1.T + b1
    dz = (grad_y @ W2) * (z > 0)
    return dz @ W1, dz.T @ x, dz.sum(axis=0), grad_y.T @ np.maximum(z, 0), grad_y.sum(axis=0)
'''

_RESIDUAL_MEAN = '''
def residual_backward(grad_y, x, W1, b1, W2, b2):
    N = len(x)
    z = x @ W1.T + b1
    dz = (grad_y @ W2) * (z > 0)
    return (grad_y + dz @ W1, dz.T @ x / N, dz.mean(axis=0),
            grad_y.T @ np.maximum(z, 0) / N, grad_y.mean(axis=0))
'''

# The shortcut the question forbids: let dlcore's layers do the backward pass.
_RESIDUAL_DLCORE = '''
def residual_backward(grad_y, x, W1, b1, W2, b2):
    h, d = W1.shape
    first = dl.Linear(d, h, dtype=x.dtype)
    second = dl.Linear(h, d, dtype=x.dtype)
    first.weight.data[...] = W1; first.bias.data[...] = b1
    second.weight.data[...] = W2; second.bias.data[...] = b2
    block = dl.Residual(dl.Sequential(first, dl.ReLU(), second))
    block(x)
    dx = block.backward(grad_y)
    return dx, first.weight.grad, first.bias.grad, second.weight.grad, second.bias.grad
'''

_RESIDUAL_DW2_PRE = '''
def residual_backward(grad_y, x, W1, b1, W2, b2):
    z = x @ W1.T + b1
    dz = (grad_y @ W2) * (z > 0)
    return grad_y + dz @ W1, dz.T @ x, dz.sum(axis=0), grad_y.T @ z, grad_y.sum(axis=0)
'''

_RESIDUAL_DX_NO_MASK = '''
def residual_backward(grad_y, x, W1, b1, W2, b2):
    z = x @ W1.T + b1
    dz = (grad_y @ W2) * (z > 0)
    dx = grad_y + (grad_y @ W2) @ W1          # ReLU's derivative left out on the way to x
    return dx, dz.T @ x, dz.sum(axis=0), grad_y.T @ np.maximum(z, 0), grad_y.sum(axis=0)
'''

_RESIDUAL_WHERE = '''
def residual_backward(grad_y, x, W1, b1, W2, b2):
    pre = np.matmul(x, W1.T) + b1
    upstream = np.matmul(grad_y, W2)
    dz = np.where(pre > 0, upstream, np.zeros_like(upstream))
    dx = np.add(grad_y, np.matmul(dz, W1))
    dW2 = np.matmul(grad_y.T, np.where(pre > 0, pre, 0))
    return dx, np.matmul(dz.T, x), np.sum(dz, axis=0), dW2, np.sum(grad_y, axis=0)
'''

VARIANTS = [
    # Question 1
    dict(name="init_he_fan_out", kind="wrong", loses=["test_init_scale"],
         answers={"init_scale": _init(he="2.0 / ((1 + negative_slope ** 2) * n_out)")}),
    dict(name="init_he_no_factor_two", kind="wrong", loses=["test_init_scale"],
         answers={"init_scale": _init(he="1.0 / ((1 + negative_slope ** 2) * n_in)")}),
    dict(name="init_variance_not_std", kind="wrong", loses=["test_init_scale"],
         answers={"init_scale": _init(normal="variance", uniform="3.0 * variance")}),
    dict(name="init_bound_equals_std", kind="wrong", loses=["test_init_scale"],
         answers={"init_scale": _init(uniform="float(np.sqrt(variance))")}),
    dict(name="init_table_math", kind="restyled", keeps=["test_init_scale"],
         answers={"init_scale": (
             "import math\n"
             "def init_scale(scheme, n_in, n_out, negative_slope=0):\n"
             "    leak = 1 + negative_slope * negative_slope\n"
             "    table = {'xavier_normal': (2, n_in + n_out), 'xavier_uniform': (6, n_in + n_out),\n"
             "             'he_normal': (2, leak * n_in), 'he_uniform': (6, leak * n_in)}\n"
             "    if scheme not in table:\n"
             "        raise ValueError(f'no scheme {scheme}')\n"
             "    top, bottom = table[scheme]\n"
             "    return math.sqrt(top / bottom)")}),
    dict(name="init_gain_over_fan", kind="restyled", keeps=["test_init_scale"],
         answers={"init_scale": (
             "def init_scale(scheme, n_in, n_out, negative_slope=0.0):\n"
             "    fan = {'xavier': (n_in + n_out) / 2, 'he': n_in}\n"
             "    family, _, kind = scheme.partition('_')\n"
             "    if family not in fan or kind not in ('normal', 'uniform'):\n"
             "        raise ValueError(scheme)\n"
             "    gain = np.sqrt(2.0 / (1 + negative_slope ** 2)) if family == 'he' else 1.0\n"
             "    std = gain / np.sqrt(fan[family])\n"
             "    return np.float64(std * np.sqrt(3.0)) if kind == 'uniform' else np.float64(std)")}),
    # review: the slope ignored (the chapter's ReLU formula copied)
    dict(name="init_he_ignores_slope", kind="wrong", loses=["test_init_scale"],
         answers={"init_scale": _init(he="2.0 / n_in")}),
    # review: the negative half's share taken as alpha instead of alpha^2
    dict(name="init_he_slope_not_squared", kind="wrong", loses=["test_init_scale"],
         answers={"init_scale": _init(he="2.0 / ((1 + negative_slope) * n_in)")}),
    # review: Xavier with the fan-in alone (LeCun's 1/n_in) instead of the average of the fans
    dict(name="init_xavier_fan_in_only", kind="wrong", loses=["test_init_scale"],
         answers={"init_scale": _init(xavier="2 * n_in")}),
    # review: a correct answer returning NumPy float32 scalars, from the uniform bound down
    dict(name="init_float32_from_bound", kind="restyled", keeps=["test_init_scale"],
         answers={"init_scale": (
             "def init_scale(scheme, n_in, n_out, negative_slope=0.0):\n"
             "    fans = {'xavier': n_in + n_out, 'he': n_in * (1 + negative_slope ** 2)}\n"
             "    kind = scheme.split('_')[-1]\n"
             "    family = scheme[:-len(kind) - 1]\n"
             "    if family not in fans or kind not in ('normal', 'uniform'):\n"
             "        raise ValueError('unknown scheme ' + scheme)\n"
             "    bound = np.float32(np.sqrt(6.0 / fans[family]))\n"
             "    return bound if kind == 'uniform' else bound / np.float32(np.sqrt(3.0))")}),
    # Question 2
    dict(name="two_layers_variances", kind="wrong", loses=["test_two_layers"],
         answers={"two_layers": "xavier_bound = 2 / (250 + 150)\nhe_std = 2 / 500"}),
    dict(name="two_layers_std_for_bound_and_fan_out", kind="wrong", loses=["test_two_layers"],
         answers={"two_layers": "xavier_bound = (2 / 400) ** 0.5\nhe_std = (2 / 20) ** 0.5"}),
    dict(name="two_layers_rounded_literals", kind="restyled", keeps=["test_two_layers"],
         answers={"two_layers": "xavier_bound = 0.1225\nhe_std = 0.06293"}),
    dict(name="two_layers_from_init_scale", kind="restyled", keeps=["test_two_layers"],
         answers={"two_layers": ("xavier_bound = init_scale('xavier_uniform', 250, 150)\n"
                                 "he_std = np.float32(init_scale('he_normal', 500, 20, negative_slope=0.1))")}),
    # review: the slope of the leaky ReLU ignored
    dict(name="two_layers_slope_ignored", kind="wrong", loses=["test_two_layers"],
         answers={"two_layers": "xavier_bound = (6 / 400) ** 0.5\nhe_std = (2 / 500) ** 0.5"}),
    # review: He's bound where the std is asked, and Xavier's std where the bound is asked
    dict(name="two_layers_bound_and_std_swapped", kind="wrong", loses=["test_two_layers"],
         answers={"two_layers": "xavier_bound = (2 / 400) ** 0.5\nhe_std = (6 / 500) ** 0.5"}),
    # Question 3
    dict(name="residual_forgets_identity", kind="wrong", loses=["test_residual_backward"],
         answers={"residual_backward": _RESIDUAL_NO_IDENTITY}),
    dict(name="residual_averages_batch", kind="wrong", loses=["test_residual_backward"],
         answers={"residual_backward": _RESIDUAL_MEAN}),
    dict(name="residual_calls_dlcore", kind="wrong", loses=["test_residual_backward"],
         answers={"residual_backward": _RESIDUAL_DLCORE}),
    # review: dW2 from the pre-activation Z instead of ReLU(Z)
    dict(name="residual_dW2_from_preactivation", kind="wrong", loses=["test_residual_backward"],
         answers={"residual_backward": _RESIDUAL_DW2_PRE}),
    # review: ReLU's derivative applied for dW1 but forgotten on the path to dx
    dict(name="residual_dx_without_relu_mask", kind="wrong", loses=["test_residual_backward"],
         answers={"residual_backward": _RESIDUAL_DX_NO_MASK}),
    # review: a correct answer that keeps the float32 dtype of its inputs and uses np.where
    dict(name="residual_where_float32", kind="restyled", keeps=["test_residual_backward"],
         answers={"residual_backward": _RESIDUAL_WHERE}),
    dict(name="residual_loops_lists", kind="restyled", keeps=["test_residual_backward"],
         answers={"residual_backward": _RESIDUAL_LOOPS}),
    dict(name="residual_einsum", kind="restyled", keeps=["test_residual_backward"],
         answers={"residual_backward": _RESIDUAL_EINSUM}),
]
