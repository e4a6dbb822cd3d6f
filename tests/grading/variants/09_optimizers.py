"""Wrong and restyled answers for exercise 9 (see README.md beside this file)."""

MOMENTUM_LR_INSIDE = '''
def momentum_step(theta, g, velocity, lr, momentum, weight_decay=0.0):
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float) + weight_decay * theta
    u = momentum * np.asarray(velocity, dtype=float) - lr * g      # the "u" form
    return theta + u, u
'''

MOMENTUM_DECOUPLED_DECAY = '''
def momentum_step(theta, g, velocity, lr, momentum, weight_decay=0.0):
    theta = np.asarray(theta, dtype=float)
    v = momentum * np.asarray(velocity, dtype=float) + np.asarray(g, dtype=float)
    return theta - lr * v - lr * weight_decay * theta, v        # decay outside the velocity
'''

MOMENTUM_OLD_VELOCITY = '''
def momentum_step(theta, g, velocity, lr, momentum, weight_decay=0.0):
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float) + weight_decay * theta
    velocity = np.asarray(velocity, dtype=float)
    new_theta = theta - lr * (velocity if velocity.any() else g)   # steps with the old velocity
    return new_theta, momentum * velocity + g
'''

MOMENTUM_CALLS_DLCORE = '''
def momentum_step(theta, g, velocity, lr, momentum, weight_decay=0.0):
    p = dl.Parameter(np.array(theta, dtype=float))
    opt = dl.SGD([p], lr=lr, momentum=momentum, weight_decay=weight_decay)
    velocity = np.array(velocity, dtype=float)
    if velocity.any():
        opt.state[0]["velocity"] = velocity
    p.grad = np.asarray(g, dtype=float)
    opt.step()
    return p.data, opt.state[0]["velocity"]
'''

MOMENTUM_LOOP_LISTS = '''
def momentum_step(theta, g, velocity, lr, momentum, weight_decay=0.0):
    shape = np.shape(theta)
    new_theta, new_velocity = [], []
    for th, gr, v in zip(np.ravel(theta).tolist(), np.ravel(g).tolist(),
                         np.ravel(velocity).tolist()):
        gr = gr + weight_decay * th
        v = momentum * v + gr
        new_velocity.append(v)
        new_theta.append(th - lr * v)
    return np.array(new_theta).reshape(shape), np.array(new_velocity).reshape(shape)
'''

MOMENTUM_KEEPS_DTYPE = '''
def momentum_step(theta, g, velocity, lr, momentum, weight_decay=0.0):
    theta = np.array(theta)                       # float32 stays float32
    if theta.dtype.kind != "f":
        theta = theta.astype(np.float64)
    v = np.array(velocity, dtype=theta.dtype)
    v *= momentum
    v += g
    if weight_decay:
        v += weight_decay * theta
    return theta - lr * v, v
'''

ADAM_NO_CORRECTION = '''
def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float) + weight_decay * theta
    m = b1 * np.asarray(m, dtype=float) + (1 - b1) * g
    s = b2 * np.asarray(s, dtype=float) + (1 - b2) * g ** 2
    return theta - lr * m / (np.sqrt(s) + eps), m, s
'''

ADAMW_DECAY = '''
def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float)
    m = b1 * np.asarray(m, dtype=float) + (1 - b1) * g
    s = b2 * np.asarray(s, dtype=float) + (1 - b2) * g ** 2
    m_hat, s_hat = m / (1 - b1 ** t), s / (1 - b2 ** t)
    step = m_hat / (np.sqrt(s_hat) + eps) + weight_decay * theta   # AdamW: decoupled decay
    return theta - lr * step, m, s
'''

ADAM_EPS_INSIDE = '''
def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float) + weight_decay * theta
    m = b1 * np.asarray(m, dtype=float) + (1 - b1) * g
    s = b2 * np.asarray(s, dtype=float) + (1 - b2) * g ** 2
    m_hat, s_hat = m / (1 - b1 ** t), s / (1 - b2 ** t)
    return theta - lr * m_hat / np.sqrt(s_hat + eps), m, s
'''

ADAM_RETURNS_CORRECTED = '''
def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float) + weight_decay * theta
    m = b1 * np.asarray(m, dtype=float) + (1 - b1) * g
    s = b2 * np.asarray(s, dtype=float) + (1 - b2) * g ** 2
    m_hat, s_hat = m / (1 - b1 ** t), s / (1 - b2 ** t)
    return theta - lr * m_hat / (np.sqrt(s_hat) + eps), m_hat, s_hat
'''

ADAM_CALLS_DLCORE = '''
def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    p = dl.Parameter(np.array(theta, dtype=float))
    opt = dl.Adam([p], lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
    opt.state[0].update(step=t - 1, m=np.array(m, dtype=float), v=np.array(s, dtype=float))
    p.grad = np.asarray(g, dtype=float)
    opt.step()
    return p.data, opt.state[0]["m"], opt.state[0]["v"]
'''

ADAM_LOOP_MATH = '''
import math

def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    shape = np.shape(theta)
    out_theta, out_m, out_s = [], [], []
    for th, gr, mi, si in zip(np.ravel(theta).tolist(), np.ravel(g).tolist(),
                              np.ravel(m).tolist(), np.ravel(s).tolist()):
        gr += weight_decay * th
        mi = b1 * mi + (1 - b1) * gr
        si = b2 * si + (1 - b2) * gr * gr
        m_hat = mi / (1 - b1 ** t)
        s_hat = si / (1 - b2 ** t)
        out_theta.append(th - lr * m_hat / (math.sqrt(s_hat) + eps))
        out_m.append(mi)
        out_s.append(si)
    return tuple(np.array(a).reshape(shape) for a in (out_theta, out_m, out_s))
'''

ADAM_KEEPS_DTYPE = '''
def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    theta = np.array(theta)
    if theta.dtype.kind != "f":
        theta = theta.astype(np.float64)
    g = np.array(g, dtype=theta.dtype)
    if weight_decay:
        g += weight_decay * theta
    new_m = np.array(m, dtype=theta.dtype)
    new_m *= beta1
    new_m += (1 - beta1) * g
    new_s = np.array(s, dtype=theta.dtype)
    new_s *= beta2
    new_s += (1 - beta2) * g * g
    step_size = lr / (1 - beta1 ** t)                # corrections folded into scalars
    denom = np.sqrt(new_s) / np.sqrt(1 - beta2 ** t) + eps
    return theta - step_size * new_m / denom, new_m, new_s
'''

NUMBERS_DEFAULT_BETAS = '''
ratio = lambda t: (1 - 0.9 ** t) / np.sqrt(1 - 0.999 ** t)
first_step_ratio = ratio(1)
steps_until_close = 1
while ratio(steps_until_close) > 1.1:
    steps_until_close += 1
'''

NUMBERS_NO_SQRT = '''
ratio = lambda t: (1 - 0.85 ** t) / (1 - 0.995 ** t)
first_step_ratio = ratio(1)
steps_until_close = 1
while ratio(steps_until_close) > 1.1:
    steps_until_close += 1
'''

NUMBERS_OFF_BY_ONE = '''
ratio = lambda t: (1 - 0.85 ** t) / np.sqrt(1 - 0.995 ** t)
first_step_ratio = ratio(1)
steps_until_close = 0
while ratio(steps_until_close + 1) > 1.1:
    steps_until_close += 1
'''

NUMBERS_FROM_DLCORE = '''
theta = dl.Parameter(np.zeros(1))
adam = dl.Adam([theta], lr=0.01, betas=(0.85, 0.995))
ratios = []
for _ in range(1000):
    before = theta.data.copy()
    adam.zero_grad()
    theta.grad = np.array([2.0])
    adam.step()
    state = adam.state[0]
    uncorrected = adam.lr * state["m"] / (np.sqrt(state["v"]) + adam.eps)
    ratios.append((uncorrected / (before - theta.data))[0])
ratios = np.array(ratios)
first_step_ratio = ratios[0]
steps_until_close = np.argmax(ratios <= 1.1) + 1          # a NumPy integer
'''

NUMBERS_VECTORISED = '''
t = np.arange(1, 10001)
r = (1 - 0.85 ** t) / np.sqrt(1 - 0.995 ** t)
first_step_ratio = float(0.15 / 0.005 ** 0.5)
steps_until_close = int(t[r <= 1.1][0])
'''

# Added in review: more plausible mistakes and correct answers in other styles.
MOMENTUM_DAMPENED = '''
def momentum_step(theta, g, velocity, lr, momentum, weight_decay=0.0):
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float) + weight_decay * theta
    v = momentum * np.asarray(velocity, dtype=float) + (1 - momentum) * g   # Adam's m, not v
    return theta - lr * v, v
'''

MOMENTUM_NESTEROV = '''
def momentum_step(theta, g, velocity, lr, momentum, weight_decay=0.0):
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float) + weight_decay * theta
    v = momentum * np.asarray(velocity, dtype=float) + g
    return theta - lr * (g + momentum * v), v                   # Nesterov's look-ahead
'''

MOMENTUM_OUT_BUFFERS = '''
def momentum_step(theta, g, velocity, lr, momentum, weight_decay=0.0):
    theta = np.array(theta, dtype=np.float64)      # copies: the inputs stay untouched
    v = np.array(velocity, dtype=np.float64)
    np.multiply(v, momentum, out=v)
    np.add(v, g, out=v)
    np.add(v, np.multiply(theta, weight_decay), out=v)
    step = np.empty_like(v)
    np.multiply(v, lr, out=step)
    np.subtract(theta, step, out=theta)
    return theta, v
'''

ADAM_KERAS_EPS = '''
def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float) + weight_decay * theta
    m = b1 * np.asarray(m, dtype=float) + (1 - b1) * g
    s = b2 * np.asarray(s, dtype=float) + (1 - b2) * g ** 2
    alpha = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)        # Keras: eps on the uncorrected root
    return theta - alpha * m / (np.sqrt(s) + eps), m, s
'''

ADAM_DECAY_ONLY_IN_M = '''
def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    theta = np.asarray(theta, dtype=float)
    g = np.asarray(g, dtype=float)
    m = b1 * np.asarray(m, dtype=float) + (1 - b1) * (g + weight_decay * theta)
    s = b2 * np.asarray(s, dtype=float) + (1 - b2) * g ** 2     # raw gradient squared
    m_hat, s_hat = m / (1 - b1 ** t), s / (1 - b2 ** t)
    return theta - lr * m_hat / (np.sqrt(s_hat) + eps), m, s
'''

ADAM_PAPER_EFFICIENT = '''
def adam_step(theta, g, m, s, t, lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    # The Adam paper's "more efficient" order: a corrected step size alpha_t and an
    # eps rescaled to match, which is the same update as m_hat / (sqrt(s_hat) + eps).
    b1, b2 = betas
    theta = np.asarray(theta, dtype=np.float64)
    g = np.asarray(g, dtype=np.float64) + weight_decay * theta
    new_m = b1 * np.asarray(m, dtype=np.float64) + (1 - b1) * g
    new_s = b2 * np.asarray(s, dtype=np.float64) + (1 - b2) * np.square(g)
    alpha_t = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
    eps_t = eps * np.sqrt(1 - b2 ** t)
    return theta - alpha_t * new_m / (np.sqrt(new_s) + eps_t), new_m, new_s
'''

NUMBERS_ONLY_S = '''
import math
first_step_ratio = 0.15 / math.sqrt(0.005)
# "the correction of s matters longest": wait until 1 - beta2**t >= 0.9
steps_until_close = math.ceil(math.log(0.1) / math.log(0.995))
'''

NUMBERS_MATH_LOOP = '''
import math
b1, b2 = 0.85, 0.995
first_step_ratio = (1 - b1) / math.sqrt(1 - b2)
for t in range(1, 100000):
    if (1 - b1 ** t) / math.sqrt(1 - b2 ** t) <= 1.1:
        steps_until_close = t
        break
'''

VARIANTS = [
    dict(name="momentum_lr_inside_velocity", kind="wrong", loses=["test_momentum_step"],
         answers={"momentum_step": MOMENTUM_LR_INSIDE}),
    dict(name="momentum_decoupled_decay", kind="wrong", loses=["test_momentum_step"],
         answers={"momentum_step": MOMENTUM_DECOUPLED_DECAY}),
    dict(name="momentum_steps_with_old_velocity", kind="wrong", loses=["test_momentum_step"],
         answers={"momentum_step": MOMENTUM_OLD_VELOCITY}),
    dict(name="momentum_calls_dlcore", kind="wrong", loses=["test_momentum_step"],
         answers={"momentum_step": MOMENTUM_CALLS_DLCORE}),
    dict(name="momentum_loop_lists", kind="restyled", keeps=["test_momentum_step"],
         answers={"momentum_step": MOMENTUM_LOOP_LISTS}),
    dict(name="momentum_keeps_float32", kind="restyled", keeps=["test_momentum_step"],
         answers={"momentum_step": MOMENTUM_KEEPS_DTYPE}),
    dict(name="adam_no_bias_correction", kind="wrong", loses=["test_adam_step"],
         answers={"adam_step": ADAM_NO_CORRECTION}),
    dict(name="adamw_decoupled_decay", kind="wrong", loses=["test_adam_step"],
         answers={"adam_step": ADAMW_DECAY}),
    dict(name="adam_eps_inside_sqrt", kind="wrong", loses=["test_adam_step"],
         answers={"adam_step": ADAM_EPS_INSIDE}),
    dict(name="adam_returns_corrected_moments", kind="wrong", loses=["test_adam_step"],
         answers={"adam_step": ADAM_RETURNS_CORRECTED}),
    dict(name="adam_calls_dlcore", kind="wrong", loses=["test_adam_step"],
         answers={"adam_step": ADAM_CALLS_DLCORE}),
    dict(name="adam_loop_math_sqrt", kind="restyled", keeps=["test_adam_step"],
         answers={"adam_step": ADAM_LOOP_MATH}),
    dict(name="adam_keeps_float32_folded", kind="restyled", keeps=["test_adam_step"],
         answers={"adam_step": ADAM_KEEPS_DTYPE}),
    dict(name="numbers_default_betas", kind="wrong", loses=["test_bias_numbers"],
         answers={"bias_numbers": NUMBERS_DEFAULT_BETAS}),
    dict(name="numbers_without_sqrt", kind="wrong", loses=["test_bias_numbers"],
         answers={"bias_numbers": NUMBERS_NO_SQRT}),
    dict(name="numbers_off_by_one", kind="wrong", loses=["test_bias_numbers"],
         answers={"bias_numbers": NUMBERS_OFF_BY_ONE}),
    dict(name="numbers_from_dlcore", kind="restyled", keeps=["test_bias_numbers"],
         answers={"bias_numbers": NUMBERS_FROM_DLCORE}),
    dict(name="numbers_vectorised", kind="restyled", keeps=["test_bias_numbers"],
         answers={"bias_numbers": NUMBERS_VECTORISED}),
    dict(name="momentum_dampened_like_adam_m", kind="wrong", loses=["test_momentum_step"],
         answers={"momentum_step": MOMENTUM_DAMPENED}),
    dict(name="momentum_nesterov_step", kind="wrong", loses=["test_momentum_step"],
         answers={"momentum_step": MOMENTUM_NESTEROV}),
    dict(name="momentum_out_buffers", kind="restyled", keeps=["test_momentum_step"],
         answers={"momentum_step": MOMENTUM_OUT_BUFFERS}),
    dict(name="adam_keras_eps_on_uncorrected_root", kind="wrong", loses=["test_adam_step"],
         answers={"adam_step": ADAM_KERAS_EPS}),
    dict(name="adam_weight_decay_only_in_m", kind="wrong", loses=["test_adam_step"],
         answers={"adam_step": ADAM_DECAY_ONLY_IN_M}),
    dict(name="adam_paper_efficient_form", kind="restyled", keeps=["test_adam_step"],
         answers={"adam_step": ADAM_PAPER_EFFICIENT}),
    dict(name="numbers_only_second_moment", kind="wrong", loses=["test_bias_numbers"],
         answers={"bias_numbers": NUMBERS_ONLY_S}),
    dict(name="numbers_math_loop", kind="restyled", keeps=["test_bias_numbers"],
         answers={"bias_numbers": NUMBERS_MATH_LOOP}),
]
