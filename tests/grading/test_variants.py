"""Plausible wrong answers lose their points; correct answers in another style keep them.

Every assignment has a file ``variants/<assignment>.py`` (format: ``variants/README.md``). Its
variants are submitted as students of one temporary course -- each wrong answer alone, correct
answers in other styles several to a notebook when they fill different cells (``pack``) -- and
graded by the real pipeline (``grading.parallel.grade``: sandbox, time limits, hidden tests restored).
"""
from __future__ import annotations

import importlib.util
import os
import re

import pytest

from kit import Kit, autograded_scores, make_course, max_points, nbg, gid

from grading import parallel
from test_assignments import ALL, SOURCES

HERE = os.path.dirname(os.path.abspath(__file__))


def load_variants(name: str) -> list:
    path = os.path.join(HERE, "variants", name + ".py")
    if not os.path.exists(path):
        return []
    spec = importlib.util.spec_from_file_location(f"variants_{name}", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return list(mod.VARIANTS)


def _student(v) -> str:
    return re.sub(r"[^a-z0-9_]", "_", v["name"].lower())


@pytest.mark.parametrize("name", ALL)
def test_variants_cover_every_autograded_question(name):
    variants = load_variants(name)
    assert variants, f"tests/grading/variants/{name}.py is missing (see variants/README.md)"
    kit_solution = os.path.join(SOURCES[name], name + ".ipynb")
    import nbformat
    nb = nbformat.read(kit_solution, 4)
    tests = {gid(c) for c in nb.cells if nbg(c).get("grade") and not nbg(c).get("solution")}
    answers = {gid(c) for c in nb.cells if nbg(c).get("solution")}
    names = [v["name"] for v in variants]
    assert len(names) == len(set(names)), "variant names must be unique"
    for v in variants:
        assert v["kind"] in ("wrong", "restyled"), v["name"]
        unknown = set(v["answers"]) - answers
        assert not unknown, f"{v['name']}: no answer cell called {sorted(unknown)}"
        named = set(v.get("loses", [])) | set(v.get("keeps", []))
        assert named and named <= tests, f"{v['name']}: names unknown tests {sorted(named - tests)}"
    lost = {t for v in variants if v["kind"] == "wrong" for t in v["loses"]}
    kept = {t for v in variants if v["kind"] == "restyled" for t in v["keeps"]}
    assert tests <= lost, f"no plausible wrong answer loses points on {sorted(tests - lost)}"
    assert tests <= kept, f"no correct answer in another style is tried on {sorted(tests - kept)}"


def pack(variants, size=6):
    """The students to grade: ``[(student, [variants])]``.

    A wrong answer is graded alone, so the points it loses are its own. Correct answers in other
    styles must each keep every point, so up to ``size`` of them that fill *different* answer
    cells share one submission: full marks for it are full marks for each (and a third of the
    kernels to start). A shared submission that loses points is graded again member by member.
    """
    students = [(_student(v), [v]) for v in variants if v["kind"] == "wrong"]
    packs = []
    for v in (v for v in variants if v["kind"] == "restyled"):
        for members in packs:
            cells = {c for m in members for c in m["answers"]}
            if len(members) < size and not cells & set(v["answers"]):
                members.append(v)
                break
        else:
            packs.append([v])
    students += [(f"restyled_{i}" if len(m) > 1 else _student(m[0]), m) for i, m in enumerate(packs)]
    return students


def _grade(course, name, kit, students):
    for student, members in students:
        answers = {cell: src for v in members for cell, src in v["answers"].items()}
        kit.submit(student, kit.answered(**answers))
    # Generous: under a loaded CI machine a correct answer must not lose points to the clock.
    opts = parallel.Options(jobs=2, cell_timeout=180, feedback=False)
    return {r.student: r for r in parallel.grade(course, name, opts, students=[s for s, _ in students],
                                                 progress=False, log=lambda m: None)}


def _full_marks_problems(label, result, got, full):
    if result.status != "ok":
        return [f"{label}: grading failed: {result.error}"]
    problems = []
    lost = {t: f"{got[t]}/{full[t]}" for t in full if got[t] < full[t]}
    if lost:
        problems.append(f"{label} (restyled, correct) loses points: {lost}")
    tamper = [f for f in result.findings if f["level"] == "tamper"]
    if tamper:
        problems.append(f"{label} (restyled, correct) is flagged as tampering: {tamper}")
    return problems


def test_pack_keeps_wrong_answers_alone_and_restyled_cells_apart():
    vs = [dict(name="w1", kind="wrong", answers={"a": ""}), dict(name="w2", kind="wrong", answers={"a": ""}),
          dict(name="r1", kind="restyled", answers={"a": ""}), dict(name="r2", kind="restyled", answers={"b": ""}),
          dict(name="r3", kind="restyled", answers={"a": "", "c": ""}), dict(name="r4", kind="restyled", answers={"c": ""})]
    packed = pack(vs)
    assert [[v["name"] for v in m] for _, m in packed] == [["w1"], ["w2"], ["r1", "r2", "r4"], ["r3"]]
    assert len({s for s, _ in packed}) == len(packed)


def grading_problems(course_dir, name, variants) -> list:
    """Grade ``variants`` of assignment ``name`` in a new course; what is wrong with the result."""
    course = make_course(course_dir, {name: SOURCES[name]})
    kit = Kit(course, name)
    students = pack(variants)
    results = _grade(course, name, kit, students)
    full = max_points(kit.solution)
    problems, regrade = [], []
    for student, members in students:
        r = results[student]
        got = autograded_scores(course, name, student) if r.status == "ok" else {}
        if members[0]["kind"] == "wrong":
            v = members[0]
            if r.status != "ok":
                problems.append(f"{v['name']}: grading failed: {r.error}")
                continue
            kept = [t for t in v["loses"] if got[t] >= full[t]]
            if kept:
                problems.append(f"{v['name']} (wrong) keeps full marks on {kept}")
        else:
            found = _full_marks_problems(members[0]["name"], r, got, full)
            if found and len(members) > 1:
                regrade.append((student, members))
            else:
                problems += found
    if regrade:                  # name the answer responsible: grade each member on its own
        alone = [(_student(v), [v]) for _, members in regrade for v in members]
        results = _grade(course, name, kit, alone)
        for together, members in regrade:
            found = []
            for v in members:
                r = results[_student(v)]
                got = autograded_scores(course, name, _student(v)) if r.status == "ok" else {}
                found += _full_marks_problems(v["name"], r, got, full)
            problems += found or [
                f"{', '.join(v['name'] for v in members)} (restyled, correct) each keep full marks alone "
                f"but lose points together in one notebook ({together}): correct answers that do not "
                f"combine"]
    return problems


@pytest.mark.parametrize("name", ALL)
def test_wrong_answers_lose_points_and_restyled_keep_them(tmp_path, name):
    variants = load_variants(name)
    if not variants:
        pytest.skip(f"no variants for {name} (the coverage test fails instead)")
    problems = grading_problems(str(tmp_path / "course"), name, variants)
    assert not problems, "\n".join(problems)


def test_a_shared_notebook_that_loses_points_names_the_answer(tmp_path):
    """The check itself can fail: a 'restyled' answer that is wrong, packed with two correct ones."""
    variants = [v for v in load_variants("toy") if v["kind"] == "restyled"]
    variants.append(dict(name="mse_halved", kind="restyled", keeps=["test_mse"], answers={
        "mse": "def mse(y, t):\n    return float(np.mean((np.asarray(y) - np.asarray(t)) ** 2)) / 2"}))
    variants = [v for v in variants if v["name"] != "mse_loop_lists"]
    assert len(pack(variants)) == 1                        # all three share one notebook
    problems = grading_problems(str(tmp_path / "course"), "toy", variants)
    assert len(problems) == 1 and problems[0].startswith("mse_halved (restyled, correct) loses points"), problems
