"""`benchmarks/import_sqlite_side.py` replays a real import's rows: every variant must load the very
rows the program wrote into a sound file, or its figures would measure something else."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from benchmarks import import_sqlite_side as side

VARIANTS = ["", "fk,oldterms", "pksort", "delete", "memtemp,mmap", "cache1g", "insel,optimize", "uniqafter"]
COUNTED = ("people", "dialogues", "delegations", "participants", "dialogue_terms", "people_terms")


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("dialogue_search", "dialogue_words", "people_search", "people_words"):
            connection.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in COUNTED}


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, side.Calls, dict[str, int]]:
    work = tmp_path_factory.mktemp("side")
    empty, calls = side.record(6, work)
    return empty, calls, _counts(work / "recorded.sqlite3")


@pytest.mark.parametrize("variants", VARIANTS)
def test_each_variant_loads_the_rows_the_program_wrote(recorded: tuple[Path, side.Calls, dict[str, int]],
                                                       variants: str, tmp_path: Path) -> None:
    empty, calls, program = recorded
    assert program["participants"] > 0 and program["dialogue_terms"] > 0
    spent = side.load(empty, calls, set(filter(None, variants.split(","))), tmp_path / "load.sqlite3")
    assert set(spent) >= {"rows", "indexes", "search indexes", "commit and close"}
    assert _counts(tmp_path / "load.sqlite3") == program
