"""`import-list`: a row set aside by a rule whose sentence has its own full stop ends with one.

Round 17: "set aside: Row 2: The name is 500 characters long; at most 200 are allowed.." — the rule's
sentence ended with a full stop and the row's sentence added another (the wizard showed the same).
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli import main
from tests.services.registration_files import ENGLISH_HEADER, write_csv


def test_a_row_set_aside_ends_with_one_full_stop(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    write_csv(tmp_path / "list.csv", [ENGLISH_HEADER, ("A" * 500, "Expert", "Customs", "Kazakhstan", "M", ""),
                                      ("Erlan Usenov", "Expert", "Customs", "Atlantis", "M", ""),
                                      ("Aibek Usenov", "Expert", "Customs", "Kazakhstan", "M", "")])
    capsys.readouterr()
    assert main(["--db", str(db), "import-list", str(tmp_path / "list.csv"), "--dialogue", "15d174be"]) == 0
    set_aside = [line for line in capsys.readouterr().out.splitlines() if line.startswith("set aside:")]
    assert len(set_aside) == 2, set_aside
    assert all(line.endswith(".") and not line.endswith("..") for line in set_aside), set_aside
