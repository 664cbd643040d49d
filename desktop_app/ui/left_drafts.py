"""At start: forms left unsaved when the program last ended (a crash, a flat battery) are offered
back, so typed work is never silently lost and never silently saved either."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.services import drafts
from desktop_app.ui import messages

OPEN, LATER, DISCARD = range(3)


def ask_about_left_drafts(parent: QWidget, database: Database) -> list[drafts.Draft]:
    """The drafts the officer wants opened now; discarded ones are removed, 'Later' keeps them all."""
    try:
        left = drafts.left_drafts(database.path)
    except (OSError, UserError):
        return []
    if not left:
        return []
    untitled = QCoreApplication.translate("LeftDrafts", "(untitled)")
    titles = "\n".join(f"• {draft.dialogue.title or untitled} — {draft.saved_at.astimezone():%Y-%m-%d %H:%M}"
                       for draft in left[:10])
    text = QCoreApplication.translate(
        "LeftDrafts", "The program ended last time before these forms were saved. Their unsaved "
        "changes were kept:\n%1\n\nOpen them now to save or discard them?").replace("%1", titles)
    options = [QCoreApplication.translate("LeftDrafts", "Open them"),
               QCoreApplication.translate("LeftDrafts", "Later"),
               QCoreApplication.translate("LeftDrafts", "Discard the changes")]
    answer = messages.choose(parent, text, options)
    if answer == OPEN:
        return left
    if answer == DISCARD and messages.confirm(parent, QCoreApplication.translate(
            "LeftDrafts", "Throw away the unsaved changes for good?")):
        for draft in left:
            with contextlib.suppress(OSError, UserError):
                drafts.discard_draft(database.path, draft.dialogue.id)
    return []
