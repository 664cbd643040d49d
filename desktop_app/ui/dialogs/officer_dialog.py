"""The question of the officer's name (ui/officer.py asks it once, at the first start, over the window).

A module of its own: the usual start, which does not ask, builds no dialog class before the first
window's paint (issue 19)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.ui.officer import LIMIT, set_officer_name


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
