"""Execution time and peak memory of every chapter on one core, as on a free Binder.

Each chapter runs in a fresh kernel (nbclient), pinned to one CPU with one BLAS thread; the time
is the wall time of executing all cells (kernel start excluded), the memory the kernel's peak
resident set size. Run from the repository root: ``make bench-chapters``.

Before/after a change to dlcore: ``python benchmarks/chapters.py --baseline DIR --repeat 3``, DIR a
checkout (``git worktree add DIR <commit>``) whose dlcore the kernel imports instead. The two
versions then run alternately, chapter by chapter, and the fastest of the repeats is reported.
"""
import argparse
import glob
import os
import resource
import sys
import time

import nbformat
from nbclient import NotebookClient

ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def run(path, dlcore_from=None):
    nb = nbformat.read(path, 4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": os.path.dirname(path)}})
    pin = ["taskset", "-c", "0"] if sys.platform == "linux" else []
    client.km = client.create_kernel_manager()
    env = {**os.environ, **ONE_CORE}
    if dlcore_from:       # PYTHONPATH precedes the editable install: the kernel imports that dlcore
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [dlcore_from, env.get("PYTHONPATH")]))
    with client.setup_kernel(env=env):
        pid = client.km.provisioner.pid if hasattr(client.km.provisioner, "pid") else None
        if pin and pid:
            os.system(f"taskset -p -c 0 {pid} > /dev/null")
        t = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - t
        peak_kb = 0
        if pid:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak_kb = int(line.split()[1])
    figures = sum(1 for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {}))
    return seconds, peak_kb / 1024, figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="notebooks (default: every chapter)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per chapter; the fastest is reported")
    parser.add_argument("--baseline", help="a checkout whose dlcore to time alongside this one")
    args = parser.parse_args()
    paths = args.paths or sorted(glob.glob("book/[0-9][0-9]_*.ipynb"))
    if args.baseline:
        print(f"| chapter | seconds, dlcore of {args.baseline} | seconds, this dlcore | ratio |")
        print("|---|---|---|---|")
    else:
        print("| chapter | seconds (1 core) | peak memory (MB) | figures |")
        print("|---|---|---|---|")
    for path in paths:
        name = os.path.basename(path)[:-6]
        if args.baseline:
            before, after = [], []
            for i in range(args.repeat):       # ABBA order: neither version always runs second
                if i % 2:
                    after.append(run(path)[0])
                before.append(run(path, args.baseline)[0])
                if not i % 2:
                    after.append(run(path)[0])
            print(f"| {name} | {min(before):.1f} | {min(after):.1f} | {min(after) / min(before):.2f} |", flush=True)
        else:
            runs = [run(path) for _ in range(args.repeat)]
            seconds = min(r[0] for r in runs)
            _, mb, figures = runs[0]
            print(f"| {name} | {seconds:.1f} | {mb:.0f} | {figures} |", flush=True)


if __name__ == "__main__":
    main()
