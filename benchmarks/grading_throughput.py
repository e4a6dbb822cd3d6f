"""Submissions graded per minute: plain ``nbgrader autograde`` against ``python -m grading``.

    python benchmarks/grading_throughput.py [--n 50] [--jobs 1 2]

Builds a temporary course with the toy assignment of tests/grading/fixtures,
generates ``--n`` submissions (four in five correct, the rest with one wrong
answer), and grades the same class three ways from a fresh gradebook each time:

* ``nbgrader autograde toy``: one process, one student after another, no sandbox;
* ``python -m grading autograde toy --jobs J --no-feedback`` for each J.

Prints a table and checks that every method gave every student the same score.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:0] = [REPO, os.path.join(REPO, "tests", "grading")]

from kit import FIXTURES, Kit, make_course  # noqa: E402


def scores(root: str) -> dict:
    from nbgrader.api import Gradebook
    with Gradebook("sqlite:///" + os.path.join(root, "gradebook.db")) as gb:
        return {s.student.id: s.score for s in gb.find_assignment("toy").submissions}


def fresh_copy(template: str, dest: str) -> str:
    if os.path.exists(dest):
        shutil.rmtree(dest)
    shutil.copytree(template, dest)
    return dest


def timed(cmd, cwd):
    env = dict(os.environ, PYTHONPATH=REPO,
               PATH=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]))
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=50, help="submissions (default 50)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts (default 1 2)")
    ap.add_argument("--skip-plain", action="store_true", help="skip plain nbgrader")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="grading-bench-")
    try:
        template = make_course(os.path.join(work, "template"), {"toy": os.path.join(FIXTURES, "solutions", "toy")})
        kit = Kit(template, "toy")
        for i in range(args.n):
            nb = kit.answered() if i % 5 else kit.answered(mse="def mse(y, t):\n    return 0.0")
            kit.submit(f"s{i:03d}", nb)

        rows, results = [], {}
        if not args.skip_plain:
            root = fresh_copy(template, os.path.join(work, "plain"))
            t = timed([sys.executable, "-m", "nbgrader", "autograde", "toy"], root)
            rows.append(("nbgrader autograde", 1, "none", t))
            results["plain"] = scores(root)
        from grading import sandbox
        box = "namespaces" if sandbox.probe()[0] else "limits only"
        for j in args.jobs:
            root = fresh_copy(template, os.path.join(work, f"jobs{j}"))
            t = timed([sys.executable, "-m", "grading", "autograde", "toy", "--course", root,
                       "--jobs", str(j), "--no-feedback"], REPO)
            rows.append(("python -m grading", j, box, t))
            results[f"jobs{j}"] = scores(root)

        base = rows[0][3] if not args.skip_plain else None
        print(f"\n{args.n} submissions of the toy assignment, {os.cpu_count()} cores\n")
        print(f"| {'command':<20} | workers | sandbox    | seconds | submissions/min | speed-up |")
        print(f"|{'-' * 22}|---------|------------|---------|-----------------|----------|")
        for name, j, sb, t in rows:
            speed = f"{base / t:.2f}x" if base else "-"
            print(f"| {name:<20} | {j:>7} | {sb:<10} | {t:7.1f} | {args.n / t * 60:15.1f} | {speed:>8} |")
        first = next(iter(results.values()))
        same = all(r == first for r in results.values())
        print(f"\nsame score for every student with every method: {same}")
        if not same:
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
