# The two commands of the README: `make dev` (local stack) and `make test` (everything CI runs).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 3000

.PHONY: venv dev test lint typecheck unit bench coherence build validate clean

$(VENV)/.installed: requirements-dev.txt layers/common/requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt -e .
	touch $@

venv: $(VENV)/.installed

## Start the local stack: moto server + API on http://127.0.0.1:$(PORT) + SQS pollers.
dev: venv
	PORT=$(PORT) $(PY) -m local.stack

## Lint, type-check and run the whole test suite (unit, integration, SAM checks, end to end).
test: venv lint typecheck
	$(PY) -m pytest -n 2 --dist loadfile

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: venv
	$(VENV)/bin/mypy layers/common/synthdata functions local

bench: venv
	$(PY) -m benchmarks.run

## The engine's coherence tests on 1,000,000 rows per dataset and locale instead of 20,000 (several minutes).
coherence: venv
	SYNTHDATA_COHERENCE_ROWS=1000000 $(PY) -m pytest -n 2 tests/unit/engine/test_coherence.py

validate: venv
	$(VENV)/bin/sam validate --lint

## sam build needs a python3.13 (the functions' runtime): pyenv's build is used when there is one.
build: venv
	PATH="$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.13*/bin 2>/dev/null | tail -1):$$PATH" $(VENV)/bin/sam build

clean:
	rm -rf .aws-sam .pytest_cache .mypy_cache .ruff_cache
