# Parallax: the two commands are `make demo` and `make test`; everything else is for developers.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= parallax.duckdb
SHARED ?= ../shared

.PHONY: install demo test test-fast lint format schema-docs train-model clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## install: create .venv and install Parallax with its development tools
install: $(STAMP)

## demo: set up, analyse the bundled example corpus into $(DB), print a summary
demo: install
	$(BIN)/parallax --db $(DB) analyze examples/corpus --format table
	$(BIN)/parallax --db $(DB) docs

## test: set up and run the whole test suite
test: install
	$(BIN)/pytest -q

## test-fast: the suite without the slow end-to-end tests
test-fast: install
	$(BIN)/pytest -q -m "not slow"

## lint: ruff (lint + format check) and mypy --strict on src/
lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

format: install
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

## schema-docs: regenerate docs/analysis.schema.json from the pydantic models
schema-docs: install
	$(BIN)/parallax schema > docs/analysis.schema.json

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache $(DB) $(DB).wal
