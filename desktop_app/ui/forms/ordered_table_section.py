"""An ordered list edited as a table (agenda items, follow-up actions): add, remove, move."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from desktop_app.ui.forms.list_buttons import ListButtons
from desktop_app.ui.forms.pasted_rows import left_out_columns, read_cells
from desktop_app.ui.widgets.as_stored import as_stored
from desktop_app.ui.widgets.table_editing import EditTable

SHOWN_ROLE = Qt.ItemDataRole.UserRole + 7  # a cell's shown text and the stored value it shows


class OrderedTableSection(QWidget):
    """The table is the state: rows are read back into records whenever the form asks."""

    changed = Signal(str)
    told = Signal(str)  # a sentence for the window's status bar

    def __init__(self, key: str, headers: Sequence[str], add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.table = EditTable(headers, self)
        self.table.grow = self.add_row  # Tab on the last cell of a filled last row
        self.table.paste_rows = self.paste_rows  # Ctrl+V of several lines: several rows
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

    def append_blank(self) -> int:
        """A new empty row at the end (signals blocked); its number."""
        row = self.table.rowCount()
        blocked = self.table.blockSignals(True)
        self.table.insertRow(row)
        for column, text in enumerate(self.new_row_texts()):
            self.table.put(row, column, text)
        self.prepare_row(row)
        self.table.blockSignals(blocked)
        return row

    def prepare_row(self, row: int) -> None:
        """What a new row holds beside its texts (an action's status); nothing here."""

    def paste_rows(self, text: str) -> bool:
        """Lines copied from Word, Excel or a web page (Ctrl+V, also in an open cell) become rows, the
        cells of a line split at its tabs into the `pasted_columns`: the first line into the current
        row when those cells are empty (a row just added), the others added at the end. Round 14:
        an agenda pasted into a cell was saved as one item holding line breaks."""
        columns = self.pasted_columns()
        pasted = read_cells(text, columns, self.column_words())
        if not pasted.rows:
            return False
        row = self.table.currentRow()
        blocked = self.table.blockSignals(True)
        for cells in pasted.rows:
            if not (0 <= row < self.table.rowCount() and not any(self.table.text(row, c) for c in columns)):
                row = self.append_blank()
            for column, cell in cells.items():
                self.table.put(row, column, self.pasted_text(column, cell))
            row = -1  # the next line goes into a new row
        self.table.blockSignals(blocked)
        last = self.table.rowCount() - 1
        self.table.setCurrentCell(last, columns[0])
        self.table.setFocus()
        self.changed.emit(f"{self.key}.paste")
        if pasted.left_out:  # copied but with no place here: named, never dropped unseen (round 16)
            self.told.emit(left_out_columns(pasted.left_out))
        return True

    def pasted_text(self, column: int, text: str) -> str:
        """What a pasted cell holds: the text as copied here; a date cell holds the date read."""
        return text

    def column_words(self) -> dict[int, set[str]]:
        """What a header line calls each pasted column (lower case), so a copied table's first line
        naming them is not a row and its columns go where their names say (`read_cells`)."""
        return {}

    def pasted_columns(self) -> tuple[int, ...]:
        """The columns a pasted line's cells fill, in order: every column here."""
        return tuple(range(self.table.columnCount()))

    def add_row(self) -> None:
        row = self.append_blank()
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
        """Swap the current row with its neighbour, each cell's item whole: its text and all it keeps
        (an id, a choice's value, the value it showed) move with the row."""
        row, column = self.table.currentRow(), self.table.currentColumn()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for c in range(self.table.columnCount()):
            a, b = self.table.takeItem(row, c), self.table.takeItem(other, c)
            if b is not None:
                self.table.setItem(row, c, b)
            if a is not None:
                self.table.setItem(other, c, a)
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

    def show_stored(self, row: int, column: int, value: object) -> None:
        """Remember that the cell shows the stored `value` (read back by `stored`)."""
        if (item := self.table.item(row, column)) is not None:
            item.setData(SHOWN_ROLE, (item.text(), value))

    def stored(self, row: int, column: int, read: Callable[[str], Any]) -> Any:
        """The cell's value: the stored one it showed while its text is not edited (`as_stored`),
        otherwise its text (trimmed) read by `read`."""
        item = self.table.item(row, column)
        if item is None:
            return read("")
        shown = item.data(SHOWN_ROLE)
        return as_stored(shown if isinstance(shown, tuple) else None, item.text(), lambda text: read(text.strip()))

    def record_rows(self) -> range:
        """The rows the record holds: all but the rows at the end added here and never typed into
        (`left_blank`). Round 17: a Tab past the last row (or Add left empty) made Save refuse with
        "Agenda item 4 needs a title" for a row the officer never typed in. Only those at the end, so
        the rows before keep their numbers in the form's messages and marks."""
        end = self.table.rowCount()
        while end > 0 and self.left_blank(end - 1):
            end -= 1
        return range(end)

    def left_blank(self, row: int) -> bool:
        """A row added here with every cell empty and nothing stored behind it (an agenda item's id)."""
        return not self.hidden(row) and not any(self.table.text(row, c) for c in range(self.table.columnCount()))

    def rows(self) -> list[list[str]]:
        return [[self.table.text(row, c) for c in range(self.table.columnCount())]
                for row in range(self.table.rowCount())]
