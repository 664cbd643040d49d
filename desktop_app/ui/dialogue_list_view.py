"""The dialogue list (and, with `trash=True`, the trash): filter bar over a lazily fetched table."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import records as r
from desktop_app.ui.dialogue_filters import DialogueFilterBar
from desktop_app.ui.models.dialogue_table_model import COLUMNS, DialogueTableModel

if TYPE_CHECKING:  # the window's first paint comes before SQLAlchemy is imported (issue 19)
    from desktop_app.db.repositories.dialogues import DialogueRepository

COLUMN_WIDTHS = (130, 320, 200, 160, 120, 92, 92, 110)  # the last fits «Окончательный»
TITLE_COLUMN = 1


class DialogueListView(QWidget):
    """Emits `open_requested(id)` on double-click; `counts_changed(shown, total)` after each load."""

    open_requested = Signal(str)
    counts_changed = Signal(int, int)

    def __init__(self, repository: DialogueRepository, trash: bool = False, parent: QWidget | None = None,
                 load: bool = True) -> None:
        """`load=False`: rows and choices are read on the first `reload()` (the window's first paint
        does not wait for a page it does not show)."""
        super().__init__(parent)
        self.trash = trash
        self._repository = repository
        self.filters = DialogueFilterBar(countries=load)  # else with the choices, after the first paint
        self.model = DialogueTableModel(repository, parent=self, load=load,
                                        selection=replace(r.EMPTY_FILTER, deleted=True) if trash else r.EMPTY_FILTER)
        self.table = QTableView()
        self.table.setObjectName("trashTable" if trash else "dialogueTable")
        self.table.setModel(self.model)
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
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._open_index)
        self.filters.changed.connect(self._apply_filter)
        self.model.modelReset.connect(self._announce)
        self.model.rowsInserted.connect(self._announce)
        self.model.counted.connect(self._announce)
        self.model.modelReset.connect(self._keep_a_current_row)

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
        from PySide6.QtWidgets import QToolButton  # where used: the first window needs none (issue 19)

        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self._buttons.insertWidget(self._buttons.count() - 1, button)

    # --- what other parts of the window ask -----------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self.model.loaded

    def set_repository(self, repository: DialogueRepository) -> None:
        self._repository = repository
        if self.loaded:
            self.refresh_choices()
        self.model.set_repository(repository)

    def reload(self) -> None:
        """After a save, import or delete: fresh rows, keeping the current dialogue selected."""
        current = self.current_id()
        self.refresh_choices()
        self.model.reload()
        if current:
            self.select_id(current)

    def show_first_page(self, page: r.Page) -> None:
        """The window's first page, read through sqlite3 (issue 19); the filter's choices follow the
        first paint (`refresh_choices`)."""
        self.model.show_first_page(page)

    def refresh_choices(self) -> None:
        self.filters.fill_countries()
        self.filters.set_series_names(self._repository.series_names())

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row.id if row else None

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        ids = [row.id for number in rows if (row := self.model.row_at(number))]
        if not ids and (current := self.current_id()):
            ids = [current]
        return ids

    def selected_titles(self) -> list[str]:
        wanted = set(self.selected_ids())
        return [row.title for number in range(self.model.rowCount()) if (row := self.model.row_at(number))
                and row.id in wanted]

    def select_id(self, dialogue_id: str) -> None:
        row = self.model.row_of(dialogue_id)
        if row >= 0:
            self.table.selectRow(row)

    def counts(self) -> tuple[int, int]:
        everything = r.DialogueFilter(deleted=self.trash)
        if self.model.selection == everything:  # no filter: the total is the list's own (counted once)
            return self.model.total, self.model.total
        return self.model.total, self._repository.count(everything)

    def save_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_state(self, state: QByteArray | None) -> None:
        if state:
            header = self.table.horizontalHeader()
            header.restoreState(state)
            column = header.sortIndicatorSection()
            if 0 <= column < len(COLUMNS):
                self.model.sort(column, header.sortIndicatorOrder())

    # --- reactions ----------------------------------------------------------------------------
    def _apply_filter(self, selection: r.DialogueFilter) -> None:
        self.model.set_filter(replace(selection, deleted=self.trash))

    def _open_index(self) -> None:
        if not self.trash and (dialogue_id := self.current_id()):
            self.open_requested.emit(dialogue_id)

    def _keep_a_current_row(self) -> None:
        """Enter opens something straight away: the first row is current after each load."""
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _announce(self) -> None:
        self.counts_changed.emit(*self.counts())
