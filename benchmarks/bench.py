"""Speed of one training step: dlcore vs a bare NumPy loop vs PyTorch eager (CPU), and digits
training of dlcore vs scikit-learn's MLPClassifier. Run from the repo root: ``make bench``.

Everything runs in this one process with the same number of BLAS/OpenMP threads (``--threads``,
default 1, like a free Binder). Each time is the fastest of 15 blocks of steps, taken in rounds
that visit every implementation of every row in turn (``time_in_rounds``); with more than one
thread, each block starts after a pause (``settle``).

To compare with another version of dlcore, run this script with ``PYTHONPATH`` set to that
checkout (``git worktree add DIR <commit>``): the first line printed says which dlcore was timed.
"""
import argparse
import os
import sys

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("--threads", type=int, default=1)
parser.add_argument("--quick", action="store_true", help="fewer repetitions (for CI smoke runs)")
parser.add_argument("--digits", action="store_true", help="also the digits comparison with scikit-learn")
args = parser.parse_args()
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(args.threads)      # must precede the NumPy import

import time                                   # noqa: E402
import warnings                               # noqa: E402

import numpy as np                            # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dlcore as dl                           # noqa: E402
from bare_numpy import init_like, train_step  # noqa: E402

try:
    import torch
    torch.set_num_threads(args.threads)
except ImportError:
    torch = None

CONFIGS = [((2, 16, 16, 1), 4), ((64, 64, 10), 64), ((784, 256, 10), 128)]
LR = 0.01


def settle(step, pause=0.15):
    """Let the other library's idle worker threads go to sleep, then wake this one's.

    After a parallel call, OpenBLAS's workers keep spinning for about 0.1 s (2^28 cycles) and
    PyTorch's OpenMP workers for a shorter while. Timed right after the other implementation's
    block, a step would share the cores with those spinning threads: on 2 cores that made PyTorch
    up to 2.6 times slower than when timed alone. A pause, then a few untimed steps, gives each
    block the machine the way a training loop that runs only that library has it.
    """
    time.sleep(pause)
    for _ in range(3):
        step()


def time_in_rounds(rows, target=0.15 if not args.quick else 0.03, rounds=15 if not args.quick else 3):
    """Seconds per call of every step of every row (``rows``: a list of dicts name -> function).

    Each round times one block of steps of every implementation of every row, alternating; the
    fastest block of each is reported, the usual choice for micro-benchmarks (noise only ever adds
    time). Because a round visits every row, each row's blocks are spread over the whole run: a
    burst of load from elsewhere on the machine, which may last many seconds on a shared virtual
    machine, spoils some blocks of every row instead of all the blocks of one.
    """
    reps = []
    for steps in rows:
        reps.append({})
        for name, step in steps.items():
            step()                               # warm up: allocate, fill caches
            t, n = time.perf_counter(), 0
            while time.perf_counter() - t < target / 5:
                step()
                n += 1
            reps[-1][name] = max(1, n * 5)
    best = [{name: float("inf") for name in steps} for steps in rows]
    for _ in range(rounds):
        for steps, n_reps, row_best in zip(rows, reps, best):
            for name, step in steps.items():
                if args.threads > 1:
                    settle(step)
                t = time.perf_counter()
                for _ in range(n_reps[name]):
                    step()
                row_best[name] = min(row_best[name], (time.perf_counter() - t) / n_reps[name])
    return best


def make_data(sizes, batch, dtype, rng):
    x = rng.standard_normal((batch, sizes[0])).astype(dtype)
    if sizes[-1] == 1:
        return x, (rng.random((batch, 1)) > 0.5).astype(dtype)
    return x, rng.integers(0, sizes[-1], batch)


def dlcore_model(sizes, dtype):
    layers = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        layers.append(dl.Linear(a, b, rng=i, dtype=dtype))
        if i < len(sizes) - 2:
            layers.append(dl.ReLU())
    return dl.Sequential(*layers)


def row_steps(sizes, batch, dtype):
    """The step of each implementation for one row of the table, ready to time."""
    rng = np.random.default_rng(0)
    x, y = make_data(sizes, batch, dtype, rng)
    model = dlcore_model(sizes, dtype)
    loss_fn = dl.BCEWithLogitsLoss() if sizes[-1] == 1 else dl.CrossEntropyLoss()
    opt = dl.SGD(model.parameters(), lr=LR)

    def dlcore_step():                       # the README's four lines, as a student writes them
        loss = loss_fn(model(x), y)           # noqa: F841
        opt.zero_grad()
        model.backward(loss_fn.backward())
        opt.step()

    Ws, bs = init_like(model)

    def bare_step():
        train_step(Ws, bs, x, y, LR)

    # The floor: the step's matrix products alone, into preallocated outputs -- forward
    # A W^T of every layer, delta^T A for every weight gradient, delta W for every layer but the
    # first (whose input is the data). No step that computes these gradients with this BLAS can
    # be faster.
    widths = list(sizes)
    acts = [rng.standard_normal((batch, w)).astype(dtype) for w in widths]
    deltas = [rng.standard_normal((batch, w)).astype(dtype) for w in widths[1:]]
    weights = [rng.standard_normal((b, a)).astype(dtype) for a, b in zip(widths[:-1], widths[1:])]
    outs = [np.empty((batch, w), dtype) for w in widths[1:]]
    grads = [np.empty_like(W) for W in weights]
    backs = [np.empty((batch, w), dtype) for w in widths[:-1]]

    def floor_step():
        for i, W in enumerate(weights):
            np.matmul(acts[i], W.T, out=outs[i])
        for i in range(len(weights) - 1, -1, -1):
            np.matmul(deltas[i].T, acts[i], out=grads[i])
            if i > 0:
                np.matmul(deltas[i], weights[i], out=backs[i])

    steps = {"dlcore": dlcore_step, "numpy": bare_step, "floor": floor_step}
    if torch is not None:
        tdtype = torch.float32 if dtype == np.float32 else torch.float64
        layers = []
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            layers.append(torch.nn.Linear(a, b, dtype=tdtype))
            if i < len(sizes) - 2:
                layers.append(torch.nn.ReLU())
        tmodel = torch.nn.Sequential(*layers)
        tloss = torch.nn.BCEWithLogitsLoss() if sizes[-1] == 1 else torch.nn.CrossEntropyLoss()
        topt = torch.optim.SGD(tmodel.parameters(), lr=LR)
        tx, ty = torch.from_numpy(x), torch.from_numpy(y)

        def torch_step():
            topt.zero_grad()
            tloss(tmodel(tx), ty).backward()
            topt.step()
        steps["torch"] = torch_step
    return steps


def digits_comparison(seeds=range(5)):
    """Test accuracy and training time on the digits, dlcore vs scikit-learn, same settings.

    One hidden layer of 64 ReLU units, 60 epochs of Adam (lr 1e-3) on batches of 32, no L2 penalty;
    scikit-learn's early stopping is switched off so both run every epoch. A single seed is a
    noisy verdict (test accuracies vary by about 0.5 points between seeds), so both run the same
    five seeds and the means are compared.
    """
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X_train, X_test, y_train, y_test = dl.data.load_digits()
    hidden, epochs, batch, lr = 64, 60, 32, 1e-3
    results = {"dlcore": [], "scikit-learn MLPClassifier": []}
    for seed in seeds:
        t = time.perf_counter()
        model = dl.Sequential(dl.Linear(64, hidden, init="he_uniform", rng=seed), dl.ReLU(),
                              dl.Linear(hidden, 10, init="he_uniform", rng=seed + 100))
        dl.fit(model, dl.CrossEntropyLoss(), dl.Adam(model.parameters(), lr=lr), X_train, y_train,
               epochs=epochs, batch_size=batch, rng=seed, progress=False)
        elapsed = time.perf_counter() - t
        results["dlcore"].append((dl.evaluate(model, dl.CrossEntropyLoss(), X_test, y_test)[1], elapsed))
        t = time.perf_counter()
        clf = MLPClassifier(hidden_layer_sizes=(hidden,), solver="adam", batch_size=batch,
                            learning_rate_init=lr, max_iter=epochs, alpha=0.0, tol=0.0,
                            n_iter_no_change=epochs + 1, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)   # it runs all epochs, as asked
            clf.fit(X_train, y_train)
        elapsed = time.perf_counter() - t
        results["scikit-learn MLPClassifier"].append((clf.score(X_test, y_test), elapsed))
    return {name: np.array(rows) for name, rows in results.items()}


def main():
    print(f"threads: {args.threads}; dlcore from {os.path.dirname(dl.__file__)}; NumPy {np.__version__}"
          + (f"; PyTorch {torch.__version__}" if torch is not None else "; PyTorch not installed"))
    print("| network | batch | dtype | dlcore (µs) | bare NumPy (µs) | PyTorch (µs) | matmuls alone (µs) "
          "| dlcore / PyTorch | dlcore / matmuls |")
    print("|" + "---|" * 9)
    table = [(sizes, batch, dtype) for sizes, batch in CONFIGS for dtype in (np.float32, np.float64)]
    results = time_in_rounds([row_steps(*row) for row in table])
    for (sizes, batch, dtype), r in zip(table, results):
        t_torch = r.get("torch")
        torch_us = "—" if t_torch is None else f"{t_torch * 1e6:.1f}"
        vs_torch = "—" if t_torch is None else f"{r['dlcore'] / t_torch:.2f}"
        print(f"| {'-'.join(map(str, sizes))} | {batch} | {np.dtype(dtype).name} | "
              f"{r['dlcore'] * 1e6:.1f} | {r['numpy'] * 1e6:.1f} | {torch_us} | "
              f"{r['floor'] * 1e6:.1f} | {vs_torch} | {r['dlcore'] / r['floor']:.2f} |", flush=True)
    if args.digits:
        print()
        print("| digits: 64 hidden, 60 epochs, batch 32, Adam; 5 seeds | mean test accuracy | min–max "
              "| mean wall time (s) |")
        print("|---|---|---|---|")
        for name, rows in digits_comparison().items():
            acc, secs = rows[:, 0], rows[:, 1]
            print(f"| {name} | {acc.mean():.4f} | {acc.min():.4f}–{acc.max():.4f} | {secs.mean():.2f} |")


if __name__ == "__main__":
    main()
