"""Reference data shipped with the program: ISO 3166 countries (English and Russian names), the
country groups officers add in one go, and the usual EU institutions and agencies."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import NamedTuple

from desktop_app.domain.enums import Side
from desktop_app.domain.list_records import Party
from desktop_app.resources import resource_path


class Country(NamedTuple):
    """A country of the reference list. The reference records are named tuples, not dataclasses: the
    first window reads country names, and a dataclass costs ~4 M instructions to make (its methods
    are compiled as the module is imported), a named tuple a quarter of that (issue 19)."""

    code: str
    en: str
    ru: str

    def name(self, language: str = "en") -> str:
        return self.ru if language == "ru" else self.en


class Organisation(NamedTuple):
    """One name of an organisation, with the period it was in force; the names of one organisation
    (EMCDDA, then EUDA) share its `ref`."""

    name: str
    ru: str
    acronym: str | None
    side: Side
    ref: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    on_request: bool = False  # not added by "Add EU side" unless asked (the EU Delegation)

    def in_force(self, on: date | None) -> bool:
        return on is None or ((self.valid_from is None or self.valid_from <= on)
                              and (self.valid_until is None or on <= self.valid_until))


@cache
def countries() -> dict[str, Country]:
    data = json.loads(resource_path("reference", "countries.json").read_text(encoding="utf-8"))
    return {c["code"]: Country(c["code"], c["en"], c["ru"]) for c in data["countries"]}


def is_known_country(code: str | None) -> bool:
    return code is not None and code in countries()


def country_name(code: str | None, language: str = "en") -> str:
    """The display name of a country; an unknown code is shown as it is rather than hidden."""
    if not code:
        return ""
    country = countries().get(code)
    return country.name(language) if country else code


@cache
def country_groups() -> dict[str, tuple[str, ...]]:
    data = json.loads(resource_path("reference", "groups.json").read_text(encoding="utf-8"))
    return {key: tuple(group["countries"]) for key, group in data.items()}


def central_asia() -> tuple[str, ...]:
    return country_groups()["central_asia"]


def eu_member_states() -> tuple[str, ...]:
    return country_groups()["eu_member_states"]


@cache
def organisations() -> tuple[Organisation, ...]:
    data = json.loads(resource_path("reference", "organisations.json").read_text(encoding="utf-8"))
    return tuple(
        Organisation(o["name"], o["ru"], o.get("acronym"), Side(o["side"]), o.get("ref"),
                     _day(o.get("from")), _day(o.get("until")), bool(o.get("on_request")))
        for o in data["organisations"]
    )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _names_of(ref: str) -> list[Organisation]:
    """Every name of one organisation, the oldest first."""
    return sorted((o for o in organisations() if o.ref == ref), key=lambda o: o.valid_from or date.min)


def organisation_named(name: str | None) -> Organisation | None:
    """The reference entry of an organisation by any of its names or acronyms."""
    if not name:
        return None
    folded = name.strip().casefold()
    return next((o for o in organisations()
                 if folded in (o.name.casefold(), o.ru.casefold(), (o.acronym or "").casefold())), None)


def party_ref(party: Party | None) -> str | None:
    """The reference id a party travels with (`ref` in bundle v2): one id for every name of one
    organisation, the ISO code for a country, None for an organisation not in the lists."""
    if party is None:
        return None
    if party.code is not None:
        return f"iso3166:{party.code}" if is_known_country(party.code) else None
    organisation = organisation_named(party.name)
    return organisation.ref if organisation else None


def party_from_ref(ref: str | None, on: date | None = None) -> Party | None:
    """The party a reference id names, with the name in force on a date (the newest name without)."""
    if not ref:
        return None
    if ref.startswith("iso3166:"):
        code = ref.split(":", 1)[1]
        return Party.country(code) if is_known_country(code) else None
    names = _names_of(ref)
    if not names:
        return None
    current = [o for o in names if o.in_force(on)] if on else []
    return Party.organisation((current or names)[-1].name)


def party_at(party: Party, on: date | None) -> Party:
    """The party as named on a date: an EMCDDA delegation entered for a 2025 meeting is the EUDA's,
    a EUDA one entered for 2023 the EMCDDA's. Countries and unlisted organisations stay as they are."""
    if party.code is not None or on is None:
        return party
    organisation = organisation_named(party.name)
    if organisation is None or organisation.ref is None or organisation.in_force(on):
        return party
    return party_from_ref(organisation.ref, on) or party


class CountedParty(NamedTuple):
    """A party as a report counts it across years: one key for an organisation and its
    predecessors, shown with its current name (`party`, `name`) and "formerly ..." (`label()`)."""

    key: str
    name: str
    formerly: tuple[str, ...]
    language: str = "en"
    party: Party | None = None  # the party under the name it carries now

    def label(self) -> str:
        if not self.formerly:
            return self.name
        word = "ранее" if self.language == "ru" else "formerly"
        return f"{self.name} ({word} {', '.join(self.formerly)})"


def counted_party(party: Party, language: str = "en") -> CountedParty:
    """THE rule of who is one party across years (reports, issue 16): an organisation and its
    predecessors in `organisations.json` are one party under its current name, "European Union
    Drugs Agency (formerly EMCDDA)"; a country or an organisation not in the lists is itself."""
    ref = party_ref(party)
    if party.code is not None or ref is None:
        return CountedParty(ref or f"name:{party.key}", party_name(party, language), (), language, party)
    names = _names_of(ref)
    current = names[-1]
    formerly = tuple(o.acronym or (o.ru if language == "ru" else o.name) for o in names[:-1])
    return CountedParty(ref, current.ru if language == "ru" else current.name, formerly, language,
                        Party.organisation(current.name))


def names_of_party(party: Party) -> set[str]:
    """Every name and acronym, in English and Russian, the organisation of this party has carried."""
    organisation = organisation_named(party.name) if party.code is None else None
    if organisation is None or organisation.ref is None:
        return set()
    return {name for o in _names_of(organisation.ref) for name in (o.name, o.ru, o.acronym or "") if name}


def eu_side_at(on: date | None, with_delegation: bool = False) -> tuple[Party, ...]:
    """The EU bodies that existed on a date, once each under the name then in force: what "Add EU
    side" adds. The EU Delegation only when asked for."""
    chosen: dict[str, Organisation] = {}
    for organisation in organisations():
        if organisation.side is not Side.EU or (organisation.on_request and not with_delegation):
            continue
        if on is not None and not organisation.in_force(on):
            continue
        key = organisation.ref or organisation.name
        if key not in chosen or (organisation.valid_from or date.min) > (chosen[key].valid_from or date.min):
            chosen[key] = organisation
    return tuple(Party.organisation(o.name) for o in chosen.values())


@cache
def _presidencies() -> dict[tuple[int, int], str]:
    data = json.loads(resource_path("reference", "council_presidencies.json").read_text(encoding="utf-8"))
    return {(p["year"], p["half"]): p["country"] for p in data["presidencies"]}


def council_presidency(on: date | None) -> str | None:
    """The member state holding the Council presidency on a date (ISO code), where the list knows it."""
    if on is None:
        return None
    return _presidencies().get((on.year, 1 if on.month <= 6 else 2))


def party_name(party: Party | None, language: str = "en") -> str:
    """A party as reports show it: a country's short name, or the organisation's name."""
    if party is None:
        return ""
    if party.code is not None:
        return country_name(party.code, language)
    if language == "ru":
        for organisation in organisations():
            if organisation.name == party.name:
                return organisation.ru
    return party.name or ""


def default_side(party: Party) -> Side:
    """The side a delegation of this party usually sits on, as a sensible default for the form."""
    if party.code is not None:
        if party.code in eu_member_states():
            return Side.EU
        if party.code in central_asia():
            return Side.PARTNER
        return Side.OTHER
    for organisation in organisations():
        if organisation.name == party.name:
            return organisation.side
    return Side.OTHER


_EU_CENTRAL_ASIA = ("central asia", "центральная азия", "eu ca", "ес ца")


def is_eu_central_asia(*texts: str | None) -> bool:
    """Whether a meeting's title or series names an EU-Central Asia dialogue (in any script)."""
    from desktop_app.domain.search import fold  # here: the first window needs no folding (issue 19)

    folded = " ".join(fold(text) for text in texts if text)
    return any(fold(phrase) in folded for phrase in _EU_CENTRAL_ASIA)
