"""The summary report as plain data: computed once, rendered four ways (XLSX, DOCX, PDF, HTML).

Every renderer reads the same `Report`, so the numbers cannot disagree between formats. Column and
sheet names are spelled once, here, in English; `labels.t` gives them in the report's language.
Text cells arrive already in the report's language (party names, codes of the record); numbers and
dates stay numbers and dates until a text format writes them (`cells.cell_text`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import overload

from desktop_app.services.report.labels import share_text, t

SUMMARY_METRICS = (
    "Period from", "Period to", "Dialogues", "Delegations", "Participants", "Unique people", "Women", "Men",
    "Sex not recorded", "Countries represented", "Organisations represented", "Programme-supported delegations",
    "Programme-supported participants",
    # contract version 2
    "Drafts included", "Invited", "Unique women", "Unique men", "Unique people, sex not recorded",
    "Partner-side participants", "EU-side participants", "Programme-funded participants", "Programme-funded women",
    "Programme-funded men", "Dialogues supported by the programme", "Institutions represented", "Actions open",
    "Actions done", "Actions overdue",
)
# metric -> the metric it is a share of (PDF, DOCX and HTML print the share in per cent)
SHARE_OF = {"Women": "Participants", "Men": "Participants", "Sex not recorded": "Participants",
            "Unique women": "Unique people", "Unique men": "Unique people",
            "Unique people, sex not recorded": "Unique people", "Partner-side participants": "Participants",
            "EU-side participants": "Participants", "Programme-funded participants": "Participants",
            "Programme-funded women": "Programme-funded participants",
            "Programme-funded men": "Programme-funded participants"}
DIALOGUE_COLUMNS = ("Start date", "End date", "Title", "Series", "Kind", "City", "Country", "Chair",
                    "Delegations", "Participants", "Women", "Men", "Status")
YEAR_COLUMNS = ("Year", "Dialogues", "Delegations", "Participants", "Unique people", "Women", "Men",
                "Sex not recorded", "Programme-funded participants")
PARTICIPATION_COLUMNS = ("Party", "Side", "Dialogues attended", "Delegations", "Participants", "Women", "Men",
                         "Sex not recorded", "Programme-supported participants")
PARTICIPANT_COLUMNS = ("Start date", "Dialogue", "Party", "Side", "Name", "Sex", "Institution", "Position",
                       "Role", "Status", "Programme-funded")
TOPIC_COLUMNS = ("Topic", "Dialogues")
ACTION_COLUMNS = ("Dialogue", "Action", "Owner", "Due date", "Status")

NO_DIALOGUES = "No dialogues match the selection."

Cell = str | int | date | None
Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """One table of the contract: `name` and `header` in English (translated when written)."""

    name: str
    header: tuple[str, ...]
    rows: Sequence[Row]  # the Participants table: read from the database as it is written (`counting.py`)
    drafts: frozenset[int] = frozenset()  # rows that belong to draft dialogues (marked in every format)


@dataclass(frozen=True)
class Summary:
    """The Summary sheet: every metric of the contract, in its order."""

    values: dict[str, Cell]

    def __getitem__(self, metric: str) -> Cell:
        return self.values[metric]

    def count(self, metric: str) -> int:
        value = self.values[metric]
        return value if isinstance(value, int) else 0

    @property
    def dialogues(self) -> int:
        return self.count("Dialogues")

    @property
    def delegations(self) -> int:
        return self.count("Delegations")

    @property
    def participants(self) -> int:
        return self.count("Participants")

    @property
    def women(self) -> int:
        return self.count("Women")

    @property
    def men(self) -> int:
        return self.count("Men")

    @property
    def sex_not_recorded(self) -> int:
        return self.count("Sex not recorded")

    @property
    def period_from(self) -> date | None:
        value = self.values["Period from"]
        return value if isinstance(value, date) else None

    @property
    def period_to(self) -> date | None:
        value = self.values["Period to"]
        return value if isinstance(value, date) else None

    def share(self, metric: str, language: str) -> str:
        whole = SHARE_OF.get(metric)
        return share_text(self.count(metric), self.count(whole), language) if whole else ""


@dataclass(frozen=True, slots=True)  # slots: a report of 100,000 dialogues holds 100,000 of them
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
    status: str
    is_draft: bool

    def in_order(self) -> tuple[date, str, str, str]:
        """Where the dialogue stands in the report's lists of dialogues (the Dialogues table, the annex,
        actions of one due date): by start date, then by title whatever its case, "alpha" before
        "Zebra" and «арка» before «Борт» (round 18: capitals came first, as SQLite sorts code points),
        then the title as typed and the id, so that the order is total and the same in every run."""
        return (self.start_date, self.title.casefold(), self.title, self.id)

    def cells(self) -> Row:
        return (self.start_date, self.end_date, self.title, self.series, self.kind, self.city, self.country,
                self.chair, self.delegations, self.participants, self.women, self.men, self.status)


class DialogueCells(Sequence[Row]):
    """The Dialogues table's rows, made from the report's lines when a format reads them, not kept:
    a second copy of every dialogue's cells would be 14 MB at 100,000 dialogues (issue 19, round 6)."""

    def __init__(self, lines: Sequence[DialogueLine]) -> None:
        self.lines = lines

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self) -> Iterator[Row]:
        return (line.cells() for line in self.lines)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return tuple(line.cells() for line in self.lines[index])
        return self.lines[index].cells()


@dataclass(frozen=True)
class Attendee:
    name: str | None  # None: the report leaves names out (--no-names)
    role: str
    position: str | None
    institution: str | None
    status: str
    attended: bool
    funded: bool


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
class ActionLine:
    dialogue: str
    action: str
    owner: str | None
    due_date: date | None
    status: str
    draft: bool = False
    dialogue_id: str = ""


@dataclass(frozen=True)
class DialogueSection:
    """One dialogue in full, for the annex after the tables (PDF, DOCX, HTML)."""

    line: DialogueLine
    facts: tuple[tuple[str, str], ...]
    delegations: tuple[DelegationSection, ...]
    agenda: tuple[AgendaLine, ...]
    actions: tuple[ActionLine, ...]
    narrative: str


@dataclass(frozen=True)
class Chart:
    """A bar chart's data, drawn by `charts.py`. `series` names the stacked parts of each bar
    (e.g. women / men / not recorded); a chart of one series has one name."""

    title: str
    caption: str
    series: tuple[str, ...]
    bars: tuple[tuple[str, tuple[int, ...]], ...]
    empty_text: str = "Nothing to show."


@dataclass(frozen=True)
class TitlePage:
    programme: str
    title: str
    period: str  # in words
    filters: tuple[tuple[str, str], ...]
    generated: str
    disclaimer: str
    logo: bytes | None = None


@dataclass(frozen=True)
class Report:
    title: str
    language: str
    generated_on: date
    title_page: TitlePage
    summary: Summary
    dialogues: tuple[DialogueLine, ...]
    years: tuple[Row, ...]
    participation: tuple[Row, ...]
    participants: Sequence[Row] | None  # None: --no-names (or a format without the table); a stream
    participant_drafts: frozenset[int]
    topics: tuple[Row, ...]
    actions: tuple[ActionLine, ...]
    sections: tuple[DialogueSection, ...]
    charts: tuple[Chart, ...]
    annex_note: str = ""  # why the annex is left out, when it is
    names: bool = True
    filters: tuple[tuple[str, str], ...] = field(default=())
    # under the Participation table (PDF, DOCX, HTML; the workbook keeps the contract's cells): each party
    # listed there that counts a predecessor's delegations, "European Union Drugs Agency (formerly EMCDDA): …"
    party_notes: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not self.dialogues

    def t(self, text: str) -> str:
        return t(text, self.language)

    def tables(self, shares: bool = False, participants: bool = True) -> list[Table]:
        """The contract's tables in order. `shares=True` (PDF, DOCX, HTML) adds the Summary's Share column;
        `participants=False` (PDF, DOCX) leaves the Participants table to the per-dialogue annex."""
        if shares:
            summary = Table("Summary", ("Metric", "Value", "Share"), tuple(
                (self.t(metric), value, self.summary.share(metric, self.language))
                for metric, value in self.summary.values.items()))
        else:
            summary = Table("Summary", ("Metric", "Value"),
                            tuple((self.t(metric), value) for metric, value in self.summary.values.items()))
        drafts = frozenset(i for i, line in enumerate(self.dialogues) if line.is_draft)
        mark = f" {self.t('(draft)')}"
        tables = [
            summary,
            Table("Dialogues", DIALOGUE_COLUMNS, DialogueCells(self.dialogues), drafts),
            Table("Years", YEAR_COLUMNS, self.years),
            Table("Participation", PARTICIPATION_COLUMNS, self.participation),
        ]
        if self.participants is not None and participants:
            tables.append(Table("Participants", PARTICIPANT_COLUMNS, self.participants, self.participant_drafts))
        tables.append(Table("Topics", TOPIC_COLUMNS, self.topics))
        tables.append(Table("Actions", ACTION_COLUMNS, tuple(
            (a.dialogue + (mark if a.draft else ""), a.action, a.owner, a.due_date, a.status) for a in self.actions),
            frozenset(i for i, a in enumerate(self.actions) if a.draft)))
        return tables
