"""Documents made from the record (issue 18): Note Verbale, sign-in sheet, participant list.

words     -> dates in words, a country's ministry in the right case (English, Russian)
content   -> what each document says, as plain blocks (model)
docx_out  -> Word (python-docx); pdf_out -> PDF (Qt), rows never split across pages
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from desktop_app.db import models as m
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.repositories.people import InstitutionRepository, PeopleRepository
from desktop_app.db.repositories.programme import ProgrammeRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.errors import UserError
from desktop_app.domain.texts import Text
from desktop_app.services.documents.content import KINDS, Record, note_verbale, participant_list, sign_in_sheet
from desktop_app.services.documents.model import Document

FORMATS = ("docx", "pdf")
MIN_PREFIX = 8

__all__ = ["FORMATS", "KINDS", "build_document", "load_record", "make_document", "resolve_dialogue_id",
           "write_document"]


def resolve_dialogue_id(database: Database, text: str) -> str:
    """A dialogue's id from its id or an unambiguous prefix of at least 8 characters (the trash excluded)."""
    wanted = text.strip().lower()
    if len(wanted) < MIN_PREFIX:
        raise UserError(Text("“%1” is too short to name a dialogue: give its id or at least 8 of its first "
                             "characters.", text))
    matching = m.DialogueRow.id.like(wanted.replace("%", "").replace("_", "") + "%")
    with database.reading() as session:
        ids = list(session.scalars(select(m.DialogueRow.id).where(matching, m.DialogueRow.deleted_at.is_(None))
                                   .limit(3)))
        # an id copied from `list --trash` exists: say where it is, not that there is no such dialogue
        trashed = None if ids else session.scalars(select(m.DialogueRow.title).where(
            matching, m.DialogueRow.deleted_at.is_not(None)).limit(1)).first()
    if trashed is not None:
        raise UserError(Text("“%1” is in the trash; restore it from the Trash page first.", trashed))
    if not ids:
        raise UserError(Text("No dialogue has an id starting with “%1”.", text))
    if len(ids) > 1 and wanted not in ids:
        raise UserError(Text("“%1” names more than one dialogue; give more of its id.", text))
    return wanted if wanted in ids else ids[0]


def load_record(database: Database, dialogue_id: str) -> Record:
    dialogue = DialogueRepository(database).get(dialogue_id)
    person_ids = {p.person_id for d in dialogue.delegations for p in d.participants if p.person_id}
    people = PeopleRepository(database).get_many(person_ids) if person_ids else {}
    wanted = {p.institution_id for d in dialogue.delegations for p in d.participants if p.institution_id}
    institutions = {i.id: i for i in InstitutionRepository(database).all() if i.id in wanted} if wanted else {}
    return Record(dialogue, people, institutions, ProgrammeRepository(database).get())


def build_document(record: Record, kind: str, language: str = "en", party: str | None = None,
                   reply_by: date | None = None, issued: date | None = None) -> Document:
    if kind == "note-verbale":
        if not party:
            raise UserError(Text("A Note Verbale is addressed to one partner: give its party (e.g. --party KZ)."))
        if reply_by is None:
            raise UserError(Text("A Note Verbale asks for a reply by a date: give it (e.g. --reply-by 2023-11-20)."))
        return note_verbale(record, party, reply_by, language, issued)
    if kind == "sign-in-sheet":
        return sign_in_sheet(record, language)
    if kind == "participant-list":
        return participant_list(record, language)
    raise UserError(Text("“%1” is not a document; choose note-verbale, sign-in-sheet or participant-list.", kind))


def format_of(target: Path) -> str:
    extension = target.suffix.lower().lstrip(".")
    if extension not in FORMATS:
        raise UserError(Text("Cannot tell the document's format from “%1”; end the file name in .docx or .pdf.",
                             target.name))
    return extension


def write_document(document: Document, target: Path) -> Path:
    """Write all or nothing, through the one writer every file goes through (`services.safe_files`):
    owner-only like a report (a participant list holds names), a symlink written through, the open
    database refused, the file checked before it is renamed over the target."""
    from desktop_app.services.safe_files import check_pdf, check_zip, write_by_path

    kind = format_of(target)
    target = target.expanduser().absolute()
    if target.is_dir():
        raise UserError(Text("%1 is a folder; give a file name for the document.", target))

    def produce(temporary: Path) -> None:
        if kind == "docx":
            from desktop_app.services.documents.docx_out import write_docx
            write_docx(document, temporary)
        else:
            from desktop_app.services.documents.pdf_out import write_pdf
            write_pdf(document, temporary)
        if temporary.stat().st_size == 0:
            raise UserError(Text("The document could not be written to %1.", target))

    return write_by_path(target, produce, check_zip if kind == "docx" else check_pdf())


def make_document(database: Database, kind: str, dialogue: str, target: Path, language: str = "en",
                  party: str | None = None, reply_by: date | None = None) -> Path:
    """The `document` command: checks the request before reading, reads, builds, writes."""
    format_of(target)
    if kind not in KINDS:
        raise UserError(Text("“%1” is not a document; choose note-verbale, sign-in-sheet or participant-list.", kind))
    record = load_record(database, resolve_dialogue_id(database, dialogue))
    return write_document(build_document(record, kind, language, party, reply_by), target)
