# make run   set up a virtual environment, build the graph, validate it, print the summary
# make test  set up the environment with the dev tools, lint, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint clean system-packages

run: $(VENV)/.run-installed
	$(BIN)/kg build
	$(BIN)/kg validate

test: $(VENV)/.dev-installed system-packages
	$(BIN)/ruff check kg tests benchmarks
	$(BIN)/pytest

# Real parts the tests start: Debian's chromium for the browser tests, and Virtuoso's binaries
# for the push tests (not the full virtuoso-opensource package, which starts a system service
# on public ports). Installed with apt-get (as root) when missing.
system-packages:
	@if ! command -v chromium >/dev/null || ! command -v virtuoso-t >/dev/null || ! command -v isql-vt >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium virtuoso-opensource-7-bin; \
	fi

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check kg tests

$(VENV)/.run-installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.run-installed

clean:
	rm -rf $(VENV) output test-artifacts .pytest_cache .ruff_cache
