"""Issue 16: "the EMCDDA/EUDA and presidency facts hold in form and report". The report states, for an
EU-Central Asia dialogue, the Council presidency of its start date, in its facts and its narrative (PDF,
DOCX, HTML; the XLSX sheets keep the contract's columns), in English and Russian; no other meeting gets one."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.services.report import ReportSelection, build_report, write_report
from tests.factories import make_dialogue
from tests.services.readers import docx_text, pdf_text

pytestmark = pytest.mark.usefixtures("qapp")
TODAY = date(2026, 12, 2)
SECOND_HALF = "EU-Central Asia Drug Dialogue 2023"  # 13 December 2023: Spain (July-December 2023)
FIRST_HALF = "EU-Central Asia Drug Dialogue 2024"  # 30 June 2024, the last day of Belgium's half-year
OTHER = "UNODC expert meeting on precursors"  # same date as the 2023 dialogue, not an EU-CA dialogue


@pytest.fixture
def database_with_three(database: Database) -> Database:
    dialogues = DialogueRepository(database)
    dialogues.save(make_dialogue(SECOND_HALF))
    dialogues.save(make_dialogue(FIRST_HALF, start_date=date(2024, 6, 30), chair=r.Party.country("HU")))
    dialogues.save(make_dialogue(OTHER, series=None, chair=r.Party.organisation("United Nations Office on Drugs "
                                                                                "and Crime")))
    return database


def _sections(database: Database, language: str) -> dict[str, tuple[dict[str, str], str]]:
    report = build_report(database, ReportSelection(), language, today=TODAY)
    return {s.line.title: (dict(s.facts), s.narrative) for s in report.sections}


def test_an_eu_central_asia_dialogue_names_the_presidency_of_its_half_year(database_with_three: Database) -> None:
    sections = _sections(database_with_three, "en")
    facts, text = sections[SECOND_HALF]
    assert facts["Council presidency"] == "Spain"
    assert "under the chairmanship of Spain, which then held the Council presidency." in text
    facts, text = sections[FIRST_HALF]
    assert facts["Council presidency"] == "Belgium"  # the chair recorded (Hungary) does not change the fact
    assert "under the chairmanship of Hungary. The Council presidency was then held by Belgium." in text
    facts, text = sections[OTHER]
    assert "Council presidency" not in facts and "presidency" not in text
    assert list(sections[SECOND_HALF][0]).index("Council presidency") == \
        list(sections[SECOND_HALF][0]).index("Chair") + 1


def test_the_russian_report_names_the_presidency_in_russian(database_with_three: Database) -> None:
    sections = _sections(database_with_three, "ru")
    facts, text = sections[SECOND_HALF]
    assert facts["Председательство в Совете ЕС"] == "Испания"
    assert "Председатель — Испания (страна, председательствующая в Совете ЕС)." in text
    assert "Председательство в Совете ЕС —" not in text
    facts, text = sections[FIRST_HALF]
    assert facts["Председательство в Совете ЕС"] == "Бельгия"
    assert "Председательство в Совете ЕС — Бельгия." in text
    facts, text = sections[OTHER]
    assert "Председательство в Совете ЕС" not in facts and "Совете ЕС" not in text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_written_format_carries_it_and_the_xlsx_keeps_its_columns(
        database_with_three: Database, tmp_path: Path, language: str) -> None:
    report = build_report(database_with_three, ReportSelection(), language, today=TODAY)
    pdf = " ".join(pdf_text(write_report(report, tmp_path / "r.pdf")).split())
    docx = " ".join(docx_text(write_report(report, tmp_path / "r.docx")).split())
    html = " ".join(re.sub(r"<[^>]+>", " ", write_report(report, tmp_path / "r.html").read_text("utf-8")).split())
    sentence = {"en": "The Council presidency was then held by Belgium.",
                "ru": "Председательство в Совете ЕС — Бельгия."}[language]
    label = {"en": "Council presidency", "ru": "Председательство в Совете ЕС"}[language]
    for text in (pdf, docx, html):
        assert sentence in text
        # a fact for each of the two EU-CA dialogues, and the sentence naming the presidency beside another chair
        assert text.count(label) == {"en": 4, "ru": 3}[language]
    workbook = load_workbook(write_report(report, tmp_path / "r.xlsx"))
    dialogues = workbook.worksheets[1]
    header = [cell.value for cell in next(dialogues.iter_rows(max_row=1))]
    assert len(header) == 13 and not any("residen" in str(v) or "Совете" in str(v) for v in header)


def test_the_netherlands_take_their_article_and_a_date_outside_the_list_names_no_presidency(database: Database) -> None:
    dialogues = DialogueRepository(database)
    dialogues.save(make_dialogue("EU-Central Asia Drug Dialogue 2016", start_date=date(2016, 3, 1)))
    dialogues.save(make_dialogue("EU-Central Asia Drug Dialogue 2031", start_date=date(2031, 3, 1)))
    sections = _sections(database, "en")
    assert "The Council presidency was then held by the Netherlands." in sections[
        "EU-Central Asia Drug Dialogue 2016"][1]
    facts, text = sections["EU-Central Asia Drug Dialogue 2031"]
    assert "Council presidency" not in facts and "presidency" not in text
