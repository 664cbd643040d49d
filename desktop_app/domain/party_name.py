"""A delegation named by its party in a message, kept apart from `domain.validation` (which names it
for its rules, and re-exports it): the window's message texts ask whether a value is one
(`ui/texts.py`), and the first window imports them without the rules and their character checks
(issue 19)."""

from __future__ import annotations

from desktop_app.domain.enums import PartyType
from desktop_app.domain.list_records import Party
from desktop_app.domain.reference import countries


class PartyName(str):
    """A delegation named by its party in a message ("Kazakhstan has no head"): the English name, with
    the party kept so a window in another language can show its own name for it."""

    party: Party

    def __new__(cls, party: Party) -> PartyName:
        if party.type is PartyType.COUNTRY:
            country = countries().get(party.code or "")
            name = country.en if country else (party.code or "")
        else:
            name = party.name or ""
        value = super().__new__(cls, name)
        value.party = party
        return value
