# Two commands: `make run` starts the app, `make test` runs every test headless.
# Both create .venv and install what is needed first; nothing else has to be installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean package package-test translations soak

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dialogue-register gui

lint: $(STAMP)
	$(BIN)/ruff check desktop_app tests benchmarks tools packaging

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The replication state machine (docs/exchange.md) for as long as asked: SOAK_EXAMPLES examples of
# 60 steps each (default 200); `make test` runs a few within its 60 s.
SOAK_EXAMPLES ?= 200
soak: $(STAMP)
	SOAK_EXAMPLES=$(SOAK_EXAMPLES) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest \
		tests/services/test_replication_machine.py tests/domain/test_replication.py -q -p no:cacheprovider

# The UI's translations (README "Languages"): list the Text("…") messages of the services for lupdate
# (tools/message_catalogue.py), collect the strings of desktop_app/ui, fill the Russian ones
# from the table in tools/fill_translations_ru.py (and English plural forms), compile the .qm files.
TS_DIR := resources/translations
UI_SOURCES = $(shell find desktop_app/ui -name '*.py' | LC_ALL=C sort)

translations: $(STAMP)
	$(BIN)/python tools/message_catalogue.py
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -no-obsolete -locations none -target-language ru_RU \
		-ts $(TS_DIR)/dialogue_register_ru.ts
	$(BIN)/pyside6-lupdate $(UI_SOURCES) -no-obsolete -locations none -pluralonly -target-language en_GB \
		-ts $(TS_DIR)/dialogue_register_en.ts
	$(BIN)/python tools/fill_translations_ru.py
	$(BIN)/pyside6-lrelease -silent $(TS_DIR)/dialogue_register_ru.ts -qm $(TS_DIR)/dialogue_register_ru.qm
	$(BIN)/pyside6-lrelease -silent $(TS_DIR)/dialogue_register_en.ts -qm $(TS_DIR)/dialogue_register_en.qm

# The one-folder app (packaging/README.md): dist/DialogueRegister/. Not part of `make test`.
PACKAGE_STAMP := $(VENV)/.installed-package

$(PACKAGE_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test,package]"
	touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/dialogue_register.spec
	@du -sh dist/DialogueRegister

# Starts the built program (--version, check, demo, export) on a new database and checks its answers.
package-test: $(PACKAGE_STAMP)
	@test -x dist/DialogueRegister/DialogueRegister || { echo "run 'make package' first"; exit 1; }
	$(BIN)/python -m pytest -m packaging packaging/test_built_app.py -v

# Not part of `make test`: the program against plain baselines (benchmarks/run.py --help; SIZE=100000).
SIZE ?= 20000
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py --size $(SIZE)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
