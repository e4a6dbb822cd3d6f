"""``python -m grading``: the teacher's commands on top of nbgrader.

    python -m grading autograde 05_losses [--jobs N]   grade, feedback, export, report
    python -m grading feedback 05_losses [--jobs N]    feedback again (after manual grading)
    python -m grading export                           gradebook -> CSV
    python -m grading lint [NOTEBOOK ...]              check solutions/ against grading/FORMAT.md
    python -m grading check-sandbox                    can student code be isolated here?

Run from the course root (the folder with ``nbgrader_config.py``) or pass
``--course``. ``book/instructor_guide.md`` walks through a whole term.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from grading import parallel


def _add_common(p):
    p.add_argument("--course", default=".", help="course root, with nbgrader_config.py (default: .)")


def _show(path):
    """A path as the teacher would type it: relative to the current folder when inside it."""
    rel = os.path.relpath(path)
    return path if rel.startswith(os.pardir) else rel


def _autograde(args):
    course = parallel.load_course(args.course)
    if args.cell_timeout is None:
        args.cell_timeout = parallel.configured_cell_timeout(course)
    opts = parallel.Options(jobs=args.jobs, cell_timeout=args.cell_timeout,
                            student_timeout=args.student_timeout, memory_mb=args.memory_mb,
                            cpu_seconds=args.cpu_seconds, sandbox=args.sandbox, hide=args.hide,
                            feedback=not args.no_feedback, keep_run_dir=args.keep)
    students = args.student or None
    t0 = time.monotonic()
    results = parallel.grade(course.root, args.assignment, opts, students=students,
                             log=lambda m: print(m, file=sys.stderr))
    elapsed = time.monotonic() - t0
    out_dir = course.dirs["autograded_directory"]
    os.makedirs(out_dir, exist_ok=True)
    report = os.path.join(out_dir, f"{args.assignment}_report.csv")
    grades = os.path.join(out_dir, "grades.csv")
    parallel.write_report(results, report, args.assignment, merge=students is not None)
    parallel.export_grades(course, grades)

    ok = [r for r in results if r.status == "ok"]
    bad = [r for r in results if r.status != "ok"]
    flagged = [r for r in ok if any(f["level"] == "tamper" for f in r.findings)]
    manual = sum(r.needs_manual for r in ok)
    rate = len(results) / elapsed * 60 if elapsed else 0.0
    print(f"graded {len(ok)} of {len(results)} submissions of {args.assignment} "
          f"in {elapsed:.1f} s ({rate:.1f} per minute, {opts.jobs} workers)")
    for r in bad:
        print(f"  ERROR {r.student}: {r.error}")
    for r in results:
        if r.note:
            print(f"  NOTE {r.student}: {r.note}")
    if students is not None:  # a few students by name: say how each did
        for r in ok:
            print(f"  {r.student}: {r.score:g} of {r.max_score:g} points"
                  + (f", {r.needs_manual} answers to grade by hand" if r.needs_manual else ""))
    for r in flagged:
        print(f"  FLAGGED {r.student}: see the integrity column of the report")
    if manual:
        print(f"  {manual} answers wait for manual grading: the Formgrader in Jupyter")
    print(f"report:   {_show(report)}")
    print(f"grades:   {_show(grades)}")
    if opts.feedback:
        print(f"feedback: {_show(course.dirs['feedback_directory'])}/<student>/{args.assignment}/")
    return 1 if bad else 0


def _feedback(args):
    course = parallel.load_course(args.course)
    parallel.apply_late_penalties(course)  # from the scores as they are after manual grading
    done, errors = parallel.feedback(course, args.assignment, jobs=args.jobs,
                                     students=args.student or None)
    for s, e in errors:
        print(f"  ERROR {s}: {e}")
    print(f"feedback for {done} students in {_show(course.dirs['feedback_directory'])}/<student>/{args.assignment}/")
    return 1 if errors else 0


def _export(args):
    course = parallel.load_course(args.course)
    path = args.to or os.path.join(course.dirs["autograded_directory"], "grades.csv")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    parallel.export_grades(course, path)
    print(f"grades: {path}")
    return 0


def _check_sandbox(args):
    from grading import sandbox
    ok, why = sandbox.probe()
    print("sandbox: namespaces available (no network, hidden files, resource limits)" if ok
          else f"sandbox: UNAVAILABLE: {why}\n         grading would apply resource limits only")
    return 0 if ok else 1


def _lint(args):
    import glob
    from grading import lint
    paths = args.notebooks or sorted(glob.glob(os.path.join(args.course, "solutions", "*", "*.ipynb")))
    return lint.main(paths)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m grading", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)

    p = sub.add_parser("autograde", help="grade every submission, then feedback, CSV export and report")
    p.add_argument("assignment")
    _add_common(p)
    p.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, help="parallel workers (default: all cores)")
    p.add_argument("--student", action="append", help="grade only this student (repeatable)")
    p.add_argument("--cell-timeout", type=int, default=None,
                   help="seconds per cell (default: Execute.timeout of nbgrader_config.py, else 30)")
    p.add_argument("--student-timeout", type=int, default=600, help="wall-clock seconds per submission (default 600)")
    p.add_argument("--memory-mb", type=int, default=1024, help="address-space cap of a kernel (default 1024)")
    p.add_argument("--cpu-seconds", type=int, default=300, help="CPU-time cap of a kernel (default 300)")
    p.add_argument("--sandbox", choices=["auto", "require", "off"], default="auto",
                   help="auto: isolate if possible, warn if not (default); require: refuse without it")
    p.add_argument("--hide", action="append", default=[], help="another path student code must not see")
    p.add_argument("--no-feedback", action="store_true", help="skip generating feedback")
    p.add_argument("--keep", action="store_true", help="keep the per-student working copies")
    p.set_defaults(func=_autograde)

    p = sub.add_parser("feedback", help="generate feedback for every graded submission")
    p.add_argument("assignment")
    _add_common(p)
    p.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    p.add_argument("--student", action="append")
    p.set_defaults(func=_feedback)

    p = sub.add_parser("export", help="export the gradebook to CSV")
    _add_common(p)
    p.add_argument("--to", help="CSV path (default: autograded/grades.csv)")
    p.set_defaults(func=_export)

    p = sub.add_parser("lint", help="check assignment notebooks against grading/FORMAT.md")
    p.add_argument("notebooks", nargs="*", help="default: solutions/*/*.ipynb")
    _add_common(p)
    p.set_defaults(func=_lint)

    p = sub.add_parser("check-sandbox", help="say whether student code can be isolated here")
    p.set_defaults(func=_check_sandbox)

    args = ap.parse_args(argv)
    sys.exit(args.func(args))
