"""The records the dialogue list shows and is narrowed by: a party, a row, a page, a filter.

Apart from `domain.records` (which names them too, so `records.Page` is this `Page`) because the first
window needs these four and none of the other eleven: the dataclass machinery for those follows the
first paint (issue 19, ~16 ms of a start). A list row, a page and a filter are named tuples (round
10): a dataclass's methods are compiled as its module is imported, before the first window's paint,
and rows are made by the hundred as the officer scrolls. PySide6 keeps a named tuple whole in a
model's data, an item's data and a signal's `object` (checked: it comes back as itself, not as a
list); a filter is changed with `_replace`. The party stays a dataclass: the codec builds parties
slot by slot (`services/exchange/codec.py`) and its tests hold it to the dataclass's fields.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from desktop_app.domain.enums import DialogueKind, DialogueStatus, PartyType


@dataclass(frozen=True)
class Party:
    """Who a delegation represents, who chairs, who presents: a country or an organisation."""

    type: PartyType
    code: str | None = None  # ISO 3166-1 alpha-2, for a country
    name: str | None = None  # for an organisation

    @classmethod
    def country(cls, code: str) -> Party:
        return cls(PartyType.COUNTRY, code=code)

    @classmethod
    def organisation(cls, name: str) -> Party:
        return cls(PartyType.ORGANISATION, name=name)

    @property
    def key(self) -> str:
        """A stable text key, e.g. `country:KZ` or `organisation:Europol`."""
        return f"{self.type.value}:{self.code if self.type is PartyType.COUNTRY else self.name}"


class DialogueRow(NamedTuple):
    """One line of the dialogue list: what the table shows, without the children."""

    id: str
    title: str
    kind: DialogueKind
    start_date: date
    end_date: date | None
    series: str | None
    city: str | None
    country: str | None
    online: bool
    chair: Party | None
    status: DialogueStatus
    delegation_count: int
    participant_count: int
    updated_at: datetime
    deleted_at: datetime | None = None


class DialogueFilter(NamedTuple):
    """What the officer narrows a list, an export or a report to. Empty fields filter nothing."""

    text: str | None = None
    series: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None  # host country or a country that sent a delegation
    status: DialogueStatus | None = None
    deleted: bool = False  # True: the trash
    ids: tuple[str, ...] | None = None


class Page(NamedTuple):
    """One page of list rows and how many match in all."""

    rows: tuple[DialogueRow, ...]
    total: int
    more: bool = False  # `total` is a bound: more than that many match (a search counted only so far)


EMPTY_FILTER = DialogueFilter()


def series_each(names: list[str]) -> dict[str, tuple[str, ...]]:
    """Each series once, whatever the cases it is stored in ("Drug Dialogue" here, "drug dialogue" from
    another office's bundle): its first spelling in `names`' order, with every spelling of it. `list`,
    `report`, the Report dialog and the window's series filter take them as one series. In the order
    of the alphabet, case not mattering (round 17: as stored, "alpha" came after "Zeta")."""
    spellings: dict[str, list[str]] = {}
    for name in names:
        spellings.setdefault(name.strip().casefold(), []).append(name)  # spaces around it as little as case
    return {spellings[key][0]: tuple(spellings[key]) for key in sorted(spellings)}
