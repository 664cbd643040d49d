"""Round 18: the report lists a day's dialogues alphabetically whatever the case ("alpha" before
"Zebra", «арка» before «Борт»); SQLite's order put capitals first, as it compares code points. Titles
equal but for case keep one order (the exact text, then the record's id), so every run and every
format prints the same order: the Dialogues table, the annex, and actions of one due date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.db.unit_of_work import Database
from desktop_app.domain import records as r
from desktop_app.services.report import build_report, write_report
from desktop_app.services.report.build import for_format
from tests.factories import make_dialogue

DAY = date(2024, 3, 5)
SAVED = (("Zebra meeting", DAY), ("Борт", DAY), ("alpha meeting", DAY), ("арка", DAY), ("Арка", DAY),
         ("Яблоко", date(2024, 3, 4)))  # the day before: the date still comes first
IN_ORDER = ["Яблоко", "alpha meeting", "Zebra meeting", "Арка", "арка", "Борт"]


@pytest.fixture
def one_day(database: Database) -> Database:
    repository = DialogueRepository(database)
    for title, day in SAVED:
        actions = (r.Action(f"Follow up {title}", due_date=date(2024, 9, 1)),) if day == DAY else ()
        repository.save(make_dialogue(title, start_date=day, actions=actions))
    return database


@pytest.mark.parametrize("kind", ["xlsx", "html"])  # without the annex (read in batches), and with it
def test_a_days_dialogues_are_in_alphabetical_order_whatever_the_case(one_day: Database, tmp_path: Path,
                                                                       kind: str) -> None:
    report = build_report(one_day, today=date(2024, 12, 1), **for_format(kind))
    assert [line.title for line in report.dialogues] == IN_ORDER
    assert [action.dialogue for action in report.actions] == IN_ORDER[1:]  # one status, one due date
    if kind == "html":
        assert [section.line.title for section in report.sections] == IN_ORDER
        return
    book = load_workbook(write_report(report, tmp_path / "r.xlsx"))
    assert [row[2] for row in book["Dialogues"].iter_rows(min_row=2, values_only=True)] == IN_ORDER
    assert [row[0] for row in book["Actions"].iter_rows(min_row=2, values_only=True)] == IN_ORDER[1:]
