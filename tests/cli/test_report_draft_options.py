"""`report --include-drafts --final-only`: two options that contradict each other.

Round 17: given both (an old script's `--final-only` with `--include-drafts` added), the report left
the drafts out without a word and exited 0 — "Report of 3 dialogues", the officer believing the
drafts were in. Now that is wrong usage (exit 2), said in one sentence, and no file is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main


def test_include_drafts_with_final_only_is_wrong_usage(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(db), "report", "-o", str(tmp_path / "r.xlsx"), "--include-drafts", "--final-only"])
    assert stop.value.code == 2
    said = capsys.readouterr().err
    assert "--final-only" in said and "--include-drafts" in said and "Traceback" not in said, said
    assert not (tmp_path / "r.xlsx").exists()


def test_each_alone_still_works(tmp_path: Path, capsys) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "report", "-o", str(tmp_path / "a.xlsx"), "--final-only"]) == 0
    assert "Report of 3 dialogues" in capsys.readouterr().out
    assert main(["--db", str(db), "report", "-o", str(tmp_path / "b.xlsx"), "--include-drafts"]) == 0
    assert "Report of 4 dialogues" in capsys.readouterr().out
