"""`import` and `import-list` say their counts as an officer would, in the language of --lang (round 18).

`import` printed "Added: 1 dialogues, 1 people, 0 institutions" (the window the same, translated, with
the number after a dash in Russian), and `import-list` printed English under `--lang ru`. A count now
agrees with its noun in English (1 dialogue, 2 dialogues; 1 person, 2 people) and takes Russian's
three forms (1 и 21 диалог, 2 диалога, 0 и 5 диалогов), from the one `counted` the rest of the
command line uses. Russian is run through the console script: it loads the window's catalogue,
which this test process keeps English.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.cli.test_cli import digest, run
from tests.factories import add_institution, add_people, make_dialogue
from tests.services.registration_files import ENGLISH_HEADER, write_csv


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


def test_import_list_speaks_russian_under_lang_ru_counts_and_refusals_alike(tmp_path: Path) -> None:
    db = tmp_path / "dialogues.sqlite3"
    database = open_database(db)
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=()))
    database.close()
    sheet = write_csv(tmp_path / "list.csv", [
        ENGLISH_HEADER,
        ("Erlan Kasymov", "Expert", "Ministry of Health", "KZ", "M", ""),
        ("Dana Ospanova", "Adviser", "Ministry of Health", "KZ", "F", ""),
        ("Timur Hasanov", "Expert", "Drug Control Agency", "Narnia", "M", "")])
    before = digest(db)

    dry = run("--db", str(db), "--lang", "ru", "import-list", str(sheet), "--dialogue", dialogue.id, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert digest(db) == before
    assert dry.stdout.splitlines() == [
        "отложено: Строка 4: «Narnia» — неизвестная страна или организация.",
        f"Пробный запуск: ничего не записано. Импорт списка в «{dialogue.title}» дал бы:",
        "Добавлено: 2 участника (2 новых человека, уже известных — 0), 1 новая делегация, 1 новое учреждение.",
        "Отложено строк: 1 (перечислены выше); исправьте их или примите решение и импортируйте список снова.",
    ], dry.stdout

    english = run("--db", str(db), "import-list", str(sheet), "--dialogue", dialogue.id, "--dry-run")
    assert "Added 2 participants (2 new people, 0 already known), 1 new delegation, 1 new institution." in (
        english.stdout.splitlines()), english.stdout
    assert "Rows set aside: 1 (listed above)" in english.stdout

    headless = write_csv(tmp_path / "no-country.csv", [("Name", "Position"), ("Erlan Kasymov", "Expert")])
    refused = run("--db", str(db), "--lang", "ru", "import-list", str(headless), "--dialogue", dialogue.id)
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.startswith("dialogue-register: В списке нет столбца страны"), refused.stderr
