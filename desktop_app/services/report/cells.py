"""Text of a report cell for the text formats (DOCX, PDF, HTML); XLSX keeps real types."""

from __future__ import annotations

from datetime import date

from desktop_app.services.report.model import Cell


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def is_number(value: Cell) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
