"""Execution time and peak memory of every chapter on one core, as on a free Binder.

Each chapter runs in a fresh kernel (nbclient), pinned to one CPU with one BLAS thread; the time
is the wall time of executing all cells (kernel start excluded), the memory the kernel's peak
resident set size. Run from the repository root: ``make bench-chapters``.
"""
import glob
import os
import resource
import sys
import time

import nbformat
from nbclient import NotebookClient

ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def run(path):
    nb = nbformat.read(path, 4)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": os.path.dirname(path)}})
    pin = ["taskset", "-c", "0"] if sys.platform == "linux" else []
    client.km = client.create_kernel_manager()
    with client.setup_kernel(env={**os.environ, **ONE_CORE}):
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
    paths = sys.argv[1:] or sorted(glob.glob("book/[0-9][0-9]_*.ipynb"))
    print("| chapter | seconds (1 core) | peak memory (MB) | figures |")
    print("|---|---|---|---|")
    for path in paths:
        seconds, mb, figures = run(path)
        print(f"| {os.path.basename(path)[:-6]} | {seconds:.1f} | {mb:.0f} | {figures} |", flush=True)


if __name__ == "__main__":
    main()
