"""Check that an assignment notebook in ``solutions/`` follows ``grading/FORMAT.md``.

    python -m grading lint solutions/05_losses/05_losses.ipynb

Each problem is one line naming the cell (its nbgrader ``grade_id``) and the fix.
"""
from __future__ import annotations

import ast

HIDDEN_BEGIN, HIDDEN_END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
SOLUTION_BEGIN, SOLUTION_END = "### BEGIN SOLUTION", "### END SOLUTION"


def _meta(cell):
    return cell.get("metadata", {}).get("nbgrader", {})


def _asserts(source: str):
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    return [n for n in ast.walk(tree) if isinstance(n, ast.Assert)]


def check(nb) -> list:
    """Problems with one solutions notebook (an ``nbformat`` v4 notebook)."""
    problems = []
    seen = set()
    solution_before = False
    for i, cell in enumerate(nb.cells):
        m = _meta(cell)
        if not m:
            continue
        gid = m.get("grade_id") or f"cell {i + 1}"
        where = f"`{gid}`"
        if gid in seen:
            problems.append(f"{where}: grade_id used twice; each nbgrader cell needs its own")
        seen.add(gid)
        src = cell.get("source", "")
        is_test = m.get("grade") and not m.get("solution") and cell.cell_type == "code"
        is_manual = m.get("grade") and m.get("solution")
        if m.get("grade") and not float(m.get("points") or 0) > 0:
            problems.append(f"{where}: a graded cell needs points > 0")
        if m.get("solution") and cell.cell_type == "code":
            solution_before = True
            if SOLUTION_BEGIN not in src or SOLUTION_END not in src:
                problems.append(f"{where}: wrap the answer in `{SOLUTION_BEGIN}` / `{SOLUTION_END}` "
                                "so the release keeps the function signature")
        if is_test:
            if not m.get("locked"):
                problems.append(f"{where}: a test cell must be locked (read-only)")
            if not solution_before:
                problems.append(f"{where}: a test cell must follow the answer cell it tests")
            visible, _, rest = src.partition(HIDDEN_BEGIN)
            hidden = rest.partition(HIDDEN_END)[0] if rest else ""
            va, ha = _asserts(visible), _asserts(hidden)
            if va is None or (rest and ha is None):
                problems.append(f"{where}: the test cell is not valid Python")
                continue
            if not va:
                problems.append(f"{where}: no visible `assert` before `{HIDDEN_BEGIN}`: "
                                "students need a test they can run")
            if not rest or not ha:
                problems.append(f"{where}: no hidden tests: add `{HIDDEN_BEGIN}` ... `{HIDDEN_END}` "
                                "with at least one `assert`")
            for a in va:  # hidden asserts may be terse: students never see them
                if a.msg is None:
                    problems.append(f"{where}: `assert {ast.unparse(a.test)[:50]}` has no message; "
                                    "say what was expected and what came out")
            if "sys.stderr" in src or "warnings.warn" in src or "print(" in visible and "file=" in visible:
                problems.append(f"{where}: a test cell must not write to stderr (nbgrader scores it 0)")
        if is_manual and "rubric" not in src.lower():
            problems.append(f"{where}: a manually graded answer needs a rubric in the solutions "
                            f"(inside `{SOLUTION_BEGIN}` / `{SOLUTION_END}` so the release drops it)")
        if is_manual and cell.cell_type == "markdown" and SOLUTION_BEGIN not in src:
            pass  # nbgrader replaces the whole cell with the stub: fine
    if not any(_meta(c).get("grade") for c in nb.cells):
        problems.append("the notebook has no graded cells")
    return problems


def main(paths):
    import nbformat
    bad = 0
    for path in paths:
        for p in check(nbformat.read(path, 4)):
            print(f"{path}: {p}")
            bad += 1
    print(f"{bad} problems in {len(paths)} notebooks")
    return 1 if bad else 0
