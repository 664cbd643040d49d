"""The Dialogues table keeps every word whole in the PDF and Word reports (round 18, `report/fit.py`).

Before: 13 columns at fixed shares of an A4 landscape page cut words where a narrow column ended
("Kazakhsta|n", «Окончательн|ый», a date on two lines). Checked here with the renderers' own
measures: the PDF's columns as Qt lays out the table's header row on the PDF writer, its words in
DejaVu Sans at the table's size on that writer, and the drawn table's (`pdf_table.py`) own line
wrapping; Word's columns from the file's grid less its cell margins, at the file's font size.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop_app.db.opening import open_database
from desktop_app.domain import records as r
from desktop_app.domain.enums import DialogueKind, DialogueStatus
from desktop_app.services.report import ReportSelection, build_report, docx_writer, fit, pdf, write_report
from desktop_app.services.report.cells import cell_text, column_shares
from desktop_app.services.report.html import qt_html, table_head
from desktop_app.services.report.model import Report, Table
from desktop_app.services.report.pdf_table import DrawnTable, Metrics
from tests.factories import make_dialogue
from tests.services.report_world import TODAY, build_many, build_world

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module", params=["en", "ru"])
def report(qapp, tmp_path_factory: pytest.TempPathFactory, request) -> Iterator[Report]:  # type: ignore[no-untyped-def]
    """The test world, a few more dialogues and one whose cells hold the longest words of the lists
    (Turkmenistan / Туркменистан, a high-level meeting, Samarkand), drafts included: in both languages."""
    database = open_database(tmp_path_factory.mktemp("fit") / "dialogues.sqlite3")
    try:
        build_world(database)
        build_many(database, 3)
        from desktop_app.db.repositories.dialogues import DialogueRepository

        DialogueRepository(database).save(make_dialogue(
            "Intergovernmental consultations on precursor control", kind=DialogueKind.HIGH_LEVEL,
            start_date=date(2023, 11, 20), end_date=date(2023, 11, 21), country="TM", city="Samarkand",
            chair=r.Party.country("TM"), status=DialogueStatus.DRAFT, series="Senior Officials Meeting"))
        yield build_report(database, ReportSelection(include_drafts=True), request.param, today=TODAY,
                           with_sections=False)
    finally:
        database.close()


def dialogues_of(report: Report) -> Table:
    return next(table for table in report.tables(shares=True, participants=False) if table.name == "Dialogues")


def cell_words(report: Report, table: Table) -> Iterator[tuple[int, str]]:
    """(column, word) of every cell: a date or a number is one word."""
    for row in table.rows:
        for column, value in enumerate(row):
            if isinstance(value, str):
                yield from ((column, word) for word in fit.words(value))
            elif value is not None:
                yield column, cell_text(value, report.language)


def pdf_writer() -> QPdfWriter:
    """A writer set up as `pdf.write_pdf` sets its own up."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.buffer = buffer  # type: ignore[attr-defined]  # kept alive with the writer
    writer.setResolution(pdf.RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(*[pdf.MARGIN_MM] * 4), QPageLayout.Unit.Millimeter))
    return writer


def test_pdf_dialogues_table_has_room_for_every_word(report: Report, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    fits: list[fit.Fit] = []

    measured = fit.fit_columns

    def recorded(*arguments, **named):  # type: ignore[no-untyped-def]
        fits.append(measured(*arguments, **named))
        return fits[-1]

    monkeypatch.setattr(fit, "fit_columns", recorded)  # as the PDF's `fit_table` asks it
    write_report(report, tmp_path / "r.pdf")
    table = dialogues_of(report)
    used = fits[0] if fits else fit.Fit(9, tuple(column_shares(table.header, table.name)))  # as before round 18
    writer = pdf_writer()

    def laid_out(markup: str) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(QFont("DejaVu Sans", 10))
        document.documentLayout().setPaintDevice(writer)
        document.setPageSize(QSizeF(writer.width(), pdf.ENDLESS))
        document.setHtml(qt_html(markup))
        return document

    head = laid_out(table_head(report, table, used if fits else None))
    columns = Metrics.calibrate(head, laid_out, len(table.header), writer.width(), pdf.RESOLUTION / 96).columns
    regular = QFont("DejaVu Sans")
    regular.setPointSizeF(used.size)
    bold = QFont(regular)
    bold.setBold(True)
    regular_width, bold_width = QFontMetricsF(regular, writer), QFontMetricsF(bold, writer)
    too_wide = [(word, column) for column, word in cell_words(report, table)
                if regular_width.horizontalAdvance(word) > columns[column][1]]
    too_wide += [(word, column) for column, name in enumerate(table.header) for word in fit.words(report.t(name))
                 if bold_width.horizontalAdvance(word) > columns[column][1]]
    assert not too_wide, f"words cut inside at {used.size} pt: {too_wide}"
    assert used.size >= 7.5


def test_pdf_drawn_dialogues_table_wraps_between_words_only(report: Report, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A large selection's Dialogues table is drawn row by row (`pdf_table.py`): its own wrapping."""
    drawn: list[DrawnTable] = []

    class Recorded(DrawnTable):
        def __init__(self, *arguments, **named) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*arguments, **named)
            drawn.append(self)

    monkeypatch.setattr(pdf, "DRAW_ROWS", 4)
    monkeypatch.setattr(pdf, "DrawnTable", Recorded)
    write_report(report, tmp_path / "r.pdf")
    table = dialogues_of(report)
    (shown,) = [one for one in drawn if len(one.rows) == len(table.rows)]
    cut = []
    for index, row in enumerate(shown.rows):
        for column, text in enumerate(shown.texts(row)):
            whole = set(fit.words(text))
            cut += [line for line in shown.lines(text, column, int(index in shown.drafts))
                    if not set(fit.words(line)) <= whole]
    cut += [line for name, lines in zip(shown.names, shown.head_lines, strict=True) for line in lines
            if not set(fit.words(line)) <= set(fit.words(name))]
    assert not cut, f"lines ending inside a word: {cut}"


def test_word_dialogues_table_has_room_for_every_word(report: Report, tmp_path: Path) -> None:
    """Word's columns are the grid's widths less the cell margins; a word measured in DejaVu Sans (wider
    than Word's Calibri) at the table's size must fit."""
    from docx import Document
    from docx.oxml.ns import qn

    path = write_report(report, tmp_path / "r.docx")
    grid = Document(str(path)).tables[1]._tbl  # the Summary, then the Dialogues
    twips = [int(column.get(qn("w:w"))) for column in grid.iter(qn("w:gridCol"))]
    sizes = {int(size.get(qn("w:val"))) for size in grid.iter(qn("w:sz"))}
    assert len(sizes) == 1 and min(sizes) >= 15  # one size, at least 7.5 pt
    margins = grid.find(qn("w:tblPr")).find(qn("w:tblCellMar"))
    assert margins is not None, "the fitted table sets its cell margins"
    margin = sum(int(margins.find(qn(f"w:{side}")).get(qn("w:w"))) for side in ("left", "right"))
    room = [(width - margin) / 20 for width in twips]  # points
    measure = fit.measurer()
    scale = sizes.pop() / 2 / fit.SIZES[0]
    table = dialogues_of(report)
    too_wide = [(word, column) for column, word in cell_words(report, table)
                if measure(word, False) * scale > room[column]]
    too_wide += [(word, column) for column, name in enumerate(table.header) for word in fit.words(report.t(name))
                 if measure(word, True) * scale > room[column]]
    assert not too_wide, f"words cut inside: {too_wide}"
    assert sum(twips) - len(twips) <= docx_writer.TEXT_WIDTH_CM / 2.54 * 72 * 20  # within the page


# fit_columns itself: each branch and its boundary, with letters 1 pt wide at 9 pt


def ruler(text: str, bold: bool) -> float:
    return float(len(text)) * (1.5 if bold else 1)


def test_words_that_fit_at_nine_points_keep_nine_points_and_get_their_room() -> None:
    rows = [("aaaaaaaaaa bb", "cccc")]
    # longest words 10 and 4, header words 1.5 each; lines 13 and 4; overhead 2 and slack 1 a column
    exact = fit.fit_columns(("A", "B"), rows, (False, False), "en", ruler, width=13 + 3 + 4 + 3, overhead=2)
    assert exact.size == 9 and exact.shares == pytest.approx((16 / 23, 7 / 23))  # every line whole, no spare
    wider = fit.fit_columns(("A", "B"), rows, (False, False), "en", ruler, width=46, overhead=2)
    assert wider.shares == pytest.approx((16 / 23, 7 / 23))  # spare room spread in proportion
    narrower = fit.fit_columns(("A", "B"), rows, (False, False), "en", ruler, width=13 + 3 + 4 + 3 - 1, overhead=2)
    assert narrower.size == 9  # words fit (10 + 4 + 6 = 20 <= 22): the title's line wraps instead
    assert narrower.shares[0] * 22 == pytest.approx(15)  # its word (10 + 3) and what was left of the line


def test_words_too_wide_at_nine_points_take_a_smaller_size_down_to_seven_and_a_half() -> None:
    rows = [("aaaaaaaaaaaaaaaaaa",)]  # 18 at 9 pt, 17 at 8.5, 16 at 8 (with overhead 0 and slack 1)
    assert fit.fit_columns(("A",), rows, (False,), "en", ruler, width=19, overhead=0).size == 9
    assert fit.fit_columns(("A",), rows, (False,), "en", ruler, width=18.9, overhead=0).size == 8.5
    assert fit.fit_columns(("A",), rows, (False,), "en", ruler, width=17, overhead=0).size == 8
    least = fit.fit_columns(("A", "B"), [("a" * 18, "b" * 54)], (False, False), "en", ruler, width=40, overhead=0)
    assert least.size == 7.5  # 16 + 46 > 40: the smallest size; the short word kept whole, the long one cut
    assert least.shares == pytest.approx((16 / 40, 24 / 40))


def test_a_word_wider_than_the_page_allows_is_the_only_one_cut() -> None:
    """Round 18: a 70-letter word in one title shrank every column alike, cutting the dates and the
    countries; now the columns under one cap keep their longest word and only the wider ones are cut."""
    assert fit.capped([10, 10, 10, 500], 100) == pytest.approx([10, 10, 10, 70])
    assert fit.capped([10, 90, 90], 100) == pytest.approx([10, 45, 45])  # two overlong: they share the rest
    assert fit.capped([30, 30, 30, 30], 100) == pytest.approx([25, 25, 25, 25])  # all over: equal, all cut
    assert fit.capped([25, 25, 25, 26], 100) == pytest.approx([25, 25, 25, 25])  # just over: only the widest
    assert sum(fit.capped([3, 7, 50, 5, 200], 120)) == pytest.approx(120)
    shares = fit.fit_columns(("D", "T"), [(date(2023, 12, 13), "x" * 300)], (False, False), "en", ruler,
                             width=60, overhead=0).shares
    assert shares[0] * 60 == pytest.approx(10 * 7.5 / 9 + 1)  # the date whole: "2023-12-13" at 7.5 pt, plus slack


def test_a_date_and_a_number_are_one_word_and_a_text_breaks_after_hyphens() -> None:
    assert fit.words("EU-Turkmenistan Expert  Meeting") == ["EU-", "Turkmenistan", "Expert", "Meeting"]
    assert fit.words("two\nlines") == ["two", "lines"]
    rows = [(date(2023, 12, 13), 12345)]
    shares = fit.fit_columns(("D", "N"), rows, (False, False), "ru", ruler, width=100, overhead=0).shares
    assert shares == pytest.approx((11 / 18, 7 / 18))  # "13.12.2023" and "12 345" whole, plus slack
