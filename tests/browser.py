"""Headless Chromium driven over the DevTools protocol, and the built site served on 127.0.0.1.

Used by ``tests/test_browser.py``; also a small command-line report of what every page loads:

    .venv/bin/python tests/browser.py _build/html      # external requests, errors, maths per page

Why the DevTools protocol and not Selenium: it needs only ``websocket-client`` and the
``chromium`` binary (no chromedriver, no driver download), and it sees every network request
of a page, including the ones that fail, with the page's own console errors.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import websocket  # websocket-client

# Debian's package installs /usr/bin/chromium; other systems name it differently.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def find_browser() -> str | None:
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if Path(explicit).is_file() else None
    return next((path for name in BROWSER_NAMES if (path := shutil.which(name))), None)


# --------------------------------------------------------------------------- static server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # The browser drops a download when it moves to the next page: not an error.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path):
    """Serve ``directory`` on 127.0.0.1 (a free port) from a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --------------------------------------------------------------------------- browser


class CDPError(RuntimeError):
    pass


class Browser:
    """One headless Chromium with one tab, spoken to over the DevTools protocol."""

    def __init__(self, binary: str, timeout: float = 30.0):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="dl-chromium-")
        self.process = subprocess.Popen(
            [
                binary, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--mute-audio",
                "--hide-scrollbars", "--remote-allow-origins=*",
                # Every host but this machine fails at once: a page that reaches out is
                # seen (the request is still reported) and never waits on a timeout.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
                "--window-size=1280,900", "about:blank",
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            port = self._debugging_port()
            tabs = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
            page = next(t for t in tabs if t.get("type") == "page")
            self.ws = websocket.create_connection(
                page["webSocketDebuggerUrl"], timeout=timeout, suppress_origin=True)
        except BaseException:
            self.close()
            raise
        self._next_id = 0
        self.events: list[dict] = []
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable")
        self.send("Network.setCacheDisabled", cacheDisabled=True)

    def _debugging_port(self) -> int:
        active = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CDPError(f"chromium exited with code {self.process.returncode} on start")
            if active.is_file():
                first = active.read_text().split("\n", 1)[0].strip()
                if first.isdigit():
                    return int(first)
            time.sleep(0.05)
        raise CDPError(f"chromium did not open its DevTools port within {self.timeout} s")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # -- protocol

    def _receive(self, deadline: float) -> dict:
        self.ws.settimeout(max(0.05, deadline - time.monotonic()))
        try:
            return json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            raise CDPError("no answer from chromium in time") from None

    def send(self, method: str, **params):
        self._next_id += 1
        call_id = self._next_id
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") == call_id:
                if "error" in message:
                    raise CDPError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def pump(self, seconds: float) -> None:
        """Collect events for ``seconds``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                message = self._receive(deadline)
            except CDPError:
                return
            if "method" in message:
                self.events.append(message)

    def js(self, expression: str, *, await_promise: bool = False):
        """The value of a JavaScript expression in the page (JSON-serialisable values)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=await_promise)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CDPError(f"JavaScript failed: {text}\n{expression}")
        return result["result"].get("value")

    def wait_for(self, expression: str, seconds: float = 15.0) -> bool:
        """Poll a JavaScript expression until it is true; whether it became true in time."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.js(expression):
                return True
            self.pump(0.1)
        return False

    # -- pages

    def set_viewport(self, width: int, height: int, mobile: bool = False) -> None:
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=mobile)

    def open(self, url: str, settle: float = 0.3) -> "PageLoad":
        """Load ``url`` and wait for its load event and for MathJax to finish typesetting."""
        self.events.clear()
        self.send("Page.navigate", url=url)
        deadline = time.monotonic() + self.timeout
        while not any(e["method"] == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise CDPError(f"{url}: no load event within {self.timeout} s")
            message = self._receive(deadline)
            if "method" in message:
                self.events.append(message)
        # MathJax 3 typesets after load; its startup promise resolves when it is done.
        self.js("window.MathJax && MathJax.startup && MathJax.startup.promise"
                " ? MathJax.startup.promise.then(() => true) : false", await_promise=True)
        self.pump(settle)  # late requests (fonts, lazy scripts)
        return PageLoad(url, list(self.events))

    def click(self, selector: str) -> None:
        """A real mouse click at the middle of the first element matching ``selector``."""
        box = self.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2, r.width, r.height]; })()")
        if box is None:
            raise CDPError(f"nothing matches {selector!r}")
        x, y, width, height = box
        if width == 0 or height == 0:
            raise CDPError(f"{selector!r} is not visible (size {width}x{height})")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                      clickCount=1)
        self.pump(0.3)

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        import base64

        params = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"],
                              "height": min(size["height"], 16000), "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", **params)["data"]
        Path(path).write_bytes(base64.b64decode(data))


class PageLoad:
    """What one page load did: its requests and the errors it reported."""

    def __init__(self, url: str, events: list[dict]):
        self.url = url
        self.events = events

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events
                if e["method"] == "Network.requestWillBeSent"]

    def external_requests(self) -> list[str]:
        """Requests to any host but this machine (data: and blob: URLs are in the page)."""
        return sorted({url for url in self.requests()
                       if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
                       and urlsplit(url).hostname not in LOCAL_HOSTS})

    def failed_local_requests(self) -> list[str]:
        urls = {e["params"]["requestId"]: e["params"]["request"]["url"] for e in self.events
                if e["method"] == "Network.requestWillBeSent"}
        failed = []
        for event in self.events:
            params = event["params"]
            url = urls.get(params.get("requestId"), "")
            if urlsplit(url).hostname not in LOCAL_HOSTS:
                continue
            if event["method"] == "Network.loadingFailed" and not params.get("canceled"):
                failed.append(f"{url}: {params.get('errorText')}")
            elif event["method"] == "Network.responseReceived" and params["response"]["status"] >= 400:
                failed.append(f"{url}: HTTP {params['response']['status']}")
        return failed

    def errors(self) -> list[str]:
        """Uncaught exceptions, console.error calls, and errors the browser logged."""
        found = []
        for event in self.events:
            params = event["params"]
            if event["method"] == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                text = details.get("exception", {}).get("description") or details.get("text")
                found.append(f"exception: {text}")
            elif event["method"] == "Runtime.consoleAPICalled" and params["type"] == "error":
                found.append("console.error: " + " ".join(
                    str(a.get("value", a.get("description", ""))) for a in params["args"]))
            elif event["method"] == "Log.entryAdded" and params["entry"]["level"] == "error":
                entry = params["entry"]
                found.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}")
        return found


# --------------------------------------------------------------------------- page checks

# Each returns a JSON value, evaluated in the page.
MATH_STATE = """(() => {
  const article = document.querySelector('article') || document.body || document.documentElement;
  const maths = [...article.querySelectorAll('.math')];
  const raw = maths.filter(m => !m.querySelector('mjx-container'))
                   .map(m => m.textContent.trim().slice(0, 80));
  // TeX delimiters left in the prose (code and outputs may legitimately show them).
  const copy = article.cloneNode(true);
  copy.querySelectorAll('pre, code, .cell_output, mjx-container, script, style')
      .forEach(e => e.remove());
  const text = copy.textContent;
  const delimiters = ['$$', '\\\\(', '\\\\[', '\\\\begin{'].filter(d => text.includes(d));
  return {typeset: article.querySelectorAll('mjx-container').length, maths: maths.length,
          raw: raw, delimiters: delimiters};
})()"""

BROKEN_IMAGES = """[...document.images]
  .filter(i => i.getAttribute('loading') !== 'lazy' && (!i.complete || i.naturalWidth === 0))
  .map(i => (i.getAttribute('src') || '').slice(0, 100))"""


def report(site: Path) -> int:
    """Print, for every HTML page of ``site``, its external requests, errors and maths."""
    binary = find_browser()
    if binary is None:
        print("no chromium found", file=sys.stderr)
        return 2
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if "_static" not in p.parts and p.name not in {"genindex.html", "search.html"})
    with serve(site) as base, Browser(binary) as browser:
        for page in pages:
            load = browser.open(base + page)
            maths = browser.js(MATH_STATE)
            external = load.external_requests()
            hosts = sorted({urlsplit(u).hostname for u in external})
            print(f"{page}: {len(external)} external request(s) {hosts}; "
                  f"{len(load.errors())} error(s); maths {maths['typeset']} typeset, "
                  f"{len(maths['raw'])} raw")
            for url in external:
                print(f"    {url}")
            for error in load.errors():
                print(f"    ! {error[:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(report(Path(sys.argv[1] if len(sys.argv) > 1 else "_build/html")))
