"""The built site in a real browser: headless Chromium over the DevTools protocol.

Build the site first (``make html``); ``make test-site`` does both. The site in ``_build/html``
is served on 127.0.0.1 from a thread, and every page of ``_toc.yml`` is loaded once at
desktop width (1280 px). Each must:

* make no request to a host other than 127.0.0.1 (MathJax, fonts and scripts come from the
  site; launch and Live Code buttons reach out only when clicked);
* log no JavaScript error and fail no request of its own; show no broken image;
* finish typesetting its maths, with no raw TeX left in the prose;
* on pages with a ``dl.plot.frames_slider`` player: the frame changes on a click of "next frame";
  with a jupyterquiz self-check: an answer clicked gets its feedback.

At phone width (390 px) the ☰ button opens the table of contents and the "on this page" button
the page's contents; at desktop width ☰ hides and shows the sidebar, there is no second top
bar with another search box, and the launch button is there.

Without Chromium the tests skip and say why (``.ci/run`` installs it, so CI runs them). Set
``CHROMIUM=/path/to/chrome`` to use another build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import BROKEN_IMAGES, MATH_STATE, Browser, find_browser, serve  # noqa: E402
from test_site import ROOT, SITE, chapter_entries, page_html, source_of, toc_entries  # noqa: E402

BINARY = find_browser()
if BINARY is None and os.environ.get("CI"):
    # .ci/run installs Chromium: without it in CI something is wrong, and a skip would hide it.
    raise RuntimeError("CI is set but no Chromium was found (.ci/run should have installed it)")
pytestmark = pytest.mark.skipif(
    BINARY is None,
    reason="no Chromium found (install Debian's chromium package, or set CHROMIUM=/path/to/it); "
    ".ci/run installs it so CI runs these tests",
)

DESKTOP = (1280, 900)
PHONE = (390, 844)
# Chromium asks every server for /favicon.ico by itself; the book has none and no page links one.
IGNORED = ("/favicon.ico",)

PLAYER = ".animation"
QUIZ = ".Quiz"


@pytest.fixture(scope="session")
def base_url():
    if not (SITE / "index.html").is_file():
        pytest.fail(f"{SITE / 'index.html'} does not exist: build the site first (make html)",
                    pytrace=False)
    with serve(SITE) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with Browser(BINARY) as instance:
        yield instance


@pytest.fixture
def desktop(browser):
    browser.set_viewport(*DESKTOP)
    return browser


@pytest.fixture
def phone(browser):
    browser.set_viewport(*PHONE, mobile=True)
    yield browser
    browser.set_viewport(*DESKTOP)


def _relevant(items: list[str]) -> list[str]:
    return [item for item in items if not any(ignored in item for ignored in IGNORED)]


# --------------------------------------------------------------------------- interactions


def check_player(browser) -> list[str]:
    """Click "next frame" on the first frames_slider player: the frame image must change."""
    image = f"document.querySelector('{PLAYER} img').getAttribute('src')"
    before = browser.js(image)
    browser.click(f'{PLAYER} button[title="Next frame"]')
    after = browser.js(image)
    slider = browser.js(f"document.querySelector('{PLAYER} input[type=range]').value")
    problems = []
    if not before or before == after:
        problems.append("the player's frame did not change on a click of 'Next frame'")
    if slider != "1":
        problems.append(f"the player's slider is at {slider!r} after one step, not '1'")
    return problems


def check_quiz(browser) -> list[str]:
    """Answer the first self-check question: its feedback must appear."""
    if browser.js(f"document.querySelector('{QUIZ} .MCButton') !== null"):
        browser.click(f"{QUIZ} .MCButton")
        marked = browser.js(f"document.querySelector('{QUIZ} .MCButton').className")
        feedback = browser.js(
            f"document.querySelector('{QUIZ} .MCButton').closest('.Answer')"
            ".parentElement.querySelector('.Feedback').textContent.trim()")
        if "correctButton" not in marked and "incorrectButton" not in marked or not feedback:
            return ["clicking an answer of a self-check question showed no feedback"]
        return []
    if browser.js(f"document.querySelector('{QUIZ} input') === null"):
        return ["the self-check question has no answer button or input"]
    # A numeric question only: type an answer and press Enter.
    browser.click(f"{QUIZ} input")
    browser.send("Input.insertText", text="0")
    for kind in ("keyDown", "keyUp"):
        browser.send("Input.dispatchKeyEvent", type=kind, key="Enter", code="Enter",
                     windowsVirtualKeyCode=13, text="\r")
    browser.pump(0.3)
    feedback = browser.js(f"document.querySelector('{QUIZ} .Feedback').textContent.trim()")
    return [] if feedback else ["answering a numeric self-check question showed no feedback"]


CODE_OVERFLOW = """[...document.querySelectorAll('div.cell_input pre')]
  .filter(p => p.scrollWidth > p.clientWidth + 1)
  .map(p => p.textContent.split('\\n').reduce((a, l) => l.length > a.length ? l : a, ''))"""


def check_loaded_page(browser, load) -> list[str]:
    problems = [f"request to another host on load: {url}" for url in load.external_requests()]
    problems += [f"JavaScript error: {e[:300]}" for e in _relevant(load.errors())]
    problems += [f"failed request: {r}" for r in _relevant(load.failed_local_requests())]
    problems += [f"broken image: {src}" for src in browser.js(BROKEN_IMAGES)]
    maths = browser.js(MATH_STATE)
    if maths["raw"]:
        problems.append(f"{len(maths['raw'])} of {maths['maths']} formulas left as raw TeX, "
                        f"e.g. {maths['raw'][:3]}")
    if maths["delimiters"]:
        problems.append(f"TeX delimiters left in the text: {maths['delimiters']}")
    if browser.js(f"document.querySelector('{PLAYER}') !== null"):
        problems += check_player(browser)
    if browser.js(f"document.querySelector('{QUIZ}') !== null"):
        problems += check_quiz(browser)
    return problems


# --------------------------------------------------------------------------- every page


def _uses(entry: str, name: str) -> bool:
    """Whether a notebook page's code calls ``name``."""
    src = source_of(entry)
    if src is None or src.suffix != ".ipynb":
        return False
    cells = json.loads(src.read_text(encoding="utf-8"))["cells"]
    return any(cell["cell_type"] == "code" and name in "".join(cell["source"]) for cell in cells)


@pytest.mark.parametrize("entry", toc_entries())
def test_page_in_browser(desktop, base_url, entry):
    load = desktop.open(base_url + page_html(entry).relative_to(SITE).as_posix())
    problems = check_loaded_page(desktop, load)
    # A renderer that dropped a player or a quiz would otherwise pass unnoticed.
    for name, selector in (("frames_slider", PLAYER), ("display_quiz", QUIZ)):
        if _uses(entry, name) and not desktop.js(f"document.querySelector('{selector}') !== null"):
            problems.append(f"the notebook calls {name} but the page shows no {selector} element")
    if entry.startswith("book/"):
        # A chapter's code fits its column at desktop width: nothing is cut off or scrolls.
        problems += [f"code cell scrolls sideways at 1280 px, its longest line: {line[:70]!r}"
                     for line in desktop.js(CODE_OVERFLOW)]
    assert not problems, f"{entry}:\n  " + "\n  ".join(problems)


# --------------------------------------------------------------------------- navigation


def _first_chapter(base_url: str) -> str:
    entries = chapter_entries()
    assert entries, "no chapter in _toc.yml"
    return base_url + page_html(entries[0]).relative_to(SITE).as_posix()


TOC_SHOWN = """(() => [...document.querySelectorAll('nav.bd-docs-nav')].some(n => {
  const r = n.getBoundingClientRect();
  return n.checkVisibility() && r.width > 100 && r.left >= 0 && r.left < innerWidth; }))()"""
PAGE_TOC_SHOWN = """(() => {
  const d = document.querySelector('#pst-secondary-sidebar-modal');
  return !!d && d.open && !!d.querySelector('nav, .page-toc') && d.checkVisibility(); })()"""


def test_phone_menu_opens_table_of_contents(phone, base_url):
    phone.open(_first_chapter(base_url), settle=0)
    assert not phone.js(TOC_SHOWN), "at 390 px the table of contents is shown before ☰ is pressed"
    phone.click(".primary-toggle")
    assert phone.wait_for(TOC_SHOWN, 3), "at 390 px the ☰ button does not open the table of contents"


def test_phone_on_this_page_button(phone, base_url):
    phone.open(_first_chapter(base_url), settle=0)
    phone.click(".secondary-toggle")
    assert phone.wait_for(PAGE_TOC_SHOWN, 3), \
        "at 390 px the 'on this page' button does not open the page's contents"


def test_desktop_menu_toggles_sidebar(desktop, base_url):
    desktop.open(_first_chapter(base_url), settle=0)
    assert desktop.js(TOC_SHOWN), "at 1280 px the table of contents is not shown"
    desktop.click(".primary-toggle")
    assert desktop.wait_for(f"!{TOC_SHOWN}", 3), "at 1280 px ☰ does not hide the sidebar"
    desktop.click(".primary-toggle")
    assert desktop.wait_for(TOC_SHOWN, 3), "at 1280 px ☰ does not bring the sidebar back"


def test_desktop_has_one_top_bar_and_launch_button(desktop, base_url):
    desktop.open(_first_chapter(base_url), settle=0)
    search_fields = desktop.js(
        "[...document.querySelectorAll('.search-button-field')].filter(e => e.checkVisibility()).length")
    assert search_fields <= 1, f"{search_fields} search boxes visible at 1280 px (a second top bar?)"
    header = desktop.js("(() => { const h = document.querySelector('header.bd-header');"
                        " return h && h.checkVisibility() ? h.getBoundingClientRect().height : 0; })()")
    assert header == 0, f"a {header:.0f} px top bar above the page at 1280 px"
    launch = desktop.js("[...document.querySelectorAll('[aria-label=\"Launch interactive content\"]')]"
                        ".some(e => e.checkVisibility())")
    assert launch, "no visible launch button on a chapter at 1280 px"


# --------------------------------------------------------------------------- fixture page

FIXTURE_CELLS = [
    ("markdown", "# Fixture\n\nInline $a^2 + b^2$ and displayed\n\n$$\\sum_i w_i x_i$$", []),
    ("code", textwrap.dedent("""\
        import numpy as np
        import dlcore as dl

        def draw(fig, a):
            ax = fig.subplots()
            ax.plot(np.arange(5) * a)
            ax.set_title(f"a = {a}")

        dl.plot.frames_slider(draw, [1, 2, 3])"""), []),
    ("code", textwrap.dedent("""\
        from jupyterquiz import display_quiz
        display_quiz([
            {"question": "Is 2 > 1?", "type": "multiple_choice", "answers": [
                {"answer": "Yes", "correct": True, "feedback": "Right."},
                {"answer": "No", "correct": False, "feedback": "Not so."}]},
            {"question": "Half of one?", "type": "numeric", "precision": 3, "answers": [
                {"type": "value", "value": 0.5, "correct": True, "feedback": "Right."},
                {"type": "default", "feedback": "Try again."}]},
        ])"""), ["remove-input", "nbval-ignore-output"]),
]


def _first_page_with(text: str) -> str | None:
    return next((e for e in toc_entries() if (p := page_html(e)).is_file()
                 and text in p.read_text(encoding="utf-8", errors="replace")), None)


def test_player_and_quiz_work_somewhere(desktop, base_url, tmp_path):
    """The book's conventions (AUTHORING.md) hold in a browser: a frames_slider player and a
    jupyterquiz question respond to a click with the book's configuration and nothing loaded
    from another host. Once chapters have both, the first chapter page with each is checked
    (test_page_in_browser checks them all); until then a one-page fixture book is built
    (executed) with the book's _config.yml and checked."""
    with_player = _first_page_with('class="animation"')
    with_quiz = _first_page_with("Question.create")
    if with_player and with_quiz:  # the chapters' own: the first page with each
        problems = []
        for entry, check in ((with_player, check_player), (with_quiz, check_quiz)):
            desktop.open(base_url + page_html(entry).relative_to(SITE).as_posix(), settle=0)
            problems += [f"{entry}: {p}" for p in check(desktop)]
        assert not problems, "\n".join(problems)
        return
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    for kind, source, tags in FIXTURE_CELLS:
        new = nbformat.v4.new_markdown_cell if kind == "markdown" else nbformat.v4.new_code_cell
        notebook.cells.append(new(source, metadata={"tags": tags} if tags else {}))
    nbformat.write(notebook, tmp_path / "fixture.ipynb")
    # The book's configuration, with paths made absolute and nothing excluded.
    config = (ROOT / "_config.yml").read_text(encoding="utf-8")
    config = config.replace("site_fixes: book/_ext", f"site_fixes: {ROOT / 'book' / '_ext'}")
    config = config.replace("[book/_static]", f"[{ROOT / 'book' / '_static'}]")
    config = re.sub(r"(?ms)^exclude_patterns:.*?^$", "", config)
    (tmp_path / "_config.yml").write_text(config, encoding="utf-8")
    jupyter_book = shutil.which("jupyter-book", path=str(Path(sys.executable).parent)) or "jupyter-book"
    build = subprocess.run(
        [jupyter_book, "build", str(tmp_path / "fixture.ipynb"), "--config",
         str(tmp_path / "_config.yml"), "--path-output", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    html = tmp_path / "out" / "_build" / "_page" / "fixture" / "html"
    with serve(html) as url:
        load = desktop.open(url + "fixture.html")
        assert desktop.js(f"document.querySelector('{PLAYER}') !== null"), "no player on the page"
        assert desktop.js(f"document.querySelector('{QUIZ}') !== null"), "no quiz on the page"
        problems = check_loaded_page(desktop, load)
    assert not problems, "fixture page:\n  " + "\n  ".join(problems)
