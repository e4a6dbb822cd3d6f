"""A bare, hand-written NumPy training step for an MLP with ReLU hidden layers, used as the
yardstick in bench.py and, in the tests, as an independent check of dlcore's numbers.

No classes, no checks: just the formulas. Hidden layers use ReLU; the output layer feeds either
softmax + cross-entropy (integer labels) or sigmoid + binary cross-entropy (one output column).
"""
import numpy as np


def init_like(model):
    """Copy a dlcore Sequential of Linear/ReLU layers into lists of bare arrays."""
    Ws = [m.weight.data.copy() for m in model.layers if hasattr(m, "weight")]
    bs = [m.bias.data.copy() for m in model.layers if hasattr(m, "weight")]
    return Ws, bs


def train_step(Ws, bs, x, y, lr):
    """One SGD step in place; returns the loss. y: int labels (softmax) or (N, 1) floats (sigmoid)."""
    n = x.shape[0]
    acts, zs = [x], []
    a = x
    for i, (W, b) in enumerate(zip(Ws, bs)):
        z = a @ W.T
        z += b
        zs.append(z)
        a = np.maximum(z, 0) if i < len(Ws) - 1 else z
        acts.append(a)
    logits = acts[-1]
    if y.ndim == 1:                                   # softmax + cross-entropy
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        total = exp.sum(axis=1, keepdims=True)
        loss = float(np.mean(np.log(total[:, 0]) - shifted[np.arange(n), y]))
        delta = exp / total
        delta[np.arange(n), y] -= 1
        delta /= n
    else:                                             # sigmoid + binary cross-entropy
        loss = float(np.mean(np.maximum(logits, 0) - logits * y + np.log1p(np.exp(-np.abs(logits)))))
        e = np.exp(-np.abs(logits))
        delta = (np.where(logits >= 0, 1.0, e) / (1 + e) - y) / y.size
    for i in range(len(Ws) - 1, -1, -1):
        dW = delta.T @ acts[i]
        db = delta.sum(axis=0)
        if i > 0:
            delta = (delta @ Ws[i]) * (zs[i - 1] > 0)
        Ws[i] -= lr * dW
        bs[i] -= lr * db
    return loss
