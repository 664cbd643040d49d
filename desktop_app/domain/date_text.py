"""Dates as officers type them, read exactly or not at all.

A date field must never store a date other than the one written. Qt's sectioned date editor and
general "fuzzy" parsers (dateutil, dateparser) both guess: they fill missing parts from today, swap
day and month by locale, or read "13.12.23" as the year 23. This reader accepts only the shapes
people write in the two languages of the program and returns None for anything else, so the field
can say it cannot read the text instead of storing a guess:

- year first, dashes or no separator: `2023-12-13`, `2023-12-3`, `20231213` (and `2023/12/13`,
  `2023.12.13`, where a four-digit first part cannot be a day);
- day first with `.`, `/` or `-` — always day first, in either window: `13.12.2023`, `13/12/2023`,
  `13-12-2023`, `13.12.23`;
- a two-digit year is the year ending in those digits that falls from 80 years before this year to 19
  years after it (in 2026: `00`–`45` are 2000–2045, `46`–`99` are 1946–1999). Officers record past
  meetings back to the 1990s, so "13.12.99" is 1999, never 2099. The window moves with the calendar
  (in 2030: `00`–`49` are 2000–2049) instead of a fixed pivot, which would age;
- a month name or its abbreviation, English or Russian (any case, any grammatical form):
  `13 Dec 2023`, `13 December 2023`, `December 13, 2023`, `13 декабря 2023`, `13 дек. 2023 г.`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date

_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
_RUSSIAN_FORMS = {  # the names in full, nominative and genitive, and the accepted short forms
    1: ("январь", "января", "янв"), 2: ("февраль", "февраля", "фев", "февр"), 3: ("март", "марта", "мар"),
    4: ("апрель", "апреля", "апр"), 5: ("май", "мая"), 6: ("июнь", "июня", "июн"),
    7: ("июль", "июля", "июл"), 8: ("август", "августа", "авг"),
    9: ("сентябрь", "сентября", "сен", "сент"), 10: ("октябрь", "октября", "окт"),
    11: ("ноябрь", "ноября", "ноя", "нояб"), 12: ("декабрь", "декабря", "дек"),
}

FIRST_YEAR, LAST_YEAR = 1900, 2199


def takes_year(year: int) -> bool:
    """Whether a date field takes this year (FIRST_YEAR…LAST_YEAR): the one bound the fields' reading
    and the records' rule (`validation`) share."""
    return FIRST_YEAR <= year <= LAST_YEAR

_NUMERIC_YEAR_FIRST = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_NUMERIC_DAY_FIRST = re.compile(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DAY_NAME_YEAR = re.compile(r"(\d{1,2})[\s./-]*([^\W\d_]+)\.?[\s,/-]*(\d{4})")
_NAME_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?\s*(\d{1,2})(?:,\s*|\s+)(\d{4})")
_YEAR_WORD = re.compile(r"\s*(г\.?|года?)$")
YEARS_BACK, YEARS_AHEAD = 80, 19  # the century a two-digit year is read in, around this year
clock: Callable[[], date] = date.today  # "this year" for two-digit years; a test sets the clock here


def full_year(two_digits: int, this_year: int | None = None) -> int:
    """The year ending in `two_digits` (0–99) within YEARS_BACK before and YEARS_AHEAD after
    `this_year` (today's by default): "99" typed in 2026 is 1999, "45" is 2045, "46" is 1946."""
    year = this_year if this_year is not None else clock().year
    first = year - YEARS_BACK
    return first + (two_digits - first) % 100


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for (English or Russian, any case), or None."""
    word = word.casefold().rstrip(".")
    if len(word) >= 3:
        for number, name in enumerate(_MONTHS_EN, 1):
            if name.startswith(word):
                return number
        if word == "sept":
            return 9
    for number, forms in _RUSSIAN_FORMS.items():
        if word in forms:
            return number
    return None


def _make(year: int, month: int, day: int) -> date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None  # a typo (0023, 2203), not a meeting's date
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _written(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) as `text` writes them in one of the accepted shapes, not yet checked
    against the calendar; None for any other text."""
    text = _YEAR_WORD.sub("", " ".join(text.split()))
    if not text:
        return None
    if match := _NUMERIC_YEAR_FIRST.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return year, month, day
    if match := _NUMERIC_DAY_FIRST.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) == 2:
            year = full_year(year)
        return year, month, day
    if match := _COMPACT.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return year, month, day
    for pattern, order in ((_DAY_NAME_YEAR, "dmy"), (_NAME_DAY_YEAR, "mdy")):
        if match := pattern.fullmatch(text):
            parts = dict(zip(order, match.groups(), strict=True))
            named_month = month_number(parts["m"])
            if named_month is None:
                return None
            return int(parts["y"]), named_month, int(parts["d"])
    return None


def parse_date(text: str) -> date | None:
    """The date `text` writes, or None when it is empty or not a date written in full."""
    written = _written(text)
    return _make(*written) if written is not None else None


def month_end_passed(text: str) -> date | None:
    """The last day of the month when `text` is written as a date but names a day past that month's
    end ("29.02.2023", "31 April 2024"): the text is in a shape the program reads, so saying it cannot
    be read would mislead. None otherwise."""
    written = _written(text)
    if written is None:
        return None
    year, month, day = written
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12 and 28 < day <= 31):
        return None
    last = calendar.monthrange(year, month)[1]
    return date(year, month, last) if day > last else None


def year_out_of_range(text: str) -> int | None:
    """The year `text` writes when it is a date in a shape the program reads, of a real month and
    day, but of a year outside FIRST_YEAR…LAST_YEAR ("0023-05-01", "1.5.2203": a typo): saying it
    cannot be read, "type it as 2023-12-13", would mislead. None otherwise."""
    written = _written(text)
    if written is None:
        return None
    year, month, day = written
    if takes_year(year) or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return year
