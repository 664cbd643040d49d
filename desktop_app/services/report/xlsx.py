"""The XLSX report: the sheets of contract §3 v2 in the report's language, real numbers and dates, safe text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from itertools import chain, islice
from tempfile import SpooledTemporaryFile
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop_app.services import file_properties
from desktop_app.services.report.model import NO_DIALOGUES, Cell, Report

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
MAX_WIDTH = 60
ISO_DATE = "yyyy-mm-dd"  # what openpyxl gives a date by itself: an English date needs no cell object
TICK_ROWS = 2000  # rows between two progress reports (and chances to cancel)
WIDTH_ROWS = 2000  # column widths are measured on the first rows: a cosmetic that must not cost a pass of 500,000
DATE_COLUMNS = ("Start date", "End date", "Due date")
SPOOL_BYTES = 16 << 20  # a workbook up to this size is built in memory, a larger one in a temporary file
COPY_BYTES = 1 << 20  # and copied into the report's file this many bytes at a time


def _cell(sheet: Any, value: Cell, date_format: str, font: Font | None = None) -> Any:
    """A value with its real type; text that a spreadsheet could evaluate stays text.

    openpyxl turns any string beginning with "=" into a formula, and spreadsheets evaluate "+", "-"
    and "@" too (CSV/formula injection). Such text is stored as an explicit string cell with the
    quotePrefix style, the spreadsheet's own "this is text" mark, so nothing is evaluated and the
    officer still sees the title exactly as recorded.
    """
    risky = isinstance(value, str) and value.startswith(FORMULA_STARTS)
    if not risky and font is None and not isinstance(value, date):
        return value  # a plain value: no cell object at all, the fast path of write-only mode
    cell = WriteOnlyCell(sheet, value=value)  # type: ignore[arg-type]  # the stub omits date; openpyxl writes it
    if risky:
        cell.data_type = "s"
        cell.quotePrefix = True
    if isinstance(value, date):
        cell.number_format = date_format
    if font is not None:
        cell.font = font
    return cell


def write_xlsx(report: Report, target: BinaryIO, tick: Callable[[int, int], None] | None = None) -> None:
    """One sheet a table; names and headers in the report's language, rows as numbers and dates.

    Written in openpyxl's write-only mode (rows streamed, no cell objects kept): the Participants
    sheet has a row per participation, some 200,000 at 20,000 dialogues."""
    tick = tick or (lambda done, total: None)
    tables = report.tables()
    total, done = sum(len(table.rows) for table in tables), 0
    tick(0, total)
    # every table's first rows before the first sheet: the Participants table is read as it is written
    # (measured on its first rows), and a read that refuses (the records changed since the count) must
    # come before openpyxl's write-only generators exist, which would print tracebacks when abandoned
    started = []
    for table in tables:
        rows = iter(table.rows)
        started.append((table, rows, list(islice(rows, WIDTH_ROWS))))
    workbook = Workbook(write_only=True)
    date_format = "dd.mm.yyyy" if report.language == "ru" else ISO_DATE
    draft_font = Font(italic=True, color="9C5700")
    for table, rows, first in started:
        sheet = workbook.create_sheet(report.t(table.name))
        header = [report.t(name) for name in table.header]
        widths = [min(len(h), 18) for h in header]
        for row in first:
            for column, value in enumerate(row):
                size = 10 if isinstance(value, date) else (0 if value is None else len(str(value)))
                if size > widths[column]:
                    widths[column] = size
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 3)
        sheet.freeze_panes = "A2"
        if table.rows:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(table.rows) + 1}"
        heads = []
        for name in header:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center", wrap_text=True)
            heads.append(cell)
        sheet.append(heads)
        # the fast path of a row: plain values, a cell object only for risky text and (in Russian) dates;
        # the Summary (a date among numbers) and draft rows (italic) go cell by cell
        dated = [] if date_format == ISO_DATE else [i for i, name in enumerate(table.header) if name in DATE_COLUMNS]
        for index, row in enumerate(chain(first, rows)):
            if table.name == "Summary" or index in table.drafts:
                font = draft_font if index in table.drafts else None
                sheet.append([_cell(sheet, value, date_format, font) for value in row])
            else:
                values = [_cell(sheet, value, date_format)
                          if value.__class__ is str and value.startswith(FORMULA_STARTS) else value for value in row]
                for column in dated:
                    if values[column] is not None:
                        values[column] = _cell(sheet, values[column], date_format)
                sheet.append(values)
            if not index % TICK_ROWS:
                tick(done + index, total)
        done += len(table.rows)
        tick(done, total)
        if table.name == "Summary" and report.empty:
            sheet.append([])
            sheet.append([report.t(NO_DIALOGUES)])
    file_properties.stamp(workbook.properties, report.title, report.language)
    # Built aside, then copied: a full disk then fails a plain write, never half-way through openpyxl's
    # write-only sheets, whose generators would print tracebacks after the officer's sentence. Aside is a
    # spooled file, not memory: the workbook is 151 MB at 100,000 dialogues (issue 19, round 6); past
    # `SPOOL_BYTES` it is an unnamed owner-only temporary file, gone when closed.
    with SpooledTemporaryFile(max_size=SPOOL_BYTES) as built:
        workbook.save(built)
        built.seek(0)
        while piece := built.read(COPY_BYTES):
            target.write(piece)
