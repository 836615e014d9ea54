# Two commands on a fresh machine: `make run` and `make test` (README.md).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: install run test test-fast lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

run: install
	$(VENV)/bin/giamngheo demo
	$(VENV)/bin/giamngheo serve

lint: install
	$(VENV)/bin/ruff check domain application web schedules giamngheo tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

test: lint
	$(VENV)/bin/pytest

test-fast: lint  # every test but those marked slow (docs/testing.md); `make test` runs them all
	$(VENV)/bin/pytest -m "not slow"

bench: install
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) var
