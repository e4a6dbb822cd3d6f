"""End to end: a class of synthetic submissions through ``python -m grading autograde``.

One temporary course, the toy assignment (tests/grading/fixtures), and one student
per situation a teacher meets: perfect, blank, one wrong answer, an infinite loop,
edited and deleted test cells, damaged files, code that tries to read secrets,
reach the network, exhaust memory or kill its kernel, and code that cheats.
The whole class is graded once, with 2 workers; each test reads the outcome.
"""
from __future__ import annotations

import copy
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading

import nbformat
import pytest

from kit import REPO, Kit, autograded_scores, course_parent, make_course, max_points

from grading import sandbox

CELL_TIMEOUT = 5
NEEDS_SANDBOX = pytest.mark.skipif(not sandbox.probe()[0], reason=f"no sandbox here: {sandbox.probe()[1]}")


class Listener:
    """A TCP server on 127.0.0.1 that counts connections (bounded, stops itself)."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.5)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        for _ in range(2400):  # at most 20 minutes
            if self.stop.is_set():
                break
            try:
                conn, _ = self.sock.accept()
                self.accepted += 1
                conn.close()
            except OSError:
                continue
        self.sock.close()


# A submission that walks the file system from its working directory and from the places a
# course usually lives, reading every file it can, and prints what gives the tests away: the
# text of a hidden test, a SQLite file (the gradebook), another student's submission.
# The needles are split so that this source does not contain them itself.
WALKER = r"""
import os, time
def _walk(roots, course_parent, repo):
    needles = {b"relu is wrong" + b" on a grid": "hidden test", b"SQLite format" + b" 3": "SQLite file",
               b"def mse(y, t):\n    return 0" + b".0": "another student's answer"}
    found, seen, start, where = set(), 0, time.monotonic(), []
    skip = ("/proc", "/sys", "/dev", "/usr", "/bin", "/lib", "/etc")
    for top in roots:
        for d, dirs, files in os.walk(top):
            dirs[:] = [x for x in dirs if x not in (".venv", "site-packages", "node_modules")
                       and not os.path.join(d, x).startswith(skip)]
            for f in files:
                if time.monotonic() - start > 3:
                    return found, seen, where
                try:
                    with open(os.path.join(d, f), "rb") as fh:
                        data = fh.read(2_000_000)
                except OSError:
                    continue
                seen += 1
                hits = {what for n, what in needles.items() if n in data}
                found |= hits
                where += [os.path.join(d, f)] if hits else []
    return found, seen, where
_up = [os.path.abspath(os.path.join(*[".."] * k)) if k else os.getcwd() for k in range(6)]
WALK_FOUND, WALK_SEEN, WALK_WHERE = _walk(_up + [COURSE, REPO, "/var/lib", "/srv", "/opt", "/home", "/root"], None, None)
print("walker found:", sorted(WALK_FOUND), "after reading", WALK_SEEN, "files", WALK_WHERE[:5])
"""


def _walker(kit: Kit, root: str):
    nb = kit.answered()
    code = f"COURSE = {root!r}\nREPO = {REPO!r}\n" + WALKER
    nb.cells.insert(2, nbformat.v4.new_code_cell(code))
    return nb


def _walker_found(root: str) -> str:
    nb = nbformat.read(os.path.join(root, "autograded", "walker", "toy", "toy.ipynb"), 4)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "walker found:" in text, text[-2000:]
    return text[text.index("walker found:"):].splitlines()[0]


def _submissions(kit: Kit, root: str, port: int):
    """{student: notebook or raw text}: the class."""
    secret_solution = os.path.join(root, "solutions", "toy", "toy.ipynb")
    other_student = os.path.join(root, "submitted", "perfect", "toy", "toy.ipynb")
    gradebook = os.path.join(root, "gradebook.db")
    wrong_mse = "def mse(y, t):\n    return 0.0"
    return {
        "perfect": kit.answered(),
        "walker": _walker(kit, root),
        "blank": kit.blank(),
        "one_wrong": kit.answered(mse=wrong_mse),
        "loop": kit.answered(mse="def mse(y, t):\n    while True:\n        pass"),
        "edited_test": _edit(kit.answered(relu="def relu(x):\n    return x"), "test_relu", "pass"),
        "deleted_test": _drop(kit.answered(mse=wrong_mse), "test_mse"),
        "bad_json": "{ this is not JSON",
        "not_notebook": '{"hello": "world"}',
        "reader": kit.answered(
            relu=f"def relu(x):\n    open({secret_solution!r}).read()\n    return np.maximum(x, 0.0)",
            safe_log="def safe_log(p):\n"
                     f"    open({other_student!r}).read()\n"
                     "    p = np.asarray(p, dtype=float)\n"
                     "    return np.where(p > 0, np.log(p), 0.0)",
            mse="def mse(y, t):\n"
                f"    assert len(open({gradebook!r}, 'rb').read()) > 0\n"
                "    return float(np.mean((np.asarray(y) - np.asarray(t)) ** 2))"),
        "network": kit.answered(
            relu="import socket\n"
                 "def relu(x):\n"
                 f"    socket.create_connection(('127.0.0.1', {port}), timeout=3).close()\n"
                 "    return np.maximum(x, 0.0)"),
        "memory": kit.answered(
            safe_log="def safe_log(p):\n"
                     "    waste = np.ones(2**28)  # 2 GiB, over the 1 GiB cap\n"
                     "    p = np.asarray(p, dtype=float)\n"
                     "    return np.where(p > 0, np.log(p), 0.0)"),
        "crasher": kit.answered(mse="import os\nos._exit(1)"),
        "cheat_numpy": kit.answered(relu="np.allclose = lambda *a, **k: True\n"
                                         "def relu(x):\n    return np.zeros_like(x)"),
        "cheat_setattr": kit.answered(mse="setattr(np, 'is' + 'close', lambda *a, **k: True)\n"
                                          "def mse(y, t):\n    return 0.0"),
        "leaked": copy.deepcopy(kit.solution),   # handed in the teacher's notebook
        "cheat_eq": kit.answered(mse="class Anything(float):\n"
                                     "    def __eq__(self, other):\n        return True\n"
                                     "def mse(y, t):\n    return Anything(0.0)"),
    }


def _edit(nb, grade_id, source):
    for c in nb.cells:
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            c.source = source
    return nb


def _drop(nb, grade_id):
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def run_cli(*args, timeout=900):
    env = dict(os.environ, PYTHONPATH=REPO)
    return subprocess.run([sys.executable, "-m", "grading", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def course_dir():
    path = tempfile.mkdtemp(prefix="dl-grading-test-", dir=course_parent())
    os.chmod(path, 0o755)  # readable by anyone, like most course folders: the hide list must work
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def graded(course_dir, toy_solutions):
    root = make_course(os.path.join(course_dir, "course"), {"toy": toy_solutions})
    kit = Kit(root, "toy")
    server = Listener()
    for student, nb in _submissions(kit, root, server.port).items():
        if isinstance(nb, str):
            kit.submit(student, raw=nb)
        else:
            kit.submit(student, nb)
    # saved by a browser that found the name taken; and a folder with two such copies
    os.rename(kit.submit("renamed", kit.answered()),
              os.path.join(root, "submitted", "renamed", "toy", "toy (1).ipynb"))
    for name in ("toy (1).ipynb", "toy-Copy1.ipynb"):
        os.rename(kit.submit("two_copies", kit.answered()),
                  os.path.join(root, "submitted", "two_copies", "toy", name))
    proc = run_cli("autograde", "toy", "--course", root, "--jobs", "2",
                   "--cell-timeout", str(CELL_TIMEOUT))
    server.stop.set()
    with open(os.path.join(root, "autograded", "toy_report.json")) as f:
        report = {r["student"]: r for r in json.load(f)}
    return {"root": root, "kit": kit, "proc": proc, "report": report, "server": server,
            "points": max_points(kit.solution)}


def scores(graded, student):
    return autograded_scores(graded["root"], "toy", student)


def expect(graded, student, zero=()):
    """Every autograded test cell has full marks, except those in ``zero`` (0)."""
    got = scores(graded, student)
    want = {g: (0.0 if g in zero else p) for g, p in graded["points"].items()}
    assert {g: got[g] for g in want} == want, graded["report"][student]


def test_cli_reports_and_exports(graded):
    proc = graded["proc"]
    assert "autograde toy" in proc.stderr and "100%" in proc.stderr, "tqdm progress bar on stderr"
    assert proc.returncode == 1, "damaged submissions make the exit status 1"
    assert "grades:" in proc.stdout and "report:" in proc.stdout, proc.stdout
    with open(os.path.join(graded["root"], "autograded", "grades.csv")) as f:
        rows = {r["student_id"]: r for r in csv.DictReader(f)}
    assert set(rows) == set(graded["report"]), "every student is in the export, errors too"
    for s, r in graded["report"].items():
        assert rows[s]["status"] == ("graded" if r["status"] == "ok" else "error: " + r["error"]), s
    assert float(rows["perfect"]["score"]) == sum(graded["points"].values())
    assert float(rows["bad_json"]["score"]) == 0.0


def test_a_renamed_notebook_is_graded_under_the_expected_name_with_a_note(graded):
    expect(graded, "renamed")
    r = graded["report"]["renamed"]
    assert "toy (1).ipynb" in r["note"], r
    assert "NOTE renamed: graded `toy (1).ipynb` as toy.ipynb" in graded["proc"].stdout
    assert os.path.exists(os.path.join(graded["root"], "autograded", "renamed", "toy", "toy.ipynb"))


def test_two_renamed_copies_ask_for_a_rename(graded):
    r = graded["report"]["two_copies"]
    assert r["status"] == "error", r
    assert "rename one of `toy (1).ipynb`, `toy-Copy1.ipynb` to toy.ipynb" in r["error"], r


def test_perfect_submission_scores_full_marks(graded):
    expect(graded, "perfect")
    r = graded["report"]["perfect"]
    assert r["needs_manual"] == 1, "the prose answer waits for the teacher"
    assert not [f for f in r["findings"] if f["level"] == "tamper"], r["findings"]


def test_warning_on_stderr_does_not_cost_points(graded):
    # safe_log's correct answer makes NumPy warn about log(0); plain nbgrader
    # would score test_safe_log 0 because the warning reaches stderr.
    assert scores(graded, "perfect")["test_safe_log"] == graded["points"]["test_safe_log"]


def test_blank_submission_scores_zero(graded):
    expect(graded, "blank", zero=graded["points"])
    assert graded["report"]["blank"]["score"] == 0


def test_one_wrong_answer_loses_exactly_its_points(graded):
    expect(graded, "one_wrong", zero={"test_mse"})
    r, p = graded["report"], graded["points"]
    assert r["perfect"]["score"] - r["one_wrong"]["score"] == p["test_mse"]


def test_infinite_loop_times_out_and_the_rest_is_graded(graded):
    expect(graded, "loop", zero={"test_mse"})
    nb = nbformat.read(os.path.join(graded["root"], "autograded", "loop", "toy", "toy.ipynb"), 4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "test_mse")
    assert any(o.get("ename") in ("CellTimeoutError", "KeyboardInterrupt") for o in cell.outputs)
    said = [o["evalue"] for o in cell.outputs if o.get("ename") == "CellTimeoutError"]
    assert said and f"ran longer than {CELL_TIMEOUT} s, the time limit of a cell" in said[0], said
    html = open(os.path.join(graded["root"], "feedback", "loop", "toy", "toy.html")).read()
    assert f"ran longer than {CELL_TIMEOUT} s" in html, "the student reads the limit in the feedback"


def test_edited_test_cell_is_restored_and_reported(graded):
    expect(graded, "edited_test", zero={"test_relu"})
    nb = nbformat.read(os.path.join(graded["root"], "autograded", "edited_test", "toy", "toy.ipynb"), 4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "test_relu")
    assert "BEGIN HIDDEN TESTS" in cell.source or "hidden: relu is wrong" in cell.source
    assert any("`test_relu` was edited" in f["what"] for f in graded["report"]["edited_test"]["findings"])


def test_deleted_test_cell_is_restored_and_reported(graded):
    expect(graded, "deleted_test", zero={"test_mse"})
    assert any("`test_mse` was deleted" in f["what"] for f in graded["report"]["deleted_test"]["findings"])


def test_damaged_files_get_a_clear_error_for_that_student_alone(graded):
    r = graded["report"]
    assert r["bad_json"]["status"] == "error" and "not valid JSON" in r["bad_json"]["error"]
    assert r["not_notebook"]["status"] == "error" and "not a Jupyter notebook" in r["not_notebook"]["error"]
    assert "ERROR bad_json" in graded["proc"].stdout
    others = [s for s in r if s not in ("bad_json", "not_notebook", "two_copies")]
    assert all(r[s]["status"] == "ok" for s in others), {s: r[s]["error"] for s in others}


def test_gradebook_has_every_graded_student_and_nothing_else(graded):
    from nbgrader.api import Gradebook
    with Gradebook("sqlite:///" + os.path.join(graded["root"], "gradebook.db")) as gb:
        subs = {s.student.id for s in gb.find_assignment("toy").submissions}
    assert subs == {s for s, r in graded["report"].items() if r["status"] == "ok"}
    with Gradebook("sqlite:///" + os.path.join(graded["root"], "gradebook.db")) as gb:
        students = {s.id for s in gb.students}
    assert students == set(graded["report"]), "errored students are in the gradebook, without submission"


@NEEDS_SANDBOX
def test_sandbox_hides_solutions_gradebook_and_other_submissions(graded):
    expect(graded, "reader", zero={"test_relu", "test_safe_log", "test_mse"})
    nb = nbformat.read(os.path.join(graded["root"], "autograded", "reader", "toy", "toy.ipynb"), 4)
    errors = {c.metadata.get("nbgrader", {}).get("grade_id"): [o.get("ename") for o in c.outputs
                                                              if o.output_type == "error"]
              for c in nb.cells if c.cell_type == "code"}
    # solutions/ and submitted/ are empty folders, the gradebook an empty file
    assert errors["test_relu"] == ["FileNotFoundError"], errors
    assert errors["test_safe_log"] == ["FileNotFoundError"], errors
    assert errors["test_mse"] == ["AssertionError"], errors


@NEEDS_SANDBOX
def test_a_submission_walking_the_file_system_finds_no_test_gradebook_or_student(graded):
    expect(graded, "walker")
    line = _walker_found(graded["root"])
    assert line.startswith("walker found: []"), line
    assert int(line.split("after reading")[1].split()[0]) > 0, line


@NEEDS_SANDBOX
def test_sandbox_has_no_network(graded):
    expect(graded, "network", zero={"test_relu"})
    assert graded["server"].accepted == 0, "the kernel reached the test server"


@NEEDS_SANDBOX
def test_memory_cap_fails_only_that_answer(graded):
    expect(graded, "memory", zero={"test_safe_log"})


def test_a_kernel_that_dies_costs_only_the_cells_that_need_it(graded):
    expect(graded, "crasher", zero={"test_mse"})
    assert any("kernel died" in f["what"] for f in graded["report"]["crasher"]["findings"])


@pytest.mark.parametrize("student, clue", [
    ("leaked", "BEGIN SOLUTION"),
    ("cheat_numpy", "np.allclose"),
    ("cheat_setattr", "isclose"),
    ("cheat_eq", "__eq__"),
])
def test_tampering_is_flagged_for_the_teacher(graded, student, clue):
    from nbgrader.api import Gradebook
    findings = graded["report"][student]["findings"]
    assert any(f["level"] == "tamper" and clue in f["what"] for f in findings), findings
    with open(os.path.join(graded["root"], "autograded", "toy_report.csv")) as f:
        row = next(r for r in csv.DictReader(f) if r["student"] == student)
    assert row["integrity"].startswith("tamper:"), row
    with Gradebook("sqlite:///" + os.path.join(graded["root"], "gradebook.db")) as gb:
        assert gb.find_submission_notebook("toy", "toy", student).flagged


def test_feedback_is_written_for_every_graded_student(graded):
    for s, r in graded["report"].items():
        path = os.path.join(graded["root"], "feedback", s, "toy", "toy.html")
        assert os.path.exists(path) == (r["status"] == "ok"), s
    html = open(os.path.join(graded["root"], "feedback", "one_wrong", "toy", "toy.html")).read()
    assert "mse([1, 2], [1, 4]) = (0 + 4) / 2 = 2, got 0.0" in html, "the test's message reaches the student"


def test_regrading_keeps_manual_grades(graded):
    from nbgrader.api import Gradebook
    db = "sqlite:///" + os.path.join(graded["root"], "gradebook.db")
    with Gradebook(db) as gb:
        g = gb.find_grade("why_relu", "toy", "toy", "perfect")
        g.manual_score = 1.5
        g.needs_manual_grade = False   # what the Formgrader does when the teacher grades it
        gb.db.commit()
    proc = run_cli("autograde", "toy", "--course", graded["root"], "--student", "perfect",
                   "--jobs", "1", "--cell-timeout", str(CELL_TIMEOUT))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "answers wait for manual grading" not in proc.stdout, proc.stdout
    with Gradebook(db) as gb:
        g = gb.find_grade("why_relu", "toy", "toy", "perfect")
        assert g.manual_score == 1.5 and not g.needs_manual_grade, "graded prose stays graded"
        assert gb.find_submission("toy", "perfect").score == sum(graded["points"].values()) + 1.5
        assert len(gb.find_assignment("toy").submissions) == len(
            [r for r in graded["report"].values() if r["status"] == "ok"])
    # --student updates that student's row of the class report; the others stay
    with open(os.path.join(graded["root"], "autograded", "toy_report.json")) as f:
        rows = {r["student"]: r for r in json.load(f)}
    assert set(rows) == set(graded["report"]), "the class report was not replaced by one row"
    assert rows["perfect"]["needs_manual"] == 0
    assert rows["blank"] == graded["report"]["blank"]
    with open(os.path.join(graded["root"], "autograded", "toy_report.csv")) as f:
        assert len(list(csv.DictReader(f))) == len(graded["report"])


@NEEDS_SANDBOX
def test_without_the_sandbox_the_attacks_would_work(tmp_path, toy_solutions):
    """The control: the same malicious code, unsandboxed, does read and connect."""
    root = make_course(str(tmp_path / "course"), {"toy": toy_solutions})
    kit = Kit(root, "toy")
    server = Listener()
    subs = _submissions(kit, root, server.port)
    kit.submit("perfect", subs["perfect"])
    kit.submit("reader", subs["reader"])
    kit.submit("network", subs["network"])
    kit.submit("walker", subs["walker"])
    proc = run_cli("autograde", "toy", "--course", root, "--jobs", "2", "--sandbox", "off",
                   "--no-feedback", "--cell-timeout", str(CELL_TIMEOUT))
    server.stop.set()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "WARNING" not in proc.stderr  # "off" was asked for: no warning
    full = max_points(kit.solution)
    for student in ("reader", "network"):
        got = autograded_scores(root, "toy", student)
        assert {g: got[g] for g in full} == full, student
    assert server.accepted >= 1
    line = _walker_found(root)
    assert "hidden test" in line and "SQLite file" in line, line
