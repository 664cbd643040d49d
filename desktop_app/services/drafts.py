"""Unsaved form edits kept as drafts, so a crash or a flat battery loses at most a few seconds of typing.

The dialogue form saves its current record here as it is edited and discards it after a real save.
A draft still present when the program starts was left by a session that ended without saving or
discarding: the form offers it back. A draft holds the form's dialogue in the replication's own
shape (`record_fields.dialogue_json`: every id, participant status and funding, an action's `done_on`
and `carried_from`), the dialogue as stored when the edits began (its `base`, so a save of the draft
applies only the officer's changes onto a colleague's later save, or asks), and the people and
institutions typed with their revisions (round 14: drafts were written in the version 1 bundle's
shape, and a draft taken back and saved set every participant "attended", gave agenda items and
actions new ids, and put back a colleague's edits made since). Drafts are written to a temp file and
renamed so a crash mid-write never leaves half a draft, and kept
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

from desktop_app.domain import record_fields as rf
from desktop_app.domain import records as r
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.exchange.codec import (
    dialogue_from_json,
    format_timestamp,
    institution_from_json,
    institution_to_json,
    parse_timestamp,
    person_from_json,
    person_to_json,
)
from desktop_app.services.safe_files import OWN, check_text_end, make_folder, write_file

DRAFT_FORMAT = "dialogue-register/draft"
DRAFT_SHAPE = 2  # the dialogue as `record_fields` writes it; drafts without a shape hold the version 1 bundle's


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
    base: r.Dialogue | None = None  # the dialogue as stored when the edits began (None: new, or an old draft)
    open_cell: OpenCell | None = None  # a cell being typed in: its text is not in `dialogue` yet
    # A party typed in the Delegations tab's party field and not added yet: Save adds it, so a crash
    # must not lose it either.
    party_typed: str = ""


@dataclass(frozen=True)
class OpenCell:
    """The cell the officer was typing in when the draft was kept, its editor still open: which table
    (`table`, the form's name for it), where, and the text as typed, not yet taken into the record.
    `delegation`: for a participant's cell, the delegation whose participants were shown."""

    table: str
    row: int
    column: int
    text: str
    delegation: int = -1

    def to_json(self) -> dict[str, object]:
        return {"table": self.table, "row": self.row, "column": self.column, "text": self.text,
                "delegation": self.delegation}

    @staticmethod
    def of(data: object) -> OpenCell | None:
        """None for anything malformed: the rest of the draft is still offered."""
        if not isinstance(data, dict):
            return None
        table, row, column, text = data.get("table"), data.get("row"), data.get("column"), data.get("text")
        delegation = data.get("delegation", -1)
        if not (isinstance(table, str) and isinstance(text, str)
                and all(isinstance(n, int) and not isinstance(n, bool) for n in (row, column, delegation))):
            return None
        assert isinstance(row, int) and isinstance(column, int) and isinstance(delegation, int)
        return OpenCell(table, row, column, text, delegation)


def drafts_folder(database_path: Path) -> Path:
    """This database's own drafts: `drafts/<database file name>/` beside it."""
    database_path = Path(database_path).absolute()
    return _shared_folder(database_path) / database_path.name


def _shared_folder(database_path: Path) -> Path:
    """Where every database of a folder kept its drafts before they were kept per database."""
    return Path(database_path).absolute().parent / "drafts"


def save_draft(database_path: Path, dialogue: r.Dialogue, people: tuple[r.Person, ...] = (),
               institutions: tuple[r.Institution, ...] = (), base: r.Dialogue | None = None,
               open_cell: OpenCell | None = None, party_typed: str = "") -> Path:
    """Keep the form's current state; replaces the previous draft of the same dialogue atomically.
    `base`: the dialogue as stored when the edits began (its revision is the draft's base revision);
    `open_cell`: the text of a cell still being typed in, kept beside the record it is not part of yet;
    `party_typed`: the text of the party field, not added yet."""
    folder = drafts_folder(database_path)
    target = _draft_path(folder, dialogue.id)
    payload = {"format": DRAFT_FORMAT, "database": Path(database_path).name,
               "saved_at": format_timestamp(datetime.now(UTC)), "base_revision": dialogue.revision,
               "shape": DRAFT_SHAPE, "dialogue": rf.dialogue_json(dialogue),
               "base": rf.dialogue_json(base) if base is not None and base.revision else None,
               "people": [{**person_to_json(p), "revision": p.revision} for p in people],
               "institutions": [{**institution_to_json(i), "revision": i.revision} for i in institutions],
               "open_cell": open_cell.to_json() if open_cell is not None else None,
               "party_typed": party_typed}
    try:
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (a broken clipboard's half pair): kept as typed, as \ud800
        data = json.dumps(payload).encode("ascii")
    try:
        make_folder(_shared_folder(database_path))
        make_folder(folder, parents=False)
        write_file(target, lambda stream: stream.write(data), check_text_end(b"}"), OWN)
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
        if data.get("shape") == DRAFT_SHAPE:
            dialogue = replace(rf.dialogue_of(data["dialogue"]), revision=base_revision, deleted_at=None)
            base = (replace(rf.dialogue_of(data["base"]), revision=base_revision, deleted_at=None)
                    if data.get("base") else None)
        else:  # an earlier version's draft, in the version 1 bundle's shape
            dialogue, base = replace(dialogue_from_json(data["dialogue"]), revision=base_revision), None
        people = tuple(replace(person_from_json(p), revision=int(p.get("revision", 0))) for p in data.get("people", []))
        institutions = tuple(replace(institution_from_json(i), revision=int(i.get("revision", 0)))
                             for i in data.get("institutions", []))
        return Draft(dialogue, parse_timestamp(data["saved_at"]), base_revision, path, people, institutions, base,
                     OpenCell.of(data.get("open_cell")), _text_or_empty(data.get("party_typed")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        with contextlib.suppress(OSError):  # keep the bytes for a human, out of the way of the form
            path.replace(path.with_suffix(".unreadable"))
        return None


def _text_or_empty(value: object) -> str:
    """A draft's optional text field; anything else (an older draft has none) is no text."""
    return value if isinstance(value, str) else ""
