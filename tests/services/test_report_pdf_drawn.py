"""The PDF's long tables drawn with QPainter (issue 19, round 5: `services/report/pdf_table.py`).

The drawn tables must print what Qt's rich-text tables printed: the same text on the same pages
(so the same rows, the same wrapping and the same row heights), in English and in Russian; a long
word wider than its column is wrapped inside the word, never cut off; the header row is repeated at
the top of every page the table continues on.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain.enums import DialogueStatus
from desktop_app.services.report import ReportSelection, build_report, pdf, write_report
from desktop_app.services.report.model import Report
from tests.factories import make_dialogue
from tests.services.report_world import TODAY, build_world

pytestmark = pytest.mark.usefixtures("qapp")
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosisinternationalworkshop"  # wider than the Title column
EXTRA = 22  # dialogues added to the report world: the Dialogues table runs over several pages


def _report(database: Database, language: str) -> Report:
    build_world(database)
    repository = DialogueRepository(database)
    for number in range(EXTRA):
        title = (f"Regional working group on precursor control and early warning number {number + 1} "
                 + (LONG_WORD if number % 7 == 0 else "— Ашхабад, Туркменистан"))
        repository.save(make_dialogue(title, start_date=date(2021, 3, 1) + timedelta(days=number),
                                      status=DialogueStatus.DRAFT if number % 5 == 0 else DialogueStatus.FINAL,
                                      series="Central Asia Drug Action Programme regional working groups"))
    # the tables alone: the annex is Qt's rich text either way
    return build_report(database, ReportSelection(include_drafts=True), language, today=TODAY, with_sections=False)


def _pages(path: Path) -> list[str]:
    """Each page's text with every white space removed (where a line breaks is not the question)."""
    return ["".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def _written(report: Report, path: Path, drawn: bool) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "DRAW_ROWS", 2 if drawn else None)
        patch.setattr(pdf, "CHUNK_ROWS", 300 if drawn else 100_000)  # Qt: each table laid out whole
        return write_report(report, path)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_drawn_tables_print_the_pages_qt_printed(database: Database, tmp_path: Path, language: str) -> None:
    """One report, its tables drawn and laid out by Qt: the same text on every page; a word wider than
    its column broken where the column ends, every letter printed; the header row first on every page
    the Dialogues table continues on."""
    report = _report(database, language)
    by_qt = _pages(_written(report, tmp_path / "qt.pdf", drawn=False))
    path = _written(report, tmp_path / "drawn.pdf", drawn=True)
    drawn = _pages(path)
    assert len(by_qt) >= 6
    assert drawn == by_qt  # same text, page by page: same rows, wrapping, heights and page breaks

    text = "".join(drawn)
    assert text.count("Regionalworkinggrouponprecursorcontrol") == EXTRA
    assert LONG_WORD in text  # every letter printed ...
    lines = [line.strip() for page in PdfReader(str(path)).pages for line in page.extract_text().splitlines()]
    assert [line for line in lines if 10 <= len(line) < len(LONG_WORD) and LONG_WORD.startswith(line)]  # ... wrapped

    heading, header = ("Диалоги", "ДатаначалаДатаокончания") if language == "ru" else ("Dialogues", "StartdateEnddate")
    with_rows = [page for page in drawn if "Regionalworkinggrouponprecursorcontrol" in page]
    assert len(with_rows) >= 3
    assert with_rows[0].startswith(heading + header)  # the table's heading, then its header row ...
    for page in with_rows[1:]:
        assert page.startswith(header), page[:80]  # ... and its header row first on every page after
    if language == "ru":
        assert "Ашхабад,Туркменистан" in text


def test_the_drawn_tables_caches_change_nothing_printed(database: Database, tmp_path: Path) -> None:
    """The shaped lines, widths and wrapped texts a drawn table remembers are bounded (issue 19, round 6:
    50,000 shaped lines held 78 MB); forgetting them all after every entry prints the same pages."""
    from desktop_app.services.report import pdf_table

    report = _report(database, "ru")
    kept = _pages(_written(report, tmp_path / "kept.pdf", drawn=True))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf_table, "CACHE", 1)
        patch.setattr(pdf_table, "SHAPED", 1)
        forgotten = _pages(_written(report, tmp_path / "forgotten.pdf", drawn=True))
    assert forgotten == kept
    assert pdf_table.SHAPED * 2_000 < 20 * 2**20  # a shaped line costs ~1.6 KB in Qt: a few MB at most
