"""Text of a report cell for the text formats (DOCX, PDF, HTML); XLSX keeps real types."""

from __future__ import annotations

from datetime import date

from desktop_app.services.report.labels import number_text, table_date
from desktop_app.services.report.model import Cell


def cell_text(value: Cell, language: str = "en", plain: bool = False) -> str:
    """Dates as 2023-12-13 / 13.12.2023, numbers grouped as the language groups them (`plain`: a
    year, never grouped)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return table_date(value, language)
    if is_number(value):
        return str(value) if plain else number_text(value, language)  # type: ignore[arg-type]
    return str(value)


def is_number(value: Cell) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# Share of the table's width (percent) for columns whose content is long or must not wrap; the
# other columns share what is left. Keyed by the English header. Used by the PDF, Word and HTML tables.
WIDE: dict[str, float] = {"Start date": 7, "End date": 7, "Due date": 7, "Title": 16, "Series": 9, "Kind": 7, "City": 6,
        "Country": 7, "Chair": 8, "Delegations": 6, "Participants": 6, "Women": 5, "Men": 5, "Status": 6,
        "#": 4, "Party": 22, "Dialogue": 20, "Action": 40, "Delegation": 20, "Item": 60, "Value": 16,
        "Metric": 50, "Share": 14, "Topic": 70, "Institution": 16, "Participant": 16, "Name": 14, "Sex": 4,
        "Position": 12, "Role": 9, "Programme-funded": 7, "Year": 8, "Fact": 20,
        "Dialogues attended": 9, "Sex not recorded": 8, "Programme-supported participants": 11,
        "Programme-funded participants": 11, "Unique people": 8, "Side": 8, "Presented by": 30, "Owner": 15}


# Tables whose columns need their own balance (the same column is wide in one table, narrow in another).
WIDE_IN: dict[str, dict[str, float]] = {
    "Dialogues": {"Start date": 7.5, "End date": 7.5, "Title": 12, "Series": 8, "Kind": 7, "City": 6.5,
                  "Country": 7, "Chair": 8, "Delegations": 7, "Participants": 7, "Women": 6, "Men": 6,
                  "Status": 8.5},
    "Participants": {"Start date": 7.5, "Dialogue": 12, "Party": 10, "Side": 6.5, "Name": 11, "Sex": 4.5,
                     "Institution": 14, "Position": 9, "Role": 7.5, "Status": 9, "Programme-funded": 8},
    "Years": {"Year": 8, "Dialogues": 10, "Delegations": 10, "Participants": 10, "Unique people": 12,
              "Women": 10, "Men": 10, "Sex not recorded": 12, "Programme-funded participants": 14},
    "Summary": {"Metric": 55, "Value": 15, "Share": 15},
    # headers whole: "Delegations", «Делегации», «Принадлежность» broke inside the word at 6-8 % (round 16)
    "Participation": {"Party": 14, "Side": 14, "Dialogues attended": 10, "Delegations": 10, "Participants": 10,
                      "Women": 8, "Men": 8, "Sex not recorded": 10, "Programme-supported participants": 16},
    "Actions": {"Dialogue": 25, "Action": 40, "Owner": 13, "Due date": 9, "Status": 9},
    # the annex's facts: short labels, and values up to a summary of several pages (round 16: the
    # labels took 55 % of the width and the summary ran down a narrow column)
    "Facts": {"Fact": 22, "Value": 78},
    # the annex's people: a status is "Attended, programme-funded" / «Присутствовал(а), за счёт программы»
    # (round 16: at 6 % it broke inside words, "Присутст-вовал(а)", "программ-ы")
    "Delegations": {"Delegation": 17, "Side": 8, "Participant": 15, "Role": 10, "Position": 13, "Institution": 20,
                    "Status": 17},
}


def column_shares(header: tuple[str, ...], table: str = "") -> list[float]:
    """Fractions of the width, summing to 1, from `WIDE` and an equal split of the rest."""
    widths = {**WIDE, **WIDE_IN.get(table, {})}
    fixed = {name: widths[name] for name in header if name in widths}
    free = [name for name in header if name not in WIDE]
    rest = max(100 - sum(fixed.values()), 5 * len(free))
    raw = [fixed.get(name, rest / len(free) if free else 0) for name in header]
    total = sum(raw) or 1
    return [value / total for value in raw]
