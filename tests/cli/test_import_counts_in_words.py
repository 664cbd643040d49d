"""`import` says its counts as an officer would, in the language of --lang (round 18).

`import` printed "Added: 1 dialogues, 1 people, 0 institutions" (the window the same, translated, with
the number after a dash in Russian). A count now agrees with its noun in English (1 dialogue, 2
dialogues; 1 person, 2 people) and takes Russian's three forms (1 и 21 диалог, 2 диалога, 0 и 5
диалогов), from the one `counted` the rest of the command line uses.
Russian is run through the console script: it loads the window's catalogue, which this process keeps English.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.cli.test_cli import run
from tests.factories import add_institution, add_people, make_dialogue


def bundle_of(tmp_path: Path, dialogues: int, people: int, institutions: int) -> Path:
    """An exchange bundle holding exactly these numbers of records."""
    source = tmp_path / f"source-{dialogues}-{people}-{institutions}.sqlite3"
    database = open_database(source)
    try:
        add_people(database, *(f"Person {n}" for n in range(people)))
        for n in range(institutions):
            add_institution(database, f"Ministry {n}")
        for n in range(dialogues):
            DialogueRepository(database).save(make_dialogue(f"Meeting {n}", delegations=()))
    finally:
        database.close()
    bundle = source.with_suffix(".json")
    assert main(["--db", str(source), "export", "-o", str(bundle)]) == 0
    return bundle


@pytest.mark.parametrize(("counts", "english", "russian"), [
    ((1, 2, 5), "Added: 1 dialogue, 2 people, 5 institutions", "Добавлено: 1 диалог, 2 человека, 5 учреждений"),
    ((21, 21, 21), "Added: 21 dialogues, 21 people, 21 institutions",
     "Добавлено: 21 диалог, 21 человек, 21 учреждение"),
], ids=["1-2-5", "21-21-21"])
def test_import_says_each_count_with_its_noun_in_english_and_in_russian(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], counts: tuple[int, int, int], english: str,
        russian: str) -> None:
    bundle = bundle_of(tmp_path, *counts)
    capsys.readouterr()
    target = tmp_path / "ours.sqlite3"
    assert main(["--db", str(target), "import", "--dry-run", str(bundle)]) == 0
    said = capsys.readouterr().out.splitlines()
    assert english in said and "Updated: 0 dialogues, 0 people, 0 institutions" in said, said

    done = run("--db", str(target), "--lang", "ru", "import", str(bundle))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "Импорт завершён."
    assert russian in lines and "Обновлено: 0 диалогов, 0 человек, 0 учреждений" in lines, lines
    assert not any(word in done.stdout for word in ("Added", "dialogues", "people")), done.stdout
