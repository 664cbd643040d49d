"""`restore FILE` of a backup the officer may not read (copied from another account, a stick mounted
with other permissions).

It said "it is not an SQLite database (damaged or another kind of file)" — a sound backup called
damaged, which an officer may then delete. It now says the file cannot be read; the database is left
as it was either way.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.cli import main
from tests.cli.without_root import without_root_powers

ROOT = Path(__file__).resolve().parents[2]


def test_a_backup_the_officer_may_not_read_is_not_called_damaged(tmp_path: Path) -> None:
    db = tmp_path / "dialogues.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    backup = tmp_path / "copy.sqlite3"
    assert main(["--db", str(db), "backup", "-o", str(backup)]) == 0
    before = db.read_bytes()
    backup.chmod(0)
    try:
        result = subprocess.run(
            without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(db), "restore", str(backup)]),
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
            capture_output=True, text=True, timeout=120)
    finally:
        backup.chmod(0o600)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "damaged" not in result.stderr and "not an SQLite database" not in result.stderr, result.stderr
    assert "cannot be read" in result.stderr, result.stderr
    assert db.read_bytes() == before
