"""Who is one party in a report, and how parties and cities read in the report's language.

`report_party_key` is the ONE place in the report that decides which delegations count as the same
party, and it asks the reference lists' one rule (`domain.reference.counted_party`, issue 16): an
organisation and its predecessor (EMCDDA, now the European Union Drugs Agency) are one party, shown
by its latest name (contract §3 v2). The names and their periods are `resources/reference/organisations.json`.
`party_as_named` is the one place that names a party in a line about one dialogue (its row, its page):
by the name in force on that dialogue's date (round 18), through the reference lists' `party_at`.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache

from desktop_app.domain.records import Party
from desktop_app.domain.reference import (
    counted_party,
    countries,
    names_of_party,
    organisations,
    party_at,
    party_name,
)
from desktop_app.resources import resource_path


def report_party_key(party: Party) -> Party:
    """The party a delegation counts as in a report: a country as it is; an organisation under its
    latest name (its predecessors' names and acronyms lead to it), whatever the dialogue's date, so
    that a period across a renaming counts the organisation once (the tables that count parties show
    it). What speaks of one dialogue names it as then: `party_as_named`."""
    if party.code is not None or not party.name:
        return party
    return _latest(party)


@cache
def _latest(party: Party) -> Party:  # once per organisation and report run, not once per delegation
    return counted_party(party).party or party


def party_as_named(party: Party, on: date | None) -> Party:
    """The party as a line about one dialogue names it: counted as `report_party_key` counts it, named
    as on that dialogue's date (`domain.reference.party_at`). A 2023 dialogue's page and rows say
    EMCDDA, a name the officers met then, not "European Union Drugs Agency", which did not exist
    until 2 July 2024 (round 18); a 2025 one says the EUDA, whichever name the delegation was entered
    under. Countries and organisations never renamed are asked nothing more (once per party)."""
    key = report_party_key(party)
    return party_at(key, on) if renamed(key) else key


@cache
def renamed(party: Party) -> bool:
    """Whether the party has carried another name (its name depends on the date)."""
    return party.code is None and bool(counted_party(party).formerly)


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
