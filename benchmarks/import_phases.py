"""Where an import's CPU time goes, phase by phase, and how each phase grows with the bundle (issue 19:
"anything worse than linear is a bug"): `dialogue-register import BUNDLE` into a new (migrated,
empty) database in this process, each phase's CPU time (user + system) measured by wrapping the
function that does it, then the plain floor (`floor_import.py`) on the same bundle with its
`json.load` apart. Printed per dialogue, so two sizes compare line by line:

    python benchmarks/import_phases.py BUNDLE.json [EMPTY.sqlite3]

(`generate.py --dialogues N --bundle BUNDLE.json` writes a bundle.) The program runs once untimed
first on a 20-dialogue bundle (imports, caches), then once timed; one run each, so quote it on a
quiet machine. Phases nest: `read_bundle` holds `json.loads` and `check_meaning`, `apply_bundle`
holds `_v1_new` (a version 1 bundle's records encoded), `store_new` (rows written: `insert_people`,
`insert_dialogues`), `_build_indexes` and `breaks_a_check`; "rest of apply" is the merge loop and
the foreign key check; `commit` and `close` follow."""

from __future__ import annotations

import json
import resource
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PHASES = (("json", "loads", "json.loads"),
          ("desktop_app.services.exchange.validation", "read_bundle", None),
          ("desktop_app.services.exchange.validation", "check_meaning", None),
          ("desktop_app.services.exchange.importer", "apply_bundle", None),
          ("desktop_app.services.exchange.importer", "_v1_new", None),
          ("desktop_app.db.replica_store", "store_new", None),
          ("desktop_app.db.bulk_writing", "insert_people", None),
          ("desktop_app.db.bulk_writing", "insert_dialogues", None),
          ("desktop_app.db.bulk_writing", "_build_indexes", None),
          ("desktop_app.db.bulk_writing", "breaks_a_check", None))


def _timed(spent: defaultdict[str, float], label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def timed(*args: Any, **keywords: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **keywords)
        finally:
            spent[label] += time.process_time() - started
    return timed


def _wrap_phases(spent: defaultdict[str, float]) -> None:
    import importlib

    from sqlalchemy.orm import Session

    from desktop_app.db.unit_of_work import Database

    for module_name, name, label in PHASES:
        module = importlib.import_module(module_name)
        setattr(module, name, _timed(spent, label or name, getattr(module, name)))
    Session.commit = _timed(spent, "commit", Session.commit)  # type: ignore[method-assign]
    Database.close = _timed(spent, "close", Database.close)  # type: ignore[method-assign]


def main(bundle: Path, empty: Path | None = None) -> None:
    from benchmarks import floor_import, generate
    from benchmarks.run import fresh_copy, program_import
    from desktop_app.db.opening import open_database

    work = Path(tempfile.mkdtemp(prefix="import-phases-"))
    try:
        if empty is None:
            empty = work / "empty.sqlite3"
            open_database(empty).close()
        dialogues = len(json.loads(bundle.read_bytes())["dialogues"])
        target = work / "import.sqlite3"
        fresh_copy(empty, target)
        program_import(generate.write_bundle(work / "warm.json", 20), target)  # imports and caches, untimed
        spent: defaultdict[str, float] = defaultdict(float)
        _wrap_phases(spent)
        fresh_copy(empty, target)
        started = time.process_time()
        program_import(bundle, target)
        program = time.process_time() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        spent["rest of apply"] = spent["apply_bundle"] - sum(
            spent[name] for name in ("_v1_new", "store_new", "_build_indexes", "breaks_a_check"))
        phases = dict(spent)  # the floor's `json.load` calls the wrapped `json.loads` too
        loads = floor_import.json.load
        floor_spent: defaultdict[str, float] = defaultdict(float)
        floor_import.json.load = _timed(floor_spent, "json.load", loads)
        started = time.process_time()
        floor_import.floor_import(bundle, work / "floor.sqlite3")
        floor = time.process_time() - started
        floor_import.json.load = loads
    finally:
        shutil.rmtree(work, ignore_errors=True)
    per = 1e6 / dialogues
    print(f"{dialogues:,} dialogues: program {program:.2f} s CPU ({program * per:,.0f} µs a dialogue), "
          f"floor {floor:.2f} s ({floor * per:,.0f} µs), ratio {program / floor:.2f}×; "
          f"peak memory of the process {peak:,.0f} MB")
    for label, seconds in [*phases.items(), ("floor: json.load", floor_spent["json.load"])]:
        print(f"  {label:22} {seconds:8.3f} s  {seconds * per:8.1f} µs a dialogue")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
