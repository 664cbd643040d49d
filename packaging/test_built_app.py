"""The built one-folder app (dist/DialogueRegister) works on a machine with no Python set up for it.

Run with `make package-test` after `make package`. Each test starts the frozen executable as an
officer would, with HOME and the data folders pointed at a fresh temporary directory and a clean
environment (no PYTHONPATH, no virtualenv), so nothing can leak in from the source checkout.

Every command of the command line runs here (test_every_command_is_exercised keeps that true when a
command is added), and every report format in both languages is opened with a real reader (pypdf,
python-docx, openpyxl, an HTML parser) and compared with what the source program writes from the same
database: a file, translation or library missing from the folder shows up as a difference.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop_app.db.migrate import SCHEMA_HEAD  # the built program must carry every migration up to it

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parent.parent
# DR_BUILT_APP: another built folder, e.g. the old-base build (make package-old-base) copied out of its chroot
APP = Path(os.environ.get("DR_BUILT_APP") or ROOT / "dist" / "DialogueRegister").absolute()
SUFFIX = ".exe" if sys.platform == "win32" else ""
GUI = APP / f"DialogueRegister{SUFFIX}"
CLI = APP / f"dialogue-register{SUFFIX}"
INTERNAL = APP / "_internal"
# Only a guard against a hung program, never a measure of speed: 8 engineers may share 2 cores.
HANG = 900


@pytest.fixture(scope="module", autouse=True)
def _built() -> None:
    if not GUI.exists():
        pytest.fail(f"{APP} is missing: run `make package` first")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TEMP", "TMP")}
    keep.setdefault("LANG", "C.UTF-8")  # as on an officer's desktop; without it Qt warns on stderr (make, cron)
    return {**keep, "HOME": str(home), "USERPROFILE": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"), "QT_QPA_PLATFORM": "offscreen"}


def bugs_logged(env: dict[str, str]) -> list[Path]:
    """The error log (desktop_app/errorlog.py) anywhere in the home; activity.log of every run is not one."""
    return list(Path(env["HOME"]).rglob("dialogue-register.log"))


def run(exe: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=HANG, check=False)


def test_version(env: dict[str, str], tmp_path: Path) -> None:
    from desktop_app import __version__

    for exe in (GUI, CLI):
        result = run(exe, "--version", env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"dialogue-register {__version__}"


def test_check_on_a_new_database_runs_the_shipped_migrations(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    result = run(CLI, "--db", str(db), "check", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"Schema version: {SCHEMA_HEAD} (this program: {SCHEMA_HEAD})" in result.stdout
    assert result.stdout.strip().endswith("The database is sound.")
    with sqlite3.connect(db) as connection:  # Alembic really ran from the files inside _internal
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [(SCHEMA_HEAD,)]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"dialogues", "delegations", "participants", "people", "institutions"} <= tables


def test_demo_then_export_writes_a_valid_bundle(env: dict[str, str], tmp_path: Path) -> None:
    import jsonschema

    db, bundle = tmp_path / "demo.sqlite3", tmp_path / "all.json"
    demo = run(GUI, "--db", str(db), "demo", env=env, cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert "Added: 4 dialogues, 12 people, 8 institutions" in demo.stdout
    again = run(GUI, "--db", str(db), "demo", env=env, cwd=tmp_path)
    assert "Added: 0 dialogues" in again.stdout  # twice is the same as once

    export = run(CLI, "--db", str(db), "export", "-o", str(bundle), env=env, cwd=tmp_path)
    assert export.returncode == 0, export.stderr
    assert export.stdout.strip() == f"4 dialogues exported to {bundle}."
    data = json.loads(bundle.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "resources" / "contracts" / "bundle-v2.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert len(data["dialogues"]) == 4
    names = {name for person in data["people"] for name in [person["name"], *person["other_names"]]}
    assert "Зарина Саидова" in names  # Cyrillic survives the frozen program's I/O

    # importing it elsewhere runs the bundle validation (jsonschema and its metaschemas) inside the app
    other = tmp_path / "other.sqlite3"
    imported = run(CLI, "--db", str(other), "import", str(bundle), env=env, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert "Added: 4 dialogues, 12 people, 8 institutions" in imported.stdout


def test_a_broken_bundle_is_refused_with_one_sentence(env: dict[str, str], tmp_path: Path) -> None:
    bundle = tmp_path / "broken.json"
    bundle.write_text(json.dumps({"format": "dialogue-register/bundle", "version": 1, "dialogues": "no"}),
                      encoding="utf-8")
    db = tmp_path / "untouched.sqlite3"
    result = run(CLI, "--db", str(db), "import", str(bundle), env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not db.exists()  # refused before the database was even opened


def test_bad_input_is_one_sentence_not_a_traceback(env: dict[str, str], tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("this is not a database", encoding="utf-8")
    result = run(CLI, "--db", str(not_a_db), "check", env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "The database is NOT sound" in result.stdout
    assert not_a_db.read_text(encoding="utf-8") == "this is not a database"


def test_window_opens_with_the_demo_records(env: dict[str, str], tmp_path: Path) -> None:
    """The Qt platform plugins and the UI modules made it into the folder (offscreen here): `gui --demo`
    loads the samples, shows the window and describes it from inside its running event loop."""
    db, report = tmp_path / "gui.sqlite3", tmp_path / "window.json"
    result = subprocess.run([str(GUI), "--db", str(db), "gui", "--demo"],
                            env={**env, "DIALOGUE_REGISTER_WINDOW_REPORT": str(report)}, cwd=tmp_path,
                            capture_output=True, text=True, timeout=HANG, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Could not load the Qt platform plugin" not in result.stderr
    assert "gui.sqlite3" in json.loads(report.read_text(encoding="utf-8"))["title"]
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT count(*) FROM dialogues").fetchone() == (4,)


def test_gui_file_opens_the_database_given(env: dict[str, str], tmp_path: Path) -> None:
    """`gui FILE` with a database (contract v2; the menu entry's "Open with") opens that one."""
    other, report = tmp_path / "given" / "chosen.sqlite3", tmp_path / "window.json"
    other.parent.mkdir()
    assert run(CLI, "--db", str(other), "demo", env=env, cwd=tmp_path).returncode == 0
    result = subprocess.run([str(GUI), "--db", str(tmp_path / "usual.sqlite3"), "gui", str(other)],
                            env={**env, "DIALOGUE_REGISTER_WINDOW_REPORT": str(report)}, cwd=tmp_path,
                            capture_output=True, text=True, timeout=HANG, check=False)
    assert result.returncode == 0, result.stderr
    assert "chosen.sqlite3" in json.loads(report.read_text(encoding="utf-8"))["title"]


@pytest.mark.parametrize(("language", "menus", "locale"), [
    ("ru", ["Файл", "Правка", "Вид", "Справка"], "ru"),
    ("en", ["File", "Edit", "View", "Help"], "en")])
def test_the_built_window_speaks_the_chosen_language(env: dict[str, str], tmp_path: Path, language: str,
                                                     menus: list[str], locale: str) -> None:
    """The catalogues made it into the folder and are found there: what someone with no Python gets."""
    report = tmp_path / "window.json"
    result = subprocess.run([str(GUI), "--lang", language, "--db", str(tmp_path / "lang.sqlite3"), "gui"],
                            env={**env, "DIALOGUE_REGISTER_WINDOW_REPORT": str(report)}, cwd=tmp_path,
                            capture_output=True, text=True, timeout=HANG, check=False)
    assert result.returncode == 0, result.stderr
    shown = json.loads(report.read_text(encoding="utf-8"))
    assert shown["menus"] == menus
    assert shown["locale"].startswith(locale)
    assert "lang.sqlite3" in shown["title"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .desktop entry is for Linux")
def test_linux_menu_entry_installs_and_points_at_the_folder(env: dict[str, str], tmp_path: Path) -> None:
    result = subprocess.run([str(APP / "install-desktop-entry.sh")], env=env, capture_output=True, text=True,
                            timeout=HANG, check=False)
    assert result.returncode == 0, result.stderr
    data = Path(env["XDG_DATA_HOME"])
    entry = (data / "applications" / "dialogue-register.desktop").read_text(encoding="utf-8")
    assert f'Exec="{GUI}" gui %f' in entry.splitlines()  # "Open with" hands the file to `gui FILE`
    assert f"TryExec={GUI}" in entry.splitlines()  # the entry hides itself once the folder is gone
    assert entry.count("MimeType=") == 1
    assert "Icon=dialogue-register" in entry.splitlines()
    for size in (16, 48, 256):
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "dialogue-register.png").is_file()
    removed = subprocess.run([str(APP / "install-desktop-entry.sh"), "--remove"], env=env, capture_output=True,
                             text=True, timeout=HANG, check=False)
    assert removed.returncode == 0
    assert not (data / "applications" / "dialogue-register.desktop").exists()


def test_the_folder_holds_resources_and_migrations() -> None:
    for relative in ("resources/reference/countries.json", "resources/samples/demo-bundle.json",
                     "resources/contracts/bundle-v1.schema.json", "resources/icons/toolbar/LICENSE-tabler-icons.txt",
                     "resources/icons/app/dialogue-register.svg", "resources/translations/dialogue_register_ru.qm",
                     "desktop_app/db/migrations/env.py", "desktop_app/db/migrations/script.py.mako",
                     "desktop_app/db/migrations/versions/0001_initial_schema.py"):
        assert (INTERNAL / relative).is_file(), relative
    assert list(INTERNAL.rglob("qtbase_ru.qm")), "Qt's own Russian (standard buttons, file dialog) is missing"
    assert not list(INTERNAL.rglob("libQt6Qml*")), "Qt Quick/QML should not be shipped"



# --- every command, every report format, both languages --------------------------------------------

EXERCISED_COMMANDS = {"gui", "demo", "import", "export", "report", "backup", "restore", "check", "list", "people",
                      "actions", "document", "conflicts", "import-list"}
REPORT_FORMATS = ("pdf", "docx", "xlsx", "html")
SOURCE = [sys.executable, "-m", "desktop_app"]  # the same program from the checkout, for comparison


def test_every_command_is_exercised() -> None:
    """A command added to the CLI must be added to this file too (and to EXERCISED_COMMANDS)."""
    import argparse

    from desktop_app.cli import build_parser

    commands = next(action for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction))
    assert set(commands.choices) == EXERCISED_COMMANDS


@pytest.fixture(scope="module")
def demo_world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One demo database made by the built program, shared by the report tests (each copies it)."""
    base = tmp_path_factory.mktemp("demo-world")
    home = base / "home"
    home.mkdir()
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_STATE_HOME": str(home / "state"), "QT_QPA_PLATFORM": "offscreen",
           "LANG": os.environ.get("LANG") or "C.UTF-8"}
    db = base / "database" / "demo.sqlite3"
    db.parent.mkdir()
    result = run(CLI, "--db", str(db), "demo", env=env, cwd=base)
    assert result.returncode == 0, result.stderr
    return {"db": db, "base": base}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def report_text(path: Path, kind: str) -> str:
    """Everything a reader sees in the report, as words separated by single spaces."""
    if kind == "pdf":
        from pypdf import PdfReader

        text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    elif kind == "docx":
        from docx import Document

        document = Document(str(path))
        parts = [paragraph.text for paragraph in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        text = "\n".join(parts)
    elif kind == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True)
        parts = list(book.sheetnames)
        for sheet in book.worksheets:
            parts += [str(value) for row in sheet.iter_rows(values_only=True) for value in row if value is not None]
        book.close()
        text = "\n".join(parts)
    else:
        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8"))
        text = " ".join(parser.parts)
    text = re.sub(r"\b\d{1,2}:\d{2}(:\d{2})?\b", "HH:MM", text)  # the moment of generation differs
    return " ".join(text.split())


def xlsx_summary(path: Path) -> dict[str, object]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    summary = {row[0]: row[1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    book.close()
    return summary


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("kind", REPORT_FORMATS)
def test_every_report_format_in_both_languages(demo_world: dict[str, Path], tmp_path: Path, env: dict[str, str],
                                              kind: str, language: str) -> None:
    db = tmp_path / "db" / "demo.sqlite3"
    db.parent.mkdir()
    shutil.copy2(demo_world["db"], db)
    built, source = tmp_path / f"built-{language}.{kind}", tmp_path / f"source-{language}.{kind}"
    result = run(CLI, "--db", str(db), "--lang", language, "report", "-o", str(built), env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # the Word report failed here: no docx/parts folder
    # the demo's 4 dialogues less its draft: drafts are left out unless --include-drafts (contract §3 v2)
    assert result.stdout.strip() == f"Report of 3 dialogues written to {built}."
    assert result.stderr == ""
    assert not bugs_logged(env), "the built program logged a bug"

    text = report_text(built, kind)
    assert "EU-Central Asia Drug Dialogue 2023" in text  # the officers' own words, as typed
    if kind == "html":
        assert "Zarina Saidova" in text  # the participants' names (the Participants table)
    if language == "ru":
        # party and country names in Russian (the workbook's Russian comes with the report issue; until
        # then the comparison with the source program below is what checks its language)
        assert "Казахстан" in text or kind == "xlsx"
    else:
        assert "Kazakhstan" in text and "Казахстан" not in text
    if kind == "xlsx":
        assert list(xlsx_summary(built).values())[2] == 3  # Dialogues, stored as a number
    elif kind == "pdf":
        assert built.read_bytes().startswith(b"%PDF")

    # The source program, same database, same language: the built folder must say exactly the same.
    from_source = subprocess.run([*SOURCE, "--db", str(db), "--lang", language, "report", "-o", str(source)],
                                 env={**os.environ, **env}, cwd=tmp_path, capture_output=True, text=True,
                                 timeout=HANG, check=False)
    assert from_source.returncode == 0, from_source.stderr
    expected = report_text(source, kind)
    if kind == "pdf":  # line breaks may fall differently; the words must not
        assert sorted(text.split()) == sorted(expected.split())
    else:
        assert text == expected


def copy_of(demo_world: dict[str, Path], folder: Path) -> Path:
    """A fresh copy of the demo database in its own folder (backups and locks go beside it)."""
    folder.mkdir(parents=True)
    db = folder / "demo.sqlite3"
    shutil.copy2(demo_world["db"], db)
    return db


def from_source(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The same command run by the program in the checkout, for comparison with the built one."""
    return subprocess.run([*SOURCE, *args], env={**os.environ, **env}, cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=HANG, check=False)


# (command and options, what its output must hold in English, in Russian)
LISTINGS = [
    (("list",), "EU-Central Asia Drug Dialogue 2023", "Окончательный"),
    (("list", "--search", "Жумабаева", "--country", "kz"), "Bishkek", "Бишкек"),  # her name in another script
    (("list", "--status", "draft", "--from", "2024-01-01", "--to", "2024-12-31"), "Draft", "Черновик"),
    (("people",), "Zarina Saidova", "Другие написания"),
    (("people", "--search", "Saidova"), "Зарина Саидова", "Ж"),
    (("actions",), "Open (overdue)", "Открыто (просрочено)"),
    (("actions", "--status", "done", "--owner", "EUDA"), "Circulate the European Drug Report", "Выполнено"),
]


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize(("args", "english", "russian"), LISTINGS, ids=[" ".join(a[0]) for a in LISTINGS])
def test_list_people_and_actions_as_tables_in_both_languages(demo_world: dict[str, Path], tmp_path: Path,
                                                             env: dict[str, str], args: tuple[str, ...],
                                                             english: str, russian: str, language: str) -> None:
    db = copy_of(demo_world, tmp_path / "db")
    built = run(CLI, "--db", str(db), "--lang", language, *args, env=env, cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert built.stderr == ""
    assert (russian if language == "ru" else english) in built.stdout
    if language == "en":
        assert not re.search("[а-яА-Я]", built.stdout.splitlines()[0])  # the header row is English
    source = from_source(env, tmp_path, "--db", str(db), "--lang", language, *args)
    assert source.returncode == 0, source.stderr
    assert built.stdout == source.stdout
    assert not bugs_logged(env), "the built program logged a bug"


@pytest.mark.parametrize("kind", ["json", "csv"])
@pytest.mark.parametrize("command", ["list", "people", "actions"])
def test_list_people_and_actions_for_programs(demo_world: dict[str, Path], tmp_path: Path, env: dict[str, str],
                                              command: str, kind: str) -> None:
    import csv
    import io

    columns = {"list": ["id", "start_date", "end_date", "title", "series", "city", "country", "chair",
                        "delegations", "participants", "status"],
               "people": ["id", "name", "other_names", "sex", "dialogues"],
               "actions": ["id", "dialogue_id", "dialogue", "description", "owner", "due_date", "status",
                           "carried_from"]}[command]
    db = copy_of(demo_world, tmp_path / "db")
    outputs = []
    for language in ("en", "ru"):  # for programs: the same whatever --lang says
        built = run(CLI, "--db", str(db), "--lang", language, command, "--format", kind, env=env, cwd=tmp_path)
        assert built.returncode == 0, built.stderr
        outputs.append(built.stdout)
    assert outputs[0] == outputs[1]
    if kind == "json":
        rows = json.loads(outputs[0])
        assert rows and all(list(row) == columns for row in rows)
        assert len(rows) == {"list": 4, "people": 12, "actions": 4}[command]
    else:
        table = list(csv.reader(io.StringIO(outputs[0])))
        assert table[0] == columns and len(table) > 1
    source = from_source(env, tmp_path, "--db", str(db), command, "--format", kind)
    assert source.returncode == 0, source.stderr
    assert outputs[0] == source.stdout


def _with_programme(db: Path) -> None:
    """The programme's details a Note Verbale needs (Settings ▸ Programme; no command sets them)."""
    from desktop_app.db.opening import open_database
    from desktop_app.db.repositories.programme import ProgrammeRepository
    from desktop_app.domain.programme import ProgrammeDetails

    database = open_database(db)
    try:
        ProgrammeRepository(database).save(ProgrammeDetails(
            name="Central Asia Drug Action Programme (CADAP 7)",
            sender="The Delegation of the European Union to the Republic of Kazakhstan",
            letterhead="DELEGATION OF THE EUROPEAN UNION TO THE REPUBLIC OF KAZAKHSTAN\nAstana / Астана",
            reference_pattern="CADAP/{year}/{party}/{number}",
            contact="Ms Anna Schmidt, programme officer\nanna.schmidt@example.org"))
    finally:
        database.close()


SEED, BISHKEK = "eb49bc6d", "15d174be"  # the 2023 dialogue (delegations only) and 2022 (9 attended)
DOCUMENTS = [("note-verbale", SEED, ("--party", "KZ", "--reply-by", "2023-11-20")),
             ("sign-in-sheet", BISHKEK, ()), ("participant-list", BISHKEK, ())]


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("kind", ["docx", "pdf"])
@pytest.mark.parametrize(("document", "dialogue", "extra"), DOCUMENTS, ids=[d[0] for d in DOCUMENTS])
def test_every_document_in_both_formats_and_languages(demo_world: dict[str, Path], tmp_path: Path,
                                                      env: dict[str, str], document: str, dialogue: str,
                                                      extra: tuple[str, ...], kind: str, language: str) -> None:
    texts = []
    for who in ("built", "source"):  # each on its own copy: a Note Verbale takes the next reference number
        db = copy_of(demo_world, tmp_path / who)
        _with_programme(db)
        target = tmp_path / f"{who}.{kind}"
        args = ("--db", str(db), "--lang", language, "document", document, "--dialogue", dialogue, *extra,
                "-o", str(target))
        result = run(CLI, *args, env=env, cwd=tmp_path) if who == "built" else from_source(env, tmp_path, *args)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == f"Written to {target}."
        texts.append(report_text(target, kind))
    built, source = texts
    if document != "note-verbale":
        assert "Lukas Weber" in built  # who came, by name as typed
    if document == "note-verbale":
        assert ("свидетельствует своё уважение" if language == "ru" else "presents its compliments") in built
    if language == "ru":
        assert "Кыргызстан" in built or "Казахстан" in built
    if kind == "pdf":
        assert (tmp_path / "built.pdf").read_bytes().startswith(b"%PDF")
        assert sorted(built.split()) == sorted(source.split())
    else:
        assert built == source
    assert not bugs_logged(env), "the built program logged a bug"


def test_conflicts_listed_and_resolved_by_the_built_program(env: dict[str, str], tmp_path: Path) -> None:
    from dataclasses import replace

    from desktop_app.db.opening import open_database
    from desktop_app.db.repositories.dialogues import DialogueRepository

    ours, theirs = tmp_path / "ours" / "d.sqlite3", tmp_path / "theirs" / "d.sqlite3"
    ours.parent.mkdir()
    theirs.parent.mkdir()
    assert run(CLI, "--db", str(ours), "demo", env=env, cwd=tmp_path).returncode == 0
    assert run(CLI, "--db", str(ours), "export", "-o", str(tmp_path / "a.json"), env=env, cwd=tmp_path).returncode == 0
    assert run(CLI, "--db", str(theirs), "import", str(tmp_path / "a.json"), env=env, cwd=tmp_path).returncode == 0
    full_id = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["dialogues"][0]["id"]
    for path, title in ((ours, "Our title"), (theirs, "Their title")):  # both edit one title (the form's save)
        database = open_database(path)
        database.officer = f"{path.parent.name} officer"
        repository = DialogueRepository(database)
        repository.save(replace(repository.get(full_id), title=title))
        database.close()
    exported = run(CLI, "--db", str(theirs), "export", "-o", str(tmp_path / "b.json"), env=env, cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    imported = run(CLI, "--db", str(ours), "import", str(tmp_path / "b.json"), env=env, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr  # conflicts still exit 0
    assert "conflict: dialogue" in imported.stdout

    table = run(CLI, "--db", str(ours), "conflicts", env=env, cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert "Our title" in table.stdout and "Their title" in table.stdout and "theirs officer" in table.stdout
    listed = json.loads(run(CLI, "--db", str(ours), "conflicts", "--format", "json", env=env, cwd=tmp_path).stdout)
    assert [c["record_id"] for c in listed] == [full_id]
    resolved = run(CLI, "--db", str(ours), "--officer", "Coordinator", "conflicts", "--resolve", str(listed[0]["id"]),
                   "--keep", "theirs", env=env, cwd=tmp_path)
    assert resolved.returncode == 0, resolved.stderr
    assert run(CLI, "--db", str(ours), "conflicts", env=env, cwd=tmp_path).stdout.strip() == "No conflicts wait."
    titles = {row["id"]: row["title"] for row in json.loads(
        run(CLI, "--db", str(ours), "list", "--format", "json", env=env, cwd=tmp_path).stdout)}
    assert titles[full_id] == "Their title"


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_import_list_through_the_built_program(demo_world: dict[str, Path], tmp_path: Path, env: dict[str, str],
                                               kind: str) -> None:
    """A registration list in English (.xlsx) or Russian headers (.csv, Windows-1251 as Excel saves it)."""
    db = copy_of(demo_world, tmp_path / "db")
    rows = [("Name", "Position", "Institution", "Country", "Sex", "E-mail"),
            ("Erlan Kasymov", "Expert", "Ministry of Health", "KZ", "M", ""),
            ("Timur Hasanov", "Expert", "Drug Control Agency", "Narnia", "M", "")]  # set aside: no such country
    path = tmp_path / f"list.{kind}"
    if kind == "xlsx":
        from openpyxl import Workbook

        book = Workbook()
        for row in rows:
            book.active.append(list(row))
        book.save(path)
    else:
        russian = [("ФИО", "Должность", "Организация", "Страна", "Пол", "Эл. почта"),
                   ("Ерлан Касымов", "Эксперт", "Министерство здравоохранения", "Казахстан", "М", ""),
                   ("Тимур Хасанов", "Эксперт", "Агентство", "Нарния", "М", "")]
        path.write_bytes("\r\n".join(";".join(row) for row in russian).encode("cp1251") + b"\r\n")
    dry = run(CLI, "--db", str(db), "import-list", str(path), "--dialogue", SEED, "--dry-run", env=env, cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "set aside: Row 3" in dry.stdout and "nothing was written" in dry.stdout
    done = run(CLI, "--db", str(db), "import-list", str(path), "--dialogue", SEED, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr  # the rest went in
    assert "1 rows were set aside" in done.stdout
    found = json.loads(run(CLI, "--db", str(db), "people", "--search", "Kasymov", "--format", "json", env=env,
                           cwd=tmp_path).stdout)
    assert len(found) == 1
    listed = json.loads(run(CLI, "--db", str(db), "list", "--search", "Kasymov", "--format", "json", env=env,
                            cwd=tmp_path).stdout)
    assert [row["id"][:8] for row in listed] == [SEED] and listed[0]["participants"] == 1


def test_import_dry_run_and_conflicting_bundle(env: dict[str, str], tmp_path: Path) -> None:
    db, bundle = tmp_path / "a.sqlite3", tmp_path / "all.json"
    assert run(CLI, "--db", str(db), "demo", env=env, cwd=tmp_path).returncode == 0
    assert run(CLI, "--db", str(db), "export", "-o", str(bundle), env=env, cwd=tmp_path).returncode == 0
    other = tmp_path / "b.sqlite3"
    dry = run(CLI, "--db", str(other), "import", str(bundle), "--dry-run", env=env, cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "Added:" in dry.stdout
    check = run(CLI, "--db", str(other), "export", "-o", str(tmp_path / "empty.json"), env=env, cwd=tmp_path)
    assert check.stdout.strip().startswith("0 dialogues exported")  # the dry run wrote nothing


def test_backup_then_restore(env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "work" / "main.sqlite3"
    db.parent.mkdir()
    assert run(CLI, "--db", str(db), "demo", env=env, cwd=tmp_path).returncode == 0
    copy = tmp_path / "copy.sqlite3"
    backup = run(CLI, "--db", str(db), "backup", "-o", str(copy), env=env, cwd=tmp_path)
    assert backup.returncode == 0, backup.stderr
    assert backup.stdout.strip() == f"Backup written to {copy}."
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM dialogues").fetchone()[0] == 4

    other = tmp_path / "other" / "fresh.sqlite3"
    other.parent.mkdir()
    assert run(CLI, "--db", str(other), "check", env=env, cwd=tmp_path).returncode == 0  # an empty database
    restored = run(CLI, "--db", str(other), "restore", str(copy), env=env, cwd=tmp_path)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith("Restored 4 dialogues and 12 people")
    assert list((other.parent / "backups").iterdir())  # what it replaced was kept
    check = run(CLI, "--db", str(other), "check", env=env, cwd=tmp_path)
    assert check.returncode == 0 and check.stdout.strip().endswith("The database is sound.")


def test_help_lists_every_command(env: dict[str, str], tmp_path: Path) -> None:
    result = run(CLI, "--help", env=env, cwd=tmp_path)
    assert result.returncode == 0
    for command in EXERCISED_COMMANDS:
        assert command in result.stdout


@pytest.mark.skipif(not hasattr(signal, "SIGPIPE"), reason="POSIX pipes")
def test_a_closed_pipe_ends_the_built_program_quietly(env: dict[str, str], tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([str(CLI), "--db", str(tmp_path / "p.sqlite3"), "demo"], stdout=write_end,
                                stderr=subprocess.PIPE, text=True, env=env, timeout=HANG, check=False)
    finally:
        os.close(write_end)
    assert result.returncode == 128 + signal.SIGPIPE
    assert result.stderr == ""
    assert not bugs_logged(env)


# --- what travels with the program ------------------------------------------------------------------

def test_licences_travel_with_the_program() -> None:
    """LICENSES.md promises the texts are in the folder: one folder per runtime dependency, and Qt's LGPL."""
    sys.path.insert(0, str(ROOT / "packaging"))
    from collect_licences import runtime_distributions

    licences = APP / "licenses"
    index = (licences / "INDEX.txt").read_text(encoding="utf-8")
    assert "NONE FOUND" not in index
    assert "MIT License" in (APP / "LICENSE.txt").read_text(encoding="utf-8")
    assert "The Dialogue Register authors" in (APP / "LICENSE.txt").read_text(encoding="utf-8")
    listed = re.sub(r"[^a-z0-9]", "", (ROOT / "LICENSES.md").read_text(encoding="utf-8").lower())
    for dist in runtime_distributions():
        name = dist.metadata["Name"]
        folder = licences / f"{re.sub(r'[-_.]+', '-', name).lower()}-{dist.version}"
        texts = [path for path in folder.iterdir() if path.stat().st_size > 200] if folder.is_dir() else []
        assert texts, f"no licence text for {name} {dist.version} in licenses/"
        assert re.sub(r"[^a-z0-9]", "", name.lower()).replace("pyside6essentials", "pyside6") in listed, name
    for qt in ("pyside6-essentials", "shiboken6"):
        folder = next(licences.glob(f"{qt}-*"))
        lgpl = (folder / "LGPL-3.0.txt").read_text(encoding="utf-8")
        assert "GNU LESSER GENERAL PUBLIC LICENSE" in lgpl and "Version 3, 29 June 2007" in lgpl
        assert "GNU GENERAL PUBLIC LICENSE" in (folder / "GPL-3.0.txt").read_text(encoding="utf-8")
    assert list(licences.glob("python-*/LICENSE.txt")), "Python's own licence (PSF) is missing"
    assert list(licences.glob("pyinstaller-*/COPYING.txt")), "the PyInstaller bootloader's licence is missing"


def test_the_folder_has_a_read_me_with_its_version() -> None:
    from desktop_app import __version__

    readme = (APP / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith(f"Dialogue Register {__version__}\n")
    for heading in ("START", "WHERE YOUR DATA IS", "UPDATE", "UNINSTALL", "LICENCES"):
        assert f"\n{heading}\n" in readme
    assert len(readme.splitlines()) <= 60  # one page


def test_python_docx_finds_its_templates_in_the_folder() -> None:
    assert (INTERNAL / "docx" / "parts").is_dir()
    for name in ("default.docx", "default-styles.xml", "default-settings.xml", "default-header.xml",
                 "default-footer.xml"):
        assert (INTERNAL / "docx" / "templates" / name).is_file(), name


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux folder layout")
def test_unused_qt_plugins_and_gtk_are_left_out() -> None:
    plugins = INTERNAL / "PySide6" / "Qt" / "plugins"
    assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
    assert not list(INTERNAL.rglob("libgtk-3*")) and not list(INTERNAL.rglob("libcairo*"))
    # QtNetwork stays for the window's local socket (one window per database), without TLS or
    # network-status plugins: it never goes on the network
    assert list(INTERNAL.rglob("QtNetwork.*")) and list(INTERNAL.rglob("libQt6Network.so*"))
    assert not (plugins / "tls").exists() and not (plugins / "networkinformation").exists()
    dangling = [path for path in APP.rglob("*") if path.is_symlink() and not path.exists()]
    assert not dangling, dangling
    for needed in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                   "platforminputcontexts/libibusplatforminputcontextplugin.so", "imageformats/libqsvg.so"):
        assert (plugins / needed).is_file(), needed


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux desktop files")
def test_desktop_entry_and_metainfo_validate() -> None:
    entry = (APP / "dialogue-register.desktop").read_text(encoding="utf-8").splitlines()
    assert "Exec=DialogueRegister gui %f" in entry
    mime = next(line for line in entry if line.startswith("MimeType=")).split("=", 1)[1].split(";")
    assert {"application/vnd.sqlite3", "application/json", "text/csv",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"} <= set(mime)
    metainfo = APP / "eu.cadap.dialogue_register.metainfo.xml"
    from desktop_app import __version__

    assert f'<release version="{__version__}"' in metainfo.read_text(encoding="utf-8")
    for tool, args in (("desktop-file-validate", [str(APP / "dialogue-register.desktop")]),
                       ("appstreamcli", ["validate", "--no-net", str(metainfo)])):
        if shutil.which(tool) is None:
            continue  # checked where the tools are installed (make release needs appstreamcli)
        checked = subprocess.run([tool, *args], capture_output=True, text=True, check=False)
        assert checked.returncode == 0, checked.stdout + checked.stderr


# The newest glibc the folder may need (docs/install.md, "Which systems it runs on"): 2.35 for a build
# on Debian 12 (libpython's hypot@GLIBC_2.35 alone; PySide6 6.10+ needs 2.34). A build on an older
# base (packaging/README.md, "Older Linux systems") needs less, never more.
# DR_NEWEST_GLIBC: the figure for another build (2.31 for `make package-test-old-base`).
NEWEST_GLIBC = tuple(int(part) for part in os.environ.get("DR_NEWEST_GLIBC", "2.35").split("."))


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("objdump") is None,
                    reason="ELF symbol versions, read with binutils' objdump")
def test_no_file_needs_a_newer_glibc_than_documented() -> None:
    newest: dict[Path, tuple[int, ...]] = {}
    for path in APP.rglob("*"):
        if path.is_symlink() or not path.is_file() or not (".so" in path.name or path in (GUI, CLI)):
            continue
        symbols = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True, check=False).stdout
        found = re.findall(r"GLIBC_(\d+(?:\.\d+)+)", symbols)
        versions = [tuple(int(part) for part in version.split(".")) for version in found]
        if versions:
            newest[path] = max(versions)
    assert newest, "objdump read no symbol versions"
    too_new = {str(path.relative_to(APP)): ".".join(map(str, version)) for path, version in newest.items()
               if version > NEWEST_GLIBC}
    assert too_new == {}
