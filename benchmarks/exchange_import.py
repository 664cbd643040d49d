"""How long importing a bundle takes: first import, the same bundle again (a no-op), a dry run, and
a round where 10% of the dialogues conflict. Prints CPU seconds and ratios to the first import.

    .venv/bin/python benchmarks/exchange_import.py [DIALOGUES]
"""

from __future__ import annotations

import copy
import json
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.resources import resource_path
from desktop_app.services.exchange.importer import Outcome, import_bundle


def synthetic_bundle(dialogues: int) -> dict:
    """The sample dialogues copied with fresh ids (people and institutions shared, as in real life)."""
    samples = json.loads(resource_path("samples", "demo-bundle.json").read_text(encoding="utf-8"))
    bundle = {**samples, "dialogues": []}
    for i in range(dialogues):
        dialogue = copy.deepcopy(samples["dialogues"][i % len(samples["dialogues"])])
        dialogue["id"] = str(uuid.uuid4())
        dialogue["title"] = f"{dialogue['title']} #{i}"
        for delegation in dialogue["delegations"]:
            delegation["id"] = str(uuid.uuid4())
            for participant in delegation["participants"]:
                participant["id"] = str(uuid.uuid4())
        bundle["dialogues"].append(dialogue)
    return bundle


def timed(action) -> tuple[float, object]:
    """CPU seconds of this process: the machine may be shared, wall-clock time would measure that."""
    start = time.process_time()
    result = action()
    return time.process_time() - start, result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    folder = Path(tempfile.mkdtemp())
    bundle = synthetic_bundle(count)
    path = folder / "bundle.json"
    path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    participants = sum(len(g["participants"]) for d in bundle["dialogues"] for g in d["delegations"])
    database = open_database(folder / "db.sqlite3")
    first, _ = timed(lambda: import_bundle(database, path))
    again, summary = timed(lambda: import_bundle(database, path))
    assert summary.count(Outcome.UNCHANGED, "dialogue") == count
    dry, _ = timed(lambda: import_bundle(database, path, dry_run=True))
    repository = DialogueRepository(database)
    changed = copy.deepcopy(bundle)
    for dialogue in changed["dialogues"][: count // 10]:  # edited on both sides
        ours = repository.get(dialogue["id"])
        repository.save(replace(ours, city="Edited here"))
        dialogue.update(summary="Edited there", updated_at="2035-01-01T00:00:00Z")
    conflict_path = folder / "conflicts.json"
    conflict_path.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")
    conflicts, summary = timed(lambda: import_bundle(database, conflict_path))
    assert summary.count(Outcome.CONFLICT, "dialogue") == count // 10
    database.close()
    print(f"{count} dialogues, {participants} participants, bundle {path.stat().st_size / 1e6:.1f} MB")
    for name, seconds in (("first import", first), ("same bundle again", again), ("dry run", dry),
                          (f"{count // 10} conflicts", conflicts)):
        print(f"{name:>20}: {seconds:6.2f} s CPU  ({seconds / first:.2f} x first import)")


if __name__ == "__main__":
    main()
