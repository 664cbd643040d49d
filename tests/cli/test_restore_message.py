"""`restore FILE` says it kept a copy of the replaced database only when there was one to keep.

Restoring onto a database file that did not exist yet (a new computer, `--db` naming a new file) said
"the replaced database was kept in the backups folder" — no database was replaced and no backups
folder was made, so the officer was told of a copy that does not exist.
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli import main
from desktop_app.services.backups import list_backups


def test_restore_onto_a_new_file_claims_no_kept_copy_and_onto_an_old_one_does(tmp_path: Path, capsys) -> None:
    source = tmp_path / "source.sqlite3"
    assert main(["--db", str(source), "demo"]) == 0
    backup = tmp_path / "copy.sqlite3"
    assert main(["--db", str(source), "backup", "-o", str(backup)]) == 0
    capsys.readouterr()

    new = tmp_path / "laptop" / "dialogues.sqlite3"
    new.parent.mkdir()
    assert main(["--db", str(new), "restore", str(backup)]) == 0
    said = capsys.readouterr().out
    assert "Restored 4 dialogues" in said and "kept" not in said, said
    assert list_backups(new) == []

    assert main(["--db", str(new), "restore", str(backup)]) == 0
    said = capsys.readouterr().out
    assert "the replaced database was kept in the backups folder" in said, said
    assert [info.reason for info in list_backups(new)] == ["before-restore"]
