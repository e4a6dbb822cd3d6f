"""The dlcore API reference page (book/reference/dlcore.md) is complete, and what it says is true.

The page is written by hand (no autodoc, whose numpy cross-references would break the -W -n
build), so these tests keep it honest:

* every public name has an entry in the section of the module that defines it, with its
  signature: the names of ``dlcore.__all__``, the public functions and constants of
  ``dlcore.functional``, ``init``, ``data``, ``plot`` and ``gradcheck``, every public method of
  ``Module``, and the methods other classes add (``Parameter.accumulate``, ``Optimizer.step``,
  ``Sequential.backward(grad_out, *, input_grad=True)``, ...). The lists come from the code, so a
  function added to dlcore fails this test until the page documents it;
* every module of the package has its own section, a level-2 heading naming ``dlcore.xxx``;
* every signature written on the page matches ``inspect.signature`` of the real object:
  the same parameter names in the same order, the same kinds (``*``, ``*args``, ``**kwargs``)
  and the same default values (``0`` and ``0.0`` count as different);
* the example at the top of the page runs and prints what the page shows.

The page's format, which these tests rely on. An *entry* is a definition-list item whose term is
a single code span: ```Linear(in_features, out_features, *, bias=True, ...)``` on its own line,
then ``: summary`` on the next. A *signature* is any inline code span ``name(parameters)`` whose
first dotted component (after an optional ``dl.`` or ``dlcore.``) is a public name of dlcore and
whose parentheses parse as a Python parameter list: ``Module.train(mode=True)``,
``functional.softmax(z, axis=-1)``. A call with values instead (``Linear(2, 16)``) is an example,
and other spans (``model.eval()``, ``np.asarray(x)``) are prose; neither is checked.
"""
import ast
import contextlib
import dataclasses
import inspect
import io
import math
import pkgutil
import re
from pathlib import Path

import numpy as np
import pytest

import dlcore

PAGE = Path(__file__).resolve().parents[2] / "book" / "reference" / "dlcore.md"
TEXT = PAGE.read_text(encoding="utf-8")

# Modules whose public functions (and constants) must all be documented.
FUNCTION_MODULES = (dlcore.functional, dlcore.init, dlcore.data, dlcore.plot, dlcore.gradcheck)
# The protocol every loss follows (loss_fn(pred, target), then loss_fn.backward()) is described
# once on Loss; its subclasses' forward/backward are not listed one by one.
LOSS_PROTOCOL = {"forward", "backward"}
FENCE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[ \t]*$", re.S | re.M)
SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
CALL = re.compile(r"^([A-Za-z_][\w.]*)\((.*)\)$", re.S)
HEADING = re.compile(r"^## (.*)$", re.M)
SECTION_MODULE = re.compile(r"dlcore\.(\w+)")
TERM = re.compile(r"^`([^`\n]+)`[ \t]*\n: ", re.M)
PUBLIC = set(dlcore.__all__)


# --------------------------------------------------------------------------- reading the page
def _strip_prefix(path):
    for prefix in ("dlcore.", "dl."):
        if path.startswith(prefix):
            return path[len(prefix):]
    return path


def _is_dlcore_path(path):
    return path.split(".")[0] in PUBLIC


def sections():
    """[(module name or None, text)] for each level-2 section; the module is the first
    ``dlcore.xxx`` in the heading (the text before the first heading belongs to None)."""
    body = FENCE.sub("", TEXT)
    cuts = [(m.start(), m.group(1)) for m in HEADING.finditer(body)]
    out = [(None, body[:cuts[0][0] if cuts else len(body)])]
    for i, (start, heading) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(body)
        found = SECTION_MODULE.search(heading)
        out.append(("dlcore." + found.group(1) if found else None, body[start:end]))
    return out


def _parses_as_parameters(args):
    try:
        page_parameters(args)
    except SyntaxError:
        return False
    return True


def signature_spans():
    """[(section module, path, args source, span)] for every signature on the page.

    A call with values rather than parameter names (``Linear(2, 16)``, the name that
    ``describe()`` returns) does not parse as a parameter list: it is an example, not a signature.
    """
    found = []
    for module, text in sections():
        for span in SPAN.findall(text):
            call = CALL.match(span.strip())
            if call:
                path = _strip_prefix(call.group(1))
                if _is_dlcore_path(path) and _parses_as_parameters(call.group(2)):
                    found.append((module, path, call.group(2), span))
    return found


def entries():
    """{(section module, path)} of the page's entries: the code spans that are terms of a
    definition list (a line holding only the span, followed by a line starting with ': ')."""
    found = set()
    for module, text in sections():
        for term in TERM.findall(text):
            call = CALL.match(term)
            found.add((module, _strip_prefix(call.group(1) if call else term)))
    return found


def resolve(path):
    """The object a dotted path names inside dlcore, and whether it is a method of a class
    (whose ``self`` the page does not write). Raises AttributeError for a name dlcore lacks."""
    parent, obj = None, dlcore
    for part in path.split("."):
        parent, obj = obj, getattr(obj, part)
    is_method = inspect.isclass(parent) and inspect.isfunction(inspect.getattr_static(parent, part))
    return obj, is_method


# --------------------------------------------------------------------------- comparing signatures
def page_parameters(args):
    """(name, kind, default source or None) for each parameter of ``def f(args)``."""
    fn = ast.parse(f"def _f({args}):\n    pass").body[0].args
    kind = inspect.Parameter
    out = []
    positional = fn.posonlyargs + fn.args
    defaults = [None] * (len(positional) - len(fn.defaults)) + fn.defaults
    for i, (a, d) in enumerate(zip(positional, defaults)):
        k = kind.POSITIONAL_ONLY if i < len(fn.posonlyargs) else kind.POSITIONAL_OR_KEYWORD
        out.append((a.arg, k, None if d is None else ast.unparse(d)))
    if fn.vararg:
        out.append((fn.vararg.arg, kind.VAR_POSITIONAL, None))
    for a, d in zip(fn.kwonlyargs, fn.kw_defaults):
        out.append((a.arg, kind.KEYWORD_ONLY, None if d is None else ast.unparse(d)))
    if fn.kwarg:
        out.append((fn.kwarg.arg, kind.VAR_KEYWORD, None))
    return out


def real_parameters(obj, is_method):
    """(name, kind, default or inspect.Parameter.empty) of the real object."""
    params = list(inspect.signature(obj).parameters.values())
    if is_method:
        params = params[1:]                            # self
    factories = {}
    if dataclasses.is_dataclass(obj):                  # History(train_loss=[], ...)
        factories = {f.name: f.default_factory for f in dataclasses.fields(obj)
                     if f.default_factory is not dataclasses.MISSING}
    return [(p.name, p.kind, factories[p.name]() if p.name in factories else p.default)
            for p in params]


def same_value(a, b):
    if isinstance(a, tuple) or isinstance(b, tuple):
        return (isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b)
                and all(same_value(x, y) for x, y in zip(a, b)))
    if isinstance(a, (bool, int, float, str, list, type(None))):
        return type(a) is type(b) and a == b           # 0 and 0.0, True and 1 are different defaults
    return a is b                                      # np.float32, np.sin


SPANS = signature_spans()


def test_the_page_has_signatures():
    assert len(SPANS) > 50, f"only {len(SPANS)} signatures found on {PAGE}"


@pytest.mark.parametrize("module, path, args, span", SPANS, ids=[s[3] for s in SPANS])
def test_signature_on_page_matches_the_code(module, path, args, span):
    try:
        obj, is_method = resolve(path)
    except AttributeError:
        pytest.fail(f"`{span}`: dlcore has no {path}")
    written = page_parameters(args)
    real = real_parameters(obj, is_method)
    assert [(n, k) for n, k, _ in written] == [(n, k) for n, k, _ in real], (
        f"`{span}`: the code has {path}{inspect.signature(obj)}")
    for (name, _, source), (_, _, default) in zip(written, real):
        if source is None:
            assert default is inspect.Parameter.empty, f"`{span}`: {name} has default {default!r} in the code"
            continue
        assert default is not inspect.Parameter.empty, f"`{span}`: {name} has no default in the code"
        value = eval(source, {"np": np, "numpy": np, "math": math})
        assert same_value(value, default), f"`{span}`: the default of {name} is {default!r} in the code"


# --------------------------------------------------------------------------- completeness
def _added_methods(cls):
    """Public methods ``cls`` adds to the API: new ones, and overrides whose parameters change."""
    found = []
    for name, value in vars(cls).items():
        if name.startswith("_") or not inspect.isfunction(value):
            continue
        if issubclass(cls, dlcore.Loss) and name in LOSS_PROTOCOL:
            continue
        inherited = [getattr(base, name) for base in cls.__mro__[1:] if name in vars(base)]
        if inherited and len(inspect.signature(inherited[0]).parameters) == \
                len(inspect.signature(value).parameters):
            continue
        found.append(f"{cls.__name__}.{name}")
    return found


def required_signatures():
    """{path: defining module} of everything that must have a signature on the page."""
    required = {}
    for name in dlcore.__all__:
        obj = getattr(dlcore, name)
        if inspect.ismodule(obj) or (inspect.isclass(obj) and issubclass(obj, BaseException)):
            continue
        required[name] = obj.__module__
        if inspect.isclass(obj):
            for path in _added_methods(obj):
                required[path] = obj.__module__
    for name, value in vars(dlcore.Module).items():
        if not name.startswith("_") and inspect.isfunction(value):
            required[f"Module.{name}"] = dlcore.Module.__module__
    for module in FUNCTION_MODULES:
        short = module.__name__.split(".")[-1]
        for name, value in vars(module).items():
            if not name.startswith("_") and inspect.isfunction(value) and value.__module__ == module.__name__:
                required[f"{short}.{name}"] = module.__name__
    return required


def required_names():
    """{path: defining module} of public names documented by name: exceptions and constants."""
    required = {}
    for name in dlcore.__all__:
        obj = getattr(dlcore, name)
        if inspect.isclass(obj) and issubclass(obj, BaseException):
            required[name] = obj.__module__
    for module in FUNCTION_MODULES:
        short = module.__name__.split(".")[-1]
        for name, value in vars(module).items():
            if not (name.startswith("_") or inspect.ismodule(value) or callable(value)):
                required[f"{short}.{name}"] = module.__name__     # DERIVATIVES, SCHEMES, PALETTE
    return required


def _where(path, module):
    return f"{path} (in the dlcore.{module.split('.')[-1]} section)"


def test_every_public_name_has_an_entry_with_its_signature_in_its_module_section():
    signed = {(module, path) for module, path, _, _ in SPANS} & entries()
    missing = [_where(path, module) for path, module in required_signatures().items()
               if (module, path) not in signed]
    assert not missing, "no entry `signature` + ': summary' on the page for: " + ", ".join(missing)


def test_exceptions_and_constants_have_an_entry_in_their_module_section():
    found = entries()
    missing = [_where(path, module) for path, module in required_names().items() if (module, path) not in found]
    assert not missing, "no entry on the page for: " + ", ".join(missing)


def test_every_module_has_a_section():
    headed = {module for module, _ in sections() if module}
    modules = {f"dlcore.{m.name}" for m in pkgutil.iter_modules(dlcore.__path__) if not m.name.startswith("_")}
    assert modules <= headed, f"no '## ...dlcore.xxx...' section for {sorted(modules - headed)}"


def test_definition_list_terms_name_something_in_dlcore():
    terms = TERM.findall(FENCE.sub("", TEXT))
    assert terms, "the page lists its entries as definition lists: `signature` then ': summary'"
    for term in terms:
        call = CALL.match(term)
        if call and not _parses_as_parameters(call.group(2)):
            pytest.fail(f"definition-list entry `{term}` is not a signature (parameter names and defaults)")
        path = _strip_prefix(call.group(1) if call else term)
        try:
            resolve(path)
        except AttributeError:
            pytest.fail(f"definition-list entry `{term}` names nothing in dlcore")


def test_no_autodoc():
    assert not re.search(r"\{auto\w+\}|eval-rst", TEXT), "the page is hand-written: no autodoc directives"


# --------------------------------------------------------------------------- the example
def test_example_at_the_top_runs_and_prints_what_the_page_shows():
    blocks = re.findall(r"^```(\w*)\n(.*?)^```", TEXT, re.S | re.M)
    assert blocks[0][0] == "python" and blocks[1][0] == "text", \
        "the page opens with a ```python example followed by a ```text block of its output"
    code, shown = blocks[0][1], blocks[1][1]
    assert "make_moons" in code and "fit(" in code and "evaluate(" in code
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "example", "exec"), {})
    printed = out.getvalue()
    number = re.compile(r"-?\d+\.\d+")
    got, want = [float(v) for v in number.findall(printed)], [float(v) for v in number.findall(shown)]
    assert number.sub("#", printed).strip() == number.sub("#", shown).strip(), printed
    # Loss to rounding of the last printed digit (BLAS may differ between machines); accuracy exactly.
    assert got == pytest.approx(want, abs=2e-3), f"the example now prints {printed!r}"
