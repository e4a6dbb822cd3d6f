"""The instructor guide, run: every command block of book/instructor_guide.md, in order.

The guide marks each ```bash block with a MyST comment line just above it:

    % guide-test: run <step> [any-status]    run it (exit status 0 unless any-status)
    % guide-test: server <step>              start it, wait until Jupyter serves, stop it
    % guide-test: skip <step> -- <reason>    not run (the reason is checked to be there)

The commands are read from the guide itself, so the guide and this test cannot drift apart.
Around them the test plays the world a teacher lives in: a stand-in for the public repository
(the working tree's grading/, dlcore/, nbgrader_config.py and the 05_losses assignment,
committed in a fresh git repository), a private repository to push to, edits the teacher makes
by hand, the files students hand in (a Canvas zip and an e-mailed late notebook), manual
grades given as the Formgrader would, and an update of the book.

The class: the seven students of the guide's roster, six of whom hand in, one situation each:

    lovelaceada  every answer, prose too            (zip)
    babbagech    the release, untouched             (zip)
    hopperg      one answer right (mse), no prose   (zip)
    noetherem    every answer right in another style (the restyled variants), prose (zip)
    turingal     every answer, saved as `05_losses (1).ipynb`   (zip)
    curiemar     huber_grad loops forever; e-mailed 33.5 hours late   (cp + timestamp.txt)
    shannonc     nothing
"""
from __future__ import annotations

import copy
import csv
import os
import re
import runpy
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

import nbformat
import pytest

from kit import REPO, Kit, course_parent

GUIDE = os.path.join(REPO, "book", "instructor_guide.md")
A = "05_losses"
MARKER = re.compile(r"^% guide-test: (run|server|skip) (\S+)(?: (any-status))?(?: -- (.+))?\s*$")
PUBLIC_FILES = ["grading", "dlcore", "nbgrader_config.py", ".gitignore", "requirements.txt",
                "requirements-dev.txt", f"solutions/{A}", f"exercises/{A}"]
TEACHER_EDIT = " (Answer in your own words; this class's version.)"
UPSTREAM_EDIT = " (Revised by the book.)"
LOOP = "def huber_grad(*args, **kwargs):\n    while True:\n        pass"
MANUAL = {"loss_purpose": 2.0, "loss_choice_and_smoothing": 3.0}
WITH_PROSE = {"lovelaceada", "noetherem", "turingal", "curiemar"}


def guide_blocks(text: str | None = None) -> list:
    """``[(kind, step, any_status, reason, code)]`` for every ```bash block of the guide."""
    lines = (text if text is not None else open(GUIDE, encoding="utf-8").read()).splitlines()
    blocks = []
    for i, line in enumerate(lines):
        if line.strip() != "```bash":
            continue
        assert line == "```bash", f"guide line {i + 1}: command blocks are not indented"
        m = MARKER.match(lines[i - 1]) if i else None
        assert m, f"guide line {i + 1}: the line above a ```bash block must be '% guide-test: ...'"
        end = lines.index("```", i + 1)
        blocks.append((m[1], m[2], bool(m[3]), m[4], "\n".join(lines[i + 1:end]) + "\n"))
    return blocks


def test_every_command_block_of_the_guide_is_marked_and_named_once():
    blocks = guide_blocks()
    steps = [b[1] for b in blocks]
    assert len(steps) == len(set(steps)), steps
    assert all(b[3] for b in blocks if b[0] == "skip"), "a skipped block says why"
    assert [b[1] for b in blocks if b[0] == "skip"] == ["venv"], "only the download is not run"
    assert {"clone", "update", "roster", "duedate", "dry-run", "zip-collect", "autograde",
            "feedback", "export"} <= set(steps)


# ---------------------------------------------------------------------------
# The world around the guide


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


def _public_repo(path):
    os.makedirs(path)
    for rel in PUBLIC_FILES:
        src, dst = os.path.join(REPO, rel), os.path.join(path, rel)
        if os.path.isdir(src):
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns(
                "__pycache__", ".ipynb_checkpoints", "*.pyc"))
        elif os.path.exists(src):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy(src, dst)
    _git(path, "init", "-q", "-b", "main")
    _git(path, "add", "-A")
    _git(path, "commit", "-q", "-m", "the book")


def _edit_markdown(path, grade_id, suffix):
    nb = nbformat.read(path, 4)
    cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    cell.source += suffix
    nbformat.write(nb, path)


def _answers_in_another_style():
    variants = runpy.run_path(os.path.join(REPO, "tests", "grading", "variants", f"{A}.py"))["VARIANTS"]
    answers = {}
    for v in variants:
        if v["kind"] == "restyled":
            answers.update(v["answers"])
    return answers


def _hand_in(world):
    """The students' files, made from the teacher's release as it is after the guide's edits."""
    kit = Kit(world["course"], A)
    world["kit"] = kit
    prose_blank = {g: c.source for c in kit.release.cells
                   for g in [c.metadata.get("nbgrader", {}).get("grade_id")] if g in MANUAL}
    one_right = kit.blank()
    for c in one_right.cells:
        if c.metadata.get("nbgrader", {}).get("grade_id") == "mse":
            c.source = kit.answers["mse"]
    files = {
        "lovelaceada_48213_9921345_05_losses.ipynb": kit.answered(),
        "babbagech_48214_9921346_05_losses.ipynb": kit.blank(),
        "hopperg_48215_9921347_05_losses.ipynb": one_right,
        "noetherem_48216_9921348_05_losses.ipynb": kit.answered(**_answers_in_another_style()),
        "turingal_48217_9921349_05_losses (1).ipynb": kit.answered(),
    }
    assert prose_blank and all("YOUR ANSWER HERE" in s for s in prose_blank.values())
    downloads = os.path.join(world["home"], "Downloads")
    os.makedirs(downloads, exist_ok=True)
    with zipfile.ZipFile(os.path.join(downloads, "submissions.zip"), "w") as z:
        for name, nb in files.items():
            z.writestr(name, nbformat.writes(nb))
    nbformat.write(kit.answered(huber_grad=LOOP), os.path.join(downloads, f"{A}.ipynb"))


def _formgrader(world):
    """Manual grades as a teacher gives them in the Formgrader: full marks for a prose answer."""
    from nbgrader.api import Gradebook
    with Gradebook("sqlite:///" + os.path.join(world["course"], "gradebook.db")) as gb:
        for sub in gb.find_assignment(A).submissions:
            for g in sub.notebooks[0].grades:
                if g.name in MANUAL:
                    g.manual_score = MANUAL[g.name] if sub.student.id in WITH_PROSE else 0.0
                    g.needs_manual_grade = False
        gb.db.commit()


def _upstream_change(world):
    """The book changes the notebook the teacher customised, and adds a file."""
    pub = world["public"]
    _edit_markdown(os.path.join(pub, "solutions", A, f"{A}.ipynb"), "intro", UPSTREAM_EDIT)
    _edit_markdown(os.path.join(pub, "exercises", A, f"{A}.ipynb"), "intro", UPSTREAM_EDIT)
    with open(os.path.join(pub, "UPSTREAM.md"), "w") as f:
        f.write("A new page of the book.\n")
    _git(pub, "add", "-A")
    _git(pub, "commit", "-q", "-m", "the book, revised")


def _customise(world):
    """What the guide asks the teacher to do by hand in solutions/ before regenerating."""
    _edit_markdown(os.path.join(world["course"], "solutions", A, f"{A}.ipynb"), "q1_text", TEACHER_EDIT)


BEFORE = {"customise": _customise, "update": _upstream_change, "collect-email": _hand_in,
          "feedback": _formgrader}


def _run_server(code, cwd, env, timeout=180):
    """Start a server command, wait for Jupyter's address, stop it; return its log."""
    proc = subprocess.Popen(["bash", "-c", "exec " + code.strip()], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    log, start = [], time.monotonic()
    reader = threading.Thread(target=lambda: log.extend(proc.stdout), daemon=True)
    reader.start()
    try:
        while time.monotonic() - start < timeout and proc.poll() is None:
            if any("is running at" in ln for ln in list(log)):
                break
            time.sleep(0.5)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(20)
        except (OSError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        reader.join(10)
    return "".join(log)


@pytest.fixture(scope="module")
def term():
    # Private to its owner, like a teacher's home folder: the sandbox binds back what the
    # kernel needs (the copy's dlcore and grading), and a walking submission of another test
    # running at the same time cannot read this course's gradebook.
    base = tempfile.mkdtemp(prefix="dl-guide-test-", dir=course_parent())
    os.chmod(base, 0o700)
    world = {"base": base, "public": os.path.join(base, "public"),
             "private": os.path.join(base, "private.git"), "home": os.path.join(base, "home"),
             "course": os.path.join(base, "dl-course"), "out": {}, "seconds": {}}
    os.makedirs(world["home"])
    _public_repo(world["public"])
    _git(base, "init", "-q", "--bare", "-b", "main", world["private"])
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("JUPYTER", "PYTHONPATH", "GIT_", "VIRTUAL_ENV"))}
    env.update(HOME=world["home"], PATH=os.path.dirname(sys.executable) + os.pathsep + env["PATH"],
               GIT_AUTHOR_NAME="Teacher", GIT_AUTHOR_EMAIL="teacher@example.org",
               GIT_COMMITTER_NAME="Teacher", GIT_COMMITTER_EMAIL="teacher@example.org",
               PYDEVD_DISABLE_FILE_VALIDATION="1")
    places = {"https://<public host>/<book>.git": world["public"],
              "<your private repository URL>": world["private"]}
    try:
        for kind, step, any_status, reason, code in guide_blocks():
            for placeholder, value in places.items():
                code = code.replace(placeholder, value)
            commands = "\n".join(ln for ln in code.splitlines() if not ln.lstrip().startswith("#"))
            assert not re.search(r"<[a-z][a-z ]*>", commands), f"{step}: placeholder left: {code}"
            if step in BEFORE:
                BEFORE[step](world)
            if kind == "skip":
                continue
            cwd = base if step == "clone" else world["course"]
            t0 = time.monotonic()
            if kind == "server":
                world["out"][step] = _run_server(code, cwd, env)
            else:
                proc = subprocess.run(["bash", "-euo", "pipefail", "-c", code], cwd=cwd, env=env,
                                      capture_output=True, text=True, timeout=1200)
                world["out"][step] = proc
                print(f"\n$ [{step}]\n{proc.stdout}", end="")
                assert any_status or proc.returncode == 0, \
                    f"guide step {step} failed:\n{code}\n{proc.stdout}\n{proc.stderr[-3000:]}"
            world["seconds"][step] = time.monotonic() - t0
        yield world
    finally:
        shutil.rmtree(base, ignore_errors=True)


# ---------------------------------------------------------------------------
# What the teacher gets


def _export(term):
    with open(os.path.join(term["course"], "grades-05.csv")) as f:
        return {r["student_id"]: r for r in csv.DictReader(f)}


def test_the_private_copy_never_pushes_to_the_book(term):
    out = subprocess.run(["git", "remote", "-v"], cwd=term["course"], capture_output=True, text=True).stdout
    assert "book\tDISABLED (push)" in out and f"origin\t{term['private']} (push)" in out, out


def test_an_update_from_the_book_keeps_the_teachers_assignment_without_conflict(term):
    course = term["course"]
    nb = open(os.path.join(course, "solutions", A, f"{A}.ipynb")).read()
    assert TEACHER_EDIT.strip() in nb and UPSTREAM_EDIT.strip() not in nb
    rel = open(os.path.join(course, "exercises", A, f"{A}.ipynb")).read()
    assert TEACHER_EDIT.strip() in rel and UPSTREAM_EDIT.strip() not in rel
    assert os.path.exists(os.path.join(course, "UPSTREAM.md")), "the book's other changes arrive"


def test_the_roster_is_in_the_gradebook(term):
    out = term["out"]["roster"].stdout
    for s in ("lovelaceada", "shannonc", "curiemar"):
        assert s in out, out


def test_the_dry_run_gives_the_model_answer_every_automatic_point(term):
    out = term["out"]["dry-run"].stdout
    assert "graded 1 of 1 submissions" in out, out
    assert "  model-answer: 14 of 19 points, 2 answers to grade by hand" in out, out
    assert "FLAGGED model-answer" in out, out
    assert "model-answer" not in term["out"]["export"].stdout
    assert "model-answer" not in _export(term)


def test_zip_collect_files_every_canvas_submission(term):
    proc = term["out"]["zip-collect"]
    assert "] 5 files collected\n" in proc.stderr, proc.stderr[-3000:]
    assert "Invalid submission notebook name '05_losses (1).ipynb'" in proc.stderr
    assert proc.stdout.split() == ["babbagech", "curiemar", "hopperg", "lovelaceada", "noetherem",
                                   "turingal"]


def test_autograde_output_is_what_the_guide_shows(term):
    """Each line of the guide's sample output is printed (timings aside)."""
    out = term["out"]["autograde"].stdout
    text = open(GUIDE, encoding="utf-8").read()
    sample = text.split("% guide-test: run autograde")[1].split("```text\n")[1].split("```")[0]
    timing = re.compile(r"in [\d.]+ s \([\d.]+ per minute, \d+ workers\)")
    printed = {timing.sub("in T", ln) for ln in out.splitlines()}
    for line in sample.splitlines():
        assert timing.sub("in T", line) in printed, f"not printed: {line!r}\n{out}"


def test_the_six_submissions_get_fair_scores(term):
    rows = _export(term)
    auto, manual = 14.0, sum(MANUAL.values())
    full = auto + manual
    got = {s: (float(r["raw_score"]), float(r["late_submission_penalty"]), float(r["score"]), r["status"])
           for s, r in rows.items()}
    print("\nsix-student term (raw, penalty, score, status):",
          {s: got[s] for s in sorted(got)}, "seconds per step:",
          {k: round(v, 1) for k, v in term["seconds"].items()})
    assert got["lovelaceada"] == (full, 0.0, full, "graded")
    assert got["babbagech"] == (0.0, 0.0, 0.0, "graded")
    assert got["hopperg"] == (1.0, 0.0, 1.0, "graded")          # mse is worth 1 point
    assert got["noetherem"] == (full, 0.0, full, "graded")
    assert got["turingal"] == (full, 0.0, full, "graded")
    raw = full - 3.0                                             # test_huber_grad timed out
    assert got["curiemar"][0] == raw and got["curiemar"][3] == "graded"
    assert got["curiemar"][1] == pytest.approx(0.2 * raw)       # two started days late
    assert got["curiemar"][2] == pytest.approx(0.8 * raw)
    assert got["shannonc"] == (0.0, 0.0, 0.0, "not submitted")
    assert set(rows) == {"lovelaceada", "babbagech", "hopperg", "noetherem", "turingal",
                         "curiemar", "shannonc"}


def test_the_infinite_loop_is_stopped_with_the_limit_in_its_feedback(term):
    html = open(os.path.join(term["course"], "feedback", "curiemar", A, f"{A}.html")).read()
    assert "this cell ran longer than 30 s, the time limit of a cell" in html
    # the feedback's score already has the late penalty of the final score (16 - 3.2)
    assert re.search(r"Score: 12\.8\d* / 19", html) or "12.8 / 19" in html, \
        re.findall(r"Score:[^<]*", html)


def test_the_feedback_carries_the_manual_grades(term):
    assert "feedback for 6 students" in term["out"]["feedback"].stdout
    html = open(os.path.join(term["course"], "feedback", "lovelaceada", A, f"{A}.html")).read()
    assert "Score: 19.0 / 19.0" in html or "19.0 / 19.0" in html


def test_nothing_is_left_for_git_to_commit(term):
    out = term["out"]["export"].stdout
    assert out.strip().splitlines() == ["grades: grades-05.csv"], out


def test_jupyter_starts_as_root_only_with_allow_root(term):
    log = term["out"]["formgrader"]
    assert "is running at" in log, log[-3000:]
    assert "Running as root is not recommended" not in log
