"""Issue 13: one open path. Only `services.startup.open_for_work` opens a database for work (and `check`
creates a missing file, as its contract says); a new caller of `open_database` would skip the daily
backup, the cloud warning, owner-only permissions and, in the window, the rescue dialog and the claim."""

from __future__ import annotations

import re
from pathlib import Path

CALL = re.compile(r"(?<![.\w])(?<!def )open_database\(")  # a call of db.opening's function, not a method

SOURCES = Path(__file__).resolve().parents[1] / "desktop_app"
ALLOWED = {"services/startup.py", "services/checking.py", "db/opening.py"}


def test_nothing_but_the_open_path_calls_open_database() -> None:
    callers = {path.relative_to(SOURCES).as_posix() for path in SOURCES.rglob("*.py")
               if CALL.search(path.read_text(encoding="utf-8"))}
    assert callers <= ALLOWED, f"open_database called outside the one open path: {sorted(callers - ALLOWED)}"


def test_the_rule_notices_a_new_caller(tmp_path: Path) -> None:
    sample = "database = open_database(path)\n"
    assert CALL.search(sample)
    assert not CALL.search("    def open_database(self) -> None:\n        self.open_database()\n")
