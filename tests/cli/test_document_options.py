"""`document sign-in-sheet --party KZ` (or participant-list with --party or --reply-by).

Round 17: only a Note Verbale takes a party and a reply date; for the other two kinds the options were
ignored without a word: `sign-in-sheet --party KZ` wrote every delegation's sheet, exit 0, the officer
believing it was Kazakhstan's. Now that is wrong usage (exit 2), said in one sentence, nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main


@pytest.mark.parametrize(("kind", "options"), [("sign-in-sheet", ["--party", "KZ"]),
                                               ("participant-list", ["--reply-by", "2030-01-01"]),
                                               ("participant-list", ["--party", "KZ", "--reply-by", "2030-01-01"])])
def test_party_or_reply_date_for_another_kind_is_wrong_usage(tmp_path: Path, capsys, kind: str,
                                                             options: list[str]) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    target = tmp_path / "out.pdf"
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(db), "document", kind, "--dialogue", "15d174be", *options, "-o", str(target)])
    assert stop.value.code == 2
    said = capsys.readouterr().err.splitlines()[-1]
    assert "note-verbale" in said and options[0] in said, said
    assert not target.exists()
