"""Exporting dialogues (all, or a filtered selection) with the people and institutions they need."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop_app.db import models as m
from desktop_app.db.mapping import dialogue_record, institution_record, person_record
from desktop_app.db.repositories.dialogues import filter_conditions
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.services.exchange import codec


def build_bundle(database: Database, selection: r.DialogueFilter = r.EMPTY_FILTER,
                 source: str | None = None) -> dict[str, Any]:
    """Everything selected as bundle JSON. A full export carries every person and institution;
    a selection carries only those its dialogues refer to."""
    whole = selection == r.EMPTY_FILTER
    with database.reading() as session:
        dialogue_rows = session.scalars(
            select(m.DialogueRow).where(*filter_conditions(selection))
            .order_by(m.DialogueRow.start_date, m.DialogueRow.id)
            .options(selectinload(m.DialogueRow.programmes), selectinload(m.DialogueRow.frameworks),
                     selectinload(m.DialogueRow.topics), selectinload(m.DialogueRow.agenda),
                     selectinload(m.DialogueRow.actions),
                     selectinload(m.DialogueRow.delegations).selectinload(m.DelegationRow.participants)))
        dialogues = [dialogue_record(row) for row in dialogue_rows]
        person_query = select(m.PersonRow).options(selectinload(m.PersonRow.other_names)).order_by(m.PersonRow.id)
        institution_query = select(m.InstitutionRow).order_by(m.InstitutionRow.id)
        if not whole:
            person_ids = {p.person_id for d in dialogues for g in d.delegations for p in g.participants}
            institution_ids = {p.institution_id for d in dialogues for g in d.delegations
                               for p in g.participants if p.institution_id}
            person_query = person_query.where(m.PersonRow.id.in_(person_ids))
            institution_query = institution_query.where(m.InstitutionRow.id.in_(institution_ids))
        people = [person_record(row) for row in session.scalars(person_query)]
        institutions = [institution_record(row) for row in session.scalars(institution_query)]
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
        raise UserError("Select at least one dialogue to export.")
    return export_bundle(database, target, r.DialogueFilter(ids=tuple(dialogue_ids)),
                         source or default_source(database))


def write_json_atomically(data: Any, target: Path) -> None:
    """Write to a temporary file beside the target and rename: never a half-written bundle."""
    target = target.expanduser().absolute()
    if target.is_dir():
        raise UserError(f"{target} is a folder; give a file name for the bundle.")
    if not target.parent.is_dir():
        raise UserError(f"The folder {target.parent} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise UserError(f"The file {target} cannot be written ({error.strerror}).") from error
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=1)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise UserError(f"The file {target} cannot be written ({error.strerror}).") from error
        raise


def export_bundle(database: Database, target: Path, selection: r.DialogueFilter = r.EMPTY_FILTER,
                  source: str | None = None) -> int:
    """Write the bundle; returns how many dialogues it holds."""
    data = build_bundle(database, selection, source)
    write_json_atomically(data, target)
    return len(data["dialogues"])
