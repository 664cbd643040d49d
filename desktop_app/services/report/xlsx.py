"""The XLSX report: the five sheets of contract §3, real numbers and dates, safe text."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import BinaryIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from desktop_app.services.report.model import Cell, Report

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
MAX_WIDTH = 60


def _put(cell: SheetCell, value: Cell) -> None:
    """Write a value with its real type; text that a spreadsheet could evaluate stays text.

    openpyxl turns any string beginning with "=" into a formula, and spreadsheets evaluate "+", "-"
    and "@" too (CSV/formula injection). Such text is stored as an explicit string cell with the
    quotePrefix style, the spreadsheet's own "this is text" mark, so nothing is evaluated and the
    officer still sees the title exactly as recorded.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.value = value
        cell.data_type = "s"
        cell.quotePrefix = True
        return
    cell.value = value
    if isinstance(value, date):
        cell.number_format = "yyyy-mm-dd"


def write_xlsx(report: Report, target: BinaryIO) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, header, rows in report.tables():
        sheet = workbook.create_sheet(name)
        sheet.append(list(header))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center")
        widths = [len(h) for h in header]
        for row_number, row in enumerate(rows, start=2):
            for column, value in enumerate(row, start=1):
                _put(sheet.cell(row=row_number, column=column), value)
                text = value.isoformat() if isinstance(value, date) else ("" if value is None else str(value))
                widths[column - 1] = max(widths[column - 1], len(text))
        if name == "Dialogues":
            status = header.index("Status") + 1
            for row_number, line in enumerate(report.dialogues, start=2):
                if line.is_draft:
                    sheet.cell(row=row_number, column=status).font = Font(italic=True, color="9C5700")
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 3)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions if rows else None
    if report.empty:
        summary = workbook["Summary"]
        summary.cell(row=len(report.summary.rows()) + 3, column=1, value="No dialogues match the selection.")
    workbook.properties.title = report.title
    _save(workbook, target)


def _save(workbook: Workbook, target: BinaryIO) -> None:
    """`Workbook.save`, except that a failed write (a full disk) leaves no half-open ZIP behind, whose
    clean-up at exit would print a traceback after the officer's sentence."""
    archive = ZipFile(target, "w", ZIP_DEFLATED, allowZip64=True)
    workbook.properties.modified = datetime.now(UTC).replace(tzinfo=None)
    try:
        ExcelWriter(workbook, archive).save()
    except BaseException:
        archive.fp = None  # nothing more can be written to it; do not let its finaliser try
        raise
