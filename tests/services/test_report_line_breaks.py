"""A summary typed in paragraphs keeps its line breaks in the printed report (round 16: the PDF, the
Word file and the web page ran "Line one Line two" together; the entry form, the workbook and the
exchange keep them, docs/entry.md). The Excel cell holds the text as typed."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.services.report import build_report, write_report
from desktop_app.services.report.build import for_format
from tests.factories import make_dialogue

SUMMARY = "The delegations agreed:\none, to meet again;\ntwo, to share data."
AGENDA = "Opening\nby the co-chairs"


def _report(database, kind: str, language: str = "en"):  # type: ignore[no-untyped-def]
    DialogueRepository(database).save(make_dialogue("Expert meeting", summary=SUMMARY,
                                                    agenda=(r.AgendaItem(AGENDA),)))
    return build_report(database, language=language, **for_format(kind))


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_pdf_prints_each_line_of_the_summary_on_a_line_of_its_own(database, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                       language: str) -> None:
    target = write_report(_report(database, "pdf", language), tmp_path / "r.pdf")
    lines = [" ".join(line.split()) for page in PdfReader(str(target)).pages  # pypdf spaces words with tabs
             for line in page.extract_text().splitlines()]
    for typed in (*SUMMARY.splitlines(), *AGENDA.splitlines()):
        assert any(line.endswith(typed) for line in lines), typed
    assert not any("agreed: one" in line for line in lines)


def test_the_word_file_breaks_the_line_where_the_officer_did(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = write_report(_report(database, "docx"), tmp_path / "r.docx")
    cells = [cell for table in Document(str(target)).tables for row in table.rows for cell in row.cells]
    summary = next(cell for cell in cells if "agreed" in cell.text)
    assert summary.text == SUMMARY  # python-docx reads a <w:br/> as a line break, a bare "\n" never appears
    assert len(summary._tc.xpath(".//w:br")) == 2
    assert not any("\n" in text for text in summary._tc.xpath(".//w:t/text()"))


def test_the_web_page_breaks_the_line_where_the_officer_did(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = write_report(_report(database, "html"), tmp_path / "r.html").read_text(encoding="utf-8")
    assert "The delegations agreed:<br/>one, to meet again;<br/>two, to share data." in page
    assert "Opening<br/>by the co-chairs" in page
    assert not re.search(r"agreed:\s+one", page)


def test_a_long_table_drawn_row_by_row_breaks_the_lines_as_qt_does(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A title that came with a line break (another office's bundle) in a Dialogues table long enough
    to be drawn with QPainter (`pdf_table.py`): the same lines as Qt's rich text prints."""
    from datetime import date, timedelta

    from tests.services.test_report_pdf_drawn import _written

    repository = DialogueRepository(database)
    for number in range(12):
        repository.save(make_dialogue(f"Working group {number}\npart two\n\npart three",
                                      start_date=date(2022, 1, 1) + timedelta(days=number)))
    report = build_report(database, with_sections=False)

    def lines(path: Path) -> list[str]:
        return [" ".join(line.split()) for page in PdfReader(str(path)).pages
                for line in page.extract_text().splitlines()]

    by_qt = lines(_written(report, tmp_path / "qt.pdf", drawn=False))
    drawn = lines(_written(report, tmp_path / "drawn.pdf", drawn=True))
    assert drawn == by_qt
    assert by_qt.count("part two") == by_qt.count("part three") == 12


def test_the_annex_facts_give_the_values_the_width() -> None:
    """The labels ("Council presidency") are short, a value may be a summary of pages."""
    from desktop_app.services.report.cells import column_shares

    fact, value = column_shares(("Fact", "Value"), "Facts")
    assert value >= 3 * fact


def test_the_annex_status_column_holds_its_longest_word(database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """«Присутствовал(а), за счёт программы»: each word whole on its line in the PDF."""
    from desktop_app.domain.enums import ParticipationStatus
    from tests.factories import add_people, delegation_of

    (person,) = add_people(database, "Aigerim Zhumabayeva")
    delegation = delegation_of(r.Party.country("KZ"), person)
    funded = replace(delegation, participants=(replace(delegation.participants[0], programme_funded=True,
                                                       status=ParticipationStatus.ATTENDED),))
    DialogueRepository(database).save(make_dialogue("Expert meeting", delegations=(funded,)))
    target = write_report(build_report(database, language="ru"), tmp_path / "r.pdf")
    words = {word for page in PdfReader(str(target)).pages for word in page.extract_text().split()}
    assert {"Присутствовал(а),", "программы"} <= words


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_participation_tables_headers_are_whole_words(database, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.services.report.labels import t
    from tests.factories import add_people, delegation_of

    (person,) = add_people(database, "Aigerim Zhumabayeva")
    DialogueRepository(database).save(make_dialogue("Expert meeting", delegations=(
        delegation_of(r.Party.country("KZ"), person),)))
    target = write_report(build_report(database, language=language, with_sections=False), tmp_path / "r.pdf")
    words = {word for page in PdfReader(str(target)).pages for word in page.extract_text().split()}
    header = ("Party", "Side", "Dialogues attended", "Delegations", "Participants", "Women", "Men")
    assert {word for name in header for word in t(name, language).split()} <= words
