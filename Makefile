# Two commands: `make run` starts the app, `make test` runs every test headless.
# Both create .venv and install what is needed first; nothing else has to be installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean package package-test release translations mutation soak \
	package-old-base package-test-old-base release-old-base

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dialogue-register gui

# ruff, then mypy over desktop_app/ ([tool.mypy] in pyproject.toml; docs/architecture.md "Types").
lint: $(STAMP)
	$(BIN)/ruff check desktop_app tests benchmarks tools packaging
	$(BIN)/mypy

# Two worker processes (pytest-xdist): the suite is ~1,300 small tests, so two cores halve it
# (15.9 min serial, 8.7 min with two on the 2-core build VM). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= 2
test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS)

# The long property and fuzz runs (issue 21): the whole fuzz corpus, more hypothesis examples.
# Longer runs than `make test` allows: the whole fuzz corpus and the bundle-text property test
# (docs/files-and-backups.md), the six-offices scenario with its first round all through the command
# line (docs/exchange.md), and the replication state machine (docs/exchange.md) for SOAK_EXAMPLES
# examples of 60 steps each (default 200).
SOAK_EXAMPLES ?= 200
soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen DR_SOAK=1 $(BIN)/python -m pytest -m soak tests/fuzz tests/services/test_bundle_text_property.py \
		tests/services/test_six_officers.py
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

# The archive for this system and its SHA-256 file, verified (packaging/make_release.py), after the
# AppStream metainfo in the folder validates. Builds the folder first if it is missing.
release: $(PACKAGE_STAMP)
	@test -x dist/DialogueRegister/DialogueRegister || $(MAKE) package
	@if [ "$$(uname -s)" = Linux ]; then \
		command -v appstreamcli >/dev/null || { echo "appstreamcli is needed (apt-get install appstream)"; exit 1; }; \
		appstreamcli validate --no-net dist/DialogueRegister/eu.cadap.dialogue_register.metainfo.xml; fi
	$(BIN)/python packaging/make_release.py

# The Linux folder for glibc 2.31+ (Ubuntu 20.04/22.04, Debian 11/12, RHEL 9; docs/install.md): built
# with PyInstaller inside a Debian 11 chroot with a Python 3.11 built there and PySide6 6.9.3, copied out
# to dist/old-base/DialogueRegister and started inside the chroot (packaging/linux/build-old-base.sh;
# as root; the first run makes the chroot and builds Python, ~40 min). Then the whole built-app test
# on it, and its archive (…-glibc2.31.tar.gz).
OLD_BASE_CHROOT ?= /tmp/dr-bullseye
OLD_BASE_APP := dist/old-base/DialogueRegister

package-old-base:
	packaging/linux/build-old-base.sh $(OLD_BASE_CHROOT)

package-test-old-base: $(PACKAGE_STAMP)
	@test -x $(OLD_BASE_APP)/DialogueRegister || { echo "run 'make package-old-base' first"; exit 1; }
	DR_BUILT_APP=$(OLD_BASE_APP) DR_NEWEST_GLIBC=2.31 $(BIN)/python -m pytest -m packaging packaging/test_built_app.py -v

release-old-base: $(PACKAGE_STAMP)
	@test -x $(OLD_BASE_APP)/DialogueRegister || { echo "run 'make package-old-base' first"; exit 1; }
	appstreamcli validate --no-net $(OLD_BASE_APP)/eu.cadap.dialogue_register.metainfo.xml
	DR_BUILT_APP=$(OLD_BASE_APP) DR_RELEASE_TAG=glibc2.31 $(BIN)/python packaging/make_release.py

# Not part of `make test`: the program against plain baselines (benchmarks/run.py --help; SIZE=100000).
SIZE ?= 20000
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py --size $(SIZE)

# Not part of `make test`: mutation testing of the domain rules (docs/mutation.md); takes ~10 minutes.
mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet "mutmut>=3.3,<4"
	rm -rf mutants
	QT_QPA_PLATFORM=offscreen nice $(BIN)/mutmut run --max-children 2 > /dev/null 2>&1 || true
	$(BIN)/mutmut export-cicd-stats > /dev/null && cat mutants/mutmut-cicd-stats.json
	$(BIN)/mutmut results
	nice $(BIN)/python tools/sql_mutants.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache mutants
