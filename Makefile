# The two commands every user and CI run: `make run` and `make test`.
#
# Two locks: requirements.lock is the runtime (what `bulwark serve|worker|scan|migrate` import), and
# requirements-dev.lock the development tools on top of it. Every file is downloaded once into
# $(WHEELS), checked against the lock's sha256, and installed from there without the network;
# tests/project/test_wheel.py installs the built wheel from the same wheels.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
WHEELS := $(VENV)/wheels
RUNTIME := $(VENV)/.runtime
DEV := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 3000
PIP := $(BIN)/python -m pip --disable-pip-version-check
FETCH := $(PIP) download --quiet --require-hashes --no-deps --dest $(WHEELS)
OFFLINE := $(PIP) install --quiet --require-hashes --no-index --find-links $(WHEELS)

.PHONY: install install-runtime run test lint typecheck unit docs clean browser-deps

$(RUNTIME): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(FETCH) -r requirements.lock
	$(OFFLINE) -r requirements.lock
	$(PIP) install --quiet --no-index --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q -j 0 app analyzers >/dev/null  # byte-code once: faster start-up
	touch $(RUNTIME)

$(DEV): $(RUNTIME) requirements-dev.lock
	$(FETCH) -r requirements-dev.lock
	$(OFFLINE) -r requirements.lock -r requirements-dev.lock
	touch $(DEV)

install-runtime: $(RUNTIME)

install: $(DEV)

run: install-runtime
	$(BIN)/bulwark migrate
	$(BIN)/bulwark serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/hadolint Dockerfile

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint typecheck unit

docs: install-runtime
	$(BIN)/bulwark rules --render docs/rules --readme README.md

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it downloads no browser).
browser-deps:
	test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache build
