# The README's two commands: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := outputs/corpus

.PHONY: setup demo test lint eval-shared gazetteers clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

## demo: extract the project's sample corpus into outputs/corpus and score it against its gold
demo: setup
	$(BIN)/lvextract run corpus --out $(OUT)
	$(BIN)/lvextract eval corpus --pred $(OUT) --out $(OUT)/eval

## test: lint and run the test suite
test: setup lint
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check pipeline tests

## eval-shared: score the pipeline on ../shared/corpus (seeds + dev)
eval-shared: setup
	$(BIN)/lvextract eval ../shared/corpus/seeds ../shared/corpus/dev --out outputs/shared-eval

## gazetteers: rebuild gazetteers/ from ../shared/data/gazetteers
gazetteers: setup
	$(BIN)/lvextract build-gazetteers --source ../shared/data/gazetteers --out gazetteers

clean:
	rm -rf $(VENV) outputs .pytest_cache .ruff_cache
