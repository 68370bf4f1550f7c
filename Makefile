# The two commands of the README: `make dev` (local stack) and `make test` (everything CI runs).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 3000

.PHONY: venv dev test lint typecheck unit bench coherence build validate lock clean

# Every package comes from the hashed lock, pip included. The lock is complete, so --no-deps: a new venv's
# pip 23.2 refuses a dependency with extras (boto3-stubs[...]) in hash-checking mode; `pip check` then proves
# the set consistent. Hash-checking mode forbids `-e .`: the project follows alone, built with the locked
# setuptools instead of an unpinned download.
$(VENV)/.installed: requirements-dev.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
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
	$(VENV)/bin/mypy layers/common/synthdata functions local tests benchmarks tools

bench: venv
	$(PY) -m benchmarks.run

## The engine's coherence tests on 1,000,000 rows per dataset and locale instead of 20,000 (several minutes).
coherence: venv
	SYNTHDATA_COHERENCE_ROWS=1000000 $(PY) -m pytest -n 2 -rA tests/unit/engine/test_coherence.py tests/unit/engine/test_place_coherence.py tests/unit/engine/test_locale_writing.py

validate: venv
	$(VENV)/bin/sam validate --lint

## sam build needs a python3.13 (the functions' runtime): pyenv's build is used when there is one.
build: venv
	PATH="$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.13*/bin 2>/dev/null | tail -1):$$PATH" $(VENV)/bin/sam build

## Regenerate both hashed locks from the .in files after editing one; other pins stay unless
## LOCK_ARGS='--upgrade-package NAME' (or --upgrade) moves them. The dev lock comes first: the layer is resolved
## within it, so Lambda gets the versions the tests ran.
UV_COMPILE := $(VENV)/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes
lock: venv
	$(UV_COMPILE) $(LOCK_ARGS) requirements-dev.in -o requirements-dev.txt
	$(UV_COMPILE) layers/common/requirements.in -c requirements-dev.txt -o layers/common/requirements.txt

clean:
	rm -rf .aws-sam .pytest_cache .mypy_cache .ruff_cache
