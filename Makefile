# Förebygg – the two set-up commands are `make run` and `make test` (see README.md).
PYTHON ?= python3.12
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-sqlite test-postgres lint format system-deps runtime-deps bench bench-load messages clean

$(VENV)/.base-installed: requirements/base.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.12 saknas: installera den (t.ex. 'pyenv install 3.12') och försök igen."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/base.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.base-installed requirements/test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	touch $@

node_modules/axe-core/axe.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	scripts/ensure-system-deps.sh test

runtime-deps:
	scripts/ensure-system-deps.sh runtime

## make run: install, migrate SQLite, import the real reference data, create demo logins, then serve
## with gunicorn and the background worker together (forebygg serve; Ctrl+C stops both).
run: runtime-deps $(VENV)/.base-installed
	mkdir -p var
	$(BIN)/forebygg migrate --noinput
	$(BIN)/forebygg import-reference
	$(BIN)/forebygg import-statistics
	$(BIN)/forebygg seed-methods
	$(BIN)/forebygg create-demo
	$(BIN)/forebygg collectstatic --noinput --verbosity 0
	@echo "Förebygg startar på http://$(HOST):$(PORT)/ (avsluta med Ctrl+C)"
	$(BIN)/forebygg serve --bind $(HOST):$(PORT) --workers 3

## make test: lint, then the whole suite on SQLite and on a throw-away PostgreSQL server, browser tests included.
test: system-deps $(VENV)/.test-installed node_modules/axe-core/axe.min.js lint test-sqlite test-postgres

lint: $(VENV)/.test-installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/forebygg makemigrations --check --dry-run --verbosity 0
	PYTHONPATH=src $(BIN)/lint-imports

test-sqlite: $(VENV)/.test-installed
	$(BIN)/pytest

test-postgres: $(VENV)/.test-installed
	scripts/with-postgres.sh $(BIN)/pytest

format: $(VENV)/.test-installed
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

bench: $(VENV)/.test-installed
	$(BIN)/python bench/run.py
	$(BIN)/python bench/lagesbild.py
	$(BIN)/python bench/national.py
	$(BIN)/python bench/import.py

## make bench-load: 100 concurrent users for 60 s against gunicorn as `make run` starts it.
bench-load: $(VENV)/.test-installed
	scripts/ensure-system-deps.sh bench
	$(BIN)/python bench/load.py

messages: $(VENV)/.base-installed
	cd src/forebygg && ../../$(BIN)/forebygg makemessages -l en && ../../$(BIN)/forebygg compilemessages -l en

clean:
	rm -rf $(VENV) node_modules var
