"""The open databases, which no file the program writes may replace (`services.safe_files` refuses them).

Apart from `safe_files` so that opening a database — the window's start does, before its first paint —
need not import the writer itself (issue 19, round 7); `safe_files` checks against this same set.
"""

from __future__ import annotations

import os
from pathlib import Path

databases: set[str] = set()
# The database files themselves (without their -wal/-shm/-journal): beside each, the program's own
# backups/ and drafts/ folders, where no report, export or document may be written (round 17).
opened: set[str] = set()


def protect(database_path: Path) -> None:
    """Never write over this database (or its -wal/-shm/-journal): called whenever one is opened.

    Kept for the life of the process: the CLI closes the database before it writes the report.
    """
    real = os.path.realpath(Path(database_path).expanduser().absolute())
    databases.update({real, f"{real}-wal", f"{real}-shm", f"{real}-journal"})
    opened.add(real)
