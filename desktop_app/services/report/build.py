"""Builds the one `Report` from the database: the selection, the aggregate queries, the sections."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop_app.db.mapping import party_from
from desktop_app.db.repositories.dialogues import filter_conditions
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus
from desktop_app.domain.reference import country_name, party_name
from desktop_app.domain.text_rules import FORBIDDEN, printable
from desktop_app.services.report import queries as q
from desktop_app.services.report.labels import ACTION_STATUS, KIND, ROLE, SIDE, STATUS
from desktop_app.services.report.model import (
    ActionLine,
    AgendaLine,
    Attendee,
    Chart,
    DelegationSection,
    DialogueLine,
    DialogueSection,
    PartyLine,
    Report,
    Summary,
    TopicLine,
)
from desktop_app.services.report.narrative import NarrativeFacts, narrative_en, narrative_ru

REPORT_TITLE = "Summary report of dialogues"
CHART_COUNTRIES = 12


@dataclass(frozen=True)
class ReportSelection:
    """The filters of contract §3: period, series, country, final only."""

    date_from: date | None = None
    date_to: date | None = None
    series: str | None = None
    country: str | None = None
    final_only: bool = False

    def dialogue_filter(self) -> r.DialogueFilter:
        return r.DialogueFilter(series=self.series, date_from=self.date_from, date_to=self.date_to,
                                country=self.country, status=DialogueStatus.FINAL if self.final_only else None)

    def described(self) -> tuple[tuple[str, str], ...]:
        return (("Dates selected", f"{self.date_from.isoformat() if self.date_from else 'any'} to "
                           f"{self.date_to.isoformat() if self.date_to else 'any'}"),
                ("Series", self.series or "all"),
                ("Country", f"{country_name(self.country)} ({self.country})" if self.country else "all"),
                ("Status", "final only" if self.final_only else "final and draft (drafts are marked)"))


def _party(kind: str | None, code: str | None, organisation: str | None, language: str = "en") -> str:
    return party_name(party_from(kind, code, organisation), language)


def build_report(database: Database, selection: ReportSelection = ReportSelection(), language: str = "en",
                 today: date | None = None, with_sections: bool = True) -> Report:
    """Everything the four formats show, from a handful of aggregate queries in one read transaction.

    `with_sections=False` leaves out the per-dialogue pages (delegations, agenda, narrative), which
    only DOCX, PDF and HTML print: an XLSX report of 20,000 dialogues spent two thirds of its time
    on them (benchmarks/run.py, figure "report XLSX")."""
    conditions = filter_conditions(selection.dialogue_filter())
    with database.reading() as session:
        first, last, dialogue_count = q.period_and_count(session, conditions)
        delegations, countries, organisations, supported_delegations = q.delegation_totals(session, conditions)
        participants, unique, women, men, unknown, supported_participants = q.participant_totals(session, conditions)
        dialogue_rows = q.dialogue_rows(session, conditions)
        party_rows = q.participation_rows(session, conditions)
        topic_rows = q.topic_rows(session, conditions)
        action_rows = q.action_rows(session, conditions)
        years = q.dialogues_per_year(session, conditions)
        if with_sections:
            attendees = q.attendee_rows(session, conditions)
            agenda = q.agenda_rows(session, conditions)
            topics_of = q.topics_by_dialogue(session, conditions)
            programmes_of = q.programmes_by_dialogue(session, conditions)
    dialogue_rows, party_rows, topic_rows, action_rows = map(_printable, (dialogue_rows, party_rows, topic_rows,
                                                                          action_rows))
    if with_sections:
        attendees, agenda, topics_of, programmes_of = map(_printable, (attendees, agenda, topics_of, programmes_of))

    summary = Summary(selection.date_from or first, selection.date_to or last, dialogue_count, delegations,
                      participants, unique, women, men, unknown, countries, organisations, supported_delegations,
                      supported_participants)
    lines = tuple(
        DialogueLine(id=row[0], start_date=row[1], end_date=row[2], title=row[3], series=row[4],
                     kind=KIND.get(row[5], row[5]), city=row[6], country=country_name(row[7]),
                     chair=_party(row[9], row[10], row[11]), delegations=int(row[14]), participants=int(row[15]),
                     women=int(row[16]), men=int(row[17]), status=STATUS.get(row[12], row[12]))
        for row in dialogue_rows)
    participation = sorted(
        (PartyLine(party=_party(t, c, o), is_country=c is not None,
                   side=", ".join(SIDE.get(s, s) for s in sorted((sides or "").split(",")) if s),
                   dialogues=int(nd), delegations=int(ng), participants=int(np_), women=int(w), men=int(mn),
                   sex_not_recorded=int(u), supported_participants=int(sp))
         for t, c, o, sides, nd, ng, np_, w, mn, u, sp in party_rows),
        key=lambda line: (-line.participants, line.party.casefold()))
    actions = tuple(ActionLine(dialogue=title, action=text, owner=owner, due_date=due,
                               status=ACTION_STATUS.get(status, status))
                    for _, title, text, owner, due, status in action_rows)

    sections = (_sections(dialogue_rows, lines, attendees, agenda, topics_of, programmes_of, action_rows, language)
                if with_sections else ())
    by_country = [(line.party, line.participants) for line in participation if line.is_country and line.participants]
    charts = (
        Chart("Participants by country", tuple(by_country[:CHART_COUNTRIES])),
        Chart("Participants by sex", (("Women", women), ("Men", men), ("Not recorded", unknown))),
        Chart("Dialogues per year", tuple((str(year), count) for year, count in years)),
    )
    return Report(title=REPORT_TITLE, language=language, generated_on=today or date.today(),
                  filters=tuple(_printable(selection.described())), summary=summary, dialogues=lines,
                  participation=tuple(participation), topics=tuple(TopicLine(n, int(c)) for n, c in topic_rows),
                  actions=actions, sections=sections, charts=charts)


def _printable(rows: Iterable[Sequence[Any]]) -> list[Any]:
    """Rows whose texts every format can carry: a character XML cannot hold (a control character
    stored before import refused them, issue 21) is shown as U+FFFD instead of failing the report."""
    return [tuple(printable(v) if isinstance(v, str) else v for v in row)
            if any(isinstance(v, str) and FORBIDDEN.search(v) for v in row) else row for row in rows]


def _sections(dialogue_rows, lines, attendees, agenda, topics_of, programmes_of, action_rows,  # type: ignore[no-untyped-def]
              language: str) -> tuple[DialogueSection, ...]:
    """The per-dialogue pages: facts, delegations with participants, agenda, actions, narrative."""
    delegations: dict[str, dict[str, list]] = defaultdict(dict)
    delegation_info: dict[str, tuple] = {}
    for dialogue_id, delegation_id, side, t, c, o, supported, person, role, position, institution in attendees:
        people = delegations[dialogue_id].setdefault(delegation_id, [])
        delegation_info[delegation_id] = (side, t, c, o, bool(supported))
        if person is not None:
            people.append(Attendee(person, ROLE.get(role, role), position, institution))
    agenda_of: dict[str, list[AgendaLine]] = defaultdict(list)
    for dialogue_id, title, t, c, o in agenda:
        agenda_of[dialogue_id].append(AgendaLine(title, _party(t, c, o) or None))
    topics: dict[str, list[str]] = defaultdict(list)
    for dialogue_id, name in topics_of:
        topics[dialogue_id].append(name)
    programmes: dict[str, list[str]] = defaultdict(list)
    for dialogue_id, name in programmes_of:
        programmes[dialogue_id].append(name)
    actions_of: dict[str, list[ActionLine]] = defaultdict(list)
    for dialogue_id, title, text, owner, due, status in action_rows:
        actions_of[dialogue_id].append(ActionLine(title, text, owner, due, ACTION_STATUS.get(status, status)))

    sections = []
    for row, line in zip(dialogue_rows, lines, strict=True):
        dialogue_id, summary_text = row[0], row[13]
        groups = []
        parties = []
        supported = 0
        for delegation_id, people in delegations[dialogue_id].items():
            side, t, c, o, is_supported = delegation_info[delegation_id]
            groups.append(DelegationSection(_party(t, c, o), SIDE.get(side, side), is_supported, tuple(people)))
            parties.append((c, _party(t, c, o), _party(t, c, o, "ru")))
            supported += is_supported
        place = "Online" if row[8] else ", ".join(x for x in (line.city, line.country) if x)
        several_days = line.end_date and line.end_date != line.start_date
        dates = line.start_date.isoformat() + (f" to {line.end_date.isoformat()}" if several_days else "")
        facts = [("Dates", dates),
                 ("Place", place or "not recorded"), ("Series", line.series or "—"), ("Kind", line.kind),
                 ("Chair", line.chair or "—"), ("Status", line.status),
                 ("Delegations", str(line.delegations)), ("Participants", str(line.participants)),
                 ("Topics", ", ".join(topics[dialogue_id]) or "—")]
        if programmes[dialogue_id]:
            facts.append(("Supported by", ", ".join(programmes[dialogue_id])))
        if summary_text:
            facts.append(("Summary", summary_text))
        narrative = NarrativeFacts(
            title=line.title, start_date=line.start_date, end_date=line.end_date, city=line.city, country=row[7],
            online=bool(row[8]), chair_en=line.chair, chair_ru=_party(row[9], row[10], row[11], "ru"),
            chair_is_country=row[10] is not None,
            parties=tuple(parties), participants=line.participants, supported_delegations=supported,
            programmes=tuple(programmes[dialogue_id]), topics=tuple(topics[dialogue_id]),
            agenda_items=len(agenda_of[dialogue_id]), draft=line.is_draft)
        sections.append(DialogueSection(
            line=line, facts=tuple(facts), delegations=tuple(groups), agenda=tuple(agenda_of[dialogue_id]),
            actions=tuple(actions_of[dialogue_id]), narrative=narrative_en(narrative),
            narrative_ru=narrative_ru(narrative) if language == "ru" else None))
    return tuple(sections)



