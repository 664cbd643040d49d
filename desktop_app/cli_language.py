"""The command line's sentences in the language of `--lang`.

The services write their sentences as `Text` (desktop_app/domain/texts.py), whose value is the
English: that is what the command line prints by default, without loading Qt. Under `--lang ru` the
same sentences are shown as the Russian window shows them, from the same catalogue and by the same
function (`desktop_app.ui.texts.shown`), counts included ("1 диалог", "2 диалога", "5 диалогов"), so
a sentence has one Russian text wherever it is read. Qt's catalogue needs a `QCoreApplication` (no
window, no display); the one already running (a test's) is used and its language given back after.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_application: list[Any] = []  # the QCoreApplication made here, kept for the rest of the command


def said(lines: Iterable[str], language: str | None) -> list[str]:
    """Each line in `language` ("ru"), or as written (English) for any other; plain `str`s stay as they are."""
    lines = list(lines)
    if language != "ru" or not lines:
        return [str(line) for line in lines]
    from PySide6.QtCore import QCoreApplication

    from desktop_app.ui import translations
    from desktop_app.ui.texts import shown

    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication([])
        _application.append(app)
    before = translations.ui_language()
    translations.install_chosen(language, app)
    try:
        return [shown(line) for line in lines]
    finally:
        if before != language:
            translations.install_chosen(before, app)


def print_lines(lines: Iterable[str], language: str | None) -> None:
    """The lines on stdout, one a line; nothing at all for none."""
    if shown := said(lines, language):
        print("\n".join(shown))
