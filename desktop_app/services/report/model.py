"""The summary report as plain data: computed once, rendered four ways (XLSX, DOCX, PDF, HTML).

Every renderer reads the same `Report`, so the numbers cannot disagree between formats. Labels are
here too, so that a sheet name or a column heading is spelled once (contract §3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SUMMARY_METRICS = (
    "Period from", "Period to", "Dialogues", "Delegations", "Participants", "Unique people", "Women", "Men",
    "Sex not recorded", "Countries represented", "Organisations represented", "Programme-supported delegations",
    "Programme-supported participants",
)
DIALOGUE_COLUMNS = ("Start date", "End date", "Title", "Series", "Kind", "City", "Country", "Chair",
                    "Delegations", "Participants", "Women", "Men", "Status")
PARTICIPATION_COLUMNS = ("Party", "Side", "Dialogues attended", "Delegations", "Participants", "Women", "Men",
                         "Sex not recorded", "Programme-supported participants")
TOPIC_COLUMNS = ("Topic", "Dialogues")
ACTION_COLUMNS = ("Dialogue", "Action", "Owner", "Due date", "Status")

NO_DIALOGUES = "No dialogues match the selection."

Cell = str | int | date | None


@dataclass(frozen=True)
class Summary:
    period_from: date | None
    period_to: date | None
    dialogues: int
    delegations: int
    participants: int
    unique_people: int
    women: int
    men: int
    sex_not_recorded: int
    countries: int
    organisations: int
    supported_delegations: int
    supported_participants: int

    def rows(self) -> list[tuple[str, Cell]]:
        """(metric, value) in the contract's order."""
        values = (self.period_from, self.period_to, self.dialogues, self.delegations, self.participants,
                  self.unique_people, self.women, self.men, self.sex_not_recorded, self.countries,
                  self.organisations, self.supported_delegations, self.supported_participants)
        return list(zip(SUMMARY_METRICS, values, strict=True))


@dataclass(frozen=True)
class DialogueLine:
    id: str
    start_date: date
    end_date: date | None
    title: str
    series: str | None
    kind: str
    city: str | None
    country: str
    chair: str
    delegations: int
    participants: int
    women: int
    men: int
    status: str  # "Final" or "Draft"

    @property
    def is_draft(self) -> bool:
        return self.status == "Draft"

    def cells(self) -> tuple[Cell, ...]:
        return (self.start_date, self.end_date, self.title, self.series, self.kind, self.city, self.country,
                self.chair, self.delegations, self.participants, self.women, self.men, self.status)


@dataclass(frozen=True)
class PartyLine:
    party: str
    is_country: bool
    side: str
    dialogues: int
    delegations: int
    participants: int
    women: int
    men: int
    sex_not_recorded: int
    supported_participants: int

    def cells(self) -> tuple[Cell, ...]:
        return (self.party, self.side, self.dialogues, self.delegations, self.participants, self.women,
                self.men, self.sex_not_recorded, self.supported_participants)


@dataclass(frozen=True)
class TopicLine:
    topic: str
    dialogues: int

    def cells(self) -> tuple[Cell, ...]:
        return (self.topic, self.dialogues)


@dataclass(frozen=True)
class ActionLine:
    dialogue: str
    action: str
    owner: str | None
    due_date: date | None
    status: str  # "Open" or "Done"

    def cells(self) -> tuple[Cell, ...]:
        return (self.dialogue, self.action, self.owner, self.due_date, self.status)


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str  # "Head" or "Member"
    position: str | None
    institution: str | None


@dataclass(frozen=True)
class DelegationSection:
    party: str
    side: str
    programme_supported: bool
    attendees: tuple[Attendee, ...]


@dataclass(frozen=True)
class AgendaLine:
    title: str
    presenter: str | None


@dataclass(frozen=True)
class DialogueSection:
    """One dialogue in full, for the pages after the tables."""

    line: DialogueLine
    facts: tuple[tuple[str, str], ...]
    delegations: tuple[DelegationSection, ...]
    agenda: tuple[AgendaLine, ...]
    actions: tuple[ActionLine, ...]
    narrative: str
    narrative_ru: str | None


@dataclass(frozen=True)
class Chart:
    """A bar chart's data; drawn by `charts.py` for each format."""

    title: str
    bars: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Report:
    title: str
    language: str
    generated_on: date
    filters: tuple[tuple[str, str], ...]
    summary: Summary
    dialogues: tuple[DialogueLine, ...]
    participation: tuple[PartyLine, ...]
    topics: tuple[TopicLine, ...]
    actions: tuple[ActionLine, ...]
    sections: tuple[DialogueSection, ...]
    charts: tuple[Chart, ...]

    @property
    def empty(self) -> bool:
        return not self.dialogues

    @property
    def period_text(self) -> str:
        start, end = self.summary.period_from, self.summary.period_to
        if start is None and end is None:
            return "All dates"
        return f"{start.isoformat() if start else '…'} to {end.isoformat() if end else '…'}"

    def tables(self) -> list[tuple[str, tuple[str, ...], list[tuple[Cell, ...]]]]:
        """The five tables of the contract as (name, header, rows): every renderer walks this."""
        return [
            ("Summary", ("Metric", "Value"), [tuple(row) for row in self.summary.rows()]),
            ("Dialogues", DIALOGUE_COLUMNS, [line.cells() for line in self.dialogues]),
            ("Participation", PARTICIPATION_COLUMNS, [line.cells() for line in self.participation]),
            ("Topics", TOPIC_COLUMNS, [line.cells() for line in self.topics]),
            ("Actions", ACTION_COLUMNS, [line.cells() for line in self.actions]),
        ]
