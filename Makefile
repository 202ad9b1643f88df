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

setup: venv-python $(VENV)/.setup
dev: venv-python $(VENV)/.dev

# PYTHON=... chooses the Python of a new .venv; an existing .venv is kept, and this says so.
.PHONY: venv-python
venv-python:
	@if [ -n "$(PYTHON)" ] && [ -x $(BIN)/python ]; then \
	  wanted=$$(PYTHON="$(PYTHON)" scripts/find-python) || exit 1; \
	  have=$$($(BIN)/python -c 'import platform; print(platform.python_version())'); \
	  want=$$("$$wanted" -c 'import platform; print(platform.python_version())'); \
	  if [ "$$have" != "$$want" ]; then \
	    echo "note: .venv already exists with Python $$have, so PYTHON=$(PYTHON) ($$want) is not used;" \
	         "run 'make clean' first to rebuild it with that Python." >&2; \
	  fi; \
	fi

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
