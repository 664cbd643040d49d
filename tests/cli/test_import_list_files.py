"""`import-list FILE` where FILE is a folder, or a list the officer may not read.

Both ended in "Something went wrong inside Dialogue Register (IsADirectoryError / PermissionError)" —
an internal error and a log entry instead of the contract's one sentence (exit 1). The registration
wizard reads the list the same way. Now each is one sentence naming the file; nothing is written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.cli import main
from tests.cli.without_root import without_root_powers
from tests.services.registration_files import ENGLISH_HEADER, write_csv

ROOT = Path(__file__).resolve().parents[2]
TASHKENT = "f1ae12af"


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    assert main(["--db", str(path), "demo"]) == 0
    return path


def _import_list(db: Path, home: Path, file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(without_root_powers([sys.executable, "-m", "desktop_app", "--db", str(db), "import-list",
                                               str(file), "--dialogue", TASHKENT]),
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(home)},
                          capture_output=True, text=True, timeout=120)


def test_a_folder_given_as_the_list_is_one_sentence(demo_db: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "lists.csv"
    folder.mkdir()
    assert main(["--db", str(demo_db), "import-list", str(folder), "--dialogue", TASHKENT]) == 1
    said = capsys.readouterr().err
    assert "went wrong inside" not in said and "lists.csv" in said and "folder" in said, said


def test_a_list_the_officer_may_not_read_is_one_sentence(demo_db: Path, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "registration.csv", [ENGLISH_HEADER, ("Erlan Usenov", "Expert", "Customs",
                                                                      "Kazakhstan", "M", "")])
    sheet.chmod(0)
    result = _import_list(demo_db, tmp_path / "home", sheet)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "went wrong inside" not in result.stderr and "registration.csv" in result.stderr, result.stderr
    assert "Permission denied" in result.stderr
