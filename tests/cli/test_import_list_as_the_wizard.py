"""`import-list` does what the wizard does with the same list, and `--dry-run` says what the real run does.

Round 16: the command dropped every row naming someone already in the meeting before importing, so
(1) a list's attendance or position for them was never taken (the wizard and the user guide take
it), (2) the same list imported twice ended "The list has no participants to add." with exit 1
although the guide says it adds nothing, and (3) the dry run counted the rows it would hand on
("4 participants would be added", exit 0) where the real run then refused the list or created
delegations, people and institutions the dry run never mentioned. Now the command hands every
readable row to the one import (`registration.writing.import_list`), and the dry run is that import
rehearsed and rolled back, printing the same summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.enums import ParticipationStatus
from desktop_app.domain.records import Dialogue
from desktop_app.services.people_duplicates import all_people
from tests.cli.test_cli import digest
from tests.services.registration_files import write_csv

ASTANA = "6128a9fc"  # the demo's expert meeting of April 2024, already held
HEADER = ("Name", "Position", "Institution", "Country", "Sex", "Status")


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def _import(db: Path, sheet: Path, capsys, *extra: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), "import-list", str(sheet), "--dialogue", ASTANA, *extra])
    said = capsys.readouterr()
    return code, said.out, said.err


def _astana(db: Path) -> Dialogue:
    database = open_database(db)
    try:
        repository = DialogueRepository(database)
        return repository.get(next(row.id for row in repository.page(limit=10).rows if row.id.startswith(ASTANA)))
    finally:
        database.close()


def _summary(out: str) -> str:
    """The import's own summary line: what was added, known, created and skipped."""
    return next(line for line in out.splitlines() if line.startswith("Added ") and " already known)" in line)


def test_the_dry_run_prints_what_the_real_run_then_does_and_writes_nothing(demo_db: Path, tmp_path: Path,
                                                                          capsys) -> None:
    sheet = write_csv(tmp_path / "list.csv", [HEADER,
                                              ("Erlan Usenov", "Expert", "Customs Service", "Kyrgyzstan", "M", ""),
                                              ("Dana Ospanova", "Adviser", "Ministry of Health", "KZ", "F", ""),
                                              ("Nobody Known", "", "", "Narnia", "", "")])
    before = digest(demo_db)
    code, dry, err = _import(demo_db, sheet, capsys, "--dry-run")
    assert code == 0, err
    assert digest(demo_db) == before
    assert "nothing was written" in dry.lower() and "set aside: Row 4" in dry
    code, real, err = _import(demo_db, sheet, capsys)
    assert code == 0, err
    assert _summary(dry) == _summary(real), (dry, real)
    assert "1 new delegation," in _summary(real) and "2 new institutions" in _summary(real)


def test_the_same_list_twice_adds_nothing_and_exits_0_in_both_runs(demo_db: Path, tmp_path: Path, capsys) -> None:
    sheet = write_csv(tmp_path / "list.csv", [HEADER, ("Erlan Usenov", "Expert", "Customs Service", "KZ", "M", "")])
    assert _import(demo_db, sheet, capsys)[0] == 0
    before = _astana(demo_db)
    code, dry, err = _import(demo_db, sheet, capsys, "--dry-run")
    assert code == 0, err
    code, again, err = _import(demo_db, sheet, capsys)
    assert code == 0, err
    assert "Added 0 participants" in _summary(again) and "skipped 1 participant already in the dialogue" in again
    assert _summary(dry) == _summary(again)
    assert _astana(demo_db) == before  # the same record at the same revision


def test_a_list_marking_someone_already_in_the_meeting_absent_is_taken_as_in_the_wizard(
        demo_db: Path, tmp_path: Path, capsys) -> None:
    sheet = write_csv(tmp_path / "list.csv", [HEADER, ("Aigerim Zhumabayeva", "", "", "KZ", "", "absent")])
    code, out, err = _import(demo_db, sheet, capsys)
    assert code == 0, err
    assert "had their attendance or position updated" in out, out
    stored = _astana(demo_db)
    database = open_database(demo_db)
    try:
        people = {p.id: p.name for p in all_people(database)}
    finally:
        database.close()
    assert {people[p.person_id]: p.status for d in stored.delegations for p in d.participants}[
        "Aigerim Zhumabayeva"] is ParticipationStatus.ABSENT


@pytest.mark.parametrize(("rows", "says"), [
    ([("Country", "Position"), ("KZ", "Expert")], "No column of names was recognised"),
    ([("Surname", "Country"), ("Ivanov", "KZ")], "No column of names was recognised"),
    ([("Name", "Position"), ("Ivan Ivanov", "Expert"), ("Dana Serik", "Adviser")], "The list has no country column"),
])
def test_a_list_without_a_column_the_command_needs_is_one_sentence_about_the_list(
        demo_db: Path, tmp_path: Path, capsys, rows, says: str) -> None:
    """Round 16: the command answered in the wizard's words — "Choose the column that holds the names",
    or per row "no country column is chosen and no delegation is given for the whole list" — though
    nothing can be chosen on the command line. Now one sentence says what the list lacks and where it
    can be chosen instead."""
    sheet = write_csv(tmp_path / "list.csv", rows)
    code, out, err = _import(demo_db, sheet, capsys)
    assert code == 1 and out == "" and err.count("\n") == 1, (out, err)
    assert says in err and "in the window" in err and "Choose the column" not in err, err
