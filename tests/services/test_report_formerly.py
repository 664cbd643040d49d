"""Issue 16, requirement 4: a report counts an organisation and its predecessor as one party, shown
with the current name (contract §3 v2: "shown by its latest name", so the workbook's cell is that name)
and "formerly …" in a note under the Participation table of the PDF, DOCX and HTML."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.domain.enums import Side
from desktop_app.services.report import ReportSelection, build_report, write_report
from tests.factories import make_dialogue
from tests.services.readers import docx_text, pdf_text

pytestmark = pytest.mark.usefixtures("qapp")
EMCDDA = "European Monitoring Centre for Drugs and Drug Addiction"
EUDA = "European Union Drugs Agency"
NOTE = {"en": f"{EUDA} (formerly EMCDDA): delegations under its former names count as the same party.",
        "ru": "(ранее EMCDDA): делегации под прежними названиями учитываются как та же сторона."}


def _agency(name: str) -> r.Delegation:
    return r.Delegation(id=r.new_id(), side=Side.EU, party=r.Party.organisation(name))


@pytest.fixture
def across_the_renaming(database: Database) -> Database:
    dialogues = DialogueRepository(database)
    dialogues.save(make_dialogue("EU-Central Asia Drug Dialogue 2023", delegations=(_agency(EMCDDA),)))
    dialogues.save(make_dialogue("EU-Central Asia Drug Dialogue 2025", start_date=date(2025, 12, 10),
                                 delegations=(_agency(EUDA),)))
    return database


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_agency_is_one_party_under_its_latest_name_with_formerly_in_a_note(
        across_the_renaming: Database, tmp_path: Path, language: str) -> None:
    report = build_report(across_the_renaming, ReportSelection(), language, today=date(2026, 12, 2))
    assert len(report.participation) == 1 and report.participation[0][2] == 2  # one party, two dialogues
    assert report.party_notes and report.party_notes[0].endswith(NOTE[language])
    pdf = " ".join(pdf_text(write_report(report, tmp_path / "r.pdf")).split())
    docx = " ".join(docx_text(write_report(report, tmp_path / "r.docx")).split())
    html = " ".join(re.sub(r"<[^>]+>", " ", write_report(report, tmp_path / "r.html").read_text("utf-8")).split())
    for text in (pdf, docx, html):
        assert NOTE[language] in text
    participation = load_workbook(write_report(report, tmp_path / "r.xlsx")).worksheets[3]
    assert [row[0] for row in participation.iter_rows(min_row=2, values_only=True)] == [report.participation[0][0]]
    assert "EMCDDA" not in str(report.participation[0][0])


def test_no_note_without_a_renamed_organisation(database: Database) -> None:
    DialogueRepository(database).save(make_dialogue("EU-Central Asia Drug Dialogue 2023",
                                                    delegations=(_agency("Europol"),)))
    assert build_report(database, ReportSelection(), "en", today=date(2026, 12, 2)).party_notes == ()
