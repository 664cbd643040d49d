"""How the dialogue list's opening time grows with the register: 10 vs 100,000 dialogues.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/bench_dialogue_list.py

Prints the time to build the list model and show its first page, per sort column, and the ratio
large/small; with lazy paging the ratio stays small (it is not 10,000).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]


def fill(database: object, count: int) -> None:
    from datetime import date, timedelta

    from sqlalchemy import insert

    from desktop_app.db import models as m
    from desktop_app.domain import records as r

    now = r.utc_now()
    with database.writing() as session:  # type: ignore[attr-defined]
        for start in range(0, count, 10_000):
            session.execute(insert(m.DialogueRow), [
                {"id": r.new_id(), "title": f"Meeting {n:06d}", "kind": "regional", "series": f"Series {n % 40}",
                 "start_date": date(1990, 1, 1) + timedelta(days=n % 12000), "city": "Almaty", "country": "KZ",
                 "online": False, "status": "final" if n % 3 else "draft", "delegation_count": n % 11,
                 "participant_count": n % 40, "search_text": f"meeting {n:06d} almaty", "revision": 1,
                 "created_at": now, "updated_at": now} for n in range(start, min(count, start + 10_000))])


def best_of(runs: int, action: object) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - began)
    return min(times)


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from desktop_app.db.opening import open_database
    from desktop_app.db.repositories.dialogues import DialogueRepository, DialogueSort
    from desktop_app.domain import records as r
    from desktop_app.ui.models.dialogue_table_model import DialogueTableModel

    QApplication.instance() or QApplication(sys.argv)
    scratch = Path(tempfile.mkdtemp(prefix="dialogue-list-bench-"))
    results = {}
    for count in (10, 100_000):
        database = open_database(scratch / f"{count}.sqlite3")
        fill(database, count)
        repository = DialogueRepository(database)
        model = DialogueTableModel(repository)
        for sort in (DialogueSort.DATE, DialogueSort.TITLE, DialogueSort.PARTICIPANTS):
            column = [c.value for c in DialogueSort].index(sort.value)

            def open_sorted(model: DialogueTableModel = model, column: int = column) -> None:
                model.sort(column, 1)  # type: ignore[arg-type]
                model.reload()
            results[(count, sort.value)] = best_of(5, open_sorted)
        model.set_filter(r.DialogueFilter(text="almaty 0999"))
        results[(count, "search")] = best_of(5, model.reload)
        database.close()
    print(f"{'list opened by':<16}{'10 rows':>10}{'100,000 rows':>15}{'ratio':>8}")
    for key in ("date", "title", "participants", "search"):
        small, large = results[(10, key)], results[(100_000, key)]
        print(f"{key:<16}{small * 1000:>8.1f}ms{large * 1000:>13.1f}ms{large / small:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
