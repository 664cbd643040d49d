"""Builds the one `Report` from the database: the selection, the records read flat, the figures.

The counting rules of contract §3 (version 2) are applied here, once, to plain rows: person figures
count `attended` participations only, delegations and parties count whether or not anyone came,
an organisation and its predecessor are one party (`parties.report_party_key`), carried actions
are neither open nor done. With `--country` the figures are that party's own participation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import Any, NamedTuple, TypedDict, cast

from desktop_app.db.mapping import party_from
from desktop_app.db.repositories.dialogues import filter_conditions
from desktop_app.db.repositories.programme import ProgrammeRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueStatus
from desktop_app.domain.errors import UserError
from desktop_app.domain.list_records import series_each
from desktop_app.domain.party_name import PartyName
from desktop_app.domain.reference import council_presidency, counted_party, country_name, is_eu_central_asia
from desktop_app.domain.text_rules import FORBIDDEN, printable
from desktop_app.domain.texts import Text, joined
from desktop_app.services.report import counting
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
from desktop_app.services.report.parties import (
    city_name,
    party_as_named,
    party_label,
    renamed,
    report_party_key,
    resolve_party,
)

REPORT_TITLE = "Summary report of dialogues"
# Above this many dialogues the PDF and Word reports leave out the per-dialogue annex (with a note):
# 200 dialogues make an annex of some 400 pages, which no reader prints and Word paginates slowly.
ANNEX_LIMIT = 200
SEARCH_ROWS = 5000  # rows whose texts are searched at once for characters no format can carry
TEXTS_REMEMBERED = 200_000  # distinct names, institutions and positions kept printable, then forgotten
CHART_PARTIES = 15  # the party chart shows this many bars; more parties: the first 14 and "Other (n)"


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


class _Words(dict[Any, Any]):
    """A code's (or a text's) cell text, worked out the first time it is asked for: a dictionary
    lookup a cell afterwards."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.make(key)
        return value


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


def series_spellings(database: Database, wanted: str) -> tuple[str, ...]:
    """Every stored spelling of the series the officer named, case not mattering (the contract's
    `--series`): "EU-Central Asia Drug Dialogue" and another office's "… drug dialogue" are one
    series, and a report of it counts both (round 14: only the first spelling's dialogues were
    counted). A clear error when none matches."""
    from desktop_app.db.repositories.dialogues import DialogueRepository

    known = DialogueRepository(database).series_names()
    # spaces around it matter no more than case: a bundle keeps " … Dialogue " as another program stored it
    found = tuple(name for name in known if name.strip().casefold() == wanted.strip().casefold())
    if found:
        return found
    names = [f"“{name}”" for name in _one_each(known)]
    raise UserError(Text("There is no series called “%1”; the known series are: %2.", wanted,
                         joined(", ", names) if names else Text("none yet")))


def _one_each(spellings: list[str]) -> list[str]:
    """A series once, whatever the cases it is stored in: its first spelling in `spellings`' order."""
    return list(series_each(spellings))


def report_series(database: Database) -> list[str]:
    """The series for the Report dialog's list: each once, though stored in several cases ("Drug
    Dialogue" here, "drug dialogue" from another office's bundle); the report of one is the report of
    all its spellings (`series_spellings`), so the list offers one choice, not three that give one
    report (round 16)."""
    from desktop_app.db.repositories.dialogues import DialogueRepository

    return _one_each(DialogueRepository(database).series_names())


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
        # each party a `PartyName`: the window names it in its own language (round 17: a Russian window
        # said this sentence in English), the command line in English
        listed: list[str] = [joined("", [f"{p.code} (", PartyName(p), ")"]) if p.code else PartyName(p)
                             for p in parties]
        raise UserError(Text("No delegation in this database represents “%1”; the parties known are: %2.", wanted,
                             joined(", ", listed) if listed else Text("none yet")))
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
    """Everything the four formats show, counted by SQLite in one read transaction (`counting.py`).

    Python receives a row a dialogue, a year, a party, an action and a topic; the participations are
    counted in SQL and only read again, as a stream, by the Participants table (which is why the
    database must stay open until the report is written). `with_sections=False` leaves out the
    per-dialogue annex, which only DOCX, PDF and HTML print; `with_participants=False` the
    Participants table, which only XLSX and HTML print (`for_format` says which a format needs)."""
    today = today or date.today()
    spellings = series_spellings(database, selection.series) if selection.series else ()
    series = spellings[0] if spellings else None
    party = _known_party(database, selection.country) if selection.country else None
    conditions = filter_conditions(selection.dialogue_filter(series if len(spellings) < 2 else None))
    if len(spellings) > 1:  # the series stored in several cases: every spelling's dialogues
        from sqlalchemy import or_

        from desktop_app.db import models as m

        conditions.append(or_(*(m.DialogueRow.series == spelling for spelling in spellings)))
    labels: dict[r.Party, str] = {}
    words: dict[str, str] = {}

    def label(p: r.Party) -> str:  # asked once a row: remembered, not looked up again
        text = labels.get(p)
        if text is None:
            text = labels[p] = party_label(p, language)
        return text

    def word(english: str) -> str:  # `t` remembered, likewise
        text = words.get(english)
        if text is None:
            text = words[english] = t(english, language)
        return text

    shared: dict[Any, Any] = {}  # a date, a series' name: one object for every line that has it
    cities = _Words(lambda stored: city_name(stored, language) or None)  # likewise, by the name stored

    def dialogue_line(row: Any) -> DialogueLine:
        delegations, came, women, men = counts.per_dialogue[row[0]]
        chair = party_from(row[9], row[10], row[11])
        return DialogueLine(
            id=row[0], start_date=shared.setdefault(row[1], row[1]), end_date=shared.setdefault(row[2], row[2]),
            title=row[3], series=shared.setdefault(row[4], row[4]),
            kind=word(KIND.get(row[5], row[5])), city=cities[row[6]],
            country=country_name(row[7], language), chair=label(party_as_named(chair, row[1])) if chair else "",
            delegations=delegations, participants=came, women=women, men=men,
            status=word(STATUS.get(row[12], row[12])), is_draft=row[12] == DialogueStatus.DRAFT.value)

    with database.reading() as session:
        counts, parties = counting.count(session, conditions, party, label)
        seen = counting.records_fingerprint(session)  # in the count's read: what the figures saw
        annex = with_sections and len(counts.kept) <= ANNEX_LIMIT
        lines: list[DialogueLine] = []
        if annex:  # the annex prints every column of the dialogue, its summary too
            dialogue_rows = _printable([row for row in q.dialogue_rows(session, conditions) if row[0] in counts.kept])
            lines.extend(dialogue_line(row) for row in dialogue_rows)
        else:  # a line a dialogue, made from a batch of rows at a time: the rows are never all held
            dialogue_rows = []
            for batch in q.dialogue_batches(session, conditions, SEARCH_ROWS):
                lines.extend(map(dialogue_line, _printable([row for row in batch if row[0] in counts.kept])))
        lines.sort(key=DialogueLine.in_order)  # SQLite sorts a day's titles capitals first ("Zebra", "alpha")
        if annex:  # the annex's pages in the same order
            row_of = {row[0]: row for row in dialogue_rows}
            dialogue_rows = [row_of[line.id] for line in lines]
        action_rows = q.action_rows(session, conditions)
        names = selection.names and with_participants
        drafts = (counting.draft_rows(session, conditions, parties, party)
                  if names and selection.drafts_included and counts.participations else frozenset[int]())
        if annex:  # at most ANNEX_LIMIT dialogues: their records in full
            delegation_rows = q.delegation_rows(session, conditions)
            participant_rows = q.participant_rows(session, conditions)
            topics_of = q.topics_by_dialogue(session, conditions)
            agenda = q.agenda_rows(session, conditions)
            programmes_of = q.programmes_by_dialogue(session, conditions)
        else:
            delegation_rows = participant_rows = topics_of = agenda = programmes_of = []
    programme = ProgrammeRepository(database).get()
    # a character XML cannot hold (stored before import refused them, issue 21) shows as U+FFFD
    delegation_rows, participant_rows, action_rows, agenda, topics_of, programmes_of = map(
        _printable, (delegation_rows, participant_rows, action_rows, agenda, topics_of, programmes_of))
    kept = counts.kept

    # ---- per year, per party
    year_rows = counts.years
    party_rows: list[Row] = []
    for key, data in sorted(counts.parties.items(),
                            key=lambda item: (-item[1]["came"][0], label(parties.keys[item[0]]).casefold())):
        sides = ", ".join(t(SIDE.get(s, s), language) for s in sorted(data["sides"]))
        came_, women_, men_, unknown_, supported_ = data["came"]
        party_rows.append((label(parties.keys[key]), sides, data["dialogues"], data["delegations"], came_, women_,
                           men_, unknown_, supported_))
    party_notes = tuple(
        t("%1: delegations under its former names count as the same party.", language).replace(
            "%1", counted.label()) for key in (parties.keys[index] for index in counts.parties) if key.code is None
        for counted in (counted_party(key, language),) if counted.formerly)

    # ---- the Summary
    actions = [a for a in action_rows if a[0] in kept]
    open_actions = [a for a in actions if a[4] == "open"]
    first = lines[0].start_date if lines else None
    last = lines[-1].start_date if lines else None
    figures = counts.summary
    summary = Summary({
        "Period from": selection.date_from or first, "Period to": selection.date_to or last,
        "Dialogues": len(lines), **{name: figures[name] for name in (
            "Delegations", "Participants", "Unique people", "Women", "Men", "Sex not recorded",
            "Countries represented", "Organisations represented", "Programme-supported delegations",
            "Programme-supported participants")},
        "Drafts included": sum(line.is_draft for line in lines), **{name: figures[name] for name in (
            "Invited", "Unique women", "Unique men", "Unique people, sex not recorded", "Partner-side participants",
            "EU-side participants", "Programme-funded participants", "Programme-funded women", "Programme-funded men",
            "Dialogues supported by the programme", "Institutions represented")},
        "Actions open": len(open_actions), "Actions done": sum(a[4] == "done" for a in actions),
        "Actions overdue": sum(a[3] is not None and a[3] < today for a in open_actions),
    })

    # ---- the tables that list records
    line_of = {line.id: line for line in lines}
    participants: counting.ParticipantRows | None = None
    mark = f" {t('(draft)', language)}"
    if names:
        # one dictionary lookup a cell (`_Words`), and every text made printable once per distinct value:
        # the Participants table has 530,000 rows at 20,000 dialogues (issue 19, round 5)
        party_names = [label(key) for key in parties.keys]
        side_words = _Words(lambda code: word(SIDE.get(code, code)))
        role_words = _Words(lambda code: word(ROLE.get(code, code)))
        states = _Words(lambda code: word(PARTICIPATION_STATUS.get(code, code)))
        sexes = _Words(lambda code: word(SEX[code]) if code else None)
        funding = {False: word("No"), True: word("Yes")}
        titles = _Words(lambda key: printable(key[0]) + (mark if key[1] == "draft" else ""))
        cleaned = _Words(lambda text: printable(text) if text else text)  # names, institutions, positions

        days = _Words(date.fromisoformat)
        # a row is one participation at one dialogue: a renamed party is named as on its date (round 18),
        # worked out once a party and a day; the others keep their one name
        dated = frozenset(index for index, key in enumerate(parties.keys) if renamed(key))
        named_then = _Words(lambda key_day: label(party_as_named(parties.keys[key_day[0]], days[key_day[1]])))
        who: dict[str, tuple[str, str | None]] = {}  # a person's printable name and sex, by id
        read: list[object] = []  # the people's table `who` was made from (one a pass over the rows)

        def participant_rows_of(batch: list[Any], people: dict[str, tuple[str, str | None]],
                                institutions: dict[str, str]) -> list[Row]:
            if not read or read[0] is not people:
                read[:] = [people]
                who.clear()
                who.update((id_, (printable(name), sexes[sex])) for id_, (name, sex) in people.items())
            if len(cleaned) > TEXTS_REMEMBERED:
                cleaned.clear()
            return [(days[start], titles[title, status], named_then[key, start] if key in dated else party_names[key],
                     side_words[side], *who[person],
                     cleaned[institutions.get(institution)], cleaned[position], role_words[role], states[state],
                     funding[bool(funded)])
                    for start, title, status, key, side, person, institution, position, role, state, funded in batch]

        participants = counting.ParticipantRows(database, conditions, parties, party, counts.participations,
                                                participant_rows_of, seen)
    topics: Counter[str] = Counter()
    for name, number in _printable(counts.topics):
        topics[name] += number
    # most frequent first, then alphabetical whatever the case ("alcohol" before "Zika": round 17)
    topic_rows: list[Row] = [(name, number) for name, number in sorted(
        topics.items(), key=lambda i: (-i[1], i[0].casefold(), i[0]))]
    status_order = {"open": 0, "carried": 1, "done": 2}
    action_lines = tuple(
        ActionLine(line_of[a[0]].title, a[1], a[2], a[3], word(ACTION_STATUS.get(a[4], a[4])),
                   line_of[a[0]].is_draft, a[0])
        for a in sorted(actions, key=lambda a: (status_order.get(a[4], 3), a[3] is None, a[3] or date.min,
                                                line_of[a[0]].in_order())))

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
    if with_sections and not annex:
        annex_note = (t("The per-dialogue annex is left out: the selection has %1 dialogues, more than %2. "
                        "Narrow the selection to include it.", language)
                      .replace("%1", number_text(len(lines), language))
                      .replace("%2", number_text(ANNEX_LIMIT, language)))
    elif with_sections:
        start_of = {row[0]: row[1] for row in dialogue_rows}
        every_delegation: dict[str, list[_Delegation]] = defaultdict(list)
        own: dict[str, list[_Delegation]] = defaultdict(list)  # the delegations the figures count
        for d_id, dialogue_id, side, kind, code, organisation, supported in delegation_rows:
            if dialogue_id not in start_of:
                continue
            counted = report_party_key(party_from(kind, code, organisation))  # type: ignore[arg-type]
            # counted as one party (the filter below), named on the page as on the dialogue's date
            delegation = _Delegation(d_id, dialogue_id, side, party_as_named(counted, start_of[dialogue_id]),
                                     bool(supported))
            every_delegation[dialogue_id].append(delegation)
            if party is None or counted == party:
                own[dialogue_id].append(delegation)
        people_of: dict[str, list[_Participation]] = defaultdict(list)
        for row in participant_rows:
            people_of[row[0]].append(_Participation._make((*row[:9], bool(row[9]))))
        topics_by: dict[str, list[str]] = defaultdict(list)
        for dialogue_id, name in topics_of:
            topics_by[dialogue_id].append(name)
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
                  participants=participants, participant_drafts=drafts, topics=tuple(topic_rows),
                  actions=action_lines, sections=sections, charts=(year_chart, party_chart), annex_note=annex_note,
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
        agenda_of[dialogue_id].append(AgendaLine(title, party_label(party_as_named(
            presenter, start_of.get(dialogue_id)), language) if presenter else None))
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
            groups.append(DelegationSection(party_label(delegation.party, language),
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
        chair = party_as_named(chair, line.start_date) if chair else None
        facts_for_text = NarrativeFacts(
            title=line.title, start_date=line.start_date, end_date=line.end_date, city=row[6], country=row[7],
            online=bool(row[8]), chair_en=party_label(chair, "en") if chair else "",
            chair_ru=party_label(chair, "ru") if chair else "",
            chair_is_country=row[10] is not None,
            parties=tuple((g.party.code, party_label(g.party, "en"), party_label(g.party, "ru")) for g in everyone),
            participants=sum(p.attended for g in everyone for p in people_of[g.id]),
            supported_delegations=sum(g.supported for g in everyone), programmes=tuple(programmes[dialogue_id]),
            topics=tuple(topics_by[dialogue_id]), agenda_items=len(agenda_of[dialogue_id]), draft=line.is_draft,
            presidency=presidency)
        sections.append(DialogueSection(
            line=line, facts=tuple(facts), delegations=tuple(groups), agenda=tuple(agenda_of[dialogue_id]),
            actions=tuple(actions_of[dialogue_id]), narrative=narrative(facts_for_text, language)))
    return tuple(sections)


