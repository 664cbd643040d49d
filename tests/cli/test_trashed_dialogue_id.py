"""`document --dialogue ID` and `import-list --dialogue ID` naming a dialogue that is in the trash.

Both said "No dialogue has an id starting with “6128a9fc”" — an id the officer had just copied from
`list --trash`, told it does not exist. Now the sentence says the dialogue is in the trash.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from tests.services.registration_files import ENGLISH_HEADER, write_csv

ASTANA = "6128a9fc-5b06-5907-a120-55ec2d1ced2b"


@pytest.mark.parametrize("command", [["document", "participant-list", "--dialogue", ASTANA[:8], "-o", "{tmp}/p.pdf"],
                                     ["import-list", "{tmp}/list.csv", "--dialogue", ASTANA[:8]]])
def test_an_id_of_a_dialogue_in_the_trash_is_said_to_be_in_the_trash(tmp_path: Path, capsys,
                                                                     command: list[str]) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    database = open_database(db)
    try:
        DialogueRepository(database).delete(ASTANA)
    finally:
        database.close()
    write_csv(tmp_path / "list.csv", [ENGLISH_HEADER, ("Erlan Usenov", "Expert", "Customs", "Kazakhstan", "M", "")])
    capsys.readouterr()
    assert main(["--db", str(db), *[part.replace("{tmp}", str(tmp_path)) for part in command]]) == 1
    said = capsys.readouterr().err
    assert "in the trash" in said and "No dialogue has an id" not in said, said
    assert not (tmp_path / "p.pdf").exists()
