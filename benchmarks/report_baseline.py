"""The summary report's seven sheets (contract §3 v2) in raw SQL with `sqlite3`, written with openpyxl's
write-only mode: the plain baseline of the "report XLSX" figure (issue 7, updated for issue 17).

Same counting rules as the report (final dialogues not in the trash; person figures count attended
participations; EMCDDA and EUDA one party; carried actions neither open nor done), same rows, same
escaping of text a spreadsheet could evaluate. Names of countries come from the same reference
table, so the two workbooks can be compared on the Summary's numbers and the rows per sheet.
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
ACTION_STATUS = {"open": "Open", "done": "Done", "carried": "Carried"}
# contract v2: drafts are out by default, person figures count `attended` participations only
SELECTED = "SELECT id FROM dialogues WHERE deleted_at IS NULL AND status = 'final'"
ATTENDED = "p.status = 'attended'"
# an organisation and its predecessor are one party, shown by its latest name
PARTY_KEY = """CASE WHEN g.party_type = 'country' THEN 'c:' || g.party_country
    WHEN lower(g.party_organisation) IN ('european monitoring centre for drugs and drug addiction', 'emcdda', 'euda',
                                         'european union drugs agency') THEN 'o:European Union Drugs Agency'
    ELSE 'o:' || g.party_organisation END"""
CAME = f"""FROM participants p JOIN delegations g ON p.delegation_id = g.id JOIN people s ON p.person_id = s.id
        WHERE g.dialogue_id IN ({SELECTED}) AND {ATTENDED}"""

SUMMARY_SQL = [
    "SELECT min(start_date), max(start_date), count(*) FROM dialogues WHERE deleted_at IS NULL AND status = 'final'",
    f"""SELECT count(g.id), count(DISTINCT g.party_country),
        count(DISTINCT CASE WHEN g.party_type = 'organisation' THEN {PARTY_KEY} END),
        coalesce(sum(g.programme_supported = 1), 0) FROM delegations g WHERE g.dialogue_id IN ({SELECTED})""",
    f"""SELECT count(p.id), count(DISTINCT p.person_id), coalesce(sum(s.sex = 'female'), 0),
        coalesce(sum(s.sex = 'male'), 0), coalesce(sum(s.sex IS NULL), 0), coalesce(sum(g.programme_supported = 1), 0),
        coalesce(sum(g.side = 'partner'), 0), coalesce(sum(g.side = 'eu'), 0), coalesce(sum(p.programme_funded = 1), 0),
        coalesce(sum(p.programme_funded = 1 AND s.sex = 'female'), 0),
        coalesce(sum(p.programme_funded = 1 AND s.sex = 'male'), 0), count(DISTINCT p.institution_id) {CAME}""",
    f"""SELECT coalesce(sum(sex = 'female'), 0), coalesce(sum(sex = 'male'), 0), coalesce(sum(sex IS NULL), 0)
        FROM people WHERE id IN (SELECT p.person_id {CAME})""",
    f"""SELECT count(*) FROM participants p JOIN delegations g ON p.delegation_id = g.id
        WHERE g.dialogue_id IN ({SELECTED}) AND p.status IN ('invited', 'confirmed')""",
    f"""SELECT count(*) FROM dialogues d WHERE d.id IN ({SELECTED}) AND (
        EXISTS (SELECT 1 FROM delegations g WHERE g.dialogue_id = d.id AND g.programme_supported = 1)
        OR EXISTS (SELECT 1 FROM participants p JOIN delegations g ON p.delegation_id = g.id
                   WHERE g.dialogue_id = d.id AND p.programme_funded = 1 AND {ATTENDED}))""",
    f"""SELECT coalesce(sum(status = 'open'), 0), coalesce(sum(status = 'done'), 0),
        coalesce(sum(status = 'open' AND due_date < :today), 0) FROM actions WHERE dialogue_id IN ({SELECTED})""",
]
DIALOGUES_SQL = f"""
SELECT d.start_date, d.end_date, d.title, d.series, d.kind, d.city, d.country,
       d.chair_type, d.chair_country, d.chair_organisation,
       coalesce(g.n, 0), coalesce(p.n, 0), coalesce(p.women, 0), coalesce(p.men, 0), d.status
FROM dialogues d
LEFT JOIN (SELECT dialogue_id, count(id) AS n FROM delegations GROUP BY dialogue_id) g ON g.dialogue_id = d.id
LEFT JOIN (SELECT g.dialogue_id, count(p.id) AS n, coalesce(sum(s.sex = 'female'), 0) AS women,
                  coalesce(sum(s.sex = 'male'), 0) AS men
           FROM participants p JOIN delegations g ON p.delegation_id = g.id JOIN people s ON p.person_id = s.id
           WHERE {ATTENDED} GROUP BY g.dialogue_id) p ON p.dialogue_id = d.id
WHERE d.id IN ({SELECTED}) ORDER BY d.start_date, d.title, d.id"""
YEARS_SQL = f"""
SELECT CAST(strftime('%Y', d.start_date) AS INTEGER) AS year, count(*),
       (SELECT count(*) FROM delegations g JOIN dialogues e ON g.dialogue_id = e.id
        WHERE e.id IN ({SELECTED}) AND strftime('%Y', e.start_date) = strftime('%Y', d.start_date))
FROM dialogues d WHERE d.id IN ({SELECTED}) GROUP BY year ORDER BY year"""
YEAR_PEOPLE_SQL = f"""
SELECT CAST(strftime('%Y', d.start_date) AS INTEGER) AS year, count(p.id), count(DISTINCT p.person_id),
       coalesce(sum(s.sex = 'female'), 0), coalesce(sum(s.sex = 'male'), 0), coalesce(sum(s.sex IS NULL), 0),
       coalesce(sum(p.programme_funded = 1), 0)
FROM participants p JOIN delegations g ON p.delegation_id = g.id JOIN people s ON p.person_id = s.id
JOIN dialogues d ON g.dialogue_id = d.id WHERE d.id IN ({SELECTED}) AND {ATTENDED} GROUP BY year"""
PARTICIPATION_SQL = f"""
SELECT {PARTY_KEY} AS party, min(g.party_type), min(g.party_country), min(g.party_organisation),
       group_concat(DISTINCT g.side), count(DISTINCT g.dialogue_id), count(DISTINCT g.id), count(p.id),
       coalesce(sum(s.sex = 'female'), 0), coalesce(sum(s.sex = 'male'), 0),
       coalesce(sum(p.id IS NOT NULL AND s.sex IS NULL), 0),
       coalesce(sum(p.id IS NOT NULL AND g.programme_supported = 1), 0)
FROM delegations g LEFT JOIN participants p ON p.delegation_id = g.id AND {ATTENDED}
LEFT JOIN people s ON p.person_id = s.id
WHERE g.dialogue_id IN ({SELECTED}) GROUP BY party"""
PARTICIPANTS_SQL = f"""
SELECT d.start_date, d.title, g.party_type, g.party_country, g.party_organisation, g.side, s.name, s.sex, i.name,
       p.position, p.role, p.status, p.programme_funded
FROM participants p JOIN delegations g ON p.delegation_id = g.id JOIN people s ON p.person_id = s.id
JOIN dialogues d ON g.dialogue_id = d.id LEFT JOIN institutions i ON p.institution_id = i.id
WHERE d.id IN ({SELECTED}) ORDER BY d.start_date, d.title, g.sort_order, p.sort_order"""
TOPICS_SQL = f"""
SELECT name, count(DISTINCT dialogue_id) AS n FROM dialogue_topics WHERE dialogue_id IN ({SELECTED})
GROUP BY name ORDER BY n DESC, name"""
ACTIONS_SQL = f"""
SELECT d.title, a.description, a.owner, a.due_date, a.status FROM actions a JOIN dialogues d ON a.dialogue_id = d.id
WHERE d.id IN ({SELECTED})
ORDER BY a.status != 'open', a.due_date IS NULL, a.due_date, d.start_date, d.title, a.sort_order"""

SUMMARY_METRICS = (
    "Period from", "Period to", "Dialogues", "Delegations", "Participants", "Unique people", "Women", "Men",
    "Sex not recorded", "Countries represented", "Organisations represented", "Programme-supported delegations",
    "Programme-supported participants", "Drafts included", "Invited", "Unique women", "Unique men",
    "Unique people, sex not recorded", "Partner-side participants", "EU-side participants",
    "Programme-funded participants", "Programme-funded women", "Programme-funded men",
    "Dialogues supported by the programme", "Institutions represented", "Actions open", "Actions done",
    "Actions overdue",
)


def _party(kind: str | None, code: str | None, organisation: str | None) -> str:
    if kind is None:
        return ""
    return country_name(code or "") if kind == "country" else (organisation or "")


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def write_report_baseline(db_path: Path, target: Path, today: date | None = None) -> None:
    """The seven sheets of contract v2 from raw SQL into a write-only workbook."""
    today = today or date.today()
    connection = sqlite3.connect(db_path)
    try:
        first, last, count = connection.execute(SUMMARY_SQL[0]).fetchone()
        delegations, countries, organisations, supported_delegations = connection.execute(SUMMARY_SQL[1]).fetchone()
        (participants, unique, women, men, unknown, supported, partner, eu, funded, funded_women, funded_men,
         institutions) = connection.execute(SUMMARY_SQL[2]).fetchone()
        unique_women, unique_men, unique_unknown = connection.execute(SUMMARY_SQL[3]).fetchone()
        invited = connection.execute(SUMMARY_SQL[4]).fetchone()[0]
        dialogues_supported = connection.execute(SUMMARY_SQL[5]).fetchone()[0]
        actions_open, actions_done, overdue = connection.execute(SUMMARY_SQL[6],
                                                                 {"today": today.isoformat()}).fetchone()
        summary = (_day(first), _day(last), count, delegations, participants, unique, women, men, unknown, countries,
                   organisations, supported_delegations, supported, 0, invited, unique_women, unique_men,
                   unique_unknown, partner, eu, funded, funded_women, funded_men, dialogues_supported, institutions,
                   actions_open, actions_done, overdue)
        dialogues = [(_day(s), _day(e), title, series, KIND.get(kind, kind), city, country_name(country),
                      _party(ct, cc, co), ng, np_, w, mn, STATUS.get(status, status))
                     for s, e, title, series, kind, city, country, ct, cc, co, ng, np_, w, mn, status
                     in connection.execute(DIALOGUES_SQL)]
        people_of_year = {row[0]: row[1:] for row in connection.execute(YEAR_PEOPLE_SQL)}
        years = [(year, n, ng, *people_of_year.get(year, (0, 0, 0, 0, 0, 0)))
                 for year, n, ng in connection.execute(YEARS_SQL)]
        participation = sorted(
            ((key[2:] if key.startswith("o:") else _party(t, c, o),
              ", ".join(SIDE.get(x, x) for x in sorted((sides or "").split(",")) if x), nd, ng, np_, w, mn, u, sp)
             for key, t, c, o, sides, nd, ng, np_, w, mn, u, sp in connection.execute(PARTICIPATION_SQL)),
            key=lambda row: (-row[4], row[0].casefold()))
        people = [(_day(start), title, _party(t, c, o), SIDE.get(side, side), name, sex, institution, position, role,
                   status, "Yes" if funded else "No")
                  for start, title, t, c, o, side, name, sex, institution, position, role, status, funded
                  in connection.execute(PARTICIPANTS_SQL)]
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
        ("Years", ("Year", "Dialogues", "Delegations", "Participants", "Unique people", "Women", "Men",
                   "Sex not recorded", "Programme-funded participants"), years),
        ("Participation", ("Party", "Side", "Dialogues attended", "Delegations", "Participants", "Women", "Men",
                           "Sex not recorded", "Programme-supported participants"), participation),
        ("Participants", ("Start date", "Dialogue", "Party", "Side", "Name", "Sex", "Institution", "Position",
                          "Role", "Status", "Programme-funded"), people),
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
