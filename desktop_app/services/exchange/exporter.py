"""Exporting dialogues (all, or a filtered selection) with the people and institutions they need."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, BinaryIO

from desktop_app.db.bulk_reading import dialogue_records, institution_records, person_records
from desktop_app.db.repositories.dialogues import selected_ids
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.exchange import codec
from desktop_app.services.safe_files import check_text_end, write_file


def build_bundle(database: Database, selection: r.DialogueFilter = r.EMPTY_FILTER,
                 source: str | None = None) -> dict[str, Any]:
    """Everything selected as bundle JSON. A full export carries every person and institution;
    a selection carries only those its dialogues refer to. Read with Core queries, table by table
    (`db.bulk_reading`): loading ORM objects was three quarters of an export's time."""
    whole = selection == r.EMPTY_FILTER
    with database.reading() as session:
        dialogues = dialogue_records(session, selected_ids(selection))
        if whole:
            people, institutions = person_records(session), institution_records(session)
        else:
            people = person_records(session, {p.person_id for d in dialogues for g in d.delegations
                                              for p in g.participants})
            institutions = institution_records(session, {p.institution_id for d in dialogues for g in d.delegations
                                                         for p in g.participants if p.institution_id})
    return codec.bundle_to_json(people, institutions, dialogues, source)


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


def write_json_atomically(data: Any, target: Path) -> None:
    """Through the one safe writer: never a half-written bundle, never over the database, owner-only."""
    def fill(stream: BinaryIO) -> None:
        text = io.TextIOWrapper(stream, encoding="utf-8", write_through=False)
        json.dump(data, text, ensure_ascii=False, indent=1)
        text.write("\n")
        text.flush()
        text.detach()

    write_file(target, fill, check_text_end(b"}"))


def export_bundle(database: Database, target: Path, selection: r.DialogueFilter = r.EMPTY_FILTER,
                  source: str | None = None) -> int:
    """Write the bundle; returns how many dialogues it holds."""
    data = build_bundle(database, selection, source)
    write_json_atomically(data, target)
    return len(data["dialogues"])
