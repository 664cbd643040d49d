"""The duplicates dialog: pairs listed with a score, merged after confirmation, or skipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.repositories.people import PeopleRepository
from desktop_app.ui.dialogs.duplicates_dialog import DuplicatesDialog
from tests.factories import add_people

# The offscreen platform cannot size top-level windows and says so; that is not a fault of ours.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def dialog(qtbot, database):
    add_people(database, "Aigerim Zhumabayeva", "Айгерим Жумабаева", "Timur Hasanov", "Тимур Хасанов", "Aliya Nurova")
    dialog = DuplicatesDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_pairs_are_listed_with_their_score(dialog) -> None:
    assert dialog.table.rowCount() == 2
    shown = {frozenset((dialog.table.item(r, 0).text(), dialog.table.item(r, 1).text()))
             for r in range(dialog.table.rowCount())}
    assert shown == {frozenset(("Aigerim Zhumabayeva", "Айгерим Жумабаева")),
                     frozenset(("Timur Hasanov", "Тимур Хасанов"))}
    assert dialog.table.item(0, 2).text() == "100"
    assert dialog.summary.text() == "2 pair(s) of people look like one person written differently."


def test_merge_after_confirmation_keeps_the_other_spelling(qtbot, dialog, database, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    left = dialog.table.item(0, 0).text()
    right = dialog.table.item(0, 1).text()
    with qtbot.waitSignal(dialog.people_merged):
        qtbot.mouseClick(dialog.keep_left, Qt.MouseButton.LeftButton)
    assert asked and right in asked[0]
    people = PeopleRepository(database).search()
    assert len(people) == 4
    merged = next(p for p in people if p.name == left)
    assert merged.other_names == (right,)
    assert dialog.table.rowCount() == 1


def test_declining_the_confirmation_merges_nothing(qtbot, dialog, database, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    qtbot.mouseClick(dialog.keep_right, Qt.MouseButton.LeftButton)
    assert len(PeopleRepository(database).search()) == 5
    assert dialog.table.rowCount() == 2


def test_skip_hides_the_pair(qtbot, dialog, database) -> None:
    qtbot.mouseClick(dialog.skip, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    qtbot.mouseClick(dialog.skip, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    assert dialog.summary.text() == "No probable duplicates were found."
    assert not dialog.keep_left.isEnabled()
    assert len(PeopleRepository(database).search()) == 5
