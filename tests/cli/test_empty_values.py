"""Empty values where a script passes a variable that happens to be empty (`--db "$DB"`, `-o "$OUT"`).

Round 17: `--db ""` opened (and created) the officer's usual database in the per-user data folder, so
`dialogue-register --db "$TEST_DB" demo` with TEST_DB unset loaded the sample records into the real
register. An empty FILE or `-o` was answered about the current folder ("/home/anna is a folder; give
a file name", "anna cannot be restored: it is a folder"), a name the officer never typed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main, plain_window_arguments
from desktop_app.paths import DB_ENV


@pytest.fixture
def usual(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The database a command opens when no --db is given: kept in tmp_path for the test."""
    path = tmp_path / "usual" / "dialogues.sqlite3"
    monkeypatch.setenv(DB_ENV, str(path))
    return path


@pytest.mark.parametrize("argv", [["--db", "", "demo"], ["--db=", "list"], ["--db", "  ", "check"], ["--db", ""]])
def test_an_empty_db_is_wrong_usage_and_opens_no_other_database(usual: Path, capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    said = capsys.readouterr().err
    assert "--db" in said and "empty" in said and "Traceback" not in said, said
    assert not usual.exists() and not usual.parent.exists()


def test_the_window_start_leaves_an_empty_db_to_the_parser() -> None:
    assert plain_window_arguments(["--db", ""]) is None
    assert plain_window_arguments(["--db="]) is None


@pytest.mark.parametrize("command", [["import", ""], ["export", "-o", ""], ["report", "-o", "", "--format", "pdf"],
                                     ["backup", "-o", ""], ["restore", ""], ["backup", "-o", "   "],
                                     ["document", "participant-list", "--dialogue", "eb49bc6d", "-o", ""],
                                     ["import-list", "", "--dialogue", "eb49bc6d"]])
def test_an_empty_file_name_is_said_to_be_empty_not_the_current_folder(tmp_path: Path, capsys, monkeypatch,
                                                                       command: list[str]) -> None:
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    here = tmp_path / "officer"
    here.mkdir()
    monkeypatch.chdir(here)
    before = db.read_bytes()
    capsys.readouterr()
    assert main(["--db", str(db), *command]) == 1
    said = capsys.readouterr().err.strip()
    assert len(said.splitlines()) == 1 and "empty" in said, said
    assert "folder" not in said and "officer" not in said, said
    assert db.read_bytes() == before
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("command", [["list", "--series", ""], ["list", "--country", " "], ["actions", "--owner", ""],
                                     ["export", "-o", "{tmp}/out.json", "--series", ""],
                                     ["report", "-o", "{tmp}/r.xlsx", "--country", ""],
                                     ["report", "-o", "{tmp}/r.xlsx", "--series", "  "],
                                     ["document", "note-verbale", "--dialogue", "eb49bc6d", "--party", "",
                                      "--reply-by", "2030-01-01", "-o", "{tmp}/nv.docx"]])
def test_an_empty_filter_is_refused_not_read_as_no_filter(tmp_path: Path, capsys, command: list[str]) -> None:
    """`report --country "$PARTY"` with PARTY empty wrote the whole programme's report as if it were the
    party's (exit 0); `list --series ""` listed every dialogue. An empty value names nothing: refused."""
    db = tmp_path / "db.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    before = sorted(p.name for p in tmp_path.iterdir())
    capsys.readouterr()
    assert main(["--db", str(db), *[part.replace("{tmp}", str(tmp_path)) for part in command]]) == 1
    captured = capsys.readouterr()
    assert len(captured.err.strip().splitlines()) == 1 and "empty" in captured.err, captured.err
    assert captured.out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no bundle, report or document written
