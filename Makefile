# Two commands on a fresh machine:  `make fates` (set up, run the main job)  and  `make test`.
# Each creates .venv with a Python >= 3.12 found by scripts/find-python, and installs what it needs.

VENV   := .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: fates test setup dev clean

fates: setup
	$(BIN)/bolshevik-graph fates

test: dev
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

setup: $(VENV)/.setup
dev: $(VENV)/.dev

$(BIN)/python:
	@python=$$(scripts/find-python) && echo "using $$python" && "$$python" -m venv $(VENV)

$(VENV)/.setup: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	touch $@ $(VENV)/.setup

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
