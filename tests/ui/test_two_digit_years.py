"""A two-digit year is read in the century around this year, not always as 20xx (round 18: "13.12.99"
typed as a 1999 meeting's start date was read as 13 December 2099). The window is 80 years back and
19 ahead of today's year, so it moves with the calendar: tests set the reader's clock."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import date_text
from desktop_app.domain.date_text import full_year, parse_date
from tests.factories import make_dialogue
from tests.ui.form_driving import activate, key, open_form, type_date

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints", "This plugin does not support")


def clock_at(monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    monkeypatch.setattr(date_text, "clock", lambda: today)


@pytest.mark.parametrize(("today", "typed", "read"), [
    (date(2026, 12, 4), "13.12.99", date(1999, 12, 13)),
    (date(2026, 12, 4), "1.1.46", date(1946, 1, 1)),    # the oldest year read in 2026: 80 years back
    (date(2026, 12, 4), "31.12.45", date(2045, 12, 31)),  # the latest: 19 years ahead
    (date(2026, 12, 4), "13.12.00", date(2000, 12, 13)),
    (date(2026, 12, 4), "13/12/23", date(2023, 12, 13)),
    (date(2026, 1, 1), "13-12-26", date(2026, 12, 13)),   # this year itself
    (date(2031, 6, 1), "31.12.50", date(2050, 12, 31)),   # in 2031 the window is 1951–2050
    (date(2031, 6, 1), "1.1.51", date(1951, 1, 1)),
    (date(2031, 6, 1), "13.12.99", date(1999, 12, 13)),
])
def test_a_two_digit_year_is_the_one_in_the_window_around_this_year(monkeypatch, today, typed, read) -> None:
    clock_at(monkeypatch, today)
    assert parse_date(typed) == read


def test_the_window_is_eighty_years_back_and_nineteen_ahead_of_any_year() -> None:
    for year in (1990, 2026, 2031, 2099):
        read = [full_year(yy, year) for yy in range(100)]
        assert sorted(read) == list(range(year - 80, year + 20)), year
        assert all(r % 100 == yy for yy, r in enumerate(read))


def test_a_two_digit_year_typed_into_the_start_date_shows_the_year_read(qtbot, database, monkeypatch) -> None:
    clock_at(monkeypatch, date(2026, 12, 4))
    editor = open_form(qtbot, database, DialogueRepository(database).save(make_dialogue()))
    start = editor.details.start_date
    activate(qtbot, start)
    type_date(qtbot, start, "13.12.99")  # real key events
    key(qtbot, Qt.Key.Key_Tab)
    assert (start.text(), start.value(), start.problem()) == ("1999-12-13", date(1999, 12, 13), None)
    type_date(qtbot, start, "13.12.45")
    key(qtbot, Qt.Key.Key_Tab)
    assert start.text() == "2045-12-13"


def test_a_two_digit_year_typed_into_the_report_period_reports_on_that_period(qtbot, database,
                                                                               monkeypatch) -> None:
    from tests.ui.test_report_dialog import _custom_period, _type_date

    clock_at(monkeypatch, date(2026, 12, 4))
    dialog, asked = _custom_period(qtbot, database, monkeypatch)
    _type_date(qtbot, dialog.date_from, "1.1.99")
    _type_date(qtbot, dialog.date_to, "31.12.23", Qt.Key.Key_Return)
    assert (dialog.date_from.text(), dialog.date_to.text()) == ("1999-01-01", "2023-12-31")
    assert len(asked) == 1
    assert (asked[0].date_from, asked[0].date_to) == (date(1999, 1, 1), date(2023, 12, 31))  # type: ignore[attr-defined]
