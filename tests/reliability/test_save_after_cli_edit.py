"""The form's save after `dialogue-register import-list` added someone to the dialogue it has open.

The form opened the Tashkent conference; the command added Ulan Joldoshev to its Kyrgyz delegation;
the officer, not knowing, removed the Kyrgyz delegation (as it was shown: one participant) and saved.
The save (`services.dialogues.save_dialogue`, which applies the officer's changes onto the stored
dialogue) said "Saved" and the participant the command had added was gone with the delegation —
removed without anyone seeing him. Now such a save is refused as "changed elsewhere", like any edit
that meets another's: the officer sees the stored dialogue first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.db.repositories.dialogues import DialogueRepository
from desktop_app.domain.errors import StaleRecord
from desktop_app.services.dialogues import save_dialogue
from desktop_app.services.samples import load_samples
from tests.services.registration_files import ENGLISH_HEADER, write_csv

ROOT = Path(__file__).resolve().parents[2]
TASHKENT = "f1ae12af-12a3-5453-b187-9b08e7c42b53"


def _people(dialogue) -> set[str]:
    return {p.person_id for g in dialogue.delegations for p in g.participants}


def test_removing_a_delegation_the_command_line_added_to_meanwhile_is_not_saved_silently(database, db_path,
                                                                                         tmp_path: Path) -> None:
    load_samples(database)
    repository = DialogueRepository(database)
    shown = repository.get(TASHKENT)  # the form opens it
    kyrgyz = next(g for g in shown.delegations if g.party.code == "KG")

    sheet = write_csv(tmp_path / "list.csv", [ENGLISH_HEADER, ("Ulan Joldoshev", "Expert", "Customs", "Kyrgyzstan",
                                                              "M", "")])
    result = subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db_path), "import-list", str(sheet),
                             "--dialogue", TASHKENT[:8]], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    added = _people(repository.get(TASHKENT)) - _people(shown)
    assert len(added) == 1

    edited = replace(shown, delegations=tuple(g for g in shown.delegations if g.id != kyrgyz.id))
    with pytest.raises(StaleRecord):
        save_dialogue(database, edited, base=shown)
    assert added <= _people(repository.get(TASHKENT))  # the command's participant is still there


def test_changes_to_other_parts_still_merge_without_asking(database, db_path, tmp_path: Path) -> None:
    """The rule it must not break (issue 13, finding 4): the command adds to one delegation, the
    officer edits the city; both are kept."""
    load_samples(database)
    repository = DialogueRepository(database)
    shown = repository.get(TASHKENT)
    sheet = write_csv(tmp_path / "list.csv", [ENGLISH_HEADER, ("Ulan Joldoshev", "Expert", "Customs", "Kyrgyzstan",
                                                              "M", "")])
    subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db_path), "import-list", str(sheet),
                    "--dialogue", TASHKENT[:8]], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")})
    added = _people(repository.get(TASHKENT)) - _people(shown)
    saved = save_dialogue(database, replace(shown, city="Samarkand"), base=shown)
    assert saved.city == "Samarkand" and added <= _people(saved)
