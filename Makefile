# The two commands of the README, each doing its own set-up:
#   make html   build the book's website into _build/html
#   make test   run every test: dlcore, the notebooks (nbval), the grading pipeline, the built site
#               (its pages are also loaded in headless Chromium when it is installed)
# Both create .venv (with the Python found as $(PYTHON), 3.10 or newer) and install
# requirements-dev.txt into it the first time, and again whenever a requirements file changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Tools installed in the venv (nbgrader runs `alembic`, nbval starts kernels) come first on PATH.
export PATH := $(CURDIR)/$(BIN):$(PATH)
# The debugger's "frozen modules" notice would otherwise reach the notebooks' stderr.
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: html test test-dlcore test-notebooks test-grading test-site bench bench-chapters bench-grading exercises clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 10), "Python 3.10 or newer is needed, found " + sys.version' 
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

html: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going

test: test-dlcore test-notebooks test-grading test-site

test-dlcore: $(STAMP)
	$(BIN)/python -m pytest -q dlcore tests/dlcore

test-notebooks: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile --nbval-lax --nbval-cell-timeout=120 -p no:cacheprovider book solutions

# --dist loadfile: a module's tests share one worker, so a module fixture that grades a whole
# class (test_pipeline, test_guide) runs once, not once per worker; and two copies of the
# pipeline's world-readable test course never exist side by side for its walker to find.
test-grading: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile tests/grading

# The built pages as files (test_site) and in headless Chromium (test_browser; skips without it).
test-site: html
	$(BIN)/python -m pytest -q tests/test_site.py tests/test_browser.py

# One process per thread count: BLAS reads its thread count when NumPy is imported.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py --threads 1 --digits
	$(BIN)/python benchmarks/bench.py --threads 2

bench-chapters: $(STAMP)
	$(BIN)/python benchmarks/chapters.py

bench-grading: $(STAMP)
	$(BIN)/python benchmarks/grading_throughput.py

# Regenerate the student release from solutions/ (commit the result; a test checks it is current).
exercises: $(STAMP)
	for dir in solutions/*/; do \
		$(BIN)/nbgrader generate_assignment "$$(basename "$$dir")" --force --log-level=WARN || exit 1; \
	done

clean:
	rm -rf _build
