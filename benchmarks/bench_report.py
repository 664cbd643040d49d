"""How long the summary report takes on a larger register: build (SQL) and each renderer.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_report.py [DIALOGUES]
Prints seconds per step; compare runs as ratios, not against fixed numbers.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from desktop_app.db.opening import open_database
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain import records as r
from desktop_app.domain.enums import Sex, Side
from desktop_app.services.report import build_report, write_report
from tests.factories import add_people, delegation_of, make_dialogue

PARTNERS = ("KZ", "KG", "TJ", "TM", "UZ", "DE", "ES", "FR")


def main(count: int) -> None:
    folder = Path(tempfile.mkdtemp())
    database = open_database(folder / "bench.sqlite3")
    people = add_people(database, *(f"Person {i}" for i in range(60)), sex=Sex.FEMALE)
    people += add_people(database, *(f"Человек {i}" for i in range(60)))
    repository = DialogueRepository(database)
    for i in range(count):
        delegations = tuple(delegation_of(r.Party.country(code), *people[(i + k) % 100:(i + k) % 100 + 3],
                                          side=Side.PARTNER, supported=k % 2 == 0) for k, code in enumerate(PARTNERS))
        repository.save(make_dialogue(f"Dialogue {i}", start_date=date(2015, 1, 1) + timedelta(days=i * 3),
                                      delegations=(*delegations,
                                                   delegation_of(r.Party.organisation("Europol"), side=Side.EU))))
    started = time.perf_counter()
    report = build_report(database)
    print(f"{count} dialogues, {report.summary.participants} participants")
    print(f"build (SQL aggregates): {time.perf_counter() - started:.2f} s")
    for kind in ("xlsx", "html", "docx", "pdf"):
        started = time.perf_counter()
        path = write_report(report, folder / f"report.{kind}")
        print(f"{kind}: {time.perf_counter() - started:.2f} s, {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
