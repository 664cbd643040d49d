"""`conflicts --keep theirs` (or `--field title`) without `--resolve ID`.

Round 17: the options were ignored; the command listed the waiting conflicts and exited 0, so an
officer who meant "keep theirs for everything" was told nothing was wrong and nothing was resolved.
The contract writes them together (`[--resolve ID --keep ours|theirs|VERSION]`): alone they are wrong
usage (exit 2), said in one sentence, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main


@pytest.mark.parametrize("options", [["--keep", "theirs"], ["--field", "title"], ["--keep", "ours", "--field", "x"]])
def test_keep_or_field_without_resolve_is_wrong_usage(tmp_path: Path, capsys, options: list[str]) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    before = db.read_bytes()
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(db), "conflicts", *options])
    assert stop.value.code == 2
    captured = capsys.readouterr()
    assert "--resolve" in captured.err.splitlines()[-1] and "Traceback" not in captured.err, captured.err
    assert "No conflicts wait" not in captured.out
    assert db.read_bytes() == before
