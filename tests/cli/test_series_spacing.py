"""`--series` naming a series another office's bundle stored with a space before or after it.

The window's form trims what is typed, but a bundle keeps a series as it came ("EU-Central Asia Drug
Dialogue " from another program). Round 17: `list --series "EU-Central Asia Drug Dialogue"` answered
"There is no series called “EU-Central Asia Drug Dialogue”; the known series are: “EU-Central Asia Drug
Dialogue ”" — the same words to the eye, exit 1. Spaces around a series matter no more than its case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.services.startup import open_for_work
from tests.factories import make_dialogue


@pytest.mark.parametrize("command", [["list", "--format", "json"], ["export", "-o", "{tmp}/out.json"],
                                     ["report", "-o", "{tmp}/r.xlsx", "--include-drafts"]])
def test_a_series_stored_with_spaces_around_it_is_found(tmp_path: Path, capsys, command: list[str]) -> None:
    db = tmp_path / "db.sqlite3"
    database = open_for_work(db).database
    try:
        DialogueRepository(database).save(make_dialogue(series=" EU-Central Asia Drug Dialogue  "))
    finally:
        database.close()
    capsys.readouterr()
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    assert main(["--db", str(db), *argv, "--series", "eu-central asia drug dialogue"]) == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    if command[0] == "list":
        assert len(json.loads(said)) == 1
    else:
        assert "1 dialogue" in said, said
