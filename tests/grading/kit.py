"""Helpers for the grading tests: temporary courses and synthetic submissions.

A course here is a temporary folder with the project's own ``nbgrader_config.py``
and one or more assignments copied into ``solutions/``; ``make_course`` runs
nbgrader's generate step on it, so ``exercises/`` and ``gradebook.db`` are real.
"""
from __future__ import annotations

import copy
import os
import shutil
import sys

import nbformat

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(REPO, "tests", "grading", "fixtures")
if REPO not in sys.path:
    sys.path.insert(0, REPO)

import grading  # noqa: E402,F401  (puts this Python's bin/ on PATH: nbgrader runs `alembic`)


def course_parent() -> str:
    """A writable folder outside /tmp, /var/tmp, /dev/shm and /run.

    The sandbox mounts fresh empty file systems on those, which would hide a
    course kept there whatever the hide list says; a course elsewhere tests the
    hide list itself, as on a teacher's machine.
    """
    for base in ("/var/lib", "/opt", "/srv", REPO):
        if os.path.isdir(base) and os.access(base, os.W_OK):
            return base
    return REPO


def gid(cell):
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")


def nbg(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def strip_markers(source: str) -> str:
    return "\n".join(line for line in source.splitlines()
                     if "BEGIN SOLUTION" not in line and "END SOLUTION" not in line)


def generate(course_root: str, assignment: str):
    """``nbgrader generate_assignment <assignment> --force`` in ``course_root``."""
    from traitlets.config.loader import PyFileConfigLoader
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    cfg = PyFileConfigLoader("nbgrader_config.py", path=course_root).load_config()
    api = NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)
    out = api.generate_assignment(assignment, force=True)
    assert out["success"], out.get("log", "") + out.get("error", "")


def make_course(root: str, assignments: dict) -> str:
    """A course in ``root`` with ``{name: solution folder}`` generated."""
    os.makedirs(root, exist_ok=True)
    shutil.copy(os.path.join(REPO, "nbgrader_config.py"), root)
    for name, folder in assignments.items():
        shutil.copytree(folder, os.path.join(root, "solutions", name),
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
        generate(root, name)
    return root


class Kit:
    """Build submissions for one assignment of a course."""

    def __init__(self, root: str, assignment: str, notebook: str | None = None):
        self.root, self.assignment = root, assignment
        self.notebook = notebook or assignment
        self.release = nbformat.read(os.path.join(root, "exercises", assignment, self.notebook + ".ipynb"), 4)
        self.solution = nbformat.read(os.path.join(root, "solutions", assignment, self.notebook + ".ipynb"), 4)
        self.answers = {gid(c): strip_markers(c.source) for c in self.solution.cells if nbg(c).get("solution")}

    def answered(self, **overrides) -> nbformat.NotebookNode:
        """The release with every answer filled in (``overrides``: grade_id -> source)."""
        nb = copy.deepcopy(self.release)
        for c in nb.cells:
            g = gid(c)
            if g in overrides:
                c.source = overrides[g]
            elif g in self.answers:
                c.source = self.answers[g]
        return nb

    def blank(self) -> nbformat.NotebookNode:
        return copy.deepcopy(self.release)

    def submit(self, student: str, nb=None, *, raw: str | None = None):
        folder = os.path.join(self.root, "submitted", student, self.assignment)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, self.notebook + ".ipynb")
        if raw is not None:
            with open(path, "w") as f:
                f.write(raw)
        else:
            nbformat.write(nb, path)
        return path


def autograded_scores(root: str, assignment: str, student: str) -> dict:
    """``{grade_id: auto_score}`` from the course's gradebook."""
    from nbgrader.api import Gradebook
    with Gradebook("sqlite:///" + os.path.join(root, "gradebook.db")) as gb:
        sub = gb.find_submission(assignment, student)
        return {g.name: g.auto_score for nb in sub.notebooks for g in nb.grades}


def max_points(nb) -> dict:
    return {gid(c): float(nbg(c)["points"]) for c in nb.cells
            if nbg(c).get("grade") and not nbg(c).get("solution")}
