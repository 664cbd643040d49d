"""The report's figures counted by SQLite, and the Participants table read as a stream (issue 19).

Why in SQL: at 20,000 dialogues a selection holds some 530,000 participations. Read into Python
objects to be counted they made every format's peak memory grow with the selection (about 1 GB for
Word, PDF and HTML at 20,000). Here SQLite counts them with one aggregate query a table over four
temporary tables, and Python receives one row a dialogue, a year or a party; the participations
themselves are only ever read again by the Participants table, row by row, as a format writes them.

The counting rules are those of contract §3 v2, the same as before (a property test compares both
ways of counting on generated records, `tests/services/test_report_counting.py`):
person figures count `attended` participations; delegations and parties count whether or not anyone
came; which delegations are one party is still decided in Python by `parties.report_party_key`, once
per distinct (type, country, organisation) of the selection, and handed to SQLite as a small table.

The temporary tables (`temp.rp_*`) live on the read session's connection and are dropped when the
counting ends, so a pooled connection never carries them into another read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any, overload

from sqlalchemy import ColumnElement, Integer, bindparam, case, cast, func, insert, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import column, table

from desktop_app.db import models as m
from desktop_app.db.mapping import party_from
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import Role
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.report.model import Row
from desktop_app.services.report.parties import party_as_named, renamed, report_party_key

D, G, P, PERSON, INST = m.DialogueRow, m.DelegationRow, m.ParticipantRow, m.PersonRow, m.InstitutionRow
TEMPORARY = ("rp_part", "rp_person", "rp_institution", "rp_delegation", "rp_party", "rp_dated", "rp_dialogue")
STREAM_ROWS = 2000  # participations fetched from SQLite at a time by the Participants table
ROLE_RANK = {role.value: index for index, role in enumerate(Role)}  # the Participants table's role order

RP_DIALOGUE = table("rp_dialogue", column("id"), column("start_date"), column("title"), column("year"),
                    column("draft"))
RP_PARTY = table("rp_party", column("party_type"), column("party_country"), column("party_organisation"),
                 column("key"), column("rank"))
RP_DATED = table("rp_dated", column("key"), column("start_date"), column("rank"))
Triple = tuple[str, str, str]  # (party type, country or "", organisation or ""): a delegation's party as stored


@dataclass
class Parties:
    """The selection's parties: each stored (type, country, organisation) and the party it counts as."""

    keys: list[r.Party] = field(default_factory=list)  # index: the key SQLite groups by
    of: dict[Triple, int] = field(default_factory=dict)
    rank: dict[int, int] = field(default_factory=dict)  # key -> place by label (casefold), equal labels equal
    # (key, start date as stored) -> place of the name a renamed party had on that day, where it is another
    # (the EMCDDA before 2 July 2024): the Participants table names it so and sorts it by that name
    dated: dict[tuple[int, str], int] = field(default_factory=dict)

    def add(self, triple: Triple) -> None:
        party = party_from(*triple)
        assert party is not None  # party_type is NOT NULL
        key = report_party_key(party)
        try:
            index = self.keys.index(key)
        except ValueError:
            index = len(self.keys)
            self.keys.append(key)
        self.of[triple] = index

    def renamed(self) -> dict[int, list[str]]:
        """The renamed parties' keys, each with the organisation names its delegations are stored under."""
        stored: dict[int, list[str]] = {}
        for (_, _, organisation), index in self.of.items():
            if renamed(self.keys[index]):
                stored.setdefault(index, []).append(organisation)
        return stored

    def rank_by(self, label: Callable[[r.Party], str], days: dict[int, list[str]] | None = None) -> None:
        """Places by label; `days`: the start dates (as stored) each renamed party attended, whose
        names then (`party_as_named`) take their own places among the labels."""
        labels = {index: label(key).casefold() for index, key in enumerate(self.keys)}
        then = {(index, day): label(party_as_named(self.keys[index], date.fromisoformat(day))).casefold()
                for index, listed in (days or {}).items() for day in listed}
        place = {text_: number for number, text_ in enumerate(sorted({*labels.values(), *then.values()}))}
        self.rank = {index: place[text_] for index, text_ in labels.items()}
        self.dated = {pair: place[text_] for pair, text_ in then.items() if place[text_] != self.rank[pair[0]]}

    def rows(self) -> list[dict[str, Any]]:
        return [{"t": t_, "c": c, "o": o, "k": key, "r": self.rank.get(key, 0)}
                for (t_, c, o), key in self.of.items()]


@dataclass
class Counts:
    """What SQLite counted for the selection (with `--country`: that party's own participation)."""

    kept: set[str]  # the dialogues reported (with a party: those it sent a delegation to)
    per_dialogue: dict[str, tuple[int, ...]]  # delegations, participants, women, men
    years: list[Row]  # the Years table, oldest first
    parties: dict[int, dict[str, Any]]  # key -> sides, dialogues, delegations, participants, sexes, supported
    summary: dict[str, int]
    participations: int  # every status, of the counted delegations: the Participants table's length
    topics: list[tuple[str, int]]


def _drop(session: Session) -> None:
    session.execute(text("DROP VIEW IF EXISTS temp.rp_came"))
    for name in TEMPORARY:
        session.execute(text(f"DROP TABLE IF EXISTS temp.{name}"))


def _party_table(session: Session, parties: Parties) -> None:
    session.execute(text("CREATE TEMP TABLE rp_party (party_type TEXT NOT NULL, party_country TEXT NOT NULL, "
                         "party_organisation TEXT NOT NULL, key INTEGER NOT NULL, rank INTEGER NOT NULL, "
                         "PRIMARY KEY (party_type, party_country, party_organisation))"))
    if parties.of:
        session.execute(text("INSERT INTO rp_party VALUES (:t, :c, :o, :k, :r)"), parties.rows())
    # start_date declared as `dialogues.start_date` is (DATE): of another affinity, SQLite could not look the
    # day up in the key and read every day of the party for each participation (0.7 s at 81,000 rows)
    session.execute(text("CREATE TEMP TABLE rp_dated (key INTEGER NOT NULL, start_date DATE NOT NULL, "
                         "rank INTEGER NOT NULL, PRIMARY KEY (key, start_date)) WITHOUT ROWID"))
    if parties.dated:
        session.execute(text("INSERT INTO rp_dated VALUES (:k, :d, :r)"),
                        [{"k": key, "d": day, "r": rank} for (key, day), rank in parties.dated.items()])


def _ints(values: Sequence[Any]) -> tuple[int, ...]:
    return tuple(int(v or 0) for v in values)


def count(session: Session, conditions: Sequence[ColumnElement[bool]], party: r.Party | None,
          label: Callable[[r.Party], str]) -> tuple[Counts, Parties]:
    """Every figure of the Summary, Dialogues, Years, Participation and Topics tables, in one read."""
    _drop(session)
    try:
        return _count(session, conditions, party, label)
    finally:
        _drop(session)


def _count(session: Session, conditions: Sequence[ColumnElement[bool]], party: r.Party | None,
           label: Callable[[r.Party], str]) -> tuple[Counts, Parties]:
    run = session.execute
    run(text("CREATE TEMP TABLE rp_dialogue (id TEXT PRIMARY KEY, start_date TEXT, title TEXT, year INTEGER, "
             "draft INTEGER)"))
    run(insert(RP_DIALOGUE).from_select(
        ["id", "start_date", "title", "year", "draft"],
        select(D.id, D.start_date, D.title, cast(func.substr(D.start_date, 1, 4), Integer),
               case((D.status == "draft", 1), else_=0)).where(*conditions)))
    parties = Parties()
    for triple in run(text("SELECT DISTINCT g.party_type, coalesce(g.party_country, ''), "
                           "coalesce(g.party_organisation, '') FROM rp_dialogue d "
                           "JOIN delegations g ON g.dialogue_id = d.id")):
        parties.add((triple[0], triple[1], triple[2]))
    stored = parties.renamed()
    days: dict[int, list[str]] = {index: [] for index in stored}
    if stored:  # the days a renamed party came: its name on each (once a party and a day, not a delegation)
        names: Any = bindparam("names", [name for listed in stored.values() for name in listed], expanding=True)
        for kind, country, organisation, day in run(text(
                "SELECT DISTINCT g.party_type, coalesce(g.party_country, ''), g.party_organisation, d.start_date "
                "FROM rp_dialogue d JOIN delegations g ON g.dialogue_id = d.id "
                "WHERE g.party_organisation IN :names").bindparams(names)):
            if (kind, country, organisation) in parties.of:
                days[parties.of[(kind, country, organisation)]].append(str(day))
    parties.rank_by(label, days)
    _party_table(session, parties)
    wanted = parties.keys.index(party) if party is not None and party in parties.keys else None
    only = "" if party is None else "WHERE r.key = :key"
    # keyed by id: the participations find their delegation through it (a third faster than the index
    # SQLite would otherwise build for the join each time); `dialogue` is the dialogue's rowid in
    # rp_dialogue: the figures group by integers, not by 36-character UUIDs (issue 19, round 5)
    run(text("CREATE TEMP TABLE rp_delegation (id TEXT PRIMARY KEY, dialogue INTEGER, side TEXT, key INTEGER, "
             "rank INTEGER, supported INTEGER, year INTEGER, sort_order INTEGER)"))
    run(text("INSERT INTO rp_delegation SELECT g.id, d.rowid, g.side, "
             "r.key, r.rank, coalesce(g.programme_supported, 0) != 0, d.year, "
             "g.sort_order FROM rp_dialogue d JOIN delegations g ON g.dialogue_id = d.id "
             "JOIN rp_party r ON r.party_type = g.party_type AND r.party_country = coalesce(g.party_country, '') "
             f"AND r.party_organisation = coalesce(g.party_organisation, '') {only}"),
        {"key": -1 if wanted is None else wanted})
    if party is not None:  # the party's own participation: the dialogues it sent a delegation to
        run(text("DELETE FROM rp_dialogue WHERE rowid NOT IN (SELECT dialogue FROM rp_delegation)"))
    # the people (and institutions) as small integers with the sex coded 1 female, 2 male, 0 not recorded:
    # one lookup a participation in these small tables costs a third less than in `people`, and the
    # distinct counts and sums below work on integers
    run(text("CREATE TEMP TABLE rp_person (id TEXT PRIMARY KEY, n INTEGER, sex INTEGER) WITHOUT ROWID"))
    run(text("INSERT INTO rp_person SELECT id, rowid, CASE sex WHEN 'female' THEN 1 WHEN 'male' THEN 2 ELSE 0 END "
             "FROM people"))
    run(text("CREATE TEMP TABLE rp_institution (id TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID"))
    run(text("INSERT INTO rp_institution SELECT id, rowid FROM institutions"))
    # every participation of the counted delegations, once, coded: status 1 attended, 2 invited or
    # confirmed, 0 else; side 1 partner, 2 EU, 0 else. The person figures read the attended ones.
    run(text("CREATE TEMP TABLE rp_part AS SELECT g.dialogue AS dialogue, g.year AS year, g.key AS key, "
             "CASE g.side WHEN 'partner' THEN 1 WHEN 'eu' THEN 2 ELSE 0 END AS side, g.supported AS supported, "
             "s.n AS person, s.sex AS sex, i.n AS institution, coalesce(p.programme_funded, 0) != 0 AS funded, "
             "CASE p.status WHEN 'attended' THEN 1 WHEN 'invited' THEN 2 WHEN 'confirmed' THEN 2 ELSE 0 END "
             "AS status FROM rp_delegation g JOIN participants p ON p.delegation_id = g.id "
             "JOIN rp_person s ON s.id = p.person_id LEFT JOIN rp_institution i ON i.id = p.institution_id"))
    run(text("CREATE TEMP VIEW rp_came AS SELECT * FROM rp_part WHERE status = 1"))

    id_of: dict[int, str] = dict(run(text("SELECT rowid, id FROM rp_dialogue")).all())
    kept = set(id_of.values())
    delegations_of: dict[int, int] = dict(run(text(
        "SELECT dialogue, count(*) FROM rp_delegation GROUP BY dialogue")).all())
    came_of = {row[0]: _ints(row[1:]) for row in run(text(
        "SELECT dialogue, count(*), total(sex = 1), total(sex = 2) FROM rp_came GROUP BY dialogue")).all()}
    per_dialogue = {id_: (delegations_of.get(n, 0), *came_of.get(n, (0, 0, 0))) for n, id_ in id_of.items()}

    year_dialogues: dict[int, int] = dict(run(text("SELECT year, count(*) FROM rp_dialogue GROUP BY year")).all())
    year_delegations: dict[int, int] = dict(run(text("SELECT year, count(*) FROM rp_delegation GROUP BY year")).all())
    year_came = {row[0]: _ints(row[1:]) for row in run(text(
        "SELECT year, count(*), count(DISTINCT person), total(sex = 1), total(sex = 2), "
        "total(sex = 0), total(funded) FROM rp_came GROUP BY year"))}
    years: list[Row] = []
    for year in sorted(year_dialogues):
        people, unique, women, men, unknown, funded = year_came.get(year, (0, 0, 0, 0, 0, 0))
        years.append((year, year_dialogues[year], year_delegations.get(year, 0), people, unique, women, men,
                      unknown, funded))

    party_counts: dict[int, dict[str, Any]] = {}
    for key, dialogues, delegations in run(text(
            "SELECT key, count(DISTINCT dialogue), count(*) FROM rp_delegation GROUP BY key")):
        party_counts[key] = {"sides": set(), "dialogues": dialogues, "delegations": delegations,
                             "came": (0, 0, 0, 0, 0)}
    for key, side in run(text("SELECT DISTINCT key, side FROM rp_delegation")):
        party_counts[key]["sides"].add(side)
    for row in run(text("SELECT key, count(*), total(sex = 1), total(sex = 2), total(sex = 0), "
                        "total(supported) FROM rp_came GROUP BY key")):
        party_counts[row[0]]["came"] = _ints(row[1:])

    (people, unique, women, men, unknown, supported_people, partner, eu, funded, funded_women, funded_men,
     institutions) = _ints(run(text(
        "SELECT count(*), count(DISTINCT person), total(sex = 1), total(sex = 2), total(sex = 0), "
        "total(supported), total(side = 1), total(side = 2), total(funded), "
        "total(funded AND sex = 1), total(funded AND sex = 2), count(DISTINCT institution) FROM rp_came")).one())
    unique_women, unique_men, unique_unknown = _ints(run(text(
        "SELECT total(sex = 1), total(sex = 2), total(sex = 0) "
        "FROM (SELECT person, sex FROM rp_came GROUP BY person)")).one())
    delegations, supported = _ints(run(text("SELECT count(*), total(supported) FROM rp_delegation")).one())
    participations, invited = _ints(run(text("SELECT count(*), total(status = 2) FROM rp_part")).one())
    supported_dialogues = int(run(text(
        "SELECT count(*) FROM (SELECT dialogue FROM rp_delegation WHERE supported "
        "UNION SELECT dialogue FROM rp_came WHERE funded)")).scalar_one())
    keys = [parties.keys[key] for key in party_counts]
    summary = {
        "Delegations": delegations, "Participants": people, "Unique people": unique, "Women": women, "Men": men,
        "Sex not recorded": unknown, "Countries represented": len({k.code for k in keys if k.code}),
        "Organisations represented": len({k for k in keys if k.code is None}),
        "Programme-supported delegations": supported, "Programme-supported participants": supported_people,
        "Invited": invited, "Unique women": unique_women, "Unique men": unique_men,
        "Unique people, sex not recorded": unique_unknown, "Partner-side participants": partner,
        "EU-side participants": eu, "Programme-funded participants": funded, "Programme-funded women": funded_women,
        "Programme-funded men": funded_men, "Dialogues supported by the programme": supported_dialogues,
        "Institutions represented": institutions}
    return Counts(kept=kept, per_dialogue=per_dialogue, years=years, parties=party_counts, summary=summary,
                  participations=participations, topics=_topics(session)), parties


def _topics(session: Session) -> list[tuple[str, int]]:
    """The Topics table's rows: one a topic whatever the case of its spellings ("HIV" from one office,
    "hiv" from another's bundle), shown as most of its dialogues spell it, and counted in dialogues: a
    dialogue that holds a topic twice counts once (round 16: "HIV" 2, "hiv" 1 for two dialogues)."""
    joined = "FROM dialogue_topics t JOIN rp_dialogue d ON d.id = t.dialogue_id"
    spellings: dict[str, list[tuple[str, int]]] = {}
    for name, number in session.execute(text(f"SELECT t.name, count(DISTINCT d.rowid) {joined} GROUP BY t.name")):
        spellings.setdefault(name.casefold(), []).append((name, int(number)))
    topics = []
    for spelt in spellings.values():
        shown = min(spelt, key=lambda item: (-item[1], item[0]))[0]
        if len(spelt) == 1:
            topics.append((shown, spelt[0][1]))
            continue
        names: Any = bindparam("names", [name for name, _ in spelt], expanding=True)
        topics.append((shown, int(session.execute(
            text(f"SELECT count(DISTINCT d.rowid) {joined} WHERE t.name IN :names").bindparams(names)).scalar_one())))
    return topics


def participant_order(dialogue: Any, delegation: Any, participant: Any, party: Any, dated: Any = None) -> list[Any]:
    """The Participants table's order: start date, party (by its label, a renamed party's by its name that
    day when `dated` is joined), role, then record order."""
    role = case(ROLE_RANK, value=participant.role, else_=99)
    rank = party.rank if dated is None else func.coalesce(dated.rank, party.rank)
    return [dialogue.start_date, rank, role, dialogue.title, dialogue.id, delegation.sort_order,
            participant.sort_order, participant.id]


def draft_rows(session: Session, conditions: Sequence[ColumnElement[bool]], parties: Parties,
               party: r.Party | None) -> frozenset[int]:
    """The places in the Participants table of rows of draft dialogues (marked in every format)."""
    _drop(session)
    try:
        _party_table(session, parties)
        statement = _participations(conditions, parties, party, (D.status,))
        return frozenset(index for index, (status,) in enumerate(session.connection().execute(statement))
                         if status == "draft")
    finally:
        _drop(session)


def _participations(conditions: Sequence[ColumnElement[bool]], parties: Parties, party: r.Party | None,
                    columns: tuple[Any, ...]) -> Any:
    joined = (D.__table__.join(G, G.dialogue_id == D.id)
              .join(RP_PARTY, (RP_PARTY.c.party_type == G.party_type)
                    & (RP_PARTY.c.party_country == func.coalesce(G.party_country, ""))
                    & (RP_PARTY.c.party_organisation == func.coalesce(G.party_organisation, ""))))
    if parties.dated:  # a renamed party sorted by its name that day: one lookup a row, only when there is one
        joined = joined.outerjoin(RP_DATED, (RP_DATED.c.key == RP_PARTY.c.key)
                                  & (RP_DATED.c.start_date == D.start_date))
    statement = (select(*columns).select_from(joined)
                 .join(P, P.delegation_id == G.id).where(*conditions)
                 .order_by(*participant_order(D, G, P, RP_PARTY.c, RP_DATED.c if parties.dated else None)))
    if party is not None:
        statement = statement.where(RP_PARTY.c.key == (parties.keys.index(party) if party in parties.keys else -1))
    return statement


class RecordsChanged(UserError):
    """The records a report counted changed before its Participants table was read."""


def records_fingerprint(session: Session) -> tuple[Any, ...]:
    """What changes whenever a dialogue (its delegations, participants, actions), person or institution
    is added, edited, trashed, merged or deleted for good: each write raises the record's revision
    (as `InstitutionRepository.fingerprint`). Three aggregate reads, a few milliseconds at 20,000
    dialogues."""
    return tuple(value for model in (m.DialogueRow, m.PersonRow, m.InstitutionRow)
                 for value in session.execute(select(func.count(), func.total(model.revision),
                                                     func.max(model.updated_at))).one())


# the Participants table's rows from a batch of (start date as text, title, dialogue status, party key,
# side, person id, institution id, position, role, status, programme-funded), with the people's
# (name, sex) and the institutions' names by id
MakeRows = Callable[[list[Any], dict[str, tuple[str, str | None]], dict[str, str]], list[Row]]


class ParticipantRows(Sequence[Row]):
    """The Participants table (a row a participation, every status), read from SQLite as it is written.

    It holds no rows: iterating runs the query again in a read of its own and yields the rows
    `make_rows` builds from each batch, so the workbook and the HTML page write 530,000 rows at 20,000
    dialogues in constant memory. Its length is counted with the figures. The database must stay open
    until the report is written.

    Being a read of its own, it may see records saved since the figures were counted (the window
    saving while `report` runs, a command importing while the report dialog waits): the table would
    then disagree with the Summary in the same file, silently. `counted` is `records_fingerprint` at
    the count; a read that finds another refuses the report (`RecordsChanged`) before its first row."""

    def __init__(self, database: Database, conditions: Sequence[ColumnElement[bool]], parties: Parties,
                 party: r.Party | None, length: int, make_rows: MakeRows,
                 counted: tuple[Any, ...] | None = None) -> None:
        self.database, self.conditions, self.parties, self.party = database, conditions, parties, party
        self.length, self.make_rows, self.counted = length, make_rows, counted

    def __len__(self) -> int:
        return self.length

    def __iter__(self) -> Iterator[Row]:
        if not self.length:
            return
        columns = (D.start_date, D.title, D.status, RP_PARTY.c.key, G.side, P.person_id, P.institution_id,
                   P.position, P.role, P.status, P.programme_funded)
        with self.database.reading() as session:
            if self.counted is not None and records_fingerprint(session) != self.counted:
                raise RecordsChanged(Text("The records changed while the report was being made (a save or an "
                                          "import); nothing was written. Make the report again."))
            _drop(session)
            try:
                _party_table(session, self.parties)
                # people and institutions are looked up here, not joined: 10,000 people at 20,000 dialogues
                # against 530,000 rows, two index searches a row fewer for SQLite (issue 19, round 5)
                connection = session.connection()
                people = {id_: (name, sex) for id_, name, sex in connection.execute(
                    select(PERSON.id, PERSON.name, PERSON.sex))}
                institutions = dict(connection.execute(select(INST.id, INST.name)).all())
                # through the DB-API cursor: SQLAlchemy's result rows cost more than the query itself
                # here, and its ORM `Session.execute` would buffer every row before the first
                statement = _participations(self.conditions, self.parties, self.party, columns).compile(
                    dialect=connection.dialect)
                cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
                try:
                    cursor.execute(str(statement), tuple(statement.params[name] for name in statement.positiontup))
                    while batch := cursor.fetchmany(STREAM_ROWS):
                        yield from self.make_rows(batch, people, institutions)
                finally:
                    cursor.close()
            finally:
                _drop(session)

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return list(self)[index] if index.step or (index.start or 0) < 0 or (index.stop or 0) < 0 else \
                list(islice(self, index.start or 0, index.stop))
        if index < 0:
            index += self.length
        for row in islice(self, index, None):
            return row
        raise IndexError(index)
