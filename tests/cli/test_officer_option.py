"""`--officer NAME` with a character no text may hold (a control character pasted into the shell).

The name was stored unchecked as the author of the command's edits; `export` then wrote a bundle that
every colleague's `import` refuses ("holds the control character U+0001"), so the records could no
longer travel — each command having said it succeeded. The option is now checked by the text rule
every stored text follows: wrong usage, exit 2, one sentence, nothing written.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.services.registration_files import ENGLISH_HEADER, write_csv

TASHKENT = "f1ae12af"


def _dump(path: Path) -> str:
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for (table,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"):
            for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr((table, row)).encode())
        return digest.hexdigest()
    finally:
        connection.close()


def test_an_officer_name_with_a_control_character_is_refused_before_anything_is_written(tmp_path: Path,
                                                                                        capsys) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    sheet = write_csv(tmp_path / "list.csv", [ENGLISH_HEADER, ("Ulan Joldoshev", "Expert", "Customs", "Kyrgyzstan",
                                                              "M", "")])
    before = _dump(db)
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_status:
        main(["--db", str(db), "--officer", "Bad\x01Name", "import-list", str(sheet), "--dialogue", TASHKENT])
    assert exit_status.value.code == 2
    said = capsys.readouterr().err
    assert "--officer" in said and "U+0001" in said and "Traceback" not in said, said
    assert _dump(db) == before


def test_an_ordinary_name_in_cyrillic_is_taken(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["--db", str(db), "--officer", "Тимур Назаров", "demo"]) == 0
