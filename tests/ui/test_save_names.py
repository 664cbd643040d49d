"""A save dialog asks about the name typed; when the program adds the extension, the file it then
replaces is one the dialog never asked about (round 16: "q3" replaced last quarter's "q3.pdf", and a
bundle exported as "week" replaced "week.json", without a word)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.db.unit_of_work import Database
from desktop_app.domain import list_records as r
from desktop_app.ui import exchange_actions
from tests.services.report_world import build_world


@pytest.mark.parametrize("replace", [False, True])
def test_exporting_a_bundle_as_a_name_without_json_asks_before_replacing_that_file(  # type: ignore[no-untyped-def]
        qtbot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, replace: bool) -> None:
    build_world(database)
    parent = QWidget()
    qtbot.addWidget(parent)
    existing = tmp_path / "week.json"
    existing.write_text("last week's bundle", encoding="utf-8")
    asked: list[str] = []

    def question(parent_, title, text, *buttons):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes if replace else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "week"), ""))
    written = exchange_actions.export_shown(parent, database, r.DialogueFilter())

    assert len(asked) == 1 and str(existing) in asked[0]
    if replace:
        assert written == existing and existing.read_text(encoding="utf-8").startswith("{")
    else:
        assert written is None and existing.read_text(encoding="utf-8") == "last week's bundle"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["week.json"]


def test_the_name_the_dialog_confirmed_is_not_asked_about_again(  # type: ignore[no-untyped-def]
        qtbot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    existing = tmp_path / "week.json"
    existing.write_text("last week's bundle", encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: pytest.fail("asked twice"))
    monkeypatch.setattr(QMessageBox, "information", lambda *args: None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(existing), ""))
    assert exchange_actions.export_shown(parent, database, r.DialogueFilter()) == existing
