"""The dialogue list as a lazily fetched table: pages are asked of the repository as the officer
scrolls, so a register of 100,000 dialogues opens as fast as one of ten."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from desktop_app.db.first_page import DialogueSort
from desktop_app.domain import list_records as r  # the list's records only: the rest follow the first paint
from desktop_app.domain.enums import DialogueStatus
from desktop_app.domain.reference import party_name
from desktop_app.ui import qt_later
from desktop_app.ui.enum_labels import dialogue_status_label
from desktop_app.ui.translate_noop import QT_TRANSLATE_NOOP
from desktop_app.ui.translations import format_date_range, local_country_name, ui_language

if TYPE_CHECKING:  # the window's first paint comes before SQLAlchemy is imported (issue 19)
    from PySide6.QtCore import Qt  # and before `Qt` is named (ui/qt_later.py): only where used after it

    from desktop_app.db.repositories.dialogues import DialogueRepository

ModelIndex = QModelIndex | QPersistentModelIndex
# A search is counted this far and no further ("more than 1000"): an exact count of a common word
# over 100,000 dialogues takes longer than a search may (issue 19, DialogueRepository.page).
COUNT_UP_TO = 1000

COLUMNS: tuple[tuple[DialogueSort, str], ...] = (
    (DialogueSort.DATE, QT_TRANSLATE_NOOP("DialogueTableModel", "Date")),
    (DialogueSort.TITLE, QT_TRANSLATE_NOOP("DialogueTableModel", "Title")),
    (DialogueSort.SERIES, QT_TRANSLATE_NOOP("DialogueTableModel", "Series")),
    (DialogueSort.PLACE, QT_TRANSLATE_NOOP("DialogueTableModel", "Place")),
    (DialogueSort.CHAIR, QT_TRANSLATE_NOOP("DialogueTableModel", "Chair")),
    (DialogueSort.DELEGATIONS, QT_TRANSLATE_NOOP("DialogueTableModel", "Delegations")),
    (DialogueSort.PARTICIPANTS, QT_TRANSLATE_NOOP("DialogueTableModel", "Participants")),
    (DialogueSort.STATUS, QT_TRANSLATE_NOOP("DialogueTableModel", "Status")),
)

SORT_ROLE = qt_later.USER_ROLE + 1  # the raw value of a cell (date, int, text)
ID_ROLE = qt_later.USER_ROLE + 2  # the dialogue id of the row
ROW_ROLE = qt_later.USER_ROLE + 3  # the whole DialogueRow record


# A draft's text colour: a QColor, which the default delegate paints with as it would a QBrush of it
# (building a QBrush makes PySide6 weigh its `Qt.GlobalColor` overload, which builds the whole `Qt`
# namespace before the first paint: ui/qt_later.py)
_DRAFT_COLOUR = QColor("#6b6b6b")


@cache
def _draft_font() -> QFont:
    """A draft's font: the application's, in italics (one font for every draft cell; a copy reaches Qt)."""
    font = QFont()
    font.setItalic(True)
    return font


def date_text(row: r.DialogueRow) -> str:
    """`2023-12-13 – 14` (in Russian `13–14.12.2023`) so a two-day meeting reads as one."""
    return format_date_range(row.start_date, row.end_date)


def place_text(row: r.DialogueRow) -> str:
    parts = [p for p in (row.city, local_country_name(row.country)) if p]
    place = ", ".join(parts)
    if row.online:
        if place:
            return QCoreApplication.translate("DialogueTableModel", "%1 (online)").replace("%1", place)
        return QCoreApplication.translate("DialogueTableModel", "Online")
    return place


def status_text(status: DialogueStatus) -> str:
    return dialogue_status_label(status)


class DialogueTableModel(QAbstractTableModel):
    """Rows of `DialogueRepository.page`, fetched page by page; sorting and filtering are SQL's job.
    `counted` says a search counted only so far has been fetched to its end (its total is known)."""

    counted = Signal()

    def __init__(self, repository: DialogueRepository, page_size: int = 200, parent: Any = None,
                 selection: r.DialogueFilter = r.EMPTY_FILTER, load: bool = True) -> None:
        """`load=False`: empty until the first `reload()` (a page the first paint does not show)."""
        super().__init__(parent)
        self._repository = repository
        self.page_size = page_size
        self._selection = selection
        self._sort = DialogueSort.DATE
        self._descending = True
        self._rows: list[r.DialogueRow] = []
        self._total = 0
        self._more = False  # the total is a bound: more match (pages are fetched while they come full)
        self.loaded = False
        if load:
            self.reload()

    # --- what the list shows -------------------------------------------------------------------
    @property
    def selection(self) -> r.DialogueFilter:
        return self._selection

    @property
    def total(self) -> int:
        """How many dialogues match the filter (fetched or not)."""
        return self._total

    @property
    def more(self) -> bool:
        """More than `total` match: a search counted only up to COUNT_UP_TO."""
        return self._more

    @property
    def fetched(self) -> int:
        return len(self._rows)

    def set_repository(self, repository: DialogueRepository, selection: r.DialogueFilter | None = None) -> None:
        """Another database's rows; `selection`: with this filter (a series' spellings are the new
        database's)."""
        self._repository = repository
        if selection is not None:
            self._selection = selection
        if self.loaded:
            self.reload()

    def set_filter(self, selection: r.DialogueFilter) -> None:
        if selection != self._selection:
            self._selection = selection
            if self.loaded:
                self.reload()

    def set_text(self, text: str) -> None:
        self.set_filter(self._selection._replace(text=text.strip() or None))

    def sort_key(self) -> tuple[DialogueSort, bool]:
        return self._sort, self._descending

    def reload(self, same_rows: bool = False) -> None:
        """Start again from the first page (after a filter, a sort, a save or a delete).
        `same_rows`: only the order changed, so the total is not counted again."""
        self.loaded = True
        self.beginResetModel()
        page = self._fetch(0, self._total if same_rows else None)
        self._rows = list(page.rows)
        self._total, self._more = page.total, page.more
        self._settle_more(len(page.rows))
        self.endResetModel()

    def _settle_more(self, fetched: int) -> None:
        """With a bounded count: the rows fetched raise the bound; a page that is not full ends it."""
        if self._more:
            self._total = max(self._total, len(self._rows))
            if fetched < self.page_size:
                self._total, self._more = len(self._rows), False
                self.counted.emit()

    def show_first_page(self, page: r.Page) -> None:
        """The first window's page, read before the repository exists (`db/first_page.py`): shown as
        `reload()` would have read it, with no filter and the current sort. It may be short of
        `page_rows` (the rows the first paint shows): `complete_page()` reads the rest."""
        self.loaded = True
        self.beginResetModel()
        self._rows = list(page.rows)
        self._total, self._more = page.total, False
        self.endResetModel()

    def row_at(self, row: int) -> r.DialogueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def first_rows(self, count: int) -> list[r.DialogueRow]:
        return self._rows[:count]

    def row_of(self, dialogue_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.id == dialogue_id:
                return number
        return -1

    def _fetch(self, offset: int, known_total: int | None = None, limit: int | None = None) -> r.Page:
        return self._repository.page(self._selection, self._sort, self._descending, offset, limit or self.page_size,
                                     known_total=known_total, count_up_to=COUNT_UP_TO,
                                     more=self._more and known_total is not None)

    @property
    def page_rows(self) -> int:
        """The rows a first page holds: `page_size`, or all there are when fewer match."""
        return min(self.page_size, self._total)

    def complete_page(self) -> None:
        """The rest of a first page that `show_first_page` was given short (the first window reads only
        the rows its first paint shows, issue 19): up to `page_rows`, as `reload()` would have read
        them, appended after the rows already there."""
        missing = self.page_rows - len(self._rows)
        if missing <= 0:
            return
        if fresh := list(self._fetch(len(self._rows), self._total, missing).rows):
            self._append(fresh)

    def _append(self, fresh: list[r.DialogueRow]) -> None:
        """Rows read after those the model holds, told to the view as one insertion."""
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self._settle_more(len(fresh))
        self.endInsertRows()

    # --- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return not parent.isValid() and (len(self._rows) < self._total or self._more)

    def fetchMore(self, parent: ModelIndex) -> None:
        if not self.canFetchMore(parent):
            return
        # the total of this filter was counted when it was set; a save or a delete meanwhile
        # reloads the list through the records-changed signal
        page = self._fetch(len(self._rows), self._total)
        fresh = list(page.rows)
        if not fresh:
            self._settle_more(0)
            return
        self._append(fresh)

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """A header click (ascending unless `order` says otherwise)."""
        from PySide6.QtCore import Qt

        if 0 <= column < len(COLUMNS):
            self.sort_by(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)

    def sort_by(self, sort: DialogueSort, descending: bool) -> None:
        if (sort, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = sort, descending
        if self.loaded:  # else the first read uses it (a remembered sort, before the first page)
            self.reload(same_rows=True)

    @staticmethod
    def header_text(section: int) -> str:
        """A column's title in the window's language (the stand-in's too: ui/first_page_model.py)."""
        return QCoreApplication.translate("DialogueTableModel", COLUMNS[section][1])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = qt_later.DISPLAY_ROLE) -> Any:
        from PySide6.QtCore import Qt

        if orientation == Qt.Orientation.Horizontal and role == qt_later.DISPLAY_ROLE and 0 <= section < len(COLUMNS):
            return self.header_text(section)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        from PySide6.QtCore import Qt

        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: ModelIndex, role: int = qt_later.DISPLAY_ROLE) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: r.DialogueRow, column: int, role: int) -> Any:
        """What a cell of `row` shows in `role`: the one rule behind `data()`, which the first window's
        stand-in (ui/first_page_model.py) asks directly, without a QModelIndex per role. Plain numbers
        for the roles (ui/qt_later.py): that stand-in is filled before the first paint, which names no
        `Qt`."""
        sort = COLUMNS[column][0]
        if role == qt_later.DISPLAY_ROLE:
            return self._display(row, sort)
        if role == SORT_ROLE:
            return self._raw(row, sort)
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == qt_later.TOOL_TIP_ROLE and sort in (DialogueSort.TITLE, DialogueSort.SERIES,
                                                            DialogueSort.PLACE, DialogueSort.CHAIR):
            return self._display(row, sort) or None  # the whole text of a cut-off cell
        if role == qt_later.TEXT_ALIGNMENT_ROLE and sort in (DialogueSort.DELEGATIONS, DialogueSort.PARTICIPANTS):
            return qt_later.ALIGN_RIGHT_MIDDLE
        is_draft = row.status is DialogueStatus.DRAFT
        if role == qt_later.FONT_ROLE and is_draft:
            return _draft_font()
        if role == qt_later.FOREGROUND_ROLE and is_draft:
            return _DRAFT_COLOUR
        return None

    @staticmethod
    def _display(row: r.DialogueRow, sort: DialogueSort) -> str:
        match sort:
            case DialogueSort.DATE:
                return date_text(row)
            case DialogueSort.TITLE:
                return row.title
            case DialogueSort.SERIES:
                return row.series or ""
            case DialogueSort.PLACE:
                return place_text(row)
            case DialogueSort.CHAIR:
                return party_name(row.chair, ui_language())
            case DialogueSort.DELEGATIONS:
                return str(row.delegation_count)
            case DialogueSort.PARTICIPANTS:
                return str(row.participant_count)
            case DialogueSort.STATUS:
                return status_text(row.status)
        return ""

    @staticmethod
    def _raw(row: r.DialogueRow, sort: DialogueSort) -> Any:
        match sort:
            case DialogueSort.DATE:
                return row.start_date
            case DialogueSort.DELEGATIONS:
                return row.delegation_count
            case DialogueSort.PARTICIPANTS:
                return row.participant_count
            case DialogueSort.STATUS:
                return row.status.value
            case DialogueSort.CHAIR:
                return party_name(row.chair, ui_language())
            case DialogueSort.PLACE:
                return row.city or ""
        return DialogueTableModel._display(row, sort)
