"""A report whose records change between its count and its Participants table (a save in the window
while `report` runs, or the window's report dialog waiting while a command imports).

The figures are counted in one read; the Participants table (XLSX, HTML) is read again, as a stream,
while the file is written. A save in between made one workbook disagree with itself: the Summary
said 14 participants and the Participants sheet listed 13 — silently. Now the stream sees that the
records changed since the count and the report is refused with one sentence; no file is written.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.errors import UserError
from desktop_app.services.report import ReportSelection, build_report, write_report
from desktop_app.services.report.build import for_format
from desktop_app.services.samples import load_samples

# no traceback after the sentence (openpyxl's abandoned generators)
pytestmark = pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
BISHKEK = "15d174be-87db-52cb-95fb-699aebf11261"  # 2022, 9 participants


@pytest.mark.parametrize("kind", ["xlsx", "html"])
def test_a_save_between_the_count_and_the_participants_table_refuses_the_report(database, db_path, tmp_path: Path,
                                                                                 kind: str) -> None:
    load_samples(database)
    report = build_report(database, ReportSelection(), language="en", **for_format(kind))
    window = open_database(db_path)  # another connection: the window, saving meanwhile
    try:
        repository = DialogueRepository(window)
        stored = repository.get(BISHKEK)
        first = stored.delegations[0]
        repository.save(replace(stored, delegations=(replace(first, participants=()), *stored.delegations[1:])))
    finally:
        window.close()
    target = tmp_path / f"report.{kind}"
    with pytest.raises(UserError, match="changed while the report"):
        write_report(report, target, kind)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if "report" in p.name] == []  # no partial file either


def test_a_report_nobody_changed_meanwhile_is_written_whole(database, tmp_path: Path) -> None:
    load_samples(database)
    report = build_report(database, ReportSelection(), language="en", **for_format("xlsx"))
    target = write_report(report, tmp_path / "report.xlsx", "xlsx")
    workbook = openpyxl.load_workbook(target)
    summary = {row[0]: row[1] for row in workbook["Summary"].iter_rows(min_row=2, values_only=True)}
    attended = [row for row in workbook["Participants"].iter_rows(min_row=2, values_only=True) if row[9] == "Attended"]
    assert summary["Participants"] == len(attended)
