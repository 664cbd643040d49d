"""One cell of a registration list read as a value of the record: a sex, a party, a role."""

from __future__ import annotations

import re
from functools import cache

from desktop_app.domain.enums import Role, Sex
from desktop_app.domain.records import Party
from desktop_app.domain.reference import countries, organisations
from desktop_app.domain.search import fold
from desktop_app.domain.texts import Text
from desktop_app.services.registration.columns import fold_heading
from desktop_app.services.registration.words import COUNTRY_WORDS, role_words, sex_words

_SEX = sex_words()
_ROLES = role_words()
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ValueProblem(ValueError):
    """A cell that cannot be read; the message names what was found."""


def parse_sex(text: str) -> Sex | None:
    if not text.strip():
        return None
    folded = fold_heading(text)
    if folded not in _SEX:
        raise ValueProblem(Text("“%1” is not a sex (use F or M, Ж or М)", text))
    return _SEX[folded]  # None: "Prefer not to say", not recorded


def parse_role(text: str) -> Role:
    folded = fold_heading(text)
    if not folded:
        return Role.MEMBER
    if folded in _ROLES:
        return _ROLES[folded]
    raise ValueProblem(Text("“%1” is not a role (use Head or Member, Глава or Член)", text))


def parse_email(text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    if text.lower().startswith("mailto:"):
        text = text[7:]
    if not _EMAIL.match(text):
        raise ValueProblem(Text("“%1” is not an e-mail address", text))
    return text


@cache
def _party_names() -> dict[str, Party]:
    names: dict[str, Party] = {}
    for code, country in countries().items():
        for name in (code, country.en, country.ru):
            names[fold(name)] = Party.country(code)
    for name, code in COUNTRY_WORDS.items():
        if code in countries():
            names[fold(name)] = Party.country(code)
    for organisation in organisations():
        for name in (organisation.name, organisation.ru, organisation.acronym):
            if name:
                names[fold(name)] = Party.organisation(organisation.name)
    return names


def parse_party(text: str) -> Party | None:
    """A country by ISO code or English/Russian name, or a known organisation by name or acronym."""
    if not text.strip():
        return None
    party = _party_names().get(fold(text))
    if party is None:
        raise ValueProblem(Text("“%1” is not a known country or organisation", text))
    return party
