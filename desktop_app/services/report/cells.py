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


# Share of the table's width (percent) for columns whose content is long or must not wrap; the
# other columns share what is left. Used by the PDF/preview and the Word tables.
WIDE = {"Start date": 8, "End date": 8, "Due date": 9, "Title": 14, "Series": 8, "Kind": 6, "City": 6,
        "Country": 7, "Chair": 8, "Delegations": 8, "Participants": 8, "Women": 6, "Men": 5, "Status": 6, "#": 3,
        "Party": 24, "Dialogue": 24, "Action": 40, "Delegation": 22, "Item": 55, "Value": 60, "Metric": 40,
        "Topic": 70, "Institution": 24, "Participant": 18}


def column_shares(header: tuple[str, ...]) -> list[float]:
    """Fractions of the width, summing to 1, from `WIDE` and an equal split of the rest."""
    fixed = {name: WIDE[name] for name in header if name in WIDE}
    free = [name for name in header if name not in WIDE]
    rest = max(100 - sum(fixed.values()), 5 * len(free))
    raw = [fixed.get(name, rest / len(free) if free else 0) for name in header]
    total = sum(raw) or 1
    return [value / total for value in raw]
