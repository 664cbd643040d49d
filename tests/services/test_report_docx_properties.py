"""A written report's file properties (File ▸ Info) say this program wrote it, and when (round 14:
a Word report said it was created on 23 December 2013 by "python-docx", its template's properties;
a workbook said "openpyxl")."""

from __future__ import annotations

from datetime import date

from docx import Document

from desktop_app.db.repositories.dialogues import write_dialogue
from desktop_app.domain import records as r
from desktop_app.services.report import build_report, write_report
from tests.factories import make_dialogue


def test_word_file_properties_state_the_report_date_not_the_template_date(database, tmp_path) -> None:
    with database.writing() as session:
        write_dialogue(session, make_dialogue(), r.utc_now())
    report = build_report(database, today=date(2024, 6, 1), with_participants=False)
    properties = Document(str(write_report(report, tmp_path / "r.docx"))).core_properties
    assert properties.created is not None and properties.created.date() >= date(2024, 6, 1), properties.created
    assert properties.modified is not None and properties.modified.date() >= date(2024, 6, 1), properties.modified
    assert "python-docx" not in (properties.author or "") + (properties.comments or "")


def test_the_workbook_and_the_registration_list_say_this_program_wrote_them_now(database, tmp_path) -> None:
    from datetime import UTC, datetime

    from openpyxl import load_workbook

    with database.writing() as session:
        write_dialogue(session, make_dialogue(), r.utc_now())
    before = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    workbook = load_workbook(write_report(build_report(database, with_sections=False), tmp_path / "r.xlsx"))
    assert workbook.properties.creator == "Dialogue Register" and workbook.properties.created >= before
    document = Document(str(write_report(build_report(database, with_participants=False), tmp_path / "r.docx")))
    assert document.core_properties.author == "Dialogue Register" and document.core_properties.comments == ""
    assert document.core_properties.created.replace(tzinfo=None) >= before
