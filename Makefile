# gloact: `make run` serves the demo site, `make test` runs the whole suite. Nothing else needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test messages bench check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed requirements-test.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

install: $(VENV)/.installed messages
install-test: $(VENV)/.installed-test messages

# Compiled translations are build output; Babel compiles them without GNU gettext.
messages: $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d gloact/locale -D django 2>&1 | grep -v "^compiling" || true

run: install
	scripts/install-system-deps.sh
	$(BIN)/gloact migrate --noinput
	GLOACT_DEMO=1 $(BIN)/gloact load_demo
	@echo
	@echo "  gloact is starting at http://$(HOST):$(PORT)/  (log in with a demo account above)"
	@echo
	GLOACT_DEMO=1 scripts/serve-dev.sh $(HOST) $(PORT)

test: install-test
	scripts/install-system-deps.sh --test
	scripts/run-tests.sh

bench: install-test
	scripts/install-system-deps.sh --test
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.loadtest

check: install
	GLOACT_ENV=production GLOACT_SECRET_KEY=check-only-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=') \
	GLOACT_ALLOWED_HOSTS=gloact.example.org $(BIN)/gloact check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) var/static
