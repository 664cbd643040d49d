"""The printed report's layout (issue 17): tested on the files themselves, as a reader gets them.

PDF: read back with pypdf's text positions; no table row split across pages, no heading alone at a
page foot, no page less than a third full except the title page and the last, text of at least
8.5 pt (tables; the Dialogues table down to 7.5 pt, `report/fit.py`) and 10 pt (body), "page X of
Y". Word: rows that cannot split, repeated header rows, headings kept with the next paragraph, a
table of contents Word updates on opening, PAGE/NUMPAGES.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_app.db.opening import open_database
from desktop_app.db.unit_of_work import Database
from desktop_app.services.report import ReportSelection, build_report, pdf, write_report
from desktop_app.services.report.pdf import FOOTER_MM, MARGIN_MM
from tests.services.report_world import TODAY, build_many, build_world

pytestmark = pytest.mark.usefixtures("qapp")
POINT = 72 / 25.4
BODY_HEIGHT = 595.28 - 2 * MARGIN_MM * POINT - FOOTER_MM * POINT  # A4 landscape less margins and footer
TEXT_TOP = 595.28 - MARGIN_MM * POINT


def pdf_lines(path: Path) -> list[list[tuple[float, float, str]]]:
    """Per page: (distance below the top of the text area in points, font size in points, text)."""
    pages = []
    for page in PdfReader(str(path)).pages:
        found: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size, found=found) -> None:  # type: ignore[no-untyped-def]
            if text.strip():
                up = cm[3] * tm[5] + cm[5]  # PDF points from the page's foot
                found.append((TEXT_TOP - up, size * tm[0] * cm[0], " ".join(text.split())))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


@pytest.fixture(scope="module", params=["whole", "in parts", "drawn"])
def big_pdf(qapp, tmp_path_factory: pytest.TempPathFactory, request) -> Iterator[tuple[Path, list]]:  # type: ignore[no-untyped-def]
    """One long PDF for the layout tests (written once: a PDF of 40 pages takes seconds on 2 cores).
    "in parts": every table longer than 4 rows laid out 4 rows at a time and each part laid out again
    when drawn, as a report of thousands of dialogues is (issue 19: flat memory) — the rules must hold.
    "drawn": every table of the report's body longer than 4 rows drawn with QPainter (`pdf_table.py`),
    as the Dialogues table of a large selection is (issue 19, round 5)."""
    folder = tmp_path_factory.mktemp("layout")
    database = open_database(folder / "dialogues.sqlite3")
    try:
        build_world(database)
        build_many(database, 5)
        report = build_report(database, ReportSelection(include_drafts=True), today=TODAY)
        with pytest.MonkeyPatch.context() as patch:
            if request.param == "in parts":
                patch.setattr(pdf, "CHUNK_ROWS", 4)
                patch.setattr(pdf, "KEEP_ROWS", 0)
            if request.param == "drawn":
                patch.setattr(pdf, "DRAW_ROWS", 4)
            path = write_report(report, folder / "big.pdf")
    finally:
        database.close()
    yield path, pdf_lines(path)


def test_pdf_table_rows_never_split_across_pages(big_pdf) -> None:  # type: ignore[no-untyped-def]
    _, pages = big_pdf
    # every row of a participant holds the long institution, which wraps: its first and last words
    # are on different lines of the same row, so a row cut by a page would leave them on two pages
    starts = [sum("Alphastart" in text for _, _, text in page) for page in pages]
    ends = [sum("Omegaend" in text for _, _, text in page) for page in pages]
    assert sum(starts) >= 70
    assert starts == ends
    assert sum(1 for page in pages if any("Alphastart" in text for _, _, text in page)) >= 5  # breaks fell in tables


def test_pdf_pages_are_full_and_headings_stay_with_what_follows(big_pdf) -> None:  # type: ignore[no-untyped-def]
    _, pages = big_pdf
    assert len(pages) >= 8
    for number, page in enumerate(pages[1:-1], start=2):
        body = [line for line in page if line[0] < BODY_HEIGHT]
        lowest = max(body, key=lambda line: line[0])
        assert lowest[0] >= BODY_HEIGHT / 3, f"page {number} is less than a third full"
        # the last line of a page is never a heading (headings are the largest type on the page body)
        assert lowest[1] < 11, f"page {number} ends with the heading {lowest[2]!r}"


def test_pdf_type_is_large_enough_and_pages_are_numbered(big_pdf) -> None:  # type: ignore[no-untyped-def]
    _, pages = big_pdf
    sizes = [size for page in pages for _, size, _ in page]
    assert min(sizes) >= 8.5
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert any(f"page {number} of {total}".lower() in text.lower() for _, _, text in page)
    narrative = [size for page in pages for _, size, text in page if text.startswith("On 10 January 2022")]
    assert narrative and min(narrative) >= 10


def test_pdf_continued_tables_repeat_their_header(big_pdf) -> None:  # type: ignore[no-untyped-def]
    _, pages = big_pdf
    headers = 0
    for page in pages[1:]:
        rows = defaultdict(list)
        for y, _, text in page:
            rows[round(y)].append(text)
        top = min(rows)
        if any("Alphastart" in text for _, _, text in page) and "Delegation" in " ".join(rows[top]):
            headers += 1
    assert headers >= 2


def test_word_report_is_print_ready(database: Database, tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    build_world(database)
    path = write_report(build_report(database, ReportSelection(include_drafts=True), "ru", today=TODAY),
                        tmp_path / "r.docx")
    document = Document(str(path))
    for number, table in enumerate(document.tables):
        assert "tblHeader" in table.rows[0]._tr.xml
        assert all(row._tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for row in table.rows)
        sizes = {int(size.get(qn("w:val"))) for size in table._tbl.iter(qn("w:sz"))}
        # half-points: 8.5 pt; the Dialogues table (the second) down to 7.5 pt to keep its words whole (round 18)
        assert min(sizes) >= (15 if number == 1 else 17)
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            assert paragraph.paragraph_format.keep_with_next or paragraph.style.paragraph_format.keep_with_next
    assert document.styles["Normal"].font.size.pt >= 10
    body = document.element.body.xml
    assert "TOC \\o" in body
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    footer = document.sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and "Стр." in footer
    text = "\n".join(p.text for p in document.paragraphs)
    assert "No/ne" not in text and "Повестка не записана." in text  # an empty agenda says so in a sentence


def test_a_word_row_taller_than_half_a_page_may_break_so_that_word_shows_all_of_it(  # type: ignore[no-untyped-def]
        database: Database, tmp_path: Path) -> None:
    """A summary of a few pages (the form takes 100,000 characters) sits in one row of the annex's facts.
    Word does not move a row that "cannot split" and is taller than a page: it cuts it off at the page's
    foot, and the rest of the summary is never printed (round 16). Such a row may break; every other
    row stays whole."""
    from docx import Document
    from docx.oxml.ns import qn

    from desktop_app.db.repositories.dialogues import DialogueRepository
    from tests.factories import make_dialogue

    summary = " ".join(f"Paragraph {n} of the minutes, as the rapporteur wrote it." for n in range(200))
    DialogueRepository(database).save(make_dialogue("Long minutes", summary=summary))
    path = write_report(build_report(database, today=TODAY), tmp_path / "r.docx")
    rows = [row for table in Document(str(path)).tables for row in table.rows]

    def whole(row) -> bool:  # type: ignore[no-untyped-def]
        return row._tr.find(qn("w:trPr")) is not None and row._tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None

    assert [whole(row) for row in rows if summary in [cell.text for cell in row.cells]] == [False]
    assert all(whole(row) for row in rows if summary not in [cell.text for cell in row.cells])
