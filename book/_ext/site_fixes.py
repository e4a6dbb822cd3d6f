"""Small fixes to the built website, loaded by ``_config.yml`` (``sphinx: local_extensions``).

* One copy of each page script. sphinx-thebe and sphinx-togglebutton add inline scripts
  (``const THEBE_JS_URL = ...``) after the HTML builder has started, so each reaches the
  builder twice: once directly (file name ``None``) and once from Sphinx's registry when
  the builder re-reads it before writing (file name ``''``). Sphinx's own duplicate check
  sees two different files, every page declared the constants twice, and the browser
  stopped on "Identifier 'THEBE_JS_URL' has already been declared". Identical ``<script>``
  entries (same file or same inline body, same attributes) are kept once.
* No saved ipywidgets state. The site loads no widget manager (``nb_ipywidgets_js: {}``) and
  shows no widget (their cells are tagged remove-output), so the state myst-nb embeds from an
  executed notebook (20-130 kB a chapter) would only be dead weight.
* jupyterquiz waits for MathJax until the page has loaded. Its script typesets a quiz
  500 ms after it runs (``setTimeout``) and reads ``MathJax.version`` then; when the site's
  MathJax (1.2 MB, deferred) has not arrived by that time, as on a slow connection, it throws
  "Cannot read properties of undefined (reading '0')", and when MathJax has arrived but not
  started, it loads a second MathJax from a CDN. The timer becomes a ``load`` listener: by
  then the deferred MathJax has run. (Its ``500`` becomes addEventListener's third argument,
  ``useCapture``, which changes nothing for ``load``.)
"""

from __future__ import annotations

import re


def _script_key(script) -> tuple:
    attributes = getattr(script, "attributes", {}) or {}
    filename = getattr(script, "filename", script) or ""  # None and "" are both inline
    return (str(filename), tuple(sorted(attributes.items())))


WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def tidy_page_scripts(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = _script_key(script)
        if (getattr(script, "attributes", None) or {}).get("type") == WIDGET_STATE:
            continue
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique


# The timer in jupyterquiz's show_questions.js (checked on the built pages by tests/test_site.py).
QUIZ_TIMER = re.compile(r"setTimeout\(function\(\)\{(\s*var version = MathJax\.version;)")


def quiz_waits_for_page_load(app, pagename, templatename, context, doctree) -> None:
    body = context.get("body")
    if body and "Question.create" in body:
        context["body"] = QUIZ_TIMER.sub(r"window.addEventListener('load', function(){\1", body)


def setup(app):
    # Late, after the handlers that add page scripts.
    app.connect("html-page-context", tidy_page_scripts, priority=900)
    app.connect("html-page-context", quiz_waits_for_page_load)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
