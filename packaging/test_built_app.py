"""The built one-folder app (dist/DialogueRegister) works on a machine with no Python set up for it.

Run with `make package-test` after `make package`. Each test starts the frozen executable as an
officer would, with HOME and the data folders pointed at a fresh temporary directory and a clean
environment (no PYTHONPATH, no virtualenv), so nothing can leak in from the source checkout.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.db.migrate import SCHEMA_HEAD  # the built program must carry every migration up to it

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dist" / "DialogueRegister"
SUFFIX = ".exe" if sys.platform == "win32" else ""
GUI = APP / f"DialogueRegister{SUFFIX}"
CLI = APP / f"dialogue-register{SUFFIX}"
INTERNAL = APP / "_internal"


@pytest.fixture(scope="module", autouse=True)
def _built() -> None:
    if not GUI.exists():
        pytest.fail("dist/DialogueRegister is missing: run `make package` first")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir()
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TEMP", "TMP")}
    return {**keep, "HOME": str(home), "USERPROFILE": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"), "QT_QPA_PLATFORM": "offscreen"}


def run(exe: Path, *args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False)


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
    schema = json.loads((ROOT / "resources" / "contracts" / "bundle-v1.schema.json").read_text(encoding="utf-8"))
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


def test_window_opens_and_stays_open(env: dict[str, str], tmp_path: Path) -> None:
    """The Qt platform plugins and the UI modules made it into the folder (offscreen here)."""
    process = subprocess.Popen([str(GUI), "--db", str(tmp_path / "gui.sqlite3"), "gui", "--demo"], env=env,
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=8)  # still running: the event loop is up
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert "Traceback" not in stderr
    assert "Could not load the Qt platform plugin" not in stderr


@pytest.mark.parametrize(("language", "menus", "locale"), [
    ("ru", ["Файл", "Правка", "Вид", "Справка"], "ru"),
    ("en", ["File", "Edit", "View", "Help"], "en")])
def test_the_built_window_speaks_the_chosen_language(env: dict[str, str], tmp_path: Path, language: str,
                                                     menus: list[str], locale: str) -> None:
    """The catalogues made it into the folder and are found there: what someone with no Python gets."""
    report = tmp_path / "window.json"
    result = subprocess.run([str(GUI), "--lang", language, "--db", str(tmp_path / "lang.sqlite3"), "gui"],
                            env={**env, "DIALOGUE_REGISTER_WINDOW_REPORT": str(report)}, cwd=tmp_path,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    shown = json.loads(report.read_text(encoding="utf-8"))
    assert shown["menus"] == menus
    assert shown["locale"].startswith(locale)
    assert "lang.sqlite3" in shown["title"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the .desktop entry is for Linux")
def test_linux_menu_entry_installs_and_points_at_the_folder(env: dict[str, str], tmp_path: Path) -> None:
    result = subprocess.run([str(APP / "install-desktop-entry.sh")], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    data = Path(env["XDG_DATA_HOME"])
    entry = (data / "applications" / "dialogue-register.desktop").read_text(encoding="utf-8")
    assert f'Exec="{GUI}" %f' in entry.splitlines()
    assert "Icon=dialogue-register" in entry.splitlines()
    for size in (16, 48, 256):
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "dialogue-register.png").is_file()
    removed = subprocess.run([str(APP / "install-desktop-entry.sh"), "--remove"], env=env, capture_output=True,
                             text=True, timeout=60, check=False)
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
