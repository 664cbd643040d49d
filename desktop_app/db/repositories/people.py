"""People and institutions: the persons who attend and the bodies they come from."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import models as m
from desktop_app.db import search_index
from desktop_app.db.mapping import (
    IN_CHUNK,
    fill_institution,
    fill_person,
    forget_loaded,
    institution_record,
    people_names,
    person_record,
    search_text,
)
from desktop_app.db.repositories.revisions import check_unchanged
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import ParticipationStatus, Sex
from desktop_app.domain.errors import RecordNotFound, UserError, ValidationFailed
from desktop_app.domain.names import typed_score, written_alike
from desktop_app.domain.search import query_words
from desktop_app.domain.texts import Text
from desktop_app.domain.validation import institution_problems, person_problems


def check_person_revision(session: Session, person: r.Person) -> None:
    """Refuse to overwrite a person someone saved since this copy was read, or to bring back one
    merged into another since (round 15: the save wrote it anew, the merge half undone)."""
    check_unchanged(session, m.PersonRow, person.id, person.revision,
                    Text("%1 was changed elsewhere since you opened the record; "
                         "reload it and make your changes again.", person.name), _gone(person.name))


def check_institution_revision(session: Session, institution: r.Institution) -> None:
    """Refuse to overwrite an institution someone saved since this copy was read, or to bring back
    one merged into another since (round 15)."""
    check_unchanged(session, m.InstitutionRow, institution.id, institution.revision,
                    Text("%1 was changed elsewhere since you opened the record; "
                         "reload it and make your changes again.", institution.name), _gone(institution.name))


def _gone(name: str) -> Text:
    """A person or institution read once and not stored now: merged into another record (the only way
    one leaves the database), in this window or another, or by an import."""
    return Text("%1 is no longer in the database (it was merged into another record since you opened it); "
                "nothing was saved.", name)


def write_person(session: Session, person: r.Person, updated_at: datetime) -> m.PersonRow:
    problems = person_problems(person)
    if problems:
        raise ValidationFailed(problems[0].message, problems)
    row = session.get(m.PersonRow, person.id, options=[selectinload(m.PersonRow.other_names)])
    if row is None:
        row = m.PersonRow(id=person.id, revision=0, created_at=r.utc_now())
        session.add(row)
    forget_loaded(session, person.id)  # a bulk load's record of its names is out of date
    fill_person(row, person, updated_at)
    row.revision += 1
    return row


def write_institution(session: Session, institution: r.Institution, updated_at: datetime) -> m.InstitutionRow:
    problems = institution_problems(institution)
    if problems:
        raise ValidationFailed(problems[0].message, problems)
    row = session.get(m.InstitutionRow, institution.id)
    if row is None:
        row = m.InstitutionRow(id=institution.id, revision=0, created_at=r.utc_now())
        session.add(row)
    fill_institution(row, institution, updated_at)
    row.revision += 1
    return row


def refresh_search_text(session: Session, person_ids: set[str]) -> None:
    """A renamed person must still be found by the dialogues' search box under the new name.

    Read with Core queries and written back with one executemany: an import touching every
    person of a large bundle used to reload every dialogue through the ORM here."""
    from desktop_app.db.bulk_reading import dialogue_records

    session.flush()
    wanted = sorted(person_ids)
    dialogue_ids: set[str] = set()
    for start in range(0, len(wanted), IN_CHUNK):
        dialogue_ids.update(session.scalars(
            select(m.DelegationRow.dialogue_id).join(m.ParticipantRow)
            .where(m.ParticipantRow.person_id.in_(wanted[start:start + IN_CHUNK]))))
    ordered = sorted(dialogue_ids)
    table = cast(Table, m.DialogueRow.__table__)  # a mapped class's table is a Table
    change = update(table).where(table.c.id == bindparam("dialogue_id")).values(search_text=bindparam("text"))
    for start in range(0, len(ordered), IN_CHUNK):
        chunk = ordered[start:start + IN_CHUNK]
        dialogues = dialogue_records(session, select(m.DialogueRow.id).where(m.DialogueRow.id.in_(chunk)))
        names = people_names(session, {p.person_id for d in dialogues for g in d.delegations for p in g.participants})
        session.connection().execute(change, [{"dialogue_id": d.id, "text": search_text(session, d, names)}
                                              for d in dialogues])
    for row in [o for o in session.identity_map.values() if isinstance(o, m.DialogueRow) and o.id in dialogue_ids]:
        session.expire(row, ["search_text"])  # loaded rows must not keep the old text


OFFER_CANDIDATES = 400  # people scored for one typed name, at most
OFFER_THRESHOLD = 75.0  # a fuzzy offer below this is noise


def _latest_participations(session: Session, person_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Each person's most recent participation (by meeting date): where they came from and as what."""
    if not person_ids:
        return {}
    p, g, d, i = m.ParticipantRow, m.DelegationRow, m.DialogueRow, m.InstitutionRow
    rows = session.execute(
        select(p.person_id, g.party_country, g.party_organisation, p.institution_id, i.name, p.position,
               d.title, d.start_date)
        .join(g, p.delegation_id == g.id).join(d, g.dialogue_id == d.id).outerjoin(i, p.institution_id == i.id)
        .where(p.person_id.in_(person_ids), d.deleted_at.is_(None))
        .order_by(p.person_id, d.start_date.desc(), d.id))
    latest: dict[str, dict[str, Any]] = {}
    for person_id, country, organisation, institution_id, institution, position, title, start in rows:
        latest.setdefault(person_id, {
            "country": country, "organisation": organisation, "institution_id": institution_id,
            "institution": institution, "position": position, "last_meeting": title, "last_date": start})
    return latest


class PeopleRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get(self, person_id: str) -> r.Person:
        with self.database.reading() as session:
            row = session.get(m.PersonRow, person_id)
            if row is None:
                raise RecordNotFound(Text("That person is no longer in the database."))
            return person_record(row)

    def get_many(self, person_ids: set[str]) -> dict[str, r.Person]:
        with self.database.reading() as session:
            rows = session.scalars(select(m.PersonRow).where(m.PersonRow.id.in_(person_ids))
                                   .options(selectinload(m.PersonRow.other_names)))
            return {row.id: person_record(row) for row in rows}

    def search(self, text: str | None = None, limit: int = 500, counted: int | None = None) -> list[r.PersonRow]:
        """People whose name or other spelling contains every word typed, with how many meetings they came to.

        `counted`: count the meetings of the first `counted` people only; the others' are None, for the
        People page to count as they come into view (`meetings_of`). Counting is ~0.9 ms a person at
        100,000 dialogues (each of their participations looked up in its delegation and dialogue), so
        a page of 500 took ~0.4 s (issue 19, round 17); None counts them all (the `people` command)."""
        person = m.PersonRow
        other = m.PersonOtherName
        # the page of people first, then their counts: counting for every person before cutting
        # the page took most of the people page's time (it is built when the window opens)
        shown = select(person.id).where(person.deleted_at.is_(None)).order_by(person.name, person.id).limit(limit)
        words = query_words(text)
        with self.database.reading() as session:
            # the word index alone where the vocabulary allows (0012_search_speed, issue 19)
            planned = search_index.planned_queries(session.connection(), search_index.PEOPLE, words) if words else []
            shown = shown.where(*search_index.conditions(search_index.PEOPLE, words, planned))
            query = (select(person.id, person.name, person.sex, person.email)
                     .where(person.id.in_(shown)).order_by(person.name, person.id))
            # Core rows, not ORM objects: the page of 500 people was mostly the ORM's loading
            rows = session.connection().execute(query).all()
            ids = [row[0] for row in rows]
            meetings = _meetings_of(session, ids if counted is None else ids[:counted])
            others: dict[str, list[str]] = {}
            for start in range(0, len(ids), IN_CHUNK):
                for person_id, name in session.connection().execute(
                        select(other.person_id, other.name).where(other.person_id.in_(ids[start:start + IN_CHUNK]))
                        .order_by(other.person_id, other.sort_order)):
                    others.setdefault(person_id, []).append(name)
        return [r.PersonRow(id=id_, name=name, other_names=tuple(others.get(id_, ())),
                            sex=Sex(sex) if sex else None, email=email, meetings=meetings.get(id_))
                for id_, name, sex, email in rows]

    def meetings_of(self, person_ids: list[str]) -> dict[str, int]:
        """How many meetings each of these people came to (`search`'s count), for rows shown later."""
        with self.database.reading() as session:
            return _meetings_of(session, person_ids)

    def spellings(self, text: str | None = None, limit: int | None = None) -> list[tuple[str, str, tuple[str, ...]]]:
        """(id, name, other names) of current people by name, optionally those whose spellings
        contain every word of `text`: what a form needs to complete and recognise a typed name,
        without `search`'s per-person participation count (seconds over 20,000 people)."""
        query = select(m.PersonRow.id, m.PersonRow.name).where(m.PersonRow.deleted_at.is_(None)) \
            .order_by(m.PersonRow.name, m.PersonRow.id)
        query = query.where(*search_index.conditions(search_index.PEOPLE, query_words(text)))
        if limit is not None:
            query = query.limit(limit)
        with self.database.reading() as session:
            rows = list(session.execute(query))
            others = people_names(session, [person_id for person_id, _ in rows])
        return [(person_id, name, tuple(others.get(person_id, [name])[1:])) for person_id, name in rows]

    def named_alike(self, name: str, other_than: str) -> list[str]:
        """The names of the other current people whose name or another spelling is written as
        `name` is (`written_alike`): what a new or renamed person would be mistaken for."""
        key = written_alike(name)
        return [known for person_id, known, others in self.spellings(name)
                if person_id != other_than and key in {written_alike(n) for n in (known, *others)}]

    def offers(self, text: str | None, limit: int = 12) -> list[r.PersonOffer]:
        """The known people a typed name most probably means, the likeliest first, each with what
        tells namesakes apart (their other spelling, country, institution, last meeting).

        Candidates come from the folded names (`search_name` holds every spelling folded, so a name
        typed in either script finds the other); when every typed word is not found whole, people
        sharing the first letters of a word are scored too, so a spelling the folding does not
        bring together ("Tashpulatov"/"Toshpulatov") is still offered."""
        words = query_words(text)
        if not text or not words:
            return []
        current = m.PersonRow.deleted_at.is_(None)
        whole = select(m.PersonRow.id).where(current, *search_index.conditions(search_index.PEOPLE, words)) \
            .limit(OFFER_CANDIDATES)
        with self.database.reading() as session:
            ids = list(session.scalars(whole))
            if len(ids) < limit:
                starts = {word[:3] for word in words if len(word) >= 3}
                if starts:
                    near = select(m.PersonRow.id).where(current, search_index.any_of(
                        search_index.PEOPLE, sorted(starts))).limit(OFFER_CANDIDATES)
                    ids.extend(i for i in session.scalars(near) if i not in set(ids))
            names = people_names(session, ids)
            scored = sorted(((typed_score(text, tuple(spellings)), spellings[0], person_id)
                             for person_id, spellings in names.items()), key=lambda t: (-t[0], t[1], t[2]))
            chosen = [(score, person_id) for score, _, person_id in scored if score >= OFFER_THRESHOLD][:limit]
            latest = _latest_participations(session, [person_id for _, person_id in chosen])
            sexes = dict(session.execute(select(m.PersonRow.id, m.PersonRow.sex)
                                         .where(m.PersonRow.id.in_([i for _, i in chosen]))).all())
        offers = []
        for score, person_id in chosen:
            spellings = names[person_id]
            sex = sexes.get(person_id)
            offers.append(r.PersonOffer(id=person_id, name=spellings[0], other_names=tuple(spellings[1:]),
                                        sex=Sex(sex) if sex else None, score=round(score, 1),
                                        **latest.get(person_id, {})))
        return offers

    def latest_countries(self) -> dict[str, str]:
        """Person id → the country of the latest delegation they came with (a country delegation)."""
        p, g, d = m.ParticipantRow, m.DelegationRow, m.DialogueRow
        query = (select(p.person_id, g.party_country).join(g, p.delegation_id == g.id)
                 .join(d, g.dialogue_id == d.id)
                 .where(g.party_country.is_not(None), d.deleted_at.is_(None))
                 .order_by(p.person_id, d.start_date.desc(), d.id))
        latest: dict[str, str] = {}
        with self.database.reading() as session:
            for person_id, country in session.execute(query):
                if country is not None:  # never, by the query: tells the type checker
                    latest.setdefault(person_id, country)
        return latest

    def save(self, person: r.Person) -> r.Person:
        from desktop_app.db import replica_store

        with self.database.writing() as session:
            check_person_revision(session, person)
            row, _ = replica_store.edit(session, "person", person, self.database.officer)
            refresh_search_text(session, {person.id})
            return person_record(row)

    def merge(self, keep_id: str, merge_id: str) -> r.Person:
        """Two records of one person become one: participations move, the other spelling is kept."""
        if keep_id == merge_id:
            raise UserError(Text("Choose two different people to merge."))
        with self.database.writing() as session:
            keep = session.get(m.PersonRow, keep_id)
            gone = session.get(m.PersonRow, merge_id)
            if keep is None or gone is None:
                raise RecordNotFound(Text("One of the two people is no longer in the database."))
            clash = session.scalar(
                select(m.ParticipantRow.delegation_id).where(m.ParticipantRow.person_id == merge_id)
                .intersect(select(m.ParticipantRow.delegation_id).where(m.ParticipantRow.person_id == keep_id)))
            if clash:
                raise UserError(Text("Both people are in the same delegation; remove one of them from it first."))
            kept = person_record(keep)
            spellings = names_joined((kept.name,), kept.other_names, (gone.name, *(o.name for o in gone.other_names)))
            merged = replace(kept, other_names=spellings, sex=kept.sex or (person_record(gone).sex),
                             email=kept.email or gone.email)
            return merge_records(session, "person", merged, merge_id, self.database.officer)


def names_joined(known: tuple[str, ...], others: tuple[str, ...], added: tuple[str, ...]) -> tuple[str, ...]:
    """The other names of a record kept by a merge: its own (`others`), then each name of the merged
    record not written as one it is known by already (`known`: its name, an institution's acronym;
    `written_alike`: case, spaces and ё/е aside, as a rename keeps the old name; round 17: "AIGERIM
    ZHUMABAEVA" became another spelling of "Aigerim Zhumabaeva")."""
    have = {written_alike(n) for n in (*known, *others) if n}
    joined = list(others)
    for other in added:
        if written_alike(other) not in have:
            have.add(written_alike(other))
            joined.append(other)
    return tuple(joined)


def merge_records(session: Session, kind: str, kept: r.Person | r.Institution, gone_id: str,
                  officer: str | None) -> r.Person:
    """One write for a merge (docs/exchange.md "Tombstones"): the kept record takes the other's
    spellings (an edit), every dialogue naming the merged one names the kept one (an edit of each,
    so an open form reloads rather than saving a stale id), and a tombstone pointing to the kept
    record travels to the other databases."""
    from desktop_app.db import replica_store
    from desktop_app.db.mapping import dialogue_record
    from desktop_app.db.repositories.dialogues import load_dialogue_row
    from desktop_app.domain import replication as rp

    column = "person_id" if kind == "person" else "institution_id"
    moved_to: dict[str, Any] = {column: kept.id}
    gone_row = replica_store.load_row(session, kind, gone_id)
    state = replica_store.state_of(session, kind, gone_row)
    for dialogue_id in replica_store.dialogues_naming(session, kind, gone_id):
        dialogue = dialogue_record(load_dialogue_row(session, dialogue_id))  # type: ignore[arg-type]
        moved = replace(dialogue, delegations=tuple(replace(d, participants=tuple(
            replace(p, **moved_to) if getattr(p, column) == gone_id else p for p in d.participants))
            for d in dialogue.delegations))
        replica_store.edit(session, "dialogue", moved, officer, check=False)
    # The kept record shows the fold of its state and the merged one's (`replica_store.regroup`, as
    # every database that holds both does), then the merge sets every field the two disagree on: what
    # the merge saw never competes with it again. The name it kept is its choice (a rename of the
    # merged record made elsewhere meanwhile competes with it).
    target = replica_store.load_row(session, kind, kept.id)
    ours = replica_store.state_of(session, kind, target)
    replica_store.add_tombstone(session, {"id": gone_id, "kind": kind, "for_good": True, "deleted_at": None,
                                          "merged_into": kept.id, "version": state.version})
    session.flush()
    replica_store.regroup(session, kind, {})  # the merged record's dialogues name the kept one now
    target = replica_store.load_row(session, kind, kept.id)
    if target is not None:  # not itself read as another (a cycle of merges made elsewhere)
        joined = replica_store.state_of(session, kind, target)
        disagree = [path for path in rp.conflicts(joined) if path not in rp.conflicts(ours)]
        replica_store.edit(session, kind, kept, officer, force=["name", *disagree], merged=gone_id)
    session.flush()
    kept_id = replica_store.redirects(session).get(kept.id, kept.id)
    if kind == "person":
        refresh_search_text(session, {kept_id})
    row = replica_store.load_row(session, kind, kept_id)
    return person_record(row) if kind == "person" else institution_record(row)  # type: ignore[return-value]


class InstitutionRepository:
    def __init__(self, database: Database) -> None:
        self.database = database

    def get(self, institution_id: str) -> r.Institution:
        with self.database.reading() as session:
            row = session.get(m.InstitutionRow, institution_id)
            if row is None:
                raise RecordNotFound(Text("That institution is no longer in the database."))
            return institution_record(row)

    def fingerprint(self) -> tuple[Any, ...]:
        """What changes whenever an institution is added, edited, trashed or merged (each write of
        one raises its revision): how many rows, their revisions' sum, the last edit. A form's list
        of institutions is read again only when this changed (issue 19, round 13)."""
        with self.database.reading() as session:
            return tuple(session.execute(select(
                func.count(), func.total(m.InstitutionRow.revision), func.max(m.InstitutionRow.updated_at))).one())

    def all(self) -> list[r.Institution]:
        with self.database.reading() as session:
            rows = session.scalars(select(m.InstitutionRow).where(m.InstitutionRow.deleted_at.is_(None))
                                   .options(selectinload(m.InstitutionRow.other_names))
                                   .order_by(m.InstitutionRow.name))
            return [institution_record(row) for row in rows]

    def named_alike(self, name: str, other_than: str) -> list[str]:
        """The names of the other current institutions whose name or another name is written as
        `name` is (`written_alike`)."""
        key = written_alike(name)
        return [known.name for known in self.all()
                if known.id != other_than and key in {written_alike(n) for n in (known.name, *known.other_names)}]

    def merge(self, keep_id: str, merge_id: str) -> r.Institution:
        """Two records of one institution become one (the Russian and English names of one ministry):
        participations move, the other's names are kept as other names."""
        if keep_id == merge_id:
            raise UserError(Text("Choose two different institutions to merge."))
        with self.database.writing() as session:
            keep = session.get(m.InstitutionRow, keep_id)
            gone = session.get(m.InstitutionRow, merge_id)
            if keep is None or gone is None:
                raise RecordNotFound(Text("One of the two institutions is no longer in the database."))
            kept = institution_record(keep)
            # the other's acronym, when the kept record has another, is another name of it: "МВД" typed
            # in a form or a registration list still finds the ministry (round 17: it was dropped)
            dropped = (gone.acronym,) if gone.acronym and kept.acronym else ()
            names = names_joined((kept.name, kept.acronym or ""), kept.other_names,
                                 (gone.name, *(o.name for o in gone.other_names), *dropped))
            merged = replace(kept, other_names=names, acronym=kept.acronym or gone.acronym,
                             country=kept.country or gone.country)
            # the exchange's one write path, as for people: an edit of the kept institution and of
            # every dialogue naming the other, and a tombstone that carries the merge elsewhere
            return merge_records(session, "institution", merged, merge_id,  # type: ignore[return-value]
                                 self.database.officer)

    def save(self, institution: r.Institution) -> r.Institution:
        from desktop_app.db import replica_store

        with self.database.writing() as session:
            check_institution_revision(session, institution)
            row, _ = replica_store.edit(session, "institution", institution, self.database.officer)
            return institution_record(row)


def database_counts(database: Database) -> r.DatabaseCounts:
    with database.reading() as session:
        def count(query: object) -> int:
            return session.scalar(query) or 0  # type: ignore[call-overload]
        return r.DatabaseCounts(
            dialogues=count(select(func.count()).select_from(m.DialogueRow).where(m.DialogueRow.deleted_at.is_(None))),
            deleted_dialogues=count(select(func.count()).select_from(m.DialogueRow)
                                    .where(m.DialogueRow.deleted_at.is_not(None))),
            # every save keeps each dialogue's counts; summing them reads two small indexes
            # instead of counting millions of participation rows (~0.3 s at 100,000 dialogues)
            delegations=count(select(func.coalesce(func.sum(m.DialogueRow.delegation_count), 0))),
            participants=count(select(func.coalesce(func.sum(m.DialogueRow.participant_count), 0))),
            people=count(select(func.count()).select_from(m.PersonRow)),
            institutions=count(select(func.count()).select_from(m.InstitutionRow)))


EVERYONE_FROM = 2000  # people counted at once from which one pass over every meeting is cheaper


def _meetings_of(session: Session, person_ids: list[str]) -> dict[str, int]:
    """The meetings each person came to: the report's rule for a person's figures (contract §3 v2)
    and the `people` command's — attended, each meeting once, none in the trash (round 16: every
    participant row was counted, so an invitation, a second delegation of one meeting and a meeting
    in the trash each added one)."""
    if not person_ids:
        return {}
    # the trash as a set made once (its covering index), not each participation's dialogue looked up:
    # 40 people at 100,000 dialogues, 25 ms against 39 (round 17)
    trash = select(m.DialogueRow.id).where(m.DialogueRow.deleted_at.is_not(None))
    meetings = (select(func.count(func.distinct(m.DelegationRow.dialogue_id)))
                .select_from(m.ParticipantRow)
                .join(m.DelegationRow, m.DelegationRow.id == m.ParticipantRow.delegation_id)
                .where(m.ParticipantRow.person_id == m.PersonRow.id,
                       m.ParticipantRow.status == ParticipationStatus.ATTENDED.value,
                       m.DelegationRow.dialogue_id.not_in(trash))
                .scalar_subquery())
    counts: dict[str, int] = {}
    if len(person_ids) > EVERYONE_FROM:
        # most people (the `people` command lists them all): one pass from the meetings down their
        # delegations, in the order the rows were written, instead of looking each participation up
        # in its delegation and dialogue (50,000 people at 100,000 dialogues: ~12 s against ~45 s)
        wanted = set(person_ids)
        rows = session.connection().exec_driver_sql(
            "SELECT p.person_id, count(DISTINCT d.id) FROM dialogues d "
            "CROSS JOIN delegations g ON g.dialogue_id = d.id CROSS JOIN participants p ON p.delegation_id = g.id "
            "WHERE d.deleted_at IS NULL AND p.status = ? GROUP BY p.person_id", (ParticipationStatus.ATTENDED.value,))
        counts = {person_id: count for person_id, count in rows if person_id in wanted}
        return {person_id: counts.get(person_id, 0) for person_id in person_ids}
    for start in range(0, len(person_ids), IN_CHUNK):
        for person_id, count in session.connection().execute(
                select(m.PersonRow.id, meetings).where(m.PersonRow.id.in_(person_ids[start:start + IN_CHUNK]))):
            counts[person_id] = count
    return counts
