"""The command line's sentences count in English: "1 dialogue exported", not "1 dialogues" (round 17)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.domain.texts import counted


@pytest.mark.parametrize(("count", "expected"), [(0, "0 dialogues"), (1, "1 dialogue"), (2, "2 dialogues")])
def test_a_count_takes_the_plural_but_for_one(count: int, expected: str) -> None:
    assert counted(count, "dialogue") == expected
    assert counted(count, "person", "people") == expected.replace("dialogues", "people").replace(
        "dialogue", "person")


def test_one_dialogue_exported_is_said_in_the_singular(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database = str(tmp_path / "register.sqlite3")
    assert main(["--db", database, "demo"]) == 0
    capsys.readouterr()
    target = tmp_path / "one.json"
    assert main(["--db", database, "export", "-o", str(target), "--series", "CADAP regional conference"]) == 0
    assert capsys.readouterr().out.strip() == f"1 dialogue exported to {target}."
