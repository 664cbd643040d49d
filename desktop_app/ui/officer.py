"""The officer's name, asked once at first start and kept per user (QSettings): it authors every
edit made in this program (docs/exchange.md) and travels with the records."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.ui.settings import app_settings

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


class OfficerDialog(QDialog):
    """One line: your name as colleagues should read it beside your changes."""

    def __init__(self, parent: QWidget | None = None, current: str | None = None) -> None:
        # imported here: the first window needs none of them (issue 19)
        from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

        super().__init__(parent)
        self.setWindowTitle(self.tr("Your name"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Your name, as your colleagues will see it beside every change you make "
                               "(it travels with the records you exchange):"))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.name = QLineEdit(current or "")
        self.name.setMaxLength(LIMIT)
        self.name.setPlaceholderText(self.tr("e.g. Aigerim Zhumabayeva, EU Delegation Astana"))
        label.setBuddy(self.name)
        layout.addWidget(self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        self.ok.setEnabled(bool((current or "").strip()))

    def accept(self) -> None:
        if self.name.text().strip():
            set_officer_name(self.name.text())
            super().accept()


def ask_once(window: QWidget) -> OfficerDialog | None:
    """At the first start (no name kept for this user) ask for it over the window, without
    blocking it; the window's database takes the name once given."""
    if officer_name() is not None:
        return None
    dialog = OfficerDialog(window)

    def given() -> None:
        database = getattr(window, "database", None)
        if database is not None:
            database.officer = officer_name()

    dialog.accepted.connect(given)
    QTimer.singleShot(0, dialog.open)
    return dialog
