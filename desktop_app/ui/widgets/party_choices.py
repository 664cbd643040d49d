"""How a party is written in the form and read back from what the officer typed.

Countries are offered as "Kazakhstan — Казахстан" so either spelling finds them (in a Russian window
"Казахстан — Kazakhstan": the window's language first); organisations likewise with both names.
Anything else typed is an unlisted organisation.
Kept free of widgets so the same reading serves the party picker, the host-country field and the
presenter column of the agenda.
"""

from __future__ import annotations

from functools import cache

from desktop_app.domain.enums import PartyType
from desktop_app.domain.records import Party
from desktop_app.domain.reference import countries, organisations
from desktop_app.ui.translations import name_sort_key, ui_language

SEPARATOR = " — "


def _pair(en: str, ru: str, language: str) -> str:
    return f"{ru}{SEPARATOR}{en}" if language == "ru" else f"{en}{SEPARATOR}{ru}"


def country_label(code: str, language: str | None = None) -> str:
    country = countries().get(code)
    return _pair(country.en, country.ru, language or ui_language()) if country else code


def organisation_label(name: str, language: str | None = None) -> str:
    for organisation in organisations():
        if organisation.name == name:
            return _pair(organisation.name, organisation.ru, language or ui_language())
    return name


def party_label(party: Party | None) -> str:
    if party is None:
        return ""
    if party.type is PartyType.COUNTRY:
        return country_label(party.code or "")
    return organisation_label(party.name or "")


def country_labels() -> tuple[str, ...]:
    return _country_labels(ui_language())


@cache
def _country_labels(language: str) -> tuple[str, ...]:
    return tuple(sorted((country_label(code, language) for code in countries()), key=name_sort_key(language)))


def organisation_labels() -> tuple[str, ...]:
    return _organisation_labels(ui_language())


@cache
def _organisation_labels(language: str) -> tuple[str, ...]:
    return tuple(organisation_label(o.name, language) for o in organisations())


@cache
def _country_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for code, country in countries().items():
        for spelling in (code, country.en, country.ru, country_label(code, "en"), country_label(code, "ru")):
            lookup[spelling.casefold()] = code
    return lookup


@cache
def _organisation_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for organisation in organisations():
        spellings = [organisation.name, organisation.ru, organisation_label(organisation.name, "en"),
                     organisation_label(organisation.name, "ru")]
        if organisation.acronym:
            spellings.append(organisation.acronym)
        for spelling in spellings:
            lookup[spelling.casefold()] = organisation.name
    return lookup


def country_code_from_text(text: str) -> str | None:
    """The ISO code for a typed country (code, English, Russian or the offered label), else None."""
    return _country_lookup().get(text.strip().casefold())


def party_from_text(text: str, countries_only: bool = False) -> Party | None:
    """Read a typed party: a known country, a known organisation, or an unlisted organisation.

    Empty text is no party. With `countries_only`, unknown text is kept as a (bad) country code so
    that validation names it instead of silently dropping what the officer typed.
    """
    text = text.strip()
    if not text:
        return None
    code = country_code_from_text(text)
    if code:
        return Party.country(code)
    if countries_only:
        return Party.country(text)
    return Party.organisation(_organisation_lookup().get(text.casefold(), text))
