"""In-place editing for the form's tables: choice lists, completion and dates inside cells."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.ui.translations import date_format
from desktop_app.ui.widgets.completion import contains_completer, set_offers
from desktop_app.ui.widgets.date_fields import DISPLAY_FORMAT

Index = QModelIndex | QPersistentModelIndex
PROBLEM_BACKGROUND = QColor("#fde2e1")


class ChoiceDelegate(QStyledItemDelegate):
    """A cell edited by choosing from a fixed list (side, role, sex, status)."""

    def __init__(self, choices: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems(self.choices)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data() or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class CompletingDelegate(QStyledItemDelegate):
    """A cell typed freely with completion; entries are asked for when the editor opens."""

    def __init__(self, entries: Callable[[], Sequence[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setCompleter(contains_completer(self.entries(), edit))
        return edit


class SearchingDelegate(QStyledItemDelegate):
    """A cell typed freely, with completion asked of the database as the officer types:
    `lookup(text)` returns the few entries matching it. For lists too long to load whole when a
    cell opens (every person in the file: over a second at 50,000 people)."""

    def __init__(self, lookup: Callable[[str], Sequence[str | tuple[str, str]]], parent: QWidget | None = None,
                 minimum: int = 2) -> None:
        super().__init__(parent)
        self.lookup = lookup
        self.minimum = minimum  # characters typed before asking

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QLineEdit(parent)
        completer = contains_completer((), edit)
        edit.setCompleter(completer)

        # the lookup has matched already (in any script and order): show its entries as they are,
        # the likeliest first; an entry may be (text put in the cell, text shown)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)

        def typed(text: str) -> None:
            entries = list(self.lookup(text)) if len(text.strip()) >= self.minimum else []
            set_offers(completer, entries)
            if entries:
                completer.setCompletionPrefix(text)
                completer.complete()

        edit.textEdited.connect(typed)
        return edit


class DateDelegate(QStyledItemDelegate):
    """A cell holding an optional date; the editor has a calendar popup, Delete empties the cell.

    The cell's text stays `yyyy-MM-dd` (what the form reads back); it is shown and edited in the
    window's date format."""

    def displayText(self, value: object, locale: QLocale) -> str:
        parsed = QDate.fromString(str(value or ""), DISPLAY_FORMAT)
        return parsed.toString(date_format()) if parsed.isValid() else super().displayText(value, locale)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format())
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        value = QDate.fromString(str(index.data() or ""), DISPLAY_FORMAT)
        editor.setDate(value if value.isValid() else QDate.currentDate())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date().toString(DISPLAY_FORMAT))


class EditTable(QTableWidget):
    """A table edited in place from the keyboard: F2/typing edits, Delete empties a cell."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                             & ~QAbstractItemView.EditTrigger.CurrentChanged)
        self.setTabKeyNavigation(False)  # Tab leaves the table, so the form's tab order holds
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setStretchLastSection(True)
        self.setAlternatingRowColors(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if (event.key() == Qt.Key.Key_Delete and item is not None and self.state() != self.State.EditingState
                and item.flags() & Qt.ItemFlag.ItemIsEditable):
            item.setText("")
            return
        super().keyPressEvent(event)

    def text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def put(self, row: int, column: int, text: str, editable: bool = True) -> QTableWidgetItem:
        item = self.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.setItem(row, column, item)
        item.setText(text)
        if not editable:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return item

    def stretch(self, column: int) -> None:
        self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def clear_marks(self) -> None:
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                item = self.item(row, column)
                if item is not None and item.toolTip():
                    item.setToolTip("")
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)

    def mark(self, row: int, column: int, message: str) -> None:
        if 0 <= row < self.rowCount():
            item = self.item(row, column) or self.put(row, column, "")
            item.setToolTip(message)
            item.setBackground(PROBLEM_BACKGROUND)
