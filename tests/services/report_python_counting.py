"""Builds the one `Report` from the database: the selection, the records read flat, the figures.

The counting rules of contract §3 (version 2) are applied here, once, to plain rows: person figures
count `attended` participations only, delegations and parties count whether or not anyone came,
an organisation and its predecessor are one party (`parties.report_party_key`), carried actions
are neither open nor done. With `--country` the figures are that party's own participation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any, NamedTuple, TypedDict, cast

from desktop_app.db.mapping import party_from
from desktop_app.db.repositories.dialogues import filter_conditions
from desktop_app.db.repositories.programme import ProgrammeRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus, Role
from desktop_app.domain.errors import UserError
from desktop_app.domain.reference import (
    council_presidency,
    counted_party,
    country_name,
    is_eu_central_asia,
    party_at,
)
from desktop_app.domain.text_rules import FORBIDDEN, printable
from desktop_app.services.report import queries as q
from desktop_app.services.report.labels import (
    ACTION_STATUS,
    KIND,
    PARTICIPATION_STATUS,
    ROLE,
    SEX,
    SIDE,
    STATUS,
    number_text,
    period_words,
    t,
    text_date,
)
from desktop_app.services.report.model import (
    ActionLine,
    AgendaLine,
    Attendee,
    Chart,
    DelegationSection,
    DialogueLine,
    DialogueSection,
    Report,
    Row,
    Summary,
    TitlePage,
)
from desktop_app.services.report.narrative import NarrativeFacts, narrative
from desktop_app.services.report.parties import city_name, party_label, report_party_key, resolve_party

REPORT_TITLE = "Summary report of dialogues"


def then(party: r.Party, on: date) -> r.Party:
    """Round 18: a line about one dialogue names its parties as on its date (the reference lists' rule)."""
    return party_at(report_party_key(party), on)

# Above this many dialogues the PDF and Word reports leave out the per-dialogue annex (with a note):
# 200 dialogues make an annex of some 400 pages, which no reader prints and Word paginates slowly.
ANNEX_LIMIT = 200
SEARCH_ROWS = 5000  # rows whose texts are searched at once for characters no format can carry
CHART_PARTIES = 15  # the party chart shows this many bars; more parties: the first 14 and "Other (n)"
ROLE_ORDER = {role.value: index for index, role in enumerate(Role)}


@dataclass(frozen=True)
class ReportSelection:
    """The filters of contract §3 v2: period, series, party, drafts, names."""

    date_from: date | None = None
    date_to: date | None = None
    series: str | None = None
    country: str | None = None  # a party: country code or name, organisation name or acronym
    include_drafts: bool = False
    final_only: bool = False  # still accepted; means the default (drafts left out)
    names: bool = True

    def dialogue_filter(self, series: str | None) -> r.DialogueFilter:
        drafts = self.include_drafts and not self.final_only
        return r.DialogueFilter(series=series, date_from=self.date_from, date_to=self.date_to,
                                status=None if drafts else DialogueStatus.FINAL)

    @property
    def drafts_included(self) -> bool:
        return self.include_drafts and not self.final_only


class _Delegation(NamedTuple):
    id: str
    dialogue_id: str
    side: str
    party: r.Party
    supported: bool


class _Participation(NamedTuple):
    delegation_id: str
    person_id: str
    name: str
    sex: str | None
    role: str
    position: str | None
    institution_id: str | None
    institution: str | None
    status: str
    funded: bool

    @property
    def attended(self) -> bool:
        return self.status == "attended"


def _known_series(database: Database, wanted: str) -> str:
    """The stored spelling of the series the officer named, case not mattering; else a clear error."""
    from desktop_app.db.repositories.dialogues import DialogueRepository

    known = DialogueRepository(database).series_names()
    for name in known:
        if name.casefold() == wanted.strip().casefold():
            return name
    listed = ", ".join(f"“{name}”" for name in known) or "none yet"
    raise UserError(f"There is no series called “{wanted}”; the known series are: {listed}.")


def _parties(database: Database) -> list[r.Party]:
    """Every party that sent a delegation to a dialogue not in the trash, as reports count them."""
    from sqlalchemy import select

    from desktop_app.db import models as m

    D, G = m.DialogueRow, m.DelegationRow
    with database.reading() as session:
        rows = session.execute(select(G.party_type, G.party_country, G.party_organisation).distinct()
                               .join(D, G.dialogue_id == D.id).where(D.deleted_at.is_(None))).all()
    return sorted({report_party_key(p) for p in (party_from(*row) for row in rows) if p is not None},
                  key=lambda p: party_label(p, "en").casefold())


def report_parties(database: Database, language: str) -> list[tuple[str, str]]:
    """(what `--country` takes, name in `language`) for each party, for the Report dialog's list."""
    parties = [(p.code or p.name or "", party_label(p, language)) for p in _parties(database)]
    return sorted(parties, key=lambda item: item[1].casefold())


def _known_party(database: Database, wanted: str) -> r.Party:
    parties = _parties(database)
    found = resolve_party(wanted, parties)
    if found is None:
        listed = ", ".join(f"{p.code} ({party_label(p, 'en')})" if p.code else party_label(p, "en")
                           for p in parties) or "none yet"
        raise UserError(f"No delegation in this database represents “{wanted}”; the parties known are: {listed}.")
    return found


def _printable(rows: list[Any]) -> list[Any]:
    """Rows whose texts every format can carry: a forbidden character becomes U+FFFD instead of
    failing the report (issue 21: a record that passed import always reports).

    All the texts are searched at once (one C-speed pass, issue 19); rows are only looked at one by
    one when a forbidden character is there at all, which after issue 21's repair is never."""
    for start in range(0, len(rows), SEARCH_ROWS):  # numbers and dates are plain ASCII: str() is harmless
        if FORBIDDEN.search("\n".join(map(str, chain.from_iterable(rows[start:start + SEARCH_ROWS])))):
            break
    else:
        return rows
    return [tuple(printable(v) if isinstance(v, str) else v for v in row)
            if any(isinstance(v, str) and FORBIDDEN.search(v) for v in row) else row for row in rows]


def build_report(database: Database, selection: ReportSelection = ReportSelection(), language: str = "en",
                 today: date | None = None, with_sections: bool = True, with_participants: bool = True) -> Report:
    """Everything the four formats show, from a few flat queries in one read transaction.

    `with_sections=False` leaves out the per-dialogue annex, which only DOCX, PDF and HTML print;
    `with_participants=False` the Participants table (a row a participation), which only XLSX and
    HTML print: PDF and Word show people in the annex (`for_format` says which a format needs)."""
    today = today or date.today()
    series = _known_series(database, selection.series) if selection.series else None
    party = _known_party(database, selection.country) if selection.country else None
    conditions = filter_conditions(selection.dialogue_filter(series))
    with database.reading() as session:
        dialogue_rows = q.dialogue_rows(session, conditions)
        delegation_rows = q.delegation_rows(session, conditions)
        participant_rows = q.participant_rows(session, conditions)
        action_rows = q.action_rows(session, conditions)
        topics_of = q.topics_by_dialogue(session, conditions)
        agenda = q.agenda_rows(session, conditions) if with_sections else []
        programmes_of = q.programmes_by_dialogue(session, conditions)
    programme = ProgrammeRepository(database).get()
    # a character XML cannot hold (stored before import refused them, issue 21) shows as U+FFFD
    dialogue_rows, delegation_rows, participant_rows, action_rows, agenda, topics_of, programmes_of = map(
        _printable, (dialogue_rows, delegation_rows, participant_rows, action_rows, agenda, topics_of, programmes_of))
    # round 18: a day's dialogues by title whatever its case, then as typed, then id
    dialogue_rows = sorted(dialogue_rows, key=lambda row: (row[1], row[3].casefold(), row[3], row[0]))

    every_delegation: dict[str, list[_Delegation]] = defaultdict(list)
    own: dict[str, list[_Delegation]] = defaultdict(list)  # the delegations the figures count
    for d_id, dialogue_id, side, kind, code, organisation, supported in delegation_rows:
        key = report_party_key(party_from(kind, code, organisation))  # type: ignore[arg-type]
        delegation = _Delegation(d_id, dialogue_id, side, key, bool(supported))
        every_delegation[dialogue_id].append(delegation)
        if party is None or key == party:
            own[dialogue_id].append(delegation)
    people_of: dict[str, list[_Participation]] = defaultdict(list)
    for row in participant_rows:
        people_of[row[0]].append(_Participation._make((*row[:9], bool(row[9]))))
    if party is not None:  # the party's own participation: the dialogues it sent a delegation to
        dialogue_rows = [row for row in dialogue_rows if own[row[0]]]
    kept = {row[0] for row in dialogue_rows}

    labels: dict[r.Party, str] = {}
    words: dict[str, str] = {}

    def label(p: r.Party) -> str:  # asked once a participation: remembered, not looked up again
        text = labels.get(p)
        if text is None:
            text = labels[p] = party_label(p, language)
        return text

    def word(english: str) -> str:  # `t` remembered, likewise
        text = words.get(english)
        if text is None:
            text = words[english] = t(english, language)
        return text

    # ---- per dialogue, per year, per party
    lines: list[DialogueLine] = []
    years: dict[int, dict[str, Any]] = {}
    parties: dict[r.Party, dict[str, Any]] = {}
    participations: list[tuple[Any, ...]] = []
    attended: list[tuple[str, _Delegation, _Participation]] = []  # (dialogue id, delegation, participation)
    invited = 0
    for row in dialogue_rows:
        dialogue_id, start = row[0], row[1]
        year = years.setdefault(start.year, {"dialogues": 0, "delegations": 0, "rows": []})
        year["dialogues"] += 1
        came: list[_Participation] = []
        for delegation in own[dialogue_id]:
            year["delegations"] += 1
            entry = parties.setdefault(delegation.party, {"sides": set(), "dialogues": set(), "delegations": 0,
                                                          "rows": [], "supported": 0})
            entry["sides"].add(delegation.side)
            entry["dialogues"].add(dialogue_id)
            entry["delegations"] += 1
            for person in people_of[delegation.id]:
                participations.append((row, delegation, person))
                if person.status in ("invited", "confirmed"):
                    invited += 1
                if not person.attended:
                    continue
                came.append(person)
                attended.append((dialogue_id, delegation, person))
                year["rows"].append(person)
                entry["rows"].append(person)
                entry["supported"] += delegation.supported
        is_draft = row[12] == DialogueStatus.DRAFT.value
        chair = party_from(row[9], row[10], row[11])
        lines.append(DialogueLine(
            id=dialogue_id, start_date=start, end_date=row[2], title=row[3], series=row[4],
            kind=t(KIND.get(row[5], row[5]), language), city=city_name(row[6], language) or None,
            country=country_name(row[7], language), chair=label(then(chair, start)) if chair else "",
            delegations=len(own[dialogue_id]), participants=len(came),
            women=sum(p.sex == "female" for p in came), men=sum(p.sex == "male" for p in came),
            status=t(STATUS.get(row[12], row[12]), language), is_draft=is_draft))

    def by_sex(rows: list[_Participation]) -> tuple[int, int, int]:
        return (sum(p.sex == "female" for p in rows), sum(p.sex == "male" for p in rows),
                sum(p.sex is None for p in rows))

    year_rows: list[Row] = []
    for year_number in sorted(years):
        data = years[year_number]
        rows_ = data["rows"]
        year_rows.append((year_number, data["dialogues"], data["delegations"], len(rows_),
                          len({p.person_id for p in rows_}), *by_sex(rows_), sum(p.funded for p in rows_)))
    party_rows: list[Row] = []
    for key, data in sorted(parties.items(), key=lambda item: (-len(item[1]["rows"]), label(item[0]).casefold())):
        sides = ", ".join(t(SIDE.get(s, s), language) for s in sorted(data["sides"]))
        party_rows.append((label(key), sides, len(data["dialogues"]), data["delegations"], len(data["rows"]),
                           *by_sex(data["rows"]), data["supported"]))
    party_notes = tuple(
        t("%1: delegations under its former names count as the same party.", language).replace(
            "%1", counted.label()) for key in parties if key.code is None
        for counted in (counted_party(key, language),) if counted.formerly)

    # ---- the Summary
    people = [person for _, _, person in attended]
    unique = {p.person_id: p.sex for p in people}
    funded = [p for p in people if p.funded]
    all_own = [g for row in dialogue_rows for g in own[row[0]]]
    supported_dialogues = {row[0] for row in dialogue_rows
                           if any(g.supported for g in own[row[0]])
                           or any(p.funded for g in own[row[0]] for p in people_of[g.id] if p.attended)}
    actions = [a for a in action_rows if a[0] in kept]
    open_actions = [a for a in actions if a[4] == "open"]
    first = dialogue_rows[0][1] if dialogue_rows else None
    last = dialogue_rows[-1][1] if dialogue_rows else None
    women, men, unknown = by_sex(people)
    summary = Summary({
        "Period from": selection.date_from or first, "Period to": selection.date_to or last,
        "Dialogues": len(dialogue_rows), "Delegations": len(all_own), "Participants": len(people),
        "Unique people": len(unique), "Women": women, "Men": men, "Sex not recorded": unknown,
        "Countries represented": len({g.party.code for g in all_own if g.party.code}),
        "Organisations represented": len({g.party for g in all_own if g.party.code is None}),
        "Programme-supported delegations": sum(g.supported for g in all_own),
        "Programme-supported participants": sum(g.supported for _, g, _ in attended),
        "Drafts included": sum(line.is_draft for line in lines), "Invited": invited,
        "Unique women": sum(s == "female" for s in unique.values()),
        "Unique men": sum(s == "male" for s in unique.values()),
        "Unique people, sex not recorded": sum(s is None for s in unique.values()),
        "Partner-side participants": sum(g.side == "partner" for _, g, _ in attended),
        "EU-side participants": sum(g.side == "eu" for _, g, _ in attended),
        "Programme-funded participants": len(funded),
        "Programme-funded women": sum(p.sex == "female" for p in funded),
        "Programme-funded men": sum(p.sex == "male" for p in funded),
        "Dialogues supported by the programme": len(supported_dialogues),
        "Institutions represented": len({p.institution_id for p in people if p.institution_id}),
        "Actions open": len(open_actions), "Actions done": sum(a[4] == "done" for a in actions),
        "Actions overdue": sum(a[3] is not None and a[3] < today for a in open_actions),
    })

    # ---- the tables that list records
    line_of = {line.id: line for line in lines}
    participant_rows_: list[Row] | None = None
    participant_drafts: frozenset[int] = frozenset()
    mark = f" {t('(draft)', language)}"
    if selection.names and with_participants:
        ordered = sorted(participations, key=lambda item: (
            item[0][1], label(then(item[1].party, item[0][1])).casefold(), ROLE_ORDER.get(item[2].role, 99)))
        participant_rows_ = []
        drafts = set()
        for index, (row, delegation, person) in enumerate(ordered):
            draft = line_of[row[0]].is_draft
            if draft:
                drafts.add(index)
            participant_rows_.append((
                row[1], row[3] + (mark if draft else ""), label(then(delegation.party, row[1])),
                word(SIDE.get(delegation.side, delegation.side)), person.name,
                word(SEX[person.sex]) if person.sex else None, person.institution, person.position,
                word(ROLE.get(person.role, person.role)), word(PARTICIPATION_STATUS.get(person.status, person.status)),
                word("Yes" if person.funded else "No")))
        participant_drafts = frozenset(drafts)
    topics_by: dict[str, list[str]] = defaultdict(list)
    spelt: dict[str, set[str]] = defaultdict(set)  # a spelling's dialogues
    for dialogue_id, name in topics_of:
        topics_by[dialogue_id].append(name)
        if dialogue_id in kept:
            spelt[name].add(dialogue_id)
    one_topic: dict[str, list[str]] = defaultdict(list)  # a topic is its spellings in any case
    for name in spelt:
        one_topic[name.casefold()].append(name)
    topics: Counter[str] = Counter()
    for names in one_topic.values():
        shown = min(names, key=lambda name: (-len(spelt[name]), name))
        topics[shown] = len(set().union(*(spelt[name] for name in names)))
    # most frequent first, then alphabetical whatever the case, as the report (round 17)
    topic_rows: list[Row] = [(name, count) for name, count in sorted(topics.items(),
                                                                     key=lambda i: (-i[1], i[0].casefold(), i[0]))]
    status_order = {"open": 0, "carried": 1, "done": 2}
    action_lines = tuple(
        ActionLine(line_of[a[0]].title, a[1], a[2], a[3], t(ACTION_STATUS.get(a[4], a[4]), language),
                   line_of[a[0]].is_draft, a[0])
        for a in sorted(actions, key=lambda a: (status_order.get(a[4], 3), a[3] is None, a[3] or date.min,
                                                line_of[a[0]].start_date, line_of[a[0]].title.casefold(),
                                                line_of[a[0]].title, a[0])))

    # ---- charts
    year_chart = Chart(t("Participants by year", language),
                       t("Figure: participants (attended) by year of the dialogue's start, by sex.", language),
                       (t("Women", language), t("Men", language), t("Not recorded", language)),
                       tuple((str(row[0]), (row[5], row[6], row[7])) for row in year_rows),  # type: ignore[misc]
                       t("Nothing to show.", language))
    party_bars = [(str(row[0]), (cast(int, row[4]),)) for row in party_rows]  # column 4: the participants
    if len(party_bars) > CHART_PARTIES:
        rest = party_bars[CHART_PARTIES - 1:]
        other = t("Other (%1)", language).replace("%1", number_text(len(rest), language))
        party_bars = [*party_bars[:CHART_PARTIES - 1], (other, (sum(b[1][0] for b in rest),))]
    party_chart = Chart(t("Participation by party", language),
                        t("Figure: participants (attended) by party, most first.", language),
                        (t("Participants", language),), tuple(party_bars), t("Nothing to show.", language))

    # ---- the annex and the title page
    annex_note = ""
    sections: tuple[DialogueSection, ...] = ()
    if with_sections and len(dialogue_rows) > ANNEX_LIMIT:
        annex_note = (t("The per-dialogue annex is left out: the selection has %1 dialogues, more than %2. "
                        "Narrow the selection to include it.", language)
                      .replace("%1", number_text(len(dialogue_rows), language))
                      .replace("%2", number_text(ANNEX_LIMIT, language)))
    elif with_sections:
        sections = _sections(dialogue_rows, lines, every_delegation, own, people_of, agenda, topics_by,
                             programmes_of, action_lines, language, selection.names)
    filters = (
        (t("Series", language), series or t("all", language)),
        (t("Party", language), label(party) if party else t("All parties", language)),
        (t("Drafts", language), t("included and marked" if selection.drafts_included else "left out", language)),
        (t("Names of people", language), t("shown" if selection.names else "names left out", language)),
    )
    title_page = TitlePage(
        programme=programme.name, title=t(REPORT_TITLE, language),
        period=period_words(summary.period_from, summary.period_to, language), filters=filters,
        generated=f"{t('Generated on', language)} {text_date(today, language)} {t('by Dialogue Register', language)}",
        disclaimer=programme.disclaimer, logo=programme.logo)
    return Report(title=t(REPORT_TITLE, language), language=language, generated_on=today, title_page=title_page,
                  summary=summary, dialogues=tuple(lines), years=tuple(year_rows), participation=tuple(party_rows),
                  participants=tuple(participant_rows_) if participant_rows_ is not None else None,
                  participant_drafts=participant_drafts, topics=tuple(topic_rows), actions=action_lines,
                  sections=sections, charts=(year_chart, party_chart), annex_note=annex_note,
                  names=selection.names, filters=filters, party_notes=party_notes)


class FormatParts(TypedDict):
    with_sections: bool
    with_participants: bool


def for_format(kind: str) -> FormatParts:
    """What `build_report` must build for a format: the annex (DOCX, PDF, HTML) and the Participants table
    (XLSX, HTML)."""
    return {"with_sections": kind != "xlsx", "with_participants": kind in ("xlsx", "html")}


def _sections(dialogue_rows, lines, every_delegation, own, people_of, agenda, topics_by, programmes_of,
              action_lines, language: str, names: bool) -> tuple[DialogueSection, ...]:
    """The per-dialogue annex: facts, the counted delegations with their people, agenda, actions, narrative."""
    agenda_of: dict[str, list[AgendaLine]] = defaultdict(list)
    start_of = {row[0]: row[1] for row in dialogue_rows}
    for dialogue_id, title, kind, code, organisation in agenda:
        presenter = party_from(kind, code, organisation)
        agenda_of[dialogue_id].append(AgendaLine(title, party_label(then(presenter, start_of[dialogue_id]), language)
                                                 if presenter else None))
    programmes: dict[str, list[str]] = defaultdict(list)
    for dialogue_id, name in programmes_of:
        programmes[dialogue_id].append(name)
    actions_of: dict[str, list[ActionLine]] = defaultdict(list)
    for action in action_lines:
        actions_of[action.dialogue_id].append(action)

    sections = []
    for row, line in zip(dialogue_rows, lines, strict=True):
        dialogue_id = row[0]
        groups = []
        for delegation in own[dialogue_id]:
            attendees = tuple(
                Attendee(p.name if names else None, t(ROLE.get(p.role, p.role), language), p.position,
                         p.institution, t(PARTICIPATION_STATUS.get(p.status, p.status), language), p.attended,
                         p.funded)
                for p in people_of[delegation.id])
            groups.append(DelegationSection(party_label(then(delegation.party, line.start_date), language),
                                            t(SIDE.get(delegation.side, delegation.side), language),
                                            delegation.supported, attendees))
        everyone = every_delegation[dialogue_id]
        place = t("Online", language) if row[8] else ", ".join(x for x in (line.city, line.country) if x)
        several_days = line.end_date and line.end_date != line.start_date
        dates = text_date(line.start_date, language) + (f" – {text_date(line.end_date, language)}"
                                                        if several_days else "")
        facts = [(t("Dates", language), dates), (t("Place", language), place or t("not recorded", language)),
                 (t("Series", language), line.series or "—"), (t("Kind", language), line.kind),
                 (t("Chair", language), line.chair or "—"), (t("Status", language), line.status),
                 (t("Delegations", language), number_text(line.delegations, language)),
                 (t("Participants", language), number_text(line.participants, language)),
                 (t("Topics", language), ", ".join(topics_by[dialogue_id]) or "—")]
        presidency = council_presidency(line.start_date) if is_eu_central_asia(line.title, line.series) else None
        if presidency:  # the EU side of an EU-Central Asia dialogue is chaired by the presidency of its date
            facts.insert(5, (t("Council presidency", language), country_name(presidency, language)))
        if programmes[dialogue_id]:
            facts.append((t("Supported by", language), ", ".join(programmes[dialogue_id])))
        if row[13]:
            facts.append((t("Summary", language), row[13]))
        chair = party_from(row[9], row[10], row[11])
        facts_for_text = NarrativeFacts(
            title=line.title, start_date=line.start_date, end_date=line.end_date, city=row[6], country=row[7],
            online=bool(row[8]), chair_en=party_label(then(chair, line.start_date), "en") if chair else "",
            chair_ru=party_label(then(chair, line.start_date), "ru") if chair else "",
            chair_is_country=row[10] is not None,
            parties=tuple((g.party.code, party_label(then(g.party, line.start_date), "en"),
                           party_label(then(g.party, line.start_date), "ru")) for g in everyone),
            participants=sum(p.attended for g in everyone for p in people_of[g.id]),
            supported_delegations=sum(g.supported for g in everyone), programmes=tuple(programmes[dialogue_id]),
            topics=tuple(topics_by[dialogue_id]), agenda_items=len(agenda_of[dialogue_id]), draft=line.is_draft,
            presidency=presidency)
        sections.append(DialogueSection(
            line=line, facts=tuple(facts), delegations=tuple(groups), agenda=tuple(agenda_of[dialogue_id]),
            actions=tuple(actions_of[dialogue_id]), narrative=narrative(facts_for_text, language)))
    return tuple(sections)


