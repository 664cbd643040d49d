"""In-place editing for the form's tables: choice lists, completion and dates inside cells."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.ui.translations import format_date
from desktop_app.ui.widgets.completion import COMPLETION_ROLE, contains_completer, set_offers
from desktop_app.ui.widgets.date_fields import DISPLAY_FORMAT, DateField, to_date
from desktop_app.ui.widgets.marks import marked_background

Index = QModelIndex | QPersistentModelIndex
HOVER_ROLE = Qt.ItemDataRole.UserRole + 1


def is_table(text: str) -> bool:
    """Clipboard text that is rows of cells (Excel, Word, a web page) rather than one cell's text."""
    return "\t" in text or "\n" in text.strip()


class Move(Enum):
    """Where a key sends the officer from a cell, as in a spreadsheet."""

    NEXT = "next"  # Tab: the next cell, then the next row
    PREVIOUS = "previous"  # Shift+Tab
    DOWN = "down"  # Return / Enter
    LEAVE = "leave"  # Ctrl+Tab: out of the table, to the next control
    LEAVE_BACK = "leave back"  # Ctrl+Shift+Tab


def move_for(event: QKeyEvent) -> Move | None:
    key, modifiers = event.key(), event.modifiers()
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    if modifiers & Qt.KeyboardModifier.AltModifier:
        return None
    backwards = key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab
                                              and modifiers & Qt.KeyboardModifier.ShiftModifier)
    if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        if ctrl:
            return Move.LEAVE_BACK if backwards else Move.LEAVE
        return Move.PREVIOUS if backwards else Move.NEXT
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not ctrl:
        return Move.DOWN
    return None


class GridDelegate(QStyledItemDelegate):
    """Every cell editor of an `EditTable`: Tab, Shift+Tab, Return and Ctrl+Tab take what is typed
    into the cell and move on — also while a completion list is open, whose highlighted entry Tab
    and Return accept. Without this, a completion popup hands Tab to the window, which moved the
    focus to the next button, where the next space pressed it."""

    def watch_completion(self, edit: QLineEdit) -> None:
        completer = edit.completer()
        if completer is not None and (popup := completer.popup()) is not None:
            popup.installEventFilter(self)  # installed last, so asked before the completer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            move = move_for(event)
            table = self.parent()
            if isinstance(table, EditTable) and move is None:
                table.typing.emit()  # a key into an open cell: its text may change (drafts follow it)
            if isinstance(table, EditTable) and not isinstance(watched, QAbstractItemView) and isinstance(
                    watched, QWidget) and table.pasted(event, watched):
                return True
            if move is not None and isinstance(table, EditTable):
                editor: QObject | None = watched
                if isinstance(watched, QAbstractItemView):  # a completion list open over the editor
                    editor = watched.focusProxy()
                    current = watched.currentIndex()
                    if isinstance(editor, QLineEdit) and watched.isVisible() and current.isValid():
                        # what the entry puts in the field (a person's name), not what it shows
                        chosen = current.data(COMPLETION_ROLE)
                        editor.setText(str(chosen if chosen is not None else current.data()))
                    watched.hide()
                if isinstance(editor, QWidget):
                    table.leave_editor(editor, move)
                    return True
        if isinstance(watched, QAbstractItemView):
            return False  # a popup is not an editor: nothing else here is for it
        return super().eventFilter(watched, event)


CHOICE_ROLE = Qt.ItemDataRole.UserRole  # moves with its row (OrderedTableSection.move_row)


def chosen(item: QTableWidgetItem | None, labels: Mapping[Any, str], default: Any = None) -> Any:
    """The value a choice cell holds (`labels`' key), read from the cell's data, never from its
    translated text: two values may share a label in some language, and a label may change."""
    data = item.data(CHOICE_ROLE) if item is not None else None
    return next((value for value in labels if value == data), default)


class ChoiceDelegate(GridDelegate):
    """A cell edited by choosing from a fixed list (side, role, sex, status): `choices` maps each
    value to its label; the cell shows the label and keeps the value (`chosen` reads it)."""

    def __init__(self, choices: Mapping[Any, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = dict(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.choices.items():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(CHOICE_ROLE)
        at = next((i for i, choice in enumerate(self.choices) if choice == value), -1)
        editor.setCurrentIndex(at if at >= 0 else editor.findText(str(index.data() or "")))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        at = editor.currentIndex()
        if not 0 <= at < len(self.choices):
            return
        value = list(self.choices)[at]
        # both roles at once: one itemChanged, which then reads the new value
        model.setItemData(index, {Qt.ItemDataRole.DisplayRole: self.choices[value], CHOICE_ROLE: value})


class CompletingDelegate(GridDelegate):
    """A cell typed freely with completion; entries are asked for when the editor opens."""

    def __init__(self, entries: Callable[[], Sequence[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setCompleter(contains_completer(self.entries(), edit))
        self.watch_completion(edit)
        return edit


class SearchingDelegate(GridDelegate):
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
        self.watch_completion(edit)
        return edit


class DateDelegate(GridDelegate):
    """A cell holding an optional date, typed as people write dates (see `DateField`); Delete
    empties the cell. A date read is held as `yyyy-MM-dd` (what the form reads back) and shown in the
    window's format; text that is not a date stays as typed, for the form to mark — never replaced."""

    def displayText(self, value: object, locale: QLocale | QLocale.Language) -> str:
        parsed = QDate.fromString(str(value or ""), DISPLAY_FORMAT)
        return format_date(to_date(parsed)) if parsed.isValid() else super().displayText(value, locale)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return DateField(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, DateField)
        text = str(index.data() or "")
        parsed = QDate.fromString(text, DISPLAY_FORMAT)
        editor.setText(format_date(to_date(parsed)) if parsed.isValid() else text)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, DateField)
        value = editor.value()
        model.setData(index, value.isoformat() if value is not None else editor.typed())


class EditTable(QTableWidget):
    """A table edited in place from the keyboard like a spreadsheet: typing or F2 edits a cell,
    Delete empties it; Tab / Shift+Tab move to the next / previous cell (row after row), Return
    moves down, Tab on the last cell of a filled last row calls `grow` (adds a row) when set, and
    Ctrl+Tab / Ctrl+Shift+Tab leave the table. Tab never leaves it, so typing cannot reach a button.
    `typing` is emitted at each key pressed into an open cell editor, before its text is taken in."""

    typing = Signal()

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                             & ~QAbstractItemView.EditTrigger.CurrentChanged)
        self.setTabKeyNavigation(True)  # Tab comes to keyPressEvent; Ctrl+Tab leaves
        self.setItemDelegate(GridDelegate(self))
        self.grow: Callable[[], None] | None = None
        self.paste_rows: Callable[[str], bool] | None = None  # rows copied from a spreadsheet
        self.verticalHeader().setDefaultSectionSize(26)
        self.horizontalHeader().setStretchLastSection(True)
        self.setAlternatingRowColors(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        move = move_for(event)
        if move is not None and self.state() != self.State.EditingState:
            self.go(move)
            return
        if self.pasted(event) or self._pasted_into_cell(event):
            return
        item = self.currentItem()
        if (event.key() == Qt.Key.Key_Delete and item is not None and self.state() != self.State.EditingState
                and item.flags() & Qt.ItemFlag.ItemIsEditable):
            self._empty(item)
            return
        super().keyPressEvent(event)

    def _empty(self, item: QTableWidgetItem) -> None:
        """Delete: the cell's text goes; a choice cell takes its empty choice (sex not recorded), and
        one without an empty choice (a status) keeps its value — blanking its text only hid the value
        the record still held (round 15)."""
        delegate = self.itemDelegateForColumn(item.column())
        if not isinstance(delegate, ChoiceDelegate):
            item.setText("")
        elif None in delegate.choices and chosen(item, delegate.choices) is not None:
            self.model().setItemData(self.indexFromItem(item), {Qt.ItemDataRole.DisplayRole: delegate.choices[None],
                                                                CHOICE_ROLE: None})

    def pasted(self, event: QKeyEvent, editor: QWidget | None = None) -> bool:
        """Ctrl+V of rows copied from Excel, Word or a web page goes to `paste_rows`, even from
        an open cell (one line of text still pastes into the cell). What was typed in the open cell
        is taken in first, as every way out of a cell takes it (round 16: it was dropped)."""
        if self.paste_rows is None or not event.matches(QKeySequence.StandardKey.Paste):
            return False
        text = QGuiApplication.clipboard().text()
        if not is_table(text):
            return False
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return self.paste_rows(text)

    def _pasted_into_cell(self, event: QKeyEvent) -> bool:
        """Ctrl+V of one line on a cell not open: the cell opens holding the text, as typing opens it
        (Return or Tab takes it, Esc drops it). A choice cell is chosen, never pasted into. Round 16:
        nothing happened at all."""
        item = self.currentItem()
        if (not event.matches(QKeySequence.StandardKey.Paste) or item is None
                or self.state() == self.State.EditingState or not item.flags() & Qt.ItemFlag.ItemIsEditable
                or isinstance(self.itemDelegateForIndex(self.indexFromItem(item)), ChoiceDelegate)):
            return False
        text = QGuiApplication.clipboard().text()
        if not text or is_table(text):
            return False
        self.edit(self.indexFromItem(item))
        editor = self.indexWidget(self.indexFromItem(item))
        if isinstance(editor, QLineEdit):
            editor.selectAll()
            editor.paste()  # as the officer's own paste: completion and marks follow it
        return True

    def leave_editor(self, editor: QWidget, move: Move) -> None:
        """Take the editor's text into its cell, close it and move on."""
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.go(move)

    def go(self, move: Move) -> None:
        if move in (Move.LEAVE, Move.LEAVE_BACK):
            self._leave(forward=move is Move.LEAVE)
            return
        row, column = self.currentRow(), self.currentColumn()
        last_row, last_column = self.rowCount() - 1, self.columnCount() - 1
        if row < 0:
            row, column = (0, 0) if self.rowCount() else (-1, -1)
        elif move is Move.NEXT:
            if column < last_column:
                column += 1
            elif row < last_row:
                row, column = row + 1, 0
            elif self.grow is not None and self.text(row, 0):
                self.grow()
                return
        elif move is Move.PREVIOUS:
            if column > 0:
                column -= 1
            elif row > 0:
                row, column = row - 1, last_column
        elif move is Move.DOWN and row < last_row:
            row += 1
        self.setFocus(Qt.FocusReason.TabFocusReason)
        if row >= 0:
            self.setCurrentCell(row, column)

    def _leave(self, forward: bool) -> None:
        """Focus the next (previous) control of the window outside this table."""
        widget: QWidget = self
        for _ in range(500):
            widget = (widget.nextInFocusChain() if forward else widget.previousInFocusChain()) or self
            if widget is self:
                return
            if (not self.isAncestorOf(widget) and widget.window() is self.window() and widget.isVisible()
                    and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                    and widget.focusProxy() is None):
                widget.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
                return

    def commit_editing(self) -> None:
        """Take the open editor's text into its cell and close it, as Return would."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def typed_in_open_cell(self) -> tuple[int, int, str] | None:
        """(row, column, text) of a cell being typed in, its editor still open and its text changed by
        the officer: not in the record until taken in (Return, Tab, another cell, Save)."""
        if self.state() != QAbstractItemView.State.EditingState:
            return None
        index = self.currentIndex()
        editor = self.indexWidget(index)
        if isinstance(editor, QLineEdit) and editor.isModified():
            return index.row(), index.column(), editor.text()
        return None

    def open_cell_with(self, row: int, column: int, text: str) -> bool:
        """Open the cell's editor with `text` in it, as typed (not taken in): a crash's draft coming back."""
        item = self.item(row, column)
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEditable:
            return False
        self.setCurrentCell(row, column)
        self.editItem(item)
        editor = self.indexWidget(self.currentIndex())
        if not isinstance(editor, QLineEdit):
            return False
        editor.setText(text)
        editor.setModified(True)
        editor.setFocus()
        return True

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

    def put_choice(self, row: int, column: int, labels: Mapping[Any, str], value: Any) -> QTableWidgetItem:
        """A choice cell: shows `value`'s label and keeps `value` for `chosen`."""
        item = self.put(row, column, labels.get(value, ""))
        item.setData(CHOICE_ROLE, value)
        return item

    def stretch(self, column: int) -> None:
        self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def set_hover(self, row: int, column: int, text: str) -> None:
        """What the cell shows on hover (a long party name in full), kept under a mark's message."""
        item = self.item(row, column) or self.put(row, column, "")
        item.setData(HOVER_ROLE, text)
        if item.data(Qt.ItemDataRole.BackgroundRole) is None:
            item.setToolTip(text)

    def clear_marks(self) -> None:
        for row in range(self.rowCount()):
            for column in range(self.columnCount()):
                item = self.item(row, column)
                if item is not None and item.data(Qt.ItemDataRole.BackgroundRole) is not None:
                    item.setToolTip(str(item.data(HOVER_ROLE) or ""))
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)

    def mark(self, row: int, column: int, message: str) -> None:
        if 0 <= row < self.rowCount():
            item = self.item(row, column) or self.put(row, column, "")
            hover = str(item.data(HOVER_ROLE) or "")
            item.setToolTip(f"{message}\n{hover}" if hover else message)
            item.setBackground(marked_background(self.palette()))
