"""The command line through the real console script, in a subprocess, as users and scripts run it."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app import __version__

SCRIPT = shutil.which("dialogue-register", path=str(Path(sys.executable).parent)) or "dialogue-register"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=full_env, timeout=120, check=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"dialogue-register {__version__}"


def test_python_dash_m_is_the_same_program() -> None:
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--version"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and __version__ in result.stdout


def test_demo_export_and_reimport_through_the_console_script(tmp_path) -> None:
    db = tmp_path / "a" / "db.sqlite3"
    first = run("--db", str(db), "demo")
    assert first.returncode == 0, first.stderr
    assert "Added: 4 dialogues, 12 people, 8 institutions" in first.stdout
    again = run("--db", str(db), "demo")
    assert "Unchanged: 4 dialogues, 12 people, 8 institutions" in again.stdout

    bundle = tmp_path / "out.json"
    exported = run("--db", str(db), "export", "-o", str(bundle))
    assert exported.returncode == 0 and "4 dialogues exported" in exported.stdout

    other = tmp_path / "b" / "db.sqlite3"
    imported = run("--db", str(other), "import", str(bundle))
    assert imported.returncode == 0 and "Added: 4 dialogues" in imported.stdout
    checked = run("--db", str(other), "check")
    assert checked.returncode == 0 and "The database is sound." in checked.stdout


def test_export_selection_options(tmp_path) -> None:
    db = tmp_path / "db.sqlite3"
    run("--db", str(db), "demo")
    out = tmp_path / "2024.json"
    result = run("--db", str(db), "export", "-o", str(out), "--from", "2024-01-01", "--to", "2024-12-31")
    assert result.returncode == 0
    assert sorted(d["start_date"] for d in json.loads(out.read_text())["dialogues"]) == ["2024-04-17", "2024-09-10"]
    series = run("--db", str(db), "export", "-o", str(out), "--series", "EU-Central Asia Drug Dialogue")
    assert series.returncode == 0 and "2 dialogues exported" in series.stdout


def test_the_environment_variable_chooses_the_database_and_db_beats_it(tmp_path) -> None:
    from_env = tmp_path / "env.sqlite3"
    result = run("demo", env={"DIALOGUE_REGISTER_DB": str(from_env)})
    assert result.returncode == 0 and from_env.exists()
    explicit = tmp_path / "explicit.sqlite3"
    run("--db", str(explicit), "check", env={"DIALOGUE_REGISTER_DB": str(from_env)})
    assert explicit.exists()


@pytest.mark.parametrize("where", ["--db", "DIALOGUE_REGISTER_DB"])
def test_a_home_folder_of_nobody_is_one_sentence_not_a_bug(tmp_path, where: str) -> None:
    """Round 17: "~nosuchuser/x.sqlite3" made `Path.expanduser` raise, and the command line answered
    "Something went wrong inside Dialogue Register (RuntimeError)" as for a bug."""
    named = "~nosuchuser17/x.sqlite3"
    result = run("--db", named, "list") if where == "--db" else run("list", env={"DIALOGUE_REGISTER_DB": named})
    assert result.returncode == 1
    assert result.stderr == ("dialogue-register: “~nosuchuser17” names no home folder on this computer: "
                             "give the full path.\n")


def test_dry_run_writes_nothing(tmp_path) -> None:
    db = tmp_path / "db.sqlite3"
    run("--db", str(db), "check")
    samples = Path(__file__).resolve().parents[2] / "resources" / "samples" / "demo-bundle.json"
    result = run("--db", str(db), "import", str(samples), "--dry-run")
    assert result.returncode == 0 and "Dry run: nothing was written." in result.stdout
    assert "Contents: 0 dialogues" in run("--db", str(db), "check").stdout


@pytest.mark.parametrize(("content", "expected"), [
    ("{", "is not valid JSON"),
    ("", "is empty"),
    ('{"format": "dialogue-register/bundle"}', "lacks the required field"),
])
def test_a_bad_bundle_exits_1_with_one_sentence_and_leaves_the_database(tmp_path, content, expected) -> None:
    db = tmp_path / "db.sqlite3"
    run("--db", str(db), "demo")
    before = digest(db)
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = run("--db", str(db), "import", str(bad))
    assert result.returncode == 1
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert digest(db) == before


@pytest.mark.parametrize("target", ["missing.json", "."])
def test_a_missing_file_or_a_folder_exits_1(tmp_path, target) -> None:
    result = run("--db", str(tmp_path / "db.sqlite3"), "import", str(tmp_path / target))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1


def test_a_database_path_that_cannot_be_created_exits_1(tmp_path) -> None:
    (tmp_path / "file").write_text("x")
    result = run("--db", str(tmp_path / "file" / "db.sqlite3"), "demo")
    assert result.returncode == 1 and "cannot be created" in result.stderr and "Traceback" not in result.stderr


def test_a_damaged_database_exits_1_for_every_command_and_stays_as_it_was(tmp_path) -> None:
    db = tmp_path / "db.sqlite3"
    db.write_bytes(b"\x00" * 8192)
    before = digest(db)
    for args in (["demo"], ["check"], ["export", "-o", str(tmp_path / "o.json")]):
        result = run("--db", str(db), *args)
        assert result.returncode == 1, args
        assert "Traceback" not in result.stderr
    assert digest(db) == before


@pytest.mark.parametrize("args", [["frobnicate"], ["export"], ["--no-such-option"],
                                  ["export", "-o", "x.json", "--from", "2023-02-30"]])
def test_wrong_usage_exits_2_with_usage(args) -> None:
    result = run(*args)
    assert result.returncode == 2 and "usage:" in result.stderr


def test_from_after_to_is_refused(tmp_path) -> None:
    result = run("--db", str(tmp_path / "db.sqlite3"), "export", "-o", str(tmp_path / "x.json"),
                 "--from", "2024-01-01", "--to", "2023-01-01")
    assert result.returncode == 1 and "is after" in result.stderr


def test_an_import_with_a_conflict_lists_it_applies_the_rest_and_exits_0(tmp_path) -> None:
    from dataclasses import replace

    from desktop_app.db.opening import open_database
    from desktop_app.db.repositories.dialogues import DialogueRepository

    db = tmp_path / "db.sqlite3"
    run("--db", str(db), "demo")
    ours = tmp_path / "ours.json"
    run("--db", str(db), "export", "-o", str(ours))
    exported = json.loads(ours.read_text(encoding="utf-8"))
    first, second = exported["dialogues"][0], exported["dialogues"][1]
    colleague = tmp_path / "colleague.sqlite3"  # a colleague got our bundle and edited two dialogues
    assert run("--db", str(colleague), "import", str(ours)).returncode == 0
    database = open_database(colleague)
    repository = DialogueRepository(database)
    repository.save(replace(repository.get(first["id"]), title="Renamed by a colleague"))
    repository.save(replace(repository.get(second["id"]), summary="A colleague's summary."))
    database.close()
    bundle = tmp_path / "theirs.json"
    run("--db", str(colleague), "export", "-o", str(bundle))
    database = open_database(db)  # our own edit of the first dialogue's title too, since the last exchange
    repository = DialogueRepository(database)
    repository.save(replace(repository.get(first["id"]), title="Renamed here", city="Somewhere else"))
    database.close()

    rehearsal = run("--db", str(db), "import", str(bundle), "--dry-run")
    result = run("--db", str(db), "import", str(bundle))
    assert result.returncode == 0, result.stderr
    assert f"({first['id']}): title" in result.stdout and "conflict: dialogue" in result.stdout
    assert "Conflicts: 1 dialogue, 0 people, 0 institutions" in result.stdout
    assert "not overwritten: 1 record waiting for you to choose" in result.stdout  # round 18: was "1 wait"
    assert "Updated: 1 dialogue," in result.stdout
    assert rehearsal.returncode == 0 and rehearsal.stdout.splitlines()[1:7] == result.stdout.splitlines()[1:7]
    database = open_database(db)
    try:
        repository = DialogueRepository(database)
        assert repository.get(first["id"]).city == "Somewhere else"
        # both titles wait in the conflict; the one shown meanwhile is the same in every database
        assert repository.get(first["id"]).title in ("Renamed here", "Renamed by a colleague")
        assert repository.get(second["id"]).summary == "A colleague's summary."
    finally:
        database.close()
