"""Find submissions that make the tests pass by changing the tests' world.

A test cell such as ``assert np.allclose(relu(x), expected)`` trusts ``np.allclose``,
``assert``, the builtins, the kernel that runs it and the ``==`` of the answer.
A submission can bend any of these instead of answering. nbgrader restores the
test cells' text but not that world, so this module looks for it twice:

* **statically** (``check_notebook``): the student's code cells are parsed and
  searched for assignments to library or builtin attributes, rebinding of names
  the tests use, classes whose comparison always succeeds, hooks into the
  kernel, and tricks that hide code (``exec``, frame hacking). This runs in the
  grader, outside the student's reach. Edited and deleted test cells are
  reported too (nbgrader restores them; the teacher should still know).
* **at run time** (``install_guard`` / ``runtime_report``): the kernel, before any
  student code runs, keeps a reference to every attribute of ``builtins``,
  ``numpy`` (and ``numpy.testing``, ``numpy.linalg``), ``math`` and ``operator``
  and to the kernel's own execution machinery; after every cell it checks them
  and the answers left in the namespace. This catches what static analysis
  misses (``setattr(*parts)`` built from strings), but it runs inside the
  student's process, so a determined student can defeat it; the report then says
  the guard itself was tampered with.

Findings never change a score. They go to the grading report (``integrity``
column) and flag the notebook in the gradebook, for the teacher to decide.
Each finding is a dict ``{"cell", "level", "what"}``; ``level`` is ``"tamper"``
(changes what the tests see) or ``"review"`` (legitimate code can do this, but
so can a cheat).
"""
from __future__ import annotations

import ast
import builtins as _builtins
import json

#: Dunder methods that decide how an answer compares, converts or tests as true.
COMPARISON_DUNDERS = frozenset({
    "__eq__", "__ne__", "__bool__", "__lt__", "__le__", "__gt__", "__ge__",
    "__array__", "__array_ufunc__", "__array_function__", "__float__", "__abs__",
    "__round__", "__len__"})

#: Modules whose attributes tests rely on; the guard snapshots them.
WATCHED_MODULES = ("builtins", "numpy", "numpy.testing", "numpy.linalg", "math", "operator")

#: Kernel internals a cell could hook to rewrite or swallow the tests.
_KERNEL_HOOK_ATTRS = frozenset({
    "ast_transformers", "input_transformers_post", "input_transformers_cleanup",
    "input_transformer_manager", "custom_exceptions", "set_custom_exc", "showtraceback",
    "_showtraceback", "run_cell", "run_ast_nodes", "run_code", "events", "do_execute",
    "displayhook", "excepthook", "settrace", "setprofile", "_getframe"})

# Builtins that IPython and ipykernel themselves swap in and out around every cell.
_KERNEL_OWNED_BUILTINS = frozenset({
    "input", "raw_input", "getpass", "get_ipython", "display", "exit", "quit",
    "__IPYTHON__", "dreload", "help", "copyright", "credits", "license"})

_OBFUSCATION_CALLS = {"exec", "eval", "compile", "__import__", "globals", "vars"}
_BENIGN_MAGICS = {"matplotlib", "time", "timeit", "precision"}


# ---------------------------------------------------------------------------
# Static analysis (runs in the grader)

def _to_python(source: str) -> str:
    """Turn IPython syntax (``%magic``, ``!cmd``) into the Python it runs as."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager
        return TransformerManager().transform_cell(source)
    except Exception:  # IPython missing or confused: parse the raw text
        return source


def _parse(source: str):
    try:
        return ast.parse(_to_python(source))
    except SyntaxError:
        return None


def _root_name(node):
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _module_aliases(trees):
    """Names bound by ``import`` anywhere in the notebook, plus the usual ones."""
    names = {"builtins", "__builtins__", "sys", "np", "numpy", "math", "operator"}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    names.add(a.asname or a.name.split(".")[0])
            elif isinstance(node, ast.ImportFrom):
                for a in node.names:
                    # `from numpy import linalg` binds a module; `from numpy import
                    # allclose` a function: assigning attributes to either is odd
                    names.add(a.asname or a.name)
    return names


def _names_used(trees):
    used = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                used.add(node.id)
    return used


def _bound_names(tree):
    """Names a cell binds at module level (or via ``global``), with a description."""
    glob = {n for node in ast.walk(tree) if isinstance(node, ast.Global) for n in node.names}
    out = []

    def targets(t):
        if isinstance(t, ast.Name):
            yield t.id
        elif isinstance(t, (ast.Tuple, ast.List)):
            for e in t.elts:
                yield from targets(e)
        elif isinstance(t, ast.Starred):
            yield from targets(t.value)

    def visit(node, top):
        for child in ast.iter_child_nodes(node):
            names = []
            if isinstance(child, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                for t in getattr(child, "targets", None) or [child.target]:
                    names += list(targets(t))
            elif isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.append(child.name)
            elif isinstance(child, (ast.Import, ast.ImportFrom)):
                names += [a.asname or a.name.split(".")[0] for a in child.names]
            elif isinstance(child, (ast.For, ast.AsyncFor, ast.comprehension)):
                names += list(targets(child.target))
            elif isinstance(child, ast.withitem) and child.optional_vars is not None:
                names += list(targets(child.optional_vars))
            elif isinstance(child, ast.NamedExpr):
                names += list(targets(child.target))
            out.extend((n, child) for n in names if top or n in glob)
            inner = top and not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                   ast.Lambda, ast.ClassDef))
            visit(child, inner)

    visit(tree, True)
    return out


def _always_true(func) -> bool:
    """A method whose every ``return`` is a true constant (``return True``)."""
    returns = [n for n in ast.walk(func) if isinstance(n, ast.Return)]
    if isinstance(func, ast.Lambda):
        body = func.body
        return isinstance(body, ast.Constant) and bool(body.value)
    return bool(returns) and all(isinstance(r.value, ast.Constant) and bool(r.value.value)
                                 for r in returns)


def check_source(source: str, *, cell: str, modules: set, protected: dict) -> list:
    """Findings for one student code cell.

    ``modules``: names bound to imported modules; ``protected``: names the tests
    use that the student must not rebind, mapped to why (``"builtin"`` or
    ``"defined by the assignment"``).
    """
    tree = _parse(source)
    if tree is None:
        return []
    found = []

    def add(level, what):
        item = {"cell": cell, "level": level, "what": what}
        if item not in found:
            found.append(item)

    for node in ast.walk(tree):
        # np.allclose = ..., builtins.abs = ..., np.testing.x += ..., del np.x
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            for t in getattr(node, "targets", None) or [node.target]:
                if isinstance(t, ast.Attribute):
                    root = _root_name(t)
                    name = _dotted(t) or f"…{t.attr}"
                    if root in modules:
                        add("tamper", f"assigns to `{name}`, a library attribute the tests may call")
                    elif t.attr in COMPARISON_DUNDERS:
                        add("tamper", f"assigns `{name}`, which changes how answers compare")
                    elif t.attr in _KERNEL_HOOK_ATTRS:
                        add("tamper", f"assigns `{name}`, part of the machinery that runs the tests")
                elif isinstance(t, ast.Subscript):
                    base = _dotted(t.value) or ""
                    if base in ("__builtins__", "sys.modules") or base.endswith("__dict__") or (
                            isinstance(t.value, ast.Call) and _dotted(t.value.func) in ("vars", "globals")):
                        add("tamper", f"writes into `{ast.unparse(t.value)}`, a namespace the tests use")
        elif isinstance(node, ast.Call):
            fname = _dotted(node.func) or ""
            last = fname.rsplit(".", 1)[-1]
            if last in ("setattr", "delattr") and node.args:
                root = _root_name(node.args[0])
                if root in modules or root is None:
                    add("tamper", f"calls `{last}({ast.unparse(node.args[0])}, …)` on a library object")
            elif fname in _OBFUSCATION_CALLS or fname.startswith("importlib."):
                add("review", f"calls `{fname}()`, which can hide what code runs")
            elif fname in ("sys.settrace", "sys.setprofile", "sys._getframe", "inspect.currentframe",
                           "inspect.stack", "gc.get_objects", "gc.get_referrers", "threading.settrace"):
                add("tamper", f"calls `{fname}()`, which can reach into the tests' frames")
            elif fname in ("os._exit", "sys.exit", "exit", "quit", "os.kill", "signal.signal"):
                add("review", f"calls `{fname}()`, which can stop the tests from running")
            elif fname.endswith("patch") or fname.endswith("patch.object"):
                add("tamper", f"calls `{fname}()`, which monkeypatches objects")
            elif fname.endswith("run_line_magic") or fname.endswith("run_cell_magic"):
                magic = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else None
                if magic not in _BENIGN_MAGICS:
                    add("review", f"runs the IPython magic `%{magic}`")
            elif fname.endswith("get_ipython().system") or last in ("system", "getoutput") \
                    and "get_ipython" in fname:
                add("review", "runs a shell command")
        elif isinstance(node, ast.Attribute) and node.attr in _KERNEL_HOOK_ATTRS \
                and _root_name(node) in ("get_ipython", "sys", "threading"):
            add("tamper", f"touches `{ast.unparse(node)}`, part of the machinery that runs the tests")
        elif isinstance(node, ast.Name) and node.id == "__builtins__":
            add("tamper", "uses `__builtins__` directly")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            mods = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            for m in mods:
                if m.split(".")[0] in ("ctypes", "unittest", "gc", "inspect", "importlib"):
                    add("review", f"imports `{m}`")
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                        and item.name in COMPARISON_DUNDERS:
                    if item.name not in ("__len__",) and _always_true(item):
                        add("tamper", f"class `{node.name}` defines `{item.name}` that always returns True")
                    else:
                        add("review", f"class `{node.name}` defines `{item.name}`")
                elif isinstance(item, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id in COMPARISON_DUNDERS for t in item.targets):
                    add("tamper", f"class `{node.name}` assigns a comparison method")

    for name, node in _bound_names(tree):
        why = protected.get(name)
        if why and not isinstance(node, (ast.Import, ast.ImportFrom)) or (
                why == "builtin" and isinstance(node, (ast.Import, ast.ImportFrom))):
            add("review" if why == "a variable of the assignment" else "tamper",
                f"rebinds `{name}` ({why}), which the tests use")
    return found


def names_in_tests(released) -> set:
    """Every name that the released test cells mention."""
    trees = [_parse(c.get("source", "")) for c in released.cells
             if c.get("cell_type") == "code" and c.get("metadata", {}).get("nbgrader", {}).get("grade")
             and not c.get("metadata", {}).get("nbgrader", {}).get("solution")]
    return _names_used([t for t in trees if t])


#: Markers that only the teacher's notebooks carry (nbgrader removes them from the release).
TEACHER_MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def _hidden_lines(source, released) -> set:
    """Lines of the hidden tests in the teacher's notebook that the release does not contain."""
    if source is None:
        return set()
    shown = {ln.strip() for c in released.cells for ln in c.get("source", "").splitlines()}
    lines = set()
    for c in source.cells:
        text = c.get("source", "")
        while "BEGIN HIDDEN TESTS" in text:
            _, _, rest = text.partition("BEGIN HIDDEN TESTS")
            hidden, _, text = rest.partition("END HIDDEN TESTS")
            # Set-up lines (`rng = np.random.default_rng(0)`) could be written by anyone; a
            # hidden test's own assertion, with its message, could not.
            lines |= {ln.strip() for ln in hidden.splitlines()[1:]
                      if ln.strip().startswith("assert ") and len(ln.strip()) >= 16
                      and ln.strip() not in shown}
    return lines


def _teacher_text(submitted, released, source) -> list:
    """Tamper findings for a submission carrying text that only the teacher's notebook has.

    The release never contains solution or hidden-test markers, nor the hidden tests: a
    submission that does was made from the teacher's notebook (a leaked ``solutions/``), or had
    the hidden tests pasted in to see them pass.
    """
    hidden = _hidden_lines(source, released)
    found = []
    for i, c in enumerate(submitted.cells):
        text = c.get("source", "")
        label = c.get("metadata", {}).get("nbgrader", {}).get("grade_id") or f"cell {i + 1}"
        markers = [m for m in TEACHER_MARKERS if m in text]
        if markers:
            found.append({"cell": label, "level": "tamper",
                          "what": f"carries the teacher's marker `{markers[0]}`: made from the "
                                  "model-answer notebook, not the release"})
        elif hidden and {ln.strip() for ln in text.splitlines()} & hidden:
            found.append({"cell": label, "level": "tamper",
                          "what": "contains the text of a hidden test, which the release does "
                                  "not have"})
    return found


def check_notebook(submitted, released, source=None) -> list:
    """All static findings for a submitted notebook against its released version.

    All are ``nbformat`` notebooks; ``source`` is the teacher's version in
    ``solutions/`` (names the model answers bind are not the student's to be
    blamed for). Cells are matched by nbgrader ``grade_id``.
    """
    def gid(c):
        return c.get("metadata", {}).get("nbgrader", {}).get("grade_id")

    def nbg(c):
        return c.get("metadata", {}).get("nbgrader", {})

    rel_by_id = {gid(c): c for c in released.cells if gid(c)}
    locked_ids = {g for g, c in rel_by_id.items()
                  if nbg(c).get("locked") or (nbg(c).get("grade") and not nbg(c).get("solution"))}
    sub_by_id = {gid(c): c for c in submitted.cells if gid(c)}
    found = []

    # Cells the student cannot change: report edits and deletions.
    for g in sorted(locked_ids, key=list(rel_by_id).index):
        rc, sc = rel_by_id[g], sub_by_id.get(g)
        kind = "test cell" if nbg(rc).get("grade") else "read-only cell"
        if sc is None:
            found.append({"cell": g, "level": "review",
                          "what": f"{kind} `{g}` was deleted (restored from the gradebook for grading)"})
        elif sc.get("source", "").strip() != rc.get("source", "").strip():
            found.append({"cell": g, "level": "review",
                          "what": f"{kind} `{g}` was edited (restored from the gradebook for grading)"})
        elif nbg(sc).get("points") != nbg(rc).get("points"):
            found.append({"cell": g, "level": "tamper",
                          "what": f"{kind} `{g}` had its points changed (ignored for grading)"})

    teacher_trees = [t for t in (_parse(rel_by_id[g].get("source", "")) for g in locked_ids
                                 if rel_by_id[g].get("cell_type") == "code") if t]
    test_trees = [t for t in (_parse(rel_by_id[g].get("source", "")) for g in locked_ids
                              if nbg(rel_by_id[g]).get("grade") and
                              rel_by_id[g].get("cell_type") == "code") if t]
    # A test depends on a name it reads without binding it itself: a test cell that sets
    # `x = 2.0` before using it cannot be fooled by the student's own `x`.
    used_by_tests = set()
    for t in test_trees:
        used_by_tests |= _names_used([t]) - {n for n, _ in _bound_names(t)}
    teacher_defined = {}
    for t in teacher_trees:
        for n, node in _bound_names(t):
            code = isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef))
            teacher_defined[n] = teacher_defined.get(n, False) or code
    # Names an answer cell is *meant* to define (relu, mse, the model answer's
    # own variables) are fair game.
    solution_defined = {n for nb in (released, source) if nb is not None
                        for c in nb.cells if nbg(c).get("solution")
                        for t in [_parse(c.get("source", ""))] if t for n, _ in _bound_names(t)}
    protected = {}
    for n in used_by_tests:
        if n in solution_defined:
            continue
        if hasattr(_builtins, n):
            protected[n] = "builtin"
        elif n in teacher_defined:
            protected[n] = ("a module or function of the assignment" if teacher_defined[n]
                            else "a variable of the assignment")

    student_cells = [(gid(c) or f"cell {i + 1}", c) for i, c in enumerate(submitted.cells)
                     if c.get("cell_type") == "code" and gid(c) not in locked_ids]
    trees = [t for t in (_parse(c.get("source", "")) for _, c in student_cells) if t]
    modules = _module_aliases(trees + teacher_trees)
    for label, c in student_cells:
        found += check_source(c.get("source", ""), cell=label, modules=modules, protected=protected)
    found += _teacher_text(submitted, released, source)
    return found


# ---------------------------------------------------------------------------
# Runtime guard (runs inside the sandboxed kernel, before any student code)

_state: dict = {}


def install_guard() -> None:
    """Snapshot what the tests rely on and check it after every cell."""
    import sys
    import builtins
    try:
        import numpy  # noqa: F401
        import numpy.linalg  # noqa: F401
        import numpy.testing  # noqa: F401
    except ImportError:
        pass
    import math  # noqa: F401
    import operator  # noqa: F401
    from IPython import get_ipython
    ip = get_ipython()
    _state.update(
        modules={m: dict(vars(sys.modules[m])) for m in WATCHED_MODULES if m in sys.modules},
        shell_methods={k: getattr(ip, k) for k in ("run_cell", "run_ast_nodes", "run_code",
                                                   "showtraceback", "_showtraceback")},
        shell_lists={k: list(getattr(ip, k, [])) for k in ("ast_transformers",
                                                         "input_transformers_post",
                                                         "input_transformers_cleanup")},
        do_execute=getattr(ip, "kernel", None) and ip.kernel.do_execute,
        builtin_names=set(vars(builtins)),
        findings=[], seen=set(), ip=ip,
    )
    ip.events.register("post_run_cell", _after_cell)


def _flag(count, level, what):
    key = (level, what)
    if key not in _state["seen"]:
        _state["seen"].add(key)
        _state["findings"].append({"cell": count, "level": level, "what": what})


def _after_cell(result=None):
    import sys
    count = getattr(result, "execution_count", None)
    try:
        _check(count, sys)
    except Exception as exc:  # the guard must never break grading
        _flag(count, "review", f"integrity guard failed: {type(exc).__name__}: {exc}")


def _check(count, sys):
    missing = object()
    for mod, snap in _state["modules"].items():
        now = vars(sys.modules.get(mod, object()))
        for key, ref in snap.items():
            cur = now.get(key, missing)
            if cur is not ref and not key.startswith("_") and not (
                    mod == "builtins" and key in _KERNEL_OWNED_BUILTINS):
                verb = "deleted" if cur is missing else "replaced"
                _flag(count, "tamper", f"`{mod}.{key}` was {verb} at run time")
    ip = _state["ip"]
    for key, ref in _state["shell_methods"].items():
        if getattr(ip, key, None) != ref:
            _flag(count, "tamper", f"the kernel's `{key}` was replaced at run time")
    for key, ref in _state["shell_lists"].items():
        if list(getattr(ip, key, [])) != ref:
            _flag(count, "tamper", f"the kernel's `{key}` was changed at run time")
    if getattr(ip, "custom_exceptions", ()) not in ((), None):
        _flag(count, "tamper", "a custom exception handler was installed in the kernel")
    if _state["do_execute"] is not None and ip.kernel.do_execute != _state["do_execute"]:
        _flag(count, "tamper", "the kernel's `do_execute` was replaced at run time")
    if sys.gettrace() is not None or sys.getprofile() is not None:
        _flag(count, "tamper", "a trace or profile function was installed")
    user = ip.user_ns
    for name, value in list(user.items()):
        if name.startswith("_"):
            continue
        if name in _state["builtin_names"] and value is not _state["modules"]["builtins"].get(name):
            _flag(count, "shadow", name)
        cls = type(value)
        if getattr(cls, "__module__", None) == "__main__":
            bad = sorted(d for d in COMPARISON_DUNDERS - {"__len__"}
                         if any(d in vars(k) for k in cls.__mro__
                                if getattr(k, "__module__", None) == "__main__"))
            if bad:
                _flag(count, "tamper", f"`{name}` is a `{cls.__name__}` whose class defines "
                                       + ", ".join(f"`{d}`" for d in bad))


def runtime_report() -> str:
    """The guard's findings as JSON (fetched by the grader after the last cell)."""
    if not _state:
        return json.dumps({"installed": False, "findings": []})
    return json.dumps({"installed": True, "findings": _state["findings"]})


def merge_runtime(report_json: str | None, *, tests_use: set) -> list:
    """Turn the kernel's report into findings; ``tests_use``: names in test cells."""
    try:
        report = json.loads(report_json or "")
        assert isinstance(report, dict) and report.get("installed") is True
        items = list(report.get("findings", []))
    except Exception:
        return [{"cell": None, "level": "tamper",
                 "what": "the integrity guard in the kernel was removed or did not answer"}]
    out = []
    for f in items:
        if f.get("level") == "shadow":
            if f.get("what") in tests_use:
                out.append({"cell": f.get("cell"), "level": "tamper",
                            "what": f"the builtin `{f['what']}`, which the tests use, was shadowed"})
        else:
            out.append(f)
    return out


def summarize(findings: list) -> str:
    """One line for a CSV cell: ``tamper: ...; review: ...`` or empty."""
    order = {"tamper": 0, "review": 1}
    items = sorted(findings, key=lambda f: order.get(f["level"], 2))
    return "; ".join(f"{f['level']}: {f['what']}" + (f" [{f['cell']}]" if f.get("cell") else "")
                     for f in items)
