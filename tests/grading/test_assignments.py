"""Every real assignment in solutions/ (and the toy fixture) is fit to hand out.

* it follows grading/FORMAT.md (``python -m grading lint``);
* the committed release in exercises/ is exactly what ``nbgrader generate_assignment``
  makes from it now;
* no solution code and no hidden test reaches exercises/ or the built website;
* the solution scores full marks on every autograded cell, and the release,
  unanswered, scores 0 on every one of them (no free points).
"""
from __future__ import annotations

import glob
import json
import os

import nbformat
import pytest

from kit import FIXTURES, REPO, Kit, autograded_scores, make_course, max_points, nbg

from grading import lint, parallel

CHAPTERS = sorted(os.path.basename(os.path.dirname(p))
                  for p in glob.glob(os.path.join(REPO, "solutions", "*", "*.ipynb"))
                  if os.path.basename(p)[:-6] == os.path.basename(os.path.dirname(p)))
SOURCES = {ch: os.path.join(REPO, "solutions", ch) for ch in CHAPTERS}
SOURCES["toy"] = os.path.join(FIXTURES, "solutions", "toy")
ALL = sorted(SOURCES)


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """Every assignment, generated afresh in one temporary course."""
    return make_course(str(tmp_path_factory.mktemp("assignments")), SOURCES)


def _solution(name):
    return nbformat.read(os.path.join(SOURCES[name], name + ".ipynb"), 4)


@pytest.mark.parametrize("name", ALL)
def test_follows_the_format(name):
    assert lint.check(_solution(name)) == []


def _tree(folder):
    out = {}
    for path in sorted(glob.glob(os.path.join(folder, "**", "*"), recursive=True)):
        if os.path.isfile(path) and ".ipynb_checkpoints" not in path:
            rel = os.path.relpath(path, folder)
            with open(path, "rb") as f:
                data = f.read()
            out[rel] = json.loads(data) if rel.endswith(".ipynb") else data
    return out


@pytest.mark.parametrize("name", CHAPTERS)
def test_committed_release_is_what_nbgrader_generates(course, name):
    committed = os.path.join(REPO, "exercises", name)
    assert os.path.isdir(committed), (
        f"solutions/{name} has no release: run `make exercises` and commit exercises/{name}")
    fresh = _tree(os.path.join(course, "exercises", name))
    assert _tree(committed) == fresh, (
        f"exercises/{name} is stale: run `make exercises` and commit exercises/")


def test_generation_is_deterministic(tmp_path):
    a = make_course(str(tmp_path / "a"), {"toy": SOURCES["toy"]})
    b = make_course(str(tmp_path / "b"), {"toy": SOURCES["toy"]})
    assert _tree(os.path.join(a, "exercises", "toy")) == _tree(os.path.join(b, "exercises", "toy"))


def secret_lines(nb) -> set:
    """Lines of solution regions and hidden tests that appear nowhere else in the notebook."""
    secret, public = set(), set()
    for c in nb.cells:
        inside = None
        for line in c.source.splitlines():
            s = line.strip()
            if "BEGIN SOLUTION" in s or "BEGIN HIDDEN TESTS" in s:
                inside = True
                continue
            if "END SOLUTION" in s or "END HIDDEN TESTS" in s:
                inside = None
                continue
            whole_cell = nbg(c).get("solution") and "BEGIN SOLUTION" not in c.source
            (secret if inside or whole_cell else public).add(s)
    return {s for s in secret - public
            if len(s) >= 12 and not s.startswith("#") and s not in ("raise NotImplementedError()",)}


def _lines(text):
    return {line.strip() for line in text.splitlines()}


def _release_lines(folder):
    lines = set()
    for path in glob.glob(os.path.join(folder, "**", "*.ipynb"), recursive=True):
        nb = nbformat.read(path, 4)
        for c in nb.cells:
            lines |= _lines(c.source)
            for o in c.get("outputs", []):
                lines |= _lines(o.get("text", "") if isinstance(o.get("text"), str) else "")
    return lines


@pytest.mark.parametrize("name", ALL)
def test_release_contains_no_solution_or_hidden_test(course, name):
    secrets = secret_lines(_solution(name))
    assert secrets, "the solutions notebook should have solution and hidden-test lines"
    folders = [os.path.join(course, "exercises", name)]
    if os.path.isdir(os.path.join(REPO, "exercises", name)):
        folders.append(os.path.join(REPO, "exercises", name))
    for folder in folders:
        leaked = sorted(secrets & _release_lines(folder))
        assert not leaked, f"{folder} shows solution or hidden-test lines: {leaked[:5]}"


@pytest.mark.parametrize("name", ALL)
def test_solution_scores_full_marks_and_release_scores_zero(course, name):
    kit = Kit(course, name)
    kit.submit("solution", kit.answered())
    kit.submit("unanswered", kit.blank())
    opts = parallel.Options(jobs=2, cell_timeout=120, feedback=False)
    results = {r.student: r for r in parallel.grade(course, name, opts, students=["solution", "unanswered"],
                                                     progress=False, log=lambda m: None)}
    assert all(r.status == "ok" for r in results.values()), {s: r.error for s, r in results.items()}
    full = max_points(kit.solution)
    got = autograded_scores(course, name, "solution")
    assert {g: got[g] for g in full} == full, "the solution fails some of its own tests"
    got = autograded_scores(course, name, "unanswered")
    assert {g: got[g] for g in full} == {g: 0.0 for g in full}, "free points for an unanswered release"
    clean = [f for f in results["solution"].findings if f["level"] == "tamper"]
    assert not clean, f"the model solution trips the integrity checks: {clean}"
