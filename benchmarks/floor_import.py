"""The plain floor of a bundle import (issue 19): `json.load` + `sqlite3.executemany` into a minimal
four-table schema (dialogues, delegations, participants, people), one transaction.

No checks, no search text, no replication state, no indexes beyond the primary keys: what any
program must at least pay to get the bundle's records onto disk with the same durability
(WAL, synchronous=FULL, foreign keys on). `benchmarks/run.py` quotes the program's import
against it (and against the older, fuller baseline `run.baseline_import`).

    python benchmarks/floor_import.py BUNDLE.json TARGET.sqlite3
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, sex TEXT, email TEXT);
CREATE TABLE dialogues (id TEXT PRIMARY KEY, title TEXT NOT NULL, series TEXT, kind TEXT, start_date TEXT,
                        end_date TEXT, city TEXT, country TEXT, status TEXT);
CREATE TABLE delegations (id TEXT PRIMARY KEY, dialogue_id TEXT NOT NULL REFERENCES dialogues(id),
                          sort_order INTEGER, side TEXT, party TEXT);
CREATE TABLE participants (id TEXT PRIMARY KEY, delegation_id TEXT NOT NULL REFERENCES delegations(id),
                           sort_order INTEGER, person_id TEXT NOT NULL REFERENCES people(id), role TEXT);
"""


def _party(party: dict[str, Any] | None) -> str | None:
    if party is None:
        return None
    return party.get("code") if party.get("type") == "country" else party.get("name")


def floor_import(bundle_path: Path, db_path: Path) -> int:
    """Load the bundle into a new file at `db_path` (replaced if present); returns the dialogues written."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    with bundle_path.open(encoding="utf-8") as stream:
        data = json.load(stream)
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=FULL")
        connection.executescript(SCHEMA)
        dialogues, delegations, participants = [], [], []
        for d in data["dialogues"]:
            dialogues.append((d["id"], d["title"], d.get("series"), d.get("kind"), d.get("start_date"),
                              d.get("end_date"), d.get("city"), d.get("country"), d.get("status")))
            for i, g in enumerate(d["delegations"]):
                delegations.append((g["id"], d["id"], i, g.get("side"), _party(g.get("party"))))
                participants.extend((p["id"], g["id"], j, p["person_id"], p.get("role"))
                                    for j, p in enumerate(g["participants"]))
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany("INSERT INTO people VALUES (?,?,?,?)",
                               [(p["id"], p["name"], p.get("sex"), p.get("email")) for p in data["people"]])
        connection.executemany("INSERT INTO dialogues VALUES (?,?,?,?,?,?,?,?,?)", dialogues)
        connection.executemany("INSERT INTO delegations VALUES (?,?,?,?,?)", delegations)
        connection.executemany("INSERT INTO participants VALUES (?,?,?,?,?)", participants)
        connection.execute("COMMIT")
    finally:
        connection.close()
    return len(dialogues)


if __name__ == "__main__":
    print(floor_import(Path(sys.argv[1]), Path(sys.argv[2])), "dialogues")
