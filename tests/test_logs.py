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
