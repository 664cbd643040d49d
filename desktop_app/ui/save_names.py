"""The file a save dialog's answer names, once the program has added the extension the format needs.

A save dialog asks "replace?" about the name the officer typed. When that name lacks the extension
and the program adds it ("q3" becomes "q3.pdf"), the file then written is one the dialog never asked
about: an earlier "q3.pdf" would be replaced without a word (round 16). Every place that adds an
extension to a dialog's answer asks here first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.ui import messages


def may_write(parent: QWidget | None, chosen: Path, target: Path, title: str | None = None) -> bool:
    """True when `target` may be written for the dialog's answer `chosen`: it is the name the dialog
    confirmed, or a name the program made that no file has yet, or the officer agrees to replace it."""
    if target == chosen or not target.exists():
        return True
    question = QCoreApplication.translate("SaveNames", "%1 already exists. Replace it?")
    return messages.confirm(parent, question.replace("%1", str(target)), title)
