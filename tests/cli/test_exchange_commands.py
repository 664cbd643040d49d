"""`dialogue-register conflicts` and `import-list` through the console script (issue 15)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.cli.test_cli import run
from tests.factories import add_people, make_dialogue
from tests.services.registration_files import ENGLISH_HEADER, write_xlsx


def test_import_list_sets_bad_rows_aside_lists_probable_matches_and_is_a_local_edit(tmp_path: Path) -> None:
    db = tmp_path / "dialogues.sqlite3"
    database = open_database(db)
    add_people(database, "Aigerim Zhumabayeva")
    dialogue = DialogueRepository(database).save(make_dialogue(delegations=()))
    database.close()
    path = write_xlsx(tmp_path / "list.xlsx", [
        ENGLISH_HEADER,
        ("Aigerim Zhumabaeva-Sultanova", "Head of Unit", "Ministry of Health", "KZ", "F", None),
        ("Timur Hasanov", "Expert", "Drug Control Agency", "Narnia", "M", None),
        ("Erlan Kasymov", "Expert", "Ministry of Health", "KZ", "M", None)])
    dry = run("--db", str(db), "import-list", str(path), "--dialogue", dialogue.id, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "set aside: Row 3" in dry.stdout and "nothing was written" in dry.stdout
    done = run("--db", str(db), "--officer", "Aigul", "import-list", str(path), "--dialogue", dialogue.id)
    assert done.returncode == 0, done.stderr
    # the probable match is set aside and listed, neither reused nor added as a likely duplicate (issue 16)
    alike = re.search(r"set aside: Row 2: “Aigerim Zhumabaeva-Sultanova” may be Aigerim Zhumabayeva \((\d+)% alike\)",
                      done.stdout)
    assert alike is not None and 50 <= int(alike.group(1)) < 100, done.stdout  # a percentage, not 8700%
    assert "Rows set aside: 2 (listed above)" in done.stdout
    exported = tmp_path / "out.json"
    assert run("--db", str(db), "export", "-o", str(exported)).returncode == 0
    record = json.loads(exported.read_text(encoding="utf-8"))["dialogues"][0]
    assert sum(len(d["participants"]) for d in record["delegations"]) == 1  # Erlan Kasymov only
    assert record["edited_by"] == "Aigul"
    assert run("--db", str(db), "conflicts").stdout.strip() == "No conflicts wait."


def test_a_newer_bundle_is_refused_with_a_sentence_asking_to_update(tmp_path: Path) -> None:
    bundle = tmp_path / "future.json"
    bundle.write_text(json.dumps({"format": "dialogue-register/bundle", "version": 3, "program_version": "2.0.0",
                                  "exported_at": "2030-01-01T00:00:00Z", "people": [], "institutions": [],
                                  "dialogues": []}), encoding="utf-8")
    result = run("--db", str(tmp_path / "d.sqlite3"), "import", str(bundle))
    assert result.returncode == 1
    assert "made by a newer Dialogue Register (version 2.0.0); update to import it" in result.stderr
