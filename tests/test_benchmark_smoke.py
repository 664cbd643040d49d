"""The benchmark must keep running as the program changes: a tiny run of it (never `make bench`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_benchmark_runs_at_a_tiny_size_and_writes_every_figure(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", DR_BENCH_CACHE=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--output", str(output)],
                            capture_output=True, text=True, env=environment, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = {f["name"]: f for f in json.loads(output.read_text(encoding="utf-8"))["figures"]}
    measured = [f for f in figures.values() if f["status"] != "pending"]
    assert all(f["app_ms"] is not None and f["app_ms"] > 0 for f in measured)
    assert any(name.startswith("bundle import") and f["ratio"] for name, f in figures.items())
    # issue 19: the import against the plain floor and against today's baseline, both quoted
    assert any(name.startswith("bundle import vs plain floor") and f["ratio"] for name, f in figures.items())
    assert any(name.startswith("bundle import vs today's baseline") and f["ratio"] for name, f in figures.items())
    assert any(name.startswith("bundle import vs plain floor, CPU time") and f["ratio"] and f["samples"]["app"]
               for name, f in figures.items())  # user + system time, what a loaded machine hardly changes
    # issue 19: the version 2 bundle officers exchange (the same records exported), against its floor
    version_2 = [f for name, f in figures.items() if name.startswith("bundle import (version 2) vs plain floor")]
    assert len(version_2) == 2 and all(f["ratio"] and f["target"] == "≤ 3×" for f in version_2)
    assert any("CPU time" in f["name"] and f["samples"]["app"] and f["samples"]["baseline"] for f in version_2)
    assert any(name.startswith("bundle export") and "differ" not in f["note"] for name, f in figures.items())
    pending = [f for f in figures.values() if f["status"] == "pending"]
    assert {f["name"].split()[0] for f in pending} <= {"report", "first"}
    report = [f for name, f in figures.items() if name.startswith("report XLSX")]
    assert len(report) == 2  # against the plain floor (issue 19) and against issue 7's baseline
    assert any("plain floor" in f["name"] for f in report)
    for figure in report:
        assert figure["ratio"] and "same sheets, Summary and rows" in figure["note"]
        assert "WARNING" not in figure["note"]  # both workbooks: same sheets, Summary numbers, rows per sheet
    assert "figure" in result.stdout and "report XLSX" in result.stdout  # the printed table


def test_the_window_count_ends_both_sides_where_the_window_is_shown(tmp_path: Path) -> None:
    """benchmarks/window_instructions.py ends the program's child by rewriting its `app.quit()` line, and
    the floor by `--exit-at-shown`: if either stopped applying, the count would silently run to exit."""
    import sqlite3

    from benchmarks import window_instructions
    from benchmarks.run import APP_WINDOW, FLOOR_WINDOW

    assert APP_WINDOW.count("    app.quit()") == 1
    assert window_instructions.EXIT_AT_SHOWN in APP_WINDOW.replace("    app.quit()", window_instructions.EXIT_AT_SHOWN)
    database = tmp_path / "floor.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE dialogues (title, start_date, series, city, status, delegation_count, "
                           "participant_count, deleted_at, id)")
        connection.execute("INSERT INTO dialogues VALUES ('t', '2024-01-01', 's', 'c', 'final', 1, 2, NULL, 'a')")
    shown = subprocess.run([sys.executable, str(FLOOR_WINDOW), str(database), "--exit-at-shown"], capture_output=True,
                           text=True, timeout=60, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    word, rows, cpu_ms = shown.stdout.split()  # `make bench` reads the CPU time until shown from it
    assert shown.returncode == 0 and (word, rows) == ("shown", "1") and float(cpu_ms) > 0


def test_the_first_window_is_timed_until_it_is_shown_and_to_the_exit(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """`make bench` quotes the issue's figure, the time until the window is shown (the child's "shown"
    line read as it is printed, and the CPU time the child reports then), with the whole process to
    its exit beside it: the moment shown comes before the exit, and a child that never shows is an error."""
    import sqlite3

    from benchmarks import run

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    database = tmp_path / "floor.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE dialogues (title, start_date, series, city, status, delegation_count, "
                           "participant_count, deleted_at, id)")
    timed = run._bare_window(database)
    assert 0 < timed.shown_ms <= timed.exit_ms and 0 < timed.shown_cpu_ms <= timed.exit_cpu_ms + 5
    with pytest.raises(RuntimeError, match="did not show"):
        run._window_run([sys.executable, "-c", "print('no window here')"])


def test_the_pairs_own_ratios_are_quoted_by_their_median() -> None:
    from benchmarks.run import paired_ratio

    # a slow spell on the second pair moves both sides: its own ratio stays 1.5
    assert paired_ratio([150.0, 300.0, 160.0], [100.0, 200.0, 80.0]) == 1.5
    assert paired_ratio([120.0], [100.0]) == 1.2
    with pytest.raises(ValueError):
        paired_ratio([1.0, 2.0], [1.0])


def test_the_import_phases_add_up_and_the_floor_is_timed_beside_them(tmp_path: Path) -> None:
    """`benchmarks/import_phases.py`: every phase of a (tiny) import timed, the nested ones within
    their parent's time, and the plain floor's run on the same bundle, its `json.load` apart."""
    bundle = tmp_path / "b.json"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--dialogues", "30", "--bundle",
                    str(bundle)], capture_output=True, cwd=ROOT, timeout=120, check=True)
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "import_phases.py"), str(bundle)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("30 dialogues: program ") and "floor" in lines[0] and "×" in lines[0]
    seconds = {line[2:24].strip(): float(line[24:].split()[2]) / 1e6 * 30  # "  label  N.NNN s  µs a dialogue"
               for line in lines[1:]}
    for phase in ("json.loads", "read_bundle", "check_meaning", "apply_bundle", "_v1_new", "store_new",
                  "insert_people", "insert_dialogues", "_build_indexes", "commit", "rest of apply",
                  "floor: json.load"):
        assert phase in seconds, (phase, seconds)
    assert seconds["json.loads"] + seconds["check_meaning"] <= seconds["read_bundle"] * 1.001
    assert seconds["insert_people"] + seconds["insert_dialogues"] <= seconds["store_new"] * 1.001
    assert seconds["floor: json.load"] > 0 and seconds["_v1_new"] > 0
