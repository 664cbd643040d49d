"""Who is one party in a report, and how parties and cities read in the report's language.

`report_party_key` is the ONE place in the report that decides which delegations count as the same
party, and it asks the reference lists' one rule (`domain.reference.counted_party`, issue 16): an
organisation and its predecessor (EMCDDA, now the European Union Drugs Agency) are one party, shown
by its latest name (contract §3 v2). The names and their periods are `resources/reference/organisations.json`.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache

from desktop_app.domain.records import Party
from desktop_app.domain.reference import counted_party, countries, names_of_party, organisations, party_name
from desktop_app.resources import resource_path


def report_party_key(party: Party, on: date | None = None) -> Party:
    """The party a delegation counts as in a report: a country as it is; an organisation under its
    latest name (its predecessors' names and acronyms lead to it). `on`, the dialogue's date, does
    not change it: the latest name is shown whatever the date, so that a period across a renaming
    counts the organisation once."""
    if party.code is not None or not party.name:
        return party
    return _latest(party)


@cache
def _latest(party: Party) -> Party:  # once per organisation and report run, not once per delegation
    return counted_party(party).party or party


def party_label(party: Party, language: str) -> str:
    """The party's name in the report's language: ISO short name of a country, the organisation's name."""
    return party_name(party, language)


def resolve_party(text: str, known: list[Party]) -> Party | None:
    """The party the officer means by `text` (a country code, a country's or organisation's name in
    either language, an acronym), case not mattering; None when it is none of `known`."""
    wanted = text.strip().casefold()
    if not wanted:
        return None
    for party in known:
        names = {party_name(party, "en"), party_name(party, "ru")}
        if party.code:
            names.add(party.code)
            country = countries().get(party.code)
            if country:
                names.update((country.en, country.ru))
        else:
            names.add(party.name or "")
            names.update(names_of_party(party))
            names.update(o.acronym or "" for o in organisations() if o.name == party.name)
        if wanted in {name.casefold() for name in names if name}:
            return party
    return None


@cache
def _cities() -> dict[str, tuple[str, str]]:
    data = json.loads(resource_path("reference", "cities.json").read_text(encoding="utf-8"))
    table: dict[str, tuple[str, str]] = {}
    for city in data["cities"]:
        for name in (city["en"], city["ru"]):
            table[name.casefold()] = (city["en"], city["ru"])
    return table


def city_name(city: str | None, language: str) -> str:
    """A city in the report's language; a city not in the reference list stays as the officer typed it."""
    if not city:
        return ""
    known = _cities().get(city.strip().casefold())
    if known is None:
        return city
    return known[1] if language == "ru" else known[0]
