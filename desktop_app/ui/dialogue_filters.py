"""The bar above the dialogue list: a debounced search box and filters for period, series,
country and status. It only builds a `DialogueFilter`; the list asks the repository."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QLineEdit, QWidget

from desktop_app.domain import list_records as r  # the list's records only: the rest follow the first paint
from desktop_app.domain.enums import DialogueStatus
from desktop_app.ui.enum_labels import dialogue_status_labels
from desktop_app.ui.translations import date_format, sorted_countries

SEARCH_DELAY_MS = 250
NO_DATE = QDate(1900, 1, 1)  # the minimum date stands for "no limit" and is shown as "any"


def _date_box(tooltip: str) -> QDateEdit:
    box = QDateEdit()
    box.setCalendarPopup(True)
    box.setDisplayFormat(date_format())
    box.setMinimumDate(NO_DATE)
    box.setSpecialValueText(QCoreApplication.translate("DialogueFilterBar", "any"))
    box.setDate(NO_DATE)
    box.setToolTip(tooltip)
    return box


def _date_of(box: QDateEdit) -> date | None:
    value = box.date()
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


class DialogueFilterBar(QWidget):
    """Emits `changed(DialogueFilter)` after the officer stops typing or changes a filter."""

    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, countries: bool = True) -> None:
        """`countries=False`: the country choice holds "All countries" until `fill_countries()` (the
        window's first paint does without the ~250 names sorted in the window's language, issue 19)."""
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, series, city, topics, summary, participants…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)
        self.date_from = _date_box(self.tr("Meetings starting on or after this date"))
        self.date_to = _date_box(self.tr("Meetings starting on or before this date"))
        self.series = QComboBox()
        self.series.setMinimumContentsLength(8)
        self.series.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.country = QComboBox()
        self.country.setMinimumContentsLength(8)
        self.country.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.country.addItem(self.tr("All countries"), None)
        self._countries_filled = False
        if countries:
            self.fill_countries()
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        for value, label in dialogue_status_labels().items():
            self.status.addItem(label, value.value)
        self.set_series_names([])

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)
        for box in (self.date_from, self.date_to):
            box.dateChanged.connect(self._emit)
        for combo in (self.series, self.country, self.status):
            combo.currentIndexChanged.connect(self._emit)

        # Two rows, so the window still fits a small laptop screen: the search line, then the filters.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        layout.addWidget(search_label, 0, 0)
        layout.addWidget(self.search, 0, 1, 1, 7)
        from_label = QLabel(self.tr("&From:"))
        from_label.setBuddy(self.date_from)
        layout.addWidget(from_label, 1, 0)
        layout.addWidget(self.date_from, 1, 1)
        layout.addWidget(QLabel(self.tr("to:")), 1, 2)
        layout.addWidget(self.date_to, 1, 3)
        layout.addWidget(self.series, 1, 4)
        layout.addWidget(self.country, 1, 5)
        layout.addWidget(self.status, 1, 6)
        layout.setColumnStretch(4, 2)
        layout.setColumnStretch(5, 2)
        layout.setColumnStretch(7, 3)

    def fill_countries(self) -> None:
        """The reference countries, named and sorted in the window's language (once)."""
        if self._countries_filled:
            return
        self._countries_filled = True
        self.country.blockSignals(True)
        for code, name in sorted_countries():
            self.country.addItem(name, code)
        self.country.blockSignals(False)

    def set_series_names(self, names: list[str]) -> None:
        """Refill the series choice, keeping the current one if it still exists. A series stored in
        several cases ("Drug Dialogue", another office's "drug dialogue") is one choice, as in `list`
        and the report (`list_records.series_each`); its first spelling names it."""
        current = self.series.currentData()
        self._series = r.series_each(names)
        self.series.blockSignals(True)
        self.series.clear()
        self.series.addItem(self.tr("All series"), None)
        index = 0
        for name in self._series:
            if current and name.casefold() == current.casefold():
                index = self.series.count()
            self.series.addItem(name, name)
        self.series.setCurrentIndex(index)
        self.series.blockSignals(False)

    def series_spellings(self) -> tuple[str, ...]:
        """Every stored spelling of the series chosen; none for "All series"."""
        current = self.series.currentData()
        return self._series.get(current, ()) if current else ()

    def selection(self, deleted: bool = False) -> r.DialogueFilter:
        status = self.status.currentData()
        return r.DialogueFilter(
            text=self.search.text().strip() or None, series=self.series.currentData(),
            date_from=_date_of(self.date_from), date_to=_date_of(self.date_to),
            country=self.country.currentData(), status=DialogueStatus(status) if status else None, deleted=deleted)

    def _emit(self) -> None:
        self._timer.stop()
        self.changed.emit(self.selection())
