"""The XLSX report: the sheets of contract §3 v2 in the report's language, real numbers and dates, safe text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop_app.services.report.model import NO_DIALOGUES, Cell, Report

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
MAX_WIDTH = 60


def _put(cell: SheetCell, value: Cell, date_format: str = "yyyy-mm-dd") -> None:
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
        cell.number_format = date_format


def write_xlsx(report: Report, target: Path) -> None:
    """One sheet a table; names and headers in the report's language, rows as numbers and dates."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    date_format = "dd.mm.yyyy" if report.language == "ru" else "yyyy-mm-dd"
    draft_font = Font(italic=True, color="9C5700")
    for table in report.tables():
        sheet = workbook.create_sheet(report.t(table.name))
        header = [report.t(name) for name in table.header]
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        widths = [min(len(h), 18) for h in header]
        for row_number, row in enumerate(table.rows, start=2):
            draft = (row_number - 2) in table.drafts
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column)
                _put(cell, value, date_format)
                if draft:
                    cell.font = draft_font
                text = "0000-00-00" if isinstance(value, date) else ("" if value is None else str(value))
                widths[column - 1] = max(widths[column - 1], len(text))
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = min(MAX_WIDTH, width + 3)
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions if table.rows else None
    if report.empty:
        summary = workbook[report.t("Summary")]
        summary.cell(row=len(report.summary.values) + 3, column=1, value=report.t(NO_DIALOGUES))
    workbook.properties.title = report.title
    workbook.properties.language = report.language
    workbook.save(target)
