"""Dates in words and the ways protocol names a country, in English and Russian.

Protocol writes dates in words ("13 December 2023", «13 декабря 2023 г.»), never 2023-12-13, and
addresses a ministry by the country's official name in the right case («Министерству иностранных
дел Республики Казахстан»). The official names are listed for the partner countries the programme
works with; any other country falls back to its short name, which stays correct if less formal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.records import Party
from desktop_app.domain.reference import country_name, party_name

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"),
}


def date_in_words(day: date, language: str = "en") -> str:
    """13 December 2023 / 13 декабря 2023 г."""
    month = MONTHS["ru" if language == "ru" else "en"][day.month - 1]
    return f"{day.day} {month} {day.year} г." if language == "ru" else f"{day.day} {month} {day.year}"


def dates_in_words(start: date, end: date | None, language: str = "en") -> str:
    """A meeting's dates: 13–14 December 2023; 30 November – 1 December 2023 (likewise in Russian)."""
    if end is None or end == start:
        return date_in_words(start, language)
    months = MONTHS["ru" if language == "ru" else "en"]
    tail = " г." if language == "ru" else ""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {months[end.month - 1]} {end.year}{tail}"
    if start.year == end.year:
        return f"{start.day} {months[start.month - 1]} – {end.day} {months[end.month - 1]} {end.year}{tail}"
    return f"{date_in_words(start, language)} – {date_in_words(end, language)}"


@dataclass(frozen=True)
class OfficialName:
    en: str  # "the Republic of Kazakhstan" (as after "of")
    ru_genitive: str  # «Республики Казахстан» (as after «Министерство иностранных дел»)
    capital_en: str
    capital_ru: str


OFFICIAL_NAMES: dict[str, OfficialName] = {
    "KZ": OfficialName("the Republic of Kazakhstan", "Республики Казахстан", "Astana", "Астана"),
    "KG": OfficialName("the Kyrgyz Republic", "Кыргызской Республики", "Bishkek", "Бишкек"),
    "TJ": OfficialName("the Republic of Tajikistan", "Республики Таджикистан", "Dushanbe", "Душанбе"),
    "TM": OfficialName("Turkmenistan", "Туркменистана", "Ashgabat", "Ашхабад"),
    "UZ": OfficialName("the Republic of Uzbekistan", "Республики Узбекистан", "Tashkent", "Ташкент"),
    "AF": OfficialName("Afghanistan", "Афганистана", "Kabul", "Кабул"),
    "MN": OfficialName("Mongolia", "Монголии", "Ulaanbaatar", "Улан-Батор"),
    "AZ": OfficialName("the Republic of Azerbaijan", "Азербайджанской Республики", "Baku", "Баку"),
    "AM": OfficialName("the Republic of Armenia", "Республики Армения", "Yerevan", "Ереван"),
    "GE": OfficialName("Georgia", "Грузии", "Tbilisi", "Тбилиси"),
}


def ministry(party: Party, language: str = "en") -> str:
    """The addressee of a Note Verbale, in the case that follows "presents its compliments to":
    the Ministry of Foreign Affairs of the Republic of Kazakhstan / Министерству иностранных дел
    Республики Казахстан. An organisation is addressed by its name."""
    if party.code is None:
        return party_name(party, language)
    official = OFFICIAL_NAMES.get(party.code)
    if language == "ru":
        country = official.ru_genitive if official else f"({country_name(party.code, 'ru')})"
        return f"Министерству иностранных дел {country}"
    return f"the Ministry of Foreign Affairs of {official.en if official else country_name(party.code)}"


def ministry_address(party: Party, language: str = "en") -> tuple[str, ...]:
    """The addressee block at the foot of the note: the ministry (nominative) and its city."""
    if party.code is None:
        return (party_name(party, language),)
    official = OFFICIAL_NAMES.get(party.code)
    if language == "ru":
        country = official.ru_genitive if official else f"({country_name(party.code, 'ru')})"
        lines = [f"Министерство иностранных дел {country}"]
        if official:
            lines.append(f"г. {official.capital_ru}")
        return tuple(lines)
    country = official.en if official else country_name(party.code)
    lines = [f"Ministry of Foreign Affairs of {country}"]
    if official:
        lines.append(official.capital_en)
    return tuple(lines)


def delegation_of(party: Party, language: str = "en") -> str:
    """"a delegation of the Republic of Kazakhstan" / «делегацию Республики Казахстан»."""
    official = OFFICIAL_NAMES.get(party.code or "")
    if language == "ru":
        return f"делегацию {official.ru_genitive}" if official else f"делегацию ({party_name(party, 'ru')})"
    return f"a delegation of {official.en if official else party_name(party)}"
