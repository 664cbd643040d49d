"""Property: a date typed into a date field, in any of the ways people write it and in either
window language, is stored as the date written — or the field reports a problem. Never another date."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from desktop_app.domain.date_text import full_year, month_end_passed, month_number, parse_date
from desktop_app.ui.widgets.date_fields import DateField
from tests.ui.form_driving import key_clicks

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
RU_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
               "ноября", "декабря")
RU_NOMINATIVE = ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                 "ноябрь", "декабрь")


def renderings(d: date) -> list[str]:
    """The ways an officer writes `d` (the issue's list, and their near variants)."""
    ways = [d.isoformat(), f"{d:%d.%m.%Y}", f"{d.day}.{d.month}.{d.year}", f"{d:%d/%m/%Y}", f"{d:%Y%m%d}",
            f"{d.day} {EN_MONTHS[d.month - 1][:3]} {d.year}", f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}",
            f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}", f"{d.day} {RU_GENITIVE[d.month - 1]} {d.year}",
            f"{d.day} {RU_GENITIVE[d.month - 1].upper()} {d.year} г.", f"{d.day} {RU_NOMINATIVE[d.month - 1]} {d.year}",
            f"{d.day:02d}-{EN_MONTHS[d.month - 1][:3]}-{d.year}"]
    if full_year(d.year % 100) == d.year:  # the century a two-digit year is read in, around this year
        ways.append(f"{d:%d.%m.%y}")
    return ways


DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31))
WRITTEN = DATES.flatmap(lambda d: st.tuples(st.just(d), st.sampled_from(renderings(d))))
WORDS = st.sampled_from(["Dec", "дек", "декабря", "May", "мая", "Sept", "foo", "г.", "13", "2023", "23", "1", "12"])
ANY_TEXT = st.lists(st.one_of(WORDS, st.text(alphabet="0123456789./- ,", max_size=6)), max_size=5).map("".join)


def consistent(text: str, value: date) -> bool:
    """`value` is what `text` writes: its day, month and year each appear in the text."""
    numbers = {int(n) for n in re.findall(r"\d+", text)}
    numbers |= {int(n[:4]) for n in re.findall(r"\d{8}", text)} | {int(n[4:6]) for n in re.findall(r"\d{8}", text)}
    numbers |= {int(n[6:]) for n in re.findall(r"\d{8}", text)}
    months = {month_number(w) for w in re.findall(r"[^\W\d_]+", text)}
    return (value.day in numbers and (value.month in numbers or value.month in months)
            and (value.year in numbers or value.year % 100 in numbers))


def test_every_way_of_the_issue_reads_the_same_date() -> None:
    for text in ("2023-12-13", "13.12.2023", "13/12/2023", "13.12.23", "13 Dec 2023", "13 декабря 2023", "20231213"):
        assert parse_date(text) == date(2023, 12, 13), text
    for text in ("12/13/2023", "2023-13-12", "31.02.2024", "13.12", "Dec 2023", "next Tuesday", "13 Foo 2023"):
        assert parse_date(text) is None, text


def test_a_day_past_its_months_end_is_told_apart_from_text_that_is_no_date() -> None:
    for text, last in (("29.02.2023", date(2023, 2, 28)), ("31 April 2024", date(2024, 4, 30)),
                       ("2023-06-31", date(2023, 6, 30)), ("30.02.24", date(2024, 2, 29))):
        assert parse_date(text) is None and month_end_passed(text) == last, text
    for text in ("29.02.2024", "01.13.2024", "32.01.2024", "13.12", "next Tuesday", "31.04.1850", ""):
        assert month_end_passed(text) is None, text


@given(WRITTEN)
@settings(max_examples=400, deadline=None)
def test_a_written_date_is_read_as_that_date(written: tuple[date, str]) -> None:
    d, text = written
    assert parse_date(text) == d


@given(ANY_TEXT)
@settings(max_examples=400, deadline=None)
def test_any_text_is_read_as_the_date_it_writes_or_not_at_all(text: str) -> None:
    value = parse_date(text)
    assert value is None or consistent(text, value)


def typed_into_field(qtbot, text: str) -> DateField:
    field = DateField()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    key_clicks(qtbot, field, text)  # real key events, Cyrillic included
    return field


@pytest.mark.parametrize("language", ["en", "ru"])
@given(written=WRITTEN, noise=ANY_TEXT)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_typed_into_the_field_in_either_window_the_date_written_or_a_problem(qtbot, qapp, language, written,
                                                                            noise) -> None:
    from desktop_app.ui import translations

    before = translations.QLocale()
    if language == "ru":
        translations.install_chosen("ru", qapp, translations.QLocale("en_GB"))
    try:
        d, text = written
        field = typed_into_field(qtbot, text)
        assert field.value() == d and field.problem() is None
        field.show_as_read()  # leaving the field shows the same date in the window's format
        assert parse_date(field.text()) == d
        other = typed_into_field(qtbot, noise)
        value = other.value()
        assert (value is not None and consistent(noise, value)) or other.problem() is not None or not noise.strip()
    finally:
        if language == "ru":
            translations.remove_installed(qapp, before)
        QApplication.processEvents()
