"""Checks over the built site in ``_build/html``.

These tests read what a visitor would get, not the sources: build the site first
(``make html``, or ``.venv/bin/jupyter-book build . -W -n --keep-going``), then run
``pytest tests/test_site.py``.

What they check:

* every page listed in ``_toc.yml`` was built;
* every chapter page (``book/NN_*.ipynb`` in the table of contents) shows at least
  three figures with real alt text, and rendered math;
* nothing private leaks: no nbgrader solution or hidden-test marker anywhere in the
  site, no line of code from between those markers in ``solutions/``, and no file of
  ``solutions/`` copied into the site.

The tests find chapters and solutions by themselves, so they keep working as
chapters and exercises are added.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "book" / "_ext"))
import site_fixes  # noqa: E402  (the site's own Sphinx fixes, whose effects are checked here)

SITE = ROOT / "_build" / "html"
TOC = ROOT / "_toc.yml"
SOLUTIONS = ROOT / "solutions"

# Source suffixes Jupyter Book accepts for a toc entry, in the order it tries them.
SOURCE_SUFFIXES = (".md", ".ipynb", ".rst")
CHAPTER_NAME = re.compile(r"^\d\d_.+\.ipynb$")
MIN_FIGURES = 3

# nbgrader's region markers. In a source notebook they sit in comments such as
# "### BEGIN SOLUTION"; a released notebook never contains them.
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
REGIONS = {"BEGIN SOLUTION": "END SOLUTION", "BEGIN HIDDEN TESTS": "END HIDDEN TESTS"}
# Shorter lines ("return x", "import numpy as np") are too common to mean anything.
MIN_SECRET_CHARS = 25

# Files searched as text for leaked solution lines. Everything else (images, fonts)
# is still searched for the markers, as raw bytes.
TEXT_SUFFIXES = {
    ".html", ".htm", ".ipynb", ".json", ".js", ".txt", ".md", ".rst", ".py",
    ".xml", ".svg", ".css",
}


# --------------------------------------------------------------------------- helpers


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site; fails (not skips) when it is missing, so CI cannot pass silently."""
    if not (SITE / "index.html").is_file():
        pytest.fail(
            f"{SITE / 'index.html'} does not exist: build the site first with make html "
            "(or .venv/bin/jupyter-book build . -W -n --keep-going)",
            pytrace=False,
        )
    return SITE


def _toc_files(node) -> list[str]:
    """Every `root` and `file` entry of a jb-book toc, in order."""
    found = []
    if isinstance(node, dict):
        for key in ("root", "file"):
            if isinstance(node.get(key), str):
                found.append(node[key])
        for value in node.values():
            if isinstance(value, (dict, list)):
                found.extend(_toc_files(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_toc_files(item))
    return found


@lru_cache(maxsize=None)
def toc_entries() -> tuple[str, ...]:
    """Docnames listed in _toc.yml (paths relative to the repo root, no suffix)."""
    toc = yaml.safe_load(TOC.read_text(encoding="utf-8"))
    entries = []
    for entry in _toc_files(toc):
        entry = entry.strip().strip("/")
        for suffix in SOURCE_SUFFIXES:  # a toc entry may carry its suffix
            if entry.endswith(suffix):
                entry = entry[: -len(suffix)]
        entries.append(entry)
    return tuple(entries)


def source_of(entry: str) -> Path | None:
    for suffix in SOURCE_SUFFIXES:
        path = ROOT / (entry + suffix)
        if path.is_file():
            return path
    return None


def chapter_entries() -> list[str]:
    """Toc entries that are chapter notebooks: book/**/NN_*.ipynb."""
    chapters = []
    for entry in toc_entries():
        src = source_of(entry)
        if (
            src is not None
            and src.relative_to(ROOT).parts[0] == "book"
            and CHAPTER_NAME.match(src.name)
        ):
            chapters.append(entry)
    return chapters


def page_html(entry: str) -> Path:
    return SITE / (entry + ".html")


def _cell_lines(cell) -> list[str]:
    source = cell.get("source", "")
    if isinstance(source, list):
        source = "".join(source)
    return source.splitlines()


def _squash(text: str) -> str:
    """Remove all whitespace, so indentation and line wrapping cannot hide a match."""
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=None)
def solution_secrets() -> dict[str, tuple[str, str]]:
    """Lines that only the solution notebooks contain.

    Maps the whitespace-free line to (notebook, original line). A line is secret when
    it lies between BEGIN/END SOLUTION or BEGIN/END HIDDEN TESTS, or anywhere in a cell
    that nbgrader replaces whole (a solution cell without markers, such as a model
    answer in prose). Lines that also appear in the public part of any solution
    notebook (which nbgrader releases to students) are not secret.
    """
    secret: dict[str, tuple[str, str]] = {}
    public: set[str] = set()
    for nb_path in sorted(SOLUTIONS.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb_path.parts:
            continue
        name = str(nb_path.relative_to(ROOT))
        notebook = json.loads(nb_path.read_text(encoding="utf-8"))
        for cell in notebook.get("cells", []):
            lines = _cell_lines(cell)
            is_solution_cell = bool(
                cell.get("metadata", {}).get("nbgrader", {}).get("solution", False)
            )
            has_markers = any(m in line for line in lines for m in MARKERS)
            whole_cell_secret = is_solution_cell and not has_markers
            closing = None  # the END marker we are waiting for, inside a region
            for line in lines:
                opened = next((b for b in REGIONS if b in line), None)
                if closing is None and opened is not None:
                    closing = REGIONS[opened]
                    continue
                if closing is not None and closing in line:
                    closing = None
                    continue
                squashed = _squash(line)
                if not squashed:
                    continue
                if closing is not None or whole_cell_secret:
                    if len(squashed) >= MIN_SECRET_CHARS:
                        secret.setdefault(squashed, (name, line.strip()))
                else:
                    public.add(squashed)
    shown = public_text()
    return {k: v for k, v in secret.items() if k not in public and k not in shown}


def _outside_regions(lines: list[str]) -> list[str]:
    """The lines not between BEGIN/END SOLUTION or BEGIN/END HIDDEN TESTS (markers dropped)."""
    kept, closing = [], None
    for line in lines:
        opened = next((b for b in REGIONS if b in line), None)
        if closing is None and opened is not None:
            closing = REGIONS[opened]
        elif closing is not None and closing in line:
            closing = None
        elif closing is None:
            kept.append(line)
    return kept


@lru_cache(maxsize=None)
def public_text() -> str:
    """Everything nbgrader releases from the solution notebooks, whitespace removed.

    A question may quote the very line its answer uses (``rng = np.random.default_rng(seed)``),
    and a visible test may run code an answer also contains: text the students are given anyway
    is no leak. A solution cell without markers is replaced whole, so none of it is public.
    """
    parts = []
    for nb_path in sorted(SOLUTIONS.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb_path.parts:
            continue
        for cell in json.loads(nb_path.read_text(encoding="utf-8")).get("cells", []):
            lines = _cell_lines(cell)
            replaced_whole = (cell.get("metadata", {}).get("nbgrader", {}).get("solution", False)
                              and not any(m in line for line in lines for m in MARKERS))
            if not replaced_whole:
                parts.extend(_outside_regions(lines))
    return _squash("\n".join(parts))


@lru_cache(maxsize=None)
def solution_runs() -> dict[str, tuple[str, str]]:
    """Three consecutive lines of a model answer, whitespace removed and joined.

    Single short lines (``total = 0``) are too common to be secret, but three in a row of a
    model answer, at least 40 characters together, are the answer itself.
    """
    runs: dict[str, tuple[str, str]] = {}
    for nb_path in sorted(SOLUTIONS.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in nb_path.parts:
            continue
        name = str(nb_path.relative_to(ROOT))
        for cell in json.loads(nb_path.read_text(encoding="utf-8")).get("cells", []):
            region, closing = [], None
            for line in _cell_lines(cell):
                opened = next((b for b in REGIONS if b in line), None)
                if closing is None and opened is not None:
                    closing, region = REGIONS[opened], []
                elif closing is not None and closing in line:
                    for i in range(len(region) - 2):
                        joined = "".join(_squash(x) for x in region[i:i + 3])
                        if len(joined) >= 40:
                            runs.setdefault(joined, (name, " / ".join(x.strip() for x in region[i:i + 3])))
                    closing = None
                elif closing is not None and _squash(line):
                    region.append(line)
    shown = public_text()
    return {k: v for k, v in runs.items() if k not in shown}


# Copied into the build from an installed package (sphinx-mathjax-offline: 24 MB of MathJax),
# never from the book's sources: searching it for solution lines would only cost minutes.
PACKAGED_DIRS = ("_static/mathjax",)


def site_files() -> list[Path]:
    return sorted(p for p in SITE.rglob("*") if p.is_file()
                  and not any(p.relative_to(SITE).as_posix().startswith(d + "/")
                              for d in PACKAGED_DIRS))


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _json_strings(item)]
    return []


def searchable_text(path: Path) -> str:
    """A file's text as a reader would see it, whitespace removed.

    Raw text plus: HTML entities decoded and tags stripped (syntax highlighting splits
    a code line into many <span>s), and for notebooks and JSON the decoded strings.
    """
    raw = path.read_text(encoding="utf-8", errors="replace")
    views = [raw, html.unescape(raw)]
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"}:
        views.append(BeautifulSoup(raw, "html.parser").get_text())
    if suffix in {".ipynb", ".json"}:
        try:
            views.extend(_json_strings(json.loads(raw)))
        except ValueError:
            pass
    return "\n".join(_squash(v) for v in views)


# --------------------------------------------------------------------------- tests


# book/AUTHORING.md: code shown on a page is at most 88 characters wide; wider lines scroll
# sideways inside their box, and off the screen of a phone.
CODE_WIDTH = 88
HIDDEN_CODE_TAGS = {"remove-cell", "remove-input"}


def test_shown_code_fits_the_page():
    """Every code line a reader sees, in a chapter or an exercise, fits in CODE_WIDTH."""
    wide = []
    for entry in toc_entries():
        path = source_of(entry)
        if path is None or path.suffix != ".ipynb":
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        for i, cell in enumerate(nb["cells"]):
            hidden = HIDDEN_CODE_TAGS & set(cell["metadata"].get("tags", []))
            if cell["cell_type"] != "code" or hidden:
                continue
            name = cell["metadata"].get("nbgrader", {}).get("grade_id", f"cell {i}")
            for line in "".join(cell["source"]).splitlines():
                if len(line) > CODE_WIDTH:
                    wide.append(f"{entry} ({name}): {len(line)} characters: {line.strip()[:60]}")
    assert not wide, (f"{len(wide)} code lines are wider than {CODE_WIDTH} characters:\n"
                      + "\n".join(wide))


def test_toc_lists_pages():
    assert toc_entries(), f"{TOC} lists no page"
    missing = [e for e in toc_entries() if source_of(e) is None]
    assert not missing, f"_toc.yml lists pages with no source file: {missing}"


def test_every_toc_page_is_built(site):
    assert (site / "index.html").is_file()
    missing = [str(page_html(e).relative_to(site)) for e in toc_entries() if not page_html(e).is_file()]
    assert not missing, f"pages listed in _toc.yml but not built: {missing}"


def test_notebook_pages_offer_ipynb_download(site):
    """The download button serves the notebook Sphinx copies into _sources."""
    problems = []
    for entry in toc_entries():
        src = source_of(entry)
        if src is None or src.suffix != ".ipynb":
            continue
        copy = site / "_sources" / (entry + ".ipynb")
        if not copy.is_file():
            problems.append(f"{entry}: no {copy.relative_to(site)}")
        elif f"_sources/{entry}.ipynb" not in page_html(entry).read_text(encoding="utf-8"):
            problems.append(f"{entry}: page has no link to _sources/{entry}.ipynb")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("entry", chapter_entries() or [pytest.param(None, marks=pytest.mark.skip(reason="no chapter notebook (book/NN_*.ipynb) in _toc.yml yet"))])
def test_chapter_has_figures_with_alt_text(site, entry):
    soup = BeautifulSoup(page_html(entry).read_text(encoding="utf-8"), "html.parser")
    body = soup.find("article") or soup  # the page content, not the theme's header
    good, bad = [], []
    for img in body.find_all("img"):
        src = img.get("src", "")
        alt = (img.get("alt") or "").strip()
        # Without an alt, Sphinx writes the image's own path as its alt text.
        if alt and alt != src and Path(alt).name != Path(src).name:
            good.append(src)
        else:
            bad.append(src)
    assert len(good) >= MIN_FIGURES, (
        f"{entry}: {len(good)} figure(s) with alt text, at least {MIN_FIGURES} expected "
        f"({len(bad)} image(s) lack alt text: set it in the cell metadata, e.g. "
        '"mystnb": {"image": {"alt": "..."}})'
    )


@pytest.mark.parametrize("entry", chapter_entries() or [pytest.param(None, marks=pytest.mark.skip(reason="no chapter notebook (book/NN_*.ipynb) in _toc.yml yet"))])
def test_chapter_has_rendered_math(site, entry):
    text = page_html(entry).read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "html.parser")
    scripts = [s.get("src", "") for s in soup.find_all("script")]
    assert any("mathjax" in s.lower() for s in scripts), f"{entry}: no MathJax script"
    has_math = (
        soup.select("span.math, div.math")
        or "\\(" in text
        or "$$" in text
    )
    assert has_math, f"{entry}: no math on the page"


def test_maths_and_scripts_come_from_the_site(site):
    """MathJax is served by the site (no CDN), and no page loads a script from another host
    (tests/test_browser.py also watches the requests a browser makes)."""
    problems = []
    external = re.compile(r'<(script|link)\b[^>]*?\b(?:src|href)="((?:https?:)?//[^"]*)"[^>]*>')
    for entry in toc_entries():
        # A regular expression, not a parser: pages with frame players weigh megabytes.
        for match in external.finditer(page_html(entry).read_text(encoding="utf-8")):
            tag, url = match.group(1), match.group(2)
            if tag == "script" or "stylesheet" in match.group(0):
                problems.append(f"{entry}: <{tag}> from another host: {url}")
    assert not problems, "\n".join(problems)
    assert (site / "_static" / "mathjax" / "tex-chtml.js").is_file(), "MathJax not copied into _static"


def test_no_dead_widgets_or_markers_on_pages(site):
    """The site loads no ipywidgets manager: a widget view would be a blank box (tag the
    ipywidgets cell remove-output, AUTHORING.md). nbval's marker comment is a cell tag instead."""
    problems = []
    for entry in toc_entries():
        text = page_html(entry).read_text(encoding="utf-8")
        if "application/vnd.jupyter.widget-view+json" in text:
            problems.append(f"{entry}: a widget view (tag its cell remove-output)")
        if "NBVAL_CHECK_OUTPUT" in text:
            problems.append(f"{entry}: shows the # NBVAL_CHECK_OUTPUT comment (use the cell tag "
                            "nbval-check-output)")
        if text.count("const THEBE_JS_URL") > 1:
            problems.append(f"{entry}: the Thebe setup script is included twice")
        if "Question.create" in text and site_fixes.QUIZ_TIMER.search(text):
            problems.append(f"{entry}: jupyterquiz's 500 ms MathJax timer is not patched "
                            "(book/_ext/site_fixes.py: did jupyterquiz change its script?)")
    assert not problems, "\n".join(problems)


def test_chapters_offer_launch_buttons(site):
    problems = [entry for entry in chapter_entries()
                if "mybinder.org" not in page_html(entry).read_text(encoding="utf-8")]
    assert not problems, f"chapters without a Binder launch button: {problems}"


def test_no_nbgrader_markers_in_site(site):
    found = []
    for path in site_files():
        if path.suffix.lower() in TEXT_SUFFIXES:
            # Sphinx writes inline code word by word (<span>BEGIN</span> <span>...),
            # so search the tag-free, whitespace-free text.
            text = searchable_text(path)
            hits = [m for m in MARKERS if _squash(m) in text]
        else:
            data = path.read_bytes()
            hits = [m for m in MARKERS if m.encode() in data]
        found += [f"{path.relative_to(site)}: {m}" for m in hits]
    assert not found, "nbgrader markers published on the site:\n" + "\n".join(found)


def test_no_solution_code_in_site(site):
    secrets = solution_secrets()
    if not secrets:
        pytest.skip("no solution lines to look for (solutions/ has no marked regions yet)")
    leaks = []
    for path in site_files():
        if path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        text = searchable_text(path)
        for squashed, (notebook, line) in secrets.items():
            if squashed in text:
                leaks.append(f"{path.relative_to(site)}: {line!r} (from {notebook})")
    assert not leaks, "solution or hidden-test lines published on the site:\n" + "\n".join(leaks)


def test_no_model_answer_in_site(site):
    """No three consecutive lines of a model answer appear on the site (a chapter that teaches
    the very code an exercise asks for would hand out the answer)."""
    runs = solution_runs()
    leaks = []
    for path in site_files():
        if path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        text = searchable_text(path)
        leaks += [f"{path.relative_to(site)}: {shown!r} (from {nb})"
                  for joined, (nb, shown) in runs.items() if joined in text]
    assert not leaks, "model answers published on the site:\n" + "\n".join(leaks)


def test_no_solutions_file_copied_into_site(site):
    in_folder = [str(p.relative_to(site)) for p in site_files() if "solutions" in p.relative_to(site).parts]
    assert not in_folder, f"files under a solutions/ folder in the site: {in_folder}"

    digests = {}
    for path in SOLUTIONS.rglob("*"):
        if path.is_file() and path.stat().st_size > 0:
            digests[hashlib.sha256(path.read_bytes()).hexdigest()] = path
    copies = []
    for path in site_files():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest in digests:
            copies.append(f"{path.relative_to(site)} is a copy of {digests[digest].relative_to(ROOT)}")
    assert not copies, "\n".join(copies)
