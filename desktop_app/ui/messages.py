"""Every question and notice the UI puts to the officer goes through here, so that each is one
clear sentence in a consistent dialog, and tests can answer them without a blocking window.

A message may come straight from a service (`error.message`, a summary's lines): each function shows
it through `texts.shown`, so a `Text` appears in the window's language (README "Languages").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.ui.texts import shown, shown_lines
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP

TITLE = QT_TRANSLATE_NOOP("Messages", "Dialogue Register")


def _title(title: str | None) -> str:
    return shown(title) if title is not None else QCoreApplication.translate("Messages", TITLE)


def lines(texts: list[str]) -> str:
    """Several messages as one text, one a line, each in the window's language (a check's report)."""
    return shown_lines(texts)


def inform(parent: QWidget | None, text: str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox  # where used: the first window needs none (issue 19)

    QMessageBox.information(parent, _title(title), shown(text))


def warn(parent: QWidget | None, text: str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, _title(title), shown(text))


def fail(parent: QWidget | None, text: str, title: str | None = None) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, _title(title), shown(text))


def confirm(parent: QWidget | None, text: str, title: str | None = None) -> bool:
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, _title(title), shown(text),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, text: str, options: list[str], title: str | None = None) -> int | None:
    """One of several named answers (plus Cancel): the index chosen, or None when cancelled."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, _title(title), shown(text), QMessageBox.StandardButton.Cancel,
                      parent)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    box.exec()
    clicked = box.clickedButton()
    for number, button in enumerate(buttons):
        if clicked is button:
            return number
    return None
