"""Reference data shipped with the program: ISO 3166 countries (English and Russian names), the
country groups officers add in one go, and the usual EU institutions and agencies."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from desktop_app.domain.enums import Side
from desktop_app.domain.records import Party
from desktop_app.resources import resource_path


@dataclass(frozen=True)
class Country:
    code: str
    en: str
    ru: str

    def name(self, language: str = "en") -> str:
        return self.ru if language == "ru" else self.en


@dataclass(frozen=True)
class Organisation:
    name: str
    ru: str
    acronym: str | None
    side: Side


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
        Organisation(o["name"], o["ru"], o.get("acronym"), Side(o["side"]))
        for o in data["organisations"]
    )


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
