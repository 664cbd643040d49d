"""Crash safety: a writer killed with SIGKILL at random moments loses no acknowledged write.

Each round forks the writer (saves from the form and bundle imports, each one transaction), lets
it run for a random moment, kills it with SIGKILL and collects every `ACK`. Afterwards every
acknowledged dialogue must be present, every dialogue must have exactly the delegations and
participants it was sent with (its title says how many), and SQLite's integrity check must pass.
The figures are printed (run with -s) and written to `kill-test-figures.txt` in the test's folder.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import time
from pathlib import Path

import pytest

ROUNDS = 32


def _one_round(db: Path, seed: int, rng: random.Random) -> tuple[list[str], bool]:
    """Fork a writer (no re-import, so rounds are quick), kill it with SIGKILL, return its ACKs."""
    from tests.reliability.writer import run

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write until killed
        os.close(read_end)
        try:
            run(db, seed, os.fdopen(write_end, "w"))
        finally:
            os._exit(3)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        assert pipe.readline().strip() == "READY"
        # Let it acknowledge a few writes first (however slow the machine is), then kill it at a random
        # instant, most likely in the middle of the next transaction.
        seen = [pipe.readline() for _ in range(rng.randint(1, 3))]
        time.sleep(rng.uniform(0.0, 0.3))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        output = "".join(seen) + pipe.read()
    return [line.split()[1] for line in output.splitlines() if line.startswith("ACK ")], killed


@pytest.mark.slow
def test_acknowledged_writes_survive_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "kill.sqlite3"
    rng = random.Random(20261128)
    acknowledged: list[str] = []
    kills = 0
    started = time.monotonic()
    for round_number in range(1, ROUNDS + 1):
        acks, killed = _one_round(db, round_number, rng)
        acknowledged.extend(acks)
        kills += killed

    connection = sqlite3.connect(db)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        present = {row[0] for row in connection.execute("SELECT id FROM dialogues")}
        lost = [dialogue_id for dialogue_id in acknowledged if dialogue_id not in present]
        half_written = []
        for dialogue_id, title in connection.execute("SELECT id, title FROM dialogues"):
            match = re.search(r"d=(\d+) p=(\d+)$", title)
            assert match, title
            expected_delegations, per_delegation = int(match[1]), int(match[2])
            counts = [row[0] for row in connection.execute(
                "SELECT (SELECT count(*) FROM participants p WHERE p.delegation_id = d.id) "
                "FROM delegations d WHERE d.dialogue_id = ?", (dialogue_id,))]
            if counts != [per_delegation] * expected_delegations:
                half_written.append(dialogue_id)
        stored = len(present)
    finally:
        connection.close()

    figures = (f"kill test: rounds={ROUNDS} kills={kills} acknowledged writes={len(acknowledged)} "
               f"dialogues stored={stored} lost={len(lost)} half-written={len(half_written)} "
               f"integrity=ok seconds={time.monotonic() - started:.1f}")
    print(f"\n{figures}")
    (Path(__file__).parent / "kill-test-figures.txt").write_text(figures + "\n", encoding="utf-8")
    assert kills >= 30
    assert len(acknowledged) >= ROUNDS  # the writer really wrote between kills
    assert lost == [] and half_written == []
