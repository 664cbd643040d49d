"""`--db` naming something that is not an ordinary file: a named pipe (FIFO) or a device.

Every command, `check` included, opened a FIFO given as the database and waited on it for ever (the
header read blocks until someone writes into the pipe); `/dev/null` was "the disk holding null could not
be written (it may be full or removed)". Both are now refused at once with one sentence, exit 1, as a
bundle that is not an ordinary file is.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
@pytest.mark.parametrize("command", [["list"], ["check"], ["backup"], ["report", "-o", "{tmp}/r.html"],
                                     ["restore", "{tmp}/missing.sqlite3"]])
def test_a_named_pipe_as_the_database_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    pipe = tmp_path / "dialogues.sqlite3"
    os.mkfifo(pipe)
    arguments = [part.replace("{tmp}", str(tmp_path)) for part in command]
    try:
        result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(pipe), *arguments], cwd=ROOT,
                                env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
                                capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command[0]} waited on the pipe instead of refusing it")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "not an ordinary file" in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_a_device_as_the_database_is_refused(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", os.devnull, "list"], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "not an ordinary file" in result.stderr, result.stderr


@pytest.mark.parametrize("command", [["list"], ["check"], ["backup"]])
def test_a_link_to_a_database_that_is_not_there_says_so_and_makes_nothing(tmp_path: Path, command: list[str]) -> None:
    """~/dialogues.sqlite3 → a shared drive not connected, or a folder moved: "cannot be read (No such
    file or directory)" of a path the officer can see in the file manager. Nothing is made where the
    link points (an empty database there would stand in for the real one once the drive is back)."""
    link = tmp_path / "dialogues.sqlite3"
    target = tmp_path / "share" / "Реестр диалогов.sqlite3"
    target.parent.mkdir()
    link.symlink_to(target)
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(link), *command], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "is a link to" in result.stderr and str(target) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert list(target.parent.iterdir()) == [] and link.is_symlink()
