"""The records the dialogue list shows and is narrowed by: a party, a row, a page, a filter.

Apart from `domain.records` (which names them too, so `records.Page` is this `Page`) because the first
window needs these four and none of the other eleven: the dataclass machinery for those follows the
first paint (issue 19, ~16 ms of a start).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

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


@dataclass(frozen=True)
class DialogueRow:
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


@dataclass(frozen=True)
class DialogueFilter:
    """What the officer narrows a list, an export or a report to. Empty fields filter nothing."""

    text: str | None = None
    series: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None  # host country or a country that sent a delegation
    status: DialogueStatus | None = None
    deleted: bool = False  # True: the trash
    ids: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Page:
    rows: tuple[DialogueRow, ...]
    total: int
    more: bool = False  # `total` is a bound: more than that many match (a search counted only so far)


EMPTY_FILTER = DialogueFilter()
