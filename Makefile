# ScamShield developer commands. `make run` and `make test` take a fresh machine to a running service / passing suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# Where the labelled development data lives (../shared/data beside this checkout; override: make models SHARED_DATA=/path)
SHARED_DATA ?= $(or $(SCAMSHIELD_SHARED_DATA),../shared/data)

.PHONY: install run test test-fast models eval bench clean lock

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	mkdir -p var
	$(BIN)/scamshield db upgrade
	SCAMSHIELD_DEV_TOKENS=1 $(BIN)/scamshield serve --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

models: $(STAMP)
	test -d '$(SHARED_DATA)' || { echo 'no data at $(SHARED_DATA): set SHARED_DATA=/path/to/shared/data' >&2; exit 2; }
	$(BIN)/python -m scamshield.training all --data-dir '$(SHARED_DATA)'

bench: $(STAMP)
	$(BIN)/python benchmarks/engine.py

lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean:
	rm -rf $(VENV) var .pytest_cache
