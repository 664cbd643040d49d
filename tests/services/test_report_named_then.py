"""Round 18: what speaks of one dialogue names its parties as on that dialogue's date, and a day's
dialogues are in alphabetical order whatever the case.

The EMCDDA became the European Union Drugs Agency on 2 July 2024 (`resources/reference/organisations.json`).
The report counts both names as one party, shown by the latest name (contract §3 v2): the Participation
table keeps that. But a meeting of 1 July 2024 was attended by the EMCDDA, and its page in the annex,
its row in the Dialogues table (Chair) and its people's rows in the Participants table said "European
Union Drugs Agency", a name that did not exist that day. Both sides of the date are checked, each entered
under the other name (a delegation copied from another meeting keeps the name it was typed with): the
name comes from the date, not from how it was entered."""

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
from desktop_app.services.report.build import for_format
from desktop_app.services.report.labels import t
from tests.factories import add_people, delegation_of, make_dialogue
from tests.services.readers import pdf_text

EMCDDA = {"en": "European Monitoring Centre for Drugs and Drug Addiction",
          "ru": "Европейский центр мониторинга наркотиков и наркомании"}
EUDA = {"en": "European Union Drugs Agency", "ru": "Агентство Европейского союза по наркотикам"}
# titles without "fi" or "fl": the PDF prints them as one ligature glyph, which its text reads back as "ﬁ"
BEFORE, AFTER = "Meeting on the last day of the EMCDDA", "Meeting on the day the EUDA began"
TODAY = date(2026, 12, 4)


@pytest.fixture
def across_the_day(database: Database) -> Database:
    marie, jan = add_people(database, "Marie Dupont", "Jan Novak")
    agency = {"EMCDDA": r.Party.organisation(EMCDDA["en"]), "EUDA": r.Party.organisation(EUDA["en"])}
    repository = DialogueRepository(database)
    for title, day, entered_as, person in ((BEFORE, date(2024, 7, 1), "EUDA", marie),
                                           (AFTER, date(2024, 7, 2), "EMCDDA", jan)):
        repository.save(make_dialogue(
            title, start_date=day, series="Expert meetings", chair=agency[entered_as],
            delegations=(delegation_of(agency[entered_as], person, side=Side.EU),
                         *(delegation_of(party, add_people(database, f"{name} at {title}")[0]) for name, party in (
                             ("Guest", r.Party.country("KZ")), ("Member", r.Party.organisation("European Parliament")),
                             ("Expert", r.Party.country("DE"))))),
            agenda=(r.AgendaItem(id=r.new_id(), title="Drug situation", presenter=agency[entered_as]),)))
    return database


def _annex(text: str, language: str) -> tuple[str, str]:
    """The annex's page of each meeting, as text: from the title after the annex's heading to the next."""
    annex = text[text.rindex(t("Dialogues in detail", language)):]
    first, second = annex.index(BEFORE), annex.index(AFTER)
    assert first < second
    return annex[first:second], annex[second:]


def _docx_in_order(path: Path) -> str:
    """The Word file's paragraphs and table cells in the order they are printed (the shared reader puts
    every table after every paragraph, which does not tell one meeting's page from the next)."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(str(path))
    texts: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            texts.append(Paragraph(block, document).text)
        elif block.tag.endswith("}tbl"):
            texts.extend(cell.text for row in Table(block, document).rows for cell in row.cells)
    return " ".join(" ".join(texts).split())


def _said(text: str, language: str) -> tuple[bool, bool]:
    return EMCDDA[language] in text, EUDA[language] in text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_each_meetings_page_names_the_agency_as_on_its_day(across_the_day: Database, language: str) -> None:
    report = build_report(across_the_day, ReportSelection(), language, today=TODAY)
    agency = [row for row in report.participation if row[0] in (EUDA[language], EMCDDA[language])]
    assert [row[0] for row in agency] == [EUDA[language]] and agency[0][2] == 2  # one party, two dialogues
    before, after = report.sections
    for section, name in ((before, EMCDDA[language]), (after, EUDA[language])):
        assert section.delegations[0].party == name
        assert section.line.chair == name
        assert dict(section.facts)[t("Chair", language)] == name
        assert section.agenda[0].presenter == name
        assert name in section.narrative
    assert EUDA[language] not in before.narrative and EMCDDA[language] not in after.narrative


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_workbook_names_the_agency_as_on_each_day_and_counts_it_once(across_the_day: Database,
                                                                         tmp_path: Path, language: str) -> None:
    report = build_report(across_the_day, ReportSelection(), language, today=TODAY, **for_format("xlsx"))
    book = load_workbook(write_report(report, tmp_path / "r.xlsx"))
    dialogues = {row[2]: row[7] for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)}
    assert dialogues == {BEFORE: EMCDDA[language], AFTER: EUDA[language]}  # the Chair column
    parties = [row[0] for row in book.worksheets[3].iter_rows(min_row=2, values_only=True)]
    assert EUDA[language] in parties and EMCDDA[language] not in parties  # Participation: one party, latest name
    people = {row[4]: (row[1], row[2]) for row in book.worksheets[4].iter_rows(min_row=2, values_only=True)}
    assert people["Marie Dupont"] == (BEFORE, EMCDDA[language])
    assert people["Jan Novak"] == (AFTER, EUDA[language])


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("language", ["en", "ru"])
def test_html_word_and_pdf_name_the_agency_as_on_each_day(across_the_day: Database, tmp_path: Path,
                                                          language: str) -> None:
    report = build_report(across_the_day, ReportSelection(), language, today=TODAY)
    html = write_report(build_report(across_the_day, ReportSelection(), language, today=TODAY,
                                     **for_format("html")), tmp_path / "r.html").read_text("utf-8")
    texts = {"html": " ".join(re.sub(r"<[^>]+>", " ", html).split()),
             "docx": _docx_in_order(write_report(report, tmp_path / "r.docx")),
             "pdf": pdf_text(write_report(report, tmp_path / "r.pdf"))}
    for kind, text in texts.items():
        before, after = _annex(text, language)
        assert _said(before, language) == (True, False), kind
        assert _said(after, language) == (False, True), kind


@pytest.mark.parametrize(("language", "on_each_day"), [
    # English: "European Monitoring Centre …" < "European Parliament" < "European Union Drugs Agency"
    ("en", ([EMCDDA["en"], "European Parliament", "Germany", "Kazakhstan"],
            ["European Parliament", EUDA["en"], "Germany", "Kazakhstan"])),
    # Russian: "European Parliament" (as typed) < «Агентство …» < «Германия» < «Европейский центр …»
    ("ru", (["European Parliament", "Германия", EMCDDA["ru"], "Казахстан"],
            ["European Parliament", EUDA["ru"], "Германия", "Казахстан"])),
])
def test_the_participants_of_a_day_are_in_the_order_of_the_names_they_carry(
        across_the_day: Database, tmp_path: Path, language: str, on_each_day: tuple[list[str], list[str]]) -> None:
    """The Participants table is by start date, then party: a party named as it was that day takes the
    place of that name, not of the name it carries today (the EMCDDA's rows of 1 July 2024 came where
    «Агентство …» would stand, before Germany, in a Russian workbook)."""
    report = build_report(across_the_day, ReportSelection(), language, today=TODAY, **for_format("xlsx"))
    rows = list(load_workbook(write_report(report, tmp_path / "r.xlsx")).worksheets[4].iter_rows(
        min_row=2, values_only=True))
    assert [row[2] for row in rows if row[1] == BEFORE] == on_each_day[0]
    assert [row[2] for row in rows if row[1] == AFTER] == on_each_day[1]
