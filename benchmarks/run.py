"""Dialogue Register against plain baselines, in one run, on the same data (issue 7).

    make bench                          # 20,000 dialogues
    .venv/bin/python benchmarks/run.py --size 100000
    .venv/bin/python benchmarks/run.py --quick   # a tiny smoke run (what the test suite does)

Every figure runs the program's way (A) and a plain way (B) alternately, A B A B ..., on the same
data, and quotes the medians and their ratio A/B. Figures without a baseline (open and save a
dialogue, start-up) are quoted in milliseconds against their target. Figures that need a part of
the program not built yet raise `NotMeasuredYet` and are shown as "pending".

Bundle import and export run on a bundle of `--bundle-size` dialogues (default: the whole
`--size`). Import is quoted twice: against the plain floor (`benchmarks/floor_import.py`: json.load
+ executemany into four bare tables) and against today's fuller baseline (`baseline_import`: the
program's own schema). Its cost per dialogue is also measured at a tenth (half below 20,000) of
that size to show how it grows. The list, search, open/save and memory figures run on the database
of `--size` dialogues.

Generated databases are kept in `benchmarks/.cache/` (same size and seed = same file) so that a
second run does not write them again.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import generate  # noqa: E402
from benchmarks.floor_search import build_floor, floor_list_search, floor_people_search  # noqa: E402

CACHE = Path(os.environ.get("DR_BENCH_CACHE", ROOT / "benchmarks" / ".cache"))
RESULTS = ROOT / "benchmarks" / "results.json"
GROUPS = ("import", "export", "report", "list", "search", "sorts", "form", "memory", "startup")
SEARCHES = ("кыргызстан", "harm reduction", "нодира токайбекова")  # everywhere, common, rare
SHORT_SEARCHES = ("kz", "ес", "н", "ну токайбекова")  # 1-2 characters: the word index (0010_search)
PEOPLE_SEARCHES = ("нурлан", "tokaibekov", "ну", "а", "zh abd")
FAST = 50  # ms: any search, sort and filter of the list and the People page (issue 19)
BIG_DIALOGUE_ID = "00000000-0000-4000-8000-000000000012"
HEAVY_MODULES = ("openpyxl", "docx", "jsonschema", "alembic", "PySide6.QtSql")


class NotMeasuredYet(Exception):
    """A figure whose program side does not exist yet; the table shows it as pending."""


@dataclass
class Figure:
    name: str
    target: str
    app_ms: float | None = None
    baseline_ms: float | None = None
    ratio: float | None = None
    status: str = "measured"  # measured | met | NOT met | pending | info
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)


def alternate(program: Callable[[], Any], baseline: Callable[[], Any], repeats: int,
              setup: Callable[[], Any] | None = None,
              warm_up: bool = True) -> tuple[float, float, dict[str, list[float]]]:
    """A, B, A, B ... each preceded by `setup` (untimed); medians in milliseconds. Unless told
    otherwise both run once untimed first, so that neither pays alone for cold caches."""
    times: dict[str, list[float]] = {"app": [], "baseline": []}
    if warm_up and setup is None:
        program()
        baseline()
    for _ in range(repeats):
        for key, action in (("app", program), ("baseline", baseline)):
            if setup:
                setup()
            started = time.perf_counter()
            action()
            times[key].append((time.perf_counter() - started) * 1000)
    return statistics.median(times["app"]), statistics.median(times["baseline"]), times


def timed(action: Callable[[], Any], repeats: int) -> tuple[float, list[float]]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), samples


# ---- data -------------------------------------------------------------------------------------

def cached_database(dialogues: int, seed: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"db-{dialogues}-seed{seed}-v3.sqlite3"
    ready = path.with_suffix(".ready")
    if not (path.exists() and ready.exists()):
        ready.unlink(missing_ok=True)
        started = time.perf_counter()
        generate.write_database(path, dialogues, seed=seed)
        print(f"  generated {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
        ready.touch()
    return path


def _smaller_cached(size: int, seed: int) -> int:
    """A smaller size whose database is already generated (half, a fifth ... of `size`), so that the
    growth note costs no generation; half the size when none is (only small runs get here)."""
    for smaller in (size // 2, size // 5, size // 10, size // 20):
        if smaller > 0 and (CACHE / f"db-{smaller}-seed{seed}-v3.ready").exists():
            return smaller
    return max(1, size // 2)


def fresh_copy(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


# ---- the plain baselines ----------------------------------------------------------------------

def _connect(path: Path) -> sqlite3.Connection:
    """Plain sqlite3 with the program's own pragmas, so both sides pay for the same durability."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    return connection


def _party(party: dict[str, Any] | None) -> tuple[str | None, str | None, str | None]:
    if party is None:
        return None, None, None
    if party["type"] == "country":
        return "country", party["code"], None
    return "organisation", None, party["name"]


def baseline_import(bundle_path: Path, db_path: Path) -> None:
    """json.load + sqlite3.executemany into the same schema (an empty file made by the program)."""
    from desktop_app.domain.search import fold_all

    with bundle_path.open(encoding="utf-8") as stream:
        data = json.load(stream)
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")

    def when(text: str) -> str:
        return text.rstrip("Z").replace("T", " ")

    names = {p["id"]: (p["name"], *p["other_names"]) for p in data["people"]}
    people = [(p["id"], p["name"], p["sex"], p["email"], fold_all(names[p["id"]]), 1, now, when(p["updated_at"]))
              for p in data["people"]]
    other = [(p["id"], i, n) for p in data["people"] for i, n in enumerate(p["other_names"])]
    institutions = [(i["id"], i["name"], i["acronym"], i["country"], 1, now, when(i["updated_at"]))
                    for i in data["institutions"]]
    dialogues, values, delegations, participants, agenda = [], [], [], [], []
    for d in data["dialogues"]:
        moment = when(d["updated_at"])
        person_ids = {p["person_id"] for g in d["delegations"] for p in g["participants"]}
        search = fold_all((d["title"], d["series"], d["city"], *d["topics"], *d["frameworks"],
                           *d["supporting_programmes"], d["summary"],
                           *(n for pid in person_ids for n in names[pid])))
        chair = _party(d["chair"])
        dialogues.append((d["id"], d["title"], d["series"], d["kind"], d["start_date"], d["end_date"], d["city"],
                          d["country"], d["online"], *chair, d["summary"], d["status"], len(d["delegations"]),
                          sum(len(g["participants"]) for g in d["delegations"]), search, 1, now, moment))
        for table, key in (("dialogue_programmes", "supporting_programmes"), ("dialogue_frameworks", "frameworks"),
                           ("dialogue_topics", "topics")):
            values.extend((table, d["id"], i, v) for i, v in enumerate(d[key]))
        agenda.extend((f"{d['id']}-{i}", d["id"], i, a["title"], *_party(a["presenter"]), a["notes"], now, moment)
                      for i, a in enumerate(d["agenda"]))
        for i, g in enumerate(d["delegations"]):
            delegations.append((g["id"], d["id"], i, g["side"], *_party(g["party"]), g["programme_supported"],
                                g["notes"], now, moment))
            participants.extend((p["id"], g["id"], j, p["person_id"], p["institution_id"], p["position"], p["role"],
                                 now, moment) for j, p in enumerate(g["participants"]))
    connection = _connect(db_path)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany("INSERT INTO people (id, name, sex, email, search_name, revision, created_at, "
                               "updated_at) VALUES (?,?,?,?,?,?,?,?)", people)
        connection.executemany("INSERT INTO person_other_names (person_id, sort_order, name) VALUES (?,?,?)", other)
        connection.executemany("INSERT INTO institutions (id, name, acronym, country, revision, created_at, "
                               "updated_at) VALUES (?,?,?,?,?,?,?)", institutions)
        connection.executemany(
            "INSERT INTO dialogues (id, title, series, kind, start_date, end_date, city, country, online, chair_type, "
            "chair_country, chair_organisation, summary, status, delegation_count, participant_count, search_text, "
            "revision, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", dialogues)
        for table in ("dialogue_programmes", "dialogue_frameworks", "dialogue_topics"):
            connection.executemany(f"INSERT INTO {table} (dialogue_id, sort_order, name) VALUES (?,?,?)",
                                   [v[1:] for v in values if v[0] == table])
        connection.executemany(
            "INSERT INTO agenda_items (id, dialogue_id, sort_order, title, presenter_type, presenter_country, "
            "presenter_organisation, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)", agenda)
        connection.executemany(
            "INSERT INTO delegations (id, dialogue_id, sort_order, side, party_type, party_country, "
            "party_organisation, programme_supported, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            delegations)
        connection.executemany(
            "INSERT INTO participants (id, delegation_id, sort_order, person_id, institution_id, position, role, "
            "created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)", participants)
        connection.execute("COMMIT")
    finally:
        connection.close()


def baseline_export(db_path: Path, target: Path) -> None:
    """Raw SELECTs grouped in Python, json.dump with the program's own options, fsync."""
    connection = sqlite3.connect(db_path)
    try:
        def grouped(sql: str) -> dict[str, list[tuple[Any, ...]]]:
            groups: dict[str, list[tuple[Any, ...]]] = {}
            for row in connection.execute(sql):
                groups.setdefault(row[0], []).append(row[1:])
            return groups

        def party(kind: str | None, code: str | None, name: str | None) -> dict[str, Any] | None:
            if kind is None:
                return None
            return {"type": "country", "code": code} if kind == "country" else {"type": "organisation", "name": name}

        def stamp(text: str) -> str:
            return text.removesuffix(".000000").replace(" ", "T") + "Z"

        other = grouped("SELECT person_id, name FROM person_other_names ORDER BY person_id, sort_order")
        people = [{"id": i, "name": n, "other_names": [o[0] for o in other.get(i, ())], "sex": s, "email": e,
                   "updated_at": stamp(u)}
                  for i, n, s, e, u in connection.execute(
                      "SELECT id, name, sex, email, updated_at FROM people ORDER BY id")]
        institutions = [{"id": i, "name": n, "acronym": a, "country": c, "updated_at": stamp(u)}
                        for i, n, a, c, u in connection.execute(
                            "SELECT id, name, acronym, country, updated_at FROM institutions ORDER BY id")]
        values = {table: grouped(f"SELECT dialogue_id, name FROM {table} ORDER BY dialogue_id, sort_order")
                  for table in ("dialogue_programmes", "dialogue_frameworks", "dialogue_topics")}
        agenda = grouped("SELECT dialogue_id, title, presenter_type, presenter_country, presenter_organisation, "
                         "notes FROM agenda_items ORDER BY dialogue_id, sort_order")
        actions = grouped("SELECT dialogue_id, description, owner, due_date, status FROM actions "
                          "ORDER BY dialogue_id, sort_order")
        members = grouped("SELECT delegation_id, id, person_id, institution_id, position, role FROM participants "
                          "ORDER BY delegation_id, sort_order")
        delegations = grouped(
            "SELECT dialogue_id, id, side, party_type, party_country, party_organisation, programme_supported, notes "
            "FROM delegations ORDER BY dialogue_id, sort_order")
        dialogues = []
        for (i, title, series, kind, start, end, city, country, online, ct, cc, co, summary, status,
             updated) in connection.execute(
                "SELECT id, title, series, kind, start_date, end_date, city, country, online, chair_type, "
                "chair_country, chair_organisation, summary, status, updated_at FROM dialogues "
                "WHERE deleted_at IS NULL ORDER BY start_date, id"):
            dialogues.append({
                "id": i, "title": title, "series": series, "kind": kind, "start_date": start, "end_date": end,
                "city": city, "country": country, "online": bool(online), "chair": party(ct, cc, co),
                "supporting_programmes": [v[0] for v in values["dialogue_programmes"].get(i, ())],
                "frameworks": [v[0] for v in values["dialogue_frameworks"].get(i, ())],
                "topics": [v[0] for v in values["dialogue_topics"].get(i, ())],
                "summary": summary, "status": status,
                "agenda": [{"title": t, "presenter": party(pt, pc, po), "notes": n}
                           for t, pt, pc, po, n in agenda.get(i, ())],
                "delegations": [
                    {"id": g, "side": side, "party": party(pt, pc, po), "programme_supported": bool(ps),
                     "notes": notes,
                     "participants": [{"id": p, "person_id": person, "institution_id": inst, "position": pos,
                                       "role": role} for p, person, inst, pos, role in members.get(g, ())]}
                    for g, side, pt, pc, po, ps, notes in delegations.get(i, ())],
                "actions": [{"description": de, "owner": ow, "due_date": du, "status": st}
                            for de, ow, du, st in actions.get(i, ())],
                "updated_at": stamp(updated)})
    finally:
        connection.close()
    data = {"format": "dialogue-register/bundle", "version": 1, "exported_at": "2026-01-01T00:00:00Z",
            "source": None, "people": people, "institutions": institutions, "dialogues": dialogues}
    with target.open("w", encoding="utf-8") as stream:
        json.dump(data, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        stream.flush()
        os.fsync(stream.fileno())


LIST_SQL = ("SELECT id, title, kind, start_date, end_date, series, city, country, online, chair_type, chair_country, "
            "chair_organisation, status, delegation_count, participant_count, updated_at, deleted_at "
            "FROM dialogues WHERE {where} ORDER BY start_date DESC, id DESC LIMIT 200 OFFSET 0")


FTS_WHERE = "dialogues.rowid IN (SELECT rowid FROM dialogue_search WHERE dialogue_search MATCH ?)"


def baseline_search(connection: sqlite3.Connection, words: list[str], fts: bool = True) -> int:
    """The same query the list runs, in raw SQLite: a page and the total. With `fts`, words of 3+
    characters go through the trigram index (as the program does), else every word is a LIKE."""
    indexed = [w for w in words if fts and len(w) >= 3]
    conditions = ["deleted_at IS NULL", *([FTS_WHERE] if indexed else [])]
    arguments = [" AND ".join('"' + w.replace('"', '""') + '"' for w in indexed)] if indexed else []
    for word in words:
        if word not in indexed:
            conditions.append("search_text LIKE ? ESCAPE '\\'")
            arguments.append(f"%{word}%")
    where = " AND ".join(conditions)
    rows = connection.execute(LIST_SQL.format(where=where), arguments).fetchall()
    total = connection.execute(f"SELECT count(*) FROM dialogues WHERE {where}", arguments).fetchone()[0]
    return len(rows) + total


# ---- figures ----------------------------------------------------------------------------------

class Bench:
    def __init__(self, size: int, bundle_size: int, repeats: int, seed: int, workdir: Path) -> None:
        self.size, self.bundle_size, self.repeats, self.seed, self.work = size, bundle_size, repeats, seed, workdir
        self.figures: list[Figure] = []

    @functools.cached_property
    def big(self) -> Path:
        """The database of `--size` dialogues, made when a group first needs it (import does not)."""
        return cached_database(self.size, self.seed)

    @functools.cached_property
    def small(self) -> Path:
        return cached_database(10, self.seed)

    def add(self, figure: Figure, limit: float | None = None, absolute: float | None = None) -> Figure:
        """`limit`: the highest ratio allowed; `absolute`: the highest time allowed (ms)."""
        checks = []
        if limit is not None and figure.ratio is not None:
            checks.append(figure.ratio <= limit)
        if absolute is not None and figure.app_ms is not None:
            checks.append(figure.app_ms <= absolute)
        if checks and figure.status == "measured":
            figure.status = "met" if all(checks) else "NOT met"
        self.figures.append(figure)
        print(f"  {format_row(figure)}", flush=True)
        return figure

    def pending(self, name: str, target: str, hook: Callable[[], Any]) -> None:
        figure = Figure(name, target, status="pending")
        try:
            hook()
        except NotMeasuredYet as marker:
            figure.note = str(marker)
        self.add(figure)

    # -- bundle import and export ---------------------------------------------------------------

    def _empty(self) -> Path:
        """A new, migrated database with no records, copied for each import."""
        from desktop_app.db.opening import open_database

        empty = self.work / "empty.sqlite3"
        if not empty.exists():
            open_database(empty).close()
        return empty

    def _version_2_bundle(self, dialogues: int) -> Path:
        """The bundle officers exchange (bundle version 2, docs/exchange.md): the version 1 bundle's
        records imported into a new database and written by `dialogue-register export` — each
        record with its version, replication state and conflicts. Made once a run, in the work folder."""
        path = self.work / f"bundle-{dialogues}-v2.json"
        if not path.exists():
            source = self.work / "version-2-source.sqlite3"
            fresh_copy(self._empty(), source)
            program_import(generate.write_bundle(self.work / f"bundle-{dialogues}.json", dialogues, seed=self.seed),
                           source)
            program_export(source, path)
        return path

    def _import_figures(self, dialogues: int, repeats: int, version: int = 1) -> tuple[Figure, Figure, Figure | None]:
        """`dialogue-register import BUNDLE` into a new (migrated, empty) database, in process, against
        the plain floor (benchmarks/floor_import.py on the same file) and, for a version 1 bundle,
        today's fuller baseline, run in turn. `version` 2: the same records as an export writes them."""
        from benchmarks.floor_import import floor_import

        if version == 2:
            bundle = self._version_2_bundle(dialogues)
        else:
            bundle = generate.write_bundle(self.work / f"bundle-{dialogues}.json", dialogues, seed=self.seed)
        empty = self._empty()
        target, floor = self.work / "import.sqlite3", self.work / "floor.sqlite3"
        sides: dict[str, Callable[[], Any]] = {
            "app": lambda: program_import(bundle, target), "floor": lambda: floor_import(bundle, floor)}
        if version == 1:
            sides["baseline"] = lambda: baseline_import(bundle, target)
        times: dict[str, list[float]] = {key: [] for key in sides}
        cpu: dict[str, list[float]] = {key: [] for key in sides}  # user + system of this process
        for _ in range(repeats):
            for key, action in sides.items():
                if key != "floor":
                    fresh_copy(empty, target)
                started, started_cpu = time.perf_counter(), time.process_time()
                action()
                times[key].append((time.perf_counter() - started) * 1000)
                cpu[key].append((time.process_time() - started_cpu) * 1000)
        app, plain = (statistics.median(times[key]) for key in ("app", "floor"))
        app_cpu, plain_cpu = (statistics.median(cpu[key]) for key in ("app", "floor"))
        peak = _child_import_memory(bundle, empty, self.work / "memory.sqlite3")
        note = f"{app / dialogues:.2f} ms per dialogue; peak memory {peak:,.0f} MB"
        which = "bundle import" if version == 1 else f"bundle import (version {version})"
        if version != 1:
            note += f"; {bundle.stat().st_size / 2**20:,.1f} MB, the version 1 bundle's records as exported"
        against_baseline = None
        if "baseline" in times:
            base = statistics.median(times["baseline"])
            against_baseline = Figure(
                f"bundle import vs today's baseline ({dialogues:,} dialogues)", "info", app, base, app / base,
                status="info", samples={"app": times["app"], "baseline": times["baseline"]},
                note="baseline: json.load + executemany into the program's own schema, triggers, indexes")
        return (Figure(f"{which} vs plain floor ({dialogues:,} dialogues)", "≤ 3×", app, plain, app / plain,
                       samples={"app": times["app"], "baseline": times["floor"]}, note=note),
                Figure(f"{which} vs plain floor, CPU time ({dialogues:,} dialogues)", "≤ 3×", app_cpu,
                       plain_cpu, app_cpu / plain_cpu, samples={"app": cpu["app"], "baseline": cpu["floor"]},
                       note="user + system time of the same alternating runs: what a loaded machine hardly "
                            "changes"),
                against_baseline)

    def bundle_import(self) -> None:
        full, full_cpu, against_baseline = self._import_figures(self.bundle_size, self.repeats)
        smaller = max(1, self.bundle_size // 10 if self.bundle_size >= 20_000 else self.bundle_size // 2)
        part, part_cpu, _ = self._import_figures(smaller, 1)
        growth = (full.app_ms or 0) / max(part.app_ms or 1, 1e-9) / (self.bundle_size / smaller)
        full.note += f"; per-dialogue cost at {self.bundle_size:,} / at {smaller:,}: {growth:.2f}"
        growth_cpu = (full_cpu.app_ms or 0) / max(part_cpu.app_ms or 1, 1e-9) / (self.bundle_size / smaller)
        full_cpu.note += f"; per-dialogue CPU at {self.bundle_size:,} / at {smaller:,}: {growth_cpu:.2f}"
        self.add(full, limit=3)
        self.add(full_cpu, limit=3)
        # the bundle officers exchange: the same records as version 2 (issue 19), beside version 1's
        exchanged, exchanged_cpu, _ = self._import_figures(self.bundle_size, self.repeats, version=2)
        exchanged_cpu.note += f"; version 1's CPU ratio in this run: {full_cpu.ratio or 0:.2f}×"
        self.add(exchanged, limit=3)
        self.add(exchanged_cpu, limit=3)
        if against_baseline is not None:
            self.add(against_baseline)

    def bundle_export(self) -> None:
        from desktop_app.db.opening import open_database
        from desktop_app.services.exchange.exporter import export_bundle

        source = cached_database(self.bundle_size, self.seed)
        database = open_database(source)
        app, base, samples = alternate(lambda: export_bundle(database, self.work / "app-export.json"),
                                       lambda: baseline_export(source, self.work / "raw-export.json"), self.repeats,
                                       warm_up=False)
        database.close()
        same = _same_records(self.work / "app-export.json", self.work / "raw-export.json")
        self.add(Figure(f"bundle export ({self.bundle_size:,} dialogues)", "≤ 2×", app, base, app / base,
                        samples=samples, note=f"{app / self.bundle_size:.2f} ms per dialogue"
                        + ("" if same else "; WARNING: the two exports differ")), limit=2)

    # -- summary report -------------------------------------------------------------------------

    def _report_figures(self, db_path: Path, dialogues: int, repeats: int) -> tuple[Figure, Figure]:
        """The program's XLSX report against the plain floor (issue 19) and against issue 7's baseline,
        A B C A B C ... on the same data; after the runs the workbooks are compared."""
        from benchmarks.report_baseline import compare_workbooks

        app_file, floor_file, raw_file = (self.work / "report-app.xlsx", self.work / "report-floor.xlsx",
                                          self.work / "report-raw.xlsx")
        times: dict[str, list[float]] = {"app": [], "floor": [], "baseline": []}
        sides = (("app", lambda: program_report_xlsx(db_path, app_file)),
                 ("floor", lambda: floor_report_xlsx(db_path, floor_file)),
                 ("baseline", lambda: baseline_report_xlsx(db_path, raw_file)))
        for _, action in sides:  # warm-up: none pays alone for cold caches
            action()
        for _ in range(repeats):
            for key, action in sides:
                started = time.perf_counter()
                action()
                times[key].append((time.perf_counter() - started) * 1000)
        app, floor, base = (statistics.median(times[key]) for key in ("app", "floor", "baseline"))
        figures = []
        for name, other, other_file, target in (("plain floor (SQL aggregates + openpyxl write-only)", floor,
                                                 floor_file, "≤ 2× (moonshot 1.5×)"),
                                                ("raw SQL + openpyxl write-only (issue 7 baseline)", base, raw_file,
                                                 "≤ 2×")):
            problems = compare_workbooks(app_file, other_file)
            figures.append(Figure(
                f"report XLSX vs {name} ({dialogues:,})", target, app, other, app / other,
                samples={"app": times["app"], "baseline": times["floor" if other_file == floor_file else "baseline"]},
                note=f"{app / dialogues:.2f} ms per dialogue"
                + ("; same sheets, Summary and rows" if not problems
                   else "; WARNING: the workbooks differ: " + "; ".join(problems))))
        return figures[0], figures[1]

    def report(self) -> None:
        """The whole report (no filters) end to end as the CLI makes it, against the plain floor and
        issue 7's baseline; each ratio is also measured at a smaller size to show how the cost per
        dialogue grows."""
        floor, baseline = self._report_figures(self.big, self.size, self.repeats)
        small_size = _smaller_cached(self.size, self.seed)
        small_floor, small_baseline = self._report_figures(cached_database(small_size, self.seed), small_size, 1)
        for full, small in ((floor, small_floor), (baseline, small_baseline)):
            growth = (full.app_ms or 0) / max(small.app_ms or 1, 1e-9) / (self.size / small_size)
            full.note += (f"; at {small_size:,}: {small.ratio or 0:.2f}×; per-dialogue cost at {self.size:,} / "
                          f"at {small_size:,}: {growth:.2f}")
            if "WARNING" in small.note:
                full.note += f"; at {small_size:,}: {small.note}"
        self.add(floor, limit=2)
        self.add(baseline, limit=2)

    # -- list, search, open/save ---------------------------------------------------------------

    def search(self) -> None:
        """Each search of the list (a page + the total) and of the People page against the plain
        floor (`benchmarks/floor_search.py`: raw sqlite3 over a minimal table and its FTS5 indexes)."""
        from desktop_app.db.opening import open_database
        from desktop_app.db.repositories.dialogues import DialogueRepository
        from desktop_app.db.repositories.people import PeopleRepository
        from desktop_app.domain.records import DialogueFilter
        from desktop_app.domain.search import query_words
        from desktop_app.ui.models.dialogue_table_model import COUNT_UP_TO
        from desktop_app.ui.models.people_model import COUNTED

        database = open_database(self.big)
        repository, people = DialogueRepository(database), PeopleRepository(database)
        floor = sqlite3.connect(build_floor(self.big))
        persons = floor.execute("SELECT count(*) FROM p").fetchone()[0]
        try:
            for query in (*SEARCHES, *SHORT_SEARCHES):
                words = query_words(query)
                app, base, samples = alternate(lambda q=query: repository.page(DialogueFilter(text=q),
                                                                               count_up_to=COUNT_UP_TO),
                                               lambda w=words: floor_list_search(floor, w), self.repeats * 2)
                total = repository.count(DialogueFilter(text=query))
                self.add(Figure(f"search “{query}”, first page ({self.size:,})", f"< {FAST} ms", app, base,
                                app / base, samples=samples,
                                note=f"{total:,} found; page + total counted up to {COUNT_UP_TO:,} as the window "
                                     "does; floor: raw FTS5 on a minimal table, exact count"),
                         absolute=FAST)
            for query in PEOPLE_SEARCHES:
                words = query_words(query)
                # what the page waits for before it shows the people found: the search and the first
                # screenful's meetings (`PeopleView.reload`); the others are counted as they scroll into view
                app, base, samples = alternate(lambda q=query: people.search(q, counted=COUNTED),
                                               lambda w=words: floor_people_search(floor, w), self.repeats * 2)
                shown = [person.id for person in people.search(query, counted=0)]
                found = len(shown)
                scrolled, _ = timed(lambda ids=shown[-COUNTED:]: people.meetings_of(ids), self.repeats * 2)
                self.add(Figure(f"People page search “{query}” ({persons:,} people)", f"< {FAST} ms", app, base,
                                app / base, samples=samples,
                                note=f"{found:,} shown (500 at most), the first {COUNTED} with their meetings "
                                     "(attended, each once, none in the trash), the others counted as they come "
                                     f"into view ({scrolled:.1f} ms for the last {COUNTED}); floor: raw FTS5 and "
                                     "every row's count of participations"),
                         absolute=FAST)
        finally:
            floor.close()
            database.close()
        self.like_versus_index()

    def like_versus_index(self) -> None:
        """What the trigram index (migration 0004) changed: the same raw query with LIKE on every
        word, as the program searched before, against the index."""
        connection = sqlite3.connect(self.big)
        size_mb = self.big.stat().st_size / 2**20
        index_pages = connection.execute("SELECT count(*) FROM dialogue_search_data").fetchone()[0]
        from desktop_app.domain.search import query_words

        for query in SEARCHES:
            words = query_words(query)
            fts_ms, like_ms, samples = alternate(lambda w=words: baseline_search(connection, w),
                                                 lambda w=words: baseline_search(connection, w, fts=False),
                                                 self.repeats * 2)
            self.add(Figure(f"search “{query}”: trigram index vs LIKE (raw)", "info", fts_ms, like_ms,
                            fts_ms / like_ms, status="info", samples=samples,
                            note=f"file {size_mb:,.0f} MB with the index ({index_pages:,} index blocks)"))
        connection.close()

    def first_page(self) -> None:
        from desktop_app.db.opening import open_database
        from desktop_app.db.repositories.dialogues import DialogueRepository

        reference_size = min(1000, self.size)
        big, small = open_database(self.big), open_database(cached_database(reference_size, self.seed))
        app, base, samples = alternate(lambda: DialogueRepository(big).page(),
                                       lambda: DialogueRepository(small).page(), self.repeats * 3)
        big.close()
        small.close()
        self.add(Figure(f"list first page, {self.size:,} vs {reference_size:,} dialogues", "flat (≈ 1×)", app, base,
                        app / base, samples=samples,
                        note=f"both pages hold {min(200, reference_size)} rows; the smaller database is the baseline"),
                 limit=1.5)
        database = open_database(self.big)
        floor = sqlite3.connect(build_floor(self.big))
        app, base, samples = alternate(lambda: DialogueRepository(database).page(),
                                       lambda: floor_list_search(floor, []), self.repeats * 3)
        floor.close()
        database.close()
        self.add(Figure(f"list first page + total ({self.size:,})", f"< {FAST} ms", app, base, app / base,
                        samples=samples, note="floor: raw sqlite3, a page of a minimal table by date and count(*)"),
                 absolute=FAST)

    def list_cases(self, repository: Any) -> list[tuple[str, Callable[[], Any], str, tuple[Any, ...]]]:
        """Each sort and filter of the list: the program's call and the same query's WHERE/ORDER BY."""
        from desktop_app.db.repositories.dialogues import DialogueSort
        from desktop_app.domain.enums import DialogueStatus
        from desktop_app.domain.records import DialogueFilter
        from desktop_app.ui.models.dialogue_table_model import COUNT_UP_TO

        def shown(selection: DialogueFilter) -> Any:
            """The window's own call: a search or a country counted up to COUNT_UP_TO."""
            return repository.page(selection, count_up_to=COUNT_UP_TO)

        columns = {"date": "start_date", "title": "title", "series": "series", "place": "city",
                   "chair": "coalesce(chair_organisation, chair_country)", "delegations": "delegation_count",
                   "participants": "participant_count", "status": "status"}
        country = ("deleted_at IS NULL AND id IN (SELECT id FROM dialogues WHERE country = ? UNION ALL "
                   "SELECT dialogue_id FROM delegations WHERE party_country = ?)")
        cases: list[tuple[str, Callable[[], Any], str, tuple[Any, ...]]] = [
            (f"sort by {sort.value}", lambda s=sort: repository.page(sort=s),
             f"deleted_at IS NULL ORDER BY {columns[sort.value]} DESC, id DESC", ()) for sort in DialogueSort]
        by_date = " ORDER BY start_date DESC, id DESC"
        skip = min(10_000, self.size // 2)  # paging: a page well into the list
        return [*cases,
                ("filter series", lambda: repository.page(DialogueFilter(series="EU-Central Asia Drug Dialogue")),
                 "deleted_at IS NULL AND series = ?" + by_date, ("EU-Central Asia Drug Dialogue",)),
                ("filter status draft", lambda: repository.page(DialogueFilter(status=DialogueStatus.DRAFT)),
                 "deleted_at IS NULL AND status = ?" + by_date, ("draft",)),
                ("filter country KZ", lambda: shown(DialogueFilter(country="KZ")),
                 country + by_date, ("KZ", "KZ")),
                ("filter country AF (rare)", lambda: shown(DialogueFilter(country="AF")),
                 country + by_date, ("AF", "AF")),
                ("filter year 2020", lambda: repository.page(DialogueFilter(
                    date_from=date(2020, 1, 1), date_to=date(2020, 12, 31))),
                 "deleted_at IS NULL AND start_date >= ? AND start_date <= ?" + by_date, ("2020-01-01", "2020-12-31")),
                ("trash", lambda: repository.page(DialogueFilter(deleted=True)),
                 "deleted_at IS NOT NULL" + by_date, ()),
                (f"page at offset {skip:,} by date", lambda: repository.page(offset=skip),
                 "deleted_at IS NULL" + by_date + f" OFFSET {skip}", ()),
                ("search “ес” + filter country KZ", lambda: shown(DialogueFilter(text="ес", country="KZ")),
                 country + " AND rowid IN (SELECT rowid FROM dialogue_words WHERE dialogue_words MATCH '\"es\"*')"
                 + by_date, ("KZ", "KZ"))]

    def sorts_and_filters(self) -> None:
        """Every list sort and filter on the big database against the same query (page + total) in
        raw SQLite on the same file; the indexes of migration 0003 serve both."""
        from desktop_app.db.opening import open_database
        from desktop_app.db.repositories.dialogues import DialogueRepository

        database = open_database(self.big)
        connection = sqlite3.connect(self.big)
        try:
            for name, action, clause, arguments in self.list_cases(DialogueRepository(database)):
                where, _, order = clause.partition(" ORDER BY ")

                order, _, offset = order.partition(" OFFSET ")

                def raw(where: str = where, order: str = order, offset: str = offset,
                        arguments: tuple[Any, ...] = arguments) -> None:
                    sql = LIST_SQL.format(where=where).replace("start_date DESC, id DESC", order)
                    connection.execute(sql.replace("OFFSET 0", f"OFFSET {offset or 0}"), arguments).fetchall()
                    connection.execute(f"SELECT count(*) FROM dialogues WHERE {where}", arguments).fetchone()

                ms, raw_ms, samples = alternate(action, raw, self.repeats)
                self.add(Figure(f"list {name} ({self.size:,})", f"< {FAST} ms", ms, raw_ms, ms / raw_ms,
                                samples=samples, note=f"floor: the same query in raw sqlite3 ({raw_ms:.1f} ms)"),
                         absolute=FAST)
        finally:
            database.close()
            connection.close()

    def open_and_save(self) -> None:
        from dataclasses import replace

        from desktop_app.db.opening import open_database
        from desktop_app.db.repositories.dialogues import DialogueRepository

        # A private copy, as the window's figures use: the saves below wrote into the shared cache
        # before round 13, so each `make bench` started from the last one's dialogue (revision 225
        # and a 187 KB replication state on the build VM) and its save figures crept up run by run.
        database = open_database(self._window_copy(self.big, "form"))
        repository = DialogueRepository(database)
        try:
            _ensure_big_dialogue(database, repository)
            get_ms, get_samples = timed(lambda: repository.get(BIG_DIALOGUE_ID), self.repeats * 2)
            self.add(Figure("open a dialogue (12 delegations, 50 participants)", "< 100 ms", get_ms,
                            samples={"app": get_samples}), absolute=100)
            state = {"record": repository.get(BIG_DIALOGUE_ID)}

            def save() -> None:
                record = state["record"]
                state["record"] = repository.save(replace(record, summary=f"Saved at revision {record.revision}."))

            save_ms, save_samples = timed(save, self.repeats * 2)
            self.add(Figure("save that dialogue (one field changed)", "< 100 ms", save_ms,
                            samples={"app": save_samples}), absolute=100)
            self.form_window(database, repository)
        finally:
            database.close()

    def form_window(self, database: Any, repository: Any) -> None:
        """The same dialogue in the real form (offscreen): open = read + build + fill + show, and
        Save after typing into the summary (the form re-reads what it shows after a save)."""
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication

        from desktop_app.ui.forms.dialogue_editor import DialogueEditor

        application = QApplication.instance() or QApplication([])
        editors: list[Any] = []

        def open_form() -> None:
            editor = DialogueEditor(database, repository.get(BIG_DIALOGUE_ID))
            editor.show()
            application.processEvents()
            editors.append(editor)

        def close_all() -> None:
            """Each form closed and freed, as the window's event loop frees a closed form
            (`EditorWindows.open_editors`): `processEvents` outside a running loop leaves a
            `deleteLater` waiting, and the ten forms opened before the saves stayed alive, hidden,
            each adding to what every later event and save touched (round 12: the save 57 → 80 ms)."""
            while editors:
                editor = editors.pop()
                editor.hide()
                editor.deleteLater()
            application.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        open_samples = []
        for _ in range(self.repeats * 2):
            started = time.perf_counter()
            open_form()
            open_samples.append((time.perf_counter() - started) * 1000)
            close_all()
        self.add(Figure("open that dialogue in the form window", "< 100 ms", statistics.median(open_samples),
                        samples={"app": open_samples}),
                 absolute=100)
        open_form()
        editor = editors[0]
        save_samples = []
        for n in range(self.repeats * 2):
            editor.details.summary.setPlainText(f"Typed in the form, round {n}.")
            application.processEvents()
            started = time.perf_counter()
            if not editor.save():
                raise RuntimeError(f"the form did not save: {editor.message.text()}")
            application.processEvents()
            save_samples.append((time.perf_counter() - started) * 1000)
        close_all()
        self.add(Figure("save it from the form window (summary typed)", "< 100 ms", statistics.median(save_samples),
                        samples={"app": save_samples}), absolute=100)

    # -- processes: memory, start-up -----------------------------------------------------------

    def memory(self) -> None:
        """Peak RSS of the whole window (issue 19): the program's entry on a copy of the big database,
        settled (first paint, the pages read after it, the check and daily backup in the background
        done), against the same on 10 dialogues; the bare floor's peak is quoted beside it."""
        big, small = self._window_copy(self.big), self._window_copy(self.small, "small")
        big_mb = [_window_peak_mb(big) for _ in range(self.repeats)]
        small_mb = [_window_peak_mb(small) for _ in range(self.repeats)]
        floor_mb = _floor_peak_mb(self.big)  # once: the floor's peak hardly varies
        big_median, small_median = statistics.median(big_mb), statistics.median(small_mb)
        self.add(Figure(f"peak memory: window settled, {self.size:,} vs 10 dialogues (MB)", "≤ 1.3×",
                        big_median, small_median, big_median / small_median,
                        samples={"app": big_mb, "baseline": small_mb},
                        note=f"difference {big_median - small_median:.1f} MB; bare floor window "
                             f"{floor_mb:.0f} MB ({big_median / floor_mb:.2f}× of it); VmHWM of a child"),
                 limit=1.3)

    def _window_copy(self, source: Path, name: str = "big") -> Path:
        """The program's window writes beside its database (WAL, backups/): a private copy, never the
        shared read-only cache (DR_BENCH_CACHE)."""
        target = self.work / f"window-{name}" / source.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            source_connection = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
            copy = sqlite3.connect(target)
            source_connection.backup(copy)  # consistent even with the cache's -wal beside it
            copy.close()
            source_connection.close()
        return target

    def startup(self) -> None:
        python = sys.executable
        app, base, samples = alternate(
            lambda: subprocess.run([python, "-m", "desktop_app", "--version"], check=True, capture_output=True),
            lambda: subprocess.run([python, "-c", "pass"], check=True, capture_output=True), self.repeats * 2)
        heavy = _heavy_imports(["-m", "desktop_app", "--version"])
        gui_path = _heavy_imports(["-c", "import desktop_app.app, desktop_app.ui.main_window, "
                                   "desktop_app.db.opening, desktop_app.db.repositories.dialogues"])
        figure = Figure("start-up: `--version` vs bare python", "nothing heavy imported", app, base, app / base,
                        samples=samples, note=f"heavy modules on --version: {heavy or 'none'}; "
                        f"on the first-window path: {gui_path or 'none'}")
        figure.status = "met" if not heavy and not gui_path else "NOT met"
        self.add(figure)
        self.first_window()

    def first_window(self) -> None:
        """Alternating runs of the program's first window (on a private copy: it writes beside its
        file) and the bare floor (benchmarks/floor_window.py, read-only on the cache), each in a fresh
        process, each side's first run untimed. The figure is the issue's: the time until the window
        is shown (the child's "shown" line read as it is printed), wall and the child's own CPU time
        then; the whole process to its exit beside it (the shutdown is nobody's wait). The daily
        backup no longer delays the window."""
        copy = self._window_copy(self.big)
        sides = {"app": lambda: program_first_window(copy), "baseline": lambda: _bare_window(self.big)}
        for action in sides.values():
            action()
        runs: dict[str, list[WindowRun]] = {key: [] for key in sides}
        for _ in range(self.repeats * 2):
            for key, action in sides.items():
                runs[key].append(action())

        def median(key: str, field: str) -> float:
            return statistics.median(getattr(run, field) for run in runs[key])

        app, base = median("app", "shown_ms"), median("baseline", "shown_ms")
        notes = {field: (median("app", field), median("baseline", field))
                 for field in ("shown_cpu_ms", "exit_ms", "exit_cpu_ms")}
        cpu, exit_wall, exit_cpu = (f"{a:,.0f} vs {b:,.0f} ms ({a / b:.2f}×)" for a, b in notes.values())
        paired = paired_ratio([run.shown_ms for run in runs["app"]], [run.shown_ms for run in runs["baseline"]])
        self.add(Figure(f"first window shown ({self.size:,})", "≤ 1.5× (moonshot 1.2×)", app, base, app / base,
                        samples={f"{key}_{field}": [getattr(run, field) for run in runs[key]] for key in runs
                                 for field in WindowRun._fields},
                        note=f"until shown, vs the floor benchmarks/floor_window.py; CPU until shown {cpu}; "
                             f"the pairs' own ratios: median {paired:.2f}×; "
                             f"to the process's exit {exit_wall}, CPU {exit_cpu}"),
                 limit=1.5)


def paired_ratio(program: list[float], floor: list[float]) -> float:
    """The median of each alternating pair's own ratio, quoted beside the ratio of the two sides'
    medians: the runs of one pair are a moment apart, so the machine's slow and fast spells, which
    move one side's median against the other's on a shared VM (round 10: 1.33× and 1.58× in two runs
    of the same tree), mostly cancel within a pair."""
    return statistics.median(a / b for a, b in zip(program, floor, strict=True))


def _children_cpu() -> float:
    """User + system seconds of the finished children so far."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


APP_WINDOW = r"""
import importlib.util
import sys

def shown():
    from PySide6.QtWidgets import QApplication
    from desktop_app.ui.main_window import MainWindow
    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    import time
    print("shown", windows[0].dialogues.model.rowCount() if windows else "no window",
          round(time.process_time() * 1000, 1), flush=True)
    app.quit()

class ReportWhenShown:
    # QApplication.exec patched as the entry imports the window's module, so that this script imports
    # nothing before the entry does (PySide6 imported first would change what the program pays)
    def find_spec(self, name, path, target=None):
        if name != "desktop_app.ui.main_window":
            return None
        sys.meta_path.remove(self)
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        original = QApplication.exec
        def exec_once_shown(*args):
            QTimer.singleShot(0, shown)
            return original()
        QApplication.exec = exec_once_shown
        return importlib.util.find_spec(name)

sys.meta_path.insert(0, ReportWhenShown())
from desktop_app.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def program_import(bundle: Path, db_path: Path) -> None:
    """`dialogue-register --db FILE import BUNDLE` in this process (open for work, read and check the
    bundle, merge, close), its printed summary swallowed."""
    import contextlib
    import io

    from desktop_app.cli import main as cli_main

    with contextlib.redirect_stdout(io.StringIO()):
        if cli_main(["--db", str(db_path), "--officer", "bench", "import", str(bundle)]) != 0:
            raise RuntimeError("the import failed")


def program_export(db_path: Path, bundle: Path) -> None:
    """`dialogue-register --db FILE export -o BUNDLE` in this process: a version 2 bundle."""
    import contextlib
    import io

    from desktop_app.cli import main as cli_main

    with contextlib.redirect_stdout(io.StringIO()):
        if cli_main(["--db", str(db_path), "export", "-o", str(bundle)]) != 0:
            raise RuntimeError("the export failed")


IMPORT_MEMORY_CHILD = r"""
import sys
from benchmarks.run import program_import
from pathlib import Path
program_import(Path(sys.argv[1]), Path(sys.argv[2]))
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")))
"""


def _child_import_memory(bundle: Path, empty: Path, target: Path) -> float:
    """Peak RSS (MB) of a fresh process importing the bundle into a new database (Linux: VmHWM)."""
    if platform.system() != "Linux":
        return float("nan")
    fresh_copy(empty, target)
    result = subprocess.run([sys.executable, "-c", IMPORT_MEMORY_CHILD, str(bundle), str(target)],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    return int(result.stdout.split()[-1]) / 1024


def _window_environment() -> dict[str, str]:
    """Both windows' children: offscreen unless told, and with Python's bytecode cache allowed — the
    built program ships its modules compiled, so a PYTHONDONTWRITEBYTECODE set on a build machine
    would otherwise have every program module compiled on every timed start (~0.3 s of CPU here);
    each side's first run, untimed (`alternate`), writes the cache."""
    environment = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


class WindowRun(NamedTuple):
    """One first window's child process: until its window was shown, and to its exit (ms)."""
    shown_ms: float  # wall time until the child printed "shown"
    shown_cpu_ms: float  # the child's own CPU time then (it prints it)
    exit_ms: float
    exit_cpu_ms: float  # the child's user + system time to its exit


def _window_run(command: list[str], cwd: Path | None = None) -> WindowRun:
    """Run a first-window child; its "shown ROWS CPU_MS" line is read as it is printed."""
    before = _children_cpu()
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             env=_window_environment(), cwd=cwd)
    assert child.stdout is not None
    output, shown = [], None
    for line in child.stdout:
        output.append(line)
        if shown is None and line.startswith("shown "):
            shown = (time.perf_counter() - started) * 1000, line.split()
    code = child.wait()
    exit_ms, exit_cpu_ms = (time.perf_counter() - started) * 1000, (_children_cpu() - before) * 1000
    if code != 0 or shown is None or shown[1][1] == "no":
        raise RuntimeError(f"the window did not show: {''.join(output)}")
    return WindowRun(shown[0], float(shown[1][2]), exit_ms, exit_cpu_ms)


def program_first_window(db_path: Path) -> WindowRun:
    """Process start to the main window shown with the first page of dialogues, through the real
    entry (`dialogue-register --db FILE`: open, checks, daily backup if due, the window), in a fresh
    process like the bare baseline; the event loop's first turn reports the rows and quits."""
    return _window_run([sys.executable, "-c", APP_WINDOW, str(db_path)], cwd=ROOT)


def program_report_xlsx(db_path: Path, target: Path) -> None:
    """The summary report as XLSX the way `dialogue-register report -o FILE` makes it: open the
    database, build the report (all dialogues), write the workbook (the Participants sheet is read as it
    is written), close."""
    from desktop_app.db.opening import open_database
    from desktop_app.services.report import build_report, write_report
    from desktop_app.services.report.build import for_format

    database = open_database(db_path)
    try:
        report = build_report(database, **for_format("xlsx"))  # as cmd_report does for .xlsx
        write_report(report, target, "xlsx")
    finally:
        database.close()


def floor_report_xlsx(db_path: Path, target: Path) -> None:
    """The plain floor of issue 19: the same aggregates in SQL, openpyxl write-only, the same sheets."""
    from benchmarks.floor_report import write_floor_report

    write_floor_report(db_path, target)


def baseline_report_xlsx(db_path: Path, target: Path) -> None:
    """The same five sheets in raw SQL, written with openpyxl's write-only mode."""
    from benchmarks.report_baseline import write_report_baseline

    write_report_baseline(db_path, target)


FLOOR_WINDOW = ROOT / "benchmarks" / "floor_window.py"


def _bare_window(db_path: Path) -> WindowRun:
    """Process start to a bare QTableView over QSqlQueryModel shown and painted."""
    return _window_run([sys.executable, str(FLOOR_WINDOW), str(db_path)])


WINDOW_SETTLED = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from benchmarks.floor_window import peak_kilobytes
def settled():
    from desktop_app.ui.main_window import MainWindow
    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    window = windows[0] if windows else None
    if window is None or not window._painted or window._after_work is not None or not window.people.loaded:
        QTimer.singleShot(50, settled)
        return
    print("peak", peak_kilobytes(), flush=True)
    app.quit()
original = QApplication.exec
def exec_until_settled(*args):
    QTimer.singleShot(0, settled)
    return original()
QApplication.exec = exec_until_settled
from desktop_app.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def _peak_of(result: subprocess.CompletedProcess[str]) -> float:
    line = next(line for line in result.stdout.splitlines() if line.startswith("peak"))
    kilobytes = int(line.split()[1])
    return kilobytes / 1024 if platform.system() != "Darwin" else kilobytes / 2**20


def _window_peak_mb(db_path: Path) -> float:
    """Peak RSS (MB) of the program's window, settled: painted, other pages read, background work done."""
    environment = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return _peak_of(subprocess.run([sys.executable, "-c", WINDOW_SETTLED, str(db_path)], capture_output=True,
                                   text=True, env=environment, check=True, cwd=ROOT, timeout=900))


def _floor_peak_mb(db_path: Path) -> float:
    environment = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return _peak_of(subprocess.run([sys.executable, str(FLOOR_WINDOW), str(db_path), "--settle"],
                                   capture_output=True, text=True, env=environment, check=True, timeout=900))


def _heavy_imports(arguments: list[str]) -> list[str]:
    probe = ("import runpy, sys\n"
             "sys.argv = {argv!r}\n"
             "try:\n"
             "    {run}\n"
             "except SystemExit:\n"
             "    pass\n"
             "print('HEAVY:', ' '.join(m for m in {heavy!r} if m in sys.modules))\n")
    if arguments[0] == "-m":
        code = probe.format(argv=[arguments[1], *arguments[2:]], run=f"runpy.run_module({arguments[1]!r}, "
                            "run_name='__main__')", heavy=HEAVY_MODULES)
    else:
        code = probe.format(argv=["-c"], run=f"exec({arguments[1]!r})", heavy=HEAVY_MODULES)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    line = next(line for line in result.stdout.splitlines() if line.startswith("HEAVY:"))
    return line.split()[1:]


def _ensure_big_dialogue(database: Any, repository: Any) -> None:
    """A dialogue with 12 delegations and 50 participants (the form's heavy case), saved once."""
    from desktop_app.domain.errors import RecordNotFound
    from desktop_app.services.exchange import codec

    try:
        repository.get(BIG_DIALOGUE_ID)
        return
    except RecordNotFound:
        pass
    import random

    with database.reading() as session:
        from sqlalchemy import select

        from desktop_app.db import models as m

        people = list(session.scalars(select(m.PersonRow.id).order_by(m.PersonRow.id).limit(50)))
        institutions = list(session.scalars(select(m.InstitutionRow.id).order_by(m.InstitutionRow.id).limit(12)))
    rng = random.Random(12)
    ids = generate.Ids(rng)
    delegations = []
    for slot in range(12):
        count = 5 if slot < 2 else 4  # 2 x 5 + 10 x 4 = 50
        taken = people[:count]
        people = people[count:]
        side, party = generate._party(rng, slot % 8, None)
        if slot >= 8:
            side, party = "eu", {"type": "country", "code": generate.EU_STATES[slot]}
        delegations.append({"id": ids(), "side": side, "party": party, "programme_supported": side == "partner",
                            "notes": None, "participants": [
                                {"id": ids(), "person_id": person, "institution_id": institutions[slot],
                                 "position": "Senior Expert", "role": "head" if n == 0 else "member"}
                                for n, person in enumerate(taken)]})
    data = {"id": BIG_DIALOGUE_ID, "title": "EU-Central Asia Drug Dialogue (benchmark: 12 delegations)",
            "series": "EU-Central Asia Drug Dialogue", "kind": "regional", "start_date": "2024-06-11",
            "end_date": "2024-06-12", "city": "Brussels", "country": "BE", "online": False,
            "chair": {"type": "organisation", "name": "European Commission"},
            "supporting_programmes": ["CADAP 7"], "frameworks": ["EU Drugs Strategy 2021-2025"],
            "topics": ["harm reduction", "drug monitoring"], "summary": None, "status": "final",
            "agenda": [{"title": f"Session {n}", "presenter": None, "notes": None} for n in range(1, 6)],
            "delegations": delegations, "actions": []}
    repository.save(codec.dialogue_from_json(data))


def _same_records(one: Path, other: Path) -> bool:
    """The app's (version 2) export says the same as the baseline's version 1 fields; version 2's
    additions (versions, replication state, ids, statuses) are left out of the comparison."""
    a, b = json.loads(one.read_text(encoding="utf-8")), json.loads(other.read_text(encoding="utf-8"))

    def projected(mine: object, theirs: object) -> object:
        if isinstance(theirs, dict) and isinstance(mine, dict):
            return {key: projected(mine.get(key), value) for key, value in theirs.items()}
        if isinstance(theirs, list) and isinstance(mine, list) and len(theirs) == len(mine):
            return [projected(x, y) for x, y in zip(mine, theirs, strict=True)]
        return mine

    return all(projected(a[key], b[key]) == b[key] for key in ("people", "institutions", "dialogues"))


# ---- output -----------------------------------------------------------------------------------

def _ms(value: float | None, unit: str = "ms") -> str:
    if value is None:
        return "—"
    return f"{value:,.1f} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def format_row(figure: Figure) -> str:
    unit = "MB" if "(MB)" in figure.name else "ms"
    ratio = "—" if figure.ratio is None else f"{figure.ratio:.2f}×"
    return (f"{figure.name:<58} {_ms(figure.app_ms, unit):>11} {_ms(figure.baseline_ms, unit):>11} {ratio:>8} "
            f"{figure.target:<22} {figure.status:<8} {figure.note}")


def table(figures: list[Figure]) -> str:
    header = (f"{'figure':<58} {'program':>11} {'baseline':>11} {'ratio':>8} {'target':<22} {'status':<8} note")
    return "\n".join([header, "-" * len(header), *(format_row(f) for f in figures)])


def markdown(figures: list[Figure]) -> str:
    lines = ["| figure | program | baseline | ratio | target | status | note |",
             "| --- | ---: | ---: | ---: | --- | --- | --- |"]
    for f in figures:
        unit = "MB" if "(MB)" in f.name else "ms"
        ratio = "—" if f.ratio is None else f"{f.ratio:.2f}×"
        lines.append(f"| {f.name} | {_ms(f.app_ms, unit)} | {_ms(f.baseline_ms, unit)} | {ratio} | {f.target} | "
                     f"{f.status} | {f.note} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Dialogue Register against plain baselines.")
    parser.add_argument("--size", type=int, default=20_000, help="dialogues in the big database (default 20,000)")
    parser.add_argument("--bundle-size", type=int,
                        help="dialogues in the import/export bundle (default: the whole --size)")
    parser.add_argument("--repeats", type=int, default=3, help="alternating runs per figure (default 3)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="a tiny smoke run: 60 dialogues, one repeat")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument("--only", nargs="+", choices=GROUPS, metavar="GROUP",
                        help=f"measure only these groups of figures ({', '.join(GROUPS)})")
    parser.add_argument("--show", type=Path, metavar="RESULTS", help="print a results.json as a Markdown table")
    args = parser.parse_args(argv)
    if args.show:
        saved = json.loads(args.show.read_text(encoding="utf-8"))
        print(markdown([Figure(**f) for f in saved["figures"]]))
        return 0
    if args.quick:
        args.size, args.bundle_size, args.repeats = 60, args.bundle_size or 20, 1
    bundle_size = min(args.size, args.bundle_size or args.size)
    started = time.perf_counter()
    print(f"Dialogue Register benchmark: {args.size:,} dialogues, bundles of {bundle_size:,}, "
          f"{args.repeats} alternating runs", flush=True)
    with tempfile.TemporaryDirectory(prefix="dr-bench-") as folder:
        bench = Bench(args.size, bundle_size, args.repeats, args.seed, Path(folder))
        groups: dict[str, Callable[[], None]] = {
            "import": bench.bundle_import, "export": bench.bundle_export,
            "report": bench.report,
            "list": bench.first_page, "search": bench.search, "sorts": bench.sorts_and_filters,
            "form": bench.open_and_save, "memory": bench.memory, "startup": bench.startup}
        for name, measure in groups.items():
            if not args.only or name in args.only:
                measure()
    print()
    print(table(bench.figures))
    if args.markdown:
        print()
        print(markdown(bench.figures))
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"python": platform.python_version(), "system": platform.platform(),
                    "cpus": os.cpu_count(), "sqlite": sqlite3.sqlite_version},
        "size": args.size, "bundle_size": bundle_size, "repeats": args.repeats, "seed": args.seed,
        "seconds": round(time.perf_counter() - started, 1),
        "figures": [asdict(f) for f in bench.figures],
    }
    args.output.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\n{len(bench.figures)} figures in {result['seconds']} s; written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
