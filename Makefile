# Bắc Ninh Open Data: every command a maintainer needs. `make serve` and `make test` work on a fresh
# machine with Python 3.11: they create .venv with the pinned dependencies first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PACKAGE ?= datapackage

.PHONY: venv node validate fmt build serve test test-fast lint bench browser clean

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: $(PYTHON) was not found"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

# DuckDB-WASM for the SQL page (/data/explore/), pinned in package-lock.json: Node.js and npm are installed
# with apt-get when missing, then `npm ci` installs exactly the locked packages into node_modules/.
node: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "npm is missing and cannot be installed here: install Node.js and npm, then run make again"; exit 2; fi; }
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

validate: venv
	$(PY) -m build_scripts validate --package $(PACKAGE)

fmt: venv
	$(PY) -m build_scripts fmt --package $(PACKAGE)

build: venv node
	$(PY) -m build_scripts build --package $(PACKAGE)

serve: venv node
	$(PY) -m build_scripts serve --package $(PACKAGE)

# Debian's Chromium for the browser tests (no browser download): installed with apt-get when missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing and cannot be installed here: browser tests will be skipped (they fail in CI)"; fi; }

test: venv node browser lint
	$(PY) -m pytest -n 2 --dist loadgroup

lint: venv
	$(VENV)/bin/ruff check

test-fast: venv node lint
	$(PY) -m pytest -n 2 --dist loadgroup -m "not browser and not slow"

bench: venv node
	$(PY) -m benchmarks

clean:
	rm -rf build site .pytest_cache
