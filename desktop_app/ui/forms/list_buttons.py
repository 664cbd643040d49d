"""The add / remove / move up / move down buttons that sit beside every ordered list in the form."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget


class ListButtons(QWidget):
    """`texts` (remove, up, down) replace the usual ones where two lists share a tab, so that each
    button keeps an Alt+letter of its own."""

    def __init__(self, add_text: str, parent: QWidget | None = None,
                 texts: tuple[str, str, str] | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        remove, up, down = texts or (self.tr("&Remove"), self.tr("Move &up"), self.tr("Move do&wn"))
        self.add = QPushButton(add_text, self)
        self.remove = QPushButton(remove, self)
        self.up = QPushButton(up, self)
        self.down = QPushButton(down, self)
        for button in (self.add, self.remove, self.up, self.down):
            layout.addWidget(button)
        layout.addStretch(1)
