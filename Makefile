# Bắc Ninh Open Data: every command a maintainer needs. `make serve` and `make test` work on a fresh
# machine with Python 3.11: they create .venv with the pinned dependencies first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PACKAGE ?= datapackage

.PHONY: venv validate fmt build serve test test-fast lint bench browser clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: $(PYTHON) was not found"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

validate: venv
	$(PY) -m build_scripts validate --package $(PACKAGE)

fmt: venv
	$(PY) -m build_scripts fmt --package $(PACKAGE)

build: venv
	$(PY) -m build_scripts build --package $(PACKAGE)

serve: venv
	$(PY) -m build_scripts serve --package $(PACKAGE)

# Debian's Chromium for the browser tests (no browser download): installed with apt-get when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing and cannot be installed here: browser tests will be skipped (they fail in CI)"; fi; }

test: venv browser lint
	$(PY) -m pytest -n 2 --dist loadgroup

lint: venv
	$(VENV)/bin/ruff check

test-fast: venv lint
	$(PY) -m pytest -n 2 --dist loadgroup -m "not browser and not slow"

bench: venv
	$(PY) -m benchmarks

clean:
	rm -rf build site .pytest_cache
