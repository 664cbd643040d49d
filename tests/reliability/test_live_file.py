"""Issue 13, finding 1: the window's saves must survive any other process touching the same file.

Closing any descriptor of an SQLite file drops every POSIX lock the process holds on it, SQLite's
included. A window-like process that reads the live file with plain Python I/O (a header check on the
day of its automatic backup, Back up now, Check database) is left without locks; the next process to
close the database then believes it is the last, checkpoints and deletes the `-wal`, and the window
goes on writing into the deleted log: its saves are invisible to everyone and vanish when it ends.

Each case: a window-like process keeps a connection open; something runs (a CLI command in a second
process, or the window's own Back up now / Check database); the window saves; a third process must see
the save, also after a second save, and after the window is killed with SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.backups import back_up
from desktop_app.services.exchange.codec import bundle_to_json
from tests.factories import make_dialogue

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def _environment(home: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state")}


class Window:
    """The window-like process (tests/reliability/window_like.py) and its one-line answers."""

    def __init__(self, db: Path, environment: dict[str, str]) -> None:
        self.process = subprocess.Popen([PYTHON, "-m", "tests.reliability.window_like", str(db)], cwd=ROOT,
                                        env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ready = self._answer()
        assert self.ready.startswith("READY"), self.ready

    def _answer(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def ask(self, command: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        answer = self._answer()
        assert answer.startswith("OK"), answer
        return answer

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


def _titles_seen_by_a_third_process(db: Path) -> set[str]:
    """What any other program sees: a fresh process, a fresh connection, closed again."""
    script = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
              "print('\\n'.join(t for (t,) in c.execute('SELECT title FROM dialogues'))); c.close()")
    result = subprocess.run([PYTHON, "-c", script, str(db)], capture_output=True, text=True, check=True, timeout=60)
    return set(result.stdout.splitlines())


def _cli(db: Path, environment: dict[str, str], *arguments: str) -> None:
    result = subprocess.run([PYTHON, "-m", "desktop_app", "--db", str(db), *arguments], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


CLI_COMMANDS = {
    "export": lambda folder: ("export", "-o", str(folder / "out.json")),
    "import": lambda folder: ("import", str(folder / "bundle.json")),
    "report": lambda folder: ("report", "-o", str(folder / "report.html")),
    "backup": lambda folder: ("backup",),
    "check": lambda folder: ("check",),
}


def _prepare(tmp_path: Path, daily_backup_due: bool) -> Path:
    db = tmp_path / "data" / "dialogues.sqlite3"
    database = open_database(db)
    try:
        DialogueRepository(database).save(make_dialogue("Already there"))
    finally:
        database.close()
    (tmp_path / "bundle.json").write_text(json.dumps(bundle_to_json([], [], [make_dialogue("From a colleague")],
                                                                    source="test")), encoding="utf-8")
    if not daily_backup_due:
        back_up(db, "daily")
    return db


def _saves_survive(db: Path, window: Window, label: str) -> None:
    window.ask(f"save {label} first")
    assert f"{label} first" in _titles_seen_by_a_third_process(db)
    window.ask(f"save {label} second")
    assert f"{label} second" in _titles_seen_by_a_third_process(db)
    window.kill()
    survivors = _titles_seen_by_a_third_process(db)
    assert {f"{label} first", f"{label} second", "Already there"} <= survivors
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(CLI_COMMANDS))
def test_a_command_run_while_the_window_is_open_loses_none_of_its_saves(tmp_path: Path, command: str) -> None:
    """On the day of the automatic backup, a command on the same file must not orphan the window's log."""
    db = _prepare(tmp_path, daily_backup_due=True)
    environment = _environment(tmp_path / "home")
    window = Window(db, environment)
    try:
        assert window.ready != "READY -", "the daily backup was due and must have been taken"
        window.ask("save before")
        _cli(db, environment, *CLI_COMMANDS[command](tmp_path))
        _saves_survive(db, window, f"after {command}")
    finally:
        if window.process.poll() is None:
            window.kill()


@pytest.mark.slow
@pytest.mark.parametrize("action", ["backup", "check", "open-again"])
def test_the_windows_own_backup_and_check_lose_none_of_its_saves(tmp_path: Path, action: str) -> None:
    """Back up now / Check database in the window's own process, then another process opens and closes."""
    db = _prepare(tmp_path, daily_backup_due=False)
    window = Window(db, _environment(tmp_path / "home"))
    try:
        assert window.ready == "READY -"
        window.ask("save before")
        window.ask(action)
        _saves_survive(db, window, f"after {action}")
    finally:
        if window.process.poll() is None:
            window.kill()


@pytest.mark.slow
@pytest.mark.parametrize("action", ["read-bundle", "read-list"])
def test_the_database_itself_picked_as_a_bundle_or_a_list_loses_none_of_the_windows_saves(
        tmp_path: Path, action: str) -> None:
    """File ▸ Import (its file dialog offers "All files") or the registration wizard given the open
    database: reading it with open() and closing the descriptor dropped the window's locks, and after
    the next command on the file the window's saves were lost. It is refused before any read."""
    db = _prepare(tmp_path, daily_backup_due=False)
    environment = _environment(tmp_path / "home")
    window = Window(db, environment)
    try:
        window.ask("save before")
        answer = window.ask(f"{action} {db}")
        assert "refused" in answer and "open database" in answer, answer
        _cli(db, environment, "list")
        _saves_survive(db, window, f"after {action}")
    finally:
        if window.process.poll() is None:
            window.kill()
