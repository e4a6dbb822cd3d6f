"""Fast checks of the pieces: static integrity analysis, submission checks, sandbox probe."""
from __future__ import annotations

import copy
import os
import subprocess
import sys

import nbformat
import pytest

from kit import REPO, FIXTURES, strip_markers, gid, nbg

from grading import integrity, parallel, sandbox

TOY = os.path.join(FIXTURES, "solutions", "toy", "toy.ipynb")


def _release(source):
    """What nbgrader hands out: answers stubbed, hidden tests removed."""
    released = copy.deepcopy(source)
    for c in released.cells:
        if nbg(c).get("solution"):
            c.source = "# YOUR CODE HERE\nraise NotImplementedError()"
        elif "### BEGIN HIDDEN TESTS" in c.source:
            head, _, rest = c.source.partition("### BEGIN HIDDEN TESTS")
            c.source = head.rstrip() + rest.partition("### END HIDDEN TESTS")[2]
    return released


def _findings(**answers):
    """Static findings for the toy assignment with ``answers`` (grade_id -> source)."""
    source = nbformat.read(TOY, 4)
    released = _release(source)
    sub = copy.deepcopy(released)
    for c in sub.cells:
        if nbg(c).get("solution"):
            c.source = answers.get(gid(c), strip_markers(next(
                s.source for s in source.cells if gid(s) == gid(c))))
    return integrity.check_notebook(sub, released, source)


def _levels(findings):
    return {f["level"] for f in findings}


def test_a_model_answer_has_no_findings():
    assert _findings() == []


@pytest.mark.parametrize("code, clue", [
    ("np.allclose = lambda *a, **k: True", "np.allclose"),
    ("import numpy\nnumpy.testing.assert_allclose = print", "numpy.testing.assert_allclose"),
    ("import builtins\nbuiltins.isinstance = lambda *a: True", "builtins.isinstance"),
    ("setattr(np, 'all' + 'close', lambda *a, **k: True)", "setattr"),
    ("__builtins__.abs = max", "__builtins__"),
    ("class A:\n    def __eq__(self, o):\n        return True", "always returns True"),
    ("get_ipython().set_custom_exc((AssertionError,), lambda *a, **k: None)", "set_custom_exc"),
    ("import sys\nsys.settrace(lambda *a: None)", "sys.settrace"),
    ("np = None", "rebinds `np`"),
    ("from unittest import mock\nmock.patch.object(np, 'isclose', lambda *a: True).start()", "patch"),
])
def test_tampering_is_found(code, clue):
    found = _findings(mse=code + "\ndef mse(y, t):\n    return 0.0")
    assert any(f["level"] == "tamper" and clue in f["what"] for f in found), found


@pytest.mark.parametrize("code", [
    "def mse(y, t):\n    total = 0.0\n    for a, b in zip(y, t):\n        total += (a - b) ** 2\n    return total / len(y)",
    "import math\ndef mse(y, t):\n    d = np.asarray(y) - np.asarray(t)\n    return float(d @ d) / d.size",
    "%matplotlib inline\ndef mse(y, t):\n    return float(np.mean((np.asarray(y) - np.asarray(t)) ** 2))",
    "def mse(y, t):\n    max = np.max(np.abs(y))  # a local that shadows a builtin is fine\n    return float(np.mean((y - t) ** 2))",
])
def test_honest_code_is_not_flagged_as_tampering(code):
    assert "tamper" not in _levels(_findings(mse=code))


def test_names_the_tests_set_themselves_are_not_flagged():
    """The tests assign `out` and `value` before reading them: a student's own `out` is harmless."""
    found = _findings(mse="out = 3\nvalue = [1]\ndef mse(y, t):\n    return float(np.mean((y - t) ** 2))")
    assert found == [], found


def test_obfuscation_is_left_for_review():
    found = _findings(mse="exec('def mse(y, t): return 0.0')")
    assert _levels(found) == {"review"}, found


def test_edited_and_deleted_test_cells_are_reported():
    source = nbformat.read(TOY, 4)
    sub = copy.deepcopy(source)
    for c in sub.cells:
        if gid(c) == "test_relu":
            c.source = "pass"
    sub.cells = [c for c in sub.cells if gid(c) != "test_mse"]
    what = " ".join(f["what"] for f in integrity.check_notebook(sub, source, source))
    assert "`test_relu` was edited" in what and "`test_mse` was deleted" in what


def test_runtime_report_from_a_tampered_guard_is_flagged():
    for bad in (None, "", "not json", '{"installed": false}', "[]"):
        found = integrity.merge_runtime(bad, tests_use=set())
        assert found and found[0]["level"] == "tamper", bad


def test_runtime_shadowing_counts_only_names_the_tests_use():
    report = '{"installed": true, "findings": [{"cell": 3, "level": "shadow", "what": "sum"},' \
             ' {"cell": 3, "level": "shadow", "what": "abs"}]}'
    found = integrity.merge_runtime(report, tests_use={"abs"})
    assert [f["what"] for f in found] == ["the builtin `abs`, which the tests use, was shadowed"]


@pytest.mark.parametrize("text, message", [
    ("{ nope", "not valid JSON"),
    ('{"cells": 3}', "not a Jupyter notebook"),
    ('[1, 2]', "not a Jupyter notebook"),
    ('{"cells": [], "nbformat": 4, "nbformat_minor": 5, "metadata": {}, "extra": 1}', "not a valid notebook"),
])
def test_damaged_submissions_get_a_message(tmp_path, text, message):
    path = tmp_path / "nb.ipynb"
    path.write_text(text)
    assert message in parallel.check_submission(str(path))


def test_a_good_submission_passes_the_check():
    assert parallel.check_submission(TOY) is None


def test_sandbox_degrades_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(sandbox, "_probe_cache", None)
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    ok, why = sandbox.probe()
    assert not ok and "unshare" in why
    monkeypatch.setattr(sandbox, "_probe_cache", None)


def test_require_sandbox_refuses_when_there_is_none(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "_probe_cache", (False, "no namespaces in this test"))
    (tmp_path / "exercises" / "toy").mkdir(parents=True)
    (tmp_path / "exercises" / "toy" / "toy.ipynb").write_text("{}")
    (tmp_path / "gradebook.db").write_text("")
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.release_directory = 'exercises'\n")
    opts = parallel.Options(sandbox="require")
    with pytest.raises(SystemExit, match="no namespaces in this test"):
        parallel.grade(str(tmp_path), "toy", opts, students=[], progress=False)


def test_check_sandbox_command_says_what_it_found():
    proc = subprocess.run([sys.executable, "-m", "grading", "check-sandbox"], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert proc.stdout.startswith("sandbox: ")
    assert proc.returncode == (0 if sandbox.probe()[0] else 1)


def test_a_submission_made_from_the_model_answers_is_tampering():
    source = nbformat.read(TOY, 4)
    found = integrity.check_notebook(copy.deepcopy(source), _release(source), source)
    assert any(f["level"] == "tamper" and "BEGIN SOLUTION" in f["what"] for f in found), found
    assert any(f["level"] == "tamper" and "BEGIN HIDDEN TESTS" in f["what"] for f in found), found


def test_hidden_test_text_pasted_into_a_submission_is_tampering():
    source = nbformat.read(TOY, 4)
    hidden = next(c.source for c in source.cells if "### BEGIN HIDDEN TESTS" in c.source)
    hidden = hidden.partition("### BEGIN HIDDEN TESTS")[2].partition("### END HIDDEN TESTS")[0]
    assert len([ln for ln in hidden.splitlines() if len(ln.strip()) >= 16]) > 0
    sub = _release(source)
    code = next(c for c in sub.cells if nbg(c).get("solution") and c.cell_type == "code")
    code.source = strip_markers(next(s.source for s in source.cells if gid(s) == gid(code))) + \
        "\n" + hidden
    found = integrity.check_notebook(sub, _release(source), source)
    assert [f["level"] for f in found if "hidden test" in f["what"]] == ["tamper"], found


def _folder(tmp_path, *names):
    for n in names:
        (tmp_path / n).write_text("{}")
    return str(tmp_path)


@pytest.mark.parametrize("names", [["05_losses (1).ipynb"], ["05_losses-Copy1.ipynb", "data.csv"]])
def test_the_only_notebook_of_a_folder_is_graded_under_the_expected_name(tmp_path, names):
    renames, notes, errors = parallel.locate_notebooks(_folder(tmp_path, *names), ["05_losses"])
    assert renames == {names[0]: "05_losses.ipynb"} and errors == []
    assert names[0] in notes[0]


def test_two_candidate_notebooks_ask_the_teacher_to_rename_one(tmp_path):
    folder = _folder(tmp_path, "05_losses (1).ipynb", "05_losses (2).ipynb")
    renames, notes, errors = parallel.locate_notebooks(folder, ["05_losses"])
    assert renames == {} and len(errors) == 1
    assert "rename one of `05_losses (1).ipynb`, `05_losses (2).ipynb` to 05_losses.ipynb" in errors[0]


def test_a_folder_without_notebook_is_an_error_and_a_well_named_one_is_left_alone(tmp_path):
    assert "no notebook" in parallel.locate_notebooks(_folder(tmp_path, "notes.txt"), ["05_losses"])[2][0]
    assert parallel.locate_notebooks(_folder(tmp_path, "05_losses.ipynb", "scratch.ipynb"),
                                     ["05_losses"]) == ({}, [], [])


def test_late_penalty_takes_a_share_per_started_day():
    from grading.late import PercentPerDayLate
    plugin = PercentPerDayLate(percent_per_day=10)
    assert plugin.late_submission_penalty("ada", 8.0, 0) is None
    assert plugin.late_submission_penalty("ada", 8.0, 1) == pytest.approx(0.8)      # 1 s: day 1
    assert plugin.late_submission_penalty("ada", 8.0, 86400) == pytest.approx(0.8)
    assert plugin.late_submission_penalty("ada", 8.0, 86401) == pytest.approx(1.6)  # day 2
    assert plugin.late_submission_penalty("ada", 8.0, 30 * 86400) == pytest.approx(8.0)  # capped
    with pytest.raises(ValueError, match="percent_per_day"):
        PercentPerDayLate(percent_per_day=150).late_submission_penalty("ada", 8.0, 10)


def test_the_course_config_uses_the_late_plugin_and_reads_canvas_file_names():
    import re
    from traitlets.config.loader import PyFileConfigLoader
    cfg = PyFileConfigLoader("nbgrader_config.py", path=REPO).load_config()
    assert cfg.AssignLatePenalties.plugin_class == "grading.late.PercentPerDayLate"
    rx = cfg.FileNameCollectorPlugin.named_regexp
    m = re.match(rx, "/x/downloaded/05_losses/extracted/subs/lovelaceada_LATE_48213_9921345_05_losses (1).ipynb")
    assert m and m["student_id"] == "lovelaceada" and m["file_id"] == "05_losses (1).ipynb"
    assert re.match(rx, "/x/extracted/turingal_48214_9921346_05_losses.ipynb")["student_id"] == "turingal"
