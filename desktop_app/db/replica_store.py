"""Records with their replication state in the database (docs/exchange.md): the session-level half
of the one write path.

Every write of a dialogue, person or institution — an officer's edit or a merge from a bundle —
ends in `store`, which writes the rows the state shows, the state itself (`replica` column), the
index of waiting conflicts, and notes the record as changed for the unit of work's broadcast.
A local edit goes through `edit`, which gives the changed fields this database's next version.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import models as m
from desktop_app.db.mapping import dialogue_record, forget_loaded, institution_record, person_record
from desktop_app.db.repositories.dialogues import load_dialogue_row, write_dialogue
from desktop_app.db.repositories.people import write_institution, write_person
from desktop_app.domain import record_fields as rf
from desktop_app.domain import records as r
from desktop_app.domain import replication as rp

MODELS: dict[str, Any] = {"dialogue": m.DialogueRow, "person": m.PersonRow, "institution": m.InstitutionRow}
RECORD: dict[str, Callable[[Any], Any]] = {
    "dialogue": dialogue_record, "person": person_record, "institution": institution_record}


def this_database(session: Session) -> str:
    """The id of this database file, minted the first time it is asked for."""
    cached = session.info.get("database_id")
    if cached:
        return cached
    row = session.get(m.DatabaseIdentity, 1)
    if row is None:
        row = m.DatabaseIdentity(id=1, database_id=uuid.uuid4().hex[:16], created_at=r.utc_now())
        session.add(row)
        session.flush()
    session.info["database_id"] = row.database_id
    return row.database_id


def changed(session: Session) -> dict[str, set[str]]:
    """The records this unit of work changed, by kind (read by `Database.writing` for the broadcast)."""
    return session.info.setdefault("changed", {kind: set() for kind in MODELS})


def load_row(session: Session, kind: str, record_id: str) -> Any:
    if kind == "dialogue":
        return load_dialogue_row(session, record_id)
    if kind == "person":
        return session.get(m.PersonRow, record_id, options=[selectinload(m.PersonRow.other_names)])
    return session.get(m.InstitutionRow, record_id)


def stored_json(kind: str, row: Any) -> dict[str, Any]:
    """A stored record as bundle JSON with its replication state (what `replication.decode` reads)."""
    data = rf.record_json(kind, RECORD[kind](row))
    data["updated_at"] = rf.timestamp(row.updated_at) if row.updated_at else None
    return with_meta(data, row.replica)


def with_meta(data: dict[str, Any], replica: str | None) -> dict[str, Any]:
    if replica:
        meta = json.loads(replica)
        data.update(meta.get("extra") or {})
        rp.with_subfields(data, meta.get("extra_fields") or {})
        data.update(version=meta["version"], replica=meta["replica"], conflicts=meta.get("conflicts") or [],
                    edited_by=meta.get("edited_by"))
        if meta.get("updated_at"):
            data["updated_at"] = meta["updated_at"]
    return data


def state_of(session: Session, kind: str, row: Any) -> rp.State:
    """A stored record's state; one stored before replication reads as its content's legacy version."""
    data = stored_json(kind, row)
    return rp.decode(kind, data, fallback=None if row.replica else rp.legacy_dot(kind, data))


# What the `replica` column's text is written by: one encoder made once (json.dumps with these
# arguments made one per record), without the cycle check — a record read from JSON holds no
# container that holds itself (issue 19, round 8: tests/db/test_replica_column.py, the same text).
_META = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), check_circular=False)
# The fields of a record that are not its `extra`: the rows hold them, or `meta_of` keeps them apart.
_NOT_EXTRA = {kind: frozenset({*rp.NOT_FIELDS, *fields, "edited_by"}) for kind, fields in rp.KNOWN_FIELDS.items()}


def meta_of(kind: str, encoded: dict[str, Any], known_subfields: bool = False) -> str:
    """What the `replica` column keeps: everything of the bundle record the rows do not hold.
    `known_subfields`: its sub-records are known to hold only this program's fields
    (`replication.encode_new` checked them), so they are not searched for others. The text's
    keys are sorted, so `extra` is gathered in any order (a set difference, usually empty)."""
    extra = {key: encoded[key] for key in encoded.keys() - _NOT_EXTRA[kind] if rp.split(key) is None}
    meta = {"version": encoded["version"], "replica": encoded["replica"], "conflicts": encoded["conflicts"],
            "edited_by": encoded.get("edited_by"), "updated_at": encoded.get("updated_at"), "extra": extra}
    if kind == "dialogue" and not known_subfields and (fields := rp.unknown_subfields(encoded)):
        meta["extra_fields"] = fields  # a newer program's fields of delegations, participants, items, actions
    return _META.encode(meta)


def shown(kind: str, record_id: str, state: rp.State) -> tuple[Any, list[str], Any, dict[str, Any]]:
    """What a state stores: the record it shows, its orphans, its `updated_at` and the encoded state
    (the record is read from the encoded one's shown fields: one `unflatten` for both; it is
    `record_fields.shown_record`, whose `updated_at` the encoded record carries when any)."""
    encoded, orphans = rp.encode_shown(kind, record_id, state)
    record = rf.record_of(kind, encoded)
    updated = record.updated_at or r.utc_now()
    return record, orphans, updated, encoded


def _label(kind: str, record: Any) -> str:
    return f"“{record.title}”" if kind == "dialogue" else str(record.name)


def store(session: Session, kind: str, record_id: str, state: rp.State, check: bool = True,
          folded: Mapping[str, rp.State] | None = None) -> Any:
    """Write the record a state shows, the state, and its conflicts. `check=False` for a merge.
    `folded`: for a kept person or institution, the states it is folded from (its own and those of
    the records merged into it, `raws_of`), kept beside the state it shows and passed on."""
    record, orphans, updated, encoded = shown(kind, record_id, state)
    if folded and len(folded) > 1:
        encoded["replica"][FOLDED] = {i: rp.encode(kind, i, s) for i, s in sorted(folded.items())}
    row: m.DialogueRow | m.PersonRow | m.InstitutionRow
    if kind == "dialogue":
        row = write_dialogue(session, record, updated, check=check)
        if record.deleted_at is None:
            row.deleted_at = None
        elif row.deleted_at is None:
            row.deleted_at = record.deleted_at
    elif kind == "person":
        row = write_person(session, record, updated)
    else:
        row = write_institution(session, record, updated)
    row.replica = meta_of(kind, encoded)
    row.edited_locally = False  # the old exchange's flag; versions tell edits apart now
    index_conflicts(session, kind, record_id, _label(kind, record), encoded, orphans)
    changed(session)[kind].add(record_id)
    return row


@dataclass(frozen=True)
class NewRecord:
    """A record new here whose one edit is encoded already (`replication.encode_new`: a version 1
    record; `replication.encode_received`: a version 2 record one edit set), with what its state
    is made of, for the rare record that needs the state itself."""

    kind: str
    record: dict[str, Any]  # its JSON: without a replication state (version 1), or with it (version 2)
    flat: dict[str, Any] | None  # `replication.flatten` of it, if the caller has it
    dot: rp.Dot
    by: str | None
    encoded: dict[str, Any]
    orphans: list[str]
    shown: Any = None  # the record the encoding shows, when the caller has it (else read from `encoded`)

    def state(self) -> rp.State:
        """The state `encoded` encodes (what the record decodes as, with its one edit; a version 2
        record's own state, which no tombstone redirects: `encode_received`)."""
        return rp.decode(self.kind, self.record, fallback=self.dot, fallback_by=self.by, flat=self.flat)


def store_new(session: Session, kind: str, states: list[tuple[str, rp.State | NewRecord]]) -> None:
    """`store` for many records not in the file yet (a bundle import's new records), written with
    prepared `executemany` (`bulk_writing`) instead of one ORM unit of work each: the same record
    shown, the same `replica` column and conflict index, the same checks (`check=False`). A
    `NewRecord` comes encoded already; its state is built only when a rule is broken."""
    from desktop_app.db import bulk_writing

    if not states:
        return
    session.flush()
    rows, waiting = [], []
    for record_id, state in states:
        if isinstance(state, NewRecord):
            encoded, orphans = state.encoded, state.orphans
            record = rf.record_of(kind, encoded) if state.shown is None else state.shown
            updated = record.updated_at or r.utc_now()
            broken = kind == "dialogue" and breaks_a_rule(state)
        else:
            record, orphans, updated, encoded = shown(kind, record_id, state)
            broken = bool(rule_conflicts(kind, encoded, orphans, state))
        rows.append(bulk_writing.NewRow(record, updated, meta_of(kind, encoded, isinstance(state, NewRecord))))
        if encoded["conflicts"] or broken:
            waiting.append((record_id, _label(kind, record), encoded, orphans))
    insert = {"person": bulk_writing.insert_people, "institution": bulk_writing.insert_institutions,
              "dialogue": bulk_writing.insert_dialogues}[kind]
    insert(session, rows, r.utc_now())
    for record_id, label, encoded, orphans in waiting:
        index_conflicts(session, kind, record_id, label, encoded, orphans)
    changed(session)[kind].update(record_id for record_id, _ in states)


def breaks_a_rule(new: NewRecord) -> bool:
    """Whether a new dialogue's rules give a conflict (`rule_conflicts` of its state). One edit wrote
    every field of a `NewRecord`, so no rule's fields were last set in two databases and no
    reference was redirected (`Candidate.written`); without orphans the one rule that can still
    be a conflict is one person twice in one delegation (`_twice_in_one_delegation`: only merges of
    people make it), looked for delegation by delegation here — not `rule_breaks`' walk of every
    participant and then the state (issue 19, round 9: ≈ 0.03 s of 2,000 dialogues). A record with
    orphans takes the walk. tests/db/test_new_record_rules.py holds the two equal."""
    encoded, orphans = new.encoded, new.orphans
    if orphans:
        return bool(rp.rule_breaks(encoded, orphans)) and bool(
            rule_conflicts(new.kind, encoded, orphans, new.state()))
    for delegation in encoded.get("delegations") or ():
        if (participants := delegation.get("participants")) and len(
                set(map(_PERSON, participants))) < len(participants):
            return True
    return False


_PERSON = itemgetter("person_id")


def rule_conflicts(kind: str, encoded: dict[str, Any], orphans: Iterable[str], state: rp.State | None = None
                   ) -> list[dict[str, Any]]:
    """Rules a merge broke: those whose fields were last set in two or more databases (one officer
    who saves two heads gets the form's warning, not a conflict).

    The state is decoded only when it can tell something: a rule the shown record breaks, or a
    dialogue shown in the trash (a trash dispute needs `trashed`'s winner to be the trash, and the
    shown record shows each field's winner). Every save of a form runs this: the decode was ~8 %
    of it (issue 19, round 13; tests/db/test_rule_conflicts.py holds it to the decode-always way)."""
    if kind != "dialogue":
        return []
    breaks = rp.rule_breaks(encoded, orphans)
    if not breaks and encoded.get("trashed") is not True:
        return []
    if state is None:
        state = rp.decode(kind, encoded)
    found = []
    _, edited = rp.trash_disputes(state)
    if edited:
        found.append({"rule": rp.TRASH_RULE, "fields": ["trashed", *edited]})
    for rule, paths in breaks:
        winners = [rp.winner(state.fields[p]) for p in paths if p in state.fields]
        databases = {c.dot[0] for c in winners}
        # a merge of people made elsewhere (a redirected reference) is no officer's save either
        redirected = rule == "one person in two delegations" and (
            any(c.written is not None for c in winners) or _twice_in_one_delegation(state, paths))
        if len(databases) > 1 or redirected or rule == "a participant of a removed delegation":
            found.append({"rule": rule, "fields": list(paths)})
    return found


def _twice_in_one_delegation(state: rp.State, paths: Iterable[str]) -> bool:
    """One person twice in one delegation: no form saves that (only merges of people can make it)."""
    shown = rp.values(state)
    delegations = [shown.get(p.rsplit(".", 1)[0] + ".delegation") for p in paths]
    return len(set(delegations)) < len(delegations)


def index_conflicts(session: Session, kind: str, record_id: str, label: str, encoded: dict[str, Any],
                    orphans: Iterable[str]) -> None:
    """One row per record with waiting conflicts (the status bar counts them, the CLI names them by id)."""
    rules = rule_conflicts(kind, encoded, orphans)
    row = session.scalars(select(m.ConflictRow).where(
        m.ConflictRow.record_kind == kind, m.ConflictRow.record_id == record_id,
        m.ConflictRow.resolved_at.is_(None))).first()
    if not encoded["conflicts"] and not rules:
        if row is not None:
            session.delete(row)
        return
    incoming = json.dumps({"fields": encoded["conflicts"], "rules": rules}, ensure_ascii=False, sort_keys=True)
    # each field once: a field in conflict may also be one a rule names (round 16: a dialogue trashed
    # while its title was in conflict was listed with "4 fields" -- title twice -- in the window)
    fields = json.dumps(list(dict.fromkeys([c["field"] for c in encoded["conflicts"]]
                                           + [p for rule in rules for p in rule["fields"]])))
    if row is not None and row.incoming == incoming:
        return
    if row is None:
        row = m.ConflictRow(record_kind=kind, record_id=record_id, detected_at=r.utc_now())
        session.add(row)
    row.label = label[:300]
    row.incoming = incoming
    row.fields = fields
    row.source = None


def edit(session: Session, kind: str, record: Any, by: str | None, force: Iterable[str] = (),
         check: bool = True, merged: str | None = None) -> tuple[Any, list[str]]:
    """An officer's edit of a record (new or changed): the changed fields get this database's
    next version, authored `by`. Returns the row and the fields changed (none: nothing written).
    `merged`: the id of a record merged into this one by this edit (its context is kept, so that
    edits of the merged record made elsewhere follow the merge: `replication.absorb`)."""
    row = load_row(session, kind, record.id)
    state = state_of(session, kind, row) if row is not None else rp.State()
    if kind == "dialogue":
        record = rf.with_ids(record)
    fields = rp.edited_fields(kind, state, rf.record_json(kind, record))
    if merged:
        fields[rp.MERGE_CONTEXT + merged] = dict(sorted(state.version.items()))
    new_state, paths = rp.local_edit(state, fields, this_database(session), by, rf.timestamp(r.utc_now()), force)
    if not paths:
        return row, []
    raws = raws_of(session, kind, row) if row is not None and kind != "dialogue" else {}
    if len(raws) > 1:  # a kept record: the edit of what it shows is its own new state; fold again
        raws = {**raws, record.id: new_state}
        folded = rp.fold(record.id, raws, merge_targets(session, kind))
        return store(session, kind, record.id, folded, check=check, folded=raws), paths
    return store(session, kind, record.id, new_state, check=check), paths


# ---- tombstones ---------------------------------------------------------------------------------

def tombstones(session: Session) -> dict[str, m.TombstoneRow]:
    return {t.id: t for t in session.scalars(select(m.TombstoneRow))}


def redirects(session: Session) -> dict[str, str]:
    """Merged-away id -> the kept id it reads as (a cycle of merges reads as its smallest id)."""
    return rp.canonical({t.id: t.merged_into for t in session.scalars(
        select(m.TombstoneRow).where(m.TombstoneRow.merged_into.is_not(None))) if t.merged_into is not None})


def tombstone_json(row: m.TombstoneRow) -> dict[str, Any]:
    return {"id": row.id, "kind": row.kind, "deleted_at": rf.timestamp(row.deleted_at), "for_good": row.for_good,
            "merged_into": row.merged_into, "version": json.loads(row.version)}


def add_tombstone(session: Session, data: dict[str, Any]) -> bool:
    """Merge a tombstone into ours (the vectors' maximum); True if anything changed."""
    row = session.get(m.TombstoneRow, data["id"])
    version = {k: int(v) for k, v in (data.get("version") or {}).items()}
    when = rf.moment(data.get("deleted_at")) or r.utc_now()
    if row is None:
        session.add(m.TombstoneRow(id=data["id"], kind=data["kind"], deleted_at=when,
                                   for_good=bool(data.get("for_good")), merged_into=data.get("merged_into"),
                                   version=json.dumps(dict(sorted(version.items())))))
        session.flush()
        return True
    old = json.loads(row.version)
    joined = rp.joined(old, version)
    merged_into = max(filter(None, (row.merged_into, data.get("merged_into"))), default=None)
    before = (row.version, row.deleted_at, row.for_good, row.merged_into)
    row.version = json.dumps(joined)
    row.deleted_at = max(row.deleted_at, when)
    row.for_good = row.for_good or bool(data.get("for_good"))
    row.merged_into = merged_into
    return before != (row.version, row.deleted_at, row.for_good, row.merged_into)


def covered(tombstone: m.TombstoneRow | None, version: dict[str, int], kept: dict[str, str] | None = None) -> bool:
    """The tombstone has seen every edit of this version: the record is gone. A record merged
    into another that a cycle of merges reads as (`kept` has no redirect for it) stays."""
    if tombstone is None or (tombstone.merged_into and kept is not None and tombstone.id not in kept):
        return False
    return rp.dominates(json.loads(tombstone.version), version)


def remove(session: Session, kind: str, record_id: str) -> None:
    if kind == "person":
        forget_loaded(session, record_id)
    session.execute(delete(MODELS[kind]).where(MODELS[kind].id == record_id))
    session.execute(delete(m.ConflictRow).where(m.ConflictRow.record_kind == kind,
                                                m.ConflictRow.record_id == record_id))
    changed(session)[kind].add(record_id)


def dialogues_naming(session: Session, kind: str, record_id: str) -> list[str]:
    column = m.ParticipantRow.person_id if kind == "person" else m.ParticipantRow.institution_id
    return sorted(set(session.scalars(select(m.DelegationRow.dialogue_id).join(m.ParticipantRow)
                                      .where(column == record_id))))


def follow_merge(session: Session, kind: str, gone_id: str) -> None:
    """Every stored dialogue naming a merged record names the kept one (no new version: every
    database does the same when the tombstone arrives, so the states stay equal)."""
    follow_merges(session, kind, [gone_id])


def follow_merges(session: Session, kind: str, ids: Iterable[str]) -> None:
    """`follow_merge` for every id whose reading the tombstones changed, and the ids they read as
    before: a stored reference is found by the id its edit wrote (in the state) or by the id it
    showed (in the rows), so a change in the middle of a chain reaches it too."""
    kept = redirects(session)
    dialogue_ids: set[str] = set()
    for record_id in sorted(set(ids)):
        if load_row(session, kind, kept.get(record_id, record_id)) is None:
            continue  # the kept record has not arrived yet: the names stay
        # rows name the shown value; a waiting version, a hidden participant or a reference as its
        # edit wrote it names it only in the state
        dialogue_ids.update(dialogues_naming(session, kind, record_id))
        dialogue_ids.update(session.scalars(select(m.DialogueRow.id).where(m.DialogueRow.replica.contains(record_id))))
    # only this kind's references: following a person merge must not rewrite an institution
    # reference to a kept institution not written yet (an import writes people, then institutions;
    # round 15: a bundle with both merges, the kept institution new in it, was refused every time).
    # The institutions' turn rewrites theirs, from what each edit wrote: the same as at once.
    column = "person_id" if kind == "person" else "institution_id"
    for dialogue_id in sorted(dialogue_ids):
        state = state_of(session, "dialogue", load_dialogue_row(session, dialogue_id))
        moved = rp.redirect(state, kept, column)
        if moved != state:
            store(session, "dialogue", dialogue_id, moved, check=False)


# ---- people and institutions merged into others: folded when read (docs/exchange.md) --------------

# In a kept record's `replica`: {id: bundle record} of every state it is folded from (its own included).
FOLDED = "folded"


def holds_others(replica: str | None) -> bool:
    """The stored `replica` of a kept record that holds the states of records merged into it."""
    return bool(replica) and f'"{FOLDED}":' in replica  # type: ignore[operator]


def present(session: Session, kind: str, ids: set[str]) -> set[str]:
    """Those of `ids` that are records of this kind here."""
    model = MODELS[kind]
    wanted = sorted(ids)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        found.update(session.scalars(select(model.id).where(model.id.in_(wanted[start:start + 500]))))
    return found


def merge_targets(session: Session, kind: str) -> dict[str, str]:
    """Merged-away id -> the id its tombstone names (the greater of two targets), for one kind."""
    return {t.id: t.merged_into for t in session.scalars(select(m.TombstoneRow).where(
        m.TombstoneRow.merged_into.is_not(None), m.TombstoneRow.kind == kind)) if t.merged_into is not None}


def raws_of(session: Session, kind: str, row: Any) -> dict[str, rp.State]:
    """The states a stored person or institution is folded from: its own and those of the records
    merged into it, each as edits and imports made it (never a fold's result); one that holds no
    other: its own state."""
    folded = json.loads(row.replica).get("replica", {}).get(FOLDED) if holds_others(row.replica) else None
    if not folded:
        return {row.id: state_of(session, kind, row)}
    return {record_id: rp.decode(kind, record) for record_id, record in folded.items()}


def regroup(session: Session, kind: str, incoming: Mapping[str, rp.State]
            ) -> tuple[dict[str, rp.State | None], list[str]]:
    """Every state of a record merged into another goes to the record its tombstones lead to, if that
    one is here, and that record shows their fold (`replication.fold`); a merged record whose kept
    record is not here stays a record of its own until it comes. `incoming`: states from a bundle
    (merged into those here). Returns the states shown before by each record written (None: new)
    and the records removed (their dialogues name the kept record now).

    Whatever the order of imports, a database that holds the same states and tombstones stores and
    shows the same: each record shown is a function of them alone."""
    targets = merge_targets(session, kind)
    kept = rp.canonical(targets)
    model = MODELS[kind]
    wanted = sorted({*kept, *kept.values(), *incoming})
    rows: dict[str, Any] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        rows.update((row.id, row) for row in session.scalars(select(model).where(model.id.in_(chunk))))
    rows.update((row.id, row) for row in session.scalars(select(model).where(model.replica.contains(f'"{FOLDED}":'))))
    pool: dict[str, rp.State] = {}
    shown_before: dict[str, rp.State] = {}
    for row_id in sorted(rows):
        held = raws_of(session, kind, rows[row_id])
        shown_before[row_id] = state_of(session, kind, rows[row_id]) if len(held) > 1 else held[row_id]
        for record_id, state in held.items():
            pool[record_id] = rp.merge(pool[record_id], state) if record_id in pool else state
    for record_id, state in incoming.items():
        pool[record_id] = rp.merge(pool[record_id], state) if record_id in pool else state
    groups: dict[str, dict[str, rp.State]] = {}
    for record_id in sorted(pool):
        root = kept.get(record_id, record_id)
        holder = root if root in pool else record_id
        groups.setdefault(holder, {})[record_id] = pool[record_id]
    before: dict[str, rp.State | None] = {}
    removed: list[str] = []
    for holder, raws in sorted(groups.items()):
        state = rp.fold(holder, raws, targets) if len(raws) > 1 else raws[holder]
        row = rows.get(holder)
        held_before = raws_of(session, kind, row) if row is not None else None
        if row is None or shown_before.get(holder) != state or held_before != (raws if len(raws) > 1 else
                                                                               {holder: state}):
            before[holder] = shown_before.get(holder)
            store(session, kind, holder, state, check=False, folded=raws)
    session.flush()
    for holder, raws in sorted(groups.items()):
        for record_id in sorted(raws):
            if record_id != holder and record_id in rows:
                follow_merge(session, kind, record_id)
                remove(session, kind, record_id)
                removed.append(record_id)
    return before, removed


def kept_bundle_fields(session: Session) -> dict[str, Any]:
    """A newer program's top-level bundle fields kept here (written into every export)."""
    return {row.name: json.loads(row.value) for row in session.scalars(select(m.BundleField))}


def keep_bundle_fields(session: Session, bundle: dict[str, Any]) -> None:
    ours = kept_bundle_fields(session)
    for name, value in rp.bundle_fields(bundle, ours).items():
        if name not in ours or ours[name] != value:
            session.merge(m.BundleField(name=name[:200], value=json.dumps(value, ensure_ascii=False)))
