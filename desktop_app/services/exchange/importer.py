"""Importing a bundle: every record merged into ours, in one transaction (docs/exchange.md).

Version 2 bundles carry each record's version vector and the dot of each field: the merge keeps
every edit either side has not seen, and two edits of one field made without seeing each other
wait as a conflict with every version. No wall clock is compared. Version 1 bundles (no versions)
keep the old rule: their record is taken when its `updated_at` is newer than ours.
"""

from __future__ import annotations

import gc
import hashlib
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop_app.db import bulk_writing, replica_store
from desktop_app.db import models as m
from desktop_app.db.mapping import IN_CHUNK
from desktop_app.db.repositories.dialogues import load_dialogue_rows
from desktop_app.db.repositories.people import refresh_search_text
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import record_fields as rf
from desktop_app.domain import records as r
from desktop_app.domain import reference
from desktop_app.domain import replication as rp
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Counted, Text, counted
from desktop_app.services.exchange import codec
from desktop_app.services.exchange.validation import CheckedBundle, bundle_version, read_bundle

DETAIL_LINES = 50
KINDS = ("dialogue", "person", "institution")
KINDS_IN_ORDER = ("person", "institution", "dialogue")  # a dialogue names people and institutions
PLURAL = {"dialogue": "dialogues", "person": "people", "institution": "institutions"}
# New records are written in bulk this many at a time: their replication states (a candidate per
# field) are held only until written, so a big bundle's memory does not grow with all of them.
NEW_AT_ONCE = 1000


class Outcome(StrEnum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT_LOCAL = "kept (ours already has it)"
    CONFLICT = "conflicts"
    DELETED = "deleted"


@dataclass(frozen=True)
class RecordOutcome:
    kind: str  # "person", "institution", "dialogue"
    id: str
    label: str
    outcome: Outcome
    fields: tuple[str, ...] = ()  # for a conflict: the fields that differ
    note: str = ""  # e.g. "in the trash"


@dataclass
class ImportSummary:
    outcomes: list[RecordOutcome] = field(default_factory=list)
    dry_run: bool = False

    def count(self, outcome: Outcome, kind: str | None = None) -> int:
        return sum(1 for o in self.outcomes if o.outcome is outcome and (kind is None or o.kind == kind))

    def of(self, outcome: Outcome) -> list[RecordOutcome]:
        return [o for o in self.outcomes if o.outcome is outcome]

    def lines(self) -> list[str]:
        """The summary the CLI prints (English) and the UI shows translated (each line is a `Text`)."""
        lines: list[str] = [Text("Dry run: nothing was written.") if self.dry_run else Text("Import finished.")]
        for outcome in Outcome:
            lines.append(Text("%1: %2, %3, %4", _OUTCOME_HEADINGS[outcome],
                              *(_COUNTED[kind](self.count(outcome, kind)) for kind in KINDS)))
        details = [o for o in self.outcomes if o.outcome in (Outcome.UPDATED, Outcome.KEPT_LOCAL)
                   or (o.outcome is Outcome.DELETED and o.label)]
        for o in details[:DETAIL_LINES]:
            note = Text(" [%1]", _NOTES.get(o.note, o.note)) if o.note else ""
            lines.append(Text("  %1: %2 %3 (%4)%5", _OUTCOME_WORDS[o.outcome], _KIND_WORDS.get(o.kind, o.kind),
                              o.label, o.id, note))
        if len(details) > DETAIL_LINES:
            lines.append(Text("  … and %1 more", len(details) - DETAIL_LINES))
        conflicts = self.of(Outcome.CONFLICT)
        for o in conflicts:  # every one: the contract asks for each conflict with its fields
            # and where the record is meanwhile (round 15: "in your trash" was left off a conflict's line)
            note = Text(" [%1]", _NOTES.get(o.note, o.note)) if o.note else ""
            lines.append(Text("  conflict: %1 %2 (%3): %4%5", _KIND_WORDS.get(o.kind, o.kind), o.label, o.id,
                              ", ".join(o.fields), note))
        if conflicts and not self.dry_run:
            # "1 record waits" / "2 records wait" (round 18: "1 wait"), the count with its noun
            lines.append(Text("Records in conflict were not overwritten: %1 waiting for you to choose, "
                              "field by field, in the app's Conflicts window.", counted(len(conflicts), "record")))
        return lines


# The words of the summary lines, as translatable texts (README "Languages").
_OUTCOME_HEADINGS = {Outcome.ADDED: Text("Added"), Outcome.UPDATED: Text("Updated"),
                     Outcome.UNCHANGED: Text("Unchanged"), Outcome.KEPT_LOCAL: Text("Kept (ours already has it)"),
                     Outcome.CONFLICT: Text("Conflicts"), Outcome.DELETED: Text("Deleted")}
_OUTCOME_WORDS = {Outcome.UPDATED: Text("updated"), Outcome.KEPT_LOCAL: Text("kept (ours already has it)"),
                  Outcome.DELETED: Text("deleted")}
_KIND_WORDS = {"dialogue": Text("dialogue"), "person": Text("person"), "institution": Text("institution")}
# "Added: 1 dialogue, 2 people, 5 institutions" in English, "Добавлено: 1 диалог, 2 человека, 5 учреждений"
_COUNTED: dict[str, Callable[[int], Counted]] = {
    "dialogue": lambda n: counted(n, "dialogue"), "person": lambda n: counted(n, "person", "people"),
    "institution": lambda n: counted(n, "institution")}
_NOTES = {"in your trash": Text("in your trash"), "followed a merge": Text("an edit of a record merged into it")}


def _load_rows(session: Session, model: Any, ids: list[str], *options: Any) -> dict[str, Any]:
    """The local rows of these ids, a few queries for the lot (not one `session.get` per record)."""
    found: dict[str, Any] = {}
    for start in range(0, len(ids), IN_CHUNK):
        found.update((row.id, row) for row in session.scalars(
            select(model).where(model.id.in_(ids[start:start + IN_CHUNK])).options(*options)))
    return found


def _label(kind: str, item: dict[str, Any]) -> str:
    return f"“{item.get('title', '')}”" if kind == "dialogue" else str(item.get("name", ""))


def v1_record(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    """A version 1 record in version 2's shape (the schema's rules: actions' and agenda items'
    ids derived from the dialogue's id and position, so every database derives the same)."""
    return _v1_read(kind, item)[1]


def _v1_read(kind: str, item: dict[str, Any], known: Any = None) -> tuple[Any, dict[str, Any]]:
    """`v1_record`, and the record it was made from (the record its encoding shows: `_v1_new`).
    `known`: the record the bundle's check read from this JSON already (`CheckedBundle`)."""
    read: Any
    if kind == "dialogue":
        dialogue = codec.dialogue_from_json(item) if known is None else known
        if all(a.id for a in dialogue.agenda):
            read = dialogue
        else:
            # its own fields with the agenda replaced, by `__init__` (`dataclasses.replace` reads
            # each field's definition first: ~2x the time; `tests/services/test_v1_read_fast.py`)
            read = r.Dialogue(**{**vars(dialogue), "agenda": _agenda_with_ids(dialogue.id, dialogue.agenda)})
        data = rf.dialogue_json(read)
        data.pop("trashed")  # version 1 says nothing of the trash: ours stays as it is
    elif kind == "person":
        read = codec.person_from_json(item) if known is None else known
        data = rf.person_json(read)
    else:
        read = codec.institution_from_json(item) if known is None else known
        data = rf.institution_json(read)
    data["updated_at"] = item.get("updated_at")
    return read, data


def _agenda_with_ids(dialogue_id: str, agenda: tuple[r.AgendaItem, ...]) -> tuple[r.AgendaItem, ...]:
    """A version 1 dialogue's agenda items, each without an id given the one derived from the
    dialogue's id and its position (the schema's rule: every database derives the same). The
    dialogue's UUID is read once and each item built directly, not by `dataclasses.replace`
    (issue 19: every agenda item of a version 1 bundle; `tests/services/test_v1_read_fast.py`)."""
    base = uuid.UUID(dialogue_id).bytes
    return tuple(a if a.id else r.AgendaItem(title=a.title, presenter=a.presenter, notes=a.notes,
                                             id=_derived_id(base, f"agenda/{i}"))
                 for i, a in enumerate(agenda))


def _derive_agenda_ids(data: dict[str, Any]) -> None:
    """Version 2's schema leaves an agenda item's `id` optional: an item without one is given the
    id version 1's rule derives from the dialogue's id and the item's position (the same in every
    database), before anything reads it (round 16: such a bundle, valid against the schema, failed
    with an internal error). The record the bundle's check read from that dialogue is let go of."""
    for item in data["dialogues"]:
        agenda = item.get("agenda") or ()
        if all("id" in entry for entry in agenda):
            continue
        base = uuid.UUID(item["id"]).bytes
        for i, entry in enumerate(agenda):
            entry.setdefault("id", _derived_id(base, f"agenda/{i}"))
        if isinstance(data, CheckedBundle):
            data.take_read(item)


def _derived_id(base: bytes, name: str) -> str:
    """`str(uuid.uuid5(UUID(bytes=base), name))` from one SHA-1 and the digest's hex, without the
    two `UUID` objects and their integer arithmetic (issue 19: about half of `uuid5`'s time an agenda item)."""
    digest = bytearray(hashlib.sha1(base + name.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    x = digest.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


# A version 1 participant's fields its record may leave out (the schema's own, optional, and those it lacks)
_V1_PARTICIPANT_UNSAID = ("institution_id", "position", "status", "programme_funded")


def _missing_in_v1(kind: str, item: dict[str, Any], local: dict[str, Any], stored: dict[str, Any]
                   ) -> dict[str, Any]:
    """Fields a version 1 bundle lacks never overwrite ours: keep ours for those — a participant's
    `status` and `programme_funded` (not in version 1), and its `institution_id` and `position`
    where the record leaves them out (optional in the schema: a left-out key says nothing, a null
    says "none"; round 15: they were wiped). `local`: their record over ours; `stored`: ours (until
    round 15 the participants were looked up in `local`, their own, so none was kept)."""
    if kind != "dialogue":
        return local
    ours = {p["id"]: p for d in stored.get("delegations") or () for p in d["participants"]}
    sent = {p["id"]: p for d in item.get("delegations") or () for p in d["participants"]}
    merged = dict(local)
    for delegation in merged.get("delegations") or ():
        for participant in delegation["participants"]:
            original = sent.get(participant["id"], {})
            for name in _V1_PARTICIPANT_UNSAID:
                if name not in original and participant["id"] in ours:
                    participant[name] = ours[participant["id"]][name]
    merged["trashed"] = local.get("trashed", False)
    return merged


def apply_bundle(session: Session, data: dict[str, Any]) -> ImportSummary:
    """Merge every record of the bundle into ours (docs/exchange.md), in one transaction.

    Version 2: tombstones first (merged people redirect, deletions the deleter had seen apply),
    then each record's state merged with ours. Version 1: each record as an edit by its sender,
    taken when its `updated_at` is newer than ours (the old rule; it has no versions)."""
    replica_store.this_database(session)  # minted by the first import, so a second one writes nothing
    with bulk_writing.loading(session):
        return _apply(session, data)


def _apply(session: Session, data: dict[str, Any]) -> ImportSummary:
    summary = ImportSummary()
    version = bundle_version(data)
    source = data.get("source")
    if version != 1:
        replica_store.keep_bundle_fields(session, data)
        _derive_agenda_ids(data)
    read_before = replica_store.redirects(session)
    for tombstone in data.get("deleted") or ():
        replica_store.add_tombstone(session, tombstone)
    session.flush()
    stones = replica_store.tombstones(session)
    kept = replica_store.redirects(session)
    # every id the tombstones now read differently, and what it read as before (docs/exchange.md
    # "Merges made concurrently": a second target, a chain whose middle moved, a cycle closed)
    moved = {i for i in read_before.keys() | kept.keys() if read_before.get(i, i) != kept.get(i, i)}
    targets = set(kept.values())
    for kind in KINDS_IN_ORDER:
        if kind == "dialogue":  # the people and institutions are here: references follow the merges
            for merged_kind in ("person", "institution"):
                ids = {i for i in moved if stones[i].kind == merged_kind}
                replica_store.follow_merges(session, merged_kind, ids | {read_before[i] for i in ids
                                                                         if i in read_before})
            # a reference to a merged record whose kept record is not here (a bundle without it,
            # from an older program) names the merged one until the kept one comes, as a stored
            # one does (`follow_merges`; round 16: an empty database refused such a bundle, saying
            # a participant named a person not in the database)
            here = {t for merged_kind in ("person", "institution") for t in replica_store.present(
                session, merged_kind, {t for i, t in kept.items() if stones[i].kind == merged_kind})}
            kept = {i: t for i, t in kept.items() if t in here}
        items = data[PLURAL[kind]]
        model = replica_store.MODELS[kind]
        options = (selectinload(m.PersonRow.other_names),) if kind == "person" else ()
        if kind == "dialogue":
            rows = load_dialogue_rows(session, [item["id"] for item in items])
        else:
            rows = _load_rows(session, model, [item["id"] for item in items], *options)
        merged_away: dict[str, rp.State] = {}
        new: list[tuple[str, rp.State | replica_store.NewRecord]] = []  # not here yet: written in bulk (store_new)
        for item in items:
            if len(new) >= NEW_AT_ONCE:
                replica_store.store_new(session, kind, new)
                new = []
            record_id = item["id"]
            label = _label(kind, item)
            row = rows.get(record_id)
            if version == 1 and row is None and record_id not in stones and not (
                    kind == "dialogue" and kept and _names_any(item, kept)):
                known = data.take_read(item) if isinstance(data, CheckedBundle) else None
                new.append((record_id, _v1_new(kind, item, source, known)))
                summary.outcomes.append(RecordOutcome(kind, record_id, label, Outcome.ADDED))
                continue
            if version == 1 and row is not None:
                outcome = _apply_v1(session, kind, item, row, source, kept)
                summary.outcomes.append(RecordOutcome(kind, record_id, label, outcome))
                continue
            folds = kind != "dialogue" and (record_id in kept or record_id in targets or replica_store.FOLDED in (
                item.get("replica") or {}) or (row is not None and replica_store.holds_others(row.replica)))
            if row is None and not folds and version != 1 and record_id not in stones and (received := _v2_new(
                    kind, item, kept, data.take_read(item) if isinstance(data, CheckedBundle) else None)) is not None:
                if replica_store.covered(stones.get(record_id), received.encoded["version"], kept):
                    summary.outcomes.append(RecordOutcome(kind, record_id, label, Outcome.DELETED))
                else:
                    new.append((record_id, received))
                    summary.outcomes.append(RecordOutcome(kind, record_id, label, Outcome.ADDED))
                continue
            # a version 1 record new here that a merge or a deletion names, or that names a merged
            # record: the state's way, like version 2's (round 15: the merged person came back as a
            # person of its own, the dialogue deleted for good came back, a reference was not redirected)
            incoming = rp.redirect(_v1_state(kind, item, source) if version == 1 else _v2_state(kind, item, source),
                                   kept)
            if folds:
                # a merged record, or one others were merged into: shown as the fold of their states
                for held_id, state in _held(kind, record_id, item, incoming).items():
                    merged_away[held_id] = rp.merge(merged_away[held_id], state) if held_id in merged_away \
                        else state
                continue
            tombstone = stones.get(record_id)
            if row is None and replica_store.covered(tombstone, incoming.version, kept):
                summary.outcomes.append(RecordOutcome(kind, record_id, label, Outcome.DELETED))
                continue
            if row is None:
                incoming = _kept_in_trash(kind, record_id, incoming, tombstone)
                new.append((record_id, incoming))
                disputed = tuple(rp.disputes(incoming)) if tombstone is not None else ()
                note = "in your trash" if kind == "dialogue" and rp.values(incoming).get("trashed") else ""
                summary.outcomes.append(RecordOutcome(kind, record_id, label,
                                                      Outcome.CONFLICT if disputed else Outcome.ADDED, disputed, note))
                continue
            ours = replica_store.state_of(session, kind, row)
            if rp.dominates(ours.version, incoming.version):
                outcome = Outcome.UNCHANGED if ours.version == incoming.version else Outcome.KEPT_LOCAL
                summary.outcomes.append(RecordOutcome(kind, record_id, label, outcome))
                continue
            merged = _kept_in_trash(kind, record_id, rp.merge(ours, incoming), tombstone)
            before = set(rp.disputes(ours))
            replica_store.store(session, kind, record_id, merged, check=False)
            disputed = tuple(p for p in rp.disputes(merged) if p not in before)
            note = "in your trash" if kind == "dialogue" and rp.values(merged).get("trashed") else ""
            summary.outcomes.append(RecordOutcome(kind, record_id, label,
                                                  Outcome.CONFLICT if disputed else Outcome.UPDATED, disputed, note))
        replica_store.store_new(session, kind, new)
        session.flush()
        if kind != "dialogue" and (merged_away or any(stones[i].kind == kind for i in moved)):
            _regroup(session, kind, merged_away, summary)
    # deletions the deleter had seen every edit of: gone here too (merged records went into the
    # records they were merged into above)
    for tombstone in (data.get("deleted") or ()):
        if tombstone["kind"] != "dialogue":
            continue
        row = replica_store.load_row(session, tombstone["kind"], tombstone["id"])
        if row is None:
            continue
        held = replica_store.state_of(session, tombstone["kind"], row)
        if replica_store.covered(stones.get(tombstone["id"]), held.version):
            title = f"“{row.title}”"  # named: the preview and the summary say which dialogue goes
            replica_store.remove(session, tombstone["kind"], tombstone["id"])
            summary.outcomes.append(RecordOutcome(tombstone["kind"], tombstone["id"], title, Outcome.DELETED))
            continue
        kept_here = _kept_in_trash("dialogue", tombstone["id"], held, stones.get(tombstone["id"]))
        if kept_here is not held:  # an edit the deletion had not seen: in the trash, as a conflict
            replica_store.store(session, "dialogue", tombstone["id"], kept_here, check=False)
            disputed = tuple(p for p in rp.disputes(kept_here) if p not in rp.disputes(held))
            summary.outcomes = [o for o in summary.outcomes if o.id != tombstone["id"]]
            summary.outcomes.append(RecordOutcome("dialogue", tombstone["id"], f"“{row.title}”",
                                                  Outcome.CONFLICT if disputed else Outcome.UPDATED, disputed,
                                                  "in your trash"))
    if any(o.kind == "person" and o.outcome in (Outcome.UPDATED, Outcome.CONFLICT) for o in summary.outcomes):
        refresh_search_text(session, {o.id for o in summary.outcomes if o.kind == "person"
                                      and o.outcome in (Outcome.UPDATED, Outcome.CONFLICT)})
    session.flush()
    return summary


def _kept_in_trash(kind: str, record_id: str, state: rp.State, tombstone: m.TombstoneRow | None) -> rp.State:
    """A dialogue deleted for good elsewhere that holds an edit the deletion had not seen (the
    caller has found the tombstone does not cover it): kept in the trash, as a conflict
    (`replication.kept_from_deletion`). Any other record, or one no deletion names: as it is."""
    if kind != "dialogue" or tombstone is None or not tombstone.for_good or tombstone.merged_into:
        return state
    return rp.kept_from_deletion(state, record_id, json.loads(tombstone.version))


def _held(kind: str, record_id: str, item: dict[str, Any], incoming: rp.State) -> dict[str, rp.State]:
    """The states a bundle's person or institution is folded from (`replica.folded`), or its own."""
    folded = (item.get("replica") or {}).get(replica_store.FOLDED)
    if not folded:
        return {record_id: incoming}
    return {held_id: rp.decode(kind, record) for held_id, record in folded.items()}


def _regroup(session: Session, kind: str, merged_away: dict[str, rp.State], summary: ImportSummary) -> None:
    """Merged records (arriving, or here) go into the records they were merged into, which show
    the fold of their states (`replica_store.regroup`)."""
    before, removed = replica_store.regroup(session, kind, merged_away)
    for record_id, ours in before.items():
        row = replica_store.load_row(session, kind, record_id)
        now = replica_store.state_of(session, kind, row)
        if ours is None:
            summary.outcomes.append(RecordOutcome(kind, record_id, row.name, Outcome.ADDED))
            continue
        disputed = tuple(p for p in rp.disputes(now) if p not in rp.disputes(ours))
        if not disputed and rp.values(now) == rp.values(ours):  # a state held more, nothing shown changed
            summary.outcomes.append(RecordOutcome(kind, record_id, row.name, Outcome.UNCHANGED))
            continue
        note = "followed a merge" if replica_store.holds_others(row.replica) else ""
        summary.outcomes.append(RecordOutcome(kind, record_id, row.name, Outcome.CONFLICT if disputed
                                              else Outcome.UPDATED, disputed, note))
    for record_id in removed:
        summary.outcomes.append(RecordOutcome(kind, record_id, "", Outcome.DELETED))
    for record_id in merged_away.keys() - set(removed) - set(before):
        summary.outcomes.append(RecordOutcome(kind, record_id, "", Outcome.UNCHANGED))
    session.flush()


def _v1_author(source: str | None) -> str:
    return f"{source or 'a version 1 bundle'}"[:200]


def _v1_state(kind: str, item: dict[str, Any], source: str | None) -> rp.State:
    """A version 1 record new here: its content as an edit by its sender (its legacy version)."""
    record = v1_record(kind, item)
    if kind == "dialogue":
        record.setdefault("trashed", False)
    flat = rp.flatten(kind, record)
    return rp.decode(kind, record, fallback=rp.legacy_dot(kind, record, flat), fallback_by=_v1_author(source),
                     flat=flat)


def _v2_state(kind: str, item: dict[str, Any], source: str | None) -> rp.State:
    """A version 2 record's state. One without replication state (`replica`, which the schema
    leaves optional: a program other than this one may write none) reads as a version 1 record
    does, one edit of its content by its sender (its legacy version), so a record held here
    competes with it field by field and nothing of ours is overwritten unseen (round 16: such a
    bundle, valid against the schema, failed with an internal error)."""
    if item.get("replica"):
        return rp.decode(kind, item)
    flat = rp.flatten(kind, item)
    return rp.decode(kind, item, fallback=rp.legacy_dot(kind, item, flat), fallback_by=_v1_author(source),
                     flat=flat)


def _v1_new(kind: str, item: dict[str, Any], source: str | None, known: Any = None
            ) -> rp.State | replica_store.NewRecord:
    """`_v1_state`, encoded straight from the record when it shows as it is (`replication.encode_new`:
    no `State` of a candidate per field for the usual version 1 record), and for nearly every
    record with its legacy dot in the same walk (`replication.encode_new_v1`: no flat map of its
    fields kept; the rare record with a broken rule decodes its state from the record). The record
    it shows is the one read from the bundle (`record_fields.record_of` of the encoding gives the
    same); `known`: the record the bundle's check read from this JSON already."""
    read, record = _v1_read(kind, item, known)
    if kind == "dialogue":
        record.setdefault("trashed", False)
    by = _v1_author(source)
    walked = rp.encode_new_v1(kind, record, by)
    if walked is not None:
        encoded, orphans, dot = walked
        return replica_store.NewRecord(kind, record, None, dot, by, encoded, orphans, shown=read)
    flat = rp.flatten(kind, record)
    dot = rp.legacy_dot(kind, record, flat)
    found = rp.encode_new(kind, record, flat, dot, by)
    if found is None:
        return rp.decode(kind, record, fallback=dot, fallback_by=by, flat=flat)
    return replica_store.NewRecord(kind, record, flat, dot, by, *found, shown=read)


def _v2_new(kind: str, item: dict[str, Any], kept: dict[str, str], known: Any = None
            ) -> replica_store.NewRecord | None:
    """A version 2 record new here, encoded as the bundle carries it when one edit set it and it
    shows as it is (`replication.encode_received`: no `State` of a candidate per field, no
    `redirect` and no `encode_shown` of it — issue 19); None: the state's way (`decode`).
    `known`: the record the bundle's check read from this JSON (`CheckedBundle`), the record shown
    when it reads as its encoding does (`_v2_shown`)."""
    found = rp.encode_received(kind, item, kept)
    if found is None:
        return None
    encoded, orphans = found
    dot = tuple(item["replica"]["default"])
    return replica_store.NewRecord(kind, item, None, (dot[0], dot[1]), encoded["edited_by"], encoded, orphans,
                                   shown=None if known is None else _v2_shown(kind, item, encoded, known))


def _v2_shown(kind: str, item: dict[str, Any], encoded: dict[str, Any], known: Any) -> Any:
    """`record_fields.record_of(kind, encoded)` (the record a version 2 record new here shows) made
    from the record the bundle's check read from the same JSON (`codec`), with the time of its
    edit: the two read the same values when no party's `ref` reads as another party, the dialogue
    is not in the trash (`record_of` dates that) and its actions have ids; None otherwise (read it
    from the encoding). Issue 19: a second reading of every dialogue. Held by
    `tests/services/test_bulk_import_v2.py`."""
    if kind == "dialogue":
        if encoded.get("trashed") or not all(action["id"] for action in encoded["actions"]):
            return None
        if not _party_as_written(item.get("chair")) or not all(
                _party_as_written(a["presenter"]) for a in encoded["agenda"]) or not all(
                d["party"] and _party_as_written(d["party"]) for d in encoded["delegations"]):
            return None
    elif type(item.get("name")) is not str:
        return None
    at = rf.moment(encoded.get("updated_at"))
    return known if known.updated_at == at else replace(known, updated_at=at)


def _party_as_written(data: Any) -> bool:
    """A party of a bundle that `record_fields.party_of` reads as written (as `codec` reads it):
    none, no `ref`, its own `ref`, or one the reference lists do not know."""
    if data is None:
        return True
    if type(data) is not dict:
        return False
    country = data.get("type") == "country"
    named = data.get("code") if country else data.get("name")
    if type(named) is not str or not named:
        return False  # `codec` and `party_of` read a missing code or name otherwise
    ref = data.get("ref")
    return not isinstance(ref, str) or _reads_as_written(country, named, ref)


@lru_cache(maxsize=4096)
def _reads_as_written(country: bool, named: str, ref: str) -> bool:
    """`_party_as_written` of one party with a `ref` (a bundle names few: each is looked up once)."""
    written = r.Party.country(named) if country else r.Party.organisation(named)
    return reference.party_ref(written) == ref or reference.party_from_ref(ref) is None


def _names_any(item: dict[str, Any], ids: dict[str, str]) -> bool:
    """A bundle's dialogue names one of these people or institutions (a merged one)."""
    return any(participant.get("person_id") in ids or participant.get("institution_id") in ids
               for delegation in item.get("delegations") or () for participant in delegation.get("participants") or ())


def _redirected_v1(record: dict[str, Any], kept: dict[str, str]) -> dict[str, Any]:
    """A version 1 dialogue's references to merged people and institutions read as the kept ones
    (docs/exchange.md: in incoming records too), in place."""
    for delegation in record.get("delegations") or ():
        for participant in delegation.get("participants") or ():
            for name in ("person_id", "institution_id"):
                if participant.get(name) in kept:
                    participant[name] = kept[participant[name]]
    return record


def _apply_v1(session: Session, kind: str, item: dict[str, Any], row: Any, source: str | None,
              kept: dict[str, str]) -> Outcome:
    record = v1_record(kind, item)
    if kind == "dialogue" and kept:
        record = _redirected_v1(record, kept)
    author = _v1_author(source)
    if row is None:
        replica_store.store(session, kind, record["id"], _v1_state(kind, item, source), check=False)
        return Outcome.ADDED
    ours = replica_store.stored_json(kind, row)
    # a field the record leaves out (optional in the schema, or not in version 1 at all, like an
    # institution's `other_names`) says nothing of it: ours stays (round 15: a person sent with
    # only its name lost the e-mail, spellings and sex typed here, reported as "updated")
    unsent = {"updated_at"} | {name for name in record if name != "id" and name not in item}
    theirs = _missing_in_v1(kind, item, {**ours, **{k: v for k, v in record.items() if k not in unsent}}, ours)
    comparable = {k: v for k, v in ours.items() if k in theirs}
    if all(comparable.get(k) == v for k, v in theirs.items() if k not in rp.NOT_FIELDS | {"updated_at"}) and \
            all(comparable.get(k) == v for k, v in theirs.items() if k in ("delegations", "agenda", "actions")):
        return Outcome.UNCHANGED
    their_time = rf.moment(item.get("updated_at"))
    our_time = row.updated_at
    if their_time is None or (our_time is not None and their_time <= our_time):
        return Outcome.KEPT_LOCAL
    replica_store.edit(session, kind, rf.record_of(kind, theirs), author, check=False)
    return Outcome.UPDATED


def import_bundle(database: Database, path: Path, dry_run: bool = False, limit: int | None = None) -> ImportSummary:
    """Check the whole file first, then apply it in one transaction (or, for a dry run, roll back).
    `limit`: the largest file read, in bytes (Settings; the default 2 GB otherwise)."""
    with collector_paused():
        return import_checked(database, read_bundle(path, limit), dry_run)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a bundle is read and merged (issue 19). The
    bundle's records and their states are millions of small containers that live until the end:
    every full collection walked all of them again, a quarter of a 2,000-dialogue import's CPU,
    growing faster than the bundle (it was walking live objects, not freeing any). It runs
    again once the import is over, and collects whatever cycles the import left then."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_checked(database: Database, data: dict[str, Any], dry_run: bool = False) -> ImportSummary:
    """Apply a bundle `read_bundle` has already read and checked (the CLI reads it once, before
    opening the database) in one transaction, or for a dry run roll it back."""
    with collector_paused():
        return _applied(database, data, dry_run)


def import_data(database: Database, data: dict[str, Any]) -> ImportSummary:
    """Apply an already checked bundle (the sample records, a bundle built in memory)."""
    return _applied(database, data)


def _applied(database: Database, data: dict[str, Any], dry_run: bool = False) -> ImportSummary:
    """`apply_bundle` in one transaction (rolled back for a dry run): into a file with no records,
    first without SQLite's row-by-row foreign keys (`bulk_writing.loading` checks them all at the
    end), and again with them should that not do (`bulk_writing.ForeignKeysNeeded`) — or should the
    first run refuse the bundle: it leaves some checks to the end (the participants' ids, round 8),
    so its first refusal may not be the one a row-by-row load meets first; the second run's is."""
    for foreign_keys in ((False, True) if bulk_writing.load_without_foreign_keys(database) else (True,)):
        try:
            if dry_run:
                with database.rehearsing(foreign_keys) as session:
                    summary = apply_bundle(session, data)
                summary.dry_run = True
                return summary
            with database.writing(foreign_keys) as session:
                return apply_bundle(session, data)
        except bulk_writing.ForeignKeysNeeded:
            continue
        except UserError:
            if foreign_keys:
                raise
            continue  # refused without them: refused again, row by row, by its first fault
    raise AssertionError("an import with foreign keys on never asks for them")


