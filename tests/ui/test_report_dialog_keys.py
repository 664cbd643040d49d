"""The Report dialog answers an Alt letter for each of its labels and buttons, each letter once, in
English and in Russian (round 18: it had none, so an officer without a mouse tabbed through eight
fields to reach Export). Driven by the letters the dialog shows: Alt+letter puts the focus on the
label's field or presses the button, as the officer's keyboard would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop_app.db.unit_of_work import Database
from desktop_app.ui.dialogs.report_dialog import ReportDialog
from tests.services.report_world import build_world
from tests.ui.test_entry_keys import mnemonic

# the offscreen platform cannot resize native windows; QTest warns that a Cyrillic key has no ASCII
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "keyToAscii Unhandled key code")

LETTERS = {"en": "pftsailoenhc", "ru": "еспртвнфэокз"}  # in the dialog's order: the table in the user guide


def _alt(qtbot, dialog: ReportDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    """Alt and the letter `text` underlines, sent to whatever has the focus (a Cyrillic letter's key is
    its Unicode code, as a Russian keyboard sends it)."""
    letter = mnemonic(text)
    assert letter, f"{text!r} has no Alt letter"
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)


def _has_focus(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


@pytest.mark.parametrize("language", ["en", "ru"])
def test_each_alt_letter_reaches_its_field_or_presses_its_button(qtbot, database: Database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 monkeypatch: pytest.MonkeyPatch, request,
                                                                 language: str) -> None:
    if language == "ru":
        request.getfixturevalue("russian")
    build_world(database)
    dialog = ReportDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    form = dialog.layout().itemAt(0).layout()
    close = next(b for b in dialog.findChildren(QAbstractButton) if b.text() in ("&Close", "&Закрыть"))
    label = {field: form.labelForField(field).text() for field in (dialog.series, dialog.country, dialog.format)}
    period = next(w for w in dialog.findChildren(QLabel) if w.buddy() is dialog.period).text()

    # every label of a field and every button has a letter, none shared, the ones the guide lists
    texts = [w.text() for w in dialog.findChildren(QLabel) if w.buddy() is not None]
    texts += [w.text() for w in dialog.findChildren(QAbstractButton) if w.text()]  # not the dates' calendar icons
    letters = [mnemonic(text) for text in texts]
    assert None not in letters, [t for t, letter in zip(texts, letters, strict=True) if letter is None]
    assert sorted(letters) == sorted(LETTERS[language]), texts  # type: ignore[type-var]

    dialog.preview.setFocus()
    _alt(qtbot, dialog, period)
    assert _has_focus(dialog.period)
    qtbot.keyClick(dialog.period, Qt.Key.Key_End)  # Custom: the dates can be typed
    assert dialog.date_from.isEnabled()
    for field, text in ((dialog.date_from, dialog.from_label.text()), (dialog.date_to, dialog.to_label.text()),
                        (dialog.series, label[dialog.series]), (dialog.country, label[dialog.country])):
        _alt(qtbot, dialog, text)
        assert _has_focus(field), text
    for box in (dialog.include_drafts, dialog.no_names):
        _alt(qtbot, dialog, box.text())
        qtbot.waitUntil(box.isChecked)  # a check box's letter ticks it after a short flash
        assert _has_focus(box)
    _alt(qtbot, dialog, label[dialog.format])
    assert _has_focus(dialog.format)
    qtbot.keyClick(dialog.format, Qt.Key.Key_End)  # the web page: the quickest to write
    assert dialog.format.currentData() == "html"

    target = tmp_path / "report.html"
    monkeypatch.setattr(dialog, "choose_target", lambda kind: target)
    _alt(qtbot, dialog, dialog.export_button.text())
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=20_000)
    assert target.exists()
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    _alt(qtbot, dialog, dialog.open_button.text())
    qtbot.waitUntil(lambda: len(opened) == 1)
    _alt(qtbot, dialog, dialog.folder_button.text())
    qtbot.waitUntil(lambda: len(opened) == 2)
    assert opened == [str(target), str(tmp_path)]
    _alt(qtbot, dialog, close.text())
    qtbot.waitUntil(lambda: not dialog.isVisible())
