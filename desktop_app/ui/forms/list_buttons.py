"""The add / remove / move up / move down buttons that sit beside every ordered list in the form."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget


class ListButtons(QWidget):
    def __init__(self, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.add = QPushButton(add_text, self)
        self.remove = QPushButton(self.tr("&Remove"), self)
        self.up = QPushButton(self.tr("Move &up"), self)
        self.down = QPushButton(self.tr("Move do&wn"), self)
        for button in (self.add, self.remove, self.up, self.down):
            layout.addWidget(button)
        layout.addStretch(1)
