"""Exporting dialogues (all, or a filtered selection) with the people and institutions they need."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import __version__
from desktop_app.db import models as m
from desktop_app.db import replica_store
from desktop_app.db.bulk_reading import dialogue_records, institution_records, person_records
from desktop_app.db.mapping import IN_CHUNK
from desktop_app.db.repositories.dialogues import selected_ids
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import record_fields as rf
from desktop_app.domain import records as r
from desktop_app.domain import replication as rp
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.exchange import codec
from desktop_app.services.safe_files import check_text_end, write_file


def build_bundle(database: Database, selection: r.DialogueFilter = r.EMPTY_FILTER,
                 source: str | None = None) -> dict[str, Any]:
    """Everything selected as a version 2 bundle (docs/exchange.md): each record with its version
    and replication state, and the tombstones. A full export carries every person, institution
    and dialogue (the trash too: it travels); a selection carries the people and institutions its
    dialogues refer to. Read with Core queries, table by table (`db.bulk_reading`)."""
    whole = selection == r.EMPTY_FILTER
    with database.reading() as session:
        database_id = replica_store.this_database(session)
        chosen = select(m.DialogueRow.id) if whole else selected_ids(selection)
        dialogues = dialogue_records(session, chosen)
        stones = replica_store.tombstones(session)
        if whole:
            people, institutions = person_records(session), institution_records(session)
        else:
            # and the kept record of every merge whose tombstone the bundle carries (all of them):
            # without it the receiver would keep naming the merged record (docs/exchange.md)
            kept = {kind: {i for merged, i in replica_store.redirects(session).items() if stones[merged].kind == kind}
                    for kind in ("person", "institution")}
            people = person_records(session, {p.person_id for d in dialogues for g in d.delegations
                                              for p in g.participants} | kept["person"])
            institutions = institution_records(session, {p.institution_id for d in dialogues for g in d.delegations
                                                         for p in g.participants if p.institution_id}
                                               | kept["institution"])
        replicas = {kind: _replicas(session, kind, ids) for kind, ids in (
            ("dialogue", [d.id for d in dialogues]), ("person", [p.id for p in people]),
            ("institution", [i.id for i in institutions]))}
        deleted = [replica_store.tombstone_json(t) for t in stones.values()]
        passed_on = replica_store.kept_bundle_fields(session)  # a newer program's fields, as they came
    fallback = (database_id, 1)
    return {
        **{name: value for name, value in passed_on.items() if name not in rp.BUNDLE_KEYS},
        "format": codec.BUNDLE_FORMAT, "version": BUNDLE_VERSION,
        "exported_at": rf.timestamp(r.utc_now()), "source": source,
        "program_version": __version__, "database_id": database_id,
        "people": [_exported("person", p, replicas["person"].get(p.id), fallback) for p in people],
        "institutions": [_exported("institution", i, replicas["institution"].get(i.id), fallback)
                         for i in institutions],
        "dialogues": [_exported("dialogue", d, replicas["dialogue"].get(d.id), fallback) for d in dialogues],
        "deleted": sorted(deleted, key=lambda t: t["id"]),
    }


BUNDLE_VERSION = 2


def _replicas(session: Session, kind: str, ids: list[str]) -> dict[str, str | None]:
    model = replica_store.MODELS[kind]
    found: dict[str, str | None] = {}
    for start in range(0, len(ids), IN_CHUNK):
        rows = session.execute(select(model.id, model.replica).where(model.id.in_(ids[start:start + IN_CHUNK])))
        found.update((record_id, replica) for record_id, replica in rows)
    return found


def _exported(kind: str, record: Any, replica: str | None, fallback: tuple[str, int]) -> dict[str, Any]:
    """A record as the bundle carries it: its fields as shown plus its replication state."""
    data = rf.record_json(kind, record)
    data["updated_at"] = rf.timestamp(record.updated_at) if record.updated_at else None
    if replica:
        return replica_store.with_meta(data, replica)
    return rp.encode(kind, record.id, rp.decode(kind, data, fallback=rp.legacy_dot(kind, data)))  # before replication


def default_source(database: Database) -> str:
    """What the receiving officer sees as the sender of a conflict: this database on this computer
    (every officer's file is called dialogues.sqlite3 by default, so the file name alone says little)."""
    import platform

    computer = platform.node() or "this computer"
    return f"{database.path.stem} on {computer}"[:200]


def export_dialogues(database: Database, target: Path, dialogue_ids: list[str] | tuple[str, ...],
                     source: str | None = None) -> int:
    """The dialogues selected in the list, with the people and institutions they refer to."""
    if not dialogue_ids:
        raise UserError(Text("Select at least one dialogue to export."))
    return export_bundle(database, target, r.DialogueFilter(ids=tuple(dialogue_ids)),
                         source or default_source(database))


def write_json_by_record(data: Any, text: TextIO) -> None:
    """`json.dump(data, text, ensure_ascii=False)` byte for byte, written by json's C encoder.
    `json.dump` never uses it: only a one-shot encoding (`json.dumps`, `JSONEncoder.encode`) does,
    and `dump` runs the Python `_make_iterencode` (issue 19: 3.3 million generator steps, ≈ 1.4 s
    of a 2,000-dialogue export's 2.4 s CPU). Each top-level value, and each item of a top-level
    list (a record), is one C encoding written as it is made, so no more than one record's text is
    held at a time (a bundle at 100,000 dialogues is ~1 GB of text);
    tests/services/test_export_encoder.py holds the bytes to `json.dump`'s."""
    encode = json.JSONEncoder(ensure_ascii=False).encode  # the one-shot C encoder per call
    if type(data) is not dict or any(type(key) is not str for key in data):
        text.write(encode(data))
        return
    text.write("{")
    for n, (key, value) in enumerate(data.items()):
        text.write(f"{', ' if n else ''}{encode(key)}: ")
        if type(value) is list and value:
            text.write("[")
            for i, item in enumerate(value):
                text.write(f", {encode(item)}" if i else encode(item))
            text.write("]")
        else:
            text.write(encode(value))
    text.write("}")


def write_json_atomically(data: Any, target: Path) -> None:
    """Through the one safe writer: never a half-written bundle, never over the database, owner-only."""
    def fill(stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", write_through=False)
        write_json_by_record(data, text)
        text.write("\n")
        text.flush()
        text.detach()

    write_file(target, fill, check_text_end(b"}"))


def export_bundle(database: Database, target: Path, selection: r.DialogueFilter = r.EMPTY_FILTER,
                  source: str | None = None) -> int:
    """Write the bundle; returns how many dialogues it holds. It names its sender (this database on
    this computer unless told otherwise), from the window as from the command line."""
    data = build_bundle(database, selection, source or default_source(database))
    write_json_atomically(data, target)
    return len(data["dialogues"])
