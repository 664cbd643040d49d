"""Logging is configured once, in four categories, into one file in the log folder."""

from __future__ import annotations

import logging

import pytest

from desktop_app import logs


def test_categories_are_the_four_named_ones() -> None:
    assert {logs.logger(name).name for name in logs.CATEGORIES} == {
        "dialogue_register.db", "dialogue_register.exchange", "dialogue_register.report", "dialogue_register.ui"}
    with pytest.raises(ValueError, match="unknown log category"):
        logs.logger("misc")


def test_configured_once_with_one_handler(monkeypatch) -> None:
    root = logging.getLogger(logs.ROOT)
    monkeypatch.setattr(logs, "_configured", False)
    monkeypatch.setattr(root, "handlers", [])
    logs.configure()
    logs.configure()
    assert len(root.handlers) == 1
    logs.logger("db").warning("a test line")
    root.handlers[0].flush()
    written = logs.log_dir() / "activity.log"
    assert "dialogue_register.db: a test line" in written.read_text(encoding="utf-8")


def test_a_held_start_writes_nothing_until_released_then_everything_in_order(monkeypatch, tmp_path) -> None:
    """The window's start (issue 19): the file is opened after the first paint, and nothing logged
    before it is lost."""
    root = logging.getLogger(logs.ROOT)
    monkeypatch.setattr(logs, "_configured", False)
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(logs, "log_dir", lambda: tmp_path / "logs")
    logs.configure(hold=True)
    logs.logger("ui").info("window opened %s", "register.sqlite3")
    logs.logger("db").warning("second line")
    assert not (tmp_path / "logs").exists()
    logs.release()
    logs.logger("db").info("after the paint")
    logs.release()  # once done, nothing more to do
    assert len(root.handlers) == 1
    root.handlers[0].flush()
    lines = (tmp_path / "logs" / "activity.log").read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 2)[2] for line in lines] == [
        "INFO dialogue_register.ui: window opened register.sqlite3", "WARNING dialogue_register.db: second line",
        "INFO dialogue_register.db: after the paint"]


def test_the_file_is_written_without_logging_handlers(tmp_path) -> None:
    """Round 7 (issue 19): the window opens its log right after the first paint; the standard rotating
    handler's module imports socket, pickle and queue (~20 M instructions) for a file handler."""
    import os
    import subprocess
    import sys

    probe = ("import sys\nfrom desktop_app import logs\nlogs.configure()\nlogs.logger('db').info('a line')\n"
             "print(sorted(name for name in ('logging.handlers', 'socket', 'pickle', 'queue') if name in sys.modules))")
    environment = dict(os.environ, HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"),
                       XDG_DATA_HOME=str(tmp_path / "data"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=environment,
                            timeout=60, check=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_the_file_turns_over_as_the_standard_rotating_handler_does(monkeypatch, tmp_path) -> None:
    """A new `activity.log` once the next line would reach the limit; the older ones `.1` (newest) to
    `.3`, the oldest dropped — what `RotatingFileHandler(maxBytes, backupCount=3)` did."""
    root = logging.getLogger(logs.ROOT)
    monkeypatch.setattr(logs, "_configured", False)
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(logs, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(logs, "MAX_BYTES", 400)
    logs.configure()
    for number in range(40):
        logs.logger("db").info("line %02d %s", number, "x" * 40)
    root.handlers[0].flush()
    folder = tmp_path / "logs"
    assert sorted(path.name for path in folder.iterdir()) == [
        "activity.log", "activity.log.1", "activity.log.2", "activity.log.3"]
    assert all(path.stat().st_size < 400 for path in folder.iterdir())
    texts = [(folder / name).read_text(encoding="utf-8") for name in
             ("activity.log.3", "activity.log.2", "activity.log.1", "activity.log")]
    numbers = [int(line.split("line ")[1][:2]) for text in texts for line in text.splitlines()]
    assert numbers == list(range(numbers[0], 40))  # in order, nothing lost but the oldest files
    root.handlers[0].close()
