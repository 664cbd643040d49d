"""Instructions until the first window is shown, the program against the bare-Qt floor (issue 19).

    .venv/bin/python benchmarks/window_instructions.py DATABASE [--to-exit]

Wall and CPU time of a ~0.3 s start on the shared 2-core build machine vary by ±20 %, so the first
window's ratio is counted in instructions (`valgrind --tool=callgrind`), which do not depend on the
machine's load. Both sides run once untimed (so `.pyc` files and the file's migration are done),
then once under callgrind on the same copy of DATABASE: the program's real entry (`run.APP_WINDOW`,
`dialogue-register --db FILE`) and `floor_window.py`. By default each process ends the moment its
window is shown with its rows (`os._exit`), because the issue's figure is the time until the window
is mapped; `--to-exit` counts the normal shutdown too (round 6 and the round 7 branch counted that
way: it adds the interpreter's shutdown and whatever the program does after the first paint, such as
opening its log file)."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import APP_WINDOW, FLOOR_WINDOW  # noqa: E402

EXIT_AT_SHOWN = "    import os; sys.stdout.flush(); os._exit(0)"


def _count(warm: list[str], command: list[str], out: Path) -> int:
    """`warm` runs first, untimed, and ends normally, so that the file is closed as an officer leaves it
    (its log checkpointed: a process ended at the window would leave a migration's pages in the
    `-wal` file for the counted run to read back)."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(warm, env=environment, check=True, capture_output=True)  # .pyc files, the migration
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command], env=environment,
                   check=True, capture_output=True)
    found = re.search(r"^summary: (\d+)", out.read_text(encoding="utf-8", errors="replace"), re.MULTILINE)
    if found is None:
        raise SystemExit(f"no summary in {out}")
    return int(found.group(1))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--to-exit", action="store_true", help="count the shutdown after the window is shown too")
    arguments = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        database = work / "window.sqlite3"
        shutil.copyfile(arguments.database, database)
        program = APP_WINDOW if arguments.to_exit else APP_WINDOW.replace("    app.quit()", EXIT_AT_SHOWN, 1)
        (work / "app.py").write_text(program, encoding="utf-8")
        (work / "app_to_exit.py").write_text(APP_WINDOW, encoding="utf-8")
        floor_options = [] if arguments.to_exit else ["--exit-at-shown"]
        app = _count([sys.executable, str(work / "app_to_exit.py"), str(database)],
                     [sys.executable, str(work / "app.py"), str(database)], work / "app.out")
        floor = _count([sys.executable, str(FLOOR_WINDOW), str(database)],
                       [sys.executable, str(FLOOR_WINDOW), str(database), *floor_options], work / "floor.out")
    print(f"program {app / 1e6:,.1f} M instructions, floor {floor / 1e6:,.1f} M: {app / floor:.3f}x"
          f" ({'to exit' if arguments.to_exit else 'until the window is shown'})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
