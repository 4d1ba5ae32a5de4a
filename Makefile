# The README's two commands: `make demo` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := outputs/corpus

.PHONY: setup demo test lint browser eval-shared eval-blind eval-backbone backbone-models gazetteers clean

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
test: setup lint browser
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check pipeline tests

## browser: install headless Chromium for the review report's screenshot test (make test
## runs it). Needs root and apt-get (Debian); otherwise it says so and the test is skipped.
browser:
	@if [ -x /usr/bin/chromium ]; then \
		echo "browser: /usr/bin/chromium is installed"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
		echo "browser: /usr/bin/chromium missing and not root with apt-get;" \
			"the browser screenshot test will be skipped"; \
	fi

## eval-shared: score the pipeline on ../shared/corpus (seeds + dev)
eval-shared: setup
	$(BIN)/lvextract eval ../shared/corpus/seeds ../shared/corpus/dev --out outputs/shared-eval

## eval-blind: score the pipeline on the project's blind test (corpus/blind: measure it at the
## end of a piece of work, never tune on it)
eval-blind: setup
	$(BIN)/lvextract eval corpus/blind --out outputs/blind-eval

## eval-backbone: score the shipped Latvian backbone on LVTB's test file and the held-out
## FullStack NER sentences (prepares build/backbone first)
eval-backbone: setup build/backbone/ud-test.conllu
	$(BIN)/lvextract eval-backbone build/backbone/ud-test.conllu --ner build/backbone/ner-test.conll

build/backbone/ud-test.conllu:
	$(BIN)/python training/prepare_data.py --shared ../shared/data --out build/backbone

## backbone-models: retrain every shipped model in pipeline/models/lv (about 2.5 hours on one
## core; never run by CI): the spaCy pipeline of the default backbone, then the stanza
## tokenizer and lemmatizer of --backbone stanza, then the lexicons. See
## pipeline/models/lv/MODEL_CARD.md.
backbone-models: setup build/backbone/ud-test.conllu
	OMP_NUM_THREADS=1 $(BIN)/python training/train_spacy.py --data build/backbone
	OMP_NUM_THREADS=1 $(BIN)/python training/train_tokenizer.py --data build/backbone
	OMP_NUM_THREADS=1 $(BIN)/python training/train_lemma.py --data build/backbone
	$(BIN)/python training/build_lemma_lexicon.py --data build/backbone

## gazetteers: rebuild gazetteers/ from ../shared/data/gazetteers
gazetteers: setup
	$(BIN)/lvextract build-gazetteers --source ../shared/data/gazetteers --out gazetteers

clean:
	rm -rf $(VENV) outputs .pytest_cache .ruff_cache
