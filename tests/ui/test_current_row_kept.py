"""The list's current row as the officer moves through it by keys (round 17): a Del made the top row
current, so a second Del meant for the next meeting moved the newest one to the trash; a click on a
column header lost the dialogue the officer was on; Ctrl+Z and the save after Ctrl+S left the row
current but not selected (`selectRow` with Ctrl held toggles), so Del then did nothing visible."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.factories import make_dialogue
from tests.ui.conftest import add_dialogues
from tests.ui.form_driving import activate

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
CTRL = Qt.KeyboardModifier.ControlModifier


def _at(window) -> tuple[str | None, list[str]]:  # type: ignore[no-untyped-def]
    """The current row's title and the selected rows' titles."""
    view = window.dialogues
    current = view.model.row_at(view.table.currentIndex().row())
    return (current.title if current else None,
            sorted(view.model.row_at(i.row()).title for i in view.table.selectionModel().selectedRows()))


@pytest.fixture
def six(qtbot, window, database):  # type: ignore[no-untyped-def]
    add_dialogues(database, *(make_dialogue(f"M{n}", start_date=date(2020, 1, n + 1)) for n in range(6)))
    window.reload()
    table = window.dialogues.table
    activate(qtbot, table)
    table.setFocus()
    return table


def test_del_leaves_the_next_row_current_and_ctrl_z_selects_what_it_put_back(qtbot, window, six) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        qtbot.keyClick(six, Qt.Key.Key_Down)
    assert _at(window) == ("M2", ["M2"])  # newest first: M5 M4 M3 M2 M1 M0
    qtbot.keyClick(six, Qt.Key.Key_Delete)
    assert _at(window) == ("M1", ["M1"])  # was M5, the top row
    qtbot.keyClick(six, Qt.Key.Key_Delete)
    assert _at(window) == ("M0", ["M0"])
    qtbot.keyClick(six, Qt.Key.Key_Delete)  # the last row: the one before it
    assert _at(window) == ("M3", ["M3"])
    qtbot.keyClick(six, Qt.Key.Key_Z, CTRL)
    assert _at(window) == ("M0", ["M0"])


def test_several_deleted_the_row_after_them_is_current(qtbot, window, six) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(six, Qt.Key.Key_Down)
    qtbot.keyClick(six, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert _at(window) == ("M3", ["M3", "M4"])
    qtbot.keyClick(six, Qt.Key.Key_Delete)
    assert _at(window) == ("M2", ["M2"])
    qtbot.keyClick(six, Qt.Key.Key_Z, CTRL)
    assert _at(window)[1] == ["M3", "M4"]


def test_a_sort_or_a_change_elsewhere_keeps_the_current_and_selected_dialogues(qtbot, window, six, database) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(six, Qt.Key.Key_Down)
    qtbot.keyClick(six, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    header = six.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_centre(header, 1))  # by title
    assert [window.dialogues.model.row_at(n).title for n in range(6)] == [f"M{n}" for n in range(6)]
    assert _at(window) == ("M3", ["M3", "M4"])
    add_dialogues(database, make_dialogue("Brought by a bundle", start_date=date(2019, 1, 1)))
    window.reload()
    assert _at(window) == ("M3", ["M3", "M4"])


def _centre(header, section: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_a_dialogue_far_down_the_list_stays_current_after_a_change_elsewhere(qtbot, window, database) -> None:  # type: ignore[no-untyped-def]
    """Scrolled past the first page: a save in another window reloaded the first page only, so the list
    jumped back to its top row."""
    from tests.ui.conftest import add_bare_dialogues

    add_bare_dialogues(database, 700)
    window.reload()
    table = window.dialogues.table
    activate(qtbot, table)
    table.setFocus()
    for _ in range(10):  # the next page is read as the end of the rows read comes into sight
        table.scrollToBottom()
        qtbot.wait(20)
    assert window.dialogues.model.fetched == 700
    qtbot.keyClick(table, Qt.Key.Key_End, CTRL)  # the last row
    for _ in range(3):
        qtbot.keyClick(table, Qt.Key.Key_Up)
    wanted = _at(window)
    assert wanted[0] == "Meeting 00003" and table.currentIndex().row() == 696
    add_dialogues(database, make_dialogue("Saved elsewhere", start_date=date(2030, 1, 1)))
    window.reload()
    assert _at(window) == wanted and table.currentIndex().row() == 697
