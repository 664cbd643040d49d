"""An ordered list edited as a table (agenda items, follow-up actions): add, remove, move."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop_app.ui.forms.list_buttons import ListButtons
from desktop_app.ui.widgets.table_editing import EditTable


class OrderedTableSection(QWidget):
    """The table is the state: rows are read back into records whenever the form asks."""

    changed = Signal(str)

    def __init__(self, key: str, headers: Sequence[str], add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.table = EditTable(headers, self)
        self.table.grow = self.add_row  # Tab on the last cell of a filled last row
        self.buttons = ListButtons(add_text, self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.buttons.add.clicked.connect(self.add_row)
        self.buttons.remove.clicked.connect(self.remove_row)
        self.buttons.up.clicked.connect(lambda: self.move_row(-1))
        self.buttons.down.clicked.connect(lambda: self.move_row(+1))
        self.table.itemChanged.connect(lambda _item: self.changed.emit(f"{self.key}.cell"))
        self.setTabOrder(self.table, self.buttons.add)

    def new_row_texts(self) -> list[str]:
        return [""] * self.table.columnCount()

    def add_row(self) -> None:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, text in enumerate(self.new_row_texts()):
            self.table.put(row, column, text)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.changed.emit(f"{self.key}.add")
        if (first := self.table.item(row, 0)) is not None:
            self.table.editItem(first)

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit(f"{self.key}.remove")

    def move_row(self, step: int) -> None:
        row, column = self.table.currentRow(), self.table.currentColumn()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for c in range(self.table.columnCount()):
            a, b = self.table.text(row, c), self.table.text(other, c)
            a_data, b_data = self.hidden(row, c), self.hidden(other, c)
            self.table.put(row, c, b).setData(Qt.ItemDataRole.UserRole, b_data)
            self.table.put(other, c, a).setData(Qt.ItemDataRole.UserRole, a_data)
        self.table.blockSignals(False)
        self.table.setCurrentCell(other, max(column, 0))
        self.changed.emit(f"{self.key}.move")

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                self.table.put(row, column, text)
        self.table.blockSignals(False)

    def keep(self, row: int, value: object, column: int = 0) -> None:
        """Keep `value` beside the row's texts, out of sight (read back by `hidden`)."""
        if (item := self.table.item(row, column)) is not None:
            item.setData(Qt.ItemDataRole.UserRole, value)

    def hidden(self, row: int, column: int = 0) -> object:
        """What a row keeps beside its texts (an action's id and where it was carried from); it
        moves with the row."""
        item = self.table.item(row, column)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def rows(self) -> list[list[str]]:
        return [[self.table.text(row, c) for c in range(self.table.columnCount())]
                for row in range(self.table.rowCount())]
