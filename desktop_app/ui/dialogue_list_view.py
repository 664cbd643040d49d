"""The dialogue list (and, with `trash=True`, the trash): filter bar over a lazily fetched table."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import list_records as r  # the list's records only: the rest follow the first paint
from desktop_app.ui.dialogue_filters import DialogueFilterBar
from desktop_app.ui.first_page_model import first_page_model, header_model
from desktop_app.ui.models.dialogue_table_model import COLUMNS, DialogueTableModel

if TYPE_CHECKING:  # the window's first paint comes before SQLAlchemy is imported (issue 19)
    from desktop_app.db.repositories.dialogues import DialogueRepository

COLUMN_WIDTHS = (130, 320, 200, 160, 120, 92, 92, 110)  # the last fits «Окончательный»
TITLE_COLUMN = 1
# what surely stands above and below the list in the window, in rows of it: the menu bar, tool bar,
# the filters' two lines, the column titles and the status bar take more (DialogueListView.first_paint_rows)
CHROME_ROWS = 4


def _tallest_screen() -> int:
    from PySide6.QtGui import QGuiApplication

    return max((screen.availableGeometry().height() for screen in QGuiApplication.screens()), default=2160)


class DialogueListView(QWidget):
    """Emits `open_requested(id)` on double-click; `counts_changed(shown, total)` after each load."""

    open_requested = Signal(str)
    counts_changed = Signal(int, int)
    selection_changed = Signal()  # of the rows, whichever model the table shows (see `attach_model`)

    def __init__(self, repository: DialogueRepository, trash: bool = False, parent: QWidget | None = None,
                 load: bool = True, stand_in: bool = False) -> None:
        """`load=False`: rows and choices are read on the first `reload()` (the window's first paint
        does not wait for a page it does not show). `stand_in=True` (the first window's list): the table
        shows a C++ model of the first page (`show_first_page`) until `attach_model()`, after the first
        paint; a Python table model before it would make PySide6 build Qt's whole `Qt` namespace
        (~30 ms, ui/qt_later.py)."""
        super().__init__(parent)
        self.trash = trash
        self._repository = repository
        self.filters = DialogueFilterBar(countries=load)  # else with the choices, after the first paint
        self.model = DialogueTableModel(repository, parent=self, load=load,
                                        selection=r.EMPTY_FILTER._replace(deleted=True) if trash else r.EMPTY_FILTER)
        self.table = QTableView()
        self.table.setObjectName("trashTable" if trash else "dialogueTable")
        self._stand_in = header_model(self.model, self) if stand_in else None
        self.table.setModel(self._stand_in or self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # the model's first sort (date, newest first) is the header's own default indicator, section 0
        # descending (tests/ui/test_first_page_model.py); sorting on clicks once the model is attached
        header.setSortIndicatorShown(True)
        if self._stand_in is None:
            self.table.setSortingEnabled(True)
        self.table.selectionModel().selectionChanged.connect(self.selection_changed)
        self.table.doubleClicked.connect(self._open_index)
        self.filters.changed.connect(self._apply_filter)
        self.model.modelReset.connect(self._announce)
        self.model.rowsInserted.connect(self._announce)
        self.model.counted.connect(self._announce)
        self.model.modelAboutToBeReset.connect(self._remember_current)
        self.model.modelReset.connect(self._keep_a_current_row)
        self._kept: tuple[str, int, tuple[str, ...], tuple[str, ...], int] | None = None  # `_remember_current`
        self._filtering = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.filters)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        layout.addLayout(self._buttons)
        layout.addWidget(self.table, 1)
        if load:
            self.refresh_choices()
        self._keep_a_current_row()

    def add_action_buttons(self, *actions: QAction) -> None:
        """Buttons for the actions that matter most on this page (Restore in the trash)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QToolButton  # where used: the first window needs none (issue 19)

        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)  # the trash's: after the paint
            self._buttons.insertWidget(self._buttons.count() - 1, button)

    # --- what other parts of the window ask -----------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self.model.loaded

    def set_repository(self, repository: DialogueRepository) -> None:
        self.attach_model()  # new rows are the real model's to show
        self._repository = repository
        if self.loaded:
            self.refresh_choices()
        self.model.set_repository(repository, self._in_series(self.model.selection))

    def reload(self) -> None:
        """After a save, import or delete: fresh rows, keeping the current dialogue and the selected
        ones (`_remember_current`)."""
        self.attach_model()  # new rows are the real model's to show
        self.refresh_choices()
        # the series' spellings may have changed (a bundle brought "drug dialogue"; the last of one purged)
        selection = self._in_series(self.model.selection)
        changed = selection != self.model.selection
        self.model.set_filter(selection)  # reads the rows when the filter changed and the list is loaded
        if not (changed and self.model.loaded):
            self.model.reload()

    def show_first_page(self, page: r.Page) -> None:
        """The window's first page, read through sqlite3 (issue 19): the rows its first paint can show
        (`first_paint_rows`), the rest read when the real model takes over (`attach_model`); the
        filter's choices follow the first paint (`refresh_choices`). With a stand-in, the model's
        rows are shown by it."""
        self.model.show_first_page(page)
        if self._stand_in is not None:
            first_page_model(self.model, self._stand_in, self.first_paint_rows())
            self._keep_a_current_row()

    def first_paint_rows(self) -> int:
        """How many rows the first paint can show: the window's height in rows (the tallest screen's for
        a maximised or full-screen window, or a list not yet in a window), less the rows that the menu
        bar, tool bar, filters, column titles and status bar surely take. The rows the first read asks
        for and the stand-in fills."""
        window = self.window()
        if window is self:  # a list on its own: all of the tallest screen
            return self._rows_in(_tallest_screen())
        height = _tallest_screen() if window.isMaximized() or window.isFullScreen() else window.height()
        return max(1, self._rows_in(height) - CHROME_ROWS)

    def _rows_in(self, height: int) -> int:
        return height // max(1, self.table.verticalHeader().defaultSectionSize()) + 1

    def attach_model(self) -> None:
        """After the first paint: the table shows the real model in place of the stand-in, with the same
        rows, columns (widths, order), sort indicator, current row, selection and scroll position, and
        sorts on a header click from now on."""
        stand_in, self._stand_in = self._stand_in, None
        if stand_in is None:
            return
        from PySide6.QtCore import QItemSelection, QItemSelectionModel  # after the paint (issue 19)

        self.model.complete_page()  # the rows the first read left for later: the stand-in's count
        current = self.table.currentIndex()
        chosen = self.table.selectionModel().selection()
        ranges = [(part.top(), part.left(), part.bottom(), part.right())
                  for part in (chosen.at(number) for number in range(chosen.count()))]
        vertical, horizontal = self.table.verticalScrollBar().value(), self.table.horizontalScrollBar().value()
        self.table.setModel(self.model)
        selection = QItemSelection()
        for top, left, bottom, right in ranges:
            selection.select(self.model.index(top, left), self.model.index(bottom, right))
        selections = self.table.selectionModel()
        selections.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if current.isValid():
            selections.setCurrentIndex(self.model.index(current.row(), current.column()),
                                       QItemSelectionModel.SelectionFlag.NoUpdate)
        self.table.verticalScrollBar().setValue(vertical)
        self.table.horizontalScrollBar().setValue(horizontal)
        self.table.setSortingEnabled(True)  # sorts by the indicator: the model's own sort already, so no read
        selections.selectionChanged.connect(self.selection_changed)
        # after the view's own reset, which clears the current row, as when the model came first
        self.model.modelReset.disconnect(self._keep_a_current_row)
        self.model.modelReset.connect(self._keep_a_current_row)
        stand_in.deleteLater()

    def refresh_choices(self) -> None:
        self.filters.fill_countries()
        self.filters.set_series_names(self._repository.series_names())

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if index.isValid():
            self._read_up_to(index.row())
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.id if row else None

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if rows:
            self._read_up_to(rows[-1])
        ids = [row.id for number in rows if (row := self.model.row_at(number))]
        if not ids and (current := self.current_id()):
            ids = [current]
        return ids

    def selected_titles(self) -> list[str]:
        wanted = set(self.selected_ids())
        return [row.title for number in range(self.model.rowCount()) if (row := self.model.row_at(number))
                and row.id in wanted]

    def _read_up_to(self, row: int) -> None:
        """A row the stand-in shows but the model has not read yet (keys pressed before the work after
        the first paint: Page Down, then Enter): the rest of the first page is read now."""
        if self._stand_in is not None and row >= self.model.fetched:
            self.model.complete_page()

    def select_id(self, dialogue_id: str) -> None:
        """That dialogue current and the only one selected, whatever keys are held (`selectRow` with
        Ctrl down, as after Ctrl+S, toggled it out of the selection)."""
        self.select_ids([dialogue_id])

    def select_ids(self, dialogue_ids: list[str]) -> None:
        """These dialogues selected (those in the rows read so far), the first of them current."""
        shown = [i for i in dialogue_ids if self.model.row_of(i) >= 0]
        if shown:
            self._put_back(shown[0], max(self.table.currentIndex().column(), 0), tuple(shown), ())

    def counts(self) -> tuple[int, int]:
        everything = r.DialogueFilter(deleted=self.trash)
        if self.model.selection == everything:  # no filter: the total is the list's own (counted once)
            return self.model.total, self.model.total
        return self.model.total, self._repository.count(everything)

    def save_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def saved_sort(self, columns: QByteArray) -> str:
        """The list's sort as the settings keep it beside `columns` (`save_state()`, saved with it):
        `date desc 1234567`, the number a checksum of those columns, so that columns saved later by
        another version of the program, without these words, are never read with them."""
        sort, descending = self.model.sort_key()
        return f"{sort.value} {'desc' if descending else 'asc'} {zlib.crc32(columns.data())}"

    def restore_state(self, state: QByteArray | None, sort: object = None) -> None:
        """The columns as saved, and the model sorted as their indicator shows. `sort` (`saved_sort()`)
        gives the order without asking the header for it, whose answer is one of `Qt`'s enumerations
        (ui/qt_later.py); without it, or with words saved beside other columns, the header is asked."""
        if state:
            header = self.table.horizontalHeader()
            header.restoreState(state)
            column = header.sortIndicatorSection()
            if not 0 <= column < len(COLUMNS):
                return
            words = sort.split() if isinstance(sort, str) else []
            expected = [COLUMNS[column][0].value, str(zlib.crc32(state.data()))]
            if len(words) == 3 and [words[0], words[2]] == expected and words[1] in ("asc", "desc"):
                self.model.sort_by(COLUMNS[column][0], words[1] == "desc")
            else:
                self.model.sort(column, header.sortIndicatorOrder())

    # --- reactions ----------------------------------------------------------------------------
    def _apply_filter(self, selection: r.DialogueFilter) -> None:
        self.attach_model()
        self._filtering = True  # the list of a new filter starts at its top (`_remember_current`)
        try:
            self.model.set_filter(self._in_series(selection._replace(deleted=self.trash)))
        finally:
            self._filtering = False

    def _in_series(self, selection: r.DialogueFilter) -> r.DialogueFilter:
        """`selection` narrowed to the series chosen in the filters: a series stored in one spelling is
        the filter's `series` (found along the list's indexes: make bench's "list filter series"); one
        stored in several cases ("Drug Dialogue", another office's "drug dialogue") is the dialogues of
        every spelling, as `list` and the report count them, by their ids."""
        spellings = self.filters.series_spellings()
        if len(spellings) < 2:
            return selection._replace(series=spellings[0] if spellings else None, ids=None)
        return selection._replace(series=None, ids=self._repository.series_ids(spellings))

    def _open_index(self) -> None:
        if not self.trash and (dialogue_id := self.current_id()):
            self.open_requested.emit(dialogue_id)

    def _remember_current(self) -> None:
        """Before the rows are read again (a sort, a save, a Del here or a change made
        elsewhere): the current dialogue, the selected ones, and where to go should the current one
        leave the list: the first row after it that is not selected (so not gone with it), else the
        nearest before it. Kept to a screenful or so of selected rows (Ctrl+A: the current one). Not
        for a filter the officer changed: its list starts at its top, as before."""
        self._kept = None
        index = self.table.currentIndex()
        current = self.model.row_at(index.row()) if self._stand_in is None and index.isValid() \
            and not self._filtering else None
        if current is None:
            return
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        selected = tuple(row.id for n in sorted(rows) if (row := self.model.row_at(n))) if len(rows) <= 500 else ()
        after = next((n for n in range(index.row() + 1, self.model.rowCount()) if n not in rows), None)
        before = next((n for n in range(index.row() - 1, -1, -1) if n not in rows), None)
        neighbours = tuple(row.id for n in (after, before) if n is not None and (row := self.model.row_at(n)))
        self._kept = (current.id, index.column(), selected, neighbours, self.model.fetched)

    def _keep_a_current_row(self) -> None:
        """After each load the dialogue that was current stays current, and the selected ones selected,
        wherever a sort or a change put them; when it left the list (Del, a purge elsewhere)
        the row that followed it is current, so a second Del does not land on the top row. Otherwise
        the first row: Enter opens something straight away."""
        shown = self.table.model()  # the stand-in until `attach_model`
        kept, self._kept = self._kept, None
        if kept is not None and shown is self.model:
            current, column, selected, neighbours, read = kept
            if self.model.row_of(current) < 0:
                self._read_as_far_as(read)  # it was further down than the first page
            if self._put_back(current, column, selected, neighbours):
                return
        if shown.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(shown.index(0, 0))

    def _read_as_far_as(self, rows: int) -> None:
        """The rows read page by page as scrolling would, up to `rows` (as many as before a reload)."""
        from PySide6.QtCore import QModelIndex

        root = QModelIndex()
        while self.model.fetched < rows and self.model.canFetchMore(root):
            before = self.model.fetched
            self.model.fetchMore(root)
            if self.model.fetched == before:
                return

    def _put_back(self, current: str, column: int, selected: tuple[str, ...], neighbours: tuple[str, ...]) -> bool:
        from PySide6.QtCore import QItemSelection, QItemSelectionModel  # after the paint (issue 19)

        where = {row.id: n for n, row in enumerate(self.model.first_rows(self.model.rowCount()))}
        target = where.get(current)
        rows = sorted({where[i] for i in selected if i in where} | ({target} if target is not None else set()))
        if target is None:
            target = next((where[i] for i in neighbours if i in where), None)
            if target is None:
                return False
            rows = [target]
        last = self.model.columnCount() - 1
        selection = QItemSelection()
        for row in rows:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        selections = self.table.selectionModel()
        selections.setCurrentIndex(self.model.index(target, column), QItemSelectionModel.SelectionFlag.NoUpdate)
        selections.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.scrollTo(self.model.index(target, column))
        return True

    def _announce(self) -> None:
        self.counts_changed.emit(*self.counts())
