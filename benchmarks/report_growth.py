"""Time and peak memory of the summary report in each format, at several sizes (issue 19: "every
format linear in time and flat in memory").

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/report_growth.py 2000 20000 [--formats xlsx pdf]

Each report runs in a fresh process, the way `dialogue-register report -o FILE` makes it (open,
count, close, write through the safe writer), so its peak RSS (`ru_maxrss`) is the report's own and
not the leftovers of the one before. Databases come from the benchmark cache (`DR_BENCH_CACHE`),
copied first into a private folder: the shared cache is never opened for writing. Prints one line
per run and a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FORMATS = ("xlsx", "docx", "pdf", "html")

ONE_REPORT = r"""
import json, os, resource, sys, time
from pathlib import Path
started = time.perf_counter()
from desktop_app.db.opening import open_database
from desktop_app.services.report import build_report, write_report
from desktop_app.services.report.build import for_format
database_path, target, kind = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
database = open_database(database_path)
try:
    report = build_report(database, **for_format(kind))  # as cmd_report does
    counted = time.perf_counter()
    counted_cpu = sum(os.times()[:2])
    write_report(report, target, kind)  # the database open: the Participants table is read as it is written
finally:
    database.close()
done = time.perf_counter()
cpu = sum(os.times()[:2])
print(json.dumps({"count_s": counted - started, "write_s": done - counted, "total_s": done - started,
                  "cpu_s": cpu, "count_cpu_s": counted_cpu,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "file_mb": target.stat().st_size / 2**20, "dialogues": report.summary.dialogues}))
"""


def private_copy(size: int, seed: int, folder: Path) -> Path:
    """The cached database of `size` dialogues, copied into `folder` (the cache stays untouched)."""
    from benchmarks.run import cached_database

    source = cached_database(size, seed)
    target = folder / source.name
    if not target.exists():
        shutil.copyfile(source, target)
    return target


def measure(database: Path, kind: str, folder: Path) -> dict[str, float]:
    environment = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                       PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", ONE_REPORT, str(database), str(folder / f"report.{kind}"), kind],
                            capture_output=True, text=True, env=environment, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{kind} report failed: {result.stderr.strip()[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Report time and peak memory per format and size.")
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="dr-report-growth-") as name:
        folder = Path(name)
        for size in args.sizes:
            database = private_copy(size, args.seed, folder)
            for kind in args.formats:
                figure = measure(database, kind, folder)
                rows.append({"size": size, "format": kind, **figure})
                print(f"{size:>7,} {kind:<5} count {figure['count_s']:6.2f} s  write {figure['write_s']:7.2f} s  "
                      f"total {figure['total_s']:7.2f} s  CPU {figure['cpu_s']:7.2f} s "
                      f"(counting {figure['count_cpu_s']:.2f})  peak {figure['peak_mb']:7.0f} MB  "
                      f"file {figure['file_mb']:6.1f} MB", flush=True)
            database.unlink()
    print()
    print(f"Machine: {platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs; "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print("| dialogues | format | total s | of which counting s | CPU s | of which counting CPU s | peak RSS MB "
          "| file MB |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['size']:,} | {row['format']} | {row['total_s']:.2f} | {row['count_s']:.2f} | "
              f"{row['cpu_s']:.2f} | {row['count_cpu_s']:.2f} | "
              f"{row['peak_mb']:.0f} | {row['file_mb']:.1f} |")
    if args.output:
        args.output.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
