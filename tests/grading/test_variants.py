"""Plausible wrong answers lose their points; correct answers in another style keep them.

Every assignment has a file ``variants/<assignment>.py`` (format: ``variants/README.md``). All its
variants are submitted as students of one temporary course and graded by the real pipeline
(``grading.parallel.grade``: sandbox, time limits, hidden tests restored).
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


@pytest.mark.parametrize("name", ALL)
def test_wrong_answers_lose_points_and_restyled_keep_them(tmp_path, name):
    variants = load_variants(name)
    if not variants:
        pytest.skip(f"no variants for {name} (the coverage test fails instead)")
    course = make_course(str(tmp_path / "course"), {name: SOURCES[name]})
    kit = Kit(course, name)
    for v in variants:
        kit.submit(_student(v), kit.answered(**v["answers"]))
    # Generous: under a loaded CI machine a correct answer must not lose points to the clock.
    opts = parallel.Options(jobs=2, cell_timeout=180, feedback=False)
    results = {r.student: r for r in parallel.grade(course, name, opts, students=[_student(v) for v in variants],
                                                    progress=False, log=lambda m: None)}
    full = max_points(kit.solution)
    problems = []
    for v in variants:
        s = _student(v)
        r = results[s]
        if r.status != "ok":
            problems.append(f"{v['name']}: grading failed: {r.error}")
            continue
        got = autograded_scores(course, name, s)
        if v["kind"] == "wrong":
            kept = [t for t in v["loses"] if got[t] >= full[t]]
            if kept:
                problems.append(f"{v['name']} (wrong) keeps full marks on {kept}")
        else:
            lost = {t: f"{got[t]}/{full[t]}" for t in full if got[t] < full[t]}
            if lost:
                problems.append(f"{v['name']} (restyled, correct) loses points: {lost}")
            tamper = [f for f in r.findings if f["level"] == "tamper"]
            if tamper:
                problems.append(f"{v['name']} (restyled, correct) is flagged as tampering: {tamper}")
    assert not problems, "\n".join(problems)
