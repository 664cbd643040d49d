"""The officer's name, asked once at first start and kept per user (QSettings): it authors every
edit made in this program (docs/exchange.md) and travels with the records."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from desktop_app.ui.settings import app_settings

if TYPE_CHECKING:
    from desktop_app.ui.dialogs.officer_dialog import OfficerDialog

_KEY = "officer/name"
LIMIT = 200  # the bundle's edited_by


def officer_name() -> str | None:
    value = app_settings().value(_KEY, "")
    name = value.strip() if isinstance(value, str) else ""
    return name[:LIMIT] or None


def set_officer_name(name: str) -> None:
    settings = app_settings()
    settings.setValue(_KEY, name.strip()[:LIMIT])
    settings.sync()


def ask_once(window: QWidget) -> OfficerDialog | None:
    """At the first start (no name kept for this user) ask for it over the window, without
    blocking it; the window's database takes the name once given."""
    if officer_name() is not None:
        return None
    from desktop_app.ui.dialogs.officer_dialog import OfficerDialog  # the first start only (issue 19)

    dialog = OfficerDialog(window)

    def given() -> None:
        database = getattr(window, "database", None)
        if database is not None:
            database.officer = officer_name()

    dialog.accepted.connect(given)
    QTimer.singleShot(0, dialog.open)
    return dialog
