"""`export --series` follows the series rule of `list` and `report` (contract §3: case does not
matter; an unknown series is one sentence naming the known ones, exit 1). Round 15: export matched
the exact case only, so "… drug dialogue" wrote a bundle of 0 dialogues, exit 0, and a series stored
in two cases by two offices was sent half."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.cli.test_listing_cli import BISHKEK, SEED, demo_db, demo_template  # noqa: F401 (fixtures)


def _exported(path: Path) -> list[str]:
    return sorted(d["id"] for d in json.loads(path.read_text(encoding="utf-8"))["dialogues"])


def test_any_case_of_the_series_exports_its_dialogues(demo_db: Path, tmp_path: Path, capsys) -> None:  # noqa: F811
    target = tmp_path / "series.json"
    assert main(["--db", str(demo_db), "export", "-o", str(target), "--series", "eu-central asia DRUG dialogue"]) == 0
    assert _exported(target) == sorted([SEED, BISHKEK])
    assert "2 dialogues exported" in capsys.readouterr().out


def test_every_stored_spelling_of_the_series_is_exported(demo_db: Path, tmp_path: Path) -> None:  # noqa: F811
    with sqlite3.connect(demo_db) as connection:  # another office wrote the series in its own case
        connection.execute("UPDATE dialogues SET series = 'EU-Central Asia drug dialogue' WHERE id = ?", (SEED,))
    target = tmp_path / "series.json"
    assert main(["--db", str(demo_db), "export", "-o", str(target), "--series", "EU-Central Asia Drug Dialogue"]) == 0
    assert _exported(target) == sorted([SEED, BISHKEK])


def test_an_unknown_series_is_one_sentence_and_writes_nothing(demo_db: Path, tmp_path: Path,  # noqa: F811
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "series.json"
    capsys.readouterr()
    assert main(["--db", str(demo_db), "export", "-o", str(target), "--series", "Nonexistent"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("dialogue-register: There is no series called “Nonexistent”; the known series are:"), err
    assert err.count("\n") == 1 and not target.exists()
