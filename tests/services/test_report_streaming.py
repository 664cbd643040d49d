"""Long tables are written as they are read (issue 19: flat memory): the streamed Word tables, the HTML
page written in pieces and the Participants table read from SQLite give the same file content as a
table built whole."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.db.unit_of_work import Database
from desktop_app.services.report import ReportSelection, build_report, docx_writer, html
from desktop_app.services.report.model import Report
from tests.services.report_world import TODAY, build_world

pytestmark = pytest.mark.usefixtures("qapp")


def _report(database: Database, **parts: bool) -> Report:
    build_world(database)
    return build_report(database, ReportSelection(include_drafts=True), "en", today=TODAY, **parts)


def _word_content(data: bytes) -> tuple[list, list[str], list[str]]:
    document = Document(BytesIO(data))
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    italic_rows = [cell.text for table in document.tables for row in table.rows for cell in row.cells
                   if any(run.italic for p in cell.paragraphs for run in p.runs)]
    order = [child.tag.rsplit("}", 1)[1] for child in document.element.body]
    return tables, italic_rows + [p.text for p in document.paragraphs], order


def test_word_tables_streamed_into_the_file_equal_tables_built_whole(database: Database,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(database)
    whole, streamed = BytesIO(), BytesIO()
    monkeypatch.setattr(docx_writer, "STREAM_FROM", 10**9)
    docx_writer.write_docx(report, whole)
    monkeypatch.setattr(docx_writer, "STREAM_FROM", 0)  # every table streamed
    monkeypatch.setattr(docx_writer, "PIECE_ROWS", 2)
    docx_writer.write_docx(report, streamed)
    assert docx_writer.MARKER.encode() not in streamed.getvalue()
    assert len(streamed.getvalue()) < 1.2 * len(whole.getvalue())  # the streamed part compressed too
    expected = _word_content(whole.getvalue())
    assert len(expected[0]) >= 10 and any("(draft)" in text for text in expected[1])
    assert _word_content(streamed.getvalue()) == expected


def test_the_html_page_written_in_pieces_is_the_page_made_whole(database: Database,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    report = _report(database)
    whole = html.report_html(report).encode("utf-8")
    monkeypatch.setattr(html, "PIECE_ROWS", 1)
    written = BytesIO()
    html.write_html(report, written)
    assert written.getvalue() == whole
    assert b"<h2 id=\"participants\">" in whole and whole.count(b"<tr") > 40


def test_the_participants_table_is_read_again_each_time_it_is_written(database: Database, tmp_path: Path) -> None:
    report = _report(database, with_sections=False)
    rows = report.participants
    assert rows is not None and len(rows) == len(list(rows)) > 10
    assert list(rows) == list(rows)  # a second pass reads the same rows again
    assert list(rows[:3]) == list(rows)[:3] and rows[2] == list(rows)[2]
    table = next(t for t in report.tables() if t.name == "Participants")
    assert table.drafts and all("(draft)" in str(list(rows)[i][1]) for i in table.drafts)


@given(st.lists(st.tuples(st.none() | st.text(max_size=12) | st.integers(-10**7, 10**7) | st.booleans()
                          | st.dates(), st.booleans()), max_size=12), st.sampled_from(["en", "ru"]))
def test_the_fast_html_cells_are_the_cells_written_one_by_one(cells: list, language: str) -> None:
    values = [value for value, _ in cells]
    plain = [year for _, year in cells]
    assert html._row_cells(values, plain, language) == "".join(
        html._cell(value, language, year) for value, year in cells)


@given(st.lists(st.lists(st.none() | st.text(max_size=12) | st.integers(-10**7, 10**7) | st.booleans() | st.dates(),
                         min_size=3, max_size=3), max_size=8),
       st.lists(st.booleans(), min_size=3, max_size=3), st.sets(st.integers(0, 12)), st.integers(0, 3),
       st.sampled_from(["en", "ru"]))
def test_the_html_rows_written_at_once_are_the_rows_written_cell_by_cell(
        rows: list, plain: list, drafts: set, first: int, language: str) -> None:
    """The Participants table's fast path (issue 19, round 5): rows with or without text to escape."""
    expected = "".join(
        ('<tr class="draft">' if first + index in drafts else "<tr>")
        + "".join(html._cell(value, language, year) for value, year in zip(row, plain, strict=True)) + "</tr>"
        for index, row in enumerate(rows))
    assert html._rows_html(rows, plain, language, frozenset(drafts), first) == expected

