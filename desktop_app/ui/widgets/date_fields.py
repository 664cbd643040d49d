"""Date fields typed as people write dates, with a calendar button.

A line edit read by `desktop_app.domain.date_text.parse_date` replaces QDateEdit: its sections
turned typed dates into other dates (typing from the day section, or a Russian date into an English
field). Here the text is the truth: it is read exactly or reported as a problem, and shown back in
the window's format when the officer leaves the field, so what was understood is visible.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop_app.ui.icons import icon
from desktop_app.ui.translations import format_date

if TYPE_CHECKING:  # the dialogue list's period boxes are these, built before the window's first paint,
    # which makes no `Qt` namespace and reads no date (issue 19): those names are imported when used
    from PySide6.QtCore import QDate
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QCalendarWidget

    from desktop_app.domain.texts import Text

DISPLAY_FORMAT = "yyyy-MM-dd"  # how a date is held as text in a table cell; shown in the window's format


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    from PySide6.QtCore import QDate

    return QDate(value.year, value.month, value.day)


def unreadable(text: str) -> Text:
    """Why `text` is not a date: a day past its month's end ("29.02.2023") is said so — it is written
    the way the field asks, so "type it as 13.12.2023" would mislead; anything else is unreadable."""
    from desktop_app.domain.date_text import FIRST_YEAR, LAST_YEAR, month_end_passed, year_out_of_range
    from desktop_app.domain.texts import Text

    if (last := month_end_passed(text)) is not None:
        return Text("“%1” is not a day of the calendar: that month ends on %2.", text, last)
    if (year := year_out_of_range(text)) is not None:
        return Text("“%1”: the year %2 looks like a typo; the program takes the years %3 to %4.",
                    text, str(year), str(FIRST_YEAR), str(LAST_YEAR))
    return Text("“%1” is not a date the program can read: type it as 13.12.2023, 2023-12-13 or 13 Dec 2023.",
                text)


class DateField(QLineEdit):
    """`value()` is the date typed, or None when the field is empty or cannot be read (then
    `problem()` says so). The calendar button at the end, Alt+Down or F4 open a calendar."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # the class's own context, also for a subclass (`self.tr` would look under the subclass's name)
        self.setPlaceholderText(QCoreApplication.translate("DateField", "e.g. %1")
                                .replace("%1", format_date(date(2023, 12, 13))))
        self.calendar_action = self.addAction(icon("calendar"), QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(QCoreApplication.translate("DateField",
                                                                   "Choose the date in a calendar (Alt+Down)"))
        self.calendar: QCalendarWidget | None = None
        self.fallback: Callable[[], date | None] = lambda: None  # the calendar's page when empty
        self.textChanged.connect(lambda _t: self.changed.emit())
        self.editingFinished.connect(self.show_as_read)
        self.calendar_action.triggered.connect(self.open_calendar)

    def typed(self) -> str:
        return self.text().strip()

    def value(self) -> date | None:
        text = self.typed()
        if not text:
            return None
        from desktop_app.domain.date_text import parse_date

        return parse_date(text)

    def problem(self) -> Text | None:
        """Why the text is not a date; None when it is one or the field is empty."""
        text = self.typed()
        return unreadable(text) if text and self.value() is None else None

    def set_value(self, value: date | None) -> None:
        if value is None:
            if self.text():
                self.setText("")
        elif self.value() != value:
            self.setText(format_date(value))

    def show_as_read(self) -> None:
        """The date read, in the window's format — the same date, so the officer sees what was understood."""
        value = self.value()
        if value is not None and self.text() != format_date(value):
            self.setText(format_date(value))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        if event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down
                                            and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QCalendarWidget

        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        self.calendar.setSelectedDate(to_qdate(self.value() or self.fallback() or date.today()))
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()

    def _picked(self, value: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.setText(format_date(to_date(value)))
        self.setFocus()


class OptionalDateEdit(QWidget):
    """A date that may be absent: a check box says whether there is one. Ticking it fills in
    `starts_at()` (the meeting's start date), never today: a 2023 meeting does not end in 2026."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QCheckBox, QHBoxLayout

        super().__init__(parent)
        self.check = QCheckBox(label, self)
        self.edit = DateField(self)
        self.edit.setEnabled(False)
        self.starts_at: Callable[[], date | None] = lambda: None
        self.edit.fallback = lambda: self.starts_at()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._toggled)
        self.edit.changed.connect(self.changed.emit)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        if on and self.edit.value() is None and not self.edit.text():
            self.edit.set_value(self.starts_at())
        self.changed.emit()

    def value(self) -> date | None:
        return self.edit.value() if self.check.isChecked() else None

    def problem(self) -> Text | None:
        return self.edit.problem() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.edit.set_value(value)
        self.check.setChecked(value is not None)
