"""The summary report's five sheets (contract §3) in raw SQL with `sqlite3`, written with openpyxl's
write-only mode: the plain baseline of the "report XLSX" figure (issue 7).

Same counting rules as desktop_app/services/report/queries.py (not deleted dialogues; delegations
and participants of those; women/men/not recorded from the person), same rows and orders, same
escaping of text a spreadsheet could evaluate. Names of countries come from the same reference
table, so the two workbooks can be compared cell for cell on numbers.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from desktop_app.domain.reference import country_name

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
KIND = {"regional": "Regional", "bilateral": "Bilateral", "expert-meeting": "Expert meeting",
        "high-level": "High-level", "other": "Other"}
SIDE = {"eu": "EU", "partner": "Partner", "other": "Other"}
STATUS = {"draft": "Draft", "final": "Final"}
ACTION_STATUS = {"open": "Open", "done": "Done"}
SELECTED = "SELECT id FROM dialogues WHERE deleted_at IS NULL"

SUMMARY_SQL = [
    "SELECT min(start_date), max(start_date), count(*) FROM dialogues WHERE deleted_at IS NULL",
    f"""SELECT count(g.id), count(DISTINCT g.party_country), count(DISTINCT g.party_organisation),
        coalesce(sum(g.programme_supported = 1), 0) FROM delegations g WHERE g.dialogue_id IN ({SELECTED})""",
    f"""SELECT count(p.id), count(DISTINCT p.person_id), coalesce(sum(s.sex = 'female'), 0),
        coalesce(sum(s.sex = 'male'), 0), coalesce(sum(s.sex IS NULL), 0), coalesce(sum(g.programme_supported = 1), 0)
        FROM participants p JOIN delegations g ON p.delegation_id = g.id JOIN people s ON p.person_id = s.id
        WHERE g.dialogue_id IN ({SELECTED})""",
]
DIALOGUES_SQL = """
SELECT d.start_date, d.end_date, d.title, d.series, d.kind, d.city, d.country,
       d.chair_type, d.chair_country, d.chair_organisation,
       coalesce(g.n, 0), coalesce(p.n, 0), coalesce(p.women, 0), coalesce(p.men, 0), d.status
FROM dialogues d
LEFT JOIN (SELECT dialogue_id, count(id) AS n FROM delegations GROUP BY dialogue_id) g ON g.dialogue_id = d.id
LEFT JOIN (SELECT g.dialogue_id, count(p.id) AS n, coalesce(sum(s.sex = 'female'), 0) AS women,
                  coalesce(sum(s.sex = 'male'), 0) AS men
           FROM participants p JOIN delegations g ON p.delegation_id = g.id JOIN people s ON p.person_id = s.id
           GROUP BY g.dialogue_id) p ON p.dialogue_id = d.id
WHERE d.deleted_at IS NULL ORDER BY d.start_date, d.title, d.id"""
PARTICIPATION_SQL = f"""
SELECT g.party_type, g.party_country, g.party_organisation, group_concat(DISTINCT g.side),
       count(DISTINCT g.dialogue_id), count(DISTINCT g.id), count(p.id),
       coalesce(sum(s.sex = 'female'), 0), coalesce(sum(s.sex = 'male'), 0),
       coalesce(sum(p.id IS NOT NULL AND s.sex IS NULL), 0),
       coalesce(sum(p.id IS NOT NULL AND g.programme_supported = 1), 0)
FROM delegations g LEFT JOIN participants p ON p.delegation_id = g.id LEFT JOIN people s ON p.person_id = s.id
WHERE g.dialogue_id IN ({SELECTED})
GROUP BY g.party_type, g.party_country, g.party_organisation"""
TOPICS_SQL = f"""
SELECT name, count(DISTINCT dialogue_id) AS n FROM dialogue_topics WHERE dialogue_id IN ({SELECTED})
GROUP BY name ORDER BY n DESC, name"""
ACTIONS_SQL = """
SELECT d.title, a.description, a.owner, a.due_date, a.status FROM actions a JOIN dialogues d ON a.dialogue_id = d.id
WHERE d.deleted_at IS NULL
ORDER BY a.status != 'open', a.due_date IS NULL, a.due_date, d.start_date, d.title, a.sort_order"""

SUMMARY_METRICS = (
    "Period from", "Period to", "Dialogues", "Delegations", "Participants", "Unique people", "Women", "Men",
    "Sex not recorded", "Countries represented", "Organisations represented", "Programme-supported delegations",
    "Programme-supported participants",
)


def _party(kind: str | None, code: str | None, organisation: str | None) -> str:
    if kind is None:
        return ""
    return country_name(code or "") if kind == "country" else (organisation or "")


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def write_report_baseline(db_path: Path, target: Path) -> None:
    """The five sheets from raw SQL into a write-only workbook."""
    connection = sqlite3.connect(db_path)
    try:
        first, last, count = connection.execute(SUMMARY_SQL[0]).fetchone()
        totals = [*connection.execute(SUMMARY_SQL[1]).fetchone()]
        people = [*connection.execute(SUMMARY_SQL[2]).fetchone()]
        delegations, countries, organisations, supported_delegations = totals
        summary = (_day(first), _day(last), count, delegations, *people[:5], countries, organisations,
                   supported_delegations, people[5])
        dialogues = [(_day(s), _day(e), title, series, KIND.get(kind, kind), city, country_name(country),
                      _party(ct, cc, co), ng, np_, w, mn, STATUS.get(status, status))
                     for s, e, title, series, kind, city, country, ct, cc, co, ng, np_, w, mn, status
                     in connection.execute(DIALOGUES_SQL)]
        participation = sorted(
            ((_party(t, c, o), ", ".join(SIDE.get(x, x) for x in sorted((sides or "").split(",")) if x),
              nd, ng, np_, w, mn, u, sp)
             for t, c, o, sides, nd, ng, np_, w, mn, u, sp in connection.execute(PARTICIPATION_SQL)),
            key=lambda row: (-row[4], row[0].casefold()))
        topics = connection.execute(TOPICS_SQL).fetchall()
        actions = [(title, text, owner, _day(due), ACTION_STATUS.get(status, status))
                   for title, text, owner, due, status in connection.execute(ACTIONS_SQL)]
    finally:
        connection.close()
    workbook = Workbook(write_only=True)
    sheets: list[tuple[str, tuple[str, ...], Any]] = [
        ("Summary", ("Metric", "Value"), zip(SUMMARY_METRICS, summary, strict=True)),
        ("Dialogues", ("Start date", "End date", "Title", "Series", "Kind", "City", "Country", "Chair",
                       "Delegations", "Participants", "Women", "Men", "Status"), dialogues),
        ("Participation", ("Party", "Side", "Dialogues attended", "Delegations", "Participants", "Women", "Men",
                           "Sex not recorded", "Programme-supported participants"), participation),
        ("Topics", ("Topic", "Dialogues"), topics),
        ("Actions", ("Dialogue", "Action", "Owner", "Due date", "Status"), actions)]
    for name, header, rows in sheets:
        sheet = workbook.create_sheet(name)
        sheet.append(list(header))
        for row in rows:
            sheet.append([_cell(sheet, value) for value in row])
    workbook.save(target)


def _cell(sheet: Any, value: Any) -> Any:
    """Text a spreadsheet would evaluate becomes an explicit string cell; the rest goes as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    return value


def compare_workbooks(one: Path, other: Path) -> list[str]:
    """Differences that matter: sheet names, Summary values, rows per sheet. Empty when they agree."""
    from openpyxl import load_workbook

    a, b = load_workbook(one, read_only=True), load_workbook(other, read_only=True)
    try:
        problems = []
        if a.sheetnames != b.sheetnames:
            return [f"sheets differ: {a.sheetnames} vs {b.sheetnames}"]
        for name in a.sheetnames:
            rows_a = [r for r in a[name].iter_rows(values_only=True) if any(v is not None for v in r)]
            rows_b = [r for r in b[name].iter_rows(values_only=True) if any(v is not None for v in r)]
            if len(rows_a) != len(rows_b):
                problems.append(f"{name}: {len(rows_a)} rows vs {len(rows_b)}")
            if name == "Summary" and rows_a != rows_b:
                problems.append(f"Summary differs: {rows_a} vs {rows_b}")
        return problems
    finally:
        a.close()
        b.close()
