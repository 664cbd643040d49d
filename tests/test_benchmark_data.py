"""The benchmark's data: the Core bulk writer must store exactly what the program's import stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks import generate
from desktop_app.db.opening import open_database
from desktop_app.services.checking import check_database
from desktop_app.services.exchange.exporter import build_bundle


def _derived(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT id, search_text, delegation_count, participant_count, revision, deleted_at "
                                  "FROM dialogues ORDER BY id").fetchall() + connection.execute(
            "SELECT id, search_name, revision FROM people ORDER BY id").fetchall()


def test_both_ways_of_writing_a_database_give_the_same_records(tmp_path: Path) -> None:
    through_import = generate.write_database(tmp_path / "import.sqlite3", 6, seed=3, method="import")
    through_core = generate.write_database(tmp_path / "core.sqlite3", 6, seed=3, method="core")
    exports = []
    for path in (through_import, through_core):
        assert check_database(path).sound
        database = open_database(path)
        try:
            bundle = build_bundle(database)
        finally:
            database.close()
        exports.append({key: bundle[key] for key in ("people", "institutions", "dialogues")})
    assert exports[0] == exports[1]
    assert len(exports[0]["dialogues"]) == 6
    assert all(len(d["delegations"]) == 8 and all(len(g["participants"]) == 4 for g in d["delegations"])
               for d in exports[0]["dialogues"])
    assert _derived(through_import) == _derived(through_core)


def test_the_same_seed_gives_the_same_bundle_and_another_seed_another() -> None:
    assert generate.make_bundle(5, seed=11) == generate.make_bundle(5, seed=11)
    assert generate.make_bundle(5, seed=11)["dialogues"] != generate.make_bundle(5, seed=12)["dialogues"]
