"""The plain floor of the XLSX report (issue 19): the same aggregates in SQL, one query a sheet, written
with openpyxl's write-only mode into the same seven sheets, with nothing else.

What "plain" leaves out, on purpose: no ORM, no `Report` object, no translation, no column widths,
no frozen header or filter, no styles but the date format openpyxl gives a date by itself. What it
keeps, so that both sides do the same work: the counting rules of contract §3 v2 (final dialogues
not in the trash; person figures count attended participations; EMCDDA and EUDA one party; carried
actions neither open nor done), real numbers and dates, text a spreadsheet could evaluate written as
text. `benchmarks/report_baseline.py` (issue 7's baseline, several queries a sheet with the
program's styling of dates) stays beside it; `make bench` quotes the program against both.

    .venv/bin/python benchmarks/floor_report.py DATABASE OUT.xlsx
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.report_baseline import SUMMARY_METRICS  # noqa: E402
from desktop_app.domain.reference import country_name  # noqa: E402

RISKY = ("=", "+", "-", "@", "\t", "\r")
SELECTED = "SELECT id, start_date, title FROM dialogues WHERE deleted_at IS NULL AND status = 'final'"
PARTY = """CASE WHEN g.party_type = 'country' THEN 'c:' || g.party_country
    WHEN lower(g.party_organisation) IN ('european monitoring centre for drugs and drug addiction', 'emcdda', 'euda',
                                         'european union drugs agency') THEN 'o:European Union Drugs Agency'
    ELSE 'o:' || g.party_organisation END"""
# every dialogue of the selection with its delegations and their attended participations (NULLs where
# there are none), made once into a temporary table that the aggregates of four sheets read
CAME = f"""CREATE TEMP TABLE came AS
    SELECT sel.id AS dialogue_id, sel.start_date, g.id AS delegation_id, {PARTY} AS party, g.party_type, g.side,
           g.programme_supported AS supported, p.id AS participation, p.person_id, p.institution_id,
           p.programme_funded AS funded, s.sex
    FROM ({SELECTED}) sel LEFT JOIN delegations g ON g.dialogue_id = sel.id
    LEFT JOIN participants p ON p.delegation_id = g.id AND p.status = 'attended'
    LEFT JOIN people s ON s.id = p.person_id"""

SUMMARY = f"""
SELECT min(start_date), max(start_date), count(DISTINCT dialogue_id),
       count(DISTINCT delegation_id), count(participation), count(DISTINCT person_id),
       total(sex = 'female'), total(sex = 'male'), total(participation IS NOT NULL AND sex IS NULL),
       count(DISTINCT CASE WHEN party_type = 'country' THEN party END),
       count(DISTINCT CASE WHEN party_type = 'organisation' THEN party END),
       (SELECT count(*) FROM delegations g JOIN ({SELECTED}) sel ON g.dialogue_id = sel.id
        WHERE g.programme_supported = 1),
       total(participation IS NOT NULL AND supported = 1), 0,
       (SELECT count(*) FROM participants p JOIN delegations g ON p.delegation_id = g.id
        JOIN ({SELECTED}) sel ON g.dialogue_id = sel.id WHERE p.status IN ('invited', 'confirmed')),
       (SELECT total(sex = 'female') FROM (SELECT DISTINCT person_id, sex FROM came)),
       (SELECT total(sex = 'male') FROM (SELECT DISTINCT person_id, sex FROM came)),
       (SELECT total(person_id IS NOT NULL AND sex IS NULL) FROM (SELECT DISTINCT person_id, sex FROM came)),
       total(participation IS NOT NULL AND side = 'partner'), total(participation IS NOT NULL AND side = 'eu'),
       total(funded = 1), total(funded = 1 AND sex = 'female'), total(funded = 1 AND sex = 'male'),
       count(DISTINCT CASE WHEN supported = 1 OR funded = 1 THEN dialogue_id END),
       count(DISTINCT institution_id),
       (SELECT total(a.status = 'open') FROM actions a JOIN ({SELECTED}) sel ON a.dialogue_id = sel.id),
       (SELECT total(a.status = 'done') FROM actions a JOIN ({SELECTED}) sel ON a.dialogue_id = sel.id),
       (SELECT total(a.status = 'open' AND a.due_date < :today) FROM actions a
        JOIN ({SELECTED}) sel ON a.dialogue_id = sel.id)
FROM came"""
DIALOGUES = """
SELECT d.start_date, d.end_date, d.title, d.series, d.kind, d.city, d.country, d.chair_type, d.chair_country,
       d.chair_organisation, c.delegations, c.participants, c.women, c.men, d.status
FROM (SELECT dialogue_id, count(DISTINCT delegation_id) AS delegations, count(participation) AS participants,
             total(sex = 'female') AS women, total(sex = 'male') AS men FROM came GROUP BY dialogue_id) c
JOIN dialogues d ON d.id = c.dialogue_id ORDER BY d.start_date, d.title, d.id"""
YEARS = """
SELECT CAST(substr(start_date, 1, 4) AS INTEGER) AS year, count(DISTINCT dialogue_id), count(DISTINCT delegation_id),
       count(participation), count(DISTINCT person_id), total(sex = 'female'), total(sex = 'male'),
       total(participation IS NOT NULL AND sex IS NULL), total(funded = 1)
FROM came GROUP BY year ORDER BY year"""
PARTICIPATION = """
SELECT party, group_concat(DISTINCT side), count(DISTINCT dialogue_id), count(DISTINCT delegation_id),
       count(participation), total(sex = 'female'), total(sex = 'male'),
       total(participation IS NOT NULL AND sex IS NULL), total(participation IS NOT NULL AND supported = 1)
FROM came WHERE party IS NOT NULL GROUP BY party ORDER BY count(participation) DESC, party"""
PARTICIPANTS = f"""WITH sel AS ({SELECTED})
SELECT sel.start_date, sel.title, {PARTY}, g.side, s.name, s.sex, i.name, p.position, p.role, p.status,
       p.programme_funded
FROM sel JOIN delegations g ON g.dialogue_id = sel.id JOIN participants p ON p.delegation_id = g.id
JOIN people s ON s.id = p.person_id LEFT JOIN institutions i ON i.id = p.institution_id
ORDER BY sel.start_date, sel.title, g.sort_order, p.sort_order"""
TOPICS = f"""WITH sel AS ({SELECTED})
SELECT t.name, count(DISTINCT t.dialogue_id) AS n FROM dialogue_topics t JOIN sel ON sel.id = t.dialogue_id
GROUP BY t.name ORDER BY n DESC, t.name"""
ACTIONS = f"""WITH sel AS ({SELECTED})
SELECT sel.title, a.description, a.owner, a.due_date, a.status FROM actions a JOIN sel ON sel.id = a.dialogue_id
ORDER BY a.status != 'open', a.due_date IS NULL, a.due_date, sel.start_date, sel.title, a.sort_order"""

SHEETS = (
    ("Summary", ("Metric", "Value")),
    ("Dialogues", ("Start date", "End date", "Title", "Series", "Kind", "City", "Country", "Chair", "Delegations",
                   "Participants", "Women", "Men", "Status")),
    ("Years", ("Year", "Dialogues", "Delegations", "Participants", "Unique people", "Women", "Men",
               "Sex not recorded", "Programme-funded participants")),
    ("Participation", ("Party", "Side", "Dialogues attended", "Delegations", "Participants", "Women", "Men",
                       "Sex not recorded", "Programme-supported participants")),
    ("Participants", ("Start date", "Dialogue", "Party", "Side", "Name", "Sex", "Institution", "Position", "Role",
                      "Status", "Programme-funded")),
    ("Topics", ("Topic", "Dialogues")),
    ("Actions", ("Dialogue", "Action", "Owner", "Due date", "Status")),
)
METRICS = SUMMARY_METRICS  # the contract's Summary rows, in its order: one list for both baselines


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _party(key: str | None) -> str:
    """'c:KZ' → Kazakhstan, 'o:Europol' → Europol."""
    if not key:
        return ""
    return country_name(key[2:]) if key.startswith("c:") else key[2:]


def _chair(kind: str | None, code: str | None, organisation: str | None) -> str:
    if kind is None:
        return ""
    return country_name(code or "") if kind == "country" else (organisation or "")


def write_floor_report(db_path: Path, target: Path, today: date | None = None) -> None:
    """Seven sheets from one temporary table and seven queries into a write-only workbook."""
    today = today or date.today()
    workbook = Workbook(write_only=True)
    sheets = {name: workbook.create_sheet(name) for name, _ in SHEETS}
    for name, header in SHEETS:
        sheets[name].append(list(header))

    def text(sheet: Any, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(RISKY):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"
            cell.quotePrefix = True
            return cell
        return value

    connection = sqlite3.connect(db_path)
    try:
        connection.execute(CAME)
        summary = list(connection.execute(SUMMARY, {"today": today.isoformat()}).fetchone())
        summary[0], summary[1] = _day(summary[0]), _day(summary[1])
        for metric, value in zip(METRICS, summary, strict=True):
            sheets["Summary"].append([metric, int(value) if isinstance(value, float) else value])
        sheet = sheets["Dialogues"]
        for start, end, title, series, kind, city, country, ct, cc, co, ng, np_, w, mn, status in connection.execute(
                DIALOGUES):
            sheet.append([_day(start), _day(end), text(sheet, title), series, kind, city, country_name(country),
                          _chair(ct, cc, co), ng, np_, int(w), int(mn), status])
        sheet = sheets["Years"]
        for row in connection.execute(YEARS):
            sheet.append([int(v) for v in row])
        sheet = sheets["Participation"]
        for party, sides, *counts in connection.execute(PARTICIPATION):
            sheet.append([_party(party), sides, *(int(v) for v in counts)])
        sheet = sheets["Participants"]
        for start, title, party, side, name, sex, institution, position, role, status, funded in connection.execute(
                PARTICIPANTS):
            sheet.append([_day(start), text(sheet, title), _party(party), side, text(sheet, name), sex,
                          text(sheet, institution), text(sheet, position), role, status, "Yes" if funded else "No"])
        sheet = sheets["Topics"]
        for topic, count in connection.execute(TOPICS):
            sheet.append([text(sheet, topic), count])
        sheet = sheets["Actions"]
        for title, description, owner, due, status in connection.execute(ACTIONS):
            sheet.append([text(sheet, title), text(sheet, description), text(sheet, owner), _day(due), status])
    finally:
        connection.close()
    workbook.save(target)


if __name__ == "__main__":
    write_floor_report(Path(sys.argv[1]), Path(sys.argv[2]))
