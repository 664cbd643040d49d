"""Every search, sort and filter the dialogue list and the People page offer, timed as the window
calls them (issue 19: each under 50 ms at 100,000 dialogues / 50,000 people).

For each filter of the list (a search of each kind, each filter alone, and the combinations an
officer makes) and each of the 8 sorts in both directions, three calls of
`DialogueRepository.page` as `DialogueTableModel` makes them: **set** (the filter changes: counted
up to 1,000), **resort** (the header is clicked: the count is reused) and **scroll** (the next
page). The People page has one control, its search box (its table is not sortable), so each kind
of search is timed there. Both CPU time (user+sys of this process, which load changes least) and
wall time are kept, median of `--repeats`.

    nice .venv/bin/python benchmarks/search_matrix.py DATABASE [--repeats 3] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FAST = 50.0  # ms


def list_filters() -> list[tuple[str, Any]]:
    """Every kind of filter of the list: each alone, then the combinations the bar allows."""
    from desktop_app.domain.enums import DialogueStatus
    from desktop_app.domain.records import DialogueFilter as F

    year = {"date_from": date(2020, 1, 1), "date_to": date(2020, 12, 31)}
    return [
        ("no filter", F()),
        ("search “кыргызстан” (every dialogue)", F(text="кыргызстан")),
        ("search “harm reduction” (29 %)", F(text="harm reduction")),
        ("search “нодира токайбекова” (6 %)", F(text="нодира токайбекова")),
        ("search “ну токайбекова” (7 %)", F(text="ну токайбекова")),
        ("search “токайбекова”", F(text="токайбекова")),
        ("search “н” (1 character)", F(text="н")),
        ("search “ес” (2, nowhere)", F(text="ес")),
        ("search “kz” (2, nowhere)", F(text="kz")),
        ("search “ош” (2, a city)", F(text="ош")),
        ("search “qqqzzz” (nowhere)", F(text="qqqzzz")),
        ("search “a b c d” (four short words)", F(text="a b c d")),
        ("filter series", F(series="EU-Central Asia Drug Dialogue")),
        ("filter status draft", F(status=DialogueStatus.DRAFT)),
        ("filter status final", F(status=DialogueStatus.FINAL)),
        ("filter country KZ (every dialogue)", F(country="KZ")),
        ("filter country FR (7 %)", F(country="FR")),
        ("filter country AF (5 %)", F(country="AF")),
        ("filter country JP (none)", F(country="JP")),
        ("filter year 2020", F(**year)),
        ("filter from 2024-06-01", F(date_from=date(2024, 6, 1))),
        ("filter to 2015-03-31", F(date_to=date(2015, 3, 31))),
        ("trash", F(deleted=True)),
        ("search “ес” + country KZ", F(text="ес", country="KZ")),
        ("search “harm reduction” + country AF", F(text="harm reduction", country="AF")),
        ("search “токайбекова” + year 2020", F(text="токайбекова", **year)),
        ("search “кыргызстан” + status draft", F(text="кыргызстан", status=DialogueStatus.DRAFT)),
        ("search “н” + series", F(text="н", series="EU-Central Asia Drug Dialogue")),
        ("country AF + year 2020", F(country="AF", **year)),
        ("country FR + status draft", F(country="FR", status=DialogueStatus.DRAFT)),
        ("country KZ + series + draft", F(country="KZ", series="EU-Central Asia Drug Dialogue",
                                          status=DialogueStatus.DRAFT)),
        ("series + year 2020 + draft", F(series="EU-Central Asia Drug Dialogue", status=DialogueStatus.DRAFT,
                                         **year)),
        ("search “нодира токайбекова” + country AF + year", F(text="нодира токайбекова", country="AF", **year)),
        ("trash + search “кыргызстан”", F(text="кыргызстан", deleted=True)),
    ]


PEOPLE_SEARCHES = ("", "нурлан", "tokaibekov", "ну", "а", "zh abd", "qqqzzz", "нурлан ну", "ova")


def measured(action: Callable[[], Any], repeats: int) -> tuple[float, float]:
    """Median CPU and wall milliseconds of `action` (after one untimed run)."""
    action()
    cpu, wall = [], []
    for _ in range(repeats):
        started_cpu, started = time.process_time(), time.perf_counter()
        action()
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def run(path: Path, repeats: int, only: str | None = None) -> list[dict[str, Any]]:
    from desktop_app.db.first_page import DialogueSort
    from desktop_app.db.opening import open_database
    from desktop_app.db.repositories.dialogues import DialogueRepository
    from desktop_app.db.repositories.people import PeopleRepository
    from desktop_app.ui.models.dialogue_table_model import COUNT_UP_TO

    database = open_database(path)
    dialogues, people = DialogueRepository(database), PeopleRepository(database)
    results: list[dict[str, Any]] = []

    def note(kind: str, name: str, sort: str, call: str, cpu: float, wall: float, shown: str) -> None:
        results.append({"page": kind, "filter": name, "sort": sort, "call": call, "cpu_ms": round(cpu, 1),
                        "wall_ms": round(wall, 1), "shown": shown})
        flag = "" if cpu < FAST else "  <-- over 50 ms"
        print(f"{kind:7} {name:48} {sort:18} {call:7} cpu {cpu:7.1f}  wall {wall:7.1f}  {shown}{flag}",
              flush=True)

    try:
        for name, selection in list_filters():
            if only and only not in name:
                continue
            for sort in DialogueSort:
                for descending in (True, False):
                    label = f"{sort.value} {'desc' if descending else 'asc'}"

                    def first(s: DialogueSort = sort, d: bool = descending, f: Any = selection) -> Any:
                        return dialogues.page(f, s, d, 0, 200, count_up_to=COUNT_UP_TO)

                    page = first()
                    shown = f"{len(page.rows)} rows, total {'>' if page.more else ''}{page.total}"
                    cpu, wall = measured(first, repeats)
                    note("list", name, label, "set", cpu, wall, shown)

                    def known(offset: int, s: DialogueSort = sort, d: bool = descending,
                              total: int = page.total, more: bool = page.more, f: Any = selection) -> Any:
                        """A page the window asks for once it knows the count: a header click
                        (offset 0) or a scroll (offset 200)."""
                        return dialogues.page(f, s, d, offset, 200, known_total=total,
                                              count_up_to=COUNT_UP_TO, more=more)

                    cpu, wall = measured(lambda: known(0), repeats)
                    note("list", name, label, "resort", cpu, wall, shown)
                    if len(page.rows) == 200:
                        cpu, wall = measured(lambda: known(200), repeats)
                        note("list", name, label, "scroll", cpu, wall, shown)
        for query in PEOPLE_SEARCHES:
            if only and only != "people":
                break
            found = people.search(query or None)
            cpu, wall = measured(lambda q=query: people.search(q or None), repeats)
            note("people", f"search “{query}”", "name asc", "set", cpu, wall, f"{len(found)} shown")
    finally:
        database.close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--only", help="only the filters whose name holds this ('people': the People page)")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args(argv)
    results = run(args.database, args.repeats, args.only)
    slow = [r for r in results if r["cpu_ms"] >= FAST]
    print(f"\n{len(results)} calls timed; {len(slow)} at or over {FAST:.0f} ms of CPU; "
          f"worst {max(r['cpu_ms'] for r in results):.1f} ms")
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
