"""Grade every submission of an assignment on all cores, safely.

Plain ``nbgrader autograde`` grades one student after another in one process,
against the course's SQLite gradebook. Here each submission is graded in its own
throw-away copy of the course:

    <run>/<student>/course/
        nbgrader_config.py is not used: the worker builds the config in memory
        gradebook.db                  a copy of the real gradebook
        solutions/<a>/                only the assignment's non-notebook files
        submitted/<student>/<a>/      this student's submission, and no other
        autograded/<student>/<a>/     the kernel's working folder (writable)
        feedback/<student>/<a>/
        reports/<notebook>.json       what the kernel saw (guard, deaths)

by long-lived worker processes (``python -m grading.parallel``, one per core,
each importing nbgrader once). A worker runs nbgrader's own ``Autograde`` and
``GenerateFeedback`` converters, with ``grading.execute.SafeExecute`` in place
of ``Execute`` and the ``grading.sandbox`` kernel. Only the parent process
writes the real gradebook: after each student it copies that student's
automatic scores and comments from the copy (``merge_submission``), so SQLite is
never written by two processes and a student whose grading fails leaves the real
gradebook as it was. A worker that runs past the per-student wall-clock cap is
killed with its kernels and replaced.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field, asdict

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Course folders whose content the student's kernel must never see.
_SECRET_DIRS = ("source_directory", "submitted_directory", "autograded_directory",
                "feedback_directory")


@dataclass
class Options:
    jobs: int = os.cpu_count() or 1
    cell_timeout: int = 30          # seconds per cell (nbgrader Execute.timeout)
    student_timeout: int = 600      # wall-clock seconds per submission, all notebooks
    memory_mb: int = 1024           # address space of the kernel
    cpu_seconds: int = 300          # CPU time of one kernel
    sandbox: str = "auto"           # "auto": use if possible; "require"; "off"
    hide: list = field(default_factory=list)   # more paths the kernel must not see
    feedback: bool = True
    base_uid: int = 61000           # worker k's kernels run as uid base_uid + k
    keep_run_dir: bool = False      # keep the per-student copies (debugging)


@dataclass
class Course:
    root: str
    course_id: str
    dirs: dict           # source/release/submitted/autograded/feedback -> absolute path
    db_path: str
    config_file: str


def load_course(root: str) -> Course:
    """Read ``nbgrader_config.py`` in ``root`` the way nbgrader does."""
    from traitlets.config.loader import PyFileConfigLoader
    root = os.path.abspath(root)
    path = os.path.join(root, "nbgrader_config.py")
    if not os.path.exists(path):
        raise SystemExit(f"no nbgrader_config.py in {root}: run from the course root or pass --course")
    cfg = PyFileConfigLoader("nbgrader_config.py", path=root).load_config()
    cd = cfg.CourseDirectory
    croot = cd.root if "root" in cd else root
    dirs = {}
    for key, default in (("source_directory", "source"), ("release_directory", "release"),
                         ("submitted_directory", "submitted"), ("autograded_directory", "autograded"),
                         ("feedback_directory", "feedback")):
        dirs[key] = os.path.join(croot, cd[key] if key in cd else default)
    db_url = cd["db_url"] if "db_url" in cd else "sqlite:///" + os.path.join(croot, "gradebook.db")
    if not db_url.startswith("sqlite:///"):
        raise SystemExit(f"only a SQLite gradebook is supported, not {db_url}")
    return Course(croot, cd["course_id"] if "course_id" in cd else "", dirs,
                  db_url[len("sqlite:///"):], path)


def configured_cell_timeout(course: Course, default: int = 30) -> int:
    """``c.Execute.timeout`` of the course's ``nbgrader_config.py`` (seconds per cell)."""
    from traitlets.config.loader import PyFileConfigLoader
    cfg = PyFileConfigLoader(os.path.basename(course.config_file),
                             path=os.path.dirname(course.config_file)).load_config()
    value = cfg.Execute.timeout if "timeout" in cfg.Execute else None
    return int(value) if isinstance(value, (int, float)) and value > 0 else default


def find_students(course: Course, assignment: str) -> list:
    sub = course.dirs["submitted_directory"]
    if not os.path.isdir(sub):
        return []
    return sorted(s for s in os.listdir(sub)
                  if os.path.isdir(os.path.join(sub, s, assignment)))


def release_notebooks(course: Course, assignment: str) -> list:
    folder = os.path.join(course.dirs["release_directory"], assignment)
    if not os.path.isdir(folder):
        raise SystemExit(f"{folder} does not exist: run `nbgrader generate_assignment {assignment}` first")
    return sorted(f[:-6] for f in os.listdir(folder) if f.endswith(".ipynb"))


def locate_notebooks(folder: str, notebooks: list) -> tuple:
    """Match a student's files to the release's notebooks.

    Returns ``(renames, notes, errors)``: ``renames`` maps a file in ``folder`` to the name it is
    graded under. A browser that finds the name taken saves ``05_losses (1).ipynb`` or
    ``05_losses-Copy1.ipynb``; when the release has one notebook and the folder holds exactly one
    other ``.ipynb``, that one is graded under the expected name (with a note for the teacher).
    Anything else that leaves the expected name missing is an error that says what to rename.
    """
    expected = [nb + ".ipynb" for nb in notebooks]
    try:
        present = sorted(f for f in os.listdir(folder)
                         if f.endswith(".ipynb") and os.path.isfile(os.path.join(folder, f)))
    except OSError as exc:
        return {}, [], [f"{folder} cannot be read: {exc}"]
    missing = [e for e in expected if e not in present]
    extra = [f for f in present if f not in expected]
    if not missing:
        return {}, [], []
    if len(expected) == 1 and len(extra) == 1:
        return ({extra[0]: expected[0]},
                [f"graded `{extra[0]}` as {expected[0]} (the only notebook in the folder)"], [])
    if not present:
        return {}, [], [f"no notebook in {folder}: expected {', '.join(expected)}"]
    if extra:
        names = ", ".join(f"`{f}`" for f in extra)
        return {}, [], [f"{expected[0] if len(missing) == 1 else ' / '.join(missing)} is missing: "
                        f"rename {'one of ' if len(extra) > 1 else ''}{names} to "
                        f"{missing[0] if len(missing) == 1 else 'the expected names'}"]
    return {}, [], []  # one of several notebooks not handed in: nbgrader grades it as missing


def check_submission(path: str) -> str | None:
    """None if ``path`` is a readable notebook, else a message for the teacher."""
    import nbformat
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        return f"{path} cannot be read: {exc}"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"{path} is not valid JSON ({exc}); ask the student to resubmit the .ipynb file"
    if not isinstance(data, dict) or "cells" not in data or "nbformat" not in data:
        return f"{path} is JSON but not a Jupyter notebook (no 'cells'/'nbformat')"
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except Exception as exc:
        return f"{path} is not a valid notebook: {str(exc).splitlines()[0]}"
    return None


# ---------------------------------------------------------------------------
# Parent side


@dataclass
class StudentResult:
    student: str
    status: str = "ok"          # ok | error
    error: str = ""
    score: float | None = None
    max_score: float | None = None
    needs_manual: int = 0
    findings: list = field(default_factory=list)
    seconds: float = 0.0
    note: str = ""              # e.g. a renamed notebook that was graded under the expected name


class _Worker:
    """One ``python -m grading.parallel`` process, restarted if it must be killed."""

    def __init__(self, slot: int, run_dir: str, env: dict):
        self.slot, self.run_dir, self.env = slot, run_dir, env
        self.proc = None

    def _start(self):
        log = open(os.path.join(self.run_dir, f"worker-{self.slot}.log"), "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "grading.parallel"], cwd=self.run_dir, env=self.env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True,
            start_new_session=True)
        log.close()

    def run(self, job: dict, timeout: float) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        box = {}
        reader = threading.Thread(target=lambda: box.setdefault("line", self.proc.stdout.readline()),
                                  daemon=True)
        reader.start()
        reader.join(timeout)
        if reader.is_alive() or not box.get("line"):
            self.kill()
            why = (f"grading took longer than {timeout:.0f} s and was stopped" if reader.is_alive()
                   else "the grading worker crashed")
            return {"status": "error", "error": why}
        return json.loads(box["line"])

    def kill(self):
        if self.proc is None:
            return
        try:
            self.proc.send_signal(signal.SIGTERM)  # the worker kills its kernels
            self.proc.wait(10)
        except (subprocess.TimeoutExpired, OSError):
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            self.proc.wait()
        self.proc = None

    def close(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()


def _hidden_paths(course: Course, run_dir: str, extra: list) -> list:
    hide = [course.dirs[k] for k in _SECRET_DIRS] + [run_dir]
    db = course.db_path
    hide += [db, db + "-journal", db + "-wal", db + "-shm"]
    for name in (".git", "tests"):
        hide.append(os.path.join(course.root, name))
    return [os.path.abspath(p) for p in hide + list(extra)]


def _sqlite_copy(src: str, dst: str):
    """A consistent copy of a SQLite file even if someone is writing it."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


def prepare(course: Course, assignment: str, student: str, run_dir: str, template_db: str,
            renames: dict | None = None) -> str:
    """The throw-away course for one student; returns its root.

    ``renames`` (file -> expected name): notebooks graded under the release's name.
    """
    root = os.path.join(run_dir, "students", student, "course")
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(root)
    rel = lambda key: os.path.relpath(course.dirs[key], course.root)  # noqa: E731
    shutil.copyfile(template_db, os.path.join(root, "gradebook.db"))
    src = os.path.join(course.dirs["source_directory"], assignment)
    shutil.copytree(src, os.path.join(root, rel("source_directory"), assignment),
                    ignore=shutil.ignore_patterns("*.ipynb", ".ipynb_checkpoints"))
    shutil.copytree(os.path.join(course.dirs["submitted_directory"], student, assignment),
                    os.path.join(root, rel("submitted_directory"), student, assignment),
                    symlinks=True)
    for old, new in (renames or {}).items():
        folder = os.path.join(root, rel("submitted_directory"), student, assignment)
        os.replace(os.path.join(folder, old), os.path.join(folder, new))
    return root


def merge_submission(course: Course, tmp_root: str, assignment: str, student: str,
                     flagged_notebooks: set) -> tuple:
    """Copy one student's automatic grades from the throw-away gradebook.

    Only automatic fields are written (auto scores and comments, whether a cell
    needs manual grading, the timestamp and late penalty): manual scores and
    comments already in the real gradebook stay as they are. Returns
    ``(score, max_score, cells needing manual grading)``.
    """
    import warnings
    from sqlalchemy.exc import SAWarning
    from nbgrader.api import Gradebook, MissingEntry
    tmp_db = "sqlite:///" + os.path.join(tmp_root, "gradebook.db")
    with warnings.catch_warnings(), Gradebook(tmp_db, course.course_id) as tmp, \
            Gradebook("sqlite:///" + course.db_path, course.course_id) as real:
        # nbgrader's own update_or_create_submission warns about the session on a
        # new submission, exactly as it does inside `nbgrader autograde`
        warnings.simplefilter("ignore", SAWarning)
        sub = tmp.find_submission(assignment, student)
        try:
            real.find_student(student)
        except Exception:
            s = tmp.find_student(student)
            real.update_or_create_student(student, first_name=s.first_name,
                                          last_name=s.last_name, email=s.email)
        try:
            real.find_submission(assignment, student)
            regrade = True
        except MissingEntry:
            regrade = False
        real_sub = real.update_or_create_submission(assignment, student, timestamp=sub.timestamp)
        for nb in sub.notebooks:
            rel = os.path.join(os.path.relpath(course.dirs["autograded_directory"], course.root),
                               student, assignment, nb.name + ".ipynb")
            before = _answer_sources(os.path.join(course.root, rel))
            after = _answer_sources(os.path.join(tmp_root, rel))
            rnb = real.find_submission_notebook(nb.name, assignment, student)
            rnb.late_submission_penalty = nb.late_submission_penalty
            if nb.name in flagged_notebooks:
                rnb.flagged = True
            for g in nb.grades:
                rg = real.find_grade(g.name, nb.name, assignment, student)
                rg.auto_score = g.auto_score
                # An answer the teacher already graded by hand, graded again unchanged, stays
                # graded (nbgrader would queue it again); a changed answer is queued.
                unchanged = (regrade and g.name in before and before[g.name] == after.get(g.name))
                if not (unchanged and rg.manual_score is not None):
                    rg.needs_manual_grade = g.needs_manual_grade
            for c in nb.comments:
                rc = real.find_comment(c.name, nb.name, assignment, student)
                rc.auto_comment = c.auto_comment
        real.db.commit()
        real_sub = real.find_submission(assignment, student)
        manual = sum(1 for nb in real_sub.notebooks for g in nb.grades if g.needs_manual_grade)
        return real_sub.score, real_sub.max_score, manual


def _answer_sources(path: str) -> dict:
    """``{grade_id: source}`` of the answer cells of a graded notebook ({} if there is none)."""
    import nbformat
    try:
        nb = nbformat.read(path, 4)
    except (OSError, ValueError):
        return {}
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
            if c.get("metadata", {}).get("nbgrader", {}).get("solution")}


def _copy_tree(src: str, dst: str):
    if not os.path.isdir(src):
        return
    if os.path.exists(dst):
        for root, dirs, files in os.walk(dst):
            for name in dirs + files:
                os.chmod(os.path.join(root, name), 0o755 if name in dirs else 0o644)
        shutil.rmtree(dst)
    shutil.copytree(src, dst)


def grade(course_root: str, assignment: str, opts: Options, *, students=None,
          progress: bool = True, log=print) -> list:
    """Grade every submission of ``assignment``; returns a ``StudentResult`` per student."""
    from grading import sandbox
    course = load_course(course_root)
    notebooks = release_notebooks(course, assignment)
    if not os.path.exists(course.db_path):
        raise SystemExit(f"no gradebook at {course.db_path}: run `nbgrader generate_assignment {assignment}` first")
    students = find_students(course, assignment) if students is None else list(students)

    isolate = False
    if opts.sandbox != "off":
        ok, why = sandbox.probe()
        if ok:
            isolate = True
        elif opts.sandbox == "require":
            raise SystemExit(f"sandbox unavailable: {why}")
        else:
            log(f"WARNING: sandbox unavailable ({why}).\n"
                "         Student code will run WITHOUT network and file isolation; memory and CPU\n"
                "         limits still apply. Use --sandbox require to refuse instead.")

    run_dir = tempfile.mkdtemp(prefix="dl-grading-")
    os.chmod(run_dir, 0o700)
    results = {}
    try:
        template = os.path.join(run_dir, "template.db")
        _sqlite_copy(course.db_path, template)
        hide = _hidden_paths(course, run_dir, opts.hide)
        jobs = max(1, opts.jobs)
        workers = []
        for slot in range(jobs):
            jp = os.path.join(run_dir, f"jupyter-{slot}")
            sandbox.write_kernelspec(os.path.join(jp, "kernels"), {
                "hide": hide, "repo_root": REPO_ROOT, "isolate": isolate,
                "memory_mb": opts.memory_mb, "cpu_seconds": opts.cpu_seconds,
                "uid": opts.base_uid + slot})
            env = {k: v for k, v in os.environ.items() if not k.startswith("JUPYTER")}
            env.update(JUPYTER_PATH=jp, PYTHONPATH=os.pathsep.join(
                p for p in (REPO_ROOT, os.environ.get("PYTHONPATH")) if p))
            workers.append(_Worker(slot, run_dir, env))
        free = list(workers)
        lock = threading.Lock()

        # Misnamed and damaged files get their message now, and never reach a worker.
        todo, renames, notes = [], {}, {}
        for s in students:
            folder = os.path.join(course.dirs["submitted_directory"], s, assignment)
            renames[s], found_notes, errors = locate_notebooks(folder, notebooks)
            notes[s] = "; ".join(found_notes)
            graded_as = {v: k for k, v in renames[s].items()}
            errors += [e for nb in notebooks
                       for p in [os.path.join(folder, graded_as.get(nb + ".ipynb", nb + ".ipynb"))]
                       if os.path.exists(p) for e in [check_submission(p)] if e]
            if errors:
                results[s] = StudentResult(s, "error", "; ".join(errors), note=notes[s])
            else:
                todo.append(s)

        def one(student):
            with lock:
                w = free.pop()
            t0 = time.monotonic()
            try:
                root = prepare(course, assignment, student, run_dir, template, renames[student])
                job = {"course": root, "assignment": assignment, "student": student,
                       "notebooks": notebooks, "release": course.dirs["release_directory"],
                       "source": course.dirs["source_directory"],
                       "cell_timeout": opts.cell_timeout, "feedback": opts.feedback,
                       "dirs": {k: os.path.relpath(v, course.root) for k, v in course.dirs.items()},
                       "course_id": course.course_id, "config_file": course.config_file,
                       "runtime": os.path.join(run_dir, "students", student, "runtime")}
                out = w.run(job, opts.student_timeout)
            finally:
                with lock:
                    free.append(w)
            out["seconds"] = time.monotonic() - t0
            return student, root, out

        bar = None
        if progress:
            from tqdm import tqdm
            bar = tqdm(total=len(students), initial=len(students) - len(todo), unit="student",
                       desc=f"autograde {assignment}", file=sys.stderr)
        with ThreadPoolExecutor(jobs) as pool:
            futures = [pool.submit(one, s) for s in todo]
            for fut in as_completed(futures):
                student, root, out = fut.result()
                res = StudentResult(student, out.get("status", "error"), out.get("error", ""),
                                    findings=out.get("findings", []), seconds=out["seconds"],
                                    note=notes[student])
                if res.status == "ok":
                    try:
                        flagged = {f["notebook"] for f in res.findings if f["level"] == "tamper"}
                        res.score, res.max_score, res.needs_manual = merge_submission(
                            course, root, assignment, student, flagged)
                        rel = lambda key: os.path.join(  # noqa: E731
                            os.path.relpath(course.dirs[key], course.root), student, assignment)
                        _copy_tree(os.path.join(root, rel("autograded_directory")),
                                   os.path.join(course.root, rel("autograded_directory")))
                        if opts.feedback:
                            _copy_tree(os.path.join(root, rel("feedback_directory")),
                                       os.path.join(course.root, rel("feedback_directory")))
                    except Exception as exc:
                        res.status, res.error = "error", f"could not record grades: {exc}"
                        traceback.print_exc()
                results[student] = res
                if bar:
                    bar.update(1)
        if bar:
            bar.close()
        for w in workers:
            w.close()
        # A student whose grading failed is still one of the class: in the gradebook (score 0
        # in the export) and with the error in the report, never silently missing.
        add_students(course, [s for s, r in results.items() if r.status != "ok"])
    finally:
        if opts.keep_run_dir:
            log(f"per-student copies kept in {run_dir}")
        else:
            shutil.rmtree(run_dir, ignore_errors=True)
    return [results[s] for s in students]


def feedback(course: Course, assignment: str, *, jobs: int, students=None, progress=True):
    """``nbgrader generate_feedback`` for each graded student, ``jobs`` at a time.

    Feedback only reads the gradebook, so the workers use the real course.
    Returns ``(number done, [(student, error), ...])``.
    """
    graded = os.path.join(course.dirs["autograded_directory"])
    if students is None:
        students = sorted(s for s in os.listdir(graded)
                          if os.path.isdir(os.path.join(graded, s, assignment))) if os.path.isdir(graded) else []
    run_dir = tempfile.mkdtemp(prefix="dl-feedback-")
    workers = [_Worker(k, run_dir, dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (REPO_ROOT, os.environ.get("PYTHONPATH")) if p))) for k in range(max(1, jobs))]
    free, lock, errors = list(workers), threading.Lock(), []

    def one(student):
        with lock:
            w = free.pop()
        try:
            return student, w.run({"kind": "feedback", "config_file": course.config_file,
                                   "assignment": assignment, "student": student}, 600)
        finally:
            with lock:
                free.append(w)

    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(students), unit="student", desc=f"feedback {assignment}", file=sys.stderr)
    try:
        with ThreadPoolExecutor(len(workers)) as pool:
            for fut in as_completed([pool.submit(one, s) for s in students]):
                student, out = fut.result()
                if out.get("status") != "ok":
                    errors.append((student, out.get("error", "")))
                if bar:
                    bar.update(1)
    finally:
        if bar:
            bar.close()
        for w in workers:
            w.close()
        shutil.rmtree(run_dir, ignore_errors=True)
    return len(students) - len(errors), errors


def _run_feedback_job(job: dict) -> dict:
    import logging
    from traitlets.config.loader import PyFileConfigLoader
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.converters import GenerateFeedback
    folder, name = os.path.split(job["config_file"])
    cfg = PyFileConfigLoader(name, path=folder).load_config()
    cfg.CourseDirectory.assignment_id = job["assignment"]
    cfg.CourseDirectory.student_id = job["student"]
    cfg.GenerateFeedback.force = True
    log = logging.getLogger("grading.feedback")
    log.setLevel(logging.WARNING)
    try:
        GenerateFeedback(coursedir=CourseDirectory(config=cfg, log=log), config=cfg, log=log).start()
    except Exception as exc:
        return {"status": "error", "error": f"nbgrader generate_feedback failed: {exc}"}
    return {"status": "ok"}


def add_students(course: Course, students: list):
    """Make sure each student id is in the gradebook (names are kept if already there)."""
    if not students:
        return
    from nbgrader.api import Gradebook, MissingEntry
    with Gradebook("sqlite:///" + course.db_path, course.course_id) as gb:
        for s in students:
            try:
                gb.find_student(s)
            except MissingEntry:
                gb.add_student(s)


EXPORT_COLUMNS = ("assignment", "duedate", "timestamp", "student_id", "last_name", "first_name",
                  "email", "raw_score", "late_submission_penalty", "score", "max_score", "status")


def read_report(course: Course, assignment: str) -> dict:
    """``{student: row}`` of the last grading report of ``assignment`` (empty if none)."""
    path = os.path.join(course.dirs["autograded_directory"], f"{assignment}_report.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return {r["student"]: r for r in json.load(f)}


def export_grades(course: Course, path: str):
    """The gradebook as CSV: one row per assignment and student of the gradebook.

    The columns of ``nbgrader export`` plus ``status``: ``graded``, ``not submitted`` (a student
    of the roster with no submission: score 0) or ``error: ...`` (grading failed: score 0 until
    it is fixed and graded again). Late penalties are first recomputed from the current scores
    (``apply_late_penalties``), so manual grades given after autograding are penalised too.
    """
    import csv
    from nbgrader.api import Gradebook, MissingEntry
    apply_late_penalties(course)
    with Gradebook("sqlite:///" + course.db_path, course.course_id) as gb, \
            open(path, "w", newline="") as f:
        w = csv.DictWriter(f, EXPORT_COLUMNS)
        w.writeheader()
        for a in gb.assignments:
            report = read_report(course, a.name)
            for st in gb.students:
                row = {"assignment": a.name, "duedate": a.duedate or "", "student_id": st.id,
                       "last_name": st.last_name or "", "first_name": st.first_name or "",
                       "email": st.email or "", "max_score": a.max_score}
                try:
                    sub = gb.find_submission(a.name, st.id)
                except MissingEntry:
                    sub = None
                rep = report.get(st.id)
                if rep is not None and rep["status"] != "ok":
                    status = "error: " + rep["error"]
                elif sub is None:
                    status = "not submitted"
                else:
                    status = "graded"
                if sub is None or status.startswith("error"):
                    row.update(timestamp="", raw_score=0.0, late_submission_penalty=0.0, score=0.0)
                else:
                    penalty = sub.late_submission_penalty or 0.0
                    row.update(timestamp=sub.timestamp or "", raw_score=sub.score,
                               late_submission_penalty=penalty,
                               score=max(0.0, sub.score - penalty))
                row["status"] = status
                w.writerow(row)


def late_plugin(course: Course):
    """The course's late-submission plugin, configured as ``AssignLatePenalties.plugin_class``."""
    from traitlets.config.loader import PyFileConfigLoader
    from nbgrader.preprocessors import AssignLatePenalties
    cfg = PyFileConfigLoader(os.path.basename(course.config_file),
                             path=os.path.dirname(course.config_file)).load_config()
    pre = AssignLatePenalties(config=cfg)
    pre.init_plugin()
    return pre.plugin_inst


def apply_late_penalties(course: Course):
    """Recompute every late submission's penalty from its current score.

    nbgrader computes the penalty once, while autograding, from the score at that moment: the
    prose answers graded by hand afterwards would escape it. This applies the same plugin to
    the score as it is now, capped at the score like nbgrader does.
    """
    from nbgrader.api import Gradebook
    plugin = None
    with Gradebook("sqlite:///" + course.db_path, course.course_id) as gb:
        changed = False
        for a in gb.assignments:
            for sub in a.submissions:
                late = sub.total_seconds_late or 0
                if late <= 0:
                    continue
                plugin = plugin or late_plugin(course)
                for nb in sub.notebooks:
                    penalty = plugin.late_submission_penalty(sub.student.id, nb.score, late)
                    penalty = None if penalty is None else min(max(penalty, 0.0), nb.score)
                    if penalty != nb.late_submission_penalty:
                        nb.late_submission_penalty = penalty
                        changed = True
        if changed:
            gb.db.commit()


def write_report(results: list, path_csv: str, assignment: str, *, merge: bool = False):
    """One row per student: status, score, what needs a human, integrity flags, notes.

    ``merge``: keep the rows of students not in ``results`` from the report already there
    (grading a few students again with ``--student`` updates their rows only).
    """
    import csv
    from grading.integrity import summarize
    path_json = os.path.splitext(path_csv)[0] + ".json"
    rows = {}
    if merge and os.path.exists(path_json):
        with open(path_json) as f:
            rows = {r["student"]: r for r in json.load(f)}
    rows.update({r.student: asdict(r) for r in results})
    rows = [rows[s] for s in sorted(rows)]
    with open(path_csv, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["assignment", "student", "status", "score", "max_score",
                    "cells_to_grade_by_hand", "integrity", "note", "error", "seconds"])
        for r in rows:
            w.writerow([assignment, r["student"], r["status"],
                        "" if r["score"] is None else f"{r['score']:g}",
                        "" if r["max_score"] is None else f"{r['max_score']:g}",
                        r["needs_manual"], summarize(r["findings"]), r.get("note", ""),
                        r["error"], f"{r['seconds']:.1f}"])
    with open(path_json, "w") as f:
        json.dump(rows, f, indent=1)


# ---------------------------------------------------------------------------
# Worker side: ``python -m grading.parallel`` reads one JSON job per line.

_ACTIVE_KERNELS: set = set()


def _kill_kernels(*_):
    for pgid in list(_ACTIVE_KERNELS):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except OSError:
            pass
    os._exit(3)


def _track_kernels():
    """Remember each kernel's process group so a stopped worker takes them along."""
    from grading.execute import IPCKernelManager
    start, cleanup = IPCKernelManager._async_post_start_kernel, IPCKernelManager._async_cleanup_resources

    async def post_start(self, **kw):
        await start(self, **kw)
        pgid = getattr(self.provisioner, "pgid", None)
        if pgid:
            self._dl_pgid = pgid
            _ACTIVE_KERNELS.add(pgid)

    async def cleanup_resources(self, restart=False):
        _ACTIVE_KERNELS.discard(getattr(self, "_dl_pgid", None))
        await cleanup(self, restart=restart)

    IPCKernelManager._async_post_start_kernel = post_start
    IPCKernelManager._async_cleanup_resources = cleanup_resources


def _job_config(job: dict):
    from traitlets.config.loader import PyFileConfigLoader
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.preprocessors import (IgnorePattern, LimitOutput, SaveAutoGrades,
                                        AssignLatePenalties, CheckCellMetadata)
    from grading.execute import SafeExecute
    folder, name = os.path.split(job["config_file"])
    cfg = PyFileConfigLoader(name, path=folder).load_config()
    cd = cfg.CourseDirectory
    cd.root = job["course"]
    cd.db_url = "sqlite:///" + os.path.join(job["course"], "gradebook.db")
    cd.course_id = job["course_id"]
    for key, rel in job["dirs"].items():
        setattr(cd, key, rel)
    cd.assignment_id = job["assignment"]
    cd.student_id = job["student"]
    cfg.Autograde.autograde_preprocessors = [
        SafeExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
        SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
    cfg.Autograde.force = True
    cfg.Autograde.create_student = True
    cfg.GenerateFeedback.force = True
    cfg.SafeExecute.kernel_name = "dl-sandbox"
    cfg.SafeExecute.timeout = int(job["cell_timeout"])
    cfg.SafeExecute.iopub_timeout = 10
    cfg.SafeExecute.startup_timeout = 120
    return cfg


def _run_job(job: dict) -> dict:
    import logging
    import nbformat
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.converters import Autograde, GenerateFeedback
    from grading import integrity

    root, a, s = job["course"], job["assignment"], job["student"]
    reports = os.path.join(root, "reports")
    os.makedirs(job["runtime"], exist_ok=True)
    os.environ["JUPYTER_RUNTIME_DIR"] = job["runtime"]
    os.environ["DL_GRADING_REPORT_DIR"] = reports
    cfg = _job_config(job)

    log = logging.getLogger(f"grading.{s}")
    log.handlers[:] = []
    handler = logging.FileHandler(os.path.join(root, "autograde.log"))
    handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False

    def run(converter_cls):
        coursedir = CourseDirectory(config=cfg, log=log)
        conv = converter_cls(coursedir=coursedir, config=cfg, log=log)
        conv.start()

    # Static integrity check first: it reads only the submission and the release.
    findings = []
    sub_dir = os.path.join(root, job["dirs"]["submitted_directory"], s, a)
    for nb in job["notebooks"]:
        path = os.path.join(sub_dir, nb + ".ipynb")
        if not os.path.exists(path):
            continue
        released = nbformat.read(os.path.join(job["release"], a, nb + ".ipynb"), 4)
        src_path = os.path.join(job["source"], a, nb + ".ipynb")
        source = nbformat.read(src_path, 4) if os.path.exists(src_path) else None
        for f in integrity.check_notebook(nbformat.read(path, 4), released, source):
            findings.append({**f, "notebook": nb})

    try:
        run(Autograde)
    except Exception as exc:
        with open(os.path.join(root, "autograde.log")) as f:
            tail = [ln for ln in f.read().splitlines() if ln.startswith("[ERROR]")][-3:]
        return {"status": "error", "error": f"nbgrader autograde failed: {exc}. "
                + " | ".join(tail)[-600:], "findings": findings}

    for nb in job["notebooks"]:
        path = os.path.join(reports, nb + ".json")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            rep = json.load(f)
        released = nbformat.read(os.path.join(job["release"], a, nb + ".ipynb"), 4)
        tests_use = integrity.names_in_tests(released)
        for f in rep.get("events", []) + integrity.merge_runtime(rep.get("guard"), tests_use=tests_use):
            findings.append({**f, "notebook": nb})

    if job.get("feedback"):
        try:
            run(GenerateFeedback)
        except Exception as exc:
            return {"status": "error", "error": f"nbgrader generate_feedback failed: {exc}",
                    "findings": findings}
    return {"status": "ok", "findings": findings}


def worker_main():
    """Serve jobs from stdin; answers go to the original stdout only."""
    proto = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # kernels and libraries that print must not corrupt the protocol
    signal.signal(signal.SIGTERM, _kill_kernels)
    _track_kernels()
    for line in sys.stdin:
        if not line.strip():
            continue
        job = json.loads(line)
        try:
            out = _run_feedback_job(job) if job.get("kind") == "feedback" else _run_job(job)
        except BaseException as exc:  # report, never die silently
            out = {"status": "error", "error": f"{type(exc).__name__}: {exc}",
                   "trace": traceback.format_exc()[-2000:]}
        proto.write(json.dumps(out) + "\n")
        proto.flush()


if __name__ == "__main__":
    worker_main()
