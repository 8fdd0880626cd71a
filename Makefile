# make run   set up a virtual environment, build the graph, validate it, print the summary
# make test  set up the environment with the dev tools, lint, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test lint clean

run: $(VENV)/.run-installed
	$(BIN)/kg build
	$(BIN)/kg validate

test: $(VENV)/.dev-installed
	$(BIN)/ruff check kg tests
	$(BIN)/pytest

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
