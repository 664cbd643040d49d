"""Helpers that drive the dialogue form the way an officer does: by typing into real widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QTableWidget, QWidget


def key_clicks(qtbot, widget: QWidget, text: str) -> None:
    """Type text key by key. QTest only maps ASCII to keys, so other letters (Cyrillic) are sent
    as the key events a keyboard layout would produce: no key code, the character as text."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_text(qtbot, widget: QWidget, text: str, replace: bool = True) -> None:
    """Focus a field, select what is there (so typing replaces it) and type."""
    activate(qtbot, widget)
    widget.setFocus()
    if replace and isinstance(widget, QLineEdit):
        widget.selectAll()
    key_clicks(qtbot, widget, text)
    close_completion(qtbot, widget)


def close_completion(qtbot, widget: QWidget) -> None:
    """Escape closes a completion popup left open, as an officer would before moving on."""
    completer = widget.completer() if isinstance(widget, QLineEdit) else None
    if completer is not None and completer.popup().isVisible():
        qtbot.keyClick(widget, Qt.Key.Key_Escape)


def close_popups() -> None:
    """A completion popup left open takes every key; an officer's next click or Escape closes it."""
    while (popup := QApplication.activePopupWidget()) is not None:
        popup.hide()


def activate(qtbot, widget: QWidget) -> None:
    """Shortcuts go to the active window; the offscreen platform forgets it when a popup closes."""
    close_popups()
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)


def press(qtbot, window: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """Press a window shortcut (Ctrl+S, Ctrl+Z, ...) as the officer would."""
    activate(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def type_date(qtbot, edit: QLineEdit, text: str) -> None:
    """Type a date the way the officer writes it, over whatever the field holds."""
    edit.setFocus()
    edit.selectAll()
    key_clicks(qtbot, edit, text)


def _cell_editor(table: QTableWidget, row: int, column: int) -> QWidget | None:
    """The editor open over a cell: the visible viewport child covering the cell's centre."""
    centre = table.visualRect(table.model().index(row, column)).center()
    for widget in table.viewport().findChildren(QWidget):
        if widget.parent() is table.viewport() and widget.isVisible() and widget.geometry().contains(centre):
            return widget
    return None


def type_into_cell(qtbot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Open the cell's editor with F2 (unless already open), type, and commit with Return."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # closed editors go first
    activate(qtbot, table)
    editor = _cell_editor(table, row, column) if table.state() == QTableWidget.State.EditingState else None
    if editor is None:
        table.setFocus()
        table.setCurrentCell(row, column)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        editor = _cell_editor(table, row, column)
    assert editor is not None, "the cell editor did not open"
    editor.setFocus()
    if isinstance(editor, QLineEdit):
        editor.selectAll()
    key_clicks(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QTableWidget.State.EditingState)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""


def receiver() -> QWidget:
    """Where the application delivers a key now: an open popup (a completion list) takes every key,
    else the widget with the focus — what a real keyboard reaches, not a widget the test picked."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def keys(qtbot, text: str) -> None:
    """Type `text` one key at a time into whatever receives the keys (see `receiver`)."""
    for char in text:
        key_clicks(qtbot, receiver(), char)


def key(qtbot, code: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press one key (Tab, Return, Ctrl+S, ...) where the keyboard is now."""
    qtbot.keyClick(receiver(), code, modifiers)


def open_form(qtbot, database, dialogue=None):
    """The dialogue form shown as the officer opens it (None: a new dialogue); at the test's end it
    closes without asking about unsaved changes."""
    from desktop_app.ui.forms.dialogue_editor import DialogueEditor

    editor = DialogueEditor(database, dialogue)
    qtbot.addWidget(editor, before_close_func=lambda w: setattr(w, "is_modified", lambda: False))
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def open_only_dialogue(qtbot, window, dialogue) -> object:
    """`dialogue` stored as the list's only one, opened from the list with Return: its form."""
    from tests.ui.conftest import add_dialogues

    add_dialogues(window.database, dialogue)
    window.reload()
    table = window.dialogues.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    (editor, _), = window.editors.open_editors()
    qtbot.waitExposed(editor)
    return editor


def open_first_record(qtbot, window, page_key: Qt.Key):
    """Ctrl+2 (People) or Ctrl+3 (Institutions), then Home and Return on the page's only record:
    its edit dialog, shown."""
    press(qtbot, window, page_key, Qt.KeyboardModifier.ControlModifier)
    page = window.people if page_key == Qt.Key.Key_2 else window.institutions
    qtbot.waitUntil(lambda: len(page.model.records) == 1)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.person_dialog if page_key == Qt.Key.Key_2 else page.institution_dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    return dialog


def rename_in_dialog(qtbot, dialog, name: str) -> None:
    """Type a new name over the dialog's name and press Return (Save); wait until it closes."""
    dialog.name.setFocus()
    dialog.name.selectAll()
    key_clicks(qtbot, dialog.name, name)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def participants_form(qtbot, database, *names: str):
    """A meeting with these people in Kazakhstan's delegation, its form on the delegations tab
    (Ctrl+2), the participants' grid active: (dialogue, form, grid)."""
    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.domain import records as r
    from tests.factories import add_people, delegation_of, make_dialogue

    people = add_people(database, *names)
    dialogue = DialogueRepository(database).save(make_dialogue(
        delegations=(delegation_of(r.Party.country("KZ"), *people),)))
    editor = open_form(qtbot, database, dialogue)
    press(qtbot, editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    grid = editor.delegations.participants
    activate(qtbot, grid)
    return dialogue, editor, grid


def save_form(qtbot, editor) -> None:
    """Ctrl+S, as the officer saves, and wait until the form says it is saved."""
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.is_modified())


def stored_replica(db_path, dialogue_id: str) -> dict:
    """The dialogue's replication state as its `replica` column holds it."""
    import json
    import sqlite3

    with sqlite3.connect(db_path) as connection:
        (text,) = connection.execute("SELECT replica FROM dialogues WHERE id = ?", (dialogue_id,)).fetchone()
    return json.loads(text)["replica"]


def versioned_anew(db_path, dialogue, before: dict) -> list[str]:
    """The fields of `dialogue` the last save gave a new version (dot), against the state `before`
    (`stored_replica`); a field not listed in "dots" has the "default" dot."""
    from desktop_app.domain import record_fields as rf
    from desktop_app.domain import replication as rp

    after = stored_replica(db_path, dialogue.id)

    def dot(state: dict, field: str) -> object:
        return state.get("dots", {}).get(field, state.get("default"))

    return sorted(f for f in rp.flatten("dialogue", rf.dialogue_json(dialogue)) if dot(after, f) != dot(before, f))
