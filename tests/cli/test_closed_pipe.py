"""`dialogue-register … | head`: the reader closes the pipe early, and the command ends quietly.

Each command runs in a subprocess whose stdout is a pipe with no reader left (its read end closed
before the program starts), so every write fails with EPIPE — what `head` does once it has its lines,
without the race of a real `head`.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = shutil.which("dialogue-register", path=str(Path(sys.executable).parent)) or "dialogue-register"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE and 128+N statuses are POSIX")

CLOSED_PIPE_STATUS = 128 + signal.SIGPIPE if hasattr(signal, "SIGPIPE") else 1


def isolated_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache"),
            "DIALOGUE_REGISTER_DB": str(tmp_path / "piped.sqlite3")}


def run_into_closed_pipe(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: the first write the program makes fails
    try:
        return subprocess.run([SCRIPT, *args], stdout=write_end, stderr=subprocess.PIPE, text=True, env=env,
                              timeout=120, check=False)
    finally:
        os.close(write_end)


def logged_files(tmp_path: Path) -> list[Path]:
    """The error log (`errorlog.py`), wherever the log folder is; the activity log of every run is not one."""
    return [path for path in (tmp_path / "home").rglob("dialogue-register.log") if path.is_file()]


@pytest.mark.parametrize(("args", "status"), [
    (["demo"], CLOSED_PIPE_STATUS), (["check"], CLOSED_PIPE_STATUS),
    # argparse's own printing (help, version) drops what it cannot write and exits 0 as always
    (["--help"], 0), (["report", "--help"], 0), (["--version"], 0)],
    ids=["demo", "check", "help", "report-help", "version"])
def test_a_closed_pipe_ends_quietly_with_the_usual_status(tmp_path: Path, args: list[str], status: int) -> None:
    env = isolated_env(tmp_path)
    result = run_into_closed_pipe(args, env)
    assert result.stderr == ""  # no apology, no "Exception ignored … BrokenPipeError", no traceback
    assert result.returncode == status
    assert logged_files(tmp_path) == []  # a reader going away is not a bug: nothing in the error log


def test_the_same_commands_with_a_reader_still_succeed(tmp_path: Path) -> None:
    """The other side of the test above: with someone reading, the status is the ordinary 0."""
    env = isolated_env(tmp_path)
    for args in (["--help"], ["demo"], ["check"]):
        result = subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=env, timeout=120, check=False)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()
    assert logged_files(tmp_path) == []


def test_a_real_head_ends_the_pipeline_quietly(tmp_path: Path) -> None:
    """As an officer types it: `dialogue-register report --help | head -n 1` under pipefail."""
    if shutil.which("head") is None or shutil.which("bash") is None:
        pytest.skip("needs bash and head")
    env = isolated_env(tmp_path)
    result = subprocess.run(["bash", "-o", "pipefail", "-c", f'"{SCRIPT}" --help | head -n 1'],
                            capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.stdout.startswith("usage: dialogue-register")
    assert result.stderr == ""
    assert result.returncode in (0, CLOSED_PIPE_STATUS)  # 0 if help fitted in the pipe before head left
    assert logged_files(tmp_path) == []


@pytest.mark.parametrize("args", [["list"], ["people", "--format", "csv"], ["actions", "--format", "json"]],
                         ids=["list", "people", "actions"])
def test_the_listing_commands_into_a_closed_pipe(tmp_path: Path, args: list[str]) -> None:
    """`dialogue-register list | head`, the case the issue names, for each command that prints rows."""
    env = isolated_env(tmp_path)
    assert subprocess.run([SCRIPT, "demo"], capture_output=True, env=env, timeout=120, check=False).returncode == 0
    result = run_into_closed_pipe(args, env)
    assert result.stderr == ""
    assert result.returncode == CLOSED_PIPE_STATUS
    assert logged_files(tmp_path) == []
