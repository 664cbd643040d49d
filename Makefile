# Two commands: `make run` starts the app, `make test` runs every test headless.
# Both create .venv and install what is needed first; nothing else has to be installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dialogue-register gui

lint: $(STAMP)
	$(BIN)/ruff check desktop_app tests

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# Not part of `make test`: the program against plain baselines (benchmarks/run.py --help; SIZE=100000).
SIZE ?= 20000
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py --size $(SIZE)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
