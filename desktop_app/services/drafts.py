"""Unsaved form edits kept as drafts, so a crash or a flat battery loses at most a few seconds of typing.

The dialogue form saves its current record here as it is edited and discards it after a real save.
A draft still present when the program starts was left by a session that ended without saving or
discarding: the form offers it back. Drafts are JSON in the bundle's own shape (the exchange codec),
written to a temp file and renamed so a crash mid-write never leaves half a draft, and kept
owner-only in `drafts/<database file name>/` beside the database, because they hold personal data.

Drafts belong to their database (issue 13, finding 6): two databases in one folder (the sample beside
the real one) each have their own drafts folder, and a draft whose payload names another database is
never offered. Drafts an earlier version kept directly in `drafts/` are moved to the folder of the
database their payload names, the first time that database lists its drafts.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.exchange.codec import (
    dialogue_from_json,
    dialogue_to_json,
    format_timestamp,
    institution_from_json,
    institution_to_json,
    parse_timestamp,
    person_from_json,
    person_to_json,
)
from desktop_app.services.safe_files import check_text_end, write_file

DRAFT_FORMAT = "dialogue-register/draft"


@dataclass(frozen=True)
class Draft:
    """A kept, unsaved state of one dialogue form."""

    dialogue: r.Dialogue
    saved_at: datetime
    base_revision: int  # the revision the edits started from: 0 for a new dialogue
    path: Path
    # People and institutions typed into the form and not saved yet: without them the draft's
    # participants would point at nobody.
    people: tuple[r.Person, ...] = ()
    institutions: tuple[r.Institution, ...] = ()


def drafts_folder(database_path: Path) -> Path:
    """This database's own drafts: `drafts/<database file name>/` beside it."""
    database_path = Path(database_path).absolute()
    return _shared_folder(database_path) / database_path.name


def _shared_folder(database_path: Path) -> Path:
    """Where every database of a folder kept its drafts before they were kept per database."""
    return Path(database_path).absolute().parent / "drafts"


def save_draft(database_path: Path, dialogue: r.Dialogue, people: tuple[r.Person, ...] = (),
               institutions: tuple[r.Institution, ...] = ()) -> Path:
    """Keep the form's current state; replaces the previous draft of the same dialogue atomically."""
    folder = drafts_folder(database_path)
    _shared_folder(database_path).mkdir(mode=0o700, parents=True, exist_ok=True)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = _draft_path(folder, dialogue.id)
    payload = {"format": DRAFT_FORMAT, "database": Path(database_path).name,
               "saved_at": format_timestamp(datetime.now(UTC)), "base_revision": dialogue.revision,
               "dialogue": dialogue_to_json(dialogue), "people": [person_to_json(p) for p in people],
               "institutions": [institution_to_json(i) for i in institutions]}
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    try:
        write_file(target, lambda stream: stream.write(data), check_text_end(b"}"))
    except UserError as error:
        raise UserError(Text("Your unsaved changes could not be kept as a draft (%1).", error.message)) from error
    return target


def load_draft(database_path: Path, dialogue_id: str) -> Draft | None:
    """The draft kept for this dialogue, or None (also for an unreadable draft, which is set aside)."""
    return _read(_draft_path(drafts_folder(database_path), dialogue_id), Path(database_path).name)


def discard_draft(database_path: Path, dialogue_id: str) -> None:
    """After a real save or an explicit 'discard changes'."""
    _draft_path(drafts_folder(database_path), dialogue_id).unlink(missing_ok=True)


def left_drafts(database_path: Path) -> list[Draft]:
    """Drafts left behind by a session that ended without saving, newest first: offer them back."""
    folder = drafts_folder(database_path)
    name = Path(database_path).name
    _adopt_shared_drafts(database_path)
    if not folder.is_dir():
        return []
    drafts = [draft for path in folder.glob("*.json") if (draft := _read(path, name)) is not None]
    return sorted(drafts, key=lambda draft: draft.saved_at, reverse=True)


def _adopt_shared_drafts(database_path: Path) -> None:
    """Move the drafts an earlier version kept in the shared `drafts/` and that name this database into
    this database's own folder; drafts of other databases stay where they are for them."""
    shared = _shared_folder(database_path)
    name = Path(database_path).name
    try:
        candidates = list(shared.glob("*.json"))
    except OSError:
        return
    for path in candidates:
        try:
            owner = json.loads(path.read_text(encoding="utf-8")).get("database")
        except (OSError, ValueError, AttributeError):
            continue  # unreadable: left for a human, offered nowhere
        if owner == name:
            with contextlib.suppress(OSError):
                target = drafts_folder(database_path)
                target.mkdir(mode=0o700, parents=True, exist_ok=True)
                path.replace(target / path.name)


def _draft_path(folder: Path, dialogue_id: str) -> Path:
    safe = "".join(ch for ch in dialogue_id if ch.isalnum() or ch in "-_")
    if not safe:
        raise UserError(Text("This dialogue has no usable identifier, so no draft can be kept for it."))
    return folder / f"{safe}.json"


def _read(path: Path, database_name: str) -> Draft | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != DRAFT_FORMAT:
            raise ValueError("not a draft")
        if data.get("database", database_name) != database_name:
            return None  # another database's draft: never offered, never saved here
        base_revision = int(data.get("base_revision", 0))
        dialogue = replace(dialogue_from_json(data["dialogue"]), revision=base_revision)
        people = tuple(person_from_json(p) for p in data.get("people", []))
        institutions = tuple(institution_from_json(i) for i in data.get("institutions", []))
        return Draft(dialogue, parse_timestamp(data["saved_at"]), base_revision, path, people, institutions)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        with contextlib.suppress(OSError):  # keep the bytes for a human, out of the way of the form
            path.replace(path.with_suffix(".unreadable"))
        return None
