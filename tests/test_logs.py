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
